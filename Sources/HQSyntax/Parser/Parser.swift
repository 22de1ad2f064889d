/// Reads hq source into statements: recursive descent over the statement tokens.
///
/// Each statement is parsed until its first error; the error is recorded and the parser
/// skips to the next statement, so one mistake gives one diagnostic, not a cascade.
/// Nesting is bounded (``maxNestingDepth`` parentheses/prefix operators and
/// ``maxExpressionHeight`` for the expression tree), so no input can exhaust the stack, and
/// every step consumes a token or stops, so parsing is linear in the input.
///
///     let result = Parser.parse(SourceFile(name: "<input>", text: "from facts | take 5"))
///     if result.hasErrors { … render result.diagnostics … }
public struct Parser {
  /// How deeply parentheses, `not`, `-` and nested calls may nest.
  public static let maxNestingDepth = 64
  /// How tall an expression tree may grow, long operator chains included.
  public static let maxExpressionHeight = 256
  /// How many diagnostics one parse reports at most.
  public static let maxDiagnostics = 20

  let source: SourceFile
  var tokens: [Token]
  var index = 0
  var depth = 0

  init(source: SourceFile, tokens: [Token]) {
    self.source = source
    self.tokens = tokens
  }

  /// Parses every statement of `source`.
  ///
  /// - Returns: the statements before the first error, and every diagnostic (the lexer's,
  ///   then one per statement that failed to parse), in source order.
  /// - Complexity: O(n) in the length of the source.
  public static func parse(_ source: SourceFile) -> ParseResult {
    let (tokens, lexDiagnostics) = Lexer.statementTokens(source.text)
    var parser = Parser(source: source, tokens: tokens)
    var statements: [Statement] = []
    var diagnostics: [Diagnostic] = []
    var failed = false
    let lexStarts = lexDiagnostics.map(\.start).sorted()
    let firstLexError = lexStarts.first ?? Int.max
    var nextLex = 0  // statements start in increasing order, so this cursor only moves forward
    while parser.current.kind != .endOfInput {
      if parser.current.kind == .newline || parser.current.kind == .semicolon {
        parser.advance()
        continue
      }
      let start = parser.current.range.start
      do {
        let statement = try parser.parseStatement()
        if statement.range.end > firstLexError { failed = true }
        if !failed { statements.append(statement) }
      } catch {
        // A character the lexer already reported often causes the parse error: report once.
        let end = max(error.diagnostic.end, error.diagnostic.start + 1)
        while nextLex < lexStarts.count, lexStarts[nextLex] < start { nextLex += 1 }
        if !(nextLex < lexStarts.count && lexStarts[nextLex] < end) {
          diagnostics.append(error.diagnostic)
        }
        failed = true
        parser.skipToStatementEnd()
      }
    }
    // Past the first few, more errors only bury the first one.
    let all = Array((lexDiagnostics + diagnostics).sorted { $0.start < $1.start }.prefix(maxDiagnostics))
    return ParseResult(statements: statements, diagnostics: all)
  }

  /// Parses `source` and throws its diagnostics if there are any errors.
  public static func parseOrThrow(_ source: SourceFile) throws(DiagnosticError) -> [Statement] {
    let result = parse(source)
    if result.hasErrors { throw DiagnosticError(source: source, diagnostics: result.diagnostics) }
    return result.statements
  }

  /// Parses a single expression (for tests and for `.help` examples); the whole text must be
  /// one expression.
  public static func expression(_ source: SourceFile) throws(DiagnosticError) -> Expr {
    let (tokens, lexDiagnostics) = Lexer.statementTokens(source.text)
    if !lexDiagnostics.isEmpty { throw DiagnosticError(source: source, diagnostics: lexDiagnostics) }
    var parser = Parser(source: source, tokens: tokens)
    do throws(ParseError) {
      let expr = try parser.parseExpression()
      if parser.current.kind != .endOfInput && parser.current.kind != .newline {
        throw parser.error("unexpected \(parser.current.displayName) after the expression", at: parser.current.range)
      }
      return expr
    } catch {
      throw DiagnosticError(source: source, diagnostics: [error.diagnostic])
    }
  }

  // MARK: - Token cursor

  var current: Token { tokens[index] }

  /// The token after the current one (`.endOfInput` at the end).
  var following: Token { index + 1 < tokens.count ? tokens[index + 1] : tokens[tokens.count - 1] }

  /// The last token consumed (the current one before anything was consumed).
  var previous: Token { index > 0 ? tokens[index - 1] : tokens[0] }

  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  /// Consumes and returns the current token.
  mutating func take() -> Token {
    let token = current
    advance()
    return token
  }

  /// True at `|`, `;`, a statement-ending line break, or the end: where a stage must end.
  var atStageEnd: Bool {
    switch current.kind {
    case .pipe, .semicolon, .newline, .endOfInput: true
    default: false
    }
  }

  var atStatementEnd: Bool {
    switch current.kind {
    case .semicolon, .newline, .endOfInput: true
    default: false
    }
  }

  mutating func skipToStatementEnd() {
    while !atStatementEnd { advance() }
  }

  /// Consumes the current token if it is of `kind`, else fails with `message`.
  mutating func expect(_ kind: TokenKind, _ message: String, help: String? = nil) throws(ParseError) -> Token {
    guard current.kind == kind else {
      throw error("\(message), found \(current.displayName)", at: current.range, help: help)
    }
    return take()
  }

  /// Consumes the bare word `word`, else fails with `message`.
  mutating func expectWord(_ word: String, _ message: String, help: String? = nil) throws(ParseError) -> Token {
    guard current.isWord(word) else {
      throw error("\(message), found \(current.displayName)", at: current.range, help: help)
    }
    return take()
  }

  /// An error at `range`. An error at the end of the input is shown right after the last
  /// token, on its line, rather than on an empty line after a final line break.
  func error(_ message: String, at range: SourceRange, help: String? = nil) -> ParseError {
    var range = range
    if current.kind == .endOfInput, range == current.range, index > 0 {
      range = SourceRange(previous.range.end, previous.range.end)
    }
    return ParseError(diagnostic: .error(message, at: range, help: help))
  }

  /// The range from `start` to the end of the last consumed token.
  func range(from start: Int) -> SourceRange {
    SourceRange(start, max(start, previous.range.end))
  }
}

/// The first error of a statement; the parser records it and skips to the next statement.
struct ParseError: Error {
  var diagnostic: Diagnostic
}
