import HQData
import HQEngine
import HQSyntax
import Testing

/// The `chart` stage in the engine: how rows become series over x positions, and the errors
/// for what cannot be drawn; and the cell charts `spark(x)` and `bar(x, max)`. Every value
/// is read off the rows of ``Fixture/facts``.
@Suite struct ChartTests {
  /// The chart a query ends in (nil when it ends in a table or fails).
  func chart(_ query: String, engine: Engine = Fixture.engine) throws -> Chart? {
    var engine = engine
    var chart: Chart?
    try engine.run(SourceFile(name: "<test>", text: query), warning: { _ in }) { result in
      if case .chart(let c) = result { chart = c }
    }
    return chart
  }

  func texts(_ values: [[Number?]]) -> [[String]] {
    values.map { $0.map { $0?.description ?? "null" } }
  }

  @Test func lineSeriesOverIncreasingNumbers() throws {
    let c = try #require(try chart("from facts | where kind == \"utfall\" | sort year desc | chart line value by year series indicator"))
    #expect(c.kind == .line)
    // x increases whatever the row order; series in order of first appearance (after the sort).
    #expect(c.positions?.map(\.description) == ["2023", "2024"])
    #expect(c.seriesNames == ["Läkemedel", "Antibiotika", "Öppenvård", "ambulans"])
    #expect(texts(c.values) == [["9.4", "16.1"], ["300", "270"], ["null", "null"], ["0", "5"]])
    #expect(c.unit == nil, "mnkr and st: no one unit")
    #expect(c.valueAxisName == "value" && c.labelName == "year" && c.seriesName == "indicator")
  }

  @Test func barsOnePerRowInRowOrderWithTheUnit() throws {
    let c = try #require(try chart("from facts | where indicator == \"Läkemedel\" | chart bar value by kind title \"Läkemedel\""))
    #expect(c.categories == ["utfall", "utfall", "budget"])
    #expect(texts(c.values) == [["9.4", "16.1", "15"]])
    #expect(c.unit == "mnkr" && c.valueAxisName == "value (mnkr)" && c.title == "Läkemedel")
  }

  @Test func severalValueColumnsAreSeries() throws {
    let c = try #require(try chart("from facts | where kind == \"utfall\" | select indicator, a = value, b = value * 2 | take 2 | chart bar a, b by indicator"))
    #expect(c.seriesNames == ["a", "b"] && c.valueName == "a, b")
    #expect(c.categories == ["Läkemedel", "Läkemedel"])
    #expect(texts(c.values) == [["9.4", "16.1"], ["18.8", "32.2"]])
  }

  @Test func groupedBarsPutEachSeriesUnderItsLabel() throws {
    let c = try #require(try chart("from facts | where indicator == \"Läkemedel\" | chart bar value by year series kind"))
    #expect(c.categories == ["2023", "2024"] && c.seriesNames == ["utfall", "budget"])
    #expect(texts(c.values) == [["9.4", "16.1"], ["null", "15"]])
  }

  @Test func cellCharts() throws {
    // 257 / 306 × 10 cells × 8 = 67.2 eighths → 67 = 8 cells and 3/8 (▍); x ≤ 0 is empty;
    // past max the bar is full; 1 of 4 in 4 cells is one cell.
    #expect(try run("from goals | take 1 | select a = bar(257, 306), b = bar(-1, 5), c = bar(9, 5), d = bar(1, 4, 4), e = bar(1, 0)") == [
      "a,b,c,d,e", "████████▍,,██████████,█,null",
    ])
    // 306 257 280 276 (null): min 257 → ▁, max 306 → █, 280: 23/49 × 7 = 3.3 → level 3 ▄,
    // 276: 19/49 × 7 = 2.7 → ▄; a null is a space. Equal values are all ▄.
    var engine = Engine(catalog: Catalog([Fixture.table(
      "t", [("g", .text), ("value", .number)],
      [[.text("x"), Fixture.n("306")], [.text("x"), Fixture.n("257")], [.text("x"), Fixture.n("280")],
       [.text("x"), Fixture.n("276")], [.text("x"), .null], [.text("y"), Fixture.n("2")], [.text("y"), Fixture.n("2")]])]))
    #expect(try run("from t | summarize s = spark(value) by g", engine: &engine) == ["g,s", "x,█▁▄▄ ", "y,▄▄"])
    #expect(failure("from facts | summarize s = spark(indicator)").contains("error: spark draws numbers"))
  }

  @Test func errorsSayWhatAndWhere() {
    #expect(failure("from facts | chart bar indicator by year") == """
      <test>:1:24: error: a chart draws numbers, but 'indicator' holds text
      from facts | chart bar indicator by year
                             ^~~~~~~~~
      help: draw a number column, e.g. chart bar year by indicator
      """)
    #expect(failure("from facts | where year == 1999 | chart bar value by indicator").hasPrefix(
      "<test>:1:35: error: there are no rows to chart\n"))
    #expect(failure("from facts | chart line value by year series indicator").hasPrefix(
      "<test>:1:14: error: rows 2 and 5 both give a value for \"Läkemedel\" at year \"2024\"; a line chart draws one\n"))
    #expect(failure("from facts | chart bar value by indicator | take 1").hasPrefix(
      "<test>:1:45: error: 'chart' ends a pipeline: nothing can follow it\n"))
    #expect(failure("let c = from facts | chart bar value by indicator").hasPrefix(
      "<test>:1:22: error: a chart cannot be bound with 'let'"))
    #expect(failure("from facts | chart pie value by indicator").hasPrefix(
      "<test>:1:20: error: expected the kind of chart after 'chart' (bar or line), found 'pie'"))
    #expect(failure("from facts | chart bar value by indicator sries kind").contains("help: did you mean 'series'?"))
    #expect(failure("from facts | chart bar value, year by indicator series kind").contains(
      "error: a chart of several columns draws each column as a series, so it cannot also have 'series'"))
    #expect(failure("from facts | chart bar value by indicator width 5").contains("error: a chart's width must be from 20 to 1000 columns, not 5"))
    #expect(failure("from facts | where value is null | chart bar value by indicator").contains(
      "error: there is no number to draw: every 'value' here is null"))
  }

  @Test func lineOverTextKeepsTheOrderOfTheRows() throws {
    let c = try #require(try chart("from facts | where indicator == \"Läkemedel\" | chart line value by kind series year"))
    #expect(c.positions == nil && c.categories == ["utfall", "budget"] && c.count == 2)
    #expect(c.seriesNames == ["2023", "2024"])
    #expect(texts(c.values) == [["9.4", "null"], ["16.1", "15"]])
    #expect(c.label(at: 1) == "budget")
  }

  @Test func moreColumnsThanCanBeToldApartIsAnError() {
    let columns = (1...9).map { "v\($0) = value" }.joined(separator: ", ")
    let names = (1...9).map { "v\($0)" }.joined(separator: ", ")
    // The caret is under the ninth column, v9, the first one too many.
    let message = failure("from facts | select indicator, \(columns) | chart bar \(names) by indicator")
    #expect(message.contains("error: a chart tells at most 8 series apart, but 9 columns are drawn here"))
    #expect(message.contains("help: draw at most 8 columns in one chart"))
    let lines = message.split(separator: "\n")
    #expect(lines.count == 4 && lines[2].drop { $0 == " " }.hasPrefix("^~") && lines[1].dropFirst(lines[2].prefix { $0 == " " }.count).hasPrefix("v9 by"))
  }

  @Test func moreSeriesThanCanBeToldApartIsAnError() {
    let rows: [[Value]] = (1...9).map { [.text("s\($0)"), .int(2024), .int($0)] }
    let engine = Engine(catalog: Catalog([Fixture.table("t", [("name", .text), ("year", .number), ("value", .number)], rows)]))
    #expect(failure("from t | chart line value by year series name", engine: engine) == """
      <test>:1:42: error: a chart tells at most 8 series apart, but 'name' has 9 values here
      from t | chart line value by year series name
                                               ^~~~
      help: keep the series to compare before 'chart', e.g. | where name in ["s1", "s2", "s3"] | chart …
      """)
  }
}
