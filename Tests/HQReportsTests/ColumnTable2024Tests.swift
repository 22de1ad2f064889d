import HQData
import Testing

@testable import HQReports

/// The tables (not slide figures) of the 2024 annual report summary. Expected values were read
/// off Datasets/region-halland-arsredovisning-2024.txt by hand (line numbers are the file's).
@Suite struct ColumnTable2024Tests {
  static let result = Result { try IngestFixtures.annual() }

  func facts(table: String) throws -> [Fact] { try Self.result.get().model.facts.filter { $0.table == table } }

  func facts(line: Int) throws -> [Fact] { try Self.result.get().model.facts.filter { $0.line == line } }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  @Test func costDevelopmentWithSubHeadings() throws {
    let table = try facts(table: "Kostnadsutveckling jämfört med rikets snitt (%)")
    #expect(table.count == 20)  // 4 rows × 5 columns
    let gross = try facts(line: 645)
    #expect(gross.allSatisfy { $0.indicator == "Bruttokostnadsutveckling – Region Halland" && $0.unit == "%" })
    #expect(gross.map(\.measure) == ["2022", "2023", "2024", "Snitt 2022-2024", "Snitt 2020-2024"])
    #expect(gross.map(\.value) == ["1.5", "8.5", "6.1", "5.4", "5.7"].map(Self.n))
    #expect(gross.map(\.year) == [2022, 2023, 2024, nil, nil])
    #expect(gross.map(\.kind) == [.utfall, .utfall, .utfall, .värde, .värde])
    #expect(gross[3].period == "2022–2024")
    // The sub-heading holds for the row under it, and the next sub-heading takes over.
    #expect(try facts(line: 646).first?.indicator == "Bruttokostnadsutveckling – Snitt regioner")
    let net = try facts(line: 650)
    #expect(net.first?.indicator == "Nettokostnadsutveckling – Snitt regioner")
    #expect(net.map(\.value) == ["2.6", "12.6", "6.1", "7.1", "6.0"].map(Self.n))
  }

  @Test func financialIndicators() throws {
    let table = try facts(table: "Finansiella mål")
    #expect(table.count == 15)  // 6 + 6 + 3
    let result = try facts(line: 669)
    #expect(result.first?.indicator
      == "Resultat i förhållande till summan av skatteintäkter samt statsbidrag och utjämning")
    #expect(result.map(\.measure) == ["Mål (över tid)", "Utfall 2023", "Budget 2024", "Utfall 2024", "Snitt 3 år", "Snitt 5 år"])
    #expect(result.map(\.value) == ["2", "0.1", "-5.2", "-1.2", "3.0", "5.4"].map(Self.n))
    #expect(result.map(\.kind) == [.mål, .utfall, .budget, .utfall, .värde, .värde])
    #expect(result.map(\.year) == [nil, 2023, 2024, 2024, nil, nil])
    #expect(result.allSatisfy { $0.unit == "%" })
    let selfFinancing = try facts(line: 672)
    #expect(selfFinancing.first?.indicator == "Självfinansieringsgraden av investeringarna")
    #expect(selfFinancing.map(\.value) == ["100", "67", "-19.6", "46", "115", "152"].map(Self.n))
    // `Positiv och inte minska över tid` fills the target column; the numbers follow it.
    let solidity = try facts(line: 682)
    #expect(solidity.first?.indicator == "Soliditeten inklusive ansvarsförbindelsen för pensionsförpliktelser")
    #expect(solidity.map(\.measure) == ["Utfall 2023", "Budget 2024", "Utfall 2024"])
    #expect(solidity.map(\.value) == ["21.8", "21.8", "18.8"].map(Self.n))
  }

  @Test func fvisCostsBlockTable() throws {
    let table = try facts(table: "Kostnader för införande av FVIS från 2019 till 2024 (mnkr)")
    #expect(table.map(\.value) == ["319.2", "51.4", "80.0", "450.6"].map(Self.n))
    #expect(table.map(\.line) == [438, 449, 464, 471])
    #expect(table.allSatisfy { $0.measure == "Kostnad" && $0.unit == "mnkr" && $0.period == "2019–2024" && $0.year == nil })
    #expect(table.first?.indicator
      == "Faktiska kostnader FVIS-programmet centralt - finansierat av central programbudget dvs utökad ram/kostnader för RH")
    #expect(table.first?.kind == .utfall)
    #expect(table.last?.indicator == "Summa kostnad införande FVIS")
  }

  @Test func fvisFinancing() throws {
    let table = try facts(table: "Finansiering införande av FVIS från 2019 till 2024 (mnkr)")
    #expect(table.map(\.value) == ["301.4", "61.7", "69.7", "432.8", "-17.8"].map(Self.n))
    #expect(table.allSatisfy { $0.measure == "Belopp" && $0.unit == "mnkr" })
    #expect(table.first?.indicator == "Finansiering via utökad ram - beslut M&B")
    #expect(table.last?.indicator == "Avvikelse finansiering - faktisk kostnad")
    #expect(table.last?.kind == .avvikelse)
  }

  @Test func fvisSpecification() throws {
    let table = try facts(table: "Specifikation av FVIS programkostnader från 2019 till 2024 (mnkr)")
    #expect(table.map(\.value) == ["70.4", "51.4", "136.7", "52.0", "8.7", "319.2"].map(Self.n))
    #expect(table.first?.indicator
      == "Faktiska kostnader FVIS centralt - Cambio Healthcare (grundimplementation, huvudavtal, tilläggsavtal)")
    #expect(table.last?.indicator == "Summa FVIS programkostnader 2019 till 2024")
  }

  @Test func noWarningsFromTables() throws {
    let warnings = try Self.result.get().warnings.filter { $0.message.contains("table") }
    #expect(warnings.isEmpty, "\(warnings)")
  }
}
