import Testing

@testable import HQReports

@Suite struct HeaderCellsTests {
  func cells(_ text: String) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return HeaderCells.cells(Array(lines.indices), in: lines).map(\.text)
  }

  @Test func brokenWordsAndCellBoundaries() {
    let header = "Uppdrag\nResultat \n\njan-\naugusti\n\nBudget \n2017\n\nPrognos\ntiserad \n\navvikels\ne mot \n\nbudget \nför 2017"
    #expect(cells(header) == [
      "Uppdrag", "Resultat jan-augusti", "Budget 2017", "Prognostiserad avvikelse mot budget för 2017",
    ])
  }

  @Test func wideGapsSeparateCells() {
    #expect(cells("  Finansiering  Belopp") == ["Finansiering", "Belopp"])
    #expect(cells("Kostnad för  ") == ["Kostnad för"])
  }

  @Test func columnWordsSplitACell() {
    #expect(cells("Investeringar Budget Periodens \nutfall") == ["Investeringar", "Budget", "Periodens utfall"])
    #expect(cells("Budget Diff mot \n\nbudget") == ["Budget", "Diff mot budget"])
    // `Netto` modifies the column word after it.
    #expect(cells("Netto \nBudget \n\njan-\naugusti") == ["Netto Budget jan-augusti"])
    // Lower-case words and non-column capitals stay.
    #expect(cells("Statligt anslag \nför Regional \nutveckling") == ["Statligt anslag för Regional utveckling"])
  }

  @Test func bareYearsAreCellsOfTheirOwn() {
    #expect(cells(" 2021 2022 Snitt 2020-2022") == ["2021", "2022", "Snitt 2020-2022"])
    #expect(cells("Utfall 2018 jan-mars Budget 2018") == ["Utfall 2018 jan-mars", "Budget 2018"])
  }

  @Test func repeatedHeaderCountsOnce() {
    let one = HeaderCells.cells([0, 1, 2], in: ["Område", "Utfall ", "2018"])
    let twice = one + one
    #expect(TableScan.dropRepeatedHeader(twice).map(\.text) == ["Område", "Utfall 2018"])
    #expect(TableScan.dropRepeatedHeader(one).map(\.text) == ["Område", "Utfall 2018"])
  }

  @Test func columnCountIsTheMostCommon() {
    #expect(TableScan.columnCount([2, 1, 1, 1]) == 1)
    #expect(TableScan.columnCount([4, 4, 2, 2]) == 4)
    #expect(TableScan.columnCount([]) == 0)
  }
}
