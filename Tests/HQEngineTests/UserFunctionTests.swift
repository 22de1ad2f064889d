import HQData
import HQEngine
import HQSyntax
import Testing

/// `let NAME(PARAM, …) = EXPR` over ``Fixture/facts``, values worked out by hand.
@Suite struct UserFunctionTests {
  @Test func aFunctionIsExpandedWhereItIsCalled() throws {
    var engine = Fixture.engine
    // Läkemedel utfall 9.4 → 16.1: 16.1 / 9.4 = 171.28 %; 15 / 16.1 = 93.17 %.
    #expect(try run("""
      let pct(a, b) = round(a / b * 100, 1)
      from facts | where indicator == "Läkemedel" | select kind, year, p = pct(value, 9.4)
      """, engine: &engine) == ["kind,year,p", "utfall,2023,100", "utfall,2024,171.3", "budget,2024,159.6"])
    // The function stays for later statements, and may be used with other functions.
    #expect(try run("from facts | where year == 2023 | select v = pct(value, 300) + 1", engine: &engine) == [
      "v", "4.1", "101", "1",
    ])
    #expect(engine.functions["pct"]?.definition == "let pct(a, b) = round(a / b * 100, 1)")
  }

  @Test func functionsMayUseAggregatesAndOtherFunctions() throws {
    var engine = Fixture.engine
    // 2024 utfall: 16.1 270 null 5, sum 291.1: 16.1 / 291.1 = 5.53 %, 270 / 291.1 = 92.75 %, 5 → 1.72 %.
    #expect(try run("""
      let pct(a, b) = round(a / b * 100, 2)
      let share(x) = pct(x, sum(x))
      from facts | where year == 2024 and kind == "utfall" | derive s = share(value) | select indicator, s
      """, engine: &engine) == ["indicator,s", "Läkemedel,5.53", "Antibiotika,92.75", "Öppenvård,null", "ambulans,1.72"])
    // In summarize, `share(value)` leaves `value` outside an aggregate; pct of a sum is fine:
    // utfall 9.4 + 16.1 + 300 + 270 + 0 + 5 = 600.5, budget 15.
    #expect(try run("from facts | summarize s = pct(sum(value), 100) by kind", engine: &engine) == ["kind,s", "utfall,600.5", "budget,15"])
    #expect(failure("from facts | summarize s = share(value) by kind", engine: engine).contains(
      "<test>:1:34: error: column 'value' is neither in 'by' nor inside an aggregate"))
  }

  @Test func definitionsAreCheckedWhenMade() {
    let engine = Fixture.engine
    #expect(failure("let f(a) = a + b", engine: engine).contains("error: 'b' is not a parameter of f"))
    #expect(failure("let round(x) = x", engine: engine).contains("error: 'round' is a built-in function"))
    #expect(failure("let f(a) = g(a)", engine: engine).contains("error: unknown function 'g'"))
    #expect(failure("let f(a) = f(a)", engine: engine).contains("help: a function cannot call itself"))
    #expect(failure("let f(a, a) = a", engine: engine).contains("error: the parameter 'a' is named twice"))
    #expect(failure("let f(a) = from facts", engine: engine).contains("error: a function computes an expression, not a pipeline"))
  }

  @Test func callsAreCheckedWhereTheyAreWritten() {
    var engine = Fixture.engine
    _ = try? run("let pct(a, b) = round(a / b * 100, 1)\nlet up(t) = upper(t)", engine: &engine)
    #expect(failure("from facts | select pct(value)", engine: engine).contains("error: pct takes 2 arguments, but 1 was given"))
    #expect(failure("from facts | select pct(value)", engine: engine).contains("help: it is defined as let pct(a, b) = round(a / b * 100, 1)"))
    // A type error inside the body points at the call.
    #expect(failure("from facts | select up(value)", engine: engine) == """
      <test>:1:24: error: upper needs text here, but this is a number
      from facts | select up(value)
                             ^~~~~
      """)
    #expect(failure("from facts | select pct(indicator, 1)", engine: engine).contains("error: '/' needs numbers, but this is text"))
    #expect(failure("from facts | select pcr(value, 1)", engine: engine).contains("help: did you mean 'pct'?"))
  }

  @Test func deepExpansionStops() {
    var engine = Fixture.engine
    var script = "let f0(x) = x + 1\n"
    for i in 1...20 { script += "let f\(i)(x) = f\(i - 1)(x)\n" }
    _ = try? run(script, engine: &engine)
    #expect(failure("from facts | select f20(value)", engine: engine).contains("error: in f20: functions call each other more than 16 deep"))
    #expect((try? run("from facts | take 1 | select v = f10(value)", engine: &engine)) == ["v", "10.4"])
  }
}
