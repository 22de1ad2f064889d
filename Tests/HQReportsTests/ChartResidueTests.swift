import HQData
import Testing

@testable import HQReports

/// A chart's residue in a report text (values and axis ticks as lone numbers, the axis of years,
/// an axis title set sideways, the legend) is unread, never facts, and its legend is no table
/// header. Written for the test; the expected outcome worked out by hand.
@Suite struct ChartResidueTests {
  static func read(_ body: String) -> (facts: [Fact], unread: [UnreadNumber]) {
    let result = ReportIngester.ingest(text: "Nämndens årsredovisning 2031\n\n" + body, source: "test.txt")
    return (result.model.facts, result.model.unread)
  }

  /// A table of contents whose page numbers a tab sets apart (as a word processor writes it),
  /// some entries with dot leaders: page numbers, no facts.
  @Test func aContentsWithTabsIsNoTable() {
    let (facts, _) = Self.read("""
      Innehåll
      1 Hamnens år\t3
      2 Ekonomi .......... 6
      2.1 Driftredovisning\t8
      2.2 Investeringar\t11
      3 Personal\t14

      1 Hamnens år

      Året präglades av ett högt tryck på kajerna.
      """)
    #expect(facts.isEmpty)
  }

  @Test func anAxisTitleSetSidewaysIsRecognizedReversed() {
    #expect(ChartsAndContents.isReversedAxisTitle("ronork"))
    #expect(ChartsAndContents.isReversedAxisTitle("renojliM"))
    #expect(ChartsAndContents.isReversedAxisTitle("tnecorp"))
    #expect(!ChartsAndContents.isReversedAxisTitle("Kronor"))
    #expect(!ChartsAndContents.isReversedAxisTitle("Låneskuld"))
  }

  @Test func aChartsTicksAxisTitleAndLegendAreNoFacts() {
    let (facts, unread) = Self.read("""
      Låneskuldens utveckling

      900
      750
      600
      450
      2028  2029 2030  2031
      ronork
      renojliM
      Hamnverksamhet
      Färjetrafik
      Kollektivtrafik

      <!-- sida 9 -->

      Avsättningar

      1 200
      """)
    #expect(facts.isEmpty)
    #expect(unread.map(\.text).contains("900"))
  }
}
