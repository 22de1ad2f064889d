import HQData
import HQEngine
import HQSyntax
import Testing

/// Random pipelines made of valid and invalid stages: each must end in a result or a
/// diagnostic, never a crash or a hang.
@Suite struct RobustnessTests {
  static let stages = [
    "where value > 10", "where indicator ~ \"ä\"", "where year in [2023, 2024]", "where value is null",
    "where kind == budget", "where nope > 1", "select indicator, value", "select x = value / 0",
    "select value * value * value * value * value", "derive d = value - 1", "derive kind = upper(kind)",
    "summarize n = count(), s = sum(value) by kind", "summarize m = median(value), sd = stddev(value)",
    "summarize c = count_distinct(indicator) by year", "sort value desc", "sort indicator, year",
    "take 3", "take 0", "distinct", "distinct kind", "count", "top 2 by value", "compare year 2023 vs 2024",
    "compare kind budget vs utfall by indicator", "compare year 2023 vs 2024 by report", "pivot year",
    "pivot kind value sum(value) by indicator", "join goals on report", "left join goals on report",
    "where `2024` > 1", "select first = min(value)", "sort abs(value - 100)", "derive r = round(value, -1)",
    "where coalesce(value, 0) >= 0 and not (unit == \"st\")",
  ]

  @Test func randomPipelinesNeverCrash() {
    var random = SplitMix64(seed: 7)
    var results = 0
    var errors = 0
    for _ in 0..<600 {
      var query = ["from facts", "search \"läkemedel\"", "from goals"][Int(random.next() % 3)]
      for _ in 0..<(1 + Int(random.next() % 4)) {
        query += " | " + Self.stages[Int(random.next() % UInt64(Self.stages.count))]
      }
      var engine = Fixture.engine
      do {
        _ = try run(query, engine: &engine)
        results += 1
      } catch {
        errors += 1
      }
    }
    #expect(results + errors == 600)
    #expect(results > 50)
  }

  @Test func sumsBeyondEighteenDigitsAreAnError() {
    let big = Fixture.table("t", [("v", .number)], [[.int(9_000_000_000_000_000_000)], [.int(9_000_000_000_000_000_000)]])
    let engine = Engine(catalog: Catalog([big]))
    #expect(failure("from t | summarize s = sum(v)", engine: engine).contains("error: number overflow"))
    #expect(failure("from t | summarize a = avg(v)", engine: engine) == "no error")
  }

  /// Found: `top N` with N ≥ 2^60 trapped (the heap-or-sort choice computed `N * 8`), also
  /// through a parameter. Row counts near Int.max now mean "all rows".
  @Test func hugeRowCountsInTopAndTakeAreAllRows() throws {
    var engine = Fixture.engine
    let all = try run("from facts | count", engine: &engine)
    for count in ["1152921504606846976", "9223372036854775807", "$n"] {
      engine.parameters["n"] = .int(999_999_999_999_999_999)
      let top = try run("from facts | top \(count) by value | count", engine: &engine)
      #expect(top == all, "top \(count)")
      let sortTake = try run("from facts | sort value | take \(count) | count", engine: &engine)
      #expect(sortTake == all, "sort | take \(count)")
      let take = try run("from facts | take \(count) | count", engine: &engine)
      #expect(take == all, "take \(count)")
    }
    // A literal beyond Int is a diagnostic, not a trap.
    #expect(failure("from facts | top 99999999999999999999 by value", engine: engine).contains("too large for 'top'"))
  }
}
