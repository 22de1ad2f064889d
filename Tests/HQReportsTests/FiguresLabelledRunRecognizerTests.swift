import HQData
import Testing

@testable import HQReports

@Suite struct FiguresLabelledRunRecognizerTests {
  /// `Produktion under 2024` (lines 351–370 of the 2024 annual report): four labels in boxes,
  /// broken over lines and blank lines, above `2 381 640 98 712 196 465 17 796`.
  @Test func readsTheProductionFiguresOneNumberPerLabel() throws {
    let context = FigureFixtures.run(LabelledRunRecognizer(), on: try FigureFixtures.annual2024())
    #expect(context.facts.map(\.indicator) == [
      "Antal besök i öppenvård",
      "Besök vid Hallands sjukhus akutmottagningar",
      "Genomförda röntgenundersökningar",
      "Antal operationer på operationsavdelningarna Hallands sjukhus",
    ])
    #expect(context.facts.map(\.value) == [2_381_640, 98_712, 196_465, 17_796])
    for fact in context.facts {
      #expect(fact.line == 370 && fact.year == 2024 && fact.kind == .utfall && fact.unit == "")
      #expect(fact.table == "Produktion under 2024" && fact.measure == "" && fact.period == "")
    }
    #expect(context.warnings.isEmpty)
    for line in [351, 352, 353, 355, 356, 358, 360, 361, 363, 365, 366, 368, 370] {
      #expect(context.isClaimed(line - 1), "line \(line)")
    }
  }

  @Test func findsNoLabelledRunsInThe2017FollowUpReport() throws {
    let context = FigureFixtures.run(LabelledRunRecognizer(), on: try FigureFixtures.followUp2017())
    #expect(context.facts.isEmpty)
    #expect(context.claimed.isEmpty)
  }

  /// Another report: three labels, one with a unit, percentages and amounts in the run, a
  /// caption without a year (the report's year is used), and a lone number under one label
  /// (left alone). Lines that end between words keep their trailing space, as the extraction
  /// writes them.
  /// A line of years under lines of text is a table's header (`Bokslut Bokslut` / `2029 2030`),
  /// never a figure's values.
  @Test func aLineOfYearsHoldsNoValues() {
    let text = FigureFixtures.text("""
      Stadens bokslut

      Not 7 Fordringar, tkr
      Bokslut Bokslut
      2029 2030
      Kundfordringar 41,0 45,5
      """, year: 2030)
    let context = FigureFixtures.run(LabelledRunRecognizer(), on: text)
    #expect(context.facts.isEmpty)
  }

  @Test func readsASyntheticFigureWithUnitsAndAnotherCount() {
    let text = FigureFixtures.text("""
      Nyckeltal i korthet
       Invånare i\u{20}
      länet

      Andel nöjda\u{20}
      kunder

      Nettokostnad
      (mnkr)

      412 805 91,5% 12 040,5

      Antal vårdplatser

      612
      """, year: 2022)
    let context = FigureFixtures.run(LabelledRunRecognizer(), on: text)
    #expect(context.facts.map(\.indicator) == ["Invånare i länet", "Andel nöjda kunder", "Nettokostnad"])
    #expect(context.facts.map(\.value) == [412_805, Number(mantissa: 915, scale: 1), Number(mantissa: 120405, scale: 1)])
    #expect(context.facts.map(\.unit) == ["", "%", "mnkr"])
    #expect(context.facts.allSatisfy { $0.year == 2022 && $0.measure == "" && $0.table == "Nyckeltal i korthet" })
    #expect(!context.isClaimed(14 - 1))
  }
}
