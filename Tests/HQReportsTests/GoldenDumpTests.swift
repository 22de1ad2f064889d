#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HQData
import Testing

@testable import HQReports

/// What every report text of the repository reads as, source by source, against the dumps
/// committed in `Tests/Golden/<text>/<source>.tsv` (see `Tests/Golden/README.md`).
///
/// Any change to extraction shows here as a line diff; when the change is intended, re-record
/// with `Scripts/record-golden` (`HQ_RECORD_GOLDEN=1`) and review the files' `git diff`.
@Suite struct GoldenDumpTests {
  @Test(arguments: ReportTexts.all)
  func dumpsMatchTheCommittedFiles(_ text: ReportTexts.Text) throws {
    let model = try text.model()
    let directory = GoldenDump.directory + "/" + text.name
    if GoldenDump.isRecording {
      let changed = try GoldenDump.record(GoldenDump.dumps(of: model), in: directory)
      let summary = changed.isEmpty ? "unchanged" : "changed: " + changed.joined(separator: ", ")
      Issue.record("Recorded the golden dumps of \(text.fileName) in \(directory) (\(summary)); review with git diff")
      return
    }
    for dump in GoldenDump.dumps(of: model) {
      let file = directory + "/" + dump.file
      guard let committed = try? String(contentsOfFile: ReportTexts.path(file), encoding: .utf8) else {
        Issue.record("\(file) is missing; record it with Scripts/record-golden")
        continue
      }
      if let diff = GoldenDump.lineDiff(from: committed, to: dump.contents) {
        Issue.record("\(file) differs from what \(text.fileName) reads as now (- committed, + now):\n\(diff)")
      }
    }
  }

  /// Every golden directory belongs to a text (a renamed or removed text leaves none behind).
  @Test func everyGoldenDirectoryHasItsText() throws {
    let names = Set(ReportTexts.all.map(\.name))
    let directories = try FileManager.default.contentsOfDirectory(atPath: ReportTexts.path(GoldenDump.directory))
      .filter { !$0.contains(".") }
    for directory in directories.sorted() where !names.contains(directory) {
      Issue.record("\(GoldenDump.directory)/\(directory) has no report text; remove it with git rm -r")
    }
  }

  /// The texts are all found, and no two share a name (their golden directories would).
  @Test func textsAreFoundWithDistinctNames() {
    #expect(ReportTexts.bundled.count == 2)
    #expect(ReportTexts.dev.count == 9)
    #expect(!ReportTexts.synthetic.isEmpty)
    #expect(!ReportTexts.readingOrder.isEmpty)
    #expect(ReportTexts.blind.count == 24)
    let names = ReportTexts.all.map(\.name)
    #expect(Set(names).count == names.count, "two texts share a name")
  }

  @Test func fieldsAreEscapedAndNumbersExact() {
    #expect(GoldenDump.field(.text("a\tb\nc\\d\re")) == #"a\tb\nc\\d\re"#)
    #expect(GoldenDump.field(.number(Number(mantissa: -12040, scale: 3))) == "-12.04")
    #expect(GoldenDump.field(.null) == "")
  }

  @Test func lineDiffNamesTheLines() throws {
    #expect(GoldenDump.lineDiff(from: "a\nb\n", to: "a\nb\n") == nil)
    let diff = try #require(GoldenDump.lineDiff(from: "h\nx\ny\nz\n", to: "h\nx\nY\nz\nw\n"))
    #expect(diff == "-     3 | y\n+     3 | Y\n+     5 | w\n(1 line removed, 2 added)")
  }
}

/// Writing a model as one TSV file per source, and comparing such files line by line.
enum GoldenDump {
  /// Where the dumps are kept, relative to the repository root.
  static let directory = "Tests/Golden"

  /// `HQ_RECORD_GOLDEN=1` (any value but empty or `0`) re-records instead of comparing.
  static var isRecording: Bool {
    let value = ProcessInfo.processInfo.environment["HQ_RECORD_GOLDEN"] ?? ""
    return !value.isEmpty && value != "0"
  }

  /// The differing lines shown at most; the rest are counted.
  static let diffLineLimit = 20
  /// The characters of a differing line shown at most.
  static let diffLineWidth = 300

  /// The dumps of a model: one file per source, its columns in the source's schema order.
  static func dumps(of model: ReportModel) -> [(file: String, contents: String)] {
    [
      ("facts.tsv", tsv(model.factsTable(), schema: ReportModel.factsSchema)),
      ("goals.tsv", tsv(model.goalsTable(), schema: ReportModel.goalsSchema)),
      ("sections.tsv", tsv(model.sectionsTable(), schema: ReportModel.sectionsSchema)),
      ("reports.tsv", tsv(model.reportsTable(), schema: ReportModel.reportsSchema)),
      ("unread.tsv", tsv(model.unreadTable(), schema: ReportModel.unreadSchema)),
    ]
  }

  /// A header line of the schema's field names, then one line per row. A column the table
  /// lacks is written empty (and differs from the committed dump, so it is seen).
  static func tsv(_ table: Table, schema: Schema) -> String {
    let columns = schema.fields.map { table.column(named: $0.name) }
    var out = schema.names.joined(separator: "\t") + "\n"
    for row in 0..<table.rowCount {
      out += columns.map { $0.map { field($0.value(at: row)) } ?? "" }.joined(separator: "\t")
      out += "\n"
    }
    return out
  }

  /// A value as a TSV field: numbers exactly (``Number/description``), empty for null, and
  /// `\`, tab, newline and carriage return in text escaped as `\\`, `\t`, `\n`, `\r`.
  static func field(_ value: Value) -> String {
    guard case .text(let text) = value else { return value.description }
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Writes the dumps that differ from the files in `directory` (created if missing).
  /// - Returns: the names of the files written.
  static func record(_ dumps: [(file: String, contents: String)], in directory: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: ReportTexts.path(directory), withIntermediateDirectories: true)
    var changed: [String] = []
    for dump in dumps {
      let path = ReportTexts.path(directory + "/" + dump.file)
      guard (try? String(contentsOfFile: path, encoding: .utf8)) != dump.contents else { continue }
      try dump.contents.write(toFile: path, atomically: true, encoding: .utf8)
      changed.append(dump.file)
    }
    return changed
  }

  /// The lines removed from `old` (`-`, with their line number in `old`) and added in `new`
  /// (`+`, with their line number in `new`), in file order, at most ``diffLineLimit`` of them,
  /// then the counts; nil when the texts are equal.
  static func lineDiff(from old: String, to new: String) -> String? {
    guard old != new else { return nil }
    let oldLines = lines(old)
    let newLines = lines(new)
    let difference = newLines.difference(from: oldLines)
    var removed = Set<Int>()
    var inserted = Set<Int>()
    for change in difference {
      switch change {
      case .remove(let offset, _, _): removed.insert(offset)
      case .insert(let offset, _, _): inserted.insert(offset)
      }
    }
    var shown: [String] = []
    var (i, j) = (0, 0)
    while (i < oldLines.count || j < newLines.count) && shown.count < diffLineLimit {
      if removed.contains(i) {
        shown.append("- " + numbered(i, oldLines[i]))
        i += 1
      } else if inserted.contains(j) {
        shown.append("+ " + numbered(j, newLines[j]))
        j += 1
      } else {
        i += 1
        j += 1
      }
    }
    let total = removed.count + inserted.count
    if total > shown.count { shown.append("… \(total - shown.count) more differing lines") }
    if total == 0 { shown.append("(the files differ only in their final line break)") }
    let plural = removed.count == 1 ? "line" : "lines"
    shown.append("(\(removed.count) \(plural) removed, \(inserted.count) added)")
    return shown.joined(separator: "\n")
  }

  private static func lines(_ text: String) -> [Substring] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// A differing line as shown: its 1-based number, then the line, cut after
  /// ``diffLineWidth`` characters (a section's text is one long line).
  private static func numbered(_ index: Int, _ line: Substring) -> String {
    let number = String(index + 1)
    let shown = line.count > diffLineWidth ? line.prefix(diffLineWidth) + "…" : line
    return String(repeating: " ", count: max(0, 5 - number.count)) + number + " | " + shown
  }
}
