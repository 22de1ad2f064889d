import HQData
import Testing

@testable import HQReports

/// Headers that reading-order text flattened (cells of different columns run together on one
/// line), placed over the columns the rows hold (``HeaderPlacement``). Each rule on a table
/// written for the test, with other words, numbers and layouts than the generated PDFs'; every
/// expected value worked out by hand. Lines count from 1 with the title on line 1 and the body
/// from line 3.
@Suite struct HeaderPlacementTests {
  static func read(_ body: String, title: String = "Nämndens delårsrapport augusti 2030") -> (facts: [Fact], unread: [UnreadNumber]) {
    let result = ReportIngester.ingest(text: title + "\n\n" + body, source: "test.txt")
    return (result.model.facts, result.model.unread)
  }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  // MARK: Cells of a line

  @Test func aYearJoinsTheKindWordBeforeItAndAHyphenFragmentEndsItsCell() {
    let atoms = HeaderPlacement.atoms(["Plan", "2031", "Summa-", "2032", "Avvikelse", "mot", "plan"])
    #expect(atoms.map(\.text) == ["Plan", "2031", "Summa-", "2032", "Avvikelse", "mot plan"])
    let cuts = HeaderPlacement.segmentations(atoms)
    // `2031` goes with `Plan`; `2032` never with `Summa-`, which goes on on the next line.
    #expect(cuts.allSatisfy { $0.first?.text == "Plan 2031" })
    #expect(cuts.allSatisfy { $0.contains { $0.text == "Summa-" } })
    // `mot plan` joins `Avvikelse` or stands alone (the cell of another column).
    #expect(Set(cuts.map { $0.map(\.text) }) == [
      ["Plan 2031", "Summa-", "2032", "Avvikelse mot plan"], ["Plan 2031", "Summa-", "2032", "Avvikelse", "mot plan"],
    ])
  }

  /// A money unit written with every column's header (`Budget 2031 (tkr)`, …) is every
  /// column's, wherever the flattened unit words fall; a percentage column keeps its own, and a
  /// unit written once is not spread.
  @Test func aUnitWrittenWithEveryColumnIsEveryColumns() {
    let (facts, unread) = Self.read("""
      Investeringar
      Projekt Budget Utfall Prognos Avvikelse, mnkr
      2030, mnkr jan-aug 2030, mnkr 2030, mnkr
      Reningsverk Öster 12,4 8,2 11,9 -0,5
      Pumpstationer 3,0 2,2 3,4 0,4
      Ledningsnät etapp 2 7,5 5,1 7,1 -0,4
      """)
    #expect(unread.isEmpty)
    #expect(facts.count == 12 && facts.allSatisfy { $0.unit == "mnkr" })
    #expect(facts.prefix(4).map(\.kind) == [.budget, .utfall, .prognos, .avvikelse])
    #expect(facts.prefix(4).map(\.period) == ["helår", "jan–aug", "helår", "helår"])
    var once = [["Budget", "Prognos", "Avvikelse", "(mnkr)"], ["2030", "2030"]]
    #expect(HeaderPlacement.statedUnit(&once, columns: 3) == nil)
    #expect(once.joined().count == 6)
    var withPercent = [["Budget", "(mnkr)", "Utfall", "(mnkr)", "Avvikelse", "%"]]
    #expect(HeaderPlacement.statedUnit(&withPercent, columns: 3) == "mnkr")
    #expect(withPercent == [["Budget", "Utfall", "Avvikelse", "%"]])
  }

  // MARK: Placements

  @Test func aLineWithAsManyCellsAsColumnsFixesThemAndASpanningCellCoversItsSubColumns() throws {
    let placed = try #require(HeaderPlacement.readings([
      "Område Bokslut 2029 Budget Prognos Avvikelse",
      "Intäkter Kostnader Netto- 2030 helår mot budget",
      "kostnader 2030",
    ], columns: 6))
    #expect(placed.stub == "Område")
    let truth = [
      "Bokslut 2029 Intäkter", "Bokslut 2029 Kostnader", "Bokslut 2029 Nettokostnader", "Budget 2030",
      "Prognos helår 2030", "Avvikelse mot budget",
    ]
    #expect(placed.readings.contains(truth))
    // The spanning cell is split under each of its columns: no reading leaves `Bokslut 2029`
    // alone over one of them.
    #expect(!placed.readings.contains { $0.contains("Bokslut 2029") })
  }

  @Test func aYearOnTheLastLineContinuesTheOnlyCellAboveThatLacksOne() throws {
    // `2030` on the second line under `Plan`, `jan–jun` under `Utfall`, `2030` under
    // `Prognos`; the last line's `2030` can only go on `Utfall jan–jun`.
    let placed = try #require(HeaderPlacement.readings([
      "Objekt Plan Utfall Prognos Avvikelse", "2030 jan–jun 2030", "2030",
    ], columns: 4))
    #expect(placed.readings == [["Plan 2030", "Utfall jan–jun 2030", "Prognos 2030", "Avvikelse"]])
  }

  @Test func theGeneratedReportsHeadersArePlacedWellWithinTheSearchLimit() {
    // Far below the limit per header (``HeaderPlacement/searchLimit``).
    let headers: [([String], Int)] = [
      (["Verksamhet Bokslut 2023 Budget Prognos Avvikelse", "Intäkter Kostnader Netto- 2024 helår mot budget",
        "kostnader 2024"], 6),
      (["Projekt Budget Utfall Prognos Avvikelse", "2024 jan–aug 2024", "2024"], 4),
      (["Nämnd Budget Utfall Prognos 2025 Avvikelse", "2025 jan–apr Helår Avvikelse %", "2025"], 5),
    ]
    for (lines, columns) in headers {
      var steps = 0
      let placed = HeaderPlacement.readings(lines, columns: columns, steps: &steps)
      #expect(placed != nil)
      #expect(steps * 2 < HeaderPlacement.searchLimit, "\(lines[0]): \(steps) steps")
    }
  }

  @Test func noPlacementWhenAColumnThatNeedsAYearGetsNone() {
    // Three columns of plans and outcomes, two years: one of them would have none.
    #expect(HeaderPlacement.readings(["Enhet Budget Utfall Prognos", "2030 2030"], columns: 3) == nil)
  }

  // MARK: Tables

  static let spanning = """
    Nämnden för kultur · Delårsrapport augusti 2030
    Driftredovisning (mnkr)
    Område Bokslut 2029 Budget Prognos Avvikelse
    Intäkter Kostnader Netto- 2030 helår mot budget
    kostnader 2030
    Äldreomsorg 10,5 -90,0 -79,5 -80,0 -82,5 -2,5
    Skola 4,0 -50,0 -46,0 -47,0 -46,0 1,0
    Kultur 2,2 -12,2 -10,0 -11,0 -11,5 -0,5

    <!-- sida 2 -->

    Nämnden för kultur · Delårsrapport augusti 2030
    Område Bokslut 2029 Budget Prognos Avvikelse
    Intäkter Kostnader Netto- 2030 helår mot budget
    kostnader 2030
    Fritid 1,0 -9,0 -8,0 -8,5 -8,0 0,5
    Summa 17,7 -161,2 -143,5 -146,5 -148,0 -1,5
    """

  @Test func aSpanningHeaderFlattenedOverThreeLinesReadsEveryColumn() throws {
    let (facts, unread) = Self.read(Self.spanning)
    #expect(unread.isEmpty, "\(unread.map { ($0.line, $0.text, $0.reason) })")
    #expect(facts.count == 30)
    let care = facts.filter { $0.indicator == "Äldreomsorg" }
    try #require(care.count == 6)
    #expect(care.map(\.value) == ["10.5", "-90", "-79.5", "-80", "-82.5", "-2.5"].map(Self.n))
    #expect(care.map(\.kind) == [.utfall, .utfall, .utfall, .budget, .prognos, .avvikelse])
    #expect(care.map(\.year) == [2029, 2029, 2029, 2030, 2030, 2030])
    #expect(care.allSatisfy { $0.period == "helår" && $0.unit == "mnkr" })
    #expect(care[2].measure.contains("Nettokostnader"))
    // The header repeated after the page break is passed over: the rows after it are the
    // same table's, with its caption's unit.
    let total = facts.filter { $0.indicator == "Summa" }
    try #require(total.count == 6)
    #expect(total.map(\.value) == ["17.7", "-161.2", "-143.5", "-146.5", "-148", "-1.5"].map(Self.n))
    #expect(total.allSatisfy { $0.unit == "mnkr" && $0.rowRole == .total })
  }

  /// Rows of signed thousands (`–58 310 –58 940 630 –57 120`) read as many values as they have
  /// digit groups as surely as four: seven values, which four kind words and three years cannot
  /// head, or four, which they can (`Avvikelse` without a year between `Budget 2031` and
  /// `Bokslut 2030`). The count the header places over is the table's.
  @Test func theRowsCountTheHeaderPlacesOverWhereDigitGroupsReadAsValuesToo() throws {
    let (facts, unread) = Self.read("""
      Driftredovisning
      Enhet Prognos Budget Avvikelse Bokslut
      2031 2031 2030
      Bibliotek –58 310 –58 940 630 –57 120
      Museer –21 455 –21 200 –255 –20 980
      Kulturskola –34 870 –35 400 530 –33 615
      Fritidsgårdar –12 260 –12 905 645 –12 440
      Summa –126 895 –128 445 1 550 –124 155
      """, title: "Kulturnämndens delårsrapport augusti 2031")
    #expect(unread.isEmpty, "\(unread.map { ($0.line, $0.text, $0.reason) })")
    try #require(facts.count == 20)
    let library = facts.filter { $0.indicator == "Bibliotek" }
    #expect(library.map(\.value) == ["-58310", "-58940", "630", "-57120"].map(Self.n))
    #expect(library.map(\.kind) == [.prognos, .budget, .avvikelse, .utfall])
    #expect(library.map(\.year) == [2031, 2031, 2031, 2030])
    let total = facts.filter { $0.indicator == "Summa" }
    #expect(total.map(\.value) == ["-126895", "-128445", "1550", "-124155"].map(Self.n))
  }

  @Test func aPlacementTheDeviationsContradictIsNotRead() {
    // The deviation column is the forecast less the budget in no row: the only placement is
    // contradicted, the table is left as its words read it, and every number is unread.
    let body = """
      Nämnden för kultur · Delårsrapport augusti 2030
      Driftredovisning (mnkr)
      Område Bokslut 2029 Budget Prognos Avvikelse
      Intäkter Kostnader Netto- 2030 helår mot budget
      kostnader 2030
      Äldreomsorg 10,5 -90,0 -79,5 -80,0 -82,5 7,5
      Skola 4,0 -50,0 -46,0 -47,0 -46,0 9,0
      Kultur 2,2 -12,2 -10,0 -11,0 -11,5 3,5
      """
    let (facts, unread) = Self.read(body)
    #expect(facts.isEmpty)
    #expect(Set(unread.map(\.line)) == [8, 9, 10])
  }

  @Test func aNetColumnThatIsNotIncomePlusCostsRejectsThePlacement() {
    // The deviations hold, but the net column is not the income plus the costs in any row.
    let (facts, unread) = Self.read("""
      Nämnden för kultur · Delårsrapport augusti 2030
      Driftredovisning (mnkr)
      Område Bokslut 2029 Budget Prognos Avvikelse
      Intäkter Kostnader Netto- 2030 helår mot budget
      kostnader 2030
      Äldreomsorg 10,5 -90,0 -70,5 -80,0 -82,5 -2,5
      Skola 4,0 -50,0 -36,0 -47,0 -46,0 1,0
      Kultur 2,2 -12,2 -1,0 -11,0 -11,5 -0,5
      """)
    #expect(facts.isEmpty)
    #expect(Set(unread.map(\.line)) == [8, 9, 10])
  }

  @Test func aSpanningForecastOverItsDeviationBesideAPercentColumn() {
    // `Prognos 2031` spans `Helår` and `Avvikelse`; `%` goes under the last `Avvikelse`.
    let (facts, unread) = Self.read("""
      Driftredovisning per enhet (mnkr)
      Enhet Plan Utfall Prognos 2031 Avvikelse
      2031 jan–jun Helår Avvikelse %
      2031
      Skolan -50,0 -20,1 -52,0 -2,0 -4,0
      Vården -100,0 -45,0 -95,0 5,0 5,0
      Gatan -20,0 -9,5 -20,0 0,0 0,0
      """, title: "Nämndens delårsrapport juni 2031")
    #expect(unread.isEmpty)
    let school = facts.filter { $0.indicator == "Skolan" }
    #expect(school.map(\.kind) == [.budget, .utfall, .prognos, .avvikelse, .avvikelse])
    #expect(school.map(\.year) == [2031, 2031, 2031, 2031, 2031])
    #expect(school.map(\.period) == ["helår", "jan–jun", "helår", "helår", "helår"])
    #expect(school.map(\.unit) == ["mnkr", "mnkr", "mnkr", "mnkr", "%"])
  }

  @Test func aColumnTwoPlacementsReadDifferentlyIsUnreadNamingBoth() {
    // `Utfall 2029` may span the first two columns or only the first: the middle column is
    // 2029's costs or 2030's. The others read alike either way.
    let (facts, unread) = Self.read("""
      Område Utfall 2029 Utfall 2030
      Intäkter Kostnader Intäkter
      Hamnen 4,5 -12,0 5,1
      Torget 1,2 -3,4 1,4
      """)
    #expect(facts.count == 4)
    #expect(facts.allSatisfy { $0.measure.contains("Intäkter") })
    #expect(facts.filter { $0.indicator == "Hamnen" }.map(\.year) == [2029, 2030])
    #expect(unread.map(\.text) == ["-12,0", "-3,4"])
    #expect(unread.first?.reason == "the header could be read as 'Utfall 2029 Kostnader' or 'Utfall 2030 Kostnader'")
  }
}
