import HQData
import Testing

@testable import HQReports

/// The tables of the 2017 follow-up report. Every expected value below was read off
/// Datasets/region-halland-uppfoljningsrapport-2-2017.txt by hand (line numbers are the file's).
@Suite struct ColumnTable2017Tests {
  static let result = Result { try IngestFixtures.followUp() }

  func facts() throws -> [Fact] { try Self.result.get().model.facts }

  func facts(line: Int) throws -> [Fact] { try facts().filter { $0.line == line } }

  func fact(line: Int, measure: String) throws -> Fact {
    try #require(try facts(line: line).first { $0.measure == measure }, "line \(line) measure \(measure)")
  }

  func values(line: Int) throws -> [Number] { try facts(line: line).map(\.value) }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  // MARK: The summary table (lines 279–320)

  @Test func summaryTable() throws {
    let table = try facts().filter { $0.table == "Anslag enligt beslutad resursfördelning för 2017" }
    #expect(table.count == 36)  // 12 rows × 3 columns
    let row = try fact(line: 311, measure: "Periodens resultat")
    #expect(row.indicator == "Regiongemensamma kostnader")
    #expect(row.value == Self.n("-5952.9"))
    #expect(row.kind == .utfall)
    #expect(row.period == "jan–aug")
    #expect(row.year == 2017)
    #expect(row.unit == "mnkr")
    #expect(row.section == "Redovisning av resurser (ekonomi och medarbetare)")
    let forecast = try fact(line: 296, measure: "Prognostiserad avvikelse mot budget för 2017")
    #expect(forecast.indicator == "Förtroendevalda")
    #expect(forecast.value == Self.n("9.52"))  // as written
    #expect(forecast.kind == .avvikelse)
    #expect(forecast.period == "helår")
    let deviation = try fact(line: 320, measure: "Avvikelse mot budget för jan–augusti")
    #expect(deviation.indicator == "Totalt Regionstyrelsens ansvarsområde")
    #expect(deviation.value == Self.n("112.1"))
    #expect(deviation.kind == .avvikelse)
    #expect(try fact(line: 316, measure: "Periodens resultat").indicator
      == "Totalt Regiongemensamma kostnader och Finansiering")
    #expect(try fact(line: 306, measure: "Periodens resultat").indicator == "Hälso- och sjukvårdsfinansiering")
  }

  // MARK: Per-assignment tables

  @Test func regionkontoretBas() throws {
    let table = try facts().filter { $0.table == "Regionkontoret bas" && (408...427).contains($0.line) }
    #expect(table.count == 42)  // 7 rows × 6 columns
    #expect(try values(line: 409) == ["-35.7", "-25.8", "-9.9", "-38.7", "-47.4", "-8.7"].map(Self.n))
    let wrapped = try fact(line: 416, measure: "Budget 2017")
    #expect(wrapped.indicator == "Ökad budget för IT-kostnader och externa resurser (Framtidsarbetet RK)")
    #expect(wrapped.value == Self.n("-20.0"))
    #expect(wrapped.kind == .budget)
    #expect(wrapped.period == "helår")
    // The last row has no label in the text: it is the table's total.
    let total = try fact(line: 427, measure: "Prognostiserad avvikelse mot budget för 2017")
    #expect(total.indicator == "Totalt")
    #expect(total.value == Self.n("15.5"))
    let result = try fact(line: 408, measure: "Resultat jan–augusti")
    #expect(result.kind == .utfall && result.period == "jan–aug" && result.value == Self.n("156.0"))
    let forecast = try fact(line: 408, measure: "Prognos resultat 2017")
    #expect(forecast.kind == .prognos && forecast.period == "helår" && forecast.year == 2017)
  }

  @Test func tillvaxtAfterRepeatedHeader() throws {
    // The header stands twice (lines 516–550 and 551–585) before the rows.
    let table = try facts().filter { $0.table == "Tillväxt och utveckling" && (587...598).contains($0.line) }
    #expect(table.count == 30)
    #expect(try values(line: 593) == ["-12.5", "-10.9", "-1.6", "-16.3", "-16.3", "0"].map(Self.n))
    #expect(try fact(line: 593, measure: "Prognostiserat resultat 2017").indicator == "Tillväxt projektfinansiering")
  }

  @Test func projectFundingTable() throws {
    let table = try facts().filter { $0.table == "Tillväxt projektfinansiering" }
    #expect(table.count == 6)
    let decided = try facts(line: 613)
    #expect(decided.map(\.indicator) == ["Beslutade projektmedel 170831", "Beslutade projektmedel 170831"])
    #expect(decided.map(\.value) == [Self.n("15.5"), Self.n("10.6")])
    #expect(decided.map(\.measure) == ["Region Hlalands utvecklingsmedel", "Statligt anslag för Regional utveckling"])
    let budget = try facts(line: 612)
    #expect(budget.map(\.indicator) == ["Budget 2017", "Budget 2017"])
    #expect(budget.map(\.value) == [Self.n("16.3"), Self.n("12.8")])
    #expect(budget.allSatisfy { $0.kind == .budget })
  }

  @Test func ePlanWithBrokenHeaderWords() throws {
    #expect(try facts().filter { (659...664).contains($0.line) }.count == 18)
    let first = try fact(line: 659, measure: "Resultat jan–augusti")
    #expect(first.indicator == "Regionbidrag")  // `Regionbidra` + `g 15,5 …`
    #expect(first.value == Self.n("15.5"))
    #expect(try fact(line: 662, measure: "Prognostiserat resultat för 2017").value == Self.n("-28.5"))
    #expect(try fact(line: 664, measure: "Prognostiserad avvikelse mot budget för 2017").value == Self.n("-5"))
  }

  @Test func developmentProjects() throws {
    #expect(try facts().filter { (773...781).contains($0.line) }.count == 18)
    let row = try fact(line: 779, measure: "Netto Utfall jan–augusti")
    #expect(row.indicator == "Projekt inom Tillväxt")
    #expect(row.value == Self.n("-8.8"))
    #expect(row.kind == .utfall)
    let forecast = try fact(line: 773, measure: "Netto Prognos utfall helår")
    #expect(forecast.indicator == "Projekt inom HoS")
    #expect(forecast.kind == .prognos && forecast.period == "helår")
    #expect(try fact(line: 781, measure: "Avvikelse jan–augusti").value == Self.n("-14.3"))
  }

  @Test func fortroendevalda() throws {
    #expect(try facts().filter { (840...845).contains($0.line) }.count == 24)
    #expect(try values(line: 843) == ["-0.1", "-8.7", "8.6", "-13.0", "-3.0", "10"].map(Self.n))
    // The prose "… visar överskott med 9,5 " + "mnkr efter augusti." is no row.
    #expect(try facts(line: 847).isEmpty)
  }

  @Test func healthCareWithHeaderRepeatedMidTable() throws {
    let table = try facts().filter { $0.table == "Hälso och sjukvård" }
    #expect(table.count == 78)  // 13 rows × 6 columns
    #expect(try values(line: 1380) == ["-584.8", "-506.3", "-78.5", "-759.4", "-874.4", "-115"].map(Self.n))
    #expect(try fact(line: 1380, measure: "Resultat jan–augusti").indicator == "Läkemedel")
    #expect(try values(line: 1360) == ["-795.2", "-802.7", "7.5", "-1204.1", "-1207.4", "-3.3"].map(Self.n))
    #expect(try fact(line: 1360, measure: "Budget 2017").indicator == "Den nära vården - Vårdval Halland")
    #expect(try values(line: 1355) == ["5122.7", "5121.4", "1.4", "7691.1", "7692.6", "1.5"].map(Self.n))
    // After the repeated header (lines 1387–1421) the table goes on.
    let after = try fact(line: 1427, measure: "Prognostiserad avvikelse mot budget för 2017")
    #expect(after.indicator == "Gemensam verksamhetsutveckling")
    #expect(after.value == Self.n("76"))
    #expect(try fact(line: 1386, measure: "Budget jan–augusti").indicator == "Övrig hälso- och sjukvårdsverksamhet")
    #expect(try fact(line: 1429, measure: "Resultat jan–augusti").indicator == "Totalt")
  }

  @Test func medicinesTable() throws {
    let table = try facts().filter { $0.table == "Läkemedel" }
    #expect(table.count == 20)  // 4 full rows × 4, 2 rows × 2
    let benefit = try facts(line: 1735)
    #expect(benefit.map(\.measure) == ["Utfall ackumulerat", "Utfall föregående år", "Budget", "Diff mot budget"])
    #expect(benefit.map(\.value) == ["544.9", "526.2", "485.8", "-59.1"].map(Self.n))
    #expect(benefit.map(\.kind) == [.utfall, .utfall, .budget, .avvikelse])
    #expect(benefit.map(\.year) == [2017, 2016, 2017, 2017])
    #expect(benefit.allSatisfy { $0.period == "jan–aug" && $0.unit == "mnkr" })
    #expect(try fact(line: 1736, measure: "Budget").indicator == "Läkemedel utom förmån")
    #expect(try fact(line: 1738, measure: "Budget").indicator == "Läkemedelsrelaterade tjänster mm")
    // `134 121,4`: two numbers, not one thousands-grouped number.
    #expect(try values(line: 1741) == [Self.n("134"), Self.n("121.4")])
    #expect(try values(line: 1742) == [Self.n("718.8"), Self.n("681")])
    // The footnotes and the prose after the table are no rows.
    #expect(try facts().filter { (1743...1760).contains($0.line) }.isEmpty)
  }

  @Test func callOffTable() throws {
    let table = try facts().filter { (1859...1880).contains($0.line) }
    #expect(table.count == 14)
    #expect(table.allSatisfy { $0.measure == "Avropsmedel 2017" && $0.year == 2017 && $0.unit == "mnkr" })
    #expect(try facts(line: 1866).first?.indicator == "HS: Kapitalkostnader och investeringskostnader utrustning")
    #expect(try facts(line: 1866).first?.value == Self.n("2000"))
    #expect(try facts(line: 1861).first?.value == Self.n("2000"))  // `2 000`, not the year 2000
    #expect(try facts(line: 1868).first?.indicator == "Fosterdiagnostik till kvinnor över 35 år")
    #expect(try facts(line: 1868).first?.value == Self.n("3280"))
    #expect(try facts(line: 1874).first?.indicator == "Särskilt uppdrag 1.a linjens psykiisk ohälsa BoU")
    #expect(try facts(line: 1880).first?.value == Self.n("39685"))
  }

  @Test func hallandstrafiken() throws {
    let table = try facts().filter { $0.table == "Bidrag till Hallandstrafiken" }
    #expect(table.count == 18)
    let row = try fact(line: 1915, measure: "Prognos utfall helår")
    #expect(row.indicator == "Bidrag till Hallandstrafiken")
    #expect(row.value == Self.n("-438.4"))
    #expect(row.kind == .prognos)
  }

  @Test func commonCosts() throws {
    let table = try facts().filter { $0.table == "Övriga regiongemensamma kostnader" }
    #expect(table.count == 24)
    #expect(try values(line: 1985) == ["-9063.6", "-8935.3", "-128.3", "-8935.3", "-9059.5", "-124.2"].map(Self.n))
    #expect(try fact(line: 1985, measure: "Budget 2017").indicator == "Övriga regiongemensamma kostnader")
    #expect(try fact(line: 1979, measure: "Resultat jan–augusti").indicator == "Gemensamma personalkostnader")
  }

  @Test func financing() throws {
    let table = try facts().filter { $0.table == "Finansiering" }
    #expect(table.count == 30)
    let first = try fact(line: 2091, measure: "Resultat jan–augusti")
    #expect(first.indicator == "Finansiella intäkter och kostnader")
    #expect(first.value == Self.n("-33.5"))
    #expect(try values(line: 2103) == ["7487.8", "7512.8", "-25.0", "7512.8", "7487.4", "-25.4"].map(Self.n))
    #expect(try fact(line: 2103, measure: "Budget 2017").indicator == "Skatteintäkter och reservationer")
    #expect(try values(line: 2094).last == Self.n("164.14"))  // as written
  }

  @Test func investments() throws {
    let table = try facts().filter { $0.table == "Investeringar Regionkontoret samt systemförvaltning" }
    #expect(table.count == 24)
    let first = try facts(line: 2125)
    #expect(first.map(\.measure) == ["Budget", "Periodens utfall", "Prognos helår", "Avvikelse helår"])
    #expect(first.map(\.value) == ["-0.6", "-0.4", "-1.7", "-1.1"].map(Self.n))
    #expect(first.first?.indicator == "Diverse utrustning samt ombyggnad av reception Regionkontoret")
    #expect(first.map(\.kind) == [.budget, .utfall, .prognos, .avvikelse])
    #expect(try values(line: 2131) == ["-40.8", "-8.0", "-39.3", "1.5"].map(Self.n))
  }

  @Test func premisesPlan() throws {
    let table = try facts().filter { (2152...2162).contains($0.line) }
    #expect(table.count == 8)
    #expect(table.allSatisfy { $0.table == "Regionövergripande investeringar - Lokalresursplan" })
    let frame = try #require(table.first)
    #expect(frame.indicator == "Total ram 2017")  // the year stays in the label
    #expect(frame.value == Self.n("220000"))
    #expect(try facts(line: 2161).first?.value == Self.n("209452"))
    #expect(try facts(line: 2158).first?.indicator == "Tak och fasad HSH (tandhus och klockhus)")
  }

  @Test func staffCosts() throws {
    let row = try facts(line: 471)
    #expect(row.map(\.measure) == ["Utfall 2017 jan–augusti", "Budget 2017", "Periodens avvikelse"])
    #expect(row.map(\.value) == ["112677", "112151", "-0.5"].map(Self.n))
    #expect(row.allSatisfy { $0.unit == "mnkr" })  // written with each number
  }

  @Test func totalAndWarnings() throws {
    let mine = try facts().filter { !$0.measure.isEmpty || $0.table.contains("Lokalresursplan") }
    #expect(mine.count >= 393)
    let warnings = try Self.result.get().warnings.map(\.line)
    #expect(warnings == [427, 1429])  // the two total rows without a label
  }
}

extension ColumnTable2017Tests {
  /// The prose above the plan quotes `191,1 mnkr` for the table's `191 052`: the table is in tkr.
  @Test func premisesPlanIsInThousands() throws {
    let table = try facts().filter { (2152...2162).contains($0.line) }
    #expect(table.allSatisfy { $0.unit == "tkr" })
    // Tables with decimals keep the document's unit.
    #expect(try fact(line: 2131, measure: "Budget").unit == "mnkr")
  }
}
