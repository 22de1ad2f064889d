import Foundation
import HQData
import HQEngine
import HQReports
import Testing
@testable import HQShell
import HQDiagnostics

/// The text rendering of `chart`, end to end: a small CSV table loaded into a session, a
/// pipeline ending in `chart`, the text compared with a golden file under `Golden/`.
///
/// The golden files were written by hand from the layout rules in ``TextChart``, with every
/// bar length worked out in the test that uses it (a bar of value v is v × plot / span
/// cells, in eighths of a cell), not captured from the program.
@Suite struct ChartTextTests {
  /// A session over an empty model with `rows` (CSV text) loaded as `t`, writing `format`.
  static func session(_ csv: String, format: OutputFormat = .table) throws -> (Session, OutputSink, OutputSink, URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-charts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("t.csv")
    try csv.write(to: path, atomically: true, encoding: .utf8)
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: format, output: out, errors: err, outputIsTerminal: false)
    guard session.run(".load \(path.path) as t", name: "setup") == .success else {
      throw CocoaError(.fileReadUnknown)
    }
    _ = err.text
    return (session, out, err, dir)
  }

  static func golden(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// Runs `query` over `csv` and compares the output with the golden file `name`.
  func expectGolden(_ name: String, csv: String, query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let (session, out, err, dir) = try Self.session(csv)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(session.run(query, name: "q.hq") == .success, "\(err.text)", sourceLocation: sourceLocation)
    let expected = try Self.golden(name)
    #expect(out.text == expected, "Golden/\(name) differs\n--- expected\n\(expected)--- actual\n\(out.text)", sourceLocation: sourceLocation)
  }

  /// 8, 4, 2, 1 in 40 columns: label 1 + space + axis 1 + " 8" 2 leaves 35 cells, 35 / 8 =
  /// 4.375 cells per unit: 8 → 35 cells; 4 → 17.5 = 17 cells and 4/8 (▌); 2 → 8.75 = 8 and
  /// 6/8 (▊); 1 → 4.375 = 4 and 3/8 (▍). Ticks every 2 (about one per 8 cells): 2 → cell
  /// 8.75 → 9, 4 → 17.5 → 18, 6 → 26.25 → 26, 8 → 35.
  @Test func barsInEighthsOfACell() throws {
    try expectGolden("bar-positive-40.txt", csv: "label,value\na,8\nb,4\nc,2\nd,1\n", query: "from t | chart bar value by label width 40")
  }

  /// 6 and −3 in 40 columns: " -3" needs 3 columns left of the bars, " 6" 2 right; 32 cells
  /// for a span of 9: 3 / 9 × 32 = 10.7 → 11 cells left of the axis, 21 right of it. The
  /// scale is the smaller of 21 / 6 = 3.5 and 11 / 3 = 3.67 cells per unit, so no bar
  /// passes its side: 6 → 21 cells; −3 → 10.5 cells = 21 halves → 10 cells and a half (▐)
  /// at the far end. Ticks: ±2 → 7 cells, 4 → 14, 6 → 21 from the axis.
  @Test func negativeBarsGoLeftOfTheZeroAxis() throws {
    try expectGolden("bar-negative-40.txt", csv: "label,value\nx,6\ny,-3\n", query: "from t | chart bar value by label width 40")
  }

  /// Two series per label: label 1, series name 1, " 4" 2 → 23 cells for 0…4, 5.75 per unit:
  /// 4 → 23; 2 → 11.5 (▌); 1 → 5.75 (▊); 3 → 17.25 (▎).
  @Test func groupedBarsNameTheirSeries() throws {
    try expectGolden(
      "bar-series-30.txt", csv: "label,s,value\np,A,4\np,B,2\nq,A,1\nq,B,3\n", query: "from t | chart bar value by label series s width 30")
  }

  /// Two flat lines in 24 columns: about 6 rows for ticks 0, 5, 10 (labels 2 wide) → 3 rows
  /// per interval, 7 rows; 20 cells of 2 × 4 dots. 10 is drawn through the middle of the top
  /// row (dot row 2 of 28: ⠤), 0 through the middle of the bottom row (dot row 26: ⠤); x 1,
  /// 2, 3 at dot columns 0, 20 (19.5 rounded), 39: markers in cells 0, 10, 19.
  @Test func linesInBrailleWithMarkers() throws {
    try expectGolden(
      "line-two-series-24.txt", csv: "x,s,value\n1,a,10\n2,a,10\n3,a,10\n1,b,0\n2,b,0\n3,b,0\n",
      query: "from t | chart line value by x series s width 24")
  }

  /// Dots of a braille cell: (column, row) → bit, U+2800 + bits.
  @Test func brailleDots() {
    var grid = BrailleGrid(columns: 2, rows: 1)
    grid.line(from: (0, 0), to: (3, 0), series: 0)
    #expect(grid.row(0, colour: false) == "⠉⠉")  // dots 1 and 4 of both cells: 0x09
    grid = BrailleGrid(columns: 2, rows: 1)
    grid.line(from: (0, 0), to: (0, 3), series: 0)
    #expect(grid.row(0, colour: false) == "⡇ ")  // dots 1, 2, 3, 7: 0x47
    grid = BrailleGrid(columns: 2, rows: 1)
    grid.line(from: (0, 0), to: (3, 3), series: 0)
    #expect(grid.row(0, colour: false) == "⠑⢄")  // (0,0)+(1,1): 0x11; (2,2)+(3,3): 0x84
  }

  @Test func colourOnlyForTheTerminalInTheTableFormat() throws {
    let csv = "label,s,value\np,A,4\np,B,2\n"
    let (session, out, _, dir) = try Self.session(csv)
    defer { try? FileManager.default.removeItem(at: dir) }
    session.colourCharts = true
    session.outputIsTerminal = true
    #expect(session.run("from t | chart bar value by label series s width 30", name: "q.hq") == .success)
    #expect(out.text.contains("\u{1B}[38;5;32m█\u{1B}[0m"))  // series A: blue
    #expect(out.text.contains("\u{1B}[38;5;208m"))  // series B: orange
    let (plain, plainOut, _, plainDir) = try Self.session(csv, format: .csv)
    defer { try? FileManager.default.removeItem(at: plainDir) }
    plain.colourCharts = true
    plain.outputIsTerminal = true
    #expect(plain.run("from t | chart bar value by label series s width 30", name: "q.hq") == .success)
    #expect(!plainOut.text.contains("\u{1B}"), "a text format gets no escape codes")
  }

  /// The examples over the bundled reports stay within 80 columns.
  @Test(arguments: [
    "from facts | where kind == \"avvikelse\" and period == \"helår\" and year == 2017 | top 10 by abs(value) | chart bar value by indicator",
    "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | chart line value by year series indicator",
    "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | compare year 2023 vs 2024 by indicator | chart bar `2023`, `2024` by indicator",
  ])
  func fitsEightyColumns(_ query: String) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: DataLoading.bundledModel().model, format: .table, output: out, errors: err, outputIsTerminal: false)
    #expect(session.run(query, name: "q.hq") == .success, "\(err.text)")
    let lines = out.text.split(separator: "\n")
    #expect(lines.count > 5)
    for line in lines { #expect(DisplayWidth.of(line) <= 80, "\(line)") }
  }

  @Test func swedishNumbers() {
    let sv = ChartNumbers(swedish: true)
    #expect(sv.text(Number(mantissa: 12345, scale: 1)) == "1234,5")
    #expect(sv.text(Number(mantissa: 123456, scale: 1)) == "12\u{00A0}345,6")
    #expect(sv.text(Number(1234567)) == "1\u{00A0}234\u{00A0}567")
    #expect(sv.text(Number(-3)) == "\u{2212}3")
    #expect(sv.text(Number(2024)) == "2024")
    #expect(ChartNumbers(swedish: false).text(Number(mantissa: -123456, scale: 1)) == "-12345.6")
    #expect(sv.text(2.5, decimals: 1) == "2,5")
  }

  @Test func niceTicks() {
    let t = ChartTicks(min: 0, max: 8, count: 4)
    #expect(t.step == 2 && t.values == [0, 2, 4, 6, 8])
    let n = ChartTicks(min: -3, max: 6, count: 4)
    #expect(n.values == [-4, -2, 0, 2, 4, 6])
    let small = ChartTicks(min: 2.8, max: 4.1, count: 4)
    #expect(small.step == 0.5 && small.decimals == 1 && small.low == 2.5 && small.high == 4.5)
    let flat = ChartTicks(min: 5, max: 5, count: 4)
    #expect(flat.low < 5 && flat.high > 5)
  }
}
