import Testing

@testable import HQReports

@Suite struct TextLinesTests {
  /// Entries of a table of contents: dot leaders before the page number, or two entries side by
  /// side whose section and page numbers both go up; a ranking (values going down) is none.
  @Test func contentsEntries() {
    let lines = [
      "Innehållsförteckning",
      "1 Sammanfattning 3",
      "2 Ekonomi och personal 5",
      "",
      "3 Verksamhet ......... 9",
      "",
      "Placering bland kommunerna",
      "1 Lunneby 85",
      "2 Norrvik 80",
      "",
      "4 Bilagor 12",
    ]
    #expect((0..<lines.count).filter { TextLines.isContentsEntry($0, lines) } == [1, 2, 4])
  }

  /// A report whose table of contents lists its numbered headings: the headings are those in the
  /// text, not the entries (whose page numbers are no part of a title).
  @Test func headingsAfterATableOfContents() {
    let lines = [
      "Innehåll", "1 Inledning 2", "2 Ekonomi ............ 4", "", "1 Inledning", "Text om året.", "2 Ekonomi", "Mer text.",
    ]
    let headings = SectionHeadings.find(in: lines)
    #expect(headings.map(\.title) == ["Inledning", "Ekonomi"])
    #expect(headings.map(\.line) == [4, 6])
  }

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
