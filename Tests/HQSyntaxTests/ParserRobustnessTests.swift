import HQSyntax
import Testing

/// No input crashes the parser, overflows its stack or makes it slow.
@Suite struct ParserRobustnessTests {
  @Test func tenThousandParenthesesGiveAnError() {
    let text = "from t | where " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
    let result = Parser.parse(SourceFile(name: "t", text: text))
    #expect(result.diagnostics.count == 1)
    #expect(result.diagnostics.first?.message == "expression nested too deeply (more than 64 levels)")
    #expect(result.diagnostics.first?.start == 15 + 64)
  }

  @Test func deepPrefixOperatorsAndCalls() {
    for text in [
      "from t | where " + String(repeating: "not ", count: 10_000) + "x",
      "from t | where " + String(repeating: "-", count: 10_000) + "x",
      "from t | where " + String(repeating: "f(", count: 10_000) + "x" + String(repeating: ")", count: 10_000),
      "from t | where x in " + String(repeating: "[", count: 10_000),
    ] {
      let result = Parser.parse(SourceFile(name: "t", text: text))
      #expect(result.hasErrors)
    }
  }

  @Test func longOperatorChainsAreBounded() {
    let chain = (0..<10_000).map { "a == \($0)" }.joined(separator: " or ")
    let result = Parser.parse(SourceFile(name: "t", text: "from t | where " + chain))
    #expect(result.diagnostics.first?.message == "expression too long (more than 256 operators deep)")
    // Up to the limit is fine.
    let short = (0..<200).map { "a == \($0)" }.joined(separator: " or ")
    #expect(!Parser.parse(SourceFile(name: "t", text: "from t | where " + short)).hasErrors)
  }

  @Test func nestingJustBelowTheLimitParses() {
    let text = "from t | where " + String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60)
    #expect(!Parser.parse(SourceFile(name: "t", text: text)).hasErrors)
  }

  @Test func manyStatementsAndLongListsParseQuickly() {
    let list = (0..<100_000).map(String.init).joined(separator: ", ")
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let result = Parser.parse(SourceFile(name: "t", text: "from t | where x in [\(list)]"))
      #expect(!result.hasErrors)
      let script = String(repeating: "from facts | where year == 2024 | take 1\n", count: 20_000)
      #expect(Parser.parse(SourceFile(name: "t", text: script)).statements.count == 20_000)
    }
    #expect(elapsed < .seconds(10))
  }

  /// A small deterministic generator, so a failure can be reproduced from its seed.
  struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func randomBytesNeverTrap() {
    var generator = SplitMix64(state: 20_261_123)
    for _ in 0..<2_000 {
      let length = Int.random(in: 0..<80, using: &generator)
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      let source = SourceFile(name: "fuzz", text: String(decoding: bytes, as: UTF8.self))
      let result = Parser.parse(source)
      for diagnostic in result.diagnostics { _ = DiagnosticRenderer.render(diagnostic, in: source) }
    }
  }

  @Test func randomTokenSoupNeverTraps() {
    let pieces = [
      "from", "facts", "|", "where", "select", "summarize", "by", "sort", "take", "top", "compare", "vs",
      "pivot", "value", "join", "left", "on", "let", "=", "==", "(", ")", "[", "]", ",", ";", "\n", "\"",
      "`", "$p", "1", "2.5", "-", "+", "*", "/", "~", "!~", "not", "in", "is", "null", "and", "or", "#",
      "count", "sum(", "'", "å", "\\", "desc",
    ]
    var generator = SplitMix64(state: 42)
    for _ in 0..<3_000 {
      let count = Int.random(in: 0..<30, using: &generator)
      let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: " ")
      let source = SourceFile(name: "fuzz", text: text)
      let result = Parser.parse(source)
      for diagnostic in result.diagnostics { _ = DiagnosticRenderer.render(diagnostic, in: source) }
      for statement in result.statements {
        // Whatever parsed prints back to text that parses to the same printed form.
        let printed = ASTPrinter.print(statement)
        let again = Parser.parse(SourceFile(name: "again", text: printed))
        #expect(again.statements.map(ASTPrinter.print) == [printed], "\(text)")
      }
    }
  }
}

@Suite struct ParserScalingTests {
  /// Many failing statements, each after a character the lexer rejects, stay linear.
  @Test func manyLexicalAndSyntaxErrors() {
    let text = String(repeating: "@ x\n", count: 50_000)
    let clock = ContinuousClock()
    var result: ParseResult?
    let elapsed = clock.measure { result = Parser.parse(SourceFile(name: "t", text: text)) }
    #expect(result?.diagnostics.count == Parser.maxDiagnostics)
    #expect(elapsed < .seconds(10))
  }
}

@Suite struct LexerScalingTests {
  @Test func lineOfUnmatchedTypographicQuotes() {
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let (_, diagnostics) = Lexer.tokenize(String(repeating: "„", count: 100_000))
      // No closing quote anywhere: one run of an unknown character, 3 bytes each.
      #expect(diagnostics.map(\.range) == [SourceRange(0, 300_000)])
      // With something between them, each is its own problem; the first ones are kept.
      let spaced = Lexer.tokenize(String(repeating: "„ ", count: 100_000)).diagnostics
      #expect(spaced.map(\.start) == (0..<Lexer.maxDiagnostics).map { 4 * $0 })
    }
    #expect(elapsed < .seconds(10))
  }
}
