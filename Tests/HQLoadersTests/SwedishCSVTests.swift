import HQData
import HQReports
import Testing

@testable import HQLoaders

/// CSV files as Swedish Excel saves them: `;`, decimal commas, thousands grouped by spaces or
/// no-break spaces, units after the numbers, Windows-1252 bytes. The fixtures were written
/// byte by byte (see the comments); every expected value below was read off them by hand.
@Suite struct SwedishCSVTests {
  private func load(_ path: String, encoding: TextEncoding? = nil) throws -> (Table, [IngestWarning]) {
    guard case .table(_, let table, let notes) = try Loader.load(path: path, encoding: encoding) else {
      Issue.record("expected a table")
      return (Table(name: "", columns: []), [])
    }
    return (table, notes)
  }

  /// excel-sv-cp1252.csv, CRLF lines, Windows-1252 bytes (E5 å, F6 ö, E4 ä, 96 en dash, A0
  /// no-break space):
  ///
  ///     Kommun;Sjukfrånvaro;Förändring;Kostnad;Invånare
  ///     Kungsbacka;5,8 %;–0,4;12 450 tkr;86 519
  ///     Halmstad;6,1 %;1,2;41<A0>234,5 tkr;106<A0>084
  ///     Varberg;;0;9 204 tkr;67 034
  ///     Falkenberg;4,9 %;-1,1;7 005,25 tkr;46 462
  @Test func windows1252IsDetectedAndItsNumbersAreNumbers() throws {
    let (t, notes) = try load(Fixtures.path("excel-sv-cp1252.csv"))
    #expect(t.schema.names == ["Kommun", "Sjukfrånvaro", "Förändring", "Kostnad", "Invånare"])
    #expect(t.schema.fields.map(\.type) == [.text, .number, .number, .number, .number])
    #expect(t.columns.map(\.unit) == [nil, "%", nil, "tkr", nil])
    #expect(t.rowCount == 4)
    #expect(t.row(0) == [.text("Kungsbacka"), .number(Number(mantissa: 58, scale: 1)), .number(Number(mantissa: -4, scale: 1)), .int(12450), .int(86519)])
    #expect(t.row(1) == [.text("Halmstad"), .number(Number(mantissa: 61, scale: 1)), .number(Number(mantissa: 12, scale: 1)), .number(Number(mantissa: 412345, scale: 1)), .int(106084)])
    #expect(t.row(2) == [.text("Varberg"), .null, .int(0), .int(9204), .int(67034)])
    #expect(t.row(3) == [.text("Falkenberg"), .number(Number(mantissa: 49, scale: 1)), .number(Number(mantissa: -11, scale: 1)), .number(Number(mantissa: 700525, scale: 2)), .int(46462)])
    // The first byte that is not UTF-8 is the å of Sjukfrånvaro: line 1, column 14.
    #expect(notes.map(\.description) == [
      Fixtures.path("excel-sv-cp1252.csv")
        + ":1:14: note: not UTF-8 (byte 0xE5), so the file was read as Windows-1252, the encoding Swedish Excel saves CSV in; to choose, load it with encoding=cp1252 or encoding=utf-8"
    ])
  }

  @Test func anExplicitEncodingIsReadWithoutANote() throws {
    let (t, notes) = try load(Fixtures.path("excel-sv-cp1252.csv"), encoding: .windows1252)
    #expect(notes.isEmpty)
    #expect(t.schema.names[1] == "Sjukfrånvaro")
    #expect(t.row(1)[3] == .number(Number(mantissa: 412345, scale: 1)))
  }

  @Test func utf8NamedExplicitlyRefusesWindows1252WithAHint() throws {
    let path = Fixtures.path("excel-sv-cp1252.csv")
    let error = #expect(throws: LoadError.self) {
      _ = try Loader.load(path: path, encoding: .utf8)
    }
    // The line as UTF-8 sees it: each Windows-1252 letter is a U+FFFD; the first is column 14.
    #expect(error?.description == """
      \(path):1:14: error: invalid UTF-8; expected text encoded as UTF-8 (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)
      Kommun;Sjukfr\u{FFFD}nvaro;F\u{FFFD}r\u{FFFD}ndring;Kostnad;Inv\u{FFFD}nare
                   ^
      """)
  }

  @Test func aFileWithTheUTF8MarkIsNeverReadAsWindows1252() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("m.csv", [0xEF, 0xBB, 0xBF] + Array("a;b\nx;".utf8) + [0xE5] + Array("\n".utf8))
    let error = #expect(throws: LoadError.self) {
      _ = try Loader.load(path: path)
    }
    #expect(error?.description == "\(path):2:3: error: invalid UTF-8; expected text encoded as UTF-8\nx;\u{FFFD}\n  ^")
  }

  @Test func utf16FromExcelsUnicodeTextIsRefusedByName() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("unicode.txt.csv", [0xFF, 0xFE] + Array("a\tb\n".utf8).flatMap { [$0, 0] })
    #expect(throws: LoadError(
      file: path, line: 1, column: 1,
      message: "the file is UTF-16 (it starts with a UTF-16 byte order mark, as Excel's \"Unicode Text\" does); expected UTF-8 or Windows-1252: save it as \"CSV UTF-8\", or convert it with iconv -f UTF-16 -t UTF-8")
    ) {
      _ = try Loader.load(path: path)
    }
  }

  @Test func anEncodingIsOnlyForTables() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("r.txt", "Rapport\n")
    #expect(throws: LoadError(
      file: path, message: "encoding=cp1252 is for .csv and .tsv files; report texts and model files are read as UTF-8 (leave encoding= out)")
    ) {
      _ = try Loader.load(path: path, encoding: .windows1252)
    }
  }

  /// excel-sv-utf8.csv, UTF-8 with a byte order mark:
  ///
  ///     Indikator;Utfall;Avvikelse;Andel
  ///     Läkemedel;1<U+202F>204,1 mnkr;<U+2212>5,8 mnkr;5,8 %
  ///     Primärvård;2<U+00A0>381,0 mnkr;12,0 mnkr;6
  ///     Tandvård;950,5 mnkr;-0,3 mnkr;7 %
  @Test func groupedNumbersMinusSignsAndUnitsInUTF8() throws {
    let (t, notes) = try load(Fixtures.path("excel-sv-utf8.csv"))
    #expect(notes.isEmpty)
    #expect(t.schema.fields.map(\.type) == [.text, .number, .number, .text])
    #expect(t.columns.map(\.unit) == [nil, "mnkr", "mnkr", nil])
    #expect(t.row(0) == [.text("Läkemedel"), .number(Number(mantissa: 12041, scale: 1)), .number(Number(mantissa: -58, scale: 1)), .text("5,8 %")])
    #expect(t.row(1) == [.text("Primärvård"), .number(Number(mantissa: 23810, scale: 1)), .number(Number(mantissa: 120, scale: 1)), .text("6")])
    // `Andel` mixes `%` with a bare number, so it stays text, spelled as written.
    #expect(t.row(2) == [.text("Tandvård"), .number(Number(mantissa: 9505, scale: 1)), .number(Number(mantissa: -3, scale: 1)), .text("7 %")])
  }

  @Test func unitsMustAgreeAcrossParallelParts() throws {
    var text = "id;belopp;andel\n"
    for i in 0..<300 { text += "\(i);1 2\(i % 10)0 tkr;\(i % 10),5 %\n" }
    for i in 300..<600 { text += "\(i);\(i) tkr;\(i % 10) kr\n" }
    let bytes = Array(text.utf8)
    for parts in [1, 2, 3] {
      let t = try bytes.withUnsafeBytes { try CSVReader.read($0, file: "p.csv", tableName: "p", parts: parts) }
      #expect(t.schema.fields.map(\.type) == [.number, .number, .text], "parts: \(parts)")
      #expect(t.columns.map(\.unit) == [nil, "tkr", nil], "parts: \(parts)")
      #expect(t.row(1) == [.int(1), .int(1210), .text("1,5 %")], "parts: \(parts)")
      #expect(t.row(599) == [.int(599), .int(599), .text("9 kr")], "parts: \(parts)")
    }
  }

  @Test func windows1252DecodesEveryByte() {
    let bytes: [UInt8] = [0x41, 0x80, 0x96, 0x81, 0xA0, 0xC5, 0xE5, 0xFF]
    let decoded = bytes.withUnsafeBytes { Windows1252.decode($0) }
    #expect(String(decoding: decoded, as: UTF8.self) == "A€–\u{81}\u{A0}Ååÿ")
  }

  @Test(arguments: [("utf-8", TextEncoding.utf8), ("UTF8", .utf8), ("cp1252", .windows1252), ("Windows-1252", .windows1252), ("latin1", .windows1252)])
  func encodingNames(_ name: String, _ encoding: TextEncoding) {
    #expect(TextEncoding(name: name) == encoding)
  }
}
