import HQData
import HQEngine
import HQSyntax
import Testing

/// `compare` and `pivot` over ``Fixture/facts``, values worked out by hand.
@Suite struct CompareAndPivotTests {
  @Test func compareYearsSideBySide() throws {
    // Läkemedel: (16.1 − 9.4) / 9.4 × 100 = 71.2765… → 71.28; Antibiotika: −30 / 300 = −10 %;
    // Öppenvård has no 2023 row and a null 2024 value; ambulans starts at 0, so no percentage.
    #expect(try run("from facts | where kind == \"utfall\" | compare year 2023 vs 2024") == [
      "report,indicator,kind,unit,2023,2024,delta,change_pct",
      "r,Läkemedel,utfall,mnkr,9.4,16.1,6.7,71.28",
      "r,Antibiotika,utfall,st,300,270,-30,-10",
      "r,Öppenvård,utfall,mnkr,null,null,null,null",
      "r,ambulans,utfall,st,0,5,5,null",
    ])
  }

  @Test func compareBudgetAgainstOutcomeByNamedKeys() throws {
    // Läkemedel 2024: budget 15, utfall 16.1 → delta 1.1, 1.1 / 15 = 7.333… %.
    #expect(try run("from facts | where year == 2024 | compare kind budget vs utfall by indicator") == [
      "indicator,budget,utfall,delta,change_pct",
      "Läkemedel,15,16.1,1.1,7.33",
      "Antibiotika,null,270,null,null",
      "Öppenvård,null,null,null,null",
      "ambulans,null,5,null,null",
    ])
  }

  @Test func compareAnotherValue() throws {
    // The values times ten: Läkemedel 94 → 161 (+67, 71.28 %), Antibiotika 3000 → 2700 (−10 %).
    #expect(try run("from facts | where kind == \"utfall\" | compare year 2023 vs 2024 value value * 10 by indicator") == [
      "indicator,2023,2024,delta,change_pct",
      "Läkemedel,94,161,67,71.28",
      "Antibiotika,3000,2700,-300,-10",
      "Öppenvård,null,null,null,null",
      "ambulans,0,50,50,null",
    ])
    // Without `by`, the column the value reads (unit) leaves the key, as `value` does:
    // "mnkr" has 4 letters, "st" 2; Öppenvård has no 2023 row.
    #expect(try run("from facts | where kind == \"utfall\" | compare year 2023 vs 2024 value length(unit)") == [
      "report,indicator,kind,2023,2024,delta,change_pct",
      "r,Läkemedel,utfall,4,4,0,0",
      "r,Antibiotika,utfall,2,2,0,0",
      "r,Öppenvård,utfall,null,4,null,null",
      "r,ambulans,utfall,2,2,0,0",
    ])
    #expect(failure("from facts | compare year 2023 vs 2024 value indicator").contains(
      "error: compare needs numbers to put side by side, but this is text"))
  }

  /// The warnings of `query`, rendered.
  func warnings(_ query: String) throws -> [String] {
    var engine = Fixture.engine
    var out: [String] = []
    try engine.run(SourceFile(name: "<test>", text: query)) { warning in
      out.append(warning.rendered)
    } output: { _ in }
    return out
  }

  @Test func aSideThatMatchesNoRowIsAWarning() throws {
    #expect(try warnings("from facts | compare year 2019 vs 2024 by indicator, kind") == ["""
      <test>:1:27: warning: no row has year 2019, so the column '2019' is empty
      from facts | compare year 2019 vs 2024 by indicator, kind
                                ^~~~
      help: year here is one of 2023, 2024
      """])
    #expect(try warnings("from facts | compare kind budgt vs utfall by indicator, year") == ["""
      <test>:1:27: warning: no row has kind "budgt", so the column 'budgt' is empty
      from facts | compare kind budgt vs utfall by indicator, year
                                ^~~~~
      help: did you mean "budget"?
      """])
    let one = try warnings("from facts | where year == 2023 | compare kind budget vs utfall by indicator")
    #expect(one.count == 1)
    #expect(one.first?.contains("warning: no row has kind \"budget\"") == true)
    #expect(try warnings("from facts | compare year 2023 vs 2024 by indicator, kind").isEmpty)
    let none = try warnings("from facts | where year == 1 | compare year 2023 vs 2024")
    #expect(none.count == 1)
    #expect(none.first?.contains("help: there are no rows with a value in 'year' here") == true)
  }

  @Test func compareWithAParameterSide() throws {
    var engine = Fixture.engine
    engine.parameters["from"] = .text("2023")
    #expect(try run("from facts | where indicator == \"ambulans\" | compare year $from vs 2024 by indicator", engine: &engine) == [
      "indicator,2023,2024,delta,change_pct", "ambulans,0,5,5,null",
    ])
  }

  /// `measure` is keyed without the compared values: the year headers `Utfall 2023` and
  /// `Utfall 2024` pair up, the series `Region Halland` and `Riket` stay apart.
  @Test func measureIsKeyedWithoutTheComparedValues() throws {
    let facts = Fixture.table(
      "facts", [("indicator", .text), ("measure", .text), ("year", .number), ("value", .number)],
      [
        [.text("A"), .text("Utfall 2023"), .int(2023), .int(10)],
        [.text("A"), .text("Utfall 2024"), .int(2024), .int(12)],
        [.text("B"), .text("Region Halland"), .int(2024), .int(90)],
        [.text("B"), .text("Riket"), .int(2024), .int(87)],
      ])
    var engine = Engine(catalog: Catalog([facts]))
    #expect(try run("from facts | compare year 2023 vs 2024", engine: &engine) == [
      "indicator,measure,2023,2024,delta,change_pct",
      "A,Utfall,10,12,2,20", "B,Region Halland,null,90,null,null", "B,Riket,null,87,null,null",
    ])
    #expect(try run("from facts | pivot year", engine: &engine) == [
      "indicator,measure,2023,2024", "A,Utfall,10,12", "B,Region Halland,null,90", "B,Riket,null,87",
    ])
  }

  @Test func compareRefusesToPickBetweenDuplicateRows() {
    #expect(failure("from facts | compare year 2023 vs 2024 by report") == """
      <test>:1:14: error: compare found more than one row for the key report = "r" where the column is 2023
      from facts | compare year 2023 vs 2024 by report
                   ^~~~~~~
      help: name the columns that identify a row with `by …`, or narrow the rows with `where` first
      """)
  }

  @Test func pivotMakesOneColumnPerValueInSortedOrder() throws {
    #expect(try run("from facts | where kind == \"utfall\" | pivot year by indicator") == [
      "indicator,2023,2024", "Läkemedel,9.4,16.1", "Antibiotika,300,270", "Öppenvård,null,null", "ambulans,0,5",
    ])
    // Text values become columns in Swedish order: budget before utfall.
    #expect(try run("from facts | where year == 2024 | pivot kind by indicator") == [
      "indicator,budget,utfall", "Läkemedel,15,16.1", "Antibiotika,null,270", "Öppenvård,null,null", "ambulans,null,5",
    ])
  }

  @Test func pivotWithAnAggregateCombinesRows() throws {
    // Läkemedel utfall: 9.4 + 16.1 = 25.5.
    #expect(try run("from facts | pivot kind value sum(value) by indicator") == [
      "indicator,budget,utfall", "Läkemedel,15,25.5", "Antibiotika,null,570", "Öppenvård,null,null", "ambulans,null,5",
    ])
  }

  @Test func pivotColumnsAreCheckedAfterThePivot() throws {
    #expect(try run("from facts | where kind == \"utfall\" | pivot year by indicator | where `2024` > 100") == [
      "indicator,2023,2024", "Antibiotika,300,270",
    ])
    #expect(failure("from facts | where kind == \"utfall\" | pivot year by indicator | select `2025`").contains("unknown column '2025'"))
  }

  @Test func pivotRefusesThousandsOfColumns() {
    let rows: [[Value]] = (0..<1500).map { [.int($0), .int(1)] }
    let engine = Engine(catalog: Catalog([Fixture.table("t", [("line", .number), ("value", .number)], rows)]))
    #expect(failure("from t | pivot line", engine: engine).contains("error: pivot would make 1500 columns"))
  }

  @Test func pivotRefusesDuplicateCells() {
    #expect(failure("from facts | pivot year by kind").contains(
      "error: pivot found more than one row for the key kind = \"utfall\" in column 2023"))
  }

  // MARK: Roles, not names

  /// A source whose columns carry the roles under other names: `belopp` is the value,
  /// `rad` a position, `rubrik` a header, and `value` an ordinary number.
  static var budget: Engine {
    let budget = Fixture.table(
      "budget",
      [
        Field("enhet", .text), Field("rubrik", .text, role: .header), Field("år", .number),
        Field("belopp", .number, role: .value), Field("rad", .number, role: .position), Field("value", .number),
      ],
      [
        [.text("A"), .text("Utfall 2023"), .int(2023), .int(10), .int(1), .int(7)],
        [.text("A"), .text("Utfall 2024"), .int(2024), .int(12), .int(2), .int(7)],
        [.text("B"), .text("Utfall 2023"), .int(2023), .int(5), .int(3), .int(8)],
        [.text("B"), .text("Utfall 2024"), .int(2024), .int(4), .int(4), .int(8)],
      ])
    let texts = Fixture.table(
      "lines",
      [Field("report", .text), Field("nummer", .number, role: .position), Field("innehåll", .text, role: .text)],
      [
        [.text("r"), .int(1), .text("Kostnaden för läkemedel ökade")],
        [.text("r"), .int(2), .text("Budgeten hölls")],
      ])
    return Engine(catalog: Catalog([budget, texts]))
  }

  @Test func compareTakesTheValueColumnByItsRole() throws {
    var engine = Self.budget
    // The key leaves out `belopp` (value) and `rad` (position), keeps `value`, and keys the
    // header `rubrik` without the compared years.
    #expect(try run("from budget | compare år 2023 vs 2024", engine: &engine) == [
      "enhet,rubrik,value,2023,2024,delta,change_pct", "A,Utfall,7,10,12,2,20", "B,Utfall,8,5,4,-1,-20",
    ])
    #expect(try run("from budget | compare år 2023 vs 2024 by enhet", engine: &engine) == [
      "enhet,2023,2024,delta,change_pct", "A,10,12,2,20", "B,5,4,-1,-20",
    ])
    #expect(failure("from budget | compare år 2023 vs 2024 by belopp", engine: engine).contains(
      "'belopp' cannot be a key of compare"))
  }

  @Test func pivotTakesTheValueColumnByItsRole() throws {
    var engine = Self.budget
    #expect(try run("from budget | pivot år", engine: &engine) == [
      "enhet,rubrik,value,2023,2024", "A,Utfall,7,10,12", "B,Utfall,8,5,4",
    ])
  }

  @Test func rolesFollowNamesAlongThePipeline() throws {
    var engine = Self.budget
    // `summarize belopp = …` keeps the role of the input's `belopp`; a new name has none.
    #expect(try run("from budget | summarize belopp = sum(belopp) by enhet, år | compare år 2023 vs 2024", engine: &engine) == [
      "enhet,2023,2024,delta,change_pct", "A,10,12,2,20", "B,5,4,-1,-20",
    ])
    #expect(failure("from budget | select enhet, år, summa = belopp | compare år 2023 vs 2024", engine: engine).contains(
      "there is no 'value' column here"))
    // A `let` view keeps its columns' roles.
    #expect(try run("let b = from budget | where enhet == \"A\"\nfrom b | compare år 2023 vs 2024 by enhet", engine: &engine) == [
      "enhet,2023,2024,delta,change_pct", "A,10,12,2,20",
    ])
  }

  @Test func searchReadsTheTextColumnByItsRole() throws {
    var engine = Self.budget
    #expect(try run("search \"läkemedel\"", engine: &engine) == [
      "report,nummer,innehåll", "r,1,Kostnaden för läkemedel ökade",
    ])
  }
}
