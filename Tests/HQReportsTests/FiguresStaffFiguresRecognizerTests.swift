import HQData
import Testing

@testable import HQReports

@Suite struct FiguresStaffFiguresRecognizerTests {
  private typealias Row = (indicator: String, measure: String, value: Number, line: Int)

  private static func percent(_ text: String) -> Number { SwedishNumber.parse(text)?.value ?? .zero }

  /// `Medarbetare` (lines 542–583 of the 2024 annual report), read by hand. The headline line
  /// `5,8% 3,5%10,5%` is not in label order: the turnover parts Extern 5,9 + Intern 2,7 +
  /// Pension 1,8 = 10,4 ≈ 10,5 and the sick-leave intervals Kort 2,8 + Mellan 1,2 + Lång 1,9 =
  /// 5,9 ≈ 5,8 place two values; 3,5 is the hired staff cost, the one label left. HME 78 and
  /// OSA 68 are the engagement and work-environment indexes of the fourth box.
  @Test func readsTheRegionsStaffFiguresByTheirBreakdowns() throws {
    let context = FigureFixtures.run(StaffFiguresRecognizer(), on: try FigureFixtures.annual2024())
    let region = context.facts.filter { $0.table == "Medarbetare" }
    let expected: [Row] = [
      ("Sjukfrånvaro", "", Self.percent("5,8"), 559),
      ("Hyrkostnader", "", Self.percent("3,5"), 559),
      ("Personalomsättning", "", Self.percent("10,5"), 559),
      ("Personalomsättning", "Extern", Self.percent("5,9"), 562),
      ("Personalomsättning", "Intern", Self.percent("2,7"), 565),
      ("Personalomsättning", "Pension", Self.percent("1,8"), 568),
      ("Sjukfrånvaro", "Kort", Self.percent("2,8"), 571),
      ("Sjukfrånvaro", "Mellan", Self.percent("1,2"), 574),
      ("Sjukfrånvaro", "Lång", Self.percent("1,9"), 577),
      ("Fortsatt högt medarbetarengagemang och upplevd arbetsmiljö", "HME", 78, 580),
      ("Fortsatt högt medarbetarengagemang och upplevd arbetsmiljö", "OSA", 68, 583),
    ]
    check(region, expected, unit: { $0.measure == "HME" || $0.measure == "OSA" ? "" : "%" })
  }

  /// `Medarbetare Regionkontoret` (lines 591–608): `2,55%9,94%`, where Extern 5,3 + Intern 2,5
  /// + Pension 2,1 = 9,9 ≈ 9,94 is the turnover, and `Kvinnor (2,93%) Män (2,09%)` stands under
  /// the sick-leave box.
  @Test func readsTheRegionalOfficesStaffFigures() throws {
    let context = FigureFixtures.run(StaffFiguresRecognizer(), on: try FigureFixtures.annual2024())
    let office = context.facts.filter { $0.table == "Medarbetare Regionkontoret" }
    let expected: [Row] = [
      ("Sjukfrånvaro", "", Self.percent("2,55"), 599),
      ("Personalomsättning", "", Self.percent("9,94"), 599),
      ("Sjukfrånvaro", "Kvinnor", Self.percent("2,93"), 597),
      ("Sjukfrånvaro", "Män", Self.percent("2,09"), 597),
      ("Personalomsättning", "Extern", Self.percent("5,3"), 602),
      ("Personalomsättning", "Intern", Self.percent("2,5"), 605),
      ("Personalomsättning", "Pension", Self.percent("2,1"), 608),
    ]
    check(office, expected, unit: { _ in "%" })
    #expect(context.facts.count == 11 + 7)
    #expect(context.warnings.isEmpty)
  }

  private func check(_ facts: [Fact], _ expected: [Row], unit: (Fact) -> String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(facts.count == expected.count, sourceLocation: sourceLocation)
    for (fact, want) in zip(facts, expected) {
      #expect(fact.indicator == want.indicator, sourceLocation: sourceLocation)
      #expect(fact.measure == want.measure, "\(want.indicator)", sourceLocation: sourceLocation)
      #expect(fact.value == want.value, "\(want.indicator) \(want.measure)", sourceLocation: sourceLocation)
      #expect(fact.line == want.line, "\(want.indicator) \(want.measure)", sourceLocation: sourceLocation)
      #expect(fact.unit == unit(fact), sourceLocation: sourceLocation)
      #expect(fact.kind == .utfall && fact.year == 2024, sourceLocation: sourceLocation)
    }
  }

  @Test func findsNoStaffFiguresInThe2017FollowUpReport() throws {
    let context = FigureFixtures.run(StaffFiguresRecognizer(), on: try FigureFixtures.followUp2017())
    #expect(context.facts.isEmpty)
  }

  @Test func splitsPercentagesWrittenTogether() {
    #expect(StaffFiguresRecognizer.percentages("5,8% 3,5%10,5%")?.map(\.value) == [Self.percent("5,8"), Self.percent("3,5"), Self.percent("10,5")])
    #expect(StaffFiguresRecognizer.percentages("2,55%9,94%")?.count == 2)
    #expect(StaffFiguresRecognizer.percentages("5,8% ökning") == nil)
    #expect(StaffFiguresRecognizer.percentages("2 381 640") == nil)
  }

  /// Another organisation: a caption with a year, the values again out of label order, and a
  /// breakdown (two parts summing to 88,4) that places them.
  @Test func readsASyntheticBreakdownFigure() {
    let text = FigureFixtures.text("""
       Personal 2023

      Frisknärvaro\u{20}
      stabil

      Andel heltider\u{20}
      ökar

      71,0% 88,4%

      Kvinnor
      45,0%

      Män
      43,4%
      """, year: 2023)
    let context = FigureFixtures.run(StaffFiguresRecognizer(), on: text)
    #expect(context.facts.map(\.indicator) == ["Andel heltider", "Frisknärvaro", "Frisknärvaro", "Frisknärvaro"])
    #expect(context.facts.map(\.measure) == ["", "", "Kvinnor", "Män"])
    #expect(context.facts.map(\.value) == [710, 884, 450, 434].map { Number(mantissa: $0, scale: 1) })
    #expect(context.facts.allSatisfy { $0.year == 2023 && $0.table == "Personal 2023" })
  }

  @Test func warnsWhenTheSumsDoNotPlaceTheValues() {
    let text = FigureFixtures.text("""
      Sjukfrånvaro

      Personalomsättning

      Övertid

      4,0% 9,0% 2,0%

      Kort
      1,0%

      Lång
      1,0%
      """)
    let context = FigureFixtures.run(StaffFiguresRecognizer(), on: text)
    #expect(context.facts.isEmpty)
    #expect(context.warnings.map(\.line) == [7])
  }
}
