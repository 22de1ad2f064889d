import HQData
import Testing

@testable import HQReports

@Suite struct FiguresAccessibilityRecognizerTests {
  /// `Tillgänglighet till vård 2024` (lines 311–347 of the 2024 annual report), read by hand:
  /// label, the region's percentage and line, the national average and its line.
  @Test func readsTheRegionAndTheNationalAverageOfEachAccessibilityFigure() throws {
    let context = FigureFixtures.run(AccessibilityRecognizer(), on: try FigureFixtures.annual2024())
    let expected: [(String, Number, Int, Number, Int)] = [
      ("Telefontillgänglighet primärvård", 90, 315, 87, 318),
      ("Medicinsk bedömning i primärvård", 88, 324, 88, 327),
      ("Första besök i specialiserad vård", 87, 332, 69, 335),
      ("Operation/åtgärd i specialiserad vård", 73, 341, 59, 345),
    ]
    #expect(context.facts.count == 2 * expected.count)
    for (index, want) in expected.enumerated() where 2 * index + 1 < context.facts.count {
      let region = context.facts[2 * index]
      let national = context.facts[2 * index + 1]
      #expect(region.indicator == want.0)
      #expect(national.indicator == want.0)
      #expect(region.measure == "Region Halland" && national.measure == "Riket", "\(want.0)")
      #expect(region.value == want.1 && region.line == want.2, "\(want.0)")
      #expect(national.value == want.3 && national.line == want.4, "\(want.0)")
      for fact in [region, national] {
        #expect(fact.kind == .utfall && fact.unit == "%" && fact.year == 2024 && fact.period == "")
        #expect(fact.table == "Tillgänglighet till vård 2024")
      }
    }
  }

  @Test func claimsTheChartLabelsRepeatingTheRegionsValues() throws {
    let context = FigureFixtures.run(AccessibilityRecognizer(), on: try FigureFixtures.annual2024())
    // `90% 88% 87% 73%` under the four statements.
    #expect(context.isClaimed(347 - 1))
    #expect(!context.isClaimed(370 - 1))
  }

  @Test func findsNoAccessibilityFiguresInThe2017FollowUpReport() throws {
    let context = FigureFixtures.run(AccessibilityRecognizer(), on: try FigureFixtures.followUp2017())
    #expect(context.facts.isEmpty)
  }

  /// Another region and wording: `%` apart from the number, `rikssnittet`, a caption without a
  /// year, a statement that compares with nothing national (left alone).
  @Test func readsASyntheticFigureOfAnotherRegion() {
    let text = FigureFixtures.text("""
      Region Kronoberg redovisar väntetider. Region Kronoberg
       Väntetider i vården
       Besök hos fysiotera
      peut

      76 % fick besök inom 7 dagar
      jämfört med 71 % i rikssnittet

      Hörselvård
      64 % fick tid inom 30 dagar jämfört med 58 % förra året
      """, year: 2023)
    let context = FigureFixtures.run(AccessibilityRecognizer(), on: text)
    #expect(context.facts.map(\.measure) == ["Region Kronoberg", "Riket"])
    #expect(context.facts.map(\.value) == [76, 71])
    #expect(context.facts.map(\.indicator) == ["Besök hos fysioterapeut", "Besök hos fysioterapeut"])
    #expect(context.facts.map(\.line) == [6, 7])
    #expect(context.facts.allSatisfy { $0.year == 2023 && $0.table == "Väntetider i vården" })
  }
}
