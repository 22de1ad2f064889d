import HQData
import Testing

@testable import HQReports

/// The last checks on table rows (`Recognition/RowChecks.swift`), on tables written for the
/// test: a header with a column too few makes readers join two numbers or take one into the
/// label; such rows go to `unread`, whole. Every expected value was worked out by hand.
@Suite struct RowChecksTests {
  static func read(_ body: String) -> (facts: [Fact], unread: [UnreadNumber]) {
    let result = ReportIngester.ingest(text: "Styrelsens årsredovisning 2032\n\n" + body, source: "test.txt")
    return (result.model.facts, result.model.unread)
  }

  /// Four numbers a row: where the thousands rule can join two (`-3 406 288` for `-3 406` and
  /// `288`), a reader taking the row as three numbers gets one a thousand times the others; the
  /// other rows read right.
  @Test func aJoinedNumberLeavesItsRowUnread() {
    let (facts, unread) = Self.read("""
      Driftredovisning
      Enhet 2032 Utfall 2032 Budget Avvikelse Avvikelse
      Kultur -4 766 -4 512 -254 -5,6
      Idrott -3 118 -3 406 288 8,5
      Teater -1 209 -1 187 -22 -1,9
      """)
    #expect(facts.filter { $0.line == 6 }.isEmpty)
    #expect(unread.map(\.line) == [6])
    #expect(unread.first?.reason.hasPrefix("a number may be two joined") == true)
    #expect(facts.filter { $0.line == 5 }.map(\.value) == ["-4766", "-4512", "-254", "-5.6"].map(IngestFixtures.number))
    #expect(facts.filter { $0.line == 7 }.map(\.value) == ["-1209", "-1187", "-22", "-1.9"].map(IngestFixtures.number))
  }

  /// When most rows join two numbers, the table is read as a column too few, and the rows that
  /// cannot join give a value to their label (`Kultur -4 766`): no fact of the table stands.
  @Test func aValueTakenIntoTheLabelLeavesItsRowUnread() {
    let (facts, unread) = Self.read("""
      Driftredovisning
      Enhet 2032 Utfall 2032 Budget Avvikelse Avvikelse
      Kultur -4 766 -4 512 -254 -5,6
      Idrott -3 118 -3 406 288 8,5
      Teater -1 209 -1 187 -22 -1,9
      Museer -2 640 -2 911 271 9,3
      Summa -11 733 -12 016 283 2,4
      """)
    #expect(facts.filter { (5...9).contains($0.line) }.isEmpty)
    #expect(unread.map(\.line) == [5, 6, 7, 8, 9])
    #expect(unread.filter { $0.reason.hasPrefix("the label ends in a number") }.map(\.line) == [5, 7])
  }

  /// A join in a cell whose column is not determined (a header breaking off in `Helårs-`)
  /// makes the row's other cells doubtful too: `–2 238 112 410` is a deviation and a forecast.
  @Test func aJoinInAnUnreadCellLeavesTheRowUnread() {
    let (facts, unread) = Self.read("""
      Driftredovisning
      Ack. utfall Ack. budget Avvikelse Helårs-
      jan–apr jan–apr jan–apr prognos
      Måltider 29 940 31 226 –1 286 90 616
      Skolskjuts 12 114 11 876 –2 238 112 410
      """)
    #expect(facts.filter { (6...7).contains($0.line) }.isEmpty)
    #expect(unread.contains { $0.line == 7 && $0.reason.hasPrefix("a number may be two joined") })
  }

  /// The other way round: a row of two numbers under three year columns read as three
  /// (`2 051 2 693` as 2 051, 2 and 693): numbers a thousand apart in a row of counts.
  @Test func aSplitNumberLeavesTheRowUnread() {
    let (facts, unread) = Self.read("""
      Nyckeltal 2030 2031 2032
      Antal platser i hemtjänst, antal 811 911 785
      Antal anställda 3 062 3 118
      """)
    #expect(facts.filter { $0.line == 5 }.isEmpty)
    #expect(unread.contains { $0.line == 5 })
    #expect(facts.filter { $0.line == 4 }.map(\.value) == ["811", "911", "785"].map(IngestFixtures.number))
  }

  /// What the checks leave alone: small deviations beside large amounts, a zero budget, a
  /// label ending in an unsigned number (`etapp 4`), a range (`2031–2033`).
  @Test func ordinaryRowsAreLeftAlone() {
    let (facts, unread) = Self.read("""
      Investeringar, tkr
      Projekt Budget 2032 Utfall 2032 Avvikelse
      Reningsverk etapp 4 18 400 17 950 450
      Ny simhall 2031–2033 0 1 204 -1 204
      Gång- och cykelvägar 12 300 12 288 12
      """)
    #expect(unread.isEmpty)
    #expect(facts.map(\.value) == ["18400", "17950", "450", "0", "1204", "-1204", "12300", "12288", "12"].map(IngestFixtures.number))
  }

  @Test func theRulesOnTheirOwn() {
    #expect(RowChecks.labelEndsInValue("Hamnar -5 877"))
    #expect(RowChecks.labelEndsInValue("Hamnar −308"))
    #expect(!RowChecks.labelEndsInValue("Reningsverk etapp 4"))
    #expect(!RowChecks.labelEndsInValue("Ny simhall 2031–2033"))
    #expect(RowChecks.labelEndsInValue("Summa -12"))
    #expect(RowChecks.hasSpacedGroup("a -6 996 573 b"))
    #expect(RowChecks.hasSpacedGroup("12\u{2009}450"))
    #expect(!RowChecks.hasSpacedGroup("12,450 8,2"))
    #expect(RowChecks.integerDigits(IngestFixtures.number("-6996573")) == 7)
    #expect(RowChecks.integerDigits(IngestFixtures.number("0.5")) == 0)
  }
}
