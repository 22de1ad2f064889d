import Foundation
import HQData
import HQReports
import Testing
@testable import HQShell

/// `.maxrows` and `.numbers`: how the formats people read show long results and numbers.
@Suite struct DisplayTests {
  private func table(_ fields: [Field], _ rows: [[Value]]) -> Table {
    var builder = TableBuilder(name: "t", schema: Schema(fields))
    for row in rows { try? builder.append(row) }
    return builder.build()
  }

  private func render(_ table: Table, _ display: Display) -> String { render(table, .table, display) }

  private func render(_ table: Table, _ format: OutputFormat, _ display: Display) -> String {
    let sink = OutputSink()
    format.write(table, to: sink, display: display)
    return sink.text
  }

  @Test func swedishNumbersGroupThousandsWithASpaceAndUseADecimalComma() {
    #expect(Number(mantissa: 23_816_405, scale: 1).swedishText(groupFrom: 4) == "2 381 640,5")
    #expect(Number(mantissa: -12_041, scale: 1).swedishText(groupFrom: 4) == "-1 204,1")
    #expect(Number(mantissa: -12_041, scale: 1).swedishText(groupFrom: 5) == "-1204,1")
    #expect(Number(mantissa: 5, scale: 2).swedishText(groupFrom: 4) == "0,05")
    #expect(Number(mantissa: 100_000).swedishText(groupFrom: 4) == "100 000")
    #expect(Number(mantissa: 999).swedishText(groupFrom: 4) == "999")
    #expect(Number(mantissa: 99_999, scale: 1).hasFiveIntegerDigits == false)
    #expect(Number(mantissa: -100_000, scale: 1).hasFiveIntegerDigits == true)
    #expect(Number(mantissa: 1, scale: 18).hasFiveIntegerDigits == false)
  }

  @Test func aYearColumnStaysUngroupedWhileAnAmountColumnGroupsFourDigits() {
    let t = table(
      [Field("year", .number), Field("value", .number), Field("line", .number, role: .position)],
      [
        [.int(2024), .number(Number(mantissa: 12_041, scale: 1)), .int(12_345)],
        [.int(2023), .int(12_450), .int(7)],
      ])
    #expect(render(t, Display(numbers: .swedish)) == """
      year    value   line
      ────  ───────  ─────
      2024  1 204,1  12345
      2023   12 450      7
      (2 rows)

      """)
    // Plain, as before.
    #expect(render(t, Display()) == """
      year   value   line
      ────  ──────  ─────
      2024  1204.1  12345
      2023   12450      7
      (2 rows)

      """)
  }

  @Test func swedishNumbersInTheLineFormat() {
    let t = table([Field("indicator", .text), Field("value", .number)], [[.text("Besök"), .int(2_381_640)]])
    #expect(render(t, .line, Display(numbers: .swedish)) == """
      -[ RECORD 1 ]---------
      indicator | Besök
      value     | 2 381 640

      """)
  }

  @Test func longResultsShowTheirFirstRowsAndSayHowManyMore() {
    let rows: [[Value]] = (1...7).map { [.text(String(repeating: "x", count: $0)), .int($0)] }
    let t = table([Field("name", .text), Field("n", .number)], rows)
    // Widths come from the rows shown: the longer names below are not measured.
    #expect(render(t, Display(maxRows: 3)) == """
      name  n
      ────  ─
      x     1
      xx    2
      xxx   3
      … 4 more rows; .maxrows 0 shows all
      (7 rows)

      """)
    #expect(render(t, Display(maxRows: 6)).contains("… 1 more row; .maxrows 0 shows all\n(7 rows)\n"))
    #expect(!render(t, Display(maxRows: 7)).contains("more row"))
    #expect(render(t, .line, Display(maxRows: 1)).hasSuffix("n    | 1\n… 6 more rows; .maxrows 0 shows all\n"))
    // Formats for programs always write every row.
    #expect(render(t, .csv, Display(maxRows: 3)).split(separator: "\n").count == 8)
  }

  private func session(terminal: Bool) -> (Session, OutputSink, OutputSink) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: .table, output: out, errors: err, outputIsTerminal: terminal)
    return (session, out, err)
  }

  /// A CSV of `rows` numbered rows in a new temporary file.
  private func csv(rows: Int) throws -> String {
    let path = "/tmp/hq-display-\(getpid())-\(rows).csv"
    let text = "n,amount\n" + (1...rows).map { "\($0),\($0 * 1000)\n" }.joined()
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test func maxrowsCutsOnlyWhatIsShownOnATerminal() throws {
    let path = try csv(rows: 5)
    defer { unlink(path) }
    let (shown, out, err) = session(terminal: true)
    #expect(shown.maxRows == 40)
    #expect(shown.run(".load \(path) as t.csv\n.maxrows 2\nfrom t\n.maxrows", name: "<input>") == .success, "\(err.text)")
    #expect(out.text == """
      n  amount
      ─  ──────
      1    1000
      2    2000
      … 3 more rows; .maxrows 0 shows all
      (5 rows)
      2

      """)
    // The same setting when results do not go to a terminal: every row.
    let (piped, pipedOut, _) = session(terminal: false)
    #expect(piped.run(".load \(path) as t.csv\n.maxrows 2\nfrom t | select n", name: "<input>") == .success)
    #expect(pipedOut.text == "n\n─\n1\n2\n3\n4\n5\n(5 rows)\n")
    let (all, allOut, _) = session(terminal: true)
    #expect(all.run(".load \(path) as t.csv\n.maxrows all\n.maxrows\n.maxrows 0\nfrom t | select n\n.maxrows", name: "<input>") == .success)
    #expect(allOut.text == "all\nn\n─\n1\n2\n3\n4\n5\n(5 rows)\nall\n")
  }

  @Test func maxrowsRefusesWhatIsNoCount() {
    let (s, _, err) = session(terminal: true)
    #expect(s.run(".maxrows many", name: "t.hq") == .failure)
    #expect(err.text == """
      t.hq:1:1: error: .maxrows takes a number of rows (.maxrows 100) or all (every row); 'many' is neither
      .maxrows many
      ^~~~~~~~

      """)
    #expect(s.maxRows == 40)
  }

  @Test func numbersSettingIsShownSetAndSaved() throws {
    let (s, out, err) = session(terminal: false)
    #expect(s.run(".numbers", name: "<input>") == .success)
    #expect(s.run(".numbers sv\n.numbers", name: "<input>") == .success)
    #expect(out.text == "plain\nsv\n")
    #expect(s.numbers == .swedish)
    #expect(s.run(".numbers svenska\n.numbers plain\n.numbers", name: "<input>") == .success)
    #expect(out.text == "plain\nsv\nplain\n")
    #expect(s.run(".numbers comma", name: "t.hq") == .failure)
    #expect(err.text == """
      t.hq:1:1: error: .numbers takes plain (2381640.5) or sv (2 381 640,5); 'comma' is neither
      .numbers comma
      ^~~~~~~~

      """)
    // `.save` keeps the last `.numbers` with the statement, as it keeps the last `.format`.
    let script = SavedScript.smallest(".numbers sv\n.maxrows 5\n.numbers plain\nfrom reports\n", loads: [:])
    #expect(script == ".numbers plain\nfrom reports\n")
  }

  @Test func progressLineText() {
    #expect(ProgressLine.text(label: "big.csv", total: 213_277_087, parsed: 92_000_000, received: 0, seconds: 2)
      == "loading big.csv … 43 % of 203.3 MiB, 2 s")
    // The last part is reported when the reader is through with it: never 100 % before the end.
    #expect(ProgressLine.text(label: "big.csv", total: 1000, parsed: 1000, received: 0, seconds: 5)
      == "loading big.csv … 99 % of 1000 bytes, 5 s")
    #expect(ProgressLine.text(label: "stdin", total: nil, parsed: 0, received: 3 << 20, seconds: 1)
      == "loading stdin … 3 MiB received, 1 s")
    #expect(ProgressLine.text(label: "rapport.pdf", total: 5_000_000, parsed: 0, received: 0, seconds: 3)
      == "loading rapport.pdf … 3 s")
  }
}
