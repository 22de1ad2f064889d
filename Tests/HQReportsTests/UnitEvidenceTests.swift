import HQData
import Testing

@testable import HQReports

/// A table's unit from the amounts the prose states (``UnitEvidence``), on tables and sentences
/// written for the test (other organisations, words and numbers than the generated reports);
/// every expected unit worked out by hand. Neither table states a unit, nor does the document.
@Suite struct UnitEvidenceTests {
  static func read(_ body: String, title: String = "Tekniska nämndens delårsrapport april 2031") -> [Fact] {
    ReportIngester.ingest(text: title + "\n\n" + body, source: "test.txt").model.facts
  }

  /// One table amount in thousands that a rounded million of the prose meets (`31 452` and
  /// `31,4 mnkr`) is no evidence when the two are not the same thing: the prose states the
  /// year's forecast surplus, the table's number is the period's income.
  @Test func oneRoundedMatchOfAnotherQuantitySettlesNoUnit() {
    let facts = Self.read("""
      Nämnden prognostiserar för helåret ett överskott på 31,4 mnkr mot budget.

      | Resultaträkning | Utfall jan–apr 2031 | Budget 2031 | Prognos 2031 | Avvikelse prognos |
      |---|---|---|---|---|
      | Intäkter | 31 452 | 88 120 | 90 310 | 2 190 |
      | Kostnader | -45 870 | -140 500 | -135 900 | 4 600 |
      | Nettokostnad | -14 418 | -52 380 | -45 590 | 6 790 |
      """)
    // The table's rows stand on lines 7 to 9 (the prose on line 3).
    let table = facts.filter { $0.line >= 7 }
    #expect(table.count == 12)
    #expect(table.allSatisfy { $0.unit.isEmpty }, "\(table.map(\.unit))")
  }

  /// A deviation the prose states (`en positiv budgetavvikelse på 12,7 mnkr`) that a table's
  /// deviation rounds to (`12 655`) is the same amount: the table is in thousands.
  @Test func aDeviationTheProseRoundsToMillionsSettlesThousands() {
    let facts = Self.read("""
      Nämnden redovisar för helåret en positiv budgetavvikelse på 12,7 mnkr.

      | Driftredovisning | Budget 2031 | Prognos 2031 | Avvikelse |
      |---|---|---|---|
      | Grundskola | -210 400 | -205 130 | 5 270 |
      | Äldreomsorg | -318 900 | -311 515 | 7 385 |
      | Summa | -529 300 | -516 645 | 12 655 |
      """)
    let table = facts.filter { $0.line >= 7 }
    #expect(table.count == 9)
    #expect(table.allSatisfy { $0.unit == "tkr" }, "\(table.map(\.unit))")
  }

  /// The lines that name a deviation, in any case and form (``Vocabulary/namesDeviation(_:)``).
  @Test func linesNamingADeviation() {
    for line in [
      "BUDGETAVVIKELSEN uppgår till", "Verksamheten avviker från planen", "ett Överskott mot ram",
      "Nämnden redovisar ett underskott", "UNDERSKOTTET beror på",
    ] {
      #expect(Vocabulary.namesDeviation(line), "\(line)")
    }
    for line in ["Utfall jan–aug 2031", "Kostnaderna överskrider ramen", "Prognos för helåret", "ett skott i mörkret"] {
      #expect(!Vocabulary.namesDeviation(line), "\(line)")
    }
  }
}
