#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HQData
import Testing

@testable import HQReports

/// The report texts of the repository that the golden and fidelity tests read, found from
/// this file's path (so the tests run from any directory).
enum ReportTexts {
  /// One report text: where it is, and under which name its golden dumps are kept.
  struct Text: Sendable, CustomTestStringConvertible {
    /// The file name without `.txt`; also the name of its truth files and golden directory.
    var name: String
    /// The directory holding the text, relative to the repository root (`Datasets/dev`).
    var directory: String

    /// The file name, given to the ingester as the report's `source` (never a path, so the
    /// dumps do not depend on where the repository is).
    var fileName: String { name + ".txt" }
    var testDescription: String { "\(directory)/\(fileName)" }

    /// The path of a file beside the text: `sibling(".tsv")` is `<directory>/<name>.tsv`.
    func sibling(_ suffix: String) -> String {
      ReportTexts.path(directory + "/" + name + suffix)
    }

    func contents() throws -> String {
      try String(contentsOfFile: sibling(".txt"), encoding: .utf8)
    }

    /// The text ingested, as ``ReportTexts/ingested`` holds it.
    func model() throws -> ReportModel {
      guard let result = ReportTexts.ingested[testDescription] else { throw NotListed(text: testDescription) }
      return try result.get()
    }
  }

  struct NotListed: Error, CustomStringConvertible {
    var text: String
    var description: String { "\(text) is not among ReportTexts.all" }
  }

  /// Every text of ``all`` ingested once per test process, on every core: the golden and
  /// fidelity suites read the same models, and whichever asks first waits for all of them.
  static let ingested: [String: Result<ReportModel, any Error>] = {
    let texts = all
    let results = Parallel.map(texts.count) { i in
      Result { ReportIngester.ingest(text: try texts[i].contents(), source: texts[i].fileName).model }
    }
    return Dictionary(zip(texts.map(\.testDescription), results)) { first, _ in first }
  }()

  /// The repository root: three levels above this file (`Tests/HQReportsTests/ReportTexts.swift`).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func path(_ relative: String) -> String { root + "/" + relative }

  /// The bundled reports in `Datasets/`.
  static let bundled = texts(in: "Datasets")
  /// The dev texts (real reports converted by a third party), with truth in `Datasets/truth`.
  static let dev = texts(in: "Datasets/dev")
  /// The generated reports, each with its truth beside it.
  static let synthetic = texts(in: "Tests/Fixtures/Synthetic")
  /// The reading-order texts of the generated table PDFs.
  static let readingOrder = texts(in: "Tests/Fixtures/Reports")

  /// The blind reports (`Scripts/make-blind-reports --seed 2026`), each with its truth beside it.
  static let blind = texts(in: "Tests/Fixtures/Blind")

  static let all = bundled + dev + synthetic + readingOrder + blind

  /// The `.txt` files of a directory (not its subdirectories), sorted by name; empty when
  /// the directory cannot be listed (the tests check the counts).
  static func texts(in directory: String) -> [Text] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path(directory))) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map {
      Text(name: String($0.dropLast(4)), directory: directory)
    }
  }
}
