import Foundation
import PackagePlugin

/// Compiles every report text in the package's `Datasets/` folder into the `HQDatasets` module,
/// with the model ingested from them (so `hq` does not ingest them at every start).
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
    let tool = try context.tool(named: "EmbedDatasetsTool").url
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) report texts from Datasets/ and their ingested model",
        executable: tool,
        arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
        // The tool carries the ingester: a change to the reading rules rebuilds the model.
        inputFiles: inputs + [tool],
        outputFiles: [output]
      )
    ]
  }
}
