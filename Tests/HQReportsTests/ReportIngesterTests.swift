import HQData
import Testing

@testable import HQReports

@Suite struct ReportIngesterTests {
  @Test func followUpReportIdentity() throws {
    let result = try IngestFixtures.followUp()
    let report = try #require(result.model.reports.first)
    #expect(report.id == "rh-up2-2017")
    #expect(report.year == 2017)
    #expect(report.kind == "uppföljningsrapport")
    #expect(report.period == "jan–aug")
    #expect(report.organisation == "Region Halland")
    #expect(report.title == "Uppföljningsrapport 2 2017 för Regionstyrelsens verksamheter")
    #expect(report.source == IngestFixtures.followUpName)
  }

  @Test func annualReportIdentity() throws {
    let result = try IngestFixtures.annual()
    let report = try #require(result.model.reports.first)
    // The text never says "årsredovisning"; it says "Bokslut 2024".
    #expect(report.id == "rh-ar-2024")
    #expect(report.year == 2024)
    #expect(report.kind == "årsredovisning")
    #expect(report.period == "helår")
  }

  /// The numbered headings of the 2017 report, read off the file by hand (35 of them).
  @Test func followUpSections() throws {
    let sections = try IngestFixtures.followUp().model.sections
    #expect(sections.count == 35)
    let expected: [(String, String, Int, Int)] = [
      ("1", "Sammanfattning, Uppfyllande av uppdrag", 1, 107),
      ("1.3.1", "Stöd till Kommunberedningen och samarbetet över regiongränserna", 3, 241),
      ("2", "Redovisning av resurser (ekonomi och medarbetare)", 1, 267),
      ("2.1.1", "Regionkontoret bas", 3, 370),
      ("2.3", "Hälso och sjukvård", 2, 1316),
      ("2.3.7", "Läkemedel", 3, 1711),
      ("2.4.3", "Finansiering", 3, 1991),
      ("2.5", "Planerade investeringar med årsprognos", 2, 2109),
      ("5", "Sammanfattande analys av perspektiven mål, delmål och prioriteringar; verksamhet/grunduppdrag samt resurser", 1, 2190),
      ("6", "Intern kontroll", 1, 2196),
    ]
    for (number, title, level, line) in expected {
      let section = sections.first { $0.number == number }
      #expect(section?.title == title, "section \(number)")
      #expect(section?.level == level, "section \(number)")
      #expect(section?.line == line, "section \(number)")
    }
    // Prose that starts with a number is not a heading.
    #expect(!sections.contains { $0.title.hasPrefix("månaders") })
  }

  @Test func sectionTextIsRejoinedProse() throws {
    let sections = try IngestFixtures.followUp().model.sections
    let section = try #require(sections.first { $0.number == "6" })
    #expect(section.text == "En delårsuppföljning av arbetet med den interna kontrollen redovisas i bilaga 2.")
  }

  @Test func annualSlideTitles() throws {
    let titles = try IngestFixtures.annual().model.sections.map(\.title)
    for title in [
      "Sammanfattning", "Region Hallands nyckeltalsjämförelse med Sveriges alla regioner",
      "Tillgänglighet till vård 2024", "Produktion under 2024", "Bokslut 2024 - sammanfattning",
      "Kostnadsutveckling jämfört med rikets snitt (%)", "Finansiella mål", "Ekonomi",
    ] {
      #expect(titles.contains(title), "\(title)")
    }
    #expect(!titles.contains("Uppfylls delvis"))
    #expect(!titles.contains { $0.contains("Belopp") })
  }

  @Test func linesCarryTheirSection() throws {
    let lines = try IngestFixtures.followUp().model.lines
    let line = try #require(lines.first { $0.line == 1380 })
    #expect(line.text.hasPrefix("Läkemedel -584,8"))
    #expect(line.section == "Hälso och sjukvård")
    #expect(!lines.contains { $0.text.isEmpty })
  }

  @Test func documentUnit() {
    let lines = ["Inledning", "", "Samtliga belopp redovisas i miljoner kronor (mnkr). Kostnader och"]
    #expect(ReportIdentity.documentUnit(lines) == "mnkr")
    #expect(ReportIdentity.documentUnit(["Belopp anges i tusen kronor."]) == "tkr")
    #expect(ReportIdentity.documentUnit(["Inga belopp här"]) == "")
  }

  @Test(arguments: [
    "", "\n\n\n", "\u{0}\u{1}\u{2}\n\u{FFFD}", "2.3.7", "15(34)", "-", "1 2 3 4 5 6 7 8 9",
    "Uppdrag\nResultat\n\nRegionbidrag 1 2 3\n4 5 6", String(repeating: "9 ", count: 5000),
  ])
  func neverTraps(_ text: String) {
    let result = ReportIngester.ingest(text: text, source: "odd.txt")
    #expect(result.model.reports.count == 1)
  }

  @Test func hugeLineIsLinear() {
    let line = String(repeating: "Budget 1 204,1 ", count: 70_000)  // ~1 MB on one line
    let clock = ContinuousClock()
    let elapsed = clock.measure { _ = ReportIngester.ingest(text: line + "\n" + line, source: "big.txt") }
    #expect(elapsed < .seconds(30))  // quadratic work on 1 MB would take hours
  }
}

extension ReportIngesterTests {
  /// Random texts over the characters tables are made of never trap the ingester.
  @Test func fuzzNeverTraps() {
    let alphabet = Array("0123456789 \u{00A0}\n\n,-−–%()*.:Budget Prognos jan-aug Totalt 2017 2.3.7 15(34) ●Øü│\t\r")
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: seed >> 33)
    }
    for _ in 0..<200 {
      let text = String((0..<(next() % 3000)).map { _ in alphabet[next() % alphabet.count] })
      let result = ReportIngester.ingest(text: text, source: "fuzz.txt")
      #expect(result.model.reports.count == 1)
    }
  }

  /// The bundled reports' lines in scrambled order still ingest (no trap, no runaway).
  @Test func scrambledReportNeverTraps() throws {
    var lines = try IngestFixtures.datasetText(IngestFixtures.followUpName).split(separator: "\n", omittingEmptySubsequences: false)
    var seed: UInt64 = 42
    for i in lines.indices.reversed() where i > 0 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1
      lines.swapAt(i, Int(truncatingIfNeeded: seed >> 33) % (i + 1))
    }
    let result = ReportIngester.ingest(text: lines.joined(separator: "\n"), source: "scrambled.txt")
    #expect(result.model.facts.allSatisfy { $0.line >= 1 && $0.line <= lines.count })
  }
}
