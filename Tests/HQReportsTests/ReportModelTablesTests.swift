import HQData
import HQReports
import Testing

@Suite struct ReportModelTablesTests {
  /// Two small reports written out by hand: three facts, one goal and two sections in the
  /// first, one fact and one section in the second.
  static let model = ReportModel(
    reports: [
      Report(id: "rh-ar-2024", title: "Årsredovisning 2024", organisation: "Region Halland", year: 2024,
        period: "helår", kind: "årsredovisning", source: "ar.txt"),
      Report(id: "rh-up2-2017", title: "Uppföljningsrapport 2", organisation: "Region Halland", year: nil,
        period: "jan–aug", kind: "uppföljningsrapport", source: "up.txt"),
    ],
    facts: [
      Fact(report: "rh-ar-2024", section: "Ekonomi", table: "Resultat", indicator: "Läkemedel", measure: "Utfall 2024",
        kind: .utfall, year: 2024, value: Number(mantissa: 94, scale: 1), unit: "mnkr", line: 10),
      Fact(report: "rh-ar-2024", section: "Ekonomi", table: "Resultat", indicator: "Vårdplatser", measure: "Utfall 2024",
        kind: .utfall, year: 2024, value: Number(306), unit: "st", rank: 16, rankOf: 21, line: 11),
      Fact(report: "rh-ar-2024", section: "Ekonomi", table: "Resultat", indicator: "Va\u{30A}rdplatser",
        measure: "Budget 2024", kind: .budget, year: nil, value: Number(mantissa: 585, scale: 2), unit: "st", line: 12),
      Fact(report: "rh-up2-2017", section: "Personal", table: "Personal", indicator: "Anställda", measure: "Prognos",
        kind: .prognos, period: "jan–aug", year: 2017, value: Number(-12), unit: "", line: 3),
    ],
    goals: [Goal(report: "rh-ar-2024", name: "Hållbar ekonomi", status: .delvis, line: 5)],
    sections: [
      Section(report: "rh-ar-2024", number: "1", title: "Ekonomi", level: 1, line: 8, text: "Resultatet blev …"),
      Section(report: "rh-ar-2024", number: "1.1", title: "Läkemedel", level: 2, line: 9, text: ""),
      Section(report: "rh-up2-2017", number: "", title: "Personal", level: 1, line: 2, text: "Antalet anställda"),
    ],
    lines: [
      TextLine(report: "rh-ar-2024", section: "Ekonomi", line: 8, text: "1 Ekonomi"),
      TextLine(report: "rh-up2-2017", section: "Personal", line: 2, text: "Personal"),
    ])

  private func column(_ table: Table, _ name: String) -> [String] {
    guard let column = table.column(named: name) else { return [] }
    return (0..<table.rowCount).map { column.isNull($0) ? "null" : column.value(at: $0).description }
  }

  @Test func reportsAreCountedPerReport() {
    let reports = Self.model.reportsTable()
    #expect(column(reports, "id") == ["rh-ar-2024", "rh-up2-2017"])
    #expect(column(reports, "facts") == ["3", "1"])
    #expect(column(reports, "goals") == ["1", "0"])
    #expect(column(reports, "sections") == ["2", "1"])
    #expect(column(reports, "year") == ["2024", "null"])
  }

  @Test func reportsAreCountedWhenTheirRowsInterleave() {
    var model = Self.model
    model.facts = [model.facts[0], model.facts[3], model.facts[1], model.facts[3], model.facts[2]]
    #expect(column(model.reportsTable(), "facts") == ["3", "2"])
  }

  @Test func factsFollowTheirSchemaWithNullsForMissingNumbers() {
    let facts = Self.model.factsTable()
    #expect(facts.schema == ReportModel.factsSchema)
    #expect(column(facts, "value") == ["9.4", "306", "5.85", "-12"])
    #expect(column(facts, "year") == ["2024", "2024", "null", "2017"])
    #expect(column(facts, "rank") == ["null", "16", "null", "null"])
    #expect(column(facts, "kind") == ["utfall", "utfall", "budget", "prognos"])
    // An empty text of the model is null (issue 13 item 11).
    #expect(column(facts, "period") == ["null", "null", "null", "jan–aug"])
  }

  @Test func factValuesShareOneScale() {
    guard case .number(let mantissas, _, let uniform)? = Self.model.factsTable().column(named: "value")?.storage else {
      Issue.record("value is not a number column")
      return
    }
    #expect(uniform == 2)
    #expect(mantissas == [940, 30600, 585, -1200])
  }

  @Test func canonicallyEqualIndicatorsShareOneDictionaryEntry() {
    guard case .text(let codes, let dictionary)? = Self.model.factsTable().column(named: "indicator")?.storage else {
      Issue.record("indicator is not a text column")
      return
    }
    #expect(codes == [0, 1, 1, 2])
    #expect(dictionary == ["Läkemedel", "Vårdplatser", "Anställda"])
  }

  @Test func allTablesAreTheSixSourcesInOrder() {
    let tables = Self.model.allTables()
    #expect(tables.map(\.name) == ["facts", "goals", "sections", "reports", "lines", "unread"])
    #expect(tables.map(\.rowCount) == [4, 1, 3, 2, 2, 0])
    #expect(tables.map(\.schema) == [
      ReportModel.factsSchema, ReportModel.goalsSchema, ReportModel.sectionsSchema, ReportModel.reportsSchema,
      ReportModel.linesSchema, ReportModel.unreadSchema,
    ])
  }

  @Test func mergingKeepsThisModelsRowsFirstWhicheverIsLarger() {
    var small = ReportModel(reports: [Self.model.reports[1]])
    small.merge(Self.model)
    #expect(small.reports.map(\.id) == ["rh-up2-2017", "rh-ar-2024", "rh-up2-2017"])
    #expect(small.facts.count == 4)
    var large = Self.model
    large.merge(ReportModel(reports: [Self.model.reports[1]]))
    #expect(large.reports.map(\.id) == ["rh-ar-2024", "rh-up2-2017", "rh-up2-2017"])
    #expect(large.lines.map(\.line) == [8, 2])
    var empty = ReportModel()
    empty.merge(Self.model)
    #expect(empty.reports == Self.model.reports && empty.facts == Self.model.facts && empty.lines == Self.model.lines)
  }
}
