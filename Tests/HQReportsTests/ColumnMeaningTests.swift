import Testing

@testable import HQReports

@Suite struct ColumnMeaningTests {
  static let followUp = ColumnMeaning.Context(reportYear: 2018, reportPeriod: "jan–jun", documentUnit: "mnkr")
  static let annual = ColumnMeaning.Context(reportYear: 2021, reportPeriod: "helår", documentUnit: "")

  func meaning(_ header: String, _ context: ColumnMeaning.Context = followUp) -> ColumnMeaning {
    ColumnMeaning(header: header, context: context)
  }

  @Test(arguments: [
    ("Resultat jan-juni", FactKind.utfall, "jan–jun", 2018 as Int?),
    ("Budget jan-juni", .budget, "jan–jun", 2018),
    ("Avvikelse mot budget för jan-juni", .avvikelse, "jan–jun", 2018),
    ("Budget 2018", .budget, "helår", 2018),
    ("Prognostiserat resultat 2018", .prognos, "helår", 2018),
    ("Prognostiserad avvikelse mot budget för 2018", .avvikelse, "helår", 2018),
    ("Utfall föregående år", .utfall, "", 2017),
    ("Diff mot budget", .avvikelse, "", 2018),
    ("Periodens utfall", .utfall, "jan–jun", 2018),
    ("Avvikelse helår", .avvikelse, "helår", 2018),
    ("Faktiska kostnader", .utfall, "", 2018),
    ("Antal", .värde, "", 2018),
  ])
  func kindPeriodYear(_ header: String, _ kind: FactKind, _ period: String, _ year: Int?) {
    let m = meaning(header)
    #expect(m.kind == kind, "\(header)")
    #expect(m.period == period, "\(header)")
    #expect(m.year == year, "\(header)")
  }

  @Test func annualReportHeaders() {
    #expect(meaning("2020", Self.annual).kind == .utfall)
    #expect(meaning("2020", Self.annual).year == 2020)
    #expect(meaning("2020", Self.annual).period == "helår")
    #expect(meaning("2023", Self.annual).kind == .värde)  // a later year is no outcome
    let average = meaning("Snitt 2019-2021", Self.annual)
    #expect(average.kind == .värde && average.year == nil && average.period == "2019–2021" && average.isAverage)
    let target = meaning("Mål (över tid)", Self.annual)
    #expect(target.kind == .mål && target.year == nil)
    // A deviation without a year in an annual report is the year's; in a follow-up it stays
    // undetermined (it may compare the months before it).
    let deviation = meaning("Differens", Self.annual)
    #expect(deviation.kind == .avvikelse && deviation.period == "helår" && deviation.year == 2021)
    #expect(meaning("Differens").period == "")
  }

  @Test func units() {
    #expect(meaning("Andel (%)").unit == "%")
    #expect(meaning("Andel (%)").measure == "Andel")
    #expect(meaning("Belopp tkr").unit == "tkr")
    #expect(meaning("Belopp").unit == "mnkr")  // the document's
    #expect(meaning("Belopp").unitFromDocument)
    var context = Self.annual
    context.caption = "Kostnader 2015 till 2020 (mnkr)"
    let cost = meaning("Kostnad", context)
    #expect(cost.unit == "mnkr" && cost.period == "2015–2020" && cost.year == nil)
    context.caption = "Mnkr (ackumulerat)"
    #expect(meaning("Utfall", context).period == "helår")
  }

  /// A scale word makes a unit of money only with `kronor` after it: a caption `Tusental
  /// kronor` is `tkr`, `Miljarder kronor` `mdkr`; a label `…, miljoner` counts millions of
  /// something else.
  @Test func scaledKronor() {
    #expect(ColumnMeaning.unit(inCaption: "Tusental kronor", default: "") == "tkr")
    #expect(ColumnMeaning.unit(inCaption: "Driftbudget, belopp i tusentals kronor", default: "mnkr") == "tkr")
    #expect(ColumnMeaning.unit(inCaption: "Miljarder kronor", default: "") == "mdkr")
    #expect(ColumnMeaning.unit(inCaption: "Hyror, kronor", default: "") == "kr")
    #expect(GridReading.unit(ofLabel: "Resenärer i länstrafiken, miljoner") == "")
    #expect(GridReading.unit(ofLabel: "Besök på biblioteken, tusentals") == "")
    #expect(GridReading.unit(ofLabel: "Hyra per kvadratmeter, kr") == "kr")
  }

  @Test func measureCleaning() {
    #expect(meaning("Resultat jan-juni*").measure == "Resultat jan–juni")
    #expect(meaning("Prognos helår mnkr").measure == "Prognos helår")
    #expect(meaning("Budget 2018-2019").measure == "Budget 2018-2019")
  }

  @Test func yearRanges() {
    #expect(FigureYearWords.range(in: "från 2019 till 2024") == "2019–2024")
    #expect(FigureYearWords.range(in: "Snitt 2020-2024") == "2020–2024")
    #expect(FigureYearWords.range(in: "Budget 2024") == nil)
    #expect(MonthRange.read("januari-augusti") == "jan–aug")
    #expect(MonthRange.read("jan–apr") == "jan–apr")
    #expect(MonthRange.read("budget") == nil)
  }
}
