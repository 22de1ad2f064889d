import Foundation
import HQData
import HQEngine
import HQReports
import HQShell
import HQSyntax
import Testing

/// Runs every example in docs/LANGUAGE.md and docs/CHARTS.md and compares it with the output
/// printed under it, so the language reference cannot drift from what hq does.
///
/// An example is a ```` ```hq ```` block followed by an ```` ```output ```` block (the result
/// in the `table` format, no width limit, after any warnings as rendered for a source named
/// `query`) or an ```` ```error ```` block (the diagnostics as rendered for that source). A line `# hq --set NAME=VALUE` in the example sets
/// a parameter first; `# hq --load PATH` loads a file of the repository first (as `--load`
/// does); `# hq --format NAME` prints the results in that format instead of `table` (for
/// `csv-sv`, the byte order mark it starts with is checked and not shown in the document).
/// Each example runs in a fresh engine over the bundled reports. A chart is shown as it is
/// drawn as text without colour, 80 columns wide unless it says `width N`.
@Suite struct LanguageDocTests {
  @Test(arguments: DocExample.all)
  func example(_ example: DocExample) {
    let actual = DocExample.run(example.query, parameters: example.parameters, loads: example.loads, format: example.format)
    #expect(
      DocExample.normalized(actual) == DocExample.normalized(example.expected),
      "docs/\(example.document):\(example.line): the example's \(example.isError ? "error" : "output") differs\n--- expected\n\(example.expected)\n--- actual\n\(actual)")
  }

  @Test func theDocumentsHaveExamples() {
    #expect(DocExample.all.filter { $0.document == "LANGUAGE.md" }.count >= 50)
    #expect(DocExample.all.filter { $0.document == "CHARTS.md" }.count >= 10)
    #expect(DocExample.problems.isEmpty, "\(DocExample.problems)")
  }
}

struct DocExample: Sendable, CustomTestStringConvertible {
  /// The document's file name under docs/.
  var document = "LANGUAGE.md"
  var line: Int
  var query: String
  var parameters: [String: String]
  /// Files to load first (`# hq --load PATH`), relative to the repository.
  var loads: [String] = []
  /// The format to print results in (`# hq --format NAME`).
  var format: OutputFormat = .table
  var expected: String
  var isError: Bool

  var testDescription: String { "\(document):\(line) \(query.split(separator: "\n").first ?? "")" }

  static let docsDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs")

  /// The documents whose examples are run.
  static let documents = ["LANGUAGE.md", "CHARTS.md"]

  static let parsed: (examples: [DocExample], problems: [String]) = {
    var examples: [DocExample] = []
    var problems: [String] = []
    for document in documents {
      let path = docsDirectory.appendingPathComponent(document).path
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        problems.append("cannot read \(path)")
        continue
      }
      let (found, issues) = extract(from: text, document: document)
      examples += found
      problems += issues
    }
    return (examples, problems)
  }()

  static var all: [DocExample] { parsed.examples }
  static var problems: [String] { parsed.problems }

  /// Finds each ```hq block and the ```output or ```error block after it.
  static func extract(from text: String, document: String = "LANGUAGE.md") -> (examples: [DocExample], problems: [String]) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var examples: [DocExample] = []
    var problems: [String] = []
    var index = 0
    func block(at start: Int) -> (body: String, end: Int) {
      var end = start + 1
      var body: [String] = []
      while end < lines.count, lines[end] != "```" {
        body.append(lines[end])
        end += 1
      }
      return (body.joined(separator: "\n"), end)
    }
    while index < lines.count {
      guard lines[index] == "```hq" else {
        index += 1
        continue
      }
      let start = index
      let (query, queryEnd) = block(at: start)
      var next = queryEnd + 1
      while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
      guard next < lines.count, lines[next] == "```output" || lines[next] == "```error" else {
        problems.append("\(document):\(start + 1): an hq example without an output or error block")
        index = queryEnd + 1
        continue
      }
      let (expected, expectedEnd) = block(at: next)
      var parameters: [String: String] = [:]
      for line in query.split(separator: "\n") where line.hasPrefix("# hq --set ") {
        let assignment = line.dropFirst("# hq --set ".count)
        if let equals = assignment.firstIndex(of: "=") {
          parameters[String(assignment[..<equals])] = String(assignment[assignment.index(after: equals)...])
        }
      }
      var loads: [String] = []
      var format = OutputFormat.table
      for line in query.split(separator: "\n") {
        if line.hasPrefix("# hq --load ") { loads.append(String(line.dropFirst("# hq --load ".count))) }
        if line.hasPrefix("# hq --format "), let named = OutputFormat(name: String(line.dropFirst("# hq --format ".count))) {
          format = named
        }
      }
      examples.append(DocExample(
        document: document, line: start + 1, query: query, parameters: parameters, loads: loads, format: format,
        expected: expected, isError: lines[next] == "```error"))
      index = expectedEnd + 1
    }
    return (examples, problems)
  }

  /// The text with trailing blanks removed from every line, which editors may strip.
  static func normalized(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
      .joined(separator: "\n")
  }

  /// The bundled reports as the engine sees them in the shell.
  static let catalog: Catalog = Catalog(deferred: DataLoading.tables(of: DataLoading.bundledModel().model))

  /// Runs `query` and returns its results (table format, one after the other as the shell
  /// prints them) or its rendered diagnostics.
  static func run(_ query: String, parameters: [String: String], loads: [String] = [], format: OutputFormat = .table) -> String {
    var catalog = catalog
    if !loads.isEmpty {
      // Loaded as the shell loads them (`--load`); notes about the file are not part of the output.
      let session = Session(model: ReportModel(), output: OutputSink(), errors: OutputSink(), outputIsTerminal: false)
      let root = docsDirectory.deletingLastPathComponent().path
      do throws(ShellError) {
        try session.load(paths: loads.map { root + "/" + $0 })
      } catch {
        return "cannot load \(loads): \(error.message)"
      }
      for name in session.engine.catalog.tables.map(\.name) where catalog[name] == nil {
        catalog[name] = session.engine.catalog[name]
      }
    }
    var engine = Engine(catalog: catalog)
    for (name, value) in parameters { engine.parameters[name] = Engine.parameterValue(value) }
    var outputs: [String] = []
    do throws(EngineError) {
      try engine.run(SourceFile(name: "query", text: query)) { warning in
        outputs.append(warning.rendered)
      } result: { result in
        let table: Table
        switch result {
        case .table(let rows): table = rows
        case .chart(let chart):
          outputs.append(TextChart(chart, width: chart.width ?? 80, colour: false).render())
          return
        }
        let sink = OutputSink()
        format.write(table, to: sink)
        var text = sink.text
        if format == .csvSV {
          // The mark Excel needs, invisible in the document: checked here, then left out.
          guard text.hasPrefix("\u{FEFF}") else {
            outputs.append("csv-sv output without its byte order mark")
            return
          }
          text.removeFirst()
        }
        outputs.append(text)
      }
    } catch {
      switch error {
      case .diagnostics(let diagnostics): outputs.append(diagnostics.rendered)
      case .cancelled: outputs.append("cancelled")
      }
    }
    return outputs.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }.joined(separator: "\n")
  }
}
