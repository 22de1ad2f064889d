import HQData
import Testing

@testable import HQReports

/// Tables written as text in reading order, each rule on a table written for the test. Every
/// expected value was worked out by hand from the text; line numbers count from 1 with the
/// title on line 1 and the body from line 3.
@Suite struct TextTablesTests {
  static func read(_ body: String, title: String = "Nämndens årsredovisning 2031") -> (facts: [Fact], unread: [UnreadNumber]) {
    let result = ReportIngester.ingest(text: title + "\n\n" + body, source: "test.txt")
    return (result.model.facts, result.model.unread)
  }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  /// A small number after a word that numbers things (`etapp 3`, `§ 9`, `hus 12`) is the
  /// label's, also when the row's numbers follow it with one space (`etapp 3 1 250 …` is not
  /// 3, 1 250 …); after `per` it is a value.
  @Test func aNumberAfterANumberingWordIsTheLabels() {
    let (facts, unread) = Self.read("""
      Projekt Budget 2031 Utfall 2031 Avvikelse
      Renovering av Norrskolan, etapp 3 1 250 1 100 -150
      Stöd enligt LSS § 9 2 410 2 390 -20
      Ombyggnad hus 12 8 004 8 120 116
      Summa 11 664 11 610 -54
      """)
    #expect(unread.isEmpty)
    #expect(facts.count == 12)
    let labels = ["Renovering av Norrskolan, etapp 3", "Stöd enligt LSS § 9", "Ombyggnad hus 12", "Summa"]
    #expect(facts.map(\.indicator) == labels.flatMap { Array(repeating: $0, count: 3) })
    #expect(facts.map(\.value) == ["1250", "1100", "-150", "2410", "2390", "-20", "8004", "8120", "116", "11664", "11610", "-54"].map(Self.n))
    #expect(facts.map(\.kind) == Array(repeating: [FactKind.budget, .utfall, .avvikelse], count: 4).flatMap { $0 })
    let (perClass, _) = Self.read("""
      Mått Utfall 2030 Utfall 2031
      Elever per klass 22 23
      """)
    #expect(perClass.map(\.value) == ["22", "23"].map(Self.n))
  }

  /// A two-line header whose first line already names every column, one of them broken at a
  /// hyphen (`Prognos-`): the second line's words, one per column, go on from the headers
  /// above them (`Prognos-` + `avvikelse`, `Utfall jan–aug` + `2031`).
  @Test func aSecondHeaderLineGoesOnFromEveryColumn() {
    let (facts, unread) = Self.read("""
      Nettokostnader per verksamhet, mnkr
      Verksamhetsområde Ram Prognos Prognos- Utfall jan–aug
      helår helår avvikelse 2031
      Fritid -42,5 -44,1 -1,6 -28,3
      Kultur -18,2 -17,9 0,3 -11,0
      """, title: "Nämndens delårsrapport 2031")
    #expect(unread.isEmpty)
    #expect(facts.count == 8)
    #expect(facts.map(\.kind) == Array(repeating: [FactKind.budget, .prognos, .avvikelse, .utfall], count: 2).flatMap { $0 })
    #expect(facts.map(\.value) == ["-42.5", "-44.1", "-1.6", "-28.3", "-18.2", "-17.9", "0.3", "-11.0"].map(Self.n))
    #expect(facts[2].measure.hasPrefix("Prognosavvikelse"))
    #expect(facts[3].period == "jan–aug" && facts[3].year == 2031)
    #expect(facts.allSatisfy { $0.unit == "mnkr" })
  }

  /// A layout table going on over a page break, its header printed again but not its caption:
  /// the rows on the next page are the same table's, and have its caption's unit.
  @Test func aLayoutTableGoingOnAfterAPageBreakKeepsItsCaptionsUnit() {
    let (facts, unread) = Self.read("""
      Hamnens intäkter (belopp i tkr)
                                    Utfall 2030    Utfall 2031
      Kajavgifter                        12 040         12 911
      Farledsbidrag                       4 200          4 650


                                        Sida 3 av 7

      <!-- sida 4 -->

                                    Utfall 2030    Utfall 2031
      Hyror för magasin                   8 310          8 525
      Summa intäkter                     24 550         26 086
      """)
    #expect(unread.isEmpty)
    #expect(facts.count == 8)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Hamnens intäkter (belopp i tkr)" })
    #expect(facts.filter { $0.indicator == "Summa intäkter" }.map(\.value) == ["24550", "26086"].map(Self.n))
  }

  /// The second header line may give every column its unit with its word (`helår, tkr`).
  @Test func aSecondHeaderLineWithAUnitInEveryColumn() {
    let (facts, unread) = Self.read("""
      Verksamhetsområde Ram Prognos Ram- Utfall jan–jun
      helår, tkr helår, tkr avvikelse, tkr 2031, tkr
      Bibliotek -8 210 -8 455 -245 -4 020
      Simhall -5 040 -4 980 60 -2 610
      """, title: "Nämndens delårsrapport 2031")
    #expect(unread.isEmpty)
    #expect(facts.count == 8 && facts.allSatisfy { $0.unit == "tkr" })
    #expect(facts.map(\.kind) == Array(repeating: [FactKind.budget, .prognos, .avvikelse, .utfall], count: 2).flatMap { $0 })
    #expect(facts[3].period == "jan–jun" && facts[3].year == 2031)
    #expect(facts[0].measure == "Ram helår" && facts[2].measure == "Ramavvikelse")
  }

  /// A form feed glued to a layout header's first cell (`\u{0C}Tkr`, a page's first line) is
  /// no part of it: the label column's header states the unit.
  @Test func aFormFeedBeforeALayoutStubIsASpace() {
    let (facts, unread) = Self.read("""
      Samtliga belopp redovisas i miljoner kronor (mnkr).

      \u{0C}Tkr                     Utfall 2030    Utfall 2031
      Kajavgifter                   12 040         12 911
      Farledsbidrag                  4 200          4 650
      """)
    #expect(unread.isEmpty)
    #expect(facts.count == 4 && facts.allSatisfy { $0.unit == "tkr" })
  }

  /// A row whose first number may be a note reference, its digits grouping one way with the
  /// note (`1` and 52 614, 55 208 …) and several ways without (`1` … `204 417 201 950` read
  /// as one number or two): the table's total confirms the note's way; a row no total settles
  /// stays unread.
  @Test func aNoteReferenceTheTotalsConfirmWhereTheDigitsGroupSeveralWays() {
    let (facts, unread) = Self.read("""
      Resultaträkning, tkr
      Not Utfall Utfall Budget Prognos Avvikelse
      jan–aug 2030 jan–aug 2031 2031 2031 prognos
      Hyresintäkter 1 52 614 55 208 204 417 201 950 5 467
      Driftkostnader 2 -61 020 -63 311 -95 400 -93 880 1 520
      Underhåll 3 -4 903 -5 077 -7 810 -7 620 190
      Driftnetto -13 309 -13 180 101 207 100 450 7 177
      """, title: "Hamnens delårsrapport augusti 2031")
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.indicator == "Hyresintäkter" }.map(\.value) == ["52614", "55208", "204417", "201950", "5467"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Underhåll" }.map(\.value) == ["-4903", "-5077", "-7810", "-7620", "190"].map(Self.n))
    #expect(facts.count == 20)
    // Without a total under them, the same rows are not determined.
    let (untotalled, open) = Self.read("""
      Resultaträkning, tkr
      Not Utfall Utfall Budget Prognos Avvikelse
      jan–aug 2030 jan–aug 2031 2031 2031 prognos
      Hyresintäkter 1 52 614 55 208 204 417 201 950 5 467
      Driftkostnader 2 -61 020 -63 311 -95 400 -93 880 1 520
      """, title: "Hamnens delårsrapport augusti 2031")
    #expect(!untotalled.contains { $0.indicator == "Hyresintäkter" })
    #expect(open.contains { $0.line == 6 })
  }

  /// `helår` after a year in a second header line starts the next column's cell
  /// (`2031 2031 helår mot ram` under `Utfall Ram Prognos Avvikelse`).
  @Test func helarAfterAYearStartsTheNextColumn() {
    let (facts, unread) = Self.read("""
      Driftredovisning (tkr)
      Område Utfall Utfall Ram Prognos Avvikelse
      jan–maj 2030 jan–maj 2031 2031 helår prognos–ram
      Gator -4 120 -4 388 -10 200 -10 650 -450
      Parker -1 950 -2 015 -5 100 -4 980 120
      """, title: "Nämndens uppföljningsrapport maj 2031")
    #expect(unread.isEmpty)
    #expect(facts.count == 10)
    #expect(facts.prefix(5).map(\.kind) == [.utfall, .utfall, .budget, .prognos, .avvikelse])
    #expect(facts[3].measure == "Prognos helår" && facts[3].period == "helår" && facts[3].year == 2031)
  }

  /// A layout table going on over a page break, its header (`Enhet  Ram 2030 …`, the label
  /// column named) printed again at the top of the next page of a short report: the header is
  /// the table's, not a running header, and both parts are read under it.
  @Test func aLayoutHeaderRepeatedAtTheNextPagesTopIsNoRunningHeader() {
    let page = { (n: Int, rows: [String]) -> [String] in
      ["<!-- sida \(n) -->", "", "Hamnbolaget Väst AB              Årsredovisning 2030", "",
       "Investeringar per enhet, tkr", "Enhet                     Ram 2030    Utfall 2030    Avvikelse"] + rows
        + ["", "                                                 \(n) (2)", ""]
    }
    let text = (page(1, ["Kajen                        4 120          3 988         -132",
                         "Magasin 3                    2 015          2 240          225"])
      + page(2, ["Kranar                       9 400          9 105         -295",
                 "Summa                       15 535         15 333         -202"])).joined(separator: "\n")
    let (facts, _) = Self.read(text, title: "Hamnbolaget Väst AB Årsredovisning 2030")
    #expect(facts.filter { $0.indicator == "Summa" }.map(\.value) == ["15535", "15333", "-202"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Magasin 3" }.map(\.kind) == [.budget, .utfall, .avvikelse])
    #expect(facts.count == 12 && facts.allSatisfy { $0.unit == "tkr" })
  }

  /// A second header line of years for all columns but a last deviation column, each year with
  /// its unit (`2031 (tkr) jan–maj 2031 (tkr) 2031 (tkr)` under `Ram Utfall Prognos Avvikelse
  /// (tkr)`); and a lone `0` is never continued by a thousands group (`0 812` is 0 and 812).
  @Test func yearsWithUnitsUnderAllButTheDeviationAndALoneZero() {
    let (facts, unread) = Self.read("""
      Investeringsprojekt Ram Utfall Prognos Avvikelse (tkr)
      2031 (tkr) jan–maj 2031 (tkr) 2031 (tkr)
      Kajrenovering 9 310 4 120 9 905 595
      Ny färjeläge etapp 2 0 812 1 640 1 640
      Summa 9 310 4 932 11 545 2 235
      """, title: "Hamnens uppföljningsrapport maj 2031")
    #expect(unread.isEmpty)
    #expect(facts.count == 12)
    #expect(facts.filter { $0.indicator == "Ny färjeläge etapp 2" }.map(\.value) == ["0", "812", "1640", "1640"].map(Self.n))
    #expect(facts.prefix(4).map(\.kind) == [.budget, .utfall, .prognos, .avvikelse])
    #expect(facts[1].period == "jan–maj" && facts[1].year == 2031 && facts.allSatisfy { $0.unit == "tkr" })
    #expect(NumberRun.splitNumberRun(["0", "812", "1", "640"], expectedCount: nil).numbers.map(\.value) == ["0", "812", "1640"].map(Self.n))
  }

  /// The same over a page break in Markdown: the table on the next page, its header row
  /// repeated without its caption, has the caption's unit, not the document's.
  @Test func aMarkdownTableGoingOnAfterAPageBreakKeepsItsCaptionsUnit() {
    let (facts, unread) = Self.read("""
      Samtliga belopp redovisas i miljoner kronor (mnkr).

      Hamnens intäkter, tusental kronor

      |  | Utfall<br>2030 | Utfall<br>2031 |
      |---|---|---|
      | Kajavgifter | 12 040 | 12 911 |
      | Farledsbidrag | 4 200 | 4 650 |

      3 (7)

      \u{0C}<!-- sida 4 -->

      |  | Utfall<br>2030 | Utfall<br>2031 |
      |---|---|---|
      | Hyror för magasin | 8 310 | 8 525 |
      | Summa intäkter | 24 550 | 26 086 |
      """)
    #expect(unread.isEmpty)
    #expect(facts.count == 8)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Hamnens intäkter, tusental kronor" })
  }

  /// A kind word after a line of years heads a column of its own (`2030 2029 2028 Mål`: four
  /// columns); a row with fewer numbers than that is unread, not read into the first columns.
  @Test func aKindWordAfterTheYearsIsAColumnOfItsOwn() {
    let (facts, unread) = Self.read("""
      Nyckeltal 2031 2030 2029 Mål
      Antal anlöp 412 398 377
      Andel nöjda kunder (%) 81 79 83 85
      """)
    #expect(!facts.contains { $0.indicator == "Antal anlöp" })
    #expect(unread.map(\.line) == [4])
    #expect(facts.map(\.kind) == [.utfall, .utfall, .utfall, .mål])
    #expect(facts.map(\.value) == ["81", "79", "83", "85"].map(Self.n))
    #expect(facts.map(\.year) == [2031, 2030, 2029, nil] || facts.map(\.year) == [2031, 2030, 2029, 2031])
  }

  /// Years under all columns but a last target column (`Bokslut … Mål` over `2028 2029
  /// 2030`): the target has no year of its own, and a row with a number fewer is unread.
  @Test func yearsUnderAllColumnsButATarget() {
    let (facts, unread) = Self.read("""
      Nyckeltal för hamnen
      Bokslut Bokslut Bokslut Mål
      2028 2029 2030
      Andel nöjda kunder (%) 81 79 83 85
      Antal anlöp 412 398 377
      """)
    #expect(facts.map(\.kind) == [.utfall, .utfall, .utfall, .mål])
    #expect(facts.map(\.year).prefix(3) == [2028, 2029, 2030])
    #expect(facts.map(\.value) == ["81", "79", "83", "85"].map(Self.n))
    #expect(unread.map(\.line) == [7])
  }

  /// A header's upper line more than six lines above the first row ending in a digit (the rows
  /// between end in a unit) is still the header's: the header is never read from its lower line
  /// alone, where `prognos` would head the deviation column as a forecast.
  @Test func aHeaderIsNeverReadFromItsLowerLineAlone() {
    let (facts, _) = Self.read("""
      Driftredovisning
      Utfall Utfall Budget Prognos Avvikelse
      jan–jun 2030 jan–jun 2031 2031 2031 prognos
      Hamn 1 204 mnkr 1 310 mnkr 2 600 mnkr 2 640 mnkr 40 mnkr
      Farled 804 mnkr 822 mnkr 1 650 mnkr 1 610 mnkr -40 mnkr
      Kaj 310 mnkr 330 mnkr 700 mnkr 690 mnkr -10 mnkr
      Magasin 120 mnkr 118 mnkr 240 mnkr 236 mnkr -4 mnkr
      Kran 95 mnkr 101 mnkr 200 mnkr 205 mnkr 5 mnkr
      Summa 2 533 2 681 5 390 5 381 -9
      """, title: "Nämndens delårsrapport 2031")
    #expect(facts.filter { $0.indicator == "Hamn" }.map(\.kind) == [.utfall, .utfall, .budget, .prognos, .avvikelse])
    #expect(facts.filter { $0.indicator == "Hamn" }.map(\.measure).last == "Avvikelse prognos")
    #expect(!facts.contains { $0.kind == .prognos && $0.measure == "prognos" })
  }

  /// A layout header printed again after a page break (a page number and the report's running
  /// header between; a form feed glued to its first line takes no place), character for
  /// character, over numbers set a little wider (`-268,0` under `-81,4`): read as on the page
  /// before, where `Plan` spans both plan years.
  @Test func aLayoutHeaderRepeatedOverWiderNumbersIsReadAsBefore() {
    let (facts, unread) = Self.read("""
      Nettokostnader, miljoner kronor
                                     Bokslut        Budget             Plan
                                        2029     2030     2031     2032     2033
      Hamnen                           -81,4    -71,8    -75,8    -81,3    -78,0
      Farleden                         -74,8    -70,3    -72,6    -69,5    -69,2

                                                                  2 (4)

      Hamnförbundet Väst                    Budget 2031 med plan 2032–2033

      \u{0C}                               Bokslut        Budget             Plan
                                        2029     2030     2031     2032     2033
      Kajerna                         -115,4   -117,1   -115,9   -115,3   -116,1
      Summa                           -271,6   -259,2   -264,3   -266,1   -263,3
      """, title: "Hamnförbundet Väst Budget 2031 med plan 2032–2033")
    #expect(unread.isEmpty)
    let summa = facts.filter { $0.indicator == "Summa" }
    #expect(summa.map(\.measure) == facts.filter { $0.indicator == "Hamnen" }.map(\.measure))
    #expect(summa.count == 5 && summa[3].kind == .budget && summa[3].year == 2032 && summa[3].value == Self.n("-266.1"))
    #expect(summa.allSatisfy { $0.unit == "mnkr" })
  }

  /// A header read with fewer columns than its rows hold (`Helårs-` broken from its `prognos`,
  /// not counted): rows holding more numbers however their digits group show it, and no row is
  /// read by grouping its digits to fit (`36 461 995` as one number). Placed over the four
  /// values most rows read as, the header reads every row where the deviations confirm it; where
  /// they contradict it, the rows are unread.
  @Test func rowsHoldingMoreNumbersThanTheHeaderLeaveTheTableUnread() {
    let table = { (deviations: [String]) in
      Self.read("""
        Driftredovisning (tkr)
        Ack. utfall Ack. budget Avvikelse Helårs-
        jan–jun jan–jun jan–jun prognos
        Hamnen 41 860 43 047 \(deviations[0]) 86 566
        Farleden 27 456 26 461 \(deviations[1]) 51 226
        Kajerna 18 527 14 093 \(deviations[2]) 35 609
        Summa 87 843 83 601 \(deviations[3]) 173 401
        """, title: "Nämndens delårsrapport januari–juni 2031")
    }
    let (facts, unread) = table(["–1 187", "995", "4 434", "4 242"])
    #expect(!facts.contains { $0.value == Self.n("26461995") })
    #expect(unread.isEmpty)
    let fairway = facts.filter { $0.line == 7 }
    #expect(fairway.map(\.value) == ["27456", "26461", "995", "51226"].map(Self.n))
    #expect(fairway.map(\.kind) == [.utfall, .budget, .avvikelse, .prognos])
    // Deviations that are no outcome less budget (`985` for 27 456 − 26 461) leave it unplaced.
    let (contradicted, unreadRows) = table(["–1 177", "985", "4 424", "4 232"])
    #expect(contradicted.isEmpty)
    #expect(Set(unreadRows.map(\.line)) == [6, 7, 8, 9])
  }

  /// A caption numbered as a word processor numbers it (`Tabell 7. Hamnens resultat, belopp i
  /// tusental kronor`) is a caption, no sentence: its unit is the table's.
  @Test func aNumberedCaptionGivesItsUnit() {
    let (facts, unread) = Self.read("""
      Tabell 7. Hamnens resultat, belopp i tusental kronor
      Område Utfall 2030 Utfall 2031
      Kajavgifter 4 120 4 388
      Farledsavgifter 2 015 1 990
      """)
    #expect(unread.isEmpty)
    #expect(facts.count == 4 && facts.allSatisfy { $0.unit == "tkr" && $0.table == "Tabell 7. Hamnens resultat, belopp i tusental kronor" })
    #expect(!TextLines.hasSentenceBreak("Figur 3. Sjukfrånvaro per år och förvaltning"))
    #expect(TextLines.hasSentenceBreak("Kostnaderna ökade med 12. Det beror på fler elever"))
  }

  @Test func kindWordsOverAYearLineAndLabelsWrappedAroundTheirNumbers() {
    let (facts, unread) = Self.read("""
      Mått                      Utfall  Utfall  Utfall
      2028   2029    2030
      Antal besök på badhuset   81 204  79 877  84 010
      Elever som klarat
      simprovet i årskurs 4
      91 %    88 %    93 %
      Simlärare per 1000
      113     127     131
      elever, antal
      """)
    #expect(unread.isEmpty)
    let visits = facts.filter { $0.line == 5 }
    #expect(visits.map(\.indicator) == ["Antal besök på badhuset", "Antal besök på badhuset", "Antal besök på badhuset"])
    #expect(visits.map(\.value) == ["81204", "79877", "84010"].map(Self.n))
    #expect(visits.map(\.year) == [2028, 2029, 2030])
    #expect(visits.allSatisfy { $0.kind == .utfall && $0.period == "helår" && $0.measure.hasPrefix("Utfall 20") })
    let swimmers = facts.filter { $0.line == 8 }
    #expect(swimmers.first?.indicator == "Elever som klarat simprovet i årskurs 4")
    #expect(swimmers.map(\.unit) == ["%", "%", "%"])
    let teachers = facts.filter { $0.line == 10 }
    #expect(teachers.first?.indicator == "Simlärare per 1000 elever, antal")
    #expect(teachers.first?.unit == "st")
  }

  /// A label wrapped around its numbers whose next piece holds a number (`60 dagar`): after a
  /// label ending in a word no label ends with (`andel av`), a line of too few numbers going on
  /// in lower case is the label's, not a row of its own.
  @Test func aWrappedLabelPieceWithANumberIsTheLabels() {
    let (facts, unread) = Self.read("""
      Mått                      Utfall  Utfall  Utfall
      2028   2029    2030
      Korttidsfrånvaro, andel av
      12,5 %    13,1 %    11,8 %
      frånvaron 14
      dagar eller kortare
      Antal besök på badhuset   81 204  79 877  84 010
      """)
    #expect(unread.isEmpty)
    let share = facts.filter { $0.line == 6 }
    #expect(share.map(\.indicator) == Array(repeating: "Korttidsfrånvaro, andel av frånvaron 14 dagar eller kortare", count: 3))
    #expect(share.map(\.value) == ["12.5", "13.1", "11.8"].map(Self.n))
    #expect(facts.filter { $0.line == 9 }.map(\.value) == ["81204", "79877", "84010"].map(Self.n))
  }

  /// A law's number in the statute book (`Lag (1993:387)`) is no year: the label line holding
  /// it is no header line, and no column is given 1993.
  @Test func aStatuteNumberIsNoYear() {
    let (facts, _) = Self.read("""
      Driftredovisning, mnkr
      Verksamhet Budget- Utfall 2031
      avvikelse
      Stöd enligt Lag (1993:387)
      om stöd och service -5,6 110,4
      Grundskola -37,7 801,2
      """)
    #expect(facts.map(\.year) == [2031, 2031, 2031, 2031])
    #expect(facts.first?.indicator == "Stöd enligt Lag (1993:387) om stöd och service")
    #expect(facts.map(\.kind) == [.avvikelse, .utfall, .avvikelse, .utfall])
    #expect(Vocabulary.year(in: "(1993:387)") == nil && Vocabulary.year(in: "2024:") == 2024)
  }

  /// Kind words set apart over the years (`Bokslut   Budget   Plan`) that this reader does not
  /// take into the header are no caption: the line above them names the table and gives its
  /// unit, over the document's.
  @Test func kindWordsOverTheYearsAreNoCaption() {
    let (facts, _) = Self.read("""
      Samtliga belopp redovisas i tusental kronor (tkr) om inget annat anges.

      Hamnverksamhet (belopp i mnkr)
                                         Bokslut          Budget                 Plan
                                            2021       2022       2023       2024       2025
      Hamnkajer Norrby                    -309,2     -346,8     -306,9     -341,9     -336,1
      Färjeläget vid Södra ön             -297,4     -304,7     -302,0     -302,6     -291,3
      Lotsning och farled                  -71,0      -74,7      -66,3      -74,1      -72,6
      Muddring i lede                     -216,9     -234,3     -248,0     -231,5     -245,0
      Stöd till båtklubbarna              -413,1     -425,2     -412,7     -411,8     -454,0
      och seglarförbunden inom hamnområdet
      Brandskydd i hamnen och kaje        -102,9     -108,0     -109,6     -110,3     -111,2
      Gemensam hamnförvaltnin             -496,8     -473,5     -489,7     -486,4     -444,5
      Summa                             -1 907,3   -1 967,2   -1 935,2   -1 958,6   -1 954,7
      """)
    let outcomes = facts.filter { $0.year == 2021 }
    #expect(!outcomes.isEmpty)
    #expect(outcomes.allSatisfy { $0.unit == "mnkr" && $0.table == "Hamnverksamhet (belopp i mnkr)" })
    #expect(facts.allSatisfy { $0.unit == "mnkr" })
  }

  /// In layout text, kind words set apart over five years (`Bokslut` over one, `Budget` and
  /// `Plan` centred over two each) head the columns under them, also where a spanning cell stands
  /// a character off the middle between its two columns (within the slack of one of them); and a
  /// label's second line that runs on under the columns (it holds no number) goes on with it.
  @Test func aLayoutKindLineOverFiveYearsWithALabelRunningUnderTheColumns() throws {
    let (facts, unread) = Self.read([
      "Nämndernas nettokostnader (tkr)",
      "                                 Bokslut         Budget               Plan",
      "                                    2028      2029      2030      2031      2032",
      "Grundskola                       -18 210   -19 377   -21 004   -21 730   -22 118",
      "Fritidsgårdar, bibliotek och      -2 455    -2 980    -3 420    -3 870    -4 300",
      "kulturskolans verksamhet i ytterområdena",
      "Äldreomsorg                      -26 532   -27 870   -29 215   -30 440   -31 905",
      "Stöd enligt LSS                  -11 078   -12 266   -13 150   -14 012   -15 008",
      "Summa                            -58 275   -62 493   -66 789   -70 052   -73 331",
    ].joined(separator: "\n"), title: "Kommunens budget 2030 med plan 2031–2032")
    #expect(unread.isEmpty, "\(unread.map { ($0.line, $0.text, $0.reason) })")
    let labels = [
      "Grundskola", "Fritidsgårdar, bibliotek och kulturskolans verksamhet i ytterområdena", "Äldreomsorg",
      "Stöd enligt LSS", "Summa",
    ]
    try #require(facts.count == 25)
    #expect(facts.map(\.indicator) == labels.flatMap { Array(repeating: $0, count: 5) })
    #expect(facts.map(\.year) == Array(repeating: [2028, 2029, 2030, 2031, 2032], count: 5).flatMap { $0 })
    #expect(facts.map(\.kind) == Array(repeating: [FactKind.utfall, .budget, .budget, .budget, .budget], count: 5).flatMap { $0 })
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.period == "helår" && $0.table == "Nämndernas nettokostnader (tkr)" })
    let values = [
      "-18210", "-19377", "-21004", "-21730", "-22118", "-2455", "-2980", "-3420", "-3870", "-4300",
      "-26532", "-27870", "-29215", "-30440", "-31905", "-11078", "-12266", "-13150", "-14012", "-15008",
      "-58275", "-62493", "-66789", "-70052", "-73331",
    ]
    #expect(facts.map(\.value) == values.map(Self.n))
  }

  /// In layout text, a line of kind words over columns named by a year (and unit) only: a year
  /// column no cell covers goes with the one kind cell near it, set off its own column toward
  /// this one and covering the column beside it (`Budget` over 2030 and 2031, nearer 2030); a
  /// year column no cell stands near stays unread.
  @Test func aLayoutYearColumnGoesWithTheKindCellSetTowardIt() throws {
    let (facts, unread) = Self.read([
      "Myndighetsnämndens nettokostnader",
      "Nämnd                              Utfall            Budget                   Plan          Plan",
      "                             2029 (mnkr)   2030 (mnkr)   2031 (mnkr)   2032 (mnkr)   2033 (mnkr)",
      "Räddningstjänst                    -41,3         -43,0         -44,8         -46,1         -47,5",
      "Miljö- och hälsoskydd              -12,9         -13,4         -13,2         -13,8         -14,0",
      "Bygglov och tillsyn                 -8,6          -9,1          -9,5          -9,7         -10,0",
      "Summa                              -62,8         -65,5         -67,5         -69,6         -71,5",
    ].joined(separator: "\n"), title: "Myndighetsnämndens budget 2031 med plan 2032–2033")
    #expect(unread.isEmpty, "\(unread.map { ($0.line, $0.text, $0.reason) })")
    try #require(facts.count == 20)
    let rescue = facts.filter { $0.indicator == "Räddningstjänst" }
    #expect(rescue.map(\.value) == ["-41.3", "-43.0", "-44.8", "-46.1", "-47.5"].map(Self.n))
    #expect(rescue.map(\.kind) == [.utfall, .budget, .budget, .budget, .budget])
    #expect(rescue.map(\.year) == [2029, 2030, 2031, 2032, 2033])
    #expect(facts.allSatisfy { $0.unit == "mnkr" })
    let (near, far) = Self.read([
      "Tillsynens nettokostnader",
      "Nämnd                              Utfall       Budget",
      "                             2029 (mnkr)   2030 (mnkr)   2031 (mnkr)",
      "Räddningstjänst                    -41,3         -43,0         -44,8",
      "Bygglov och tillsyn                 -8,6          -9,1          -9,5",
    ].joined(separator: "\n"), title: "Myndighetsnämndens budget 2031 med plan 2032–2033")
    #expect(near.map(\.year) == [2029, 2030, 2029, 2030])
    #expect(far.map(\.text) == ["-44,8", "-9,5"])
  }

  /// In reading order, kind words over the years that the header does not take (`Utfall Budget`
  /// over four years) say that some columns hold outcomes and some budgets, not which: the years
  /// alone, past in an annual report, do not make them outcomes, and every number is unread.
  @Test func kindWordsNotPlacedOverTheYearsLeaveTheColumnsUnread() {
    let (facts, unread) = Self.read("""
      Taxefinansierad verksamhet (mnkr)
      Utfall Budget
      2027 2028 2029 2030
      Vatten och avlopp 41,2 43,9 44,5 45,0
      Renhållning 18,7 19,1 20,4 19,8
      Fjärrvärme 66,0 62,3 70,9 68,2
      """, title: "Årsredovisning 2030 för Tekniska nämnden")
    #expect(facts.isEmpty)
    #expect(unread.count == 12)
    #expect(Set(unread.map(\.line)) == [6, 7, 8])
    #expect(unread.allSatisfy { $0.table == "Taxefinansierad verksamhet (mnkr)" && $0.reason.contains("'Utfall Budget'") })
  }

  /// A footnote digit on a year of a stacked header (`20271` is 2027, footnote 1), on its own
  /// line of years or on the line of kind words.
  @Test(arguments: [
    "Utfall    Utfall    Budget   Avvikelse\n20271     2028      2028     2028",
    "Utfall 20271 Utfall 2028 Budget 2028 Avvikelse 2028",
  ])
  func aFootnoteDigitOnAYearOfTheHeader(header: String) {
    let (facts, unread) = Self.read("""
      Resultat per verksamhet, tkr
      \(header)
      Hemtjänst 4 410 4 980 5 000 -20
      Boende 12 880 13 020 12 900 120
      1 Exklusive engångsposter.
      """)
    #expect(unread.isEmpty)
    let care = facts.filter { $0.indicator == "Hemtjänst" }
    #expect(care.map(\.value) == ["4410", "4980", "5000", "-20"].map(Self.n))
    #expect(care.map(\.year) == [2027, 2028, 2028, 2028])
    #expect(care.map(\.kind) == [.utfall, .utfall, .budget, .avvikelse])
  }

  /// Two columns that read as the same measure, kind and year give no facts: which of the
  /// two numbers is which the header does not say.
  @Test func twoColumnsReadAlikeAreUnread() {
    let (facts, unread) = Self.read("""
      Kostnad per brukare, kr   Utfall 2030   Utfall 2030   Budget 2031
      Korttidsboende            1 250         1 410         1 300
      """)
    #expect(facts.filter { $0.line == 4 }.map(\.kind) == [.budget])
    #expect(unread.filter { $0.line == 4 }.count == 2)
    #expect(unread.first?.reason.contains("both read as") == true)
  }

  /// Under a `Not` column, a first number set one space from digits that may be its thousands
  /// is no note reference when the row sets its numbers apart by two or more spaces; a number
  /// set apart from the next by wide spaces may be one.
  @Test func theRowsSpacingTellsANoteFromThousands() {
    let (facts, unread) = Self.read("""
      Balansräkning (tkr)
      Not 2026-12-31 Jun 2027
      Kundfordringar 2 204,7   2 618,0
      Likvida medel 3    412,6     388,1
      Förråd 56,2 61,0
      """)
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.indicator == "Kundfordringar" }.map(\.value) == ["2204.7", "2618"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Likvida medel" }.map(\.value) == ["412.6", "388.1"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Likvida medel" }.map(\.period) == ["helår", "jan–jun"])
    #expect(facts.filter { $0.indicator == "Förråd" }.map(\.value) == ["56.2", "61"].map(Self.n))
  }

  /// A caption line over the header is no header line: not spread one word per column when a
  /// little word is one of them, and a fence under the header is passed over. A kind word in
  /// lower case after another qualifies it (`Prognos delår mars`: the forecast of March).
  @Test func aCaptionOverTheHeaderAndForecastsOfEarlierReports() {
    let (facts, unread) = Self.read("""
      Ändring av årsprognosen
      Prognos delår mars Prognos delår juli Förändring prognos
      ```osaker-tabell
      Hemtjänst 2,6  1,9  -0,7
      Korttidsvård -1,4  -2,2 -0,8
      ```
      """, title: "Omsorgsnämndens delårsrapport juli 2031")
    #expect(unread.isEmpty)
    let care = facts.filter { $0.indicator == "Hemtjänst" }
    #expect(care.map(\.measure) == ["Prognos delår mars", "Prognos delår juli", "Förändring prognos"])
    #expect(care.map(\.kind) == [.prognos, .prognos, .avvikelse])
    #expect(care.allSatisfy { $0.period == "helår" && $0.year == 2031 })
    #expect(care.map(\.value) == ["2.6", "1.9", "-0.7"].map(Self.n))
  }

  /// In layout text, a year set centred under a wider header cell (`Utfall jan-jun` over
  /// `2029`) is its column's, not the label column's, even when it ends left of the numbers.
  @Test func aYearCentredUnderAWiderHeaderCell() {
    let (facts, unread) = Self.read("""
      Personal
                                Utfall jan-jun  Utfall jan-jun  Utfall jan-jun
      Mått                           2029            2030            2031
      Antal anställda                 412             405             398
      Sjukfrånvaro (%)                5,1             4,8             4,6
      """, title: "Omsorgsnämndens delårsrapport augusti 2031")
    #expect(unread.isEmpty)
    let staff = facts.filter { $0.indicator == "Antal anställda" }
    #expect(staff.map(\.year) == [2029, 2030, 2031])
    #expect(staff.allSatisfy { $0.period == "jan–jun" && $0.kind == .utfall })
    #expect(staff.map(\.value) == ["412", "405", "398"].map(Self.n))
  }

  /// In layout text, a lone header cell centred over columns named by years only spans them
  /// all; one set over the last column only (`Mål`) heads that column alone.
  @Test func aLoneCellCentredOverYearColumnsSpansThemAll() {
    let (facts, unread) = Self.read([
      "Bemanning",
      String(repeating: " ", count: 41) + "Utfall jan–aug",
      "Mått                              2028    2029    2030    2031",
      "Timanställda                       118     131     127     140",
      "Månadsanställda                    904     911     925     918",
      "Sjukfrånvaro (%)                   6,1     5,8     5,9     5,4",
      "",
      "Servicemått",
      String(repeating: " ", count: 67) + "Mål",
      "Mått                              2028    2029    2030    2031    2031",
      "Väntetid bygglov, dagar             41      38      44      36      30",
      "Ärenden per handläggare             77      81      79      85      70",
    ].joined(separator: "\n"), title: "Omsorgsnämndens delårsrapport augusti 2031")
    // The report's own year alone, in a part-year report, says no more than that.
    #expect(unread.allSatisfy { $0.reason.contains("2031 alone") && $0.section == "Servicemått" })
    let staff = facts.filter { $0.indicator == "Timanställda" }
    #expect(staff.map(\.year) == [2028, 2029, 2030, 2031])
    #expect(staff.allSatisfy { $0.kind == .utfall && $0.period == "jan–aug" })
    let waits = facts.filter { $0.indicator.hasPrefix("Väntetid bygglov") }
    #expect(waits.last?.kind == .mål)
    #expect(waits.last?.value == Self.n("30"))
    #expect(waits.dropLast().allSatisfy { $0.kind != .mål })
  }

  /// A column without a year read as the report's year beside one naming that year is the same
  /// column twice: both are unread.
  @Test func aYearlessColumnBesideTheSameColumnWithTheReportsYear() {
    let (facts, unread) = Self.read("""
      Mått                 Prognos helår   Prognos helår 2031
      Besökare              12 400          12 950
      """)
    #expect(!facts.contains { $0.line == 4 })
    #expect(unread.filter { $0.line == 4 }.count == 2)
  }

  /// What no reader can place stays unread rather than read by the older column reader: a
  /// registration line under the title (`Dnr … § 212`), and a table with a `Not` column whose
  /// header the text readers cannot spread (a date column among kind words). Any fact read from
  /// those rows has its right meaning.
  @Test func linesNoReaderCanPlaceAreNotGuessed() {
    let (facts, _) = Self.read("""
      Dnr GN 2031/77 – Fastställd av nämnden 2031-05-12, § 212

      Resultaträkning, tkr
      Not Budget 2031 inkl. tilläggsbudget 2031-04-30 Prognos helår 2031 Avvikelse mot budget
      Taxor och avgifter 812,4 266,0 820,1 7,7
      Personalkostnader 2 −1 940,2 −641,5 −1 925,0 15,2
      Lokalkostnader −310,6 −104,8 −316,6 −6,0
      """, title: "Gatunämndens delårsrapport april 2031")
    #expect(!facts.contains { $0.line == 3 })
    #expect(!facts.contains { $0.measure == "Not" })
    let right: [Int: [FactKind: String]] = [
      7: [.budget: "812.4", .prognos: "820.1", .avvikelse: "7.7"],
      8: [.budget: "-1940.2", .prognos: "-1925.0", .avvikelse: "15.2"],
      9: [.budget: "-310.6", .prognos: "-316.6", .avvikelse: "-6.0"],
    ]
    for fact in facts where right[fact.line] != nil {
      if let expected = right[fact.line]?[fact.kind] { #expect(fact.value == Self.n(expected)) }
    }
  }

  /// A dash set apart from the number after it marks an empty first cell, not a minus sign;
  /// set close to its digits it is a sign; between numbers it leaves the row unread.
  @Test func aDashMarkingAnEmptyCell() {
    let (facts, unread) = Self.read("""
      Mått                  Utfall 2029  Utfall 2030  Utfall 2031
      Lån av e-böcker       –    12 204    13 918
      Nettokostnad, tkr     -4 410  -4 602  -4 725
      Utlånade cyklar       310   –   295
      """)
    #expect(facts.filter { $0.line == 4 }.map(\.year) == [2030, 2031])
    #expect(facts.filter { $0.line == 4 }.map(\.value) == ["12204", "13918"].map(Self.n))
    #expect(facts.filter { $0.line == 4 }.first?.indicator == "Lån av e-böcker")
    #expect(facts.filter { $0.line == 5 }.map(\.value) == ["-4410", "-4602", "-4725"].map(Self.n))
    #expect(!facts.contains { $0.line == 6 })
    #expect(unread.map(\.line) == [6])
  }

  /// The label column's header on a line of its own between the caption and the header: the
  /// caption still names the table and its unit.
  @Test func aCaptionAboveTheLabelColumnsHeader() {
    let (facts, _) = Self.read("""
      Kostnad per verksamhet, tkr
      Verksamhet/enhet
      Bokslut 2030 Budget 2031 Prognos helår Avvikelse
      Skolskjuts −4 410,5 −4 600,0 −4 525,0 +75,0
      Simskola −812,0 −790,0 −830,5 −40,5
      """)
    #expect(facts.count == 8)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Kostnad per verksamhet, tkr" })
  }

  /// In layout text, a `Not` column that only one row uses is still a column: its note
  /// reference is no value, and the other rows fill the columns by position.
  @Test func aLayoutNoteColumnOneRowUses() {
    let (facts, unread) = Self.read([
      "Resultaträkning (tkr)",
      "                                         Utfall               Budget    Utfall  Avvikelse mot",
      "                                  Not      2030  2031 inkl. ombudget      2031         budget",
      "Avgifter                                 412,6                430,0     441,9           11,9",
      "Bidrag                                   118,0                120,0     119,4           -0,6",
      "Räntor                            3       -12,4                -15,0     -13,8            1,2",
      "Resultat                                 518,2                535,0     547,5           12,5",
    ].joined(separator: "\n"))
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.indicator == "Räntor" }.map(\.value) == ["-12.4", "-15.0", "-13.8", "1.2"].map(Self.n))
    #expect(facts.filter { $0.indicator == "Avgifter" }.map(\.year) == [2030, 2031, 2031, 2031])
    #expect(facts.filter { $0.indicator == "Avgifter" }.map(\.kind) == [.utfall, .budget, .utfall, .avvikelse])
    #expect(facts.count == 16)
  }

  /// In layout text, a line of text right under the last row goes on with its label when it
  /// reads as a continuation (a unit after a comma, a number and a lower-case word); the
  /// document's statement that amounts are in tkr is not given to the rows of a table whose
  /// other rows name units of their own (`antal`, `(%)`), and `i procent` names a percentage.
  @Test func aLayoutLastRowsLabelGoesOnAndATableOfMeasuresKeepsItsUnits() {
    let (facts, _) = Self.read([
      "Alla belopp anges i tusentals kronor (tkr) om inget annat anges.",
      "",
      "Verksamhetsmått",
      "                                  Utfall       Utfall       Utfall",
      "                                    2029         2030         2031",
      "Besök i simhallen, antal         41 200       43 950       44 010",
      "Brukarindex badgäster                62           64           67",
      "Överskott i procent av",
      "intäkterna                          4,1          3,8          5,2",
      "varav säsongskort med",
      "rabatt                             18,2         19,9         21,0",
      "90 dagar eller längre (%)",
      "",
      "Hallen var stängd två veckor i mars för översyn av reningsverket och taket i entrén.",
    ].joined(separator: "\n"))
    let units = Dictionary(grouping: facts, by: \.indicator).mapValues { Set($0.map(\.unit)) }
    #expect(units["Besök i simhallen, antal"] == ["st"])
    #expect(units["Brukarindex badgäster"] == [""])
    #expect(units["Överskott i procent av intäkterna"] == ["%"])
    #expect(units["varav säsongskort med rabatt 90 dagar eller längre (%)"] == ["%"])
    #expect(facts.filter { $0.indicator.hasPrefix("varav") }.map(\.value) == ["18.2", "19.9", "21.0"].map(Self.n))
    #expect(facts.count == 12)
  }

  /// A line naming only the unit between the caption and the header belongs to the caption.
  @Test func aUnitLineBetweenCaptionAndHeader() {
    let (facts, _) = Self.read("""
      Nettokostnad per verksamhet
      (tkr)
      Verksamhet Bokslut 2030 Budget 2031 Prognos 2031
      Fritidsgårdar -3 120,4 -3 300,0 -3 250,9
      Bibliotek -8 004,1 -8 150,0 -8 090,2
      """)
    #expect(facts.count == 6)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Nettokostnad per verksamhet (tkr)" })
  }

  /// A layout header line ending in an abbreviation (`Budget inkl.`) is a header line, not a
  /// sentence ending the header.
  @Test func aLayoutHeaderLineEndingInAnAbbreviation() {
    let (facts, _) = Self.read([
      "Investeringsbudget (tkr)",
      "                                                         Plan",
      "                                  Budget exkl.",
      "                              tilläggsbudget 2031     2032     2033",
      "Reningsverk Norr                          4 120,0  3 900,0  1 200,0",
      "Gång- och cykelvägar                        812,5    640,0    700,0",
    ].joined(separator: "\n"))
    let plant = facts.filter { $0.indicator == "Reningsverk Norr" }
    #expect(plant.map(\.measure) == ["Budget exkl. tilläggsbudget 2031", "Plan 2032", "Plan 2033"])
    #expect(plant.map(\.kind) == [.budget, .budget, .budget])
    #expect(plant.map(\.value) == ["4120.0", "3900.0", "1200.0"].map(Self.n))
    #expect(facts.allSatisfy { $0.unit == "tkr" })
  }

  /// A row whose first cell is a dash set apart (`-  215 240  198   207`) under a label broken
  /// round its numbers is a row with an empty first cell: never a bullet, and its numbers are
  /// never joined into one.
  @Test func aDashBeforeTheNumbersOfAWrappedRowIsAnEmptyCell() {
    let (facts, _) = Self.read("""
      Volymer
      Utfall Utfall Utfall Utfall Utfall
      Mått 2027 2028 2029 2030 2031
      Bokade lokaler, timmar 1 210 1 180 1 305 1 290 1 302
      Anmälda skador på lekplatser,
      -  215 240  198   207
      antal
      Besök på kulturskolan, antal 31 33 36 35 38
      """)
    let damage = facts.filter { $0.indicator == "Anmälda skador på lekplatser, antal" }
    #expect(damage.map(\.year) == [2028, 2029, 2030, 2031])
    #expect(damage.map(\.value) == ["215", "240", "198", "207"].map(Self.n))
    #expect(!facts.contains { $0.value > Self.n("100000") })
  }

  /// In layout text, lines in the label column right above the first row that its label goes on
  /// from (`Andel besökare som bokat` / `via webben` / `(%)  61,2 …`) begin that row's label,
  /// and are no header.
  @Test func aLayoutFirstRowsLabelBegunAboveIt() {
    let (facts, _) = Self.read([
      "Nyckeltal",
      "                                       Utfall",
      "                               2029   2030   2031",
      "Andel besökare som bokat",
      "via webben",
      "(%)                            61,2   64,0   70,5",
      "Utlånade medier,",
      "antal                          8 120  8 455  8 010",
    ].joined(separator: "\n"))
    #expect(Set(facts.map(\.indicator)) == ["Andel besökare som bokat via webben (%)", "Utlånade medier, antal"])
    #expect(facts.filter { $0.unit == "%" }.map(\.value) == ["61.2", "64.0", "70.5"].map(Self.n))
    #expect(facts.filter { $0.unit == "st" }.map(\.year) == [2029, 2030, 2031])
  }

  /// In layout text, a line naming column groups only, each group set at the first column of its
  /// group (`Staden` over two columns, `Stadskoncernen` over the next two), spans the columns up
  /// to the next group.
  @Test func aLayoutLineOfColumnGroupsSetAtTheirFirstColumns() {
    let (facts, unread) = Self.read([
      "Balansräkning (tkr)",
      "                                   Staden                      Stadskoncernen",
      "                               Bokslut       Bokslut        Bokslut       Bokslut",
      "                                  2030          2031           2030          2031",
      "Mark och byggnader             8 412,0       8 950,3       12 001,7      12 640,2",
      "Inventarier                      611,9         640,1          702,5         731,0",
    ].joined(separator: "\n"))
    #expect(unread.isEmpty)
    let land = facts.filter { $0.indicator == "Mark och byggnader" }
    #expect(land.map(\.measure) == ["Staden Bokslut 2030", "Staden Bokslut 2031", "Stadskoncernen Bokslut 2030", "Stadskoncernen Bokslut 2031"])
    #expect(land.map(\.year) == [2030, 2031, 2030, 2031])
    #expect(land.map(\.value) == ["8412.0", "8950.3", "12001.7", "12640.2"].map(Self.n))
    #expect(facts.count == 8)
  }

  /// Under a stub line of its own and a header with a footnote year, a table of counts and
  /// shares keeps its rows' units (`Antal …` → `st`), never the document's `mnkr`.
  @Test func aTableOfCountsUnderAStubLineKeepsItsRowsUnits() {
    let (facts, _) = Self.read("""
      Alla belopp i miljoner kronor (mnkr) om inget annat anges.

      Bemanning
      Namn
      Utfall jan–jun 2028 Utfall jan–jun 2029 Utfall jan–jun 2030 Utfall jan–jun 20311
      Antal månadsanställda 318 322 329 331
      Korttidsfrånvaro (%) 3,1 3,4 3,2 3,3
      Antal timavlönade 41,5 44,0 39,8 40,2
      1) Från och med detta år räknas även vikarier.
      """, title: "Servicenämndens delårsrapport augusti 2031")
    #expect(facts.filter { $0.indicator == "Antal månadsanställda" }.map(\.unit) == ["st", "st", "st", "st"])
    #expect(facts.filter { $0.indicator == "Antal timavlönade" }.map(\.value) == ["41.5", "44.0", "39.8", "40.2"].map(Self.n))
    #expect(!facts.contains { $0.unit == "mnkr" })
  }

  /// A table whose header the older column reader cannot match to its columns (`Bemanning` taken
  /// for a one-column header over rows of three numbers) leaves its rows in `unread` with the
  /// reason: never dropped in silence, and never `318 322 329` joined into one number.
  @Test func aHeaderThatMatchesNoColumnsLeavesItsRowsUnread() {
    let (facts, unread) = Self.read("""
      Bemanning
      Namn
      Utfall jan–jun 2029 Utfall jan–jun 2030 Utfall jan–jun 20311
      Antal månadsanställda 318 322 329
      Antal timavlönade 41,5 44,0 39,8
      """, title: "Servicenämndens delårsrapport augusti 2031")
    #expect(!facts.contains { $0.indicator.hasPrefix("Antal") })
    let rows = unread.filter { $0.text.hasPrefix("Antal") }
    #expect(rows.map(\.text) == ["Antal månadsanställda 318 322 329", "Antal timavlönade 41,5 44,0 39,8"])
    #expect(rows.allSatisfy { $0.reason.contains("header") })
  }

  /// Rows under no header of their own (a section heading over them), most holding amounts in
  /// parentheses, are not read as one column under the heading with their other digit groups
  /// in the label (`Övriga kostnader 4 3 120 3 045 6 200` and a value `6 310 110` joined): a
  /// label ending in three digit groups or more holds the row's other values.
  @Test func rowsWithoutAHeaderAreNotReadAsOneColumnUnderTheHeading() {
    let (facts, unread) = Self.read("""
      Samtliga belopp redovisas i tusental kronor (tkr) om inget annat anges.

      4.2 Hamnens kostnader

      Personal 1 (52 410) (54 230) (108 900) (107 650) 1 250
      Energi 2 (8 115) (9 020) (17 400) (18 230) (830)
      Underhåll av kajer 3 (12 640) (11 980) (25 000) (24 120) 880
      Övriga kostnader 4 3 120 3 045 6 200 6 310 110
      """, title: "Hamnbolagets delårsrapport juni 2031")
    #expect(facts.isEmpty, "\(facts.map { ($0.indicator, $0.value) })")
    #expect(Set(unread.map(\.line)).isSuperset(of: [7, 9, 10]))
  }

  /// In layout text, a label ending in a preposition goes on on the next line even when that
  /// line starts with a capital (`Hushåll med bistånd enligt` / `SoL, antal`).
  @Test func aLayoutLabelEndingInAPrepositionGoesOn() {
    let (facts, _) = Self.read([
      "Volymer",
      "                                  Utfall   Utfall",
      "                                    2030     2031",
      "Hushåll med bistånd enligt           512      498",
      "SoL, antal",
      "Ärenden om vräkning, antal            17       21",
    ].joined(separator: "\n"))
    let households = facts.filter { $0.indicator.hasPrefix("Hushåll") }
    #expect(households.map(\.indicator) == ["Hushåll med bistånd enligt SoL, antal", "Hushåll med bistånd enligt SoL, antal"])
    #expect(households.map(\.value) == ["512", "498"].map(Self.n))
    #expect(households.allSatisfy { $0.unit == "st" })
  }

  /// A form feed glued to the first line of a page (as `pdftotext` writes a page break) is no
  /// part of that line's words: a caption after it still names the table and its unit.
  @Test func aCaptionAfterAFormFeed() {
    let (facts, _) = Self.read("\u{0C}Balansräkning (tkr)\nNot Bokslut 2030 Bokslut 2031\nKundfordringar 1 41,0 45,5\nLikvida medel 2 88,1 97,4\n")
    #expect(facts.count == 4)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Balansräkning (tkr)" })
  }

  /// A column headed by a month alone (a spanning `Prognos` the layout set over the first
  /// column only) says neither kind nor year: its numbers are unread, never outcomes. (The
  /// other two columns of this layout are read from their lowest header line only — a known
  /// gap, see MODEL.md.)
  @Test func aColumnHeadedByAMonthAloneIsUnread() {
    let (facts, unread) = Self.read([
      "Ändrad årsprognos, tkr",
      "                              Prognos",
      "                                                    Förändring av",
      "                      delår juni       oktober            prognos",
      "Städning                     6,1          4,9               −1,2",
      "Vaktmästeri                 −2,4         −2,0               +0,4",
      "Reception                    1,3          1,7               +0,4",
    ].joined(separator: "\n"), title: "Servicenämndens delårsrapport oktober 2031")
    #expect(!facts.contains { $0.measure == "oktober" })
    #expect(unread.filter { $0.reason.contains("'oktober' alone") }.map(\.text) == ["4,9", "−2,0", "1,7"])
  }

  @Test func aRowWithFewerValuesThanColumnsIsUnread() {
    let (facts, unread) = Self.read("""
      Namn        Bokslut 2028 Bokslut 2029 Bokslut 2030 Bokslut 2031
      Andel heltid     71 %     74 %     78 %     80 %
      Andel deltid     29 %     22 %     20 %
      """)
    #expect(facts.filter { $0.line == 4 }.count == 4)
    #expect(!facts.contains { $0.line == 5 })
    #expect(unread.map(\.line) == [5])
    #expect(unread.first?.reason.contains("which are missing is not shown") == true)
  }

  @Test func thousandsThatGroupInTwoWaysAreUnread() {
    let (facts, unread) = Self.read("""
      Enhet      Budget 2031   Utfall 2031
      Skolskjuts 1 450 1 300
      Skolmat 211 212 300
      """)
    #expect(facts.filter { $0.line == 4 }.map(\.value) == ["1450", "1300"].map(Self.n))
    // 211 212 and 300, or 211 and 212 300.
    #expect(!facts.contains { $0.line == 5 })
    #expect(unread.map(\.line) == [5])
  }

  /// Of several groupings, the one whose numbers are of one magnitude (whole parts within one
  /// digit of each other) is read; a row no such grouping fits stays unread.
  @Test func thousandsGroupedIntoNumbersOfOneMagnitude() {
    let (facts, unread) = Self.read("""
      Enhet      Utfall 2028   Utfall 2029   Utfall 2030   Budget 2031
      Hyror 2 310 1 998 3 005 870
      Städning 12 300 450 8 9
      """)
    #expect(facts.filter { $0.line == 4 }.map(\.value) == ["2310", "1998", "3005", "870"].map(Self.n))
    // 12 300, 450, 8, 9 or 12, 300 450, 8, 9: whole parts of 5, 3, 1, 1 or 2, 6, 1, 1 digits,
    // neither of one magnitude.
    #expect(!facts.contains { $0.line == 5 })
    #expect(unread.map(\.line) == [5])
  }

  /// When no grouping is of one magnitude within one digit, one within two digits is taken.
  @Test func thousandsGroupedWithinTwoDigitsOfMagnitude() {
    let (facts, _) = Self.read("""
      Enhet      Utfall 2028   Utfall 2029   Utfall 2030   Budget 2031
      Lån -45 300 2 100 800
      """)
    // -45, 300, 2 100, 800 (whole parts of 2, 3, 4, 3 digits), not -45, 300, 2, 100 800.
    #expect(facts.map(\.value) == ["-45", "300", "2100", "800"].map(Self.n))
  }

  /// A year ending the label is not taken for a value when the row then holds one number more
  /// than the columns.
  @Test func aYearEndingTheLabelStaysInTheLabel() {
    let (facts, unread) = Self.read("""
      Enhet      Utfall 2029   Utfall 2030   Budget 2031
      Avsättningar gjorda före 2005 12 -7 4
      """)
    #expect(unread.isEmpty)
    #expect(facts.map(\.indicator) == Array(repeating: "Avsättningar gjorda före 2005", count: 3))
    #expect(facts.map(\.value) == ["12", "-7", "4"].map(Self.n))
  }

  /// A whole number ending the label without the unit the row's numbers have stays in the
  /// label when the row then holds one number more than the columns; one with their unit does not.
  @Test func aNumberWithoutTheRowsUnitEndingTheLabelStaysInTheLabel() {
    let (facts, unread) = Self.read("""
      Mått      Utfall 2029   Utfall 2030   Utfall 2031
      Andel av frånvaro över 90 12 % 14,5 % 11 %
      Andel över 90 % 12 % 14,5 % 11 %
      """)
    #expect(facts.filter { $0.line == 4 }.map(\.indicator) == Array(repeating: "Andel av frånvaro över 90", count: 3))
    #expect(facts.filter { $0.line == 4 }.map(\.value) == ["12", "14.5", "11"].map(Self.n))
    #expect(!facts.contains { $0.line == 5 })
    #expect(unread.map(\.line) == [5])
  }

  /// A little word (`per`, `i`) at a break between label lines is a word of its own: the
  /// pieces are not joined into one word, and a ratio (`Antal … per …`) is no count.
  @Test func aLittleWordAtALineBreakIsAWordOfItsOwn() {
    // Prose of 240 made-up words, so that the text's words are known (and neither `per`,
    // `rektor` nor `skolsköterska` is one of them): the rule, not the lack of prose, decides.
    let syllables = ["ba", "de", "fi", "go", "hu", "ka", "le", "mi", "no", "pu", "ra", "se", "ti", "vo", "sy"]
    let made = syllables.flatMap { a in syllables.prefix(16).map { a + $0 + "n" } }
    let proseLines = stride(from: 0, to: made.count, by: 16).map { made[$0..<min($0 + 16, made.count)].joined(separator: " ") + "." }
    let prose = proseLines.joined(separator: "\n")
    // The table's lines move down by the prose and the blank line after it.
    let shift = proseLines.count + 1
    let (facts, _) = Self.read(prose + """


      Mått      Utfall 2029   Utfall 2030
      Antal
      lärare    14   15
      per rektor
      Antal elever per
      8,5   9,1
      skolsköterska
      """)
    #expect(facts.filter { $0.line == 5 + shift }.map(\.indicator) == ["Antal lärare per rektor", "Antal lärare per rektor"])
    #expect(facts.filter { $0.line == 8 + shift }.map(\.indicator) == ["Antal elever per skolsköterska", "Antal elever per skolsköterska"])
    #expect(facts.allSatisfy { $0.unit == "" })
  }

  @Test func twoSpacesNeverJoinThousands() {
    let (facts, _) = Self.read("""
      Enhet      Budget 2031   Utfall 2031
      Skolskjuts   753   231
      """)
    #expect(facts.map(\.value) == ["753", "231"].map(Self.n))
  }

  @Test func aNoteReferenceReadTwoWaysIsSettledByTheTotalUnderIt() {
    let (facts, unread) = Self.read("""
      Balansräkning (tkr)
      Not 2030-12-31 2031-12-31
      Inventarier 4 655,0 702,5
      Fordringar 7 310,5 298,0
      Kassa 125,5 140,0
      Summa tillgångar 1 091,0 1 140,5
      """)
    // `4 655,0` and `7 310,5`: a note and a number, or one number; only notes 4 and 7 make the
    // rows add up to `Summa tillgångar` (655,0 + 310,5 + 125,5 = 1 091,0) in both columns.
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.line == 5 }.map(\.value) == ["655.0", "702.5"].map(Self.n))
    #expect(facts.filter { $0.line == 6 }.map(\.value) == ["310.5", "298.0"].map(Self.n))
    #expect(facts.filter { $0.line == 8 }.allSatisfy { $0.rowRole == .total })
  }

  @Test func aTotalReadTwoWaysIsSettledWithTheRowsItTotals() {
    let (facts, unread) = Self.read("""
      Balansräkning (mnkr)
      Not 2030-12-31 2031-12-31
      Byggnader 12 710,0 12 905,5
      Maskiner 3 415,5 3 190,0
      Inventarier 88,4 91,2
      Summa anläggningstillgångar 16 213,9 16 186,7
      """)
    // Every row but one may start with a note, the total too, and single spaces do not tell:
    // only no notes at all add up (12 710,0 + 3 415,5 + 88,4 = 16 213,9; with notes 710,0 +
    // 415,5 + 88,4 is not 213,9).
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.line == 5 }.map(\.value) == ["12710.0", "12905.5"].map(Self.n))
    #expect(facts.filter { $0.line == 6 }.map(\.value) == ["3415.5", "3190.0"].map(Self.n))
    #expect(facts.filter { $0.line == 8 }.map(\.value) == ["16213.9", "16186.7"].map(Self.n))
  }

  @Test func aTotalThatAddsUpBothWaysSettlesNothing() {
    let (facts, unread) = Self.read("""
      Balansräkning (mnkr)
      Not 2030-12-31 2031-12-31
      Byggnader 12 310,0 12 905,5
      Maskiner 3 215,5 3 190,0
      Inventarier 88,4 91,2
      Summa anläggningstillgångar 15 613,9 16 186,7
      """)
    // Notes 12 and 3 over 310,0 and 215,5 add up to note 15 over 613,9 as well as the
    // thousands do: not determined.
    #expect(Set(unread.map(\.line)) == [5, 6, 8])
    #expect(!facts.contains { [5, 6, 8].contains($0.line) })
  }

  @Test func aYearWithAFootnoteDigitBesidePlainYearsKeepsItsLineAHeader() {
    let (facts, _) = Self.read("""
      Tabell: ekonomi (mnkr)
      Utfall Utfall Plan
      20292 2030 2031
      Avgifter 12,5 13,0 13,4
      Bidrag 40,1 41,7 42,0
      """)
    #expect(facts.filter { $0.line == 6 }.map(\.year) == [2029, 2030, 2031])
    #expect(facts.filter { $0.line == 6 }.map(\.kind) == [.utfall, .utfall, .budget])
  }

  @Test func aNoteColumnAndRowsWithoutNotes() {
    let (facts, unread) = Self.read("""
      Resultaträkning (mnkr)
      Not Utfall Utfall Budget Avvikelse
      20301 2031 2031 mot budget
      Avgifter och taxor 2 88,5 91,0 90,0 1,0
      Personalkostnader -402,6 -415,2 -410,0 -5,2
      Bidrag 3 1 204,0 1 190,5 1 200,0 -9,5
      Hyror 5 211,4 215,0 214,0 1,0
      """)
    let fees = facts.filter { $0.line == 6 }
    #expect(fees.map(\.measure) == ["Utfall 2030", "Utfall 2031", "Budget 2031", "Avvikelse mot budget"])
    #expect(fees.map(\.value) == ["88.5", "91.0", "90.0", "1.0"].map(Self.n))
    #expect(fees.map(\.year) == [2030, 2031, 2031, 2031])
    #expect(fees.allSatisfy { $0.unit == "mnkr" })
    // No note: the numbers fill the other columns.
    #expect(facts.filter { $0.line == 7 }.map(\.value) == ["-402.6", "-415.2", "-410.0", "-5.2"].map(Self.n))
    // `3 1 204,0`: note 3 and 1 204,0 — no other reading has a small whole number first.
    #expect(facts.filter { $0.line == 8 }.map(\.value) == ["1204.0", "1190.5", "1200.0", "-9.5"].map(Self.n))
    // `5 211,4`: note 5 and 211,4, or 5 211,4 without a note — not determined.
    #expect(!facts.contains { $0.line == 9 })
    #expect(unread.map(\.line) == [9])
  }

  @Test func aHeaderWordBrokenAtAHyphenJoinsTheNextLine() {
    let (facts, _) = Self.read("""
      Maj-
      RESULTATRÄKNING   Bokslut Budget uppföljning Plan Plan
      Belopp i mnkr       2029   2030   2030   2031 2032
      Skatteintäkter   3 120  3 200  3 240  3 330  3 420
      """, title: "Kommunbudget 2031")
    #expect(facts.map(\.measure) == ["Bokslut 2029", "Budget 2030", "Maj-uppföljning 2030", "Plan 2031", "Plan 2032"])
    #expect(facts.map(\.kind) == [.utfall, .budget, .prognos, .budget, .budget])
    #expect(facts.map(\.value) == ["3120", "3200", "3240", "3330", "3420"].map(Self.n))
    #expect(facts.allSatisfy { $0.unit == "mnkr" })
  }

  @Test func monthsInTheHeaderMakeThePeriod() {
    let (facts, _) = Self.read("""
      Utfall jan 2029 Utfall jan 2030 Utfall jan 2031
      Namn
      -mar 2029   -mar 2030   -mar 2031
      Sjuktal  5,1 %   4,8 %   4,2 %
      """, title: "Uppföljningsrapport mars 2031")
    #expect(facts.map(\.period) == ["jan–mar", "jan–mar", "jan–mar"])
    #expect(facts.map(\.year) == [2029, 2030, 2031])
    #expect(facts.allSatisfy { $0.indicator == "Sjuktal" && $0.kind == .utfall })
  }

  @Test func bareYearsInABudgetAreNotOutcomes() {
    let (facts, unread) = Self.read("""
      Kommunen      2028  2029  2030   2031  2032
      Soliditet     44,1  45,0  45,5   46,2  46,9
      """, title: "Kommunbudget 2031")
    // Closed years only: two or more years before the budget's.
    #expect(facts.map(\.year) == [2028, 2029])
    #expect(facts.allSatisfy { $0.kind == .utfall })
    #expect(unread.count == 3)
  }

  @Test func aYearLineRepeatingTheHeadersYearsIsPassedOver() {
    let (facts, _) = Self.read("""
      Utfall jan Utfall jan
      Mått 2030 -jun 2031 -jun
      ```osaker-tabell
                  2030     2031
      Frisknärvaro  61,0 %   63,5 %
      ```
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.map(\.period) == ["jan–jun", "jan–jun"])
    #expect(facts.map(\.value) == ["61.0", "63.5"].map(Self.n))
  }

  @Test func aCaptionNamingASpanOfYearsIsNoHeader() {
    let (facts, _) = Self.read("""
      Finansiering av projektet från 2027 till 2031 (mnkr)
        Finansiering   Belopp
      Statsbidrag 12,5
      Egna medel 30,0
      """)
    #expect(!facts.contains { $0.year == 2027 })
  }

  /// Rows holding fewer numbers than the columns, placed by the total under them: a row whose
  /// numbers stand apart from its label (two or more spaces) goes in the one choice of columns
  /// that makes every column of the total add up (a blank cell is zero); a row whose lone
  /// number follows its label after one space is counted in the sum but never placed; a total
  /// that does not add up places nothing.
  @Test func laidOutShortRowsArePlacedByTheTotalUnderThem() {
    let (facts, unread) = Self.read("""
      Investeringar, mnkr
      Objekt Utfall 2030 Budget 2031 Prognos 2031 Plan 2032
      Inköp av inventarier -40 -52 -49 -55
      Nya verksamhetslokaler        -310   -290   -405
      Försäljning av fastigheter 6
      Summa investeringar -34 -362 -339 -460
      """)
    let placed = facts.filter { $0.indicator == "Nya verksamhetslokaler" }
    #expect(placed.map(\.value) == ["-310", "-290", "-405"].map(Self.n))
    #expect(placed.map(\.year) == [2031, 2031, 2032])
    #expect(placed.map(\.kind) == [.budget, .prognos, .budget])
    #expect(!facts.contains { $0.line == 7 })
    #expect(unread.contains { $0.line == 7 })
    #expect(facts.filter { $0.line == 8 }.count == 4)
    // The same rows under a total that does not add up stay unread.
    let (unsummed, open) = Self.read("""
      Investeringar, mnkr
      Objekt Utfall 2030 Budget 2031 Prognos 2031 Plan 2032
      Inköp av inventarier -40 -52 -49 -55
      Nya verksamhetslokaler        -310   -290   -405
      Försäljning av fastigheter 6
      Summa investeringar -34 -372 -339 -460
      """)
    #expect(!unsummed.contains { $0.line == 6 })
    #expect(open.contains { $0.line == 6 })
  }

  /// In a column table (a header of one word a line), a line between rows that is taken as a
  /// label but ends in a number in parentheses (`Värme och el (412)`) puts the number in
  /// `unread` with its reason; it is no value of the rows under it.
  @Test func aLabelLineEndingInAParenthesisedNumberGoesToUnread() {
    let (facts, unread) = Self.read("""
      Kostnadsslag
      Budget
      Utfall
      Avvikelse
      Personal 48,2 47,5 0,7
      Värme och el (412)
      Fastigheter 20,4 21,0 -0,6
      Fordon 6,0 5,1 0,9
      """, title: "Servicenämndens årsredovisning 2031")
    #expect(facts.filter { $0.line == 9 }.map(\.value) == ["20.4", "21.0", "-0.6"].map(Self.n))
    #expect(!facts.contains { $0.value == Self.n("412") })
    let parked = unread.filter { $0.line == 8 }
    #expect(parked.count == 1)
    #expect(parked.first?.reason.contains("parentheses") == true)
  }

  /// A short row of a table laid out in columns stands under the columns its numbers overlap,
  /// as the rows holding every column show them (two at least); a number standing between two
  /// columns leaves its row unread.
  @Test func aShortRowStandsUnderTheColumnsItsNumbersOverlap() {
    let (facts, unread) = Self.read("""
      Personal i grundskolan, antal
      Mått Utfall 2028 Utfall 2029 Utfall 2030 Utfall 2031
      Antal elever                 412        398        405        420
      Antal lärare                  31         30         32         33
      Antal rektorer                                       4          5
      Antal kuratorer                               3
      """, title: "Skolnämndens årsredovisning 2031")
    let heads = facts.filter { $0.line == 7 }
    #expect(heads.map(\.value) == ["4", "5"].map(Self.n))
    #expect(heads.map(\.year) == [2030, 2031])
    #expect(facts.filter { $0.line == 5 }.count == 4)
    #expect(!facts.contains { $0.line == 8 })
    #expect(unread.contains { $0.line == 8 })
  }
}
