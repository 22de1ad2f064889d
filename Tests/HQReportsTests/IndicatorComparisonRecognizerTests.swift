import HQData
import Testing

@testable import HQReports

/// One expected fact of a comparison, written as a person reads it off the report text.
struct ExpectedComparisonFact: Sendable, CustomStringConvertible {
  var indicator: String
  var measure: String
  var kind: FactKind
  var year: Int?
  var value: String
  var unit: String
  var rank: Int?
  var line: Int

  var description: String { "\(indicator) \(measure) line \(line)" }
}

@Suite struct IndicatorComparisonRecognizerTests {
  /// The 2024 annual report's comparison with all 21 regions (lines 193–215), read by hand:
  /// `2017 2022 2023 2024 RHs mål*`, values with `(N av 21)` ranks for 2017–2023, the 2024 value
  /// without a rank, then the target.
  static let annual2024: [ExpectedComparisonFact] = {
    var rows: [ExpectedComparisonFact] = []
    func row(_ indicator: String, _ unit: String, _ cells: [(String, Int?, Int)], target: String, targetLine: Int) {
      for (year, cell) in zip([2017, 2022, 2023, 2024], cells) {
        rows.append(ExpectedComparisonFact(
          indicator: indicator, measure: String(year), kind: .utfall, year: year, value: cell.0, unit: unit,
          rank: cell.1, line: cell.2))
      }
      rows.append(ExpectedComparisonFact(
        indicator: indicator, measure: "RHs mål", kind: .mål, year: nil, value: target, unit: unit, rank: nil,
        line: targetLine))
    }
    row("Antibiotikarecept per 1000 invånare", "", [("306", 16, 194), ("257", 15, 194), ("280", 17, 194), ("276", nil, 194)], target: "250", targetLine: 194)
    row("Ekologiska livsmedel", "%", [("31,0", 17, 196), ("28,2", 18, 196), ("25,0", 17, 196), ("27,4", nil, 196)], target: "30", targetLine: 196)
    row("Förnybara drivmedel i kollektivtrafik", "%", [("85,6", 17, 198), ("98,0", 12, 198), ("98,4", 12, 198), ("98,6", nil, 198)], target: "100", targetLine: 198)
    row("Energianvändning i lokaler", "kWh/m2", [("199", 12, 200), ("188", 15, 200), ("184", 17, 200), ("188", nil, 200)], target: "176", targetLine: 200)
    row("Medicinska gasers klimatpåverkan", "kg CO2ekv/inv", [("4,1", 18, 205), ("3,4", 20, 205), ("2,9", 20, 208), ("2,8", nil, 208)], target: "1,8", targetLine: 208)
    row("Avfallsåtervinning i sjukhusfastigheter", "%", [("29,4", 12, 210), ("20,3", 21, 210), ("21,9", 21, 210), ("21,4", nil, 210)], target: "55", targetLine: 210)
    return rows
  }()

  @Test func readsEveryIndicatorYearRankAndTargetOfThe2024Comparison() throws {
    let context = FigureFixtures.run(IndicatorComparisonRecognizer(), on: try FigureFixtures.annual2024())
    let expected = Self.annual2024
    #expect(context.facts.count == expected.count)
    #expect(context.warnings.isEmpty)
    for (fact, want) in zip(context.facts, expected) {
      #expect(fact.indicator == want.indicator, "\(want)")
      #expect(fact.measure == want.measure, "\(want)")
      #expect(fact.kind == want.kind, "\(want)")
      #expect(fact.year == want.year, "\(want)")
      #expect(fact.value == SwedishNumber.parse(want.value)?.value, "\(want)")
      #expect(fact.unit == want.unit, "\(want)")
      #expect(fact.rank == want.rank, "\(want)")
      #expect(fact.rankOf == (want.rank == nil ? nil : 21), "\(want)")
      #expect(fact.line == want.line, "\(want)")
      #expect(fact.table == "Region Hallands nyckeltalsjämförelse med Sveriges alla regioner")
      #expect(fact.report == "rh-ar-2024")
      // The footnote `*Målvärden i Handlingsplan … 2023-2026.` dates the targets.
      #expect(fact.period == (want.kind == .mål ? "2023–2026" : ""), "\(want)")
    }
  }

  @Test func claimsTheHeaderRowsAndFootnoteOfThe2024Comparison() throws {
    let context = FigureFixtures.run(IndicatorComparisonRecognizer(), on: try FigureFixtures.annual2024())
    for line in [193, 194, 196, 198, 200, 202, 203, 205, 208, 210, 215] {
      #expect(context.isClaimed(line - 1), "line \(line)")
    }
    // The explanation under the table is prose, left for the sections.
    #expect(!context.isClaimed(212 - 1))
  }

  @Test func findsNoComparisonInThe2017FollowUpReport() throws {
    let context = FigureFixtures.run(IndicatorComparisonRecognizer(), on: try FigureFixtures.followUp2017())
    #expect(context.facts.isEmpty)
  }

  /// Key figures by year with a target and no rank: a year that is over (before the report's
  /// year, or its own year in an annual report) is that year's full-year outcome; in a report
  /// of part of the year, the report's own year has no period.
  @Test func unrankedKeyFiguresOfPastYearsAreFullYearOutcomes() {
    var text = FigureFixtures.text("""
      Hamnens nyckeltal
      2027 2028 2029 Mål
      Anlöp per vecka 41 44 39 45
      Andel nöjda kunder (%) 78 81 80 85
      Antal kranförare 12 14 13 15
      """, year: 2029)
    text.reportPeriod = "helår"
    let annual = FigureFixtures.run(IndicatorComparisonRecognizer(), on: text).facts
    #expect(annual.count == 12)
    #expect(annual.filter { $0.kind == .utfall }.allSatisfy { $0.period == "helår" })
    #expect(annual.filter { $0.kind == .mål }.allSatisfy { $0.period == "" && $0.year == nil })
    #expect(annual.map(\.unit) == ["", "", "", "", "%", "%", "%", "%", "st", "st", "st", "st"])
    text.reportPeriod = "jan–aug"
    let interim = FigureFixtures.run(IndicatorComparisonRecognizer(), on: text).facts
    #expect(interim.filter { $0.kind == .utfall }.map(\.period) == Array(repeating: ["helår", "helår", ""], count: 3).flatMap { $0 })
  }

  /// A comparison of another region, with other indicators, years and a wrapped row whose
  /// values are spread over two lines, and a target footnote naming one year.
  @Test func readsASyntheticComparisonOfAnotherRegion() {
    let text = FigureFixtures.text("""
       Region Norrlands nyckeltal jämfört med alla regioner
       2019 2021 2023 Regionens mål*
      Väntetid till besök (dagar) 42 (3 av 21) 38 (5 av 21) 35 12
      Andel nöjda patienter
      (%)
      81,5 (9 av 21) 83,0 (7 av 21)
      84,2 90
      *Mål enligt Verksamhetsplan 2025.
      """, year: 2023)
    let context = FigureFixtures.run(IndicatorComparisonRecognizer(), on: text)
    #expect(context.warnings.isEmpty)
    let facts = context.facts
    #expect(facts.count == 8)
    guard facts.count == 8 else { return }
    #expect(facts[0].indicator == "Väntetid till besök")
    #expect(facts[0].unit == "dagar")
    #expect(facts[0].value == 42 && facts[0].rank == 3 && facts[0].rankOf == 21 && facts[0].year == 2019)
    #expect(facts[2].value == 35 && facts[2].rank == nil && facts[2].year == 2023)
    #expect(facts[3].kind == .mål && facts[3].measure == "Regionens mål" && facts[3].value == 12)
    #expect(facts[3].year == 2025 && facts[3].period == "")
    #expect(facts[4].indicator == "Andel nöjda patienter" && facts[4].unit == "%")
    #expect(facts[4].value == Number(mantissa: 815, scale: 1) && facts[4].rank == 9 && facts[4].line == 6)
    #expect(facts[6].value == Number(mantissa: 842, scale: 1) && facts[6].line == 7)
    #expect(facts[7].value == 90 && facts[7].kind == .mål)
    #expect(facts[0].table == "Region Norrlands nyckeltal jämfört med alla regioner")
  }

  @Test func warnsAboutARowWithTooFewValues() {
    let text = FigureFixtures.text("""
       2020 2021 2022 Mål
      Antal vårdplatser 410 (4 av 21) 402
      Beläggning (%) 95 (10 av 21) 97 (12 av 21) 96 90
      """)
    let context = FigureFixtures.run(IndicatorComparisonRecognizer(), on: text)
    #expect(context.warnings.count == 1)
    #expect(context.warnings.first?.line == 2)
    #expect(context.facts.map(\.indicator) == Array(repeating: "Beläggning", count: 4))
  }
}
