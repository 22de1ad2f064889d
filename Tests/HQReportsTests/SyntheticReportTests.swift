import HQData
import Testing

@testable import HQReports

/// A third report of the same genre, written for this test: other organisation, kind, year,
/// period, sections, labels and numbers than the bundled reports. Every expectation below was
/// worked out by hand from the text (line numbers count from 1 in `text`).
@Suite struct SyntheticReportTests {
  static let text = """
     Delårsrapport 1 2019 för Kulturnämnden

    Kulturnämnden i Region Exempelland redovisar här perioden januari-april 2019 

    med prognos för helåret.

    1 Sammanfattning
    Nämnden redovisar ett överskott för perioden.

    2 Ekonomi och 
    personal
    Samtliga belopp redovisas i miljoner kronor (mnkr). Kostnader redovisas med minustecken.

    2.1 Verksamheter
     
    Område
    Utfall 
    jan-
    april

    Budget 
    jan-
    april

    Avvikels
    e mot 
    budget

    Prognos
    tiserad 
    avvikelse 
    för 2019

    Museer -12,4 -13,0 0,6 1,5
    Bibliotek och 
    läsfrämjande -8,1 -7,9 -0,2 -0,5

    Scenkonst -4 310,2 -4 300,0 -10,2 -20

    17(40)

     Område
    Utfall 
    jan-
    april

    Budget 
    jan-
    april

    Avvikels
    e mot 
    budget

    Prognos
    tiserad 
    avvikelse 
    för 2019

    Regionala 
    utvecklings-
    medel

    -1,5 -2,0 0,5 0

    -4 332,2 -4 322,9 -9,3 -19,0

    Kommentar till tabellen: överskottet beror på vakanser.

    2.2 Investeringar

    Projektmedel

    Total ram 2019 45 000
    Beviljat hittills 12 500
    Kvar av ram 32 500

    Ramen om 45,0 mnkr gäller för hela året.
    """

  static let result = ReportIngester.ingest(text: text, source: "exempel.txt")

  func facts(line: Int) -> [Fact] { Self.result.model.facts.filter { $0.line == line } }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  @Test func identity() throws {
    let report = try #require(Self.result.model.reports.first)
    #expect(report.id == "re-dr1-2019")
    #expect(report.kind == "delårsrapport")
    #expect(report.year == 2019)
    #expect(report.period == "jan–apr")
    #expect(report.organisation == "Region Exempelland")
    #expect(report.title == "Delårsrapport 1 2019 för Kulturnämnden")
  }

  @Test func sections() {
    let sections = Self.result.model.sections
    #expect(sections.map(\.number) == ["1", "2", "2.1", "2.2"])
    #expect(sections.map(\.title) == ["Sammanfattning", "Ekonomi och personal", "Verksamheter", "Investeringar"])
  }

  @Test func tableWithBrokenHeaderAndRepeatedHeader() {
    let table = Self.result.model.facts.filter { $0.table == "Verksamheter" }
    #expect(table.count == 20)  // 5 rows × 4 columns
    let museums = facts(line: 34)
    #expect(museums.map(\.indicator) == Array(repeating: "Museer", count: 4))
    #expect(museums.map(\.measure)
      == ["Utfall jan–april", "Budget jan–april", "Avvikelse mot budget", "Prognostiserad avvikelse för 2019"])
    #expect(museums.map(\.value) == ["-12.4", "-13.0", "0.6", "1.5"].map(Self.n))
    #expect(museums.map(\.kind) == [.utfall, .budget, .avvikelse, .avvikelse])
    #expect(museums.map(\.period) == ["jan–apr", "jan–apr", "", "helår"])
    #expect(museums.allSatisfy { $0.year == 2019 && $0.unit == "mnkr" && $0.section == "Verksamheter" })
    #expect(facts(line: 36).first?.indicator == "Bibliotek och läsfrämjande")
    #expect(facts(line: 38).map(\.value) == ["-4310.2", "-4300.0", "-10.2", "-20"].map(Self.n))
    // After the page marker and the repeated header, a label broken with a hyphen.
    let regional = facts(line: 64)
    #expect(regional.first?.indicator == "Regionala utvecklingsmedel")
    #expect(regional.map(\.value) == ["-1.5", "-2.0", "0.5", "0"].map(Self.n))
    let total = facts(line: 66)
    #expect(total.first?.indicator == "Totalt")
    #expect(total.map(\.value) == ["-4332.2", "-4322.9", "-9.3", "-19.0"].map(Self.n))
  }

  @Test func headerlessTableInThousands() {
    let frame = facts(line: 74)
    #expect(frame.map(\.indicator) == ["Total ram 2019"])
    #expect(frame.map(\.value) == [Self.n("45000")])
    #expect(frame.first?.unit == "tkr")  // the prose quotes 45,0 mnkr
    #expect(frame.first?.kind == .budget)
    #expect(facts(line: 75).first?.value == Self.n("12500"))
    #expect(facts(line: 76).first?.indicator == "Kvar av ram")
  }

  @Test func warnings() {
    #expect(Self.result.warnings.map(\.line) == [66])
    #expect(Self.result.warnings.first?.description.hasPrefix("exempel.txt:66:1: warning:") == true)
  }

  @Test func noProseNumbers() {
    #expect(Self.result.model.facts.allSatisfy { $0.line >= 34 })
    #expect(Self.result.model.facts.count == 23)
  }
}
