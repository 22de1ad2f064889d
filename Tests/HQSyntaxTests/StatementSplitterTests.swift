import HQSyntax
import Testing

@Suite struct StatementSplitterTests {
  @Test func completeAndEmpty() {
    #expect(StatementSplitter.state(of: "") == .empty)
    #expect(StatementSplitter.state(of: "  # just a comment") == .empty)
    #expect(StatementSplitter.state(of: "from facts") == .complete)
    #expect(StatementSplitter.state(of: "from facts | take 5 # done") == .complete)
    #expect(StatementSplitter.state(of: "from facts;") == .complete)
    #expect(StatementSplitter.state(of: "from facts | where x == \"a # not a comment\"") == .complete)
  }

  @Test func needsContinuation() {
    #expect(StatementSplitter.state(of: "from facts |") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "from facts |   # more below") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "from facts | where a and") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "from facts | where a +") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "from facts | where a ==") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "from facts | select a,") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "let x =") == .incomplete(.trailingOperator))
    #expect(StatementSplitter.state(of: "from facts | where x in [1,\n 2") == .incomplete(.openBracket))
    #expect(StatementSplitter.state(of: "from facts | where (a") == .incomplete(.openBracket))
    #expect(StatementSplitter.state(of: "search \"two") == .incomplete(.openString))
    #expect(StatementSplitter.state(of: "search \"(") == .incomplete(.openString))
    #expect(StatementSplitter.needsContinuation("from facts |\n  where a >"))
    #expect(!StatementSplitter.needsContinuation("from facts |\n  where a > 1"))
  }

  @Test func splitScript() {
    let script = """
      #!/usr/bin/env hq
      .set year 2024
      from facts
        | where year == $year   # this year
        | take 3

      let a = from goals; from a | count
        .format csv
      from facts |
        take 1
      """
    let chunks = StatementSplitter.split(script)
    #expect(chunks.map(\.kind) == [.metaCommand, .statement, .statement, .statement, .metaCommand, .statement])
    #expect(chunks.map(\.line) == [2, 3, 7, 7, 8, 9])
    #expect(chunks[0].text == ".set year 2024")
    #expect(chunks[1].text == "from facts\n  | where year == $year   # this year\n  | take 3")
    #expect(chunks[2].text == "let a = from goals")
    #expect(chunks[3].text == String(repeating: " ", count: 20) + "from a | count")
    #expect(chunks[4].text == ".format csv")
    #expect(chunks[5].text == "from facts |\n  take 1")
  }

  @Test func splitChunksReportScriptPositions() {
    let script = "from a\n\nfrom b; from c | whre x"
    let chunks = StatementSplitter.split(script)
    #expect(chunks.count == 3)
    let source = chunks[2].sourceFile(name: "s.hq")
    let result = Parser.parse(source)
    #expect(result.diagnostics.map { DiagnosticRenderer.render($0, in: source) } == ["""
      s.hq:3:18: error: unknown stage 'whre'
              from c | whre x
                       ^~~~
      help: did you mean 'where'?
      """])
  }

  @Test func splitKeepsOpenStringsTogether() {
    let chunks = StatementSplitter.split("search \"a\n.b\"\nfrom c")
    #expect(chunks.map(\.text) == ["search \"a\n.b\"", "from c"])
  }

  @Test func unknownCharacterBeforeSemicolon() {
    #expect(StatementSplitter.split("@;from a").map(\.text) == ["@", "  from a"])
  }

  @Test func splitGarbageTerminates() {
    var text = ""
    for index in 0..<2_000 { text += ["|", "(", "\n", ".x\n", ";", "\"", "a"][index % 7] }
    #expect(!StatementSplitter.split(text).isEmpty)
  }
}

@Suite struct CaseAcrossLinesTests {
  @Test func anOpenCaseContinuesTheStatement() {
    let text = "from t | select x = case\n  when a > 1 then \"big\"\n  else \"small\"\nend\nfrom u"
    let tokens = Lexer.statementTokens(text).tokens
    #expect(tokens.filter { $0.kind == .newline }.count == 1)
    #expect(StatementSplitter.split(text).filter { $0.kind == .statement }.count == 2)
    #expect(printedOne(text) == "from t | select x = case when (a > 1) then \"big\" else \"small\" end")
    #expect(StatementSplitter.state(of: "from t | select x = case when a > 1 then 1") == .incomplete(.openBracket))
    #expect(StatementSplitter.state(of: "from t | select x = case when a > 1 then 1\nend") == .complete)
    #expect(StatementSplitter.state(of: "from t | select case") == .incomplete(.trailingOperator))
  }
}
