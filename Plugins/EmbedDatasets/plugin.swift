import Foundation
import PackagePlugin

/// Compiles every report text in the package's `Datasets/` folder into the `HQDatasets` module.
///
/// Why a build plugin rather than resource bundles: a resource bundle must travel next to the
/// binary, and `hq` has to find its default data wherever it is copied or installed. Generated
/// source ties the texts to the binary itself and rebuilds whenever a dataset changes.
@main
struct EmbedDatasets: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let datasets = context.package.directoryURL.appending(path: "Datasets")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: datasets.path(percentEncoded: false))) ?? []
    let inputs = names.filter { $0.hasSuffix(".txt") }.sorted().map { datasets.appending(path: $0) }
    let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedDatasets.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) report texts from Datasets/",
        executable: try context.tool(named: "EmbedDatasetsTool").url,
        arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
