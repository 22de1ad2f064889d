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
    #expect(diagnostics.count == 50_000)
    let parsed = Parser.parse(SourceFile(name: "t", text: String(repeating: "@", count: 50_000)))
    #expect(parsed.diagnostics.count == Parser.maxDiagnostics)
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
