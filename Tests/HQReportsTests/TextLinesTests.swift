import Testing

@testable import HQReports

@Suite struct TextLinesTests {
  @Test func splitDropsCarriageReturnsBeforeLineFeeds() {
    #expect(TextLines.split("a\r\nb\n\nc") == ["a", "b", "", "c"])
    #expect(TextLines.split("a\n") == ["a"])
    #expect(TextLines.split("") == [])
    #expect(TextLines.split("\n") == [""])
  }

  /// A text of a megabyte or more is split in two halves at once; the lines are the same.
  @Test func aLongTextSplitsIntoTheSameLines() {
    var text = ""
    for k in 0..<40_000 {
      text += k % 7 == 0 ? "\r\n" : "Rad \(k): Hälso- och sjukvård 1 204,5 mnkr\n"
    }
    #expect(text.utf8.count > 1 << 20)
    let lines = TextLines.split(text)
    #expect(lines.count == 40_000)
    // The oracle splits the bytes (a `Character` split would keep CR LF together).
    let expected = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { line in
      String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
    }
    let same = lines == expected
    #expect(same)
    #expect(lines[0] == "" && lines[1] == "Rad 1: Hälso- och sjukvård 1 204,5 mnkr")
  }
}
