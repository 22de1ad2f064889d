import HQData
import Testing

@testable import HQLoaders

/// Reading in parallel parts must give exactly what one pass gives.
@Suite struct CSVReaderParallelTests {
  private func read(_ text: String, parts: Int) throws -> Table {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { raw in
      try CSVReader.read(raw, file: "t.csv", tableName: "t", parts: parts)
    }
  }

  private func rows(_ t: Table) -> [[Value]] { (0..<t.rowCount).map { t.row($0) } }

  @Test func partsAgreeWithOnePass() throws {
    // Part 1 has only nulls in `b`, later parts numbers with two scales; `c` has new words late.
    var text = "a,b,c\n"
    for i in 0..<300 { text += "\(i),,ord\(i % 7)\n" }
    for i in 300..<600 { text += "\(i),\(i % 2 == 0 ? "1.5" : "2"),ny\(i % 3)\n" }
    let one = try read(text, parts: 1)
    for parts in [2, 3, 5] {
      let many = try read(text, parts: parts)
      #expect(many.schema == one.schema)
      #expect(rows(many) == rows(one))
    }
    let t = try read(text, parts: 3)
    #expect(t.schema.fields.map(\.type) == [.number, .number, .text])
    #expect(t.row(0) == [.int(0), .null, .text("ord0")])
    #expect(t.row(300) == [.int(300), .number(Number(mantissa: 15, scale: 1)), .text("ny0")])
    #expect(t.row(301) == [.int(301), .int(2), .text("ny1")])
  }

  @Test func scalesThatCannotMeetKeepAScalePerRow() throws {
    // 900000000000000000 at scale 2 would not fit in 64 bits: those rows keep their own
    // scale, exactly, whether the scales meet in one part or when parts are merged.
    var text = "a,b\n"
    for i in 0..<200 { text += "\(i),\(i == 7 ? "900000000000000000" : "4")\n" }
    for i in 200..<400 { text += "\(i),\(i % 2 == 0 ? "0.25" : "-3.5")\n" }
    let one = try read(text, parts: 1)
    #expect(one.row(7)[1] == .number(Number(mantissa: 900_000_000_000_000_000)))
    #expect(one.row(8)[1] == .int(4))
    #expect(one.row(200)[1] == .number(Number(mantissa: 25, scale: 2)))
    #expect(one.row(201)[1] == .number(Number(mantissa: -35, scale: 1)))
    guard case .number(_, let scales, let uniform)? = one.column(named: "b")?.storage else {
      Issue.record("b is not a number column")
      return
    }
    #expect(uniform == nil && scales.count == 400)
    for parts in [2, 3] {
      #expect(rows(try read(text, parts: parts)) == rows(one))
    }
    // Scales that meet: each part at its own scale, one scale after the merge.
    var small = "a,b\n"
    for i in 0..<200 { small += "\(i),\(i % 3 == 0 ? "" : "12")\n" }
    for i in 200..<400 { small += "\(i),\(i % 2 == 0 ? "0.125" : "7.5")\n" }
    let merged = try read(small, parts: 2)
    guard case .number(let mantissas, _, let scale)? = merged.column(named: "b")?.storage else {
      Issue.record("b is not a number column")
      return
    }
    #expect(scale == 3)
    #expect(mantissas[1] == 12_000 && mantissas[200] == 125 && mantissas[201] == 7_500)
    #expect(rows(merged) == rows(try read(small, parts: 1)))
  }

  @Test func aColumnNumericInOnePartAndTextInAnotherBecomesText() throws {
    var text = "id,kod\n"
    for i in 0..<200 { text += "\(i),0\(i % 10)\n" }
    for i in 200..<400 { text += "\(i),K\(i % 10)\n" }
    let t = try read(text, parts: 2)
    #expect(t.schema.fields.map(\.type) == [.number, .text])
    #expect(t.row(5) == [.int(5), .text("05")])
    #expect(t.row(399) == [.int(399), .text("K9")])
  }

  @Test func decimalCommaInOnePartAndPointInAnotherBecomesText() throws {
    var text = "x;y\n"
    for i in 0..<200 { text += "\(i);1,5\n" }
    for i in 200..<400 { text += "\(i);1.5\n" }
    let t = try read(text, parts: 2)
    #expect(t.schema.fields.map(\.type) == [.number, .text])
    #expect(t.row(0)[1] == .text("1,5"))
    #expect(t.row(399)[1] == .text("1.5"))
  }

  @Test func aCutInsideAQuotedLineBreakFallsBackToOnePass() throws {
    // One long quoted cell spanning many lines in the middle of the file.
    var text = "n,t\n"
    for i in 0..<50 { text += "\(i),a\n" }
    text += "50,\"" + String(repeating: "rad\n", count: 400) + "\"\n"
    for i in 51..<100 { text += "\(i),b\n" }
    let t = try read(text, parts: 4)
    #expect(t.rowCount == 100)
    #expect(t.row(50)[1] == .text(String(repeating: "rad\n", count: 400)))
    #expect(t.row(99) == [.int(99), .text("b")])
  }

  @Test func theFirstErrorInFileOrderIsReported() throws {
    var text = "a,b\n"
    for i in 0..<300 { text += i == 120 || i == 250 ? "\(i)\n" : "\(i),x\n" }
    do {
      _ = try read(text, parts: 3)
      Issue.record("expected an error")
    } catch let error as LoadError {
      // Row 120 is on line 122 (header is line 1); "120" is 3 characters.
      #expect(error.description == "t.csv:122:4: error: expected 2 fields, got 1\n120\n   ^")
    }
  }
}
