import Foundation
import HQReports
import Testing
@testable import HQShell

@Suite struct HelpTests {
  static let model = DataLoading.bundledModel().model

  /// Every example on a help page runs without an error over the bundled reports.
  @Test(arguments: Help.pages.map(\.example))
  func helpExamplesRun(_ example: String) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: Self.model, format: .csv, output: out, errors: err, outputIsTerminal: false)
    #expect(session.run(example, name: "<help>") == .success, "\(err.text)")
  }

  /// Every format has a page, and its example runs, writing its files into a fresh directory.
  @Test(arguments: OutputFormat.allCases)
  func formatPagesExistAndTheirExamplesRun(_ format: OutputFormat) throws {
    let page = try Help.page(for: format.rawValue)
    #expect(page.hasPrefix("\(format.rawValue) (format)\n  "))
    #expect(page.hasSuffix("Example:\n  \(format.helpExample)\n"))
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-help-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    // `.once result.csv` → `.once DIR/result.csv`.
    let example = format.helpExample.split(separator: "\n").map { line in
      let text = line.trimmingCharacters(in: .whitespaces)
      for command in [".once ", ".output "] where text.hasPrefix(command) && text.count > command.count {
        return command + dir.path + "/" + text.dropFirst(command.count)
      }
      return text
    }.joined(separator: "\n")
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: Self.model, format: .csv, output: out, errors: err, outputIsTerminal: false)
    #expect(session.run(example, name: "<help>") == .success, "\(err.text)")
    #expect(session.finish())
    if let file = try FileManager.default.contentsOfDirectory(atPath: dir.path).first {
      let size = try FileManager.default.attributesOfItem(atPath: dir.path + "/" + file)[.size] as? Int ?? 0
      #expect(size > 10, "\(file) is empty")
    }
  }

  @Test func formatsPageListsEveryFormat() throws {
    let page = try Help.page(for: "formats")
    for format in OutputFormat.allCases { #expect(page.contains("  \(format.rawValue) ")) }
  }

  @Test func indexListsEveryMetaCommand() throws {
    let index = try Help.page(for: nil)
    for command in MetaCommand.catalog { #expect(index.contains(command.usage)) }
  }
}
