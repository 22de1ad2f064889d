import HQData
import Testing

@testable import HQReports

/// Markdown pipe tables as converters write them, each rule on a table written for the test
/// (other organisations, words and numbers than the dev reports). Every expected value was
/// worked out by hand from the table text.
@Suite struct GridMarkdownTests {
  /// The facts and unread numbers of `body` under a title that makes it an annual report for 2031.
  static func read(_ body: String, title: String = "Nämndens årsredovisning 2031") -> (facts: [Fact], unread: [UnreadNumber], warnings: [IngestWarning]) {
    let result = ReportIngester.ingest(text: title + "\n\n" + body, source: "test.txt")
    return (result.model.facts, result.model.unread, result.warnings)
  }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  @Test func headerWithBrokenWordsAndUnitInTheStub() {
    let (facts, unread, _) = Self.read("""
      | Verksamhet (belopp i tkr) | Utfall<br>2030 | Budget-<br>ram 2031 | Utfall<br>2031 | Avvik<br>else 2031 |
      | --- | --- | --- | --- | --- |
      | Simhallar | -4 210,5 | -4 300,0 | -4 150,2 | 149,8 |
      | Ishallar | -1 002,1 | -980,0 | -1 010,0 | -30,0 |
      """)
    #expect(unread.isEmpty)
    let pool = facts.filter { $0.indicator == "Simhallar" }
    #expect(pool.map(\.measure) == ["Utfall 2030", "Budgetram 2031", "Utfall 2031", "Avvikelse 2031"])
    #expect(pool.map(\.kind) == [.utfall, .budget, .utfall, .avvikelse])
    #expect(pool.map(\.year) == [2030, 2031, 2031, 2031])
    #expect(pool.map(\.value) == ["-4210.5", "-4300.0", "-4150.2", "149.8"].map(Self.n))
    #expect(pool.allSatisfy { $0.unit == "tkr" && $0.period == "helår" && $0.line == 5 })
  }

  /// The header row names only column groups; the real header is the first row under the
  /// separator: each group spans its column and the empty ones after it.
  @Test func aRowOfColumnGroupsOverTheHeader() {
    let (facts, unread, _) = Self.read("""
      |  |  | Staden |  | Stadskoncernen |  |
      | --- | --- | --- | --- | --- | --- |
      | Belopp i tkr | Not | Bokslut<br>2030 | Bokslut<br>2031 | Bokslut<br>2030 | Bokslut<br>2031 |
      | Avgifter | 3 | 1 204,5 | 1 310,0 | 2 980,1 | 3 015,7 |
      """)
    #expect(unread.isEmpty)
    #expect(facts.map(\.measure) == ["Staden Bokslut 2030", "Staden Bokslut 2031", "Stadskoncernen Bokslut 2030", "Stadskoncernen Bokslut 2031"])
    #expect(facts.map(\.year) == [2030, 2031, 2030, 2031])
    #expect(facts.allSatisfy { $0.kind == .utfall && $0.unit == "tkr" && $0.indicator == "Avgifter" })
    #expect(facts.map(\.value) == ["1204.5", "1310", "2980.1", "3015.7"].map(Self.n))
  }

  /// A two-line header written as the header row and a first row without a label under the
  /// separator (`| | jan–maj 2030 | … |`): the row goes on in the header's cells, so the
  /// columns' periods and years are read, and it is no row of numbers.
  @Test func aHeaderGoingOnInTheFirstRowUnderTheSeparator() {
    let (facts, unread, _) = Self.read("""
      | Tkr | Utfall | Utfall | Budget | Prognos | Avvikelse |
      |---:|---:|---:|---:|---:|---:|
      |  | jan–maj 2030 | jan–maj 2031 | 2031 | helår | mot budget |
      | Hamndrift | 1 020 | 1 115 | 2 700 | 2 650 | -50 |
      | Farledsavgifter | 340 | 362 | 880 | 910 | 30 |
      """, title: "Månadsrapport maj 2031")
    #expect(unread.isEmpty)
    let harbour = facts.filter { $0.indicator == "Hamndrift" }
    #expect(harbour.map(\.kind) == [.utfall, .utfall, .budget, .prognos, .avvikelse])
    #expect(harbour.map(\.year) == [2030, 2031, 2031, 2031, 2031])
    #expect(harbour.map(\.period) == ["jan–maj", "jan–maj", "helår", "helår", "helår"])
    #expect(harbour.map(\.value) == ["1020", "1115", "2700", "2650", "-50"].map(Self.n))
    #expect(facts.count == 10 && facts.allSatisfy { $0.unit == "tkr" && $0.line != 5 })
  }

  /// Emphasis a converter sets on a total row (`**Summa**`, `**-1 204,0**`) or a cell
  /// (`*12,5*`) is markup, not text; a footnote star on one side (`Hamnen*`) stays the label's.
  @Test func emphasisedCellsReadAsTheirText() {
    let (facts, unread, _) = Self.read("""
      | Mnkr | Budget 2031 | Utfall 2031 |
      | --- | --- | --- |
      | Hamnen* | -612,0 | *-598,5* |
      | Farleden | -592,0 | -605,5 |
      | **Summa** | **-1 204,0** | **-1 204,0** |
      """)
    #expect(unread.isEmpty)
    #expect(facts.map(\.indicator) == ["Hamnen", "Hamnen", "Farleden", "Farleden", "Summa", "Summa"])
    #expect(facts.map(\.value) == ["-612.0", "-598.5", "-592.0", "-605.5", "-1204.0", "-1204.0"].map(Self.n))
    #expect(facts.suffix(2).allSatisfy { $0.rowRole == .total })
    #expect(MarkdownTables.unemphasised("Tandvård*") == "Tandvård*")
    #expect(MarkdownTables.unemphasised("__3,5 %__") == "3,5 %")
  }

  /// A header breaking off in a word (`Plan-` whose rest was lost) names only part of it: the
  /// column is unread, the other columns read.
  @Test func aHeaderBreakingOffInAWordIsUnread() {
    let (facts, unread, _) = Self.read("""
      | Tkr | Budget 2031 | Utfall 2031 | Plan- |
      | --- | --- | --- | --- |
      | Hamndrift | 2 700 | 2 650 | 2 900 |
      """)
    #expect(facts.map(\.kind) == [.budget, .utfall])
    #expect(unread.map(\.text) == ["2 900"])
    #expect(unread.first?.reason == "the header 'Plan-' breaks off in a word")
  }

  /// The caption stands above the converter's link to the table, and its unit is the table's.
  @Test func aCaptionAboveTheTableLink() {
    let (facts, _, _) = Self.read("""
      Nettokostnad per område (tkr)
      [Tabell 12-4](handlingar.tabeller/12-4.csv)

      | Område | Utfall<br>2030 | Utfall<br>2031 |
      | --- | --- | --- |
      | Hamnen | -2 410,0 | -2 512,5 |
      """)
    #expect(facts.map(\.unit) == ["tkr", "tkr"])
    #expect(facts.allSatisfy { $0.table == "Nettokostnad per område (tkr)" })
  }

  /// A header row that swallowed the first data row, whose label cell is one label broken over
  /// lines (`Antal<br>årsarbetare`) and no label-column header: all of it is the row's label.
  @Test func aSwallowedRowsLabelBrokenOverLines() {
    let (facts, _, _) = Self.read("""
      | Antal<br>årsarbetare | Bokslut<br>2030<br>212 | Bokslut<br>2031<br>219 |
      | --- | --- | --- |
      | Sjukfrånvaro | 7,1% | 6,4% |
      """)
    #expect(facts.filter { $0.line == 3 }.map(\.indicator) == ["Antal årsarbetare", "Antal årsarbetare"])
    #expect(facts.filter { $0.line == 3 }.map(\.value) == ["212", "219"].map(Self.n))
    #expect(facts.filter { $0.line == 3 }.allSatisfy { $0.unit == "st" })
  }

  @Test func headerRowThatSwallowedTheFirstDataRow() {
    let (facts, unread, _) = Self.read("""
      | Område (belopp i mnkr)<br>Intäkter | Bokslut 2030<br>55,1 | Budget 2031<br>60,0 | Bokslut 2031<br>58,9 | Avvikelse 2031<br>-1,1 |
      | --- | --- | --- | --- | --- |
      | Kostnader | -120,4 | -118,0 | -121,3 | -3,3 |
      | Netto | -65,3 | -58,0 | -62,4 | -4,4 |
      """)
    #expect(unread.isEmpty)
    let income = facts.filter { $0.indicator == "Intäkter" }
    #expect(income.map(\.value) == ["55.1", "60.0", "58.9", "-1.1"].map(Self.n))
    #expect(income.map(\.measure) == ["Bokslut 2030", "Budget 2031", "Bokslut 2031", "Avvikelse 2031"])
    #expect(income.allSatisfy { $0.line == 3 && $0.unit == "mnkr" })
    // `Netto` is the sum of the two rows above it in every column: the table's total.
    #expect(facts.filter { $0.indicator == "Netto" }.allSatisfy { $0.rowRole == .total })
    #expect(facts.filter { $0.indicator == "Kostnader" }.allSatisfy { $0.rowRole == .detail })
  }

  @Test func stackedRowsPairLabelsWithNumbers() {
    let (facts, unread, _) = Self.read("""
      | Miljoner kronor | 2030 | 2031 |
      | --- | --- | --- |
      | Skatteintäkter<br>Generella statsbidrag och<br>utjämning | 1 204,7<br>88,2 | 1 250,0<br>91,5 |
      | Finansnetto<br>(netto)<br>Årets resultat | 12,0 | 14,4 |
      """)
    let tax = facts.filter { $0.indicator == "Skatteintäkter" }
    #expect(tax.map(\.value) == ["1204.7", "1250.0"].map(Self.n))
    let grants = facts.filter { $0.indicator == "Generella statsbidrag och utjämning" }
    #expect(grants.map(\.value) == ["88.2", "91.5"].map(Self.n))
    #expect(grants.map(\.year) == [2030, 2031])
    #expect(grants.allSatisfy { $0.line == 5 && $0.kind == .utfall })
    // Two labels over one line of numbers: which row holds them is not shown.
    #expect(!facts.contains { $0.line == 6 })
    #expect(unread.map(\.line) == [6])
    #expect(unread.first?.reason.contains("do not pair") == true)
  }

  @Test func collapsedRowsAreReadAsTextLines() {
    let (facts, unread, _) = Self.read("""
      |  | Mått Utfall 2027 Utfall 2028 Utfall 2029 |
      | --- | --- |
      | Andel nöjda besökare 81 % 84 % 79,5 % |  |
      | Besökare per<br>12 410 13 002 12 876<br>öppettimme |  |
      | Antal utlån 4 1 3 |  |
      | Kostnad per besök 128 300 131 205 |  |
      """)
    let happy = facts.filter { $0.indicator == "Andel nöjda besökare" }
    #expect(happy.map(\.value) == ["81", "84", "79.5"].map(Self.n))
    #expect(happy.map(\.year) == [2027, 2028, 2029])
    #expect(happy.allSatisfy { $0.unit == "%" && $0.kind == .utfall && $0.period == "helår" })
    // A label wrapped around its numbers; thousands with one space.
    let visitors = facts.filter { $0.indicator == "Besökare per öppettimme" }
    #expect(visitors.map(\.value) == ["12410", "13002", "12876"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Antal utlån" }.map(\.value) == ["4", "1", "3"].map(Self.n))
    // `128 300 131 205` as three numbers: 128 300, 131 and 205, or 128, 300 131 and 205, or … — not determined.
    #expect(!facts.contains { $0.indicator == "Kostnad per besök" })
    #expect(unread.contains { $0.line == 8 && $0.reason.contains("more than one way") })
  }

  @Test func textColumnsAreLabelsUnderTheirGroup() {
    let (facts, unread, _) = Self.read("""
      | Enhet (belopp i mkr) | Post | Budget 2031 | Utfall 2031 |
      | --- | --- | --- | --- |
      | Hamnen | Intäkt | 10,0 | 11,2 |
      |  | Kostnad | -9,0 | -9,9 |
      | Torget | Intäkt | 3,0 | 2,7 |
      |  | Kostnad | -4,0 | -4,1 |
      """)
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.line == 6 }.map(\.indicator) == ["Hamnen – Kostnad", "Hamnen – Kostnad"])
    #expect(facts.filter { $0.line == 7 }.map(\.value) == ["3.0", "2.7"].map(Self.n))
    #expect(facts.filter { $0.line == 7 }.allSatisfy { $0.indicator == "Torget – Intäkt" })
  }

  @Test func aColumnShiftedByTheConverterJoinsItsNeighbour() {
    let (facts, unread, _) = Self.read("""
      | Verksamhet (belopp i mkr) |  | Bokslut 2030 | Budget 2031 | Bokslut 2031 |
      | --- | --- | --- | --- | --- |
      | Styrelse |  | -2,2 | -2,5 | -2,4 |
      | Bibliotek | -40,1 |  | -41,0 | -40,6 |
      | Summa |  | -42,3 | -43,5 | -43,0 |
      """)
    #expect(unread.isEmpty)
    let library = facts.filter { $0.indicator == "Bibliotek" }
    #expect(library.map(\.measure) == ["Bokslut 2030", "Budget 2031", "Bokslut 2031"])
    #expect(library.map(\.value) == ["-40.1", "-41.0", "-40.6"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Summa" }.allSatisfy { $0.rowRole == .total })
  }

  @Test func noteColumnsAndFootnoteYearsAndGlueMarks() {
    let (facts, unread, _) = Self.read("""
      |  | N<br>o<br>t | Utfall 20291 | Utfall 2030 |
      | --- | --- | --- | --- |
      | Avgifter | 3 | 17,5 | 18,2 |
      | Finansposter2 |  | -0,4 | -0,6 |
      | Övrigt* | 4 | 1,0 | 2,0 |
      """, title: "Årsredovisning 2030")
    #expect(unread.isEmpty)
    // The note numbers are never facts.
    #expect(!facts.contains { $0.value == Self.n("3") || $0.value == Self.n("4") })
    let fees = facts.filter { $0.indicator == "Avgifter" }
    #expect(fees.map(\.year) == [2029, 2030])
    #expect(fees.map(\.measure) == ["Utfall 2029", "Utfall 2030"])
    #expect(facts.contains { $0.indicator == "Finansposter" && $0.value == Self.n("-0.4") })
    #expect(facts.contains { $0.indicator == "Övrigt" && $0.value == Self.n("2.0") })
  }

  @Test func varavRowsArePartsAndTotalsAreChecked() {
    let (facts, _, warnings) = Self.read("""
      | Belopp i mnkr | Budget 2031 | Utfall 2031 |
      | --- | --- | --- |
      | Personal | -50,0 | -48,0 |
      | varav övertid | -2,0 | -3,5 |
      | Lokaler | -20,0 | -21,0 |
      | Summa kostnader | -70,0 | -70,0 |
      """)
    #expect(facts.filter { $0.indicator == "varav övertid" }.allSatisfy { $0.rowRole == .part })
    #expect(facts.filter { $0.indicator == "Summa kostnader" }.allSatisfy { $0.rowRole == .total })
    // -50,0 + -20,0 = -70,0 but -48,0 + -21,0 = -69,0: the total's second column does not add up.
    #expect(warnings.map(\.line) == [8])
    #expect(warnings.first?.message.contains("-69") == true)
  }

  /// A row opening with `=` is a total going on from the last total; a row of zeros is no
  /// total by arithmetic, though zeros match the small sums above within their rounding.
  @Test func anEqualsRowGoesOnFromTheLastTotalAndZerosAddUpToNothing() {
    let (facts, _, warnings) = Self.read("""
      | Tusental kronor | Utfall 2030 | Budget 2031 |
      | --- | --- | --- |
      | Intäkter | 940 | 1 010 |
      | Kostnader | -880 | -1 000 |
      | Resultat före justeringar | 60 | 10 |
      | - Reavinster | -2 | 0 |
      | + Reaförluster | 1 | 0 |
      | +/- Orealiserade värden | 0 | 0 |
      | = Justerat resultat | 59 | 10 |
      """)
    let role = { (label: String) in Set(facts.filter { $0.indicator.hasSuffix(label) }.map(\.rowRole)) }
    #expect(role("Orealiserade värden") == [.detail])
    #expect(role("Justerat resultat") == [.total])
    #expect(role("Resultat före justeringar") == [.subtotal])
    #expect(role("Reavinster") == [.detail])
    // 60 - 2 + 1 + 0 = 59 and 10 + 0 = 10: no warning.
    #expect(warnings.isEmpty)
  }

  @Test func cellsThatAreNoSingleNumberAreUnread() {
    let (facts, unread, _) = Self.read("""
      | Fond (mnkr) | Ingående 2031 | Utgående 2031 |
      | --- | --- | --- |
      | Resultatfond | -1,7 (-0,9) | – |
      | Investeringsfond | 30,5 | 28,0 |
      """)
    #expect(unread.map(\.text) == ["-1,7 (-0,9)"])
    #expect(!facts.contains { $0.line == 5 })
    #expect(facts.filter { $0.line == 6 }.count == 2)
  }

  @Test func aHeaderInOneCellIsSpreadOverTheColumns() {
    let (facts, unread, _) = Self.read("""
      | Mnkr Delår Delår Bokslut Budget Prognos Avvikelse<br>2030 2031 2030 2031 2031 prognos |  |  |  |  |  |  |
      | --- | --- | --- | --- | --- | --- | --- |
      | Fritid | -10,5 | -11,0 | -16,2 | -17,0 | -16,8 | 0,2 |
      """, title: "Delårsrapport augusti 2031")
    #expect(unread.isEmpty)
    #expect(facts.map(\.measure) == ["Delår 2030", "Delår 2031", "Bokslut 2030", "Budget 2031", "Prognos 2031", "Avvikelse prognos"])
    #expect(facts.map(\.kind) == [.utfall, .utfall, .utfall, .budget, .prognos, .avvikelse])
    #expect(facts.map(\.year) == [2030, 2031, 2030, 2031, 2031, 2031])
    #expect(facts.map(\.period) == ["jan–aug", "jan–aug", "helår", "helår", "helår", "helår"])
  }

  @Test func aTableWithoutHeaderTakesThePreviousTablesHeaderAcrossAPage() {
    let (facts, unread, _) = Self.read("""
      | Investeringar (mnkr) | Budget 2031 | Utfall 2031 |
      | --- | --- | --- |
      | Fordon | -3,0 | -2,1 |

      <!-- sida 9 -->

      | Maskiner | -1,5 | -1,4 |
      | --- | --- | --- |
      | Summa | -4,5 | -3,5 |
      """)
    #expect(unread.isEmpty)
    let machines = facts.filter { $0.indicator == "Maskiner" }
    #expect(machines.map(\.measure) == ["Budget 2031", "Utfall 2031"])
    #expect(machines.map(\.value) == ["-1.5", "-1.4"].map(Self.n))
  }

  @Test func aTableWithNoHeaderAnywhereIsUnread() {
    let (facts, unread, _) = Self.read("""
      Ett stycke text som inte är någon rubrik för tabellen nedan, utan bara en mening.

      | Borgen | 120,0 | 118,5 |
      | --- | --- | --- |
      | Pensioner | 12,8 | 10,9 |
      """)
    #expect(facts.isEmpty)
    // One entry per row, the row as printed.
    #expect(unread.map(\.text) == ["| Borgen | 120,0 | 118,5 |", "| Pensioner | 12,8 | 10,9 |"])
    #expect(unread.allSatisfy { $0.reason == "the table has no header" })
  }

  @Test func aCaptionAboveGivesTheUnitAndName() {
    let (facts, _, _) = Self.read("""
      Driftredovisning (tkr)

      | Verksamhet | Budget 2031 | Utfall 2031 |
      | --- | --- | --- |
      | Hemtjänst | -9 100 | -9 350 |
      """)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Driftredovisning (tkr)" })
    #expect(facts.count == 2)
  }

  @Test func proseQuotingTheAmountsInMillionsGivesTheUnit() {
    let (facts, _, _) = Self.read("""
      Nämnden redovisar för året ett resultat på -3,4 miljoner kronor, vilket är 1,6 miljoner kronor sämre än budget.

      | Område | Budget 2031 | Utfall 2031 | Avvikelse 2031 |
      | --- | --- | --- | --- |
      | Totalt | -1,8 | -3,4 | -1,6 |
      """)
    let table = facts.filter { $0.line == 7 }
    #expect(table.count == 3)
    #expect(table.allSatisfy { $0.unit == "mnkr" })
  }

  /// A header cell set on one line between cells set on two (`Prognos 2031` between `Budget` /
  /// `2031` and `Budget-` / `avvikelse`) fits two places under which the deviations hold: the
  /// columns both places read alike are facts, the two others unread with both readings.
  static let middleLineTable = """
    | Utfall Budget Budget-<br>Tkr Prognos 2031<br>2030 2031 avvikelse |  |  |  |  |
    | --- | --- | --- | --- | --- |
    | Hamnar | 500 | 520 | 510 | 10 |
    | Färjor | 300 | 290 | 310 | -20 |
    | Bryggor | 80 | 85 | 85 | 0 |
    """

  @Test func aHeaderCellOnTheMiddleLineThatFitsTwoPlacesLeavesThemUnread() {
    let (facts, unread, _) = Self.read(Self.middleLineTable)
    let harbours = facts.filter { $0.indicator == "Hamnar" }
    #expect(harbours.map(\.measure) == ["Utfall 2030", "Budgetavvikelse"])
    #expect(harbours.map(\.value) == ["500", "10"].map(Self.n))
    #expect(harbours.allSatisfy { $0.unit == "tkr" })
    #expect(unread.count == 6)
    #expect(unread.filter { $0.line == 5 }.map(\.text) == ["520", "510"])
    #expect(unread.allSatisfy { $0.reason.contains("'Budget 2031'") && $0.reason.contains("'Prognos 2031'") })
  }

  @Test func theReportsOtherTablesSettleTheOrderOfTwoKinds() {
    let (facts, unread, _) = Self.read("""
      | Tkr | Budget 2031 | Prognos 2031 | Avvikelse |
      | --- | --- | --- | --- |
      | Summa | 900 | 905 | -5 |

      \(Self.middleLineTable)
      """)
    #expect(unread.isEmpty)
    let ferries = facts.filter { $0.indicator == "Färjor" }
    #expect(ferries.map(\.measure) == ["Utfall 2030", "Budget 2031", "Prognos 2031", "Budgetavvikelse"])
    #expect(ferries.map(\.kind) == [.utfall, .budget, .prognos, .avvikelse])
    #expect(ferries.map(\.value) == ["300", "290", "310", "-20"].map(Self.n))
  }

  @Test func aDeviationComparesTheKindItsHeaderNames() {
    #expect(GridArithmetic.namedKinds("Prognosavvikelse") == [.prognos])
    #expect(GridArithmetic.namedKinds("Avvikelse mot budget") == [.budget])
    #expect(GridArithmetic.namedKinds("Budgetavvikelse prognos") == [.budget, .prognos])
    #expect(GridArithmetic.namedKinds("Avvikelse procent").isEmpty)
  }

  /// A column of a year not yet closed whose header has words of its own naming no kind (a
  /// fund's balance, an amount due) holds values of that year; a year with only period words
  /// (`Helår 2031` in an interim report) stays undetermined.
  @Test func aYearWithWordsOfItsOwnIsAValueOfThatYear() {
    let (facts, unread, _) = Self.read("""
      | Tkr | Fond IB 2031 | Bokslut 2030 | Fond UB 2031 | Återbetalas senast 2032 | Helår 2031 |
      | --- | --- | --- | --- | --- | --- |
      | Hamnverksamhet | 12,5 | -3,0 | 9,5 | 4,0 | 7,7 |
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.map(\.measure) == ["Fond IB 2031", "Bokslut 2030", "Fond UB 2031", "Återbetalas senast 2032"])
    #expect(facts.map(\.kind) == [.värde, .utfall, .värde, .värde])
    #expect(facts.map(\.year) == [2031, 2030, 2031, 2032])
    #expect(facts.map(\.period) == ["", "helår", "helår", ""])
    #expect(facts.map(\.value) == ["12.5", "-3.0", "9.5", "4.0"].map(Self.n))
    #expect(unread.map(\.text) == ["7,7"])
    #expect(unread.first?.reason.contains("2031 alone") == true)
  }

  /// A pipe table without a header takes the header line written as text above it, and the
  /// unit from the label column's header on the line above that.
  @Test func aHeaderAboveThePipeTableWithItsUnitOnTheLineAbove() {
    let (facts, unread, _) = Self.read("""
      Belopp i tkr            Förbundet

      Dec 2030     Dec 2031     Budget 2031

      | Inventarier | 410,0 | 388,5 | 400 |
      | --- | --- | --- | --- |
      | Kassa | 95,1 | 120,4 | 90 |
      """)
    #expect(unread.isEmpty)
    let cash = facts.filter { $0.indicator == "Kassa" }
    #expect(cash.map(\.measure) == ["Dec 2030", "Dec 2031", "Budget 2031"])
    #expect(cash.map(\.value) == ["95.1", "120.4", "90"].map(Self.n))
    #expect(facts.count == 6)
    #expect(facts.allSatisfy { $0.unit == "tkr" })
  }

  /// The document's money unit is for amounts: a row naming a ratio, a share or a count takes
  /// none from it; a unit after a comma ending the label is the row's.
  /// A caption above the fence a converter put the table in names it and gives its unit.
  @Test func aCaptionAboveTheFenceOfATable() {
    let (facts, _, _) = Self.read("""
      Driftredovisning, tusentals kronor
      ```
      | Enhet | Utfall<br>2031 | Budget<br>2031 |
      | --- | --- | --- |
      | Bibliotek | 2 410,5 | 2 500,0 |
      | Arkiv | 611,0 | 640,0 |
      ```
      """)
    #expect(facts.count == 4)
    #expect(facts.allSatisfy { $0.table == "Driftredovisning, tusentals kronor" })
    #expect(facts.allSatisfy { $0.unit == "tkr" })
  }

  @Test func theDocumentsUnitIsForAmountsOnly() {
    let (facts, _, _) = Self.read("""
      Samtliga belopp anges i miljoner kronor om inget annat anges i tabellerna nedan.

      | Mått | Bokslut 2029 | Bokslut 2030 |
      | --- | --- | --- |
      | Nettokostnad | 41,2 | 43,9 |
      | Elever per lärare | 11,5 | 12,1 |
      | Andel behöriga lärare | 81,0 | 83,5 |
      | Kostnad per elev, kr | 98 400 | 101 200 |
      """)
    #expect(facts.filter { $0.indicator == "Nettokostnad" }.map(\.unit) == ["mnkr", "mnkr"])
    #expect(facts.filter { $0.indicator == "Elever per lärare" }.map(\.unit) == ["", ""])
    #expect(facts.filter { $0.indicator == "Andel behöriga lärare" }.map(\.unit) == ["", ""])
    #expect(facts.filter { $0.indicator.hasPrefix("Kostnad per elev") }.map(\.unit) == ["kr", "kr"])
  }

  /// A stacked label cell with more labels than lines of numbers pairs them when the extra
  /// labels are headings: in capitals, or totalled by a `Summa` row of the table.
  @Test func headingsInAStackedCellHoldNoNumbers() {
    let (facts, unread, _) = Self.read("""
      | Mnkr | Dec 2030 | Dec 2031 |
      | --- | --- | --- |
      | LÅNGFRISTIGA FORDRINGAR<br>Lån till bolag | 40,0 | 35,5 |
      | Aktier och andelar<br>Kortfristiga placeringar | 12,0 | 12,0 |
      | Obligationer | 3,0 | 4,0 |
      | Summa kortfristiga placeringar | 3,0 | 4,0 |
      | Summa<br>Leasade tillgångar | 1,0 | 2,0 |
      """)
    #expect(facts.filter { $0.indicator == "Lån till bolag" }.map(\.value) == ["40.0", "35.5"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Aktier och andelar" }.map(\.value) == ["12.0", "12.0"].map(Self.n))
    #expect(!facts.contains { $0.indicator.hasPrefix("LÅNGFRISTIGA") || $0.indicator == "Kortfristiga placeringar" })
    // In a table that stacks no numbers, a cell of lines none of which is a heading is one
    // label wrapped over lines.
    #expect(facts.filter { $0.line == 9 }.map(\.indicator) == ["Summa Leasade tillgångar", "Summa Leasade tillgångar"])
    #expect(unread.isEmpty)
  }
}
