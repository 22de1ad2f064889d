import HQData
import Testing

@testable import HQReports

/// Amounts in parentheses (`(154 037)`), the way a bolag's resultaträkning writes its
/// negatives: read as minus their amount only where the table's convention is beyond doubt
/// (``GridReading/parenthesesMeanMinus(_:columns:)``), else unread. Every table is written for
/// the test, each in one of the three text forms; the values were worked out by hand.
@Suite struct ParenthesesNegativesTests {
  static func read(_ body: String, title: String = "Vindå Hamn AB Årsredovisning 2031") -> (facts: [Fact], unread: [UnreadNumber]) {
    let result = ReportIngester.ingest(text: title + "\n\n" + body, source: "test.txt")
    return (result.model.facts, result.model.unread)
  }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  @Test func anAmountInParenthesesParsesOnlyWhenAskedFor() {
    #expect(SwedishNumber.parse("(154 037)") == nil)
    let thousands = SwedishNumber.parse("(154 037)", parentheses: true)
    #expect(thousands?.value == Number(-154_037) && thousands?.parenthesised == true)
    #expect(SwedishNumber.parse("(49,7)", parentheses: true)?.value == Number(mantissa: -497, scale: 1))
    #expect(SwedishNumber.parse("12,5", parentheses: true)?.parenthesised == false)
    for text in ["(16 av 21)", "(-1,3)", "(5,8%)", "(12 34)", "15(34)", "(1234 567)", "(16", "21)", "-2,7 (-1,3)"] {
      #expect(SwedishNumber.parse(text, parentheses: true) == nil, "\(text)")
    }
  }

  /// A run ending in amounts in parentheses, a note reference before them: one number each.
  @Test func aRunReadsAmountsInParenthesesAsOneNumberEach() {
    let run = RunReading.run("Driftkostnader 2 (30 115) (1 870) 412", parentheses: true)
    #expect(run.label == "Driftkostnader")
    guard case .unique(let numbers) = RunReading.read(run, count: 4) else {
      Issue.record("not read as four numbers")
      return
    }
    #expect(numbers.map(\.value) == [Number(2), Number(-30_115), Number(-1_870), Number(412)])
    // Without the option, the parentheses end the run, as before.
    #expect(RunReading.run("Driftkostnader 2 (30 115) (1 870) 412").atoms.count == 1)
    // A rank is no amount: the run is what follows it.
    #expect(RunReading.run("Placering (4 av 12) 85", parentheses: true).atoms.count == 1)
  }

  @Test func aReadingOrderTableWithANoteColumn() {
    let (facts, unread) = Self.read("""
      Hamnens resultat (belopp i tkr)
      Not Utfall 2030 Utfall 2031 Budget 2031
      Hyresintäkter 1 48 210 51 004 50 000
      Driftkostnader 2 (30 115) (31 870) (32 500)
      Avskrivningar (9 402) (9 950) (10 000)
      Rörelseresultat 8 693 9 184 7 500
      """)
    #expect(unread.isEmpty)
    let costs = facts.filter { $0.indicator == "Driftkostnader" }
    #expect(costs.map(\.value) == ["-30115", "-31870", "-32500"].map(Self.n))
    #expect(costs.map(\.kind) == [.utfall, .utfall, .budget])
    #expect(facts.filter { $0.indicator == "Avskrivningar" }.map(\.value) == ["-9402", "-9950", "-10000"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Hyresintäkter" }.map(\.value) == ["48210", "51004", "50000"].map(Self.n))
    #expect(facts.count == 12 && facts.allSatisfy { $0.unit == "tkr" })
  }

  /// Every row ending in an amount in parentheses: the header is still found above them.
  @Test func aReadingOrderTableWhoseRowsAllEndInParentheses() {
    let (facts, unread) = Self.read("""
      Resultaträkning
      Utfall Utfall Budget Prognos Avvikelse
      jan–jun 2030 jan–jun 2031 2031 2031 prognos
      Hyror 61 204 63 870 128 400 126 950 (1 450)
      Driftkostnader (40 115) (41 002) (83 000) (84 210) (1 210)
      """, title: "Vindå Hamn AB Delårsrapport januari–juni 2031")
    #expect(unread.isEmpty)
    #expect(facts.count == 10)
    #expect(facts.filter { $0.indicator == "Hyror" }.map(\.value) == ["61204", "63870", "128400", "126950", "-1450"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Hyror" }.map(\.kind) == [.utfall, .utfall, .budget, .prognos, .avvikelse])
  }

  @Test func aMarkdownTable() {
    let (facts, unread) = Self.read("""
      Resultaträkning, tkr

      | Post | Utfall 2030 | Utfall 2031 |
      | --- | --- | --- |
      | Intäkter | 12 400 | 13 050 |
      | Kostnader | (11 980) | (12 615) |
      | Resultat | 420 | 435 |
      """)
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.indicator == "Kostnader" }.map(\.value) == ["-11980", "-12615"].map(Self.n))
  }

  @Test func aLayoutTable() {
    let (facts, unread) = Self.read("""
      Resultaträkning, tkr

                                Not      Utfall 2030      Utfall 2031
      Nettoomsättning             1           84 310           88 925
      Rörelsens kostnader         2         (61 204)         (63 870)
      Avskrivningar                          (9 118)          (9 540)
      Rörelseresultat                         13 988           15 515
      """)
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.indicator == "Rörelsens kostnader" }.map(\.value) == ["-61204", "-63870"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Avskrivningar" }.map(\.value) == ["-9118", "-9540"].map(Self.n))
    #expect(facts.count == 8)
  }

  /// A table whose parentheses also hold a rank, or that writes minus signs too, or whose
  /// parentheses hold only small whole numbers in a column of their own, has not said that its
  /// parentheses mean minus: those cells are unread, the other numbers read.
  @Test func anUnsettledConventionLeavesTheCellsUnread() {
    let (ranked, rankedUnread) = Self.read("""
      | Mått | Värde 2030 | Värde 2031 |
      | --- | --- | --- |
      | Kostnad per elev | (1 250) | (1 310) |
      | Placering i länet | (4 av 12) | (6 av 12) |
      | Nöjdhet | 82 | 85 |
      """)
    #expect(ranked.map(\.value) == ["82", "85"].map(Self.n))
    #expect(rankedUnread.map(\.text).contains("(1 250)"))

    let (signed, signedUnread) = Self.read("""
      | Post | Budget 2031 | Avvikelse 2031 |
      | --- | --- | --- |
      | Intäkter | 5 200 | -140 |
      | Kostnader | (4 900) | (85) |
      """)
    #expect(signed.map(\.value) == ["5200", "-140"].map(Self.n))
    #expect(signedUnread.map(\.text) == ["(4 900)", "(85)"])
    #expect(signedUnread.allSatisfy { $0.reason.contains("parentheses") })

    let (notes, notesUnread) = Self.read("""
      | Post | Hänvisning | Utfall 2031 |
      | --- | --- | --- |
      | Intäkter | (1) | 5 200 |
      | Kostnader | (2) | 4 900 |
      """)
    #expect(!notes.contains { $0.value == Self.n("-1") || $0.value == Self.n("-2") })
    #expect(notesUnread.count <= 2)
  }
}
