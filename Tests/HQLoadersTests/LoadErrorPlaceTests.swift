import Testing

@testable import HQLoaders
import HQDiagnostics

/// Where a load error points: line, and column in display columns (the one definition,
/// ``DisplayWidth/column(after:)``, as queries count them), with the line kept for the caret.
/// Before, loaders counted Unicode scalars and queries characters.
@Suite struct LoadErrorPlaceTests {
  private func place(_ text: [UInt8], _ offset: Int) -> (line: Int?, column: Int?, text: String?) {
    let error = text.withUnsafeBytes { LoadError(file: "f.csv", offset: offset, in: $0, message: "m") }
    return (error.line, error.column, error.lineText)
  }

  @Test func linesAndColumns() {
    let text = Array("ab\nåäö x\n".utf8)
    #expect(place(text, 0) == (1, 1, "ab"))
    #expect(place(text, 2) == (1, 3, "ab"))
    #expect(place(text, 3) == (2, 1, "åäö x"))
    // "åäö " is 7 bytes; the x is in the fifth column.
    #expect(place(text, 10) == (2, 5, "åäö x"))
  }

  @Test func wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
    // 名前 and 😀 take two columns each: the x is in column 4 + 1 + 2 + 1 + 1 = 9.
    #expect(place(Array("名前,😀,x\r\n".utf8), 12) == (1, 9, "名前,😀,x"))
    // a + U+0308 is one column (ä), so b is in column 2.
    #expect(place(Array("a\u{308}b".utf8), 3) == (1, 2, "a\u{308}b"))
  }

  @Test func byteOrderMarkIsNotAColumn() {
    let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab".utf8)
    #expect(place(text, 4) == (1, 2, "ab"))
  }

  /// 1, comma, Å take a column each and 😀 two: the x is in column 6, the caret after 5 spaces.
  @Test func renderedWithTheLineAndACaret() {
    let error = Array("a,b\n1,Å😀x\n".utf8).withUnsafeBytes {
      LoadError(file: "f.csv", offset: 12, in: $0, message: "expected a number in column 'b'")
    }
    #expect(error.description == """
      f.csv:2:6: error: expected a number in column 'b'
      1,Å😀x
           ^
      """)
  }

  /// At every byte offset (inside characters, at invalid bytes, after a CR) the column the
  /// error names is where its caret is drawn, and is its ``LoadError/column``.
  @Test func everyOffsetHasItsCaretAtItsColumn() {
    let bytes = Array("a,日\u{308}😀,e\u{301}\n".utf8) + [0xFF, 0xC3] + Array("x\r\n名".utf8)
    for offset in 0...bytes.count {
      let error = bytes.withUnsafeBytes { LoadError(file: "f", offset: offset, in: $0, message: "m") }
      let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false)
      let header = lines[0].split(separator: ":")
      #expect(Int(header[2]) == error.column, "\(offset): \(error.description)")
      guard lines.count == 3 else { continue }
      #expect(lines[2].prefix { $0 == " " }.count + 1 == error.column, "\(offset): \(error.description)")
    }
  }

  private func firstInvalid(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBytes { UTF8Check.firstInvalidOffset(in: $0) }
  }

  @Test func validUTF8() {
    #expect(firstInvalid(Array("Region Halland – 😀 å".utf8)) == nil)
    #expect(firstInvalid([]) == nil)
  }

  @Test(arguments: [
    ([0x61, 0xFF], 1),  // never valid
    ([0xC3], 0),  // truncated å
    ([0xC3, 0x28], 0),  // bad continuation
    ([0xC0, 0xAF], 0),  // overlong "/"
    ([0xE0, 0x80, 0xAF], 0),  // overlong
    ([0xED, 0xA0, 0x80], 0),  // surrogate U+D800
    ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
    ([0x41, 0x80], 1),  // lone continuation
  ] as [([UInt8], Int)])
  func invalidUTF8(_ bytes: [UInt8], _ offset: Int) {
    #expect(firstInvalid(bytes) == offset)
  }
}
