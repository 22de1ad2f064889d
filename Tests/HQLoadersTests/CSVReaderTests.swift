import HQData
import HQReports
import Testing

@testable import HQLoaders

@Suite struct CSVReaderTests {
  private func table(_ path: String, as name: String? = nil) throws -> Table {
    guard case .table(_, let table, _) = try Loader.load(path: path, as: name) else {
      Issue.record("expected a table")
      return Table(name: "", columns: [])
    }
    return table
  }

  @Test func commaFileWithQuotesCRLFAndByteOrderMark() throws {
    let t = try table(Fixtures.path("kommuner.csv"))
    #expect(t.name == "kommuner")
    #expect(t.schema == Schema([
      Field("kommun", .text), Field("år", .number), Field("invånare", .number), Field("andel", .number),
      Field("kommentar", .text),
    ]))
    #expect(t.rowCount == 4)
    #expect(t.row(0) == [.text("Halmstad"), .int(2023), .int(104327), .number(Number(mantissa: 125, scale: 1)), .text("stor, kust")])
    #expect(t.row(1) == [.text("Laholm"), .int(2023), .int(26009), .null, .null])
    #expect(t.row(2)[3] == .number(Number(mantissa: 725, scale: 2)))
    #expect(t.row(2)[4] == .text("säger \"hej\""))
    #expect(t.row(3) == [.text("Falkenberg"), .int(2024), .int(47098), .int(-3), .text("två\r\nrader")])
  }

  @Test func mixedScalesAreExactAndUniform() throws {
    let t = try table(Fixtures.path("kommuner.csv"))
    guard case .number(let mantissas, _, let uniform)? = t.column(named: "andel")?.storage else {
      Issue.record("andel is not a number column")
      return
    }
    // 12.5, null, 7.25, -3 all at scale 2.
    #expect(uniform == 2)
    #expect(mantissas == [1250, 0, 725, -300])
  }

  @Test func swedishExcelSemicolonsAndDecimalCommas() throws {
    let t = try table(Fixtures.path("regioner-excel.csv"), as: "regioner")
    #expect(t.name == "regioner")
    #expect(t.schema.names == ["Region", "År", "Kostnad per invånare", "Andel"])
    #expect(t.schema.fields.map(\.type) == [.text, .number, .number, .number])
    #expect(t.row(1) == [.text("Skåne"), .int(2023), .int(30118), .number(Number(mantissa: 975, scale: 2))])
    #expect(t.row(2)[3] == .number(Number(mantissa: -5, scale: 1)))
  }

  @Test func tabSeparatedWithEmptyCells() throws {
    let t = try table(Fixtures.path("enkel.tsv"))
    #expect(t.name == "enkel")
    #expect(t.schema.fields.map(\.type) == [.text, .number, .text])
    #expect(t.row(1) == [.text("beta"), .int(2), .null])
    #expect(t.row(2) == [.text("gamma"), .null, .text("y")])
  }

  @Test func factsColumnsGetTheFactsSchema() throws {
    let loaded = try Loader.load(path: Fixtures.path("facts-extra.csv"), as: nil)
    #expect(loaded.isFactsTable)
    let t = try table(Fixtures.path("facts-extra.csv"))
    #expect(t.schema == ReportModel.factsSchema)
    #expect(t.row(1) == [
      .text("rh-ar-2024"), .text("Ekonomi"), .text("Resultat"), .text("Årets resultat"), .text("Budget 2024"),
      .text("budget"), .null, .int(2024), .number(Number(mantissa: -12041, scale: 1)), .text("mnkr"), .int(16),
      .int(21), .int(88), .text("detail"),
    ])
    #expect(t.row(0)[10] == .null)
  }

  @Test func aColumnThatTurnsTextualLateKeepsItsSpellings() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let rows = (1...70_000).map { "\($0),0\($0 % 10)" }.joined(separator: "\n")
    let file = try dir.write("late.csv", "id,code\n" + rows + "\n70001,x7\n")
    let t = try table(file)
    #expect(t.schema.fields.map(\.type) == [.number, .text])
    #expect(t.row(0) == [.int(1), .text("01")])
    #expect(t.row(70_000) == [.int(70001), .text("x7")])
  }

  @Test func mixedDecimalSeparatorsMakeText() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("mix.csv", "a;b\n1,5;1\n2.5;2\n")
    let t = try table(file)
    #expect(t.schema.fields.map(\.type) == [.text, .number])
    #expect(t.row(1)[0] == .text("2.5"))
  }

  @Test func blankLinesInAOneColumnFileAreNulls() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let t = try table(try dir.write("en.csv", "antal\r\n1\r\n\r\n3\r\n"))
    #expect(t.schema.fields.map(\.type) == [.number])
    #expect((0..<t.rowCount).map { t.row($0) } == [[.int(1)], [.null], [.int(3)]])
  }

  @Test func headerOnlyAndBlankLines() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let t = try table(try dir.write("tom.csv", "a,b\n\n"))
    #expect(t.rowCount == 0)
    #expect(t.schema.names == ["a", "b"])
    let u = try table(try dir.write("gles.csv", "a,b\n1,2\n\n3,4"))
    #expect(u.rowCount == 2)
    #expect(u.row(1) == [.int(3), .int(4)])
  }
}

/// Each error is the one diagnostic shape (since issue 14): `FILE:LINE:COL: error: …`, then the
/// file's line with a caret under the column (the bad byte shown as U+FFFD).
@Suite struct CSVReaderErrorTests {
  @Test func raggedRowWithTooFewFields() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("kort.csv", "a,b,c\n1,2,3\n4,5\n")
    #expect(loadError(file) == "\(file):3:4: error: expected 3 fields, got 2\n4,5\n   ^")
  }

  @Test func raggedRowWithTooManyFields() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("lang.csv", "a;b\nå;ö;\"x\"\n")
    #expect(loadError(file) == "\(file):2:5: error: expected 2 fields, got 3\nå;ö;\"x\"\n    ^")
  }

  @Test func unclosedQuotePointsAtTheOpeningQuote() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("citat.csv", "a,b\n1,\"öppen\n2,3\n")
    #expect(loadError(file) == "\(file):2:3: error: unclosed quote; expected a closing \" before the end of the file\n1,\"öppen\n  ^")
  }

  @Test func textAfterAClosingQuote() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("efter.csv", "a,b\n\"x\"y,2\n")
    #expect(loadError(file) == "\(file):2:4: error: unexpected text after a closing quote; expected a delimiter or the end of the line\n\"x\"y,2\n   ^")
  }

  @Test func invalidUTF8PointsAtTheByte() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // Latin-1 "Malmö" (ö = 0xF6) in row 3, column 2 after "1,Malm".
    let file = try dir.write("latin1.csv", Array("n,namn\n1,Lund\n2,Malm".utf8) + [0xF6] + Array("\n".utf8))
    #expect(loadError(file, encoding: .utf8) == "\(file):3:7: error: invalid UTF-8; expected text encoded as UTF-8 (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)\n2,Malm\u{FFFD}\n      ^")
    // Without an encoding named, such a file is read as Windows-1252 (SwedishCSVTests).
    guard case .table(_, let table, let notes) = try Loader.load(path: file) else { return }
    #expect(table.row(1) == [.int(2), .text("Malmö")])
    #expect(notes.map(\.line) == [3] && notes.map(\.column) == [7])
  }

  @Test func invalidUTF8InALateDemotedColumn() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("sen.csv", Array("n\n1\n".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    #expect(loadError(file, encoding: .utf8) == "\(file):3:1: error: invalid UTF-8; expected text encoded as UTF-8 (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)\n\u{FFFD}(\n^")
  }

  @Test func factsNumberColumnRejectsText() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let header = "report,section,table,indicator,measure,kind,period,year,value,unit,rank,rank_of,line\n"
    let file = try dir.write("facts.csv", header + "r,s,t,i,m,utfall,,2024,många,st,,,1\n")
    #expect(loadError(file) == "\(file):2:24: error: expected a number in column 'value' (digits with an optional sign, decimal point or comma and unit)\nr,s,t,i,m,utfall,,2024,många,st,,,1\n                       ^~~~~")
  }

  @Test func duplicateHeaderName() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("dubbel.csv", "år,namn,år\n1,a,2\n")
    #expect(loadError(file) == "\(file):1:9: error: duplicate column name 'år'; expected each header name once\når,namn,år\n        ^")
  }

  @Test func emptyFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("tom.csv", "")
    #expect(loadError(file) == "\(file): error: the file is empty; expected a header row naming the columns")
  }

  /// Issue 12, item 12: classic Mac line ends (a lone CR, as Excel for Mac wrote them) were
  /// no line ends at all: the whole file was one header row and the table had 0 rows.
  @Test func carriageReturnOnlyLineEndsAreRows() throws {
    func table(_ path: String) throws -> Table {
      guard case .table(_, let table, _) = try Loader.load(path: path) else { return Table(name: "", columns: []) }
      return table
    }
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("mac.csv", "kommun;år;andel\r\"Halmstad\";2023;12,5\rLaholm;2024;\r\r\"två\rrader\";2025;-3\r")
    let t = try table(file)
    #expect(t.schema.fields.map(\.name) == ["kommun", "år", "andel"])
    #expect(t.rowCount == 3)
    #expect(t.row(0) == [.text("Halmstad"), .int(2023), .number(Number(mantissa: 125, scale: 1))])
    #expect(t.row(1) == [.text("Laholm"), .int(2024), .null])
    #expect(t.row(2) == [.text("två\nrader"), .int(2025), .int(-3)])
    // Errors are placed on the right line too.
    let ragged = try dir.write("ragged.csv", "a,b\r1,2\r3\r")
    #expect(loadError(ragged) == "\(ragged):3:2: error: expected 2 fields, got 1\n3\n ^")
    // A TSV, and a last line without its CR.
    let tsv = try dir.write("mac.tsv", "a\tb\r1\t2\r3\t4")
    #expect(try table(tsv).rowCount == 2)
    // CRLF and LF files are not touched: a CR inside a field of a CRLF file stays.
    let crlf = try dir.write("crlf.csv", "a,b\r\n\"x\ry\",2\r\n")
    #expect(try table(crlf).row(0) == [.text("x\ry"), .int(2)])
  }
}
