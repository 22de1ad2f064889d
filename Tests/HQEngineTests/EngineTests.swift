import HQData
import HQEngine
import HQSyntax
import Testing

/// The façade: statements in sequence, `let` views, parameters, completion, cancellation.
@Suite struct EngineTests {
  @Test func letBindsAViewForLaterStatements() throws {
    var engine = Fixture.engine
    #expect(try run("let lak = from facts | where indicator == \"Läkemedel\"\nfrom lak | count", engine: &engine) == ["count", "3"])
    #expect(try run("from lak | summarize s = sum(value)", engine: &engine) == ["s", "40.5"])
    #expect(engine.sourceNames.contains("lak"))
  }

  @Test func aColumnThatCannotShareOneScaleIsQueriedExactly() throws {
    // 922337203685477581 cannot be written at scale 2 (× 100 overflows Int64), so the column
    // keeps per-row scales; the engine must read them without a normalizing pass of its own.
    let big = Fixture.table("big", [("name", .text), ("v", .number)], [
      [.text("stor"), Fixture.n("922337203685477581")], [.text("liten"), Fixture.n("0.05")],
      [.text("mitt"), Fixture.n("1.5")], [.text("tom"), .null],
    ])
    guard case .number(_, let scales, let uniform)? = big.column(named: "v")?.storage else {
      Issue.record("v is not a number column")
      return
    }
    #expect(uniform == nil)
    #expect(scales == [0, 2, 1, 0])
    var engine = Engine(catalog: Catalog([big]))
    #expect(try run("from big | sort v | select name", engine: &engine) == ["name", "liten", "mitt", "stor", "tom"])
    #expect(try run("from big | where v < 2 | count", engine: &engine) == ["count", "2"])
    #expect(try run("from big | where v == 1.50 | select name", engine: &engine) == ["name", "mitt"])
    #expect(try run("from big | where v < 2 | summarize s = sum(v)", engine: &engine) == ["s", "1.55"])
  }

  @Test func statementsRunInOrderAndStopAtTheFirstFailure() {
    var engine = Fixture.engine
    var seen: [Int] = []
    do {
      try engine.run(SourceFile(name: "<test>", text: "from facts | count; let a = from goals; from nope")) { seen.append($0.rowCount) }
      Issue.record("expected the third statement to fail")
    } catch {
      #expect(seen == [1])
      #expect(engine.sourceNames.contains("a"))
    }
  }

  @Test func parametersThatReadAsNumbersAreNumbers() throws {
    var engine = Fixture.engine
    engine.parameters["y"] = Engine.parameterValue("2024")
    engine.parameters["k"] = Engine.parameterValue("budget")
    engine.parameters["n"] = .text("2")
    #expect(try run("from facts | where year == $y and kind == $k | select value", engine: &engine) == ["value", "15"])
    #expect(try run("from facts | take $n | count", engine: &engine) == ["count", "2"])
  }

  @Test func completionColumnsFollowThePipeline() {
    let engine = Fixture.engine
    #expect(engine.columns(afterPipelinePrefix: "from facts | summarize n = count() by kind | where ")?.map(\.name) == ["kind", "n"])
    #expect(engine.columns(afterPipelinePrefix: "from goals | select na")?.map(\.name) == ["report", "name", "status"])
    #expect(engine.columns(afterPipelinePrefix: "from goals | select name, status | sort ")?.map(\.name) == ["name", "status"])
    #expect(engine.columns(afterPipelinePrefix: "from nothing | where ") == nil)
    #expect(engine.columns(afterPipelinePrefix: "search \"x\" | ")?.map(\.name) == ["report", "section", "line", "text"])
  }

  @Test func cancellationStopsTheStatement() {
    var engine = Fixture.engine
    let token = CancellationToken()
    token.cancel()
    do {
      try engine.run(SourceFile(name: "<test>", text: "from facts | count"), cancellation: token) { _ in }
      Issue.record("expected cancellation")
    } catch {
      if case .cancelled = error {} else { Issue.record("expected .cancelled, got \(error)") }
    }
  }

  @Test func syntaxErrorsComeFromTheParser() {
    #expect(failure("from facts | wher value > 1").contains("error:"))
  }
}
