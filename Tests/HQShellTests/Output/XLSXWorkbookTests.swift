import Foundation
import HQData
import HQReports
import Testing
@testable import HQShell

/// Workbooks written by `.output FILE.xlsx` and `.once FILE.xlsx`, read back from the zip
/// (``XLSXReader``) and, when it is installed, with openpyxl. The expected cells were worked
/// out by hand from ``Fixtures/awkward()``.
@Suite struct XLSXWorkbookTests {
  private func makeSession(format: OutputFormat = .csv) -> (Session, OutputSink, OutputSink) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: format, output: out, errors: err, outputIsTerminal: false)
    session.engine.catalog["t"] = Fixtures.awkward()
    return (session, out, err)
  }

  private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hq-xlsx-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func oneSheetPerStatementWithTypedCellsABoldFrozenHeaderAndWidths() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("bok.xlsx").path
    let (session, out, err) = makeSession(format: .table)
    let script = ".output \(path)\nfrom t\nfrom t | select indicator, value | where value > 0\n.schema t\n.output\n"
    #expect(session.run(script, name: "x.hq") == .success, "\(err.text)")
    #expect(out.text.isEmpty)
    let book = XLSXReader(path: path)
    #expect(book.sheetNames == ["from t", "from t | select indicator, valu", "schema t"])

    // Sheet 1: header bold (style 1), numbers as numbers (no type) with the value column's
    // 2 decimals (style 2, `0.00`), text as shared strings, nulls as no cell at all.
    let cells = book.cells(sheet: 1)
    #expect(cells.filter { $0.reference.hasSuffix("1") && $0.reference.count == 2 }.allSatisfy { $0.style == 1 && $0.type == "s" })
    #expect(cells.first { $0.reference == "B2" } == XLSXReader.Cell(reference: "B2", style: 0, type: nil, value: "2023"))
    #expect(cells.first { $0.reference == "C2" } == XLSXReader.Cell(reference: "C2", style: 2, type: nil, value: "25.5"))
    #expect(cells.first { $0.reference == "C3" } == XLSXReader.Cell(reference: "C3", style: 2, type: nil, value: "-1204.1"))
    #expect(cells.first { $0.reference == "C4" } == XLSXReader.Cell(reference: "C4", style: 2, type: nil, value: "0.05"))
    #expect(cells.first { $0.reference == "B4" } == nil)
    #expect(cells.first { $0.reference == "C5" } == nil)
    #expect(cells.first { $0.reference == "D5" } == nil)
    let values = book.values(sheet: 1)
    #expect(values["A1"] == "indicator" && values["D1"] == "note")
    #expect(values["A2"] == "Läkemedel")
    #expect(values["A3"] == "Tandvård, barn")
    #expect(values["D3"] == "says \"hej\"")
    #expect(values["A5"] == "x|y")
    let styles = try #require(book.part("xl/styles.xml"))
    #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"0.00\"/>"))
    #expect(styles.contains("<font><b/>"))
    #expect(styles.contains("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"))
    let sheet = try #require(book.part("xl/worksheets/sheet1.xml"))
    #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    // Widths: `Tandvård, barn` (14) + 2; `year` (4 + 2, at least 6); `-1204.10` as `0.00`
    // shows it (8 + 2); `says "hej"` (10 + 2).
    // libxlsxwriter adds Excel's 0.7109375 of cell padding.
    for (column, width) in [(1, "16.7109375"), (2, "6.7109375"), (3, "10.7109375"), (4, "12.7109375")] {
      #expect(sheet.contains("<col min=\"\(column)\" max=\"\(column)\" width=\"\(width)\" customWidth=\"1\"/>"), "column \(column)")
    }
    // Sheet 3, `.schema t`: the schema's rows.
    #expect(book.values(sheet: 3)["B3"] == "year")

    if let dump = OpenPyXL.dump(path) {
      let lines = dump.split(separator: "\n").map(String.init)
      #expect(lines.first == "sheet 'from t' frozen A2 bold True")
      #expect(lines.contains("['Läkemedel', 2023, 25.5, 'plain'] ['General', '0.00']"))
      #expect(lines.contains("['Tandvård, barn', 2024, -1204.1, 'says \"hej\"'] ['General', '0.00']"))
      #expect(lines.contains("['x|y', 2017, None, None] ['General']"))
    }
  }

  @Test func onceWritesOneStatementsSheetAndTheNextResultGoesBack() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("en.xlsx").path
    let (session, out, err) = makeSession()
    #expect(session.run(".once \(path)\nfrom t | select year | take 1\nfrom t | count", name: "o.hq") == .success, "\(err.text)")
    #expect(out.text == "count\n4\n")
    let book = XLSXReader(path: path)
    #expect(book.sheetNames == ["from t | select year | take 1"])
    #expect(book.values(sheet: 1) == ["A1": "year", "A2": "2023"])
  }

  @Test func xlsxWithoutAFileIsAnErrorAndNothingRuns() {
    let (session, out, err) = makeSession(format: .xlsx)
    #expect(session.run("from t", name: "x.hq") == .failure)
    #expect(out.text.isEmpty)
    #expect(err.text == "x.hq:1:1: error: xlsx is written to a file, not to a terminal or standard output; send the result to one with .once FILE.xlsx or .output FILE.xlsx (on the command line: --output FILE.xlsx), or choose a text format (.format csv-sv for Swedish Excel)\nfrom t\n^~~~\n")
  }

  @Test func aWorkbookThatCannotBeWrittenLeavesTheOldFileAndFails() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("bok.xlsx").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    let (session, _, err) = makeSession()
    #expect(session.run(".output \(path)\nfrom t", name: "f.hq") == .success, "\(err.text)")
    // The temporary file next to the destination becomes a directory, so putting the
    // workbook in place fails (as a full disk or a lost mount would), whoever runs the test.
    let temporary = dir.appendingPathComponent(".bok.xlsx.\(getpid()).tmp").path
    try FileManager.default.removeItem(atPath: temporary)
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: false)
    #expect(!session.finish())
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
    // Reported when the session finishes, after the script has ended, at the `.output` line.
    #expect(err.text == "f.hq:1:1: error: cannot write '\(path)': Not a directory; the file is left as it was\n.output \(path)\n^~~~~~~\n")
  }

  @Test func aMissingDirectoryIsAnErrorNamingTheFile() {
    let (session, _, err) = makeSession()
    #expect(session.run(".output /nonexistent-hq-dir/bok.xlsx", name: "m.hq") == .failure)
    #expect(err.text == "m.hq:1:1: error: cannot write '/nonexistent-hq-dir/bok.xlsx': No such file or directory\n.output /nonexistent-hq-dir/bok.xlsx\n^~~~~~~\n")
  }

  @Test func tooManyRowsForASheetIsAnError() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var builder = ColumnBuilder(name: "n", type: .number, capacity: XLSXWorkbook.maxRows + 1)
    for i in 0...XLSXWorkbook.maxRows { builder.appendNumber(Number(i)) }
    let (session, _, err) = makeSession()
    session.engine.catalog["big"] = Table(name: "big", columns: [builder.build()])
    let path = dir.appendingPathComponent("stor.xlsx").path
    #expect(session.run(".once \(path)\nfrom big", name: "b.hq") == .failure)
    #expect(err.text == "b.hq:2:1: error: cannot write the result to '\(path)': it has 1048576 rows and an Excel sheet holds 1048575 below its header; narrow it (where, take, summarize) or write csv\nfrom big\n^~~~\n")
  }

  @Test(arguments: [
    ("from facts", "from facts"),
    ("a[b]:c*d?e/f\\g", "a b c d e f g"),
    ("from facts | where indicator ~ \"antibiotika\"", "from facts | where indicator ~"),
    ("'citerad'", "citerad"),
    ("  \n\t ", "Sheet 4"),
    ("History", "History (2)"),
    ("# Nyckeltal 2024\n  # per region\nfrom facts\n  | take 3", "from facts | take 3"),
  ])
  func sheetNamesAreValidForExcel(_ title: String, _ expected: String) {
    var taken: Set<String> = ["history"]
    #expect(XLSXWorkbook.sheetName(for: title, taken: &taken, index: 4) == expected)
  }

  @Test func sheetNamesAreUniqueIgnoringCaseAndStayWithin31() {
    var taken: Set<String> = []
    let long = "from facts | where year == 2024 and value > 100"
    let names = (0..<3).map { _ in XLSXWorkbook.sheetName(for: long, taken: &taken, index: 1) }
    #expect(names == ["from facts | where year == 2024", "from facts | where year == (2)", "from facts | where year == (3)"])
    #expect(names.allSatisfy { $0.unicodeScalars.count <= 31 })
    #expect(XLSXWorkbook.sheetName(for: "FROM FACTS | WHERE YEAR == 2024", taken: &taken, index: 1) == "FROM FACTS | WHERE YEAR == (4)")
  }
}
