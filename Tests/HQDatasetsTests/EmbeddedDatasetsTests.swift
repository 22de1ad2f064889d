import Foundation
import HQDatasets
import Testing

@Suite struct EmbeddedDatasetsTests {
  /// The package's Datasets/ folder, found from this file's path.
  static let datasetsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appending(path: "Datasets")

  @Test func everyTextInDatasetsIsEmbeddedByName() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.datasetsFolder.path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    #expect(EmbeddedDatasets.all.map(\.name) == names)
    #expect(names.contains("region-halland-arsredovisning-2024.txt"))
    #expect(names.contains("region-halland-uppfoljningsrapport-2-2017.txt"))
  }

  @Test func embeddedTextsAreByteForByteTheFiles() throws {
    for dataset in EmbeddedDatasets.all {
      let data = try Data(contentsOf: Self.datasetsFolder.appending(path: dataset.name))
      #expect(Array(dataset.text.utf8) == Array(data), "\(dataset.name) differs from its file")
    }
  }
}
