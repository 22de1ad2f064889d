import Testing

@testable import HQLoaders

@Suite struct TextPositionTests {
  private func position(_ bytes: [UInt8], _ offset: Int) -> TextPosition {
    bytes.withUnsafeBytes { TextPosition(of: offset, in: $0) }
  }

  @Test func linesAndColumnsCountCharacters() {
    let text = Array("ab\nåäö x\n".utf8)
    #expect(position(text, 0) == TextPosition(line: 1, column: 1))
    #expect(position(text, 2) == TextPosition(line: 1, column: 3))
    #expect(position(text, 3) == TextPosition(line: 2, column: 1))
    // "åäö " is 7 bytes; the x is the fifth character.
    #expect(position(text, 10) == TextPosition(line: 2, column: 5))
  }

  @Test func byteOrderMarkIsNotAColumn() {
    let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab".utf8)
    #expect(position(text, 4) == TextPosition(line: 1, column: 2))
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
