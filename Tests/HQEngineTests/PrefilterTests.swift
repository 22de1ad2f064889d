import HQData
import HQDiagnostics
import HQEngine
import Testing

/// Which part of a statement's `where` a one-shot run's first read runs on each record, and
/// which columns it builds for the records that pass only (predicate pushdown, issue 16,
/// ``Engine/plannedRead(of:by:)``). Every expectation is worked out from the query text and
/// the `facts` fixture's columns: report 0, indicator 1, kind 2, year 3 (number), value 4
/// (number), unit 5; the text columns 0, 1, 2, 5 can be narrowed.
@Suite struct PrefilterTests {
  static func engine() -> Engine {
    let table = Fixture.facts
    let deferred = DeferredTable(name: "facts", fields: table.schema.fields, narrowable: [0, 1, 2, 5]) {
      (wanted, _) throws(DiagnosticError) in
      var columns: [Int: Column] = [:]
      for index in wanted { columns[index] = table.columns[index] }
      return DeferredTable.ReadResult(columns: columns, rowCount: table.rowCount)
    }
    var catalog = Catalog([Fixture.goals])
    catalog.add(deferred)
    return Engine(catalog: catalog)
  }

  private func planned(_ texts: String...) -> (columns: [Int], narrowing: DeferredTable.Narrowing?)? {
    Self.engine().plannedRead(of: "facts", by: texts)
  }

  @Test func comparisonsWithConstantsAndTheirConjunction() throws {
    let plan = try #require(planned("from facts | where year >= 2023 and kind == \"utfall\" | select indicator, unit, value"))
    #expect(plan.columns == [2, 3, 4])
    #expect(plan.narrowing?.columns == [1, 5])
    #expect(plan.narrowing?.filter.clauses == [
      [.number(column: 3, .greaterOrEqual, Number(2023))], [.text(column: 2, "utfall", equal: true)],
    ])
  }

  @Test func aConstantOnTheLeftIsMirrored() {
    #expect(planned("from facts | where 2023 < year | select unit, report")?.narrowing?.filter.clauses == [
      [.number(column: 3, .greater, Number(2023))]
    ])
  }

  @Test func disjunctionsAndListsAreOneClause() {
    #expect(planned("from facts | where kind == \"budget\" or value > 100 | select indicator, unit")?.narrowing?.filter.clauses == [
      [.text(column: 2, "budget", equal: true), .number(column: 4, .greater, Number(100))]
    ])
    #expect(planned("from facts | where kind in [\"budget\", \"prognos\"] | select unit, report")?.narrowing?.filter.clauses == [
      [.text(column: 2, "budget", equal: true), .text(column: 2, "prognos", equal: true)]
    ])
    #expect(planned("from facts | where value is not null and unit != \"st\" | select indicator, report")?.narrowing?.filter.clauses == [
      [.null(column: 4, isNull: false)], [.text(column: 5, "st", equal: false)],
    ])
  }

  @Test func partsNoRecordCanTestAreLeftOut() throws {
    // The `lower(…)` test is run by the statement only; the read narrows `report` and `unit`.
    let plan = try #require(planned("from facts | where kind == \"utfall\" and lower(indicator) == \"x\" | select unit, report"))
    #expect(plan.narrowing?.filter.clauses == [[.text(column: 2, "utfall", equal: true)]])
    #expect(plan.narrowing?.columns == [0, 5])
    #expect(plan.columns == [1, 2])
    // A disjunction with such a part could keep any row: no test.
    #expect(planned("from facts | where kind == \"utfall\" or lower(indicator) == \"x\" | select unit, report")?.narrowing == nil)
  }

  @Test func statementsThatAreNotNarrowed() {
    // No test a record can run, a filter that is not the first stage, fewer than two text
    // columns left to narrow (the tests would cost about what they save), two statements over
    // the table (each column is then read whole once).
    #expect(planned("from facts | where not (kind == \"x\") | select indicator, unit")?.narrowing == nil)
    #expect(planned("from facts | where kind ~ \"utf\" | select indicator, unit")?.narrowing == nil)
    #expect(planned("from facts | sort value | where year == 2024 | select indicator, unit")?.narrowing == nil)
    #expect(planned("from facts | where year == 2024 | summarize s = sum(value)")?.narrowing == nil)
    #expect(planned("from facts | where year == 2024 | select indicator, value")?.narrowing == nil)
    #expect(planned("from facts | where year == 2024 | select indicator, unit", "from facts | count")?.narrowing == nil)
    // A view's filter: the statements using the view decide what is read.
    #expect(planned("let v = from facts | where year == 2024 | select indicator, unit", "from v | count")?.narrowing == nil)
    #expect(planned("from facts | where year == 2024 | select indicator, unit", "from facts | count")?.columns == [0, 1, 3, 5])
  }

  @Test func aWhereAloneShowsEveryColumn() throws {
    let plan = try #require(planned("from facts | where year == 2024"))
    #expect(plan.columns == [3, 4])
    #expect(plan.narrowing?.columns == [0, 1, 2, 5])
  }
}
