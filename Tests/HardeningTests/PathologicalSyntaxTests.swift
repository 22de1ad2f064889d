import HQData
import HQEngine
import HQSyntax
import Testing

/// Hostile queries: each must end in a result or a located diagnostic, quickly, and never
/// overflow the stack (the parser's explicit depth limits are what stop recursion).
@Suite struct PathologicalSyntaxTests {
  /// An engine over a three-row `facts`, enough for a query that checks to also run.
  static var engine: Engine {
    var builder = TableBuilder(
      name: "facts", schema: Schema([Field("indicator", .text), Field("year", .number), Field("value", .number)]))
    for (name, year, value) in [("a", 2023, 1), ("b", 2024, 2), ("c", 2024, 3)] {
      try? builder.append([.text(name), .number(Number(year)), .number(Number(value))])
    }
    return Engine(catalog: Catalog([builder.build()]))
  }

  /// Runs `query`, returning the row count of the last result or the first diagnostic message.
  static func outcome(_ query: String) -> String {
    var engine = engine
    var rows = -1
    do {
      try engine.run(SourceFile(name: "<test>", text: query)) { rows = $0.rowCount }
      return "rows: \(rows)"
    } catch {
      switch error {
      case .diagnostics(let d): return d.diagnostics.first?.message ?? "no message"
      case .cancelled: return "cancelled"
      }
    }
  }

  @Test func tenThousandNestedParenthesesStopAtTheDepthLimit() {
    let query = "from facts | where " + String(repeating: "(", count: 10_000) + "1"
      + String(repeating: ")", count: 10_000) + " == 1"
    let (message, seconds) = Measure.time { Self.outcome(query) }
    #expect(message.contains("nest"), "expected a nesting-depth error, got: \(message)")
    #expect(seconds < 5)
  }

  @Test func tenThousandUnclosedParentheses() {
    let query = "from facts | where " + String(repeating: "(", count: 10_000)
    let (message, seconds) = Measure.time { Self.outcome(query) }
    #expect(message != "no message" && !message.hasPrefix("rows"))
    #expect(seconds < 5)
    // The shell asks for more input rather than crashing.
    #expect(StatementSplitter.state(of: query) == .incomplete(.openBracket))
    _ = CompletionContext.at(text: query)
  }

  @Test func tenThousandPrefixOperators() {
    let query = "from facts | where " + String(repeating: "not ", count: 10_000) + "true"
    let negations = "from facts | derive x = " + String(repeating: "-", count: 10_000) + "1"
    for q in [query, negations] {
      let (message, seconds) = Measure.time { Self.outcome(q) }
      #expect(!message.hasPrefix("rows"), "expected a depth error, got: \(message)")
      #expect(seconds < 5)
    }
  }

  @Test func tenThousandTermOperatorChainStopsAtTheHeightLimit() {
    let query = "from facts | derive x = 1" + String(repeating: " + 1", count: 10_000)
    let (message, seconds) = Measure.time { Self.outcome(query) }
    #expect(!message.hasPrefix("rows"), "expected an expression-height error, got: \(message)")
    #expect(seconds < 5)
  }

  @Test func tenThousandStagePipelineRuns() {
    let query = "from facts" + String(repeating: " | where value > 1", count: 10_000) + " | count"
    let (message, seconds) = Measure.time { Self.outcome(query) }
    // Two of the three rows have value > 1; count gives one row.
    #expect(message == "rows: 1")
    #expect(seconds < 20)
  }

  @Test func oneMegabyteSingleLineQuery() {
    let literal = String(repeating: "läkemedel ", count: 100_000)
    let query = "from facts | where indicator == \"\(literal)\" | count"
    let (message, seconds) = Measure.time { Self.outcome(query) }
    #expect(message == "rows: 1")
    #expect(seconds < 10)
  }

  /// Found here: the lexer kept one diagnostic per unknown character (220 MB for 1 MB of
  /// them) before the parser reported the first 20. A run of one character is now one
  /// diagnostic, and the lexer keeps only the first ``Lexer/maxDiagnostics``.
  @Test func oneMegabyteOfUnknownCharactersGivesBoundedDiagnostics() {
    let run = String(repeating: "\u{1F}", count: 1_000_000)
    let (message, runSeconds) = Measure.time { Self.outcome(run) }
    #expect(message == "unexpected character 'U+1F'")
    #expect(runSeconds < 20)
    #expect(Lexer.tokenize(run).diagnostics.map(\.range) == [SourceRange(0, 1_000_000)])

    // A statement with 1 MB of mixed garbage in it, no two neighbours alike.
    let prefix = "from facts | where value "
    let garbage = prefix + String(repeating: "@%&{}", count: 200_000) + " == 1"
    let (result, seconds) = Measure.time { Parser.parse(SourceFile(name: "<test>", text: garbage)) }
    #expect(result.diagnostics.count == Parser.maxDiagnostics)
    #expect(result.diagnostics.first?.message == "unexpected character '@'")
    #expect(result.diagnostics.first?.start == prefix.utf8.count)
    #expect(Lexer.tokenize(garbage).diagnostics.count == Lexer.maxDiagnostics)
    #expect(seconds < 20)
  }

  /// Found here: `StatementSplitter.split` counted each statement's indent from the start of
  /// its line and padded its text with that many spaces, so 8,000 statements on one line took
  /// 17 s and a 1 MB line of statements needed tens of gigabytes.
  @Test func manyStatementsOnOneLineSplitInLinearTime() {
    let chunks = StatementSplitter.split("from a; from b")
    // "from a; " is 8 characters, kept as spaces so columns match the script.
    #expect(chunks.map(\.text) == ["from a", "        from b"])
    let line = String(repeating: "from a; ", count: 100_000)
    let (split, seconds) = Measure.time { StatementSplitter.split(line) }
    #expect(split.count == 100_000)
    #expect(seconds < 20)
    // Statements starting past 1,000 characters are not padded.
    #expect(split[1].text == String(repeating: " ", count: 8) + "from a")
    #expect(split[99_999].text == "from a")
  }

  @Test func manyStatementsOnOneLineAndManyDiagnostics() {
    let query = String(repeating: "from nowhere; ", count: 20_000)
    let result = Parser.parse(SourceFile(name: "<test>", text: query))
    #expect(result.statements.count == 20_000)
    let garbage = String(repeating: ") ", count: 50_000)
    let bad = Parser.parse(SourceFile(name: "<test>", text: garbage))
    #expect(bad.diagnostics.count <= Parser.maxDiagnostics)
    #expect(StatementSplitter.split(query).count == 20_000)
  }
}
