import Testing

@testable import HQLoaders

@Suite struct CSVScannerTests {
  /// The records of `text` as cell strings (doubled quotes collapsed).
  private func records(_ text: String, delimiter: Character = ",") throws -> [[String]] {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBufferPointer { buffer throws -> [[String]] in
      guard let base = buffer.baseAddress else { return [] }
      var scanner = CSVScanner(base: base, count: buffer.count, delimiter: UInt8(ascii: delimiter.unicodeScalars.first ?? ","))
      var fields: [CSVField] = []
      var result: [[String]] = []
      while try scanner.nextRecord(into: &fields) {
        result.append(fields.map { f in
          let cell = Array(buffer[f.start..<f.end])
          return String(decoding: f.hasEscapes ? CSVReader.collapseQuotes(cell) : cell, as: UTF8.self)
        })
      }
      return result
    }
  }

  @Test func plainQuotedAndEmpty() throws {
    #expect(try records("a,b,c\n1,,\"x,y\"\n") == [["a", "b", "c"], ["1", "", "x,y"]])
  }

  @Test func crlfAndNoFinalNewline() throws {
    #expect(try records("a,b\r\n1,2\r\n3,4") == [["a", "b"], ["1", "2"], ["3", "4"]])
  }

  @Test func quotedLineBreaksAndDoubledQuotes() throws {
    #expect(try records("\"a\nb\",\"say \"\"hi\"\"\"\r\n\"\",x\n") == [["a\nb", "say \"hi\""], ["", "x"]])
  }

  @Test func trailingDelimiterMeansAnEmptyLastField() throws {
    #expect(try records("a;b;\n1;2;", delimiter: ";") == [["a", "b", ""], ["1", "2", ""]])
  }

  @Test func blankLinesAreSkipped() throws {
    #expect(try records("\n\na\n\r\n\nb\n\n") == [["a"], ["b"]])
  }

  @Test func tabs() throws {
    #expect(try records("a\tb,c\n", delimiter: "\t") == [["a", "b,c"]])
  }

  @Test func unclosedQuote() {
    #expect(throws: CSVScanError.self) { try records("a\n\"b\n") }
  }
}
