import HQData
import HQReports
@testable import HQShell

/// Small tables built by hand, with the awkward values formats must survive.
enum Fixtures {
  /// indicator (text), year (number), value (number), note (text): Swedish letters, a comma,
  /// a quote, a newline, a tab, a null, a negative decimal.
  static func awkward() -> Table {
    var builder = TableBuilder(
      name: "t",
      schema: Schema([Field("indicator", .text), Field("year", .number), Field("value", .number), Field("note", .text)]))
    let rows: [[Value]] = [
      [.text("Läkemedel"), .int(2023), .number(Number(mantissa: 255, scale: 1)), .text("plain")],
      [.text("Tandvård, barn"), .int(2024), .number(Number(mantissa: -12041, scale: 1)), .text("says \"hej\"")],
      [.text("Åtgärd\tflik"), .null, .number(Number(mantissa: 5, scale: 2)), .text("two\nlines")],
      [.text("x|y"), .int(2017), .null, .null],
    ]
    for row in rows { try? builder.append(row) }
    return builder.build()
  }

  /// Loads `paths` into a session writing CSV, then runs each of `texts` in it, one after
  /// another: what each printed and reported, or `load: …` when the load failed.
  /// `configure` sets the session up first (columns on demand, planned statements).
  static func outputs(_ paths: [String], _ texts: [String], configure: (Session) -> Void) -> [String] {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: .csv, output: out, errors: err, outputIsTerminal: false)
    configure(session)
    do {
      try session.load(paths: paths)
    } catch {
      return ["load: " + error.rendered()]
    }
    return texts.map { text in
      let (printed, reported) = (out.text.count, err.text.count)
      _ = session.run(text, name: "<command>")
      return String(out.text.dropFirst(printed)) + String(err.text.dropFirst(reported))
    }
  }

  static func render(_ table: Table, _ format: OutputFormat, width: Int? = nil) -> String {
    let sink = OutputSink()
    format.write(table, to: sink, display: Display(width: width))
    return sink.text
  }
}

/// A CSV reader written for the tests (RFC 4180: quoted fields, doubled quotes, newlines
/// inside quotes), independent of the formatter it checks.
enum TestCSV {
  static func parse(_ text: String, delimiter: Character = ",") -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == delimiter {
        row.append(field); field = ""
      } else if c == "\n" {
        row.append(field); field = ""
        rows.append(row); row = []
      } else {
        field.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
  }
}
