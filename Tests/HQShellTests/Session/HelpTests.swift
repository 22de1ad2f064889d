import Foundation
import HQReports
import HQSyntax
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

  /// Every meta command's example runs: its files written into (and read from) a fresh
  /// directory, the script it names from the repository; only reading a terminal's standard
  /// input (`.load /dev/stdin`) and leaving (`.quit`) are left out.
  @Test(arguments: MetaCommand.catalog.map(\.name))
  func metaCommandExamplesRun(_ name: String) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-help-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "kommun;värde\nHalmstad;1 204,5\n".write(to: dir.appendingPathComponent("kolada.csv"), atomically: true, encoding: .utf8)
    // Windows-1252: "Varberg;7" with an å (0xE5) in the header.
    try Data([0x6B, 0x6F, 0x6D, 0x6D, 0x75, 0x6E, 0x3B, 0x76, 0xE5, 0x72, 0x64, 0x65, 0x0A, 0x56, 0x61, 0x72, 0x62, 0x65, 0x72, 0x67, 0x3B, 0x37, 0x0A])
      .write(to: dir.appendingPathComponent("export.csv"))
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    var lines: [String] = name == "unset" ? [".set year 2024"] : []
    for example in Help.metaExamples(name) where !example.line.contains("/dev/stdin") && example.line != ".quit" {
      // File names (a word with an extension) go to the directory; Scripts/… to the repository.
      let words = example.line.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
        if word.hasPrefix("Scripts/") { return root + "/" + word }
        if word.first != "." && !word.contains("=") && !word.contains("\"") && word.contains(".") { return dir.path + "/" + word }
        return String(word)
      }
      lines.append(example.line.hasPrefix(".") ? words.joined(separator: " ") : example.line)
    }
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: Self.model, format: .csv, output: out, errors: err, outputIsTerminal: false)
    #expect(session.run(lines.joined(separator: "\n"), name: "<help>") == .success, "\(lines) \(err.text)")
    #expect(session.finish())
    // A file the example names was written.
    for word in lines.joined(separator: " ").split(separator: " ") where word.hasPrefix(dir.path) {
      let written = ["my-analysis.hq", "result.csv", "result.txt", "top5.json", "trend.svg", "reports.json"]
      if written.contains(where: { word.hasSuffix("/" + $0) }) {
        #expect(FileManager.default.fileExists(atPath: String(word)), "\(word) was not written")
      }
    }
  }

  /// `.help TOPIC` has a page for every stage, source, function, aggregate, window function,
  /// operator, clause, meta command and format the language has (issue 14, item 4).
  @Test func everyWordOfTheLanguageHasAPage() {
    let stages = Keywords.stages.filter { !$0.contains(" ") } + Keywords.statementStarts
    let operators = ["==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "~", "!~"] + ["in", "is", "and", "or", "not"]
    let clauses = ["by", "per", "vs", "value", "on", "into", "asc", "desc", "case"]
    let sources = ["facts", "goals", "sections", "reports", "unread", "lines", "search"]
    let topics = stages + Functions.all + operators + clauses + sources + MetaCommand.catalog.map(\.name)
      + OutputFormat.allCases.map(\.rawValue) + ["formats"]
    for topic in topics {
      #expect(throws: Never.self, "no .help page for '\(topic)'") { _ = try Help.page(for: topic) }
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
