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

  /// Records written from known cells, with every length around the eight-byte words the
  /// scanner reads at once: each delimiter, line end, quote and `\r\n` lands at every offset
  /// of a word, and files end at every offset too.
  @Test func everyFieldLengthAndOffsetAgainstTheCellsWritten() throws {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    let letters = Array("abcåäö12,9.-\"\n;x")
    for round in 0..<300 {
      let width = 1 + next(5)
      var cells: [[String]] = []
      var text = ""
      for _ in 0..<(1 + next(6)) {
        var row: [String] = []
        for column in 0..<width {
          var cell = String((0..<next(20)).map { _ in letters[next(letters.count)] })
          // One-column files read a blank line as a record; keep cells non-empty there.
          if width == 1 && cell.isEmpty { cell = "z" }
          row.append(cell)
          let needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n") || next(4) == 0
          text += needsQuotes ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
          if column < width - 1 { text += "," }
        }
        cells.append(row)
        text += next(3) == 0 ? "\r\n" : "\n"
      }
      // The last line end ("\r\n" is one Character) left off half the time.
      if next(2) == 0 { text.removeLast() }
      let read = try? records(text)
      #expect(read == cells, "round \(round): \(text.debugDescription)")
      if read != cells { break }
    }
  }
}

/// Counting the fields after the located ones (``CSVScanner/nextRecord(into:capacity:located:)``)
/// must give every record's field count, end and located fields as locating them all does.
@Suite struct CSVScannerCountingTests {
  static let texts = [
    "a,b,c\n1,,\"x,y\"\n",
    "a,b\r\n1,2\r\n3,4",
    "a,b,c,d,e,f,g,h,i,j\n1,2,3,4,5,6,7,8,9,10\n-1,-2,-3,,,,\"7\",8,\"9\",\n",
    "k,v,w\nab\"c,2,3\n\"q\"\"uote\",\"multi\nline\",x\n1,2,3,4,5\n6\n,,\n",
    "x,y,z,w\naaaaaaaaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbbbbb,cccccccccccccccc,ddddddddddddd\n1,2,3,\n",
    "a;b;c\nå;ä;ö\n\"1;2\";3;4;5\n",
    "a,b,c\n1,2,3,",
  ]

  @Test(arguments: texts)
  func countsEqualLocatingEveryField(_ text: String) throws {
    let bytes = Array(text.utf8)
    let delimiter = UInt8(ascii: text.contains(";") ? ";" : ",")
    try bytes.withUnsafeBufferPointer { buffer in
      let base = try #require(buffer.baseAddress)
      let capacity = 12
      let all = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity)
      let some = UnsafeMutablePointer<CSVField>.allocate(capacity: capacity)
      defer {
        all.deallocate()
        some.deallocate()
      }
      for located in 0..<capacity {
        var full = CSVScanner(base: base, count: buffer.count, delimiter: delimiter)
        var counted = CSVScanner(base: base, count: buffer.count, delimiter: delimiter)
        while true {
          let expected = try full.nextRecord(into: all, capacity: capacity)
          let got = try counted.nextRecord(into: some, capacity: capacity, located: located)
          #expect(got == expected, "located \(located) in \(text.debugDescription)")
          #expect(counted.position == full.position && counted.recordEnd == full.recordEnd)
          guard let expected, got == expected else { break }
          for f in 0..<min(located, expected, capacity) {
            #expect(some[f].start == all[f].start && some[f].end == all[f].end, "field \(f), located \(located)")
          }
        }
      }
    }
  }
}
