import Testing

@testable import HQReports

/// Reading a long text's tables in two parts at once (one per core) finds exactly what one
/// pass finds: the same facts in the same order, the same warnings and claimed lines.
@Suite struct ColumnTableHalvesTests {
  /// The report text prepared the way the driver prepares it, headings included.
  static func prepared(_ name: String) throws -> ReportText {
    let base = try FigureFixtures.dataset(name, year: nil, id: "test")
    let headings = SectionHeadings.find(in: base.lines)
    return ReportText(
      source: base.source, reportID: base.reportID, lines: base.lines, cleaned: base.cleaned,
      documentUnit: "mnkr", reportYear: 2017,
      sectionTitles: ReportIngester.titlesByLine(headings, lineCount: base.lines.count),
      headingLines: LineSet(headings.flatMap { $0.line..<$0.endLine }))
  }

  @Test func stopLines() throws {
    let text = FigureFixtures.text(
      "Budget 2017\nRegionbidrag 156,0 155,9\n\nDetta är en mening som fortsätter. Den slutar här.\n● En punkt\n* Not\n15(34)")
    #expect(!ColumnTableRecognizer.isStop(0, text))  // a header cell
    #expect(!ColumnTableRecognizer.isStop(1, text))  // a value line
    #expect(!ColumnTableRecognizer.isStop(2, text))  // blank: both walks go on
    #expect(ColumnTableRecognizer.isStop(3, text))  // prose
    #expect(ColumnTableRecognizer.isStop(4, text))  // a bullet
    #expect(ColumnTableRecognizer.isStop(5, text))  // a footnote
    #expect(!ColumnTableRecognizer.isStop(6, text))  // a page marker is skipped
  }

  @Test(arguments: ["region-halland-uppfoljningsrapport-2-2017.txt", "region-halland-arsredovisning-2024.txt"])
  func twoPartsFindWhatOnePassFinds(_ name: String) throws {
    let text = try Self.prepared(name)
    #expect(ColumnTableRecognizer.halves(text, minimumLines: 0).count == 2)
    #expect(ColumnTableRecognizer.halves(text, minimumLines: text.lines.count + 1) == [0..<text.lines.count])

    var onePass = RecognitionContext()
    ColumnTableRecognizer.recognize(in: text, lines: 0..<text.lines.count, context: &onePass)
    var twoParts = RecognitionContext()
    ColumnTableRecognizer(minimumLinesToSplit: 0).recognize(in: text, context: &twoParts)

    #expect(onePass.facts.count > 20)
    #expect(twoParts.facts == onePass.facts)
    #expect(twoParts.warnings.map(\.line) == onePass.warnings.map(\.line))
    #expect(twoParts.claimed == onePass.claimed)
  }

  @Test func theCutIsAStopLineNearTheMiddle() throws {
    let text = try Self.prepared("region-halland-uppfoljningsrapport-2-2017.txt")
    let parts = ColumnTableRecognizer.halves(text, minimumLines: 0)
    let cut = try #require(parts.last?.lowerBound)
    #expect(ColumnTableRecognizer.isStop(cut, text))
    #expect(parts.first == 0..<cut && parts.last?.upperBound == text.lines.count)
    #expect(abs(cut - text.lines.count / 2) < text.lines.count / 4)
  }
}
