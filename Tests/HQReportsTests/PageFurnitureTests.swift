import Testing

@testable import HQReports

/// The page-furniture rules on texts written for these tests: other organisations, committees,
/// months and page numbers than the dev texts, and each way of marking pages (page markers,
/// form feeds, nothing). Line numbers in the expectations are 0-based indexes into `lines`,
/// worked out by hand from the text.
@Suite struct PageFurnitureTests {
  /// Builds a text from pages: each page's lines, joined by `separator` lines.
  static func text(_ pages: [[String]], separator: (Int) -> [String]) -> [String] {
    var lines: [String] = []
    for (index, page) in pages.enumerated() {
      lines += separator(index)
      lines += page
    }
    return lines
  }

  @Test(arguments: [
    ("<!-- sida 12 -->", PageFurniture.Marker.startsPage), ("<!-- page 3 -->", .startsPage), ("15(34)", .marksPage),
    ("Sida 3", .marksPage), ("sida 3 av 40", .marksPage), ("7 (12)", .marksPage), ("3 (3)", .marksPage),
  ])
  func markers(_ line: String, _ marker: PageFurniture.Marker) {
    #expect(PageFurniture.marker(line) == marker)
  }

  @Test(arguments: [
    "Sida vid sida", "<!-- kommentar -->", "(34)", "15(34) mnkr", "Sida 3 av fyra", "Budget 2024", "9 (4)", "12 (mnkr)",
    "2 (3) 4",
  ])
  func notMarkers(_ line: String) {
    #expect(PageFurniture.marker(line) == nil)
  }

  @Test func pageNumberAtEitherEnd() {
    #expect(PageFurniture.splitPageNumber("Varbergs kommun Delårsbokslut 2023 17")! == ("Varbergs kommun Delårsbokslut 2023", 17))
    #expect(PageFurniture.splitPageNumber("9 Årsredovisning 2021")! == ("Årsredovisning 2021", 9))
    #expect(PageFurniture.splitPageNumber("128")! == ("", 128))
    #expect(PageFurniture.splitPageNumber("- 7 -")! == ("", 7))
    #expect(PageFurniture.splitPageNumber("Utfall 2024") == nil)  // a year is no page number
    #expect(PageFurniture.splitPageNumber("1204") == nil)
    #expect(PageFurniture.splitPageNumber("07") == nil)
    #expect(PageFurniture.splitPageNumber("Prognos helår") == nil)
  }

  /// `count` lines of prose that differ from page to page, then a blank line.
  static func prose(_ page: Int, _ count: Int, _ tag: String = "Prosa") -> [String] {
    (0..<count).map { "\(tag) på sidan \(page), mening \($0 + 1) av \(count)." } + [""]
  }

  /// Four pages marked `<!-- sida N -->`: a two-line running header at the top, a page number at
  /// the bottom, a table header repeated mid-page on two pages and chart ticks, which are no
  /// furniture.
  @Test func markedPagesWithHeaderAndPageNumbers() {
    let pages: [[String]] = (0..<4).map { page in
      var lines = ["", "Nämnden för Vård & Omsorg                 Varbergs kommun", "Delårsrapport April 2023", ""]
      lines += Self.prose(page, 3)
      if page == 1 || page == 2 { lines += ["Verksamhet Utfall Budget", "Hemtjänst 12,1 13,0", ""] }
      if page == 3 { lines += ["300", "200", "100", "0", ""] }
      lines += Self.prose(page, 3, "Slutord") + [String(12 + page)]
      return lines
    }
    let lines = Self.text(pages) { ["<!-- sida \($0 + 30) -->"] }
    let furniture = PageFurniture.find(in: lines)
    // Page 0 is lines 0–13 (the marker, 4 header lines, 8 prose lines, the number); pages 1
    // and 2 have 3 table lines more (14–30, 31–47), page 3 has 5 chart lines (48–66).
    #expect(furniture.markers == [0, 14, 31, 48])
    #expect(furniture.pageNumbers == [13, 30, 47, 66])
    #expect(furniture.pageNumbers.map { lines[$0] } == ["12", "13", "14", "15"])
    #expect(furniture.running == [2, 3, 16, 17, 33, 34, 50, 51])
    #expect(furniture.runningTexts == [2, 3])
    #expect(!furniture.lineIndexes.contains(lines.firstIndex(of: "Verksamhet Utfall Budget")!))
    #expect(!furniture.lineIndexes.contains(lines.firstIndex(of: "100")!))
    #expect(PageFurniture.lineIndexes(in: lines) == furniture.lineIndexes)
    let identity = ReportIdentity.read(lines, furniture: furniture)
    #expect(identity.organisation == "Varbergs kommun")
    #expect(identity.committee == "Nämnden för Vård & Omsorg")
    #expect(identity.kind == "delårsrapport")
    #expect(identity.period == "jan–apr")
    #expect(identity.year == 2023)
    #expect(identity.id == "varbergs-vard-dr-2023")
    #expect(identity.title == "Delårsrapport April 2023 – Nämnden för Vård & Omsorg, Varbergs kommun")
  }

  /// A table header at the top of a page, repeated on fewer than half of the pages, is no
  /// running header.
  @Test func tableHeaderOnAFewPagesIsNoFurniture() {
    let pages: [[String]] = (0..<5).map { page in
      (page < 2 ? ["Namn Bokslut 2022 Bokslut 2023"] : ["Rubrik \(page)"]) + Self.prose(page, 8)
    }
    let lines = Self.text(pages) { ["<!-- sida \($0 + 1) -->"] }
    #expect(PageFurniture.find(in: lines).running.isEmpty)
  }

  /// A table going on over a page break prints its header again at the top of the next page:
  /// in a short report that is half of the pages, yet the header lines (column words only,
  /// naming no report) are the table's, not the page's; the running header beside them is
  /// furniture.
  @Test func aTableHeaderRepeatedOnHalfThePagesIsNoFurniture() {
    let header = ["              Bokslut     Budget    Avvikelse", "      Not       2030       2031     mot plan"]
    let pages: [[String]] = (0..<4).map { page in
      ["Hamnförbundet Väst     Verksamhetsberättelse 2031", ""] + (page == 1 || page == 2 ? header : ["Rubrik \(page)"])
        + Self.prose(page, 6)
    }
    let lines = Self.text(pages) { ["<!-- sida \($0 + 1) -->"] }
    let furniture = PageFurniture.find(in: lines)
    let headerLines = lines.indices.filter { lines[$0].contains("Bokslut") || lines[$0].contains("Not ") }
    #expect(headerLines.count == 4)
    #expect(!headerLines.contains { furniture.running.contains($0) })
    #expect(furniture.running.count == 4)
    // A bolag's statement: its header names kinds with years, as a report would, but two years.
    let statement: [[String]] = (0..<4).map { page in
      ["Norrhamn Stuveri AB     Årsredovisning 2031", ""]
        + (page == 1 || page == 2 ? ["Tabell 4. Resultaträkning, belopp i mkr", "Bokslut 2031     Bokslut 2030"] : ["Rubrik \(page)"])
        + Self.prose(page, 6)
    }
    let statementLines = Self.text(statement) { ["<!-- sida \($0 + 1) -->"] }
    // The label column's header stating the unit in words (`Miljoner kronor`) is the table's too.
    let stated: [[String]] = (0..<4).map { page in
      ["Hamnförbundet Väst     Verksamhetsplan 2031", ""]
        + (page == 1 || page == 2 ? ["Miljoner kronor   Not   Plan 2030   Plan 2031"] : ["Rubrik \(page)"]) + Self.prose(page, 6)
    }
    let statedLines = Self.text(stated) { ["<!-- sida \($0 + 1) -->"] }
    // A caption standing as the label column's header beside the years (`Balansräkning  2031
    // 2030`) is the table's too; a line naming the report beside its years is not.
    #expect(PageFurniture.Scan.readsAsTableHeader("Balansräkning 2031 2030"))
    #expect(!PageFurniture.Scan.readsAsTableHeader("Hamnförbundet Väst Budget 2031 2032"))
    #expect(!PageFurniture.Scan.readsAsTableHeader("Kustby kommun Årsredovisning 2031"))
    #expect(!PageFurniture.find(in: statedLines).running.contains { statedLines[$0].contains("Miljoner") })
    let statementFurniture = PageFurniture.find(in: statementLines)
    #expect(statementFurniture.running.count == 4)
    #expect(!statementFurniture.running.contains { statementLines[$0].contains("Bokslut") || statementLines[$0].contains("Tabell") })
  }


  /// A caption printed again at the top of the next page over its table's header of two lines
  /// (kind words after the label column's header, then their years) is the table's, not the

  /// A table's header line printed again on the next page, with the label column's header
  /// before its column words (`Balansräkning  Not  Bokslut 2030 …`), is the table's even where
  /// its column words name a report kind with its year (`Budget 2031`): column words naming
  /// three kinds or more, or opening with `Not`, are a table's, unless the words before them
  /// name the report.
  @Test func aRepeatedHeaderWithItsStubNamingABudgetYearIsNoFurniture() {
    let header = "Balansräkning Not Bokslut 2030 Budget 2031 Prognos 2031 Avvikelse"
    #expect(PageFurniture.Scan.readsAsTableHeader(header))
    #expect(!PageFurniture.Scan.readsAsTableHeader("Kustby kommun Budget 2031 Prognos 2031 Plan 2032"))
    // So are column words opening with a `Not` column (`Bokslut 2030` names a report too).
    #expect(PageFurniture.Scan.readsAsTableHeader("Resultaträkning Not Bokslut 2030 Bokslut 2031"))
    #expect(!PageFurniture.Scan.readsAsTableHeader("Kustby kommun Not Bokslut 2030 Bokslut 2031"))
    let pages: [[String]] = (0..<4).map { page in
      ["Kustby kommun     Delårsrapport juni 2031", ""] + (page == 1 || page == 2 ? [header] : ["Rubrik \(page)"])
        + Self.prose(page, 6)
    }
    let lines = Self.text(pages) { ["<!-- sida \($0 + 1) -->"] }
    let headerLines = lines.indices.filter { lines[$0] == header }
    #expect(headerLines.count == 2)
    let furniture = PageFurniture.find(in: lines)
    #expect(!headerLines.contains { furniture.running.contains($0) })
    #expect(furniture.running.count == 4)
  }
  /// page's: the table keeps the caption's unit (`tusental kronor`) over the document's.
  @Test func aCaptionRepeatedOverATwoLineHeaderIsNoFurniture() {
    let body = """
      Samtliga belopp redovisas i miljoner kronor (mnkr) om inget annat anges.
      Förbundet har under perioden arbetat vidare med kajerna och den nya terminalen.

      <!-- sida 2 -->
      Kajprojekt, tusental kronor
      Hamnanläggning Budget Utfall Prognos Avvikelse
      2031 jan-aug 2031 2031
      Kaj 4 förstärkning 3 410 2 275 3 390 –20
      Ny färjeterminal 12 860 9 115 13 240 380

      <!-- sida 3 -->
      Kajprojekt, tusental kronor
      Hamnanläggning Budget Utfall Prognos Avvikelse
      2031 jan-aug 2031 2031
      Muddring inre hamn 5 720 4 980 5 610 –110
      Summa 21 990 16 370 22 240 250

      <!-- sida 4 -->
      Förbundet bedömer att projekten håller tidplanen under hösten.
      """
    let text = "Hamnförbundet Väst delårsrapport augusti 2031\n\n" + body
    let lines = TextLines.split(text)
    let captions = lines.indices.filter { lines[$0] == "Kajprojekt, tusental kronor" }
    #expect(captions == [6, 13])
    #expect(!PageFurniture.find(in: lines).running.contains { captions.contains($0) })
    #expect(PageFurniture.Scan.readsAsKindsOverYears("Hamnanläggning Budget Utfall Prognos Avvikelse", "2031 jan-aug 2031 2031"))
    // A running header naming the report, kind words and all, over a line of years is none.
    #expect(!PageFurniture.Scan.readsAsKindsOverYears("Hamnförbundet Väst Budget 2031 med plan 2032", "2030 2031 2032"))
    let facts = ReportIngester.ingest(text: text, source: "test.txt").model.facts
    #expect(facts.count == 16)
    #expect(facts.allSatisfy { $0.unit == "tkr" && $0.table == "Kajprojekt, tusental kronor" })
    #expect(facts.filter { $0.indicator == "Summa" }.map(\.value) == ["21990", "16370", "22240", "250"].map(IngestFixtures.number))
  }
  @Test(arguments: [
    ("Utfall  Budget  Prognos  Avvikelse", true), ("Not   jan–sep 2030   jan–sep 2031   2031   prognos", true),
    ("2029  2030  2031", true), ("Delårsrapport 2031", true), ("Hamnförbundet Väst   Budget 2031", false),
    ("Rubrik 3", false), ("Utfall", false), ("Miljoner kronor   Not   Plan 2030   Plan 2031", true),
    ("Tusental kronor", false), ("Enhet   Ram 2030   Utfall 2030   Avvikelse", true), ("Nämnd/verksamhet   Budget   Prognos", true),
    ("Enhet   Utfall", false),
  ])
  func columnHeaderLines(line: String, isHeader: Bool) {
    #expect(Vocabulary.isColumnHeaderLine(line) == isHeader)
  }

  /// Pages cut by form feeds (as `pdftotext` writes them), a footer carrying the page number.
  @Test func formFeedPagesWithNumberedFooter() {
    let pages: [[String]] = (0..<3).map { page in
      ["Rubrik \(page)"] + Self.prose(page, 6) + ["Region Norrbotten     Årsredovisning 2022     \(page + 7)"]
    }
    let lines = Self.text(pages) { $0 == 0 ? [] : ["\u{0C}"] }
    let furniture = PageFurniture.find(in: lines)
    // Pages of 9 lines (heading, 6 prose lines, a blank, the footer), form feeds between.
    #expect(furniture.markers == [9, 19])
    #expect(furniture.pageNumbers.isEmpty)
    #expect(furniture.running == [8, 18, 28])
    #expect(furniture.runningTexts == [8])
    let identity = ReportIdentity.read(lines, furniture: furniture)
    #expect(identity.organisation == "Region Norrbotten")
    #expect(identity.kind == "årsredovisning")
    #expect(identity.id == "rn-ar-2022")
    #expect(identity.title == "Årsredovisning 2022 – Region Norrbotten")
  }

  /// No page marks at all: a header repeating every page is found because it names the report;
  /// a repeated goal status, numbered goals and a repeated table header are not.
  @Test func unmarkedPages() {
    let pages: [[String]] = (0..<4).map { page in
      ["Göteborgs Stad         Budget 2025", "", "Mål \(page + 1)", "Uppfylls helt", "", "Namn Utfall 2021 Utfall 2022",
       "Antal elever 1 200 1 250", "", "En mening om målet och hur det har gått under året.", "Fler meningar.",
       "Och ännu fler.", ""]
    }
    let lines = Self.text(pages) { _ in [] }
    let furniture = PageFurniture.find(in: lines)
    #expect(furniture.markers.isEmpty)
    #expect(furniture.running == [0, 12, 24, 36])
    #expect(furniture.pageNumbers.isEmpty)
    let identity = ReportIdentity.read(lines, furniture: furniture)
    #expect(identity.organisation == "Göteborgs Stad")
    #expect(identity.kind == "budget")
    #expect(identity.period == "helår")
    #expect(identity.id == "goteborgs-budget-2025")
  }

  /// Page numbers alone mark the pages; a header standing right after them is at a page edge.
  @Test func pagesMarkedOnlyByNumbers() {
    let pages: [[String]] = (0..<3).map { page in
      ["Kulturnämnden        Region Exempelland"] + Self.prose(page, 6) + ["\(page + 4)"]
    }
    let lines = Self.text(pages) { _ in [] }
    let furniture = PageFurniture.find(in: lines)
    #expect(furniture.pageNumbers == [8, 17, 26])
    #expect(furniture.running == [0, 9, 18])
    let identity = ReportIdentity.read(lines, furniture: furniture)
    #expect(identity.committee == "Kulturnämnden")
    #expect(identity.organisation == "Region Exempelland")
    #expect(identity.kind.isEmpty && identity.year == nil)  // the text names neither
    #expect(identity.id == "re-kultur")
    #expect(identity.title == "Rapport – Kulturnämnden, Region Exempelland")
  }

  /// Numbered headings on pages of their own count up like page numbers, but are no footer.
  @Test func numberedHeadingsAreNoFooter() {
    let pages: [[String]] = (0..<4).map { page in
      Self.prose(page, 4) + ["Not \(page + 1)", "Belopp 12,4"] + Self.prose(page, 4, "Slut")
    }
    let lines = Self.text(pages) { ["<!-- sida \($0 + 1) -->"] }
    #expect(PageFurniture.lineIndexes(in: lines) == [0, 13, 26, 39])
  }

  /// Chart ticks counting up on adjacent lines are no page numbers.
  @Test func adjacentNumbersAreNoPageNumbers() {
    let lines = ["Antal besök", "1", "2", "3", "4", "5", "2019 2020 2021"]
    #expect(PageFurniture.find(in: lines).pageNumbers.isEmpty)
  }

  @Test(arguments: [
    ("  Nämnden för\u{00A0}Teknik \t  Varbergs kommun – 25 \u{0C}", "Nämnden för Teknik Varbergs kommun – 25", true),
    ("12 000\u{2009}–\u{202F}7", "12 000 – 7", false),
    ("\u{0C}", "", true),
    ("a\u{0001}b", "a\u{0001}b", false),
  ])
  func cleaning(_ line: String, _ cleaned: String, _ formFeed: Bool) {
    // The scan reads the driver's cleaned lines, and a form feed in the raw line breaks the page.
    #expect(TextLines.clean(line) == cleaned)
    var scan = PageFurniture.Scan(lines: [line], cleaned: [TextLines.clean(line)])
    scan.collect()
    #expect(scan.hardBreaks == (formFeed ? [0] : []))
  }

  /// Lines of numbers alone repeated at the page edges (chart ticks) are no running header.
  @Test func repeatedNumbersAreNoHeader() {
    let pages: [[String]] = (0..<3).map { page in ["2 000", "1 000"] + Self.prose(page, 6) }
    let lines = Self.text(pages) { ["<!-- sida \($0 + 1) -->"] }
    #expect(PageFurniture.find(in: lines).running.isEmpty)
  }

  @Test func emptyAndOddTexts() {
    #expect(PageFurniture.lineIndexes(in: []).isEmpty)
    #expect(PageFurniture.lineIndexes(in: ["", "\u{0C}", ""]) == [1])
    #expect(PageFurniture.lineIndexes(in: [String(repeating: "Varbergs kommun ", count: 100)]).isEmpty)
  }

  /// A page number written with a space before its page count (`2 (5)`) between the pieces of
  /// a wrapped row label is page furniture, not a piece of the label.
  @Test func aSpacedPageCountInsideAWrappedLabel() {
    let text = """
      Fritidsnämndens årsredovisning 2031

      Verksamhet, mnkr
      Verksamhet Budget 2031 Utfall 2031 Avvikelse
      Simhallar 12,4 12,9 -0,5
      Idrottsplatser och
      2 (5)
      spontanytor 8,1 7,7 0,4
      Summa 20,5 20,6 -0,1
      """
    let facts = ReportIngester.ingest(text: text, source: "test.txt").model.facts
    let wrapped = facts.filter { $0.line == 8 }
    #expect(wrapped.map(\.indicator) == Array(repeating: "Idrottsplatser och spontanytor", count: 3))
    #expect(wrapped.map(\.value) == ["8.1", "7.7", "0.4"].map(IngestFixtures.number))
  }
}
