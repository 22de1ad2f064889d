import HQSyntax
import Testing

@Suite struct CompletionContextTests {
  func context(_ text: String) -> CompletionContext { CompletionContext.at(text: text) }

  @Test func statementStartAndSources() {
    #expect(context("").kind == .statementStart)
    #expect(context("fr").kind == .statementStart)
    #expect(context("fr").prefix == "fr")
    #expect(context("fr").keywordCandidates == ["from"])
    #expect(context("from ").kind == .source)
    #expect(context("from fa").kind == .source)
    #expect(context("from fa").prefix == "fa")
    #expect(context("from fa").prefixRange == SourceRange(5, 7))
    #expect(context("from facts; from g").kind == .source)
    #expect(context("let x = ").kind == .keywords(["from", "search"]))
    #expect(context("let x = from ").kind == .source)
    #expect(context("from facts | join ").kind == .source)
    #expect(context("from facts | left join go").kind == .source)
  }

  @Test func stages() {
    #expect(context("from facts | ").kind == .stage)
    #expect(context("from facts |wh").kind == .stage)
    #expect(context("from facts | wh").keywordCandidates == ["where"])
    #expect(context("from facts | where x > 1 | s").keywordCandidates == ["select", "summarize", "sort", "semi join"])
    #expect(context("from facts\n  | ").kind == .stage)
    #expect(context("from facts | left ").kind == .keywords(["join"]))
  }

  @Test func columnsWithThePipelineBeforeTheStage() {
    #expect(context("from facts | where ").kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(context("from facts | where year > 2020 | select ind").kind
      == .expression(pipelinePrefix: "from facts | where year > 2020", aggregates: false))
    #expect(context("from facts | where year > 2020 | select ind").prefix == "ind")
    #expect(context("let v = from facts | derive x = ").kind == .expression(pipelinePrefix: "from facts", aggregates: true, windows: true))
    #expect(context("from facts | summarize n = ").kind == .expression(pipelinePrefix: "from facts", aggregates: true))
    #expect(context("from facts | summarize n = count() by ").kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(context("from facts | where round(").kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(context("from facts | where (a | b) > 1 | sort ").kind
      == .expression(pipelinePrefix: "from facts | where (a | b) > 1", aggregates: false))
    #expect(context("from facts | distinct ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | join goals on ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | pivot ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | pivot year by ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | compare ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | compare year 2023 vs 2024 by ").kind == .columns(pipelinePrefix: "from facts"))
  }

  @Test func keywordsAfterOperands() {
    #expect(context("from facts | sort year ").kind == .keywords(["asc", "desc"]))
    #expect(context("from facts | derive p = lag(value) ").kind == .keywords(["and", "or", "in", "is", "not", "by", "sort"]))
    #expect(context("from facts | derive p = lag(value) by ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | derive p = lag(value) by indicator ").kind == .keywords(["sort"]))
    #expect(context("from facts | derive p = lag(value) by indicator sort ").kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(context("from facts | derive p = lag(value) sort year ").kind == .keywords(["asc", "desc", "by"]))
    #expect(context("from facts | derive p = lag(value) by indicator sort year desc ").kind == .nothing)
    #expect(context("from facts | top 3 by value ").kind == .keywords(["asc", "desc", "per"]))
    #expect(context("from facts | top 3 by value desc ").kind == .keywords(["per"]))
    #expect(context("from facts | top 3 by value desc per ").kind == .columns(pipelinePrefix: "from facts"))
    #expect(context("from facts | sort year d").keywordCandidates == ["desc"])
    #expect(context("from facts | top 5 ").kind == .keywords(["by"]))
    #expect(context("from facts | top 5 by ").kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(context("from facts | compare year 2023 ").kind == .keywords(["vs"]))
    #expect(context("from facts | compare year 2023 vs 2024 ").kind == .keywords(["by"]))
    #expect(context("from facts | pivot year ").kind == .keywords(["value", "by"]))
    #expect(context("from facts | join goals ").kind == .keywords(["on"]))
    #expect(context("from facts | where year > 2020 ").kind == .keywords(["and", "or", "in", "is", "not"]))
  }

  @Test func chartKindColumnsByAndOptions() {
    let columns = CompletionContext.Kind.columns(pipelinePrefix: "from facts")
    #expect(context("from facts | chart ").kind == .keywords(["bar", "line"]))
    #expect(context("from facts | chart bar ").kind == columns)
    #expect(context("from facts | chart bar value ").kind == .keywords(["by"]))
    #expect(context("from facts | chart bar value, ").kind == columns)
    #expect(context("from facts | chart line value by ").kind == columns)
    #expect(context("from facts | chart line value by year ").kind == .keywords(["series", "title", "swedish", "width"]))
    #expect(context("from facts | chart line value by year series ").kind == columns)
    #expect(context("from facts | chart line value by year series indicator swedish ").kind == .keywords(["title", "width"]))
    #expect(context("from facts | chart line value by year title ").kind == .nothing)
  }

  @Test func valuesInQuotes() {
    let läk = context("from facts | where indicator == \"Läk")
    #expect(läk.kind == .value(column: "indicator", pipelinePrefix: "from facts", quoted: true))
    #expect(läk.prefix == "Läk")
    #expect(läk.prefixRange == SourceRange(33, 37))
    #expect(context("from facts | where year == 2024 and `indikator namn` ~ \"anti").kind
      == .value(column: "indikator namn", pipelinePrefix: "from facts", quoted: true))
    #expect(context("from facts | where indicator in [\"a\", \"b").kind
      == .value(column: "indicator", pipelinePrefix: "from facts", quoted: true))
    #expect(context("from facts | where indicator not in [\"").kind
      == .value(column: "indicator", pipelinePrefix: "from facts", quoted: true))
    #expect(context("from facts | take 1 | compare kind \"bud").kind
      == .value(column: "kind", pipelinePrefix: "from facts | take 1", quoted: true))
    #expect(context("from facts | where lower(x) == \"a").kind == .value(column: nil, pipelinePrefix: "from facts", quoted: true))
    #expect(context("search \"anti").kind == .value(column: nil, pipelinePrefix: "", quoted: true))
  }

  @Test func bareCompareOperands() {
    #expect(context("from facts | compare kind bud").kind == .value(column: "kind", pipelinePrefix: "from facts", quoted: false))
    #expect(context("from facts | compare kind budget vs ").kind == .value(column: "kind", pipelinePrefix: "from facts", quoted: false))
  }

  @Test func backquotesParametersAndNothing() {
    let backquoted = context("from facts | where `antal pa")
    #expect(backquoted.kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(backquoted.prefix == "antal pa")
    #expect(backquoted.prefixIsBackquoted)
    #expect(context("from facts | where year == $y").kind == .parameter)
    #expect(context("from facts | where year == $y").prefix == "y")
    #expect(context("from facts | take 5").kind == .nothing)
    #expect(context("from facts | where x == \"a\"").kind == .nothing)
    #expect(context("from facts # comm").kind == .nothing)
    #expect(context("from facts | # a comment\n  where ").kind == .expression(pipelinePrefix: "from facts", aggregates: false))
  }

  @Test func cursorInTheMiddle() {
    let text = "from facts | where ye > 1 | take 5"
    let context = CompletionContext.at(text: text, cursor: 21)
    #expect(context.kind == .expression(pipelinePrefix: "from facts", aggregates: false))
    #expect(context.prefix == "ye")
    #expect(context.prefixRange == SourceRange(19, 21))
  }
}

@Suite struct CompletionRobustnessTests {
  @Test func everyCursorOfEveryPrefixIsSafe() {
    let texts = [
      "let x = from facts | where indicator in [\"Läk\", `a b` | summarize n = count() by år; search \"x",
      "from facts | compare kind budget vs \"utf | pivot year value sum(value) by `x",
      "# comment\nfrom t |\n  left join u on a, b | top $n by c desc | distinct",
      "\"\"\"`|||(((]]]$$$;;;",
    ]
    for text in texts {
      for cursor in 0...text.utf8.count {
        let context = CompletionContext.at(text: text, cursor: cursor)
        #expect(context.prefixRange.start <= context.prefixRange.end)
        _ = context.keywordCandidates
        _ = StatementSplitter.state(of: String(decoding: Array(text.utf8)[0..<cursor], as: UTF8.self))
      }
    }
  }

  @Test func randomTextIsSafe() {
    var generator = ParserRobustnessTests.SplitMix64(state: 7)
    let alphabet = Array("from where | \"`$()[],;=<>!~+-*/#\n abcåäö123.@'")
    for _ in 0..<2_000 {
      let length = Int.random(in: 0..<40, using: &generator)
      let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? " " })
      _ = CompletionContext.at(text: text)
      _ = StatementSplitter.state(of: text)
      _ = StatementSplitter.split(text)
    }
  }
}
