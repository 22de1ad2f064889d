import HQData
import HQEngine
import HQSyntax
import Testing

/// `derive … by … sort …` and `top … per …` over seven hand-written rows; every expected value
/// is worked out in the comments from the rows of ``WindowTests/engine``.
@Suite struct WindowTests {
  /// Input order: row 0 … row 6. Region A in year order: rows 2, 0, 3, 5 (values 8, 10, null,
  /// 12.5); region B in year order: rows 4, 1, 6 (values 5, 5, 7).
  static var engine: Engine {
    let w = Fixture.table(
      "w", [("region", .text), ("year", .number), ("value", .number)],
      [
        [.text("A"), .int(2022), Fixture.n("10")],
        [.text("B"), .int(2022), Fixture.n("5")],
        [.text("A"), .int(2021), Fixture.n("8")],
        [.text("A"), .int(2023), .null],
        [.text("B"), .int(2021), Fixture.n("5")],
        [.text("A"), .int(2024), Fixture.n("12.5")],
        [.text("B"), .int(2023), Fixture.n("7")],
      ])
    return Engine(catalog: Catalog([w]))
  }

  func rows(_ query: String) throws -> [String] {
    var engine = Self.engine
    return try run(query, engine: &engine)
  }

  @Test func lagLeadAndRowNumberFollowSortWithinTheGroupInInputOrder() throws {
    #expect(try rows("from w | derive prev = lag(value), next = lead(value), n = row_number() by region sort year") == [
      "region,year,value,prev,next,n",
      "A,2022,10,8,null,2",
      "B,2022,5,5,7,2",
      "A,2021,8,null,10,1",
      "A,2023,null,10,12.5,3",
      "B,2021,5,null,5,1",
      "A,2024,12.5,null,null,4",
      "B,2023,7,5,null,3",
    ])
  }

  @Test func lagAndLeadTakeARowCount() throws {
    // A: 8 10 null 12.5 → two back: null null 8 10; B: 5 5 7 → null null 5.
    #expect(try rows("from w | derive p2 = lag(value, 2), same = lag(value, 0), y = lead(year, 3) by region sort year | select p2, same, y") == [
      "p2,same,y", "null,10,null", "null,5,null", "null,8,2024", "8,null,null", "null,5,null", "10,12.5,null", "5,7,null",
    ])
  }

  @Test func withoutSortTheOrderIsTheInputOrder() throws {
    // All rows one group, in input order: lag is the row above.
    #expect(try rows("from w | derive above = lag(region), n = row_number() | select above, n") == [
      "above,n", "null,1", "A,2", "B,3", "A,4", "A,5", "B,6", "A,7",
    ])
  }

  @Test func rankLeavesGapsAfterTiesAndDenseRankDoesNot() throws {
    // By value desc over all rows: 12.5 (row 5), 10 (0), 8 (2), 7 (6), 5 (1), 5 (4), null (3).
    #expect(try rows("from w | derive r = rank(), d = dense_rank() sort value desc | select value, r, d") == [
      "value,r,d", "10,2,2", "5,5,5", "8,3,3", "null,7,6", "5,5,5", "12.5,1,1", "7,4,4",
    ])
    // Within regions: A 12.5, 10, 8, null → 1 2 3 4; B 7, 5, 5 → 1 2 2.
    #expect(try rows("from w | derive r = rank(), d = dense_rank() by region sort value desc | select r, d") == [
      "r,d", "2,2", "2,2", "3,3", "4,4", "2,2", "1,1", "1,1",
    ])
  }

  @Test func runningSumAndMovingAverage() throws {
    // A in year order 8, 10, null, 12.5: sums 8, 18, 18, 30.5; means of two rows 8, 9, 10, 12.5;
    // of three rows 8, 9, 9, 11.25. B 5, 5, 7: sums 5, 10, 17; means of two 5, 5, 6.
    #expect(try rows("from w | derive s = running_sum(value), m2 = moving_avg(value, 2), m3 = moving_avg(value, 3) by region sort year | select s, m2, m3") == [
      "s,m2,m3", "18,9,9", "10,5,5", "8,8,8", "18,10,9", "5,5,5", "30.5,12.5,11.25", "17,6,5.666666666667",
    ])
    // A's first row in this order is the null of 2023: no sum yet.
    #expect(try rows("from w | where year >= 2023 | derive s = running_sum(value) by region sort year | select region, s") == [
      "region,s", "A,null", "A,12.5", "B,7",
    ])
  }

  @Test func aggregatesAreComputedOverTheRowsGroup() throws {
    // A: 8 + 10 + 12.5 = 30.5; B: 5 + 5 + 7 = 17. 10 / 30.5 = 32.79 %, 5 / 17 = 29.41 %,
    // 8 / 30.5 = 26.23 %, 12.5 / 30.5 = 40.98 %, 7 / 17 = 41.18 %.
    #expect(try rows("from w | derive share = round(value / sum(value) * 100, 1), n = count() by region | select share, n") == [
      "share,n", "32.8,4", "29.4,3", "26.2,4", "null,4", "29.4,3", "41,4", "41.2,3",
    ])
    #expect(try rows("from w | derive total = sum(value), top = max(value) | select total, top | take 2") == [
      "total,top", "47.5,12.5", "47.5,12.5",
    ])
  }

  @Test func firstAndLastFollowTheSortClause() throws {
    // Input order: A's first non-null is 10 (row 0); in year order it is 8 (2021).
    #expect(try rows("from w | derive f = first(value), l = last(value) by region | select region, f, l | take 2") == [
      "region,f,l", "A,10,12.5", "B,5,7",
    ])
    #expect(try rows("from w | derive f = first(value), l = last(value) by region sort year desc | select region, f, l | take 2") == [
      "region,f,l", "A,12.5,8", "B,7,5",
    ])
  }

  @Test func growthOverThePreviousYear() throws {
    // A: 10 vs 8 → +25 %; 2023 null; 2024 vs null → null. B: 5 vs 5 → 0 %; 7 vs 5 → +40 %.
    #expect(try rows("from w | derive g = round((value - lag(value)) / abs(lag(value)) * 100, 1) by region sort year | select g") == [
      "g", "25", "0", "null", "null", "null", "null", "40",
    ])
  }

  @Test func topPerGroupKeepsNRowsOfEachGroup() throws {
    // A (first seen) 12.5, 10; B 7, then the tie 5/5 keeps row 1 (input order).
    #expect(try rows("from w | top 2 by value per region | select region, year, value") == [
      "region,year,value", "A,2024,12.5", "A,2022,10", "B,2023,7", "B,2022,5",
    ])
    #expect(try rows("from w | top 1 by year asc per region | select region, year") == ["region,year", "A,2021", "B,2021"])
    #expect(try rows("from w | top 0 by year per region") == ["region,year,value"])
    #expect(try rows("from w | top 5 by year per region, value | count") == ["count", "7"])
  }

  @Test func windowErrorsSayWhatToWrite() {
    let engine = Self.engine
    #expect(failure("from w | where lag(value) > 1", engine: engine).contains("error: the window function 'lag' can only be used in 'derive'"))
    #expect(failure("from w | derive r = rank() by region", engine: engine).contains(
      "error: rank() ranks the rows by the 'sort' keys of 'derive', but there are none"))
    #expect(failure("from w | derive x = sum(lag(value))", engine: engine).contains("error: aggregates and window functions cannot be nested"))
    #expect(failure("from w | derive x = lag(sum(value))", engine: engine).contains("error: aggregates and window functions cannot be nested"))
    #expect(failure("from w | derive x = value by region", engine: engine).contains(
      "error: 'by' in 'derive' names the groups of aggregates and window functions, but no item uses one"))
    #expect(failure("from w | derive x = value sort year", engine: engine).contains(
      "error: 'sort' in 'derive' orders the rows for window functions, but no item uses one"))
    #expect(failure("from w | derive x = lag(value, -1)", engine: engine).contains("error: lag's row count must be a whole number of at least 0"))
    #expect(failure("from w | derive x = moving_avg(value, 0)", engine: engine).contains("error: moving_avg's row count must be a whole number of at least 1"))
    #expect(failure("from w | derive x = moving_avg(value, year)", engine: engine).contains("error: moving_avg's row count must be a constant whole number"))
    #expect(failure("from w | derive x = lag()", engine: engine).contains("error: lag takes 1 to 2 arguments, but 0 were given"))
    #expect(failure("from w | derive x = row_number(value)", engine: engine).contains("error: row_number takes no arguments, but 1 was given"))
    #expect(failure("from w | derive x = running_sum(region)", engine: engine).contains("error: running_sum needs numbers, but this is text"))
    #expect(failure("from w | derive x = lag(value) by regoin", engine: engine).contains("help: did you mean 'region'?"))
    #expect(failure("from w | top 2 by value per regoin", engine: engine).contains("help: did you mean 'region'?"))
  }

  @Test func runningSumOverflowIsAnError() {
    let big = Fixture.table("big", [("v", .number)], [[Fixture.n("9000000000000000000")], [Fixture.n("9000000000000000000")]])
    let engine = Engine(catalog: Catalog([big]))
    #expect(failure("from big | derive s = running_sum(v)", engine: engine).contains("error: number overflow"))
    #expect(failure("from big | derive s = moving_avg(v, 2)", engine: engine) == "no error")
  }
}
