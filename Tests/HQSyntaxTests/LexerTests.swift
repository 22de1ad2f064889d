import HQSyntax
import Testing

@Suite struct LexerTests {
  func kinds(_ text: String) -> [TokenKind] { Lexer.tokenize(text).tokens.map(\.kind) }

  @Test func punctuationAndOperators() {
    #expect(kinds("| , ; ( ) [ ] = == != < <= > >= ~ !~ + - * /") == [
      .pipe, .comma, .semicolon, .leftParen, .rightParen, .leftBracket, .rightBracket, .assign, .equal,
      .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .tilde, .notTilde, .plus, .minus, .star,
      .slash, .endOfInput,
    ])
  }

  @Test func namesNumbersParameters() {
    let (tokens, diagnostics) = Lexer.tokenize("år_2024 `a b` 9.40 $min x1")
    #expect(diagnostics.isEmpty)
    #expect(tokens.map(\.kind) == [.identifier, .quotedIdentifier, .number, .parameter, .identifier, .endOfInput])
    #expect(tokens.map(\.value) == ["år_2024", "a b", "9.40", "min", "x1", ""])
    #expect(tokens[0].range == SourceRange(0, 8))
    #expect(tokens[1].range == SourceRange(9, 14))
  }

  @Test func commentsAndNewlines() {
    #expect(kinds("#!/usr/bin/env hq\nfrom # c\n") == [.newline, .identifier, .newline, .endOfInput])
  }

  @Test func stringsAndEscapes() {
    let (tokens, diagnostics) = Lexer.tokenize(#""a\"b\\c\n\t\u{1F600}" "två\nrader""#)
    #expect(diagnostics.isEmpty)
    #expect(tokens.map(\.value).prefix(2) == ["a\"b\\c\n\t😀", "två\nrader"])
  }

  @Test func unterminated() {
    let (tokens, diagnostics) = Lexer.tokenize("\"abc\nx")
    #expect(tokens[0].isUnterminated)
    #expect(tokens[0].value == "abc\nx")
    #expect(diagnostics.map(\.message) == ["unterminated text; the closing '\"' is missing"])
    let backquote = Lexer.tokenize("`abc\nx")
    #expect(backquote.tokens[0].isUnterminated)
    #expect(backquote.tokens[1].kind == .newline)
  }

  @Test func unknownCharactersAreSkippedWithoutRecursion() {
    let (tokens, diagnostics) = Lexer.tokenize(String(repeating: "@", count: 50_000) + "x")
    #expect(tokens.map(\.kind) == [.identifier, .endOfInput])
    // One run of the same character: one diagnostic underlining all 50,000.
    #expect(diagnostics.map(\.range) == [SourceRange(0, 50_000)])
    #expect(diagnostics.map(\.message) == ["unexpected character '@'"])
    let parsed = Parser.parse(SourceFile(name: "t", text: String(repeating: "@", count: 50_000)))
    #expect(parsed.diagnostics.count == 1)
  }

  @Test func aRunOfOneUnknownCharacterIsOneDiagnostic() {
    let source = SourceFile(name: "t", text: "from facts | where a && b")
    let (_, diagnostics) = Lexer.tokenize(source.text)
    #expect(diagnostics.count == 1)
    // `&&` starts at column 22 (offset 21) and is two characters wide.
    #expect(DiagnosticRenderer.render(diagnostics[0], in: source) == """
      t:1:22: error: unexpected character '&'
      from facts | where a && b
                           ^~
      help: write 'and'
      """)
  }

  @Test func differentUnknownCharactersKeepTheirOwnDiagnostics() {
    let (_, diagnostics) = Lexer.tokenize("a @& b")
    #expect(diagnostics.map(\.message) == ["unexpected character '@'", "unexpected character '&'"])
    #expect(diagnostics.map(\.range) == [SourceRange(2, 3), SourceRange(3, 4)])
    #expect(diagnostics[1].help == "write 'and'")
  }

  @Test func aRepeatedBangStopsBeforeNotEqual() {
    // `!!=` is an unknown `!` and then `!=`; `!!!` is one run.
    let (tokens, diagnostics) = Lexer.tokenize("a !!= b")
    #expect(tokens.map(\.kind) == [.identifier, .notEqual, .identifier, .endOfInput])
    #expect(diagnostics.map(\.range) == [SourceRange(2, 3)])
    #expect(Lexer.tokenize("!!!").diagnostics.map(\.range) == [SourceRange(0, 3)])
  }

  @Test func onlyTheFirstDiagnosticsAreKept() {
    // 1 MB of two alternating unknown characters: no two neighbours alike, so every
    // character is its own problem; the lexer keeps the first ones, at offsets 0, 1, 2, …
    let garbage = String(repeating: "@&", count: 500_000)
    let (_, diagnostics) = Lexer.tokenize(garbage)
    #expect(diagnostics.count == Lexer.maxDiagnostics)
    #expect(diagnostics.map(\.start) == Array(0..<Lexer.maxDiagnostics))
    let parsed = Parser.parse(SourceFile(name: "t", text: garbage))
    #expect(parsed.diagnostics.map(\.start) == Array(0..<Parser.maxDiagnostics))
  }

  @Test func anEarlierProblemFoundLateIsStillKept() {
    // An unterminated string with 25 unknown escapes inside: the escapes are found first, the
    // missing quote (at offset 0, where the string starts) last. It is the first problem and
    // must not be crowded out.
    let text = "\"" + String(repeating: "\\q", count: 25)
    let (_, diagnostics) = Lexer.tokenize(text)
    #expect(diagnostics.count == Lexer.maxDiagnostics)
    let starts = diagnostics.map(\.start).sorted()
    // The string's quote at 0, then the escapes at 1, 3, 5, … (each `\q` is two bytes).
    #expect(starts == [0] + (0..<(Lexer.maxDiagnostics - 1)).map { 1 + 2 * $0 })
    #expect(diagnostics.contains { $0.message == "unterminated text; the closing '\"' is missing" })
  }

  @Test func statementTokensDropContinuationLineBreaks() {
    let kinds = Lexer.statementTokens("from a |\n b\n\n| c\nfrom d (\n)\n").tokens.map(\.kind)
    #expect(kinds == [.identifier, .identifier, .pipe, .identifier, .pipe, .identifier, .newline,
                      .identifier, .identifier, .leftParen, .rightParen, .newline, .endOfInput])
  }
}

@Suite struct SuggestionTests {
  @Test func editDistance() {
    #expect(Suggestion.editDistance(Array("whree"), Array("where")) == 1)
    #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
  }

  @Test func bestMatch() {
    #expect(Suggestion.bestMatch(for: "vaule", in: ["value", "year"]) == "value")
    #expect(Suggestion.bestMatch(for: "SELECT", in: Keywords.stages) == "select")
    #expect(Suggestion.bestMatch(for: "xyz", in: ["value", "year"]) == nil)
    #expect(Suggestion.bestMatch(for: "a", in: ["b"]) == nil)
  }
}

@Suite struct LexerBlankTests {
  @Test func unicodeSpacesAndByteOrderMark() {
    let (tokens, diagnostics) = Lexer.tokenize("\u{FEFF}from\u{00A0}facts\u{2009}|\u{3000}count")
    #expect(diagnostics.isEmpty)
    #expect(tokens.map(\.kind) == [.identifier, .identifier, .pipe, .identifier, .endOfInput])
  }
}
