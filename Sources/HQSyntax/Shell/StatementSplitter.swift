/// Tells the shell where statements end: whether typed text is a complete statement or needs
/// a continuation line, and how a script divides into statements and meta-command lines.
///
/// The rules are the parser's (``Lexer/statementTokens(_:)``): a line break ends a statement
/// unless a bracket or string is open, the line ends with `|`, `,`, `=`, a binary operator or
/// `not`/`in`/`is`, or the next line starts with `|`.
///
/// In the REPL:
///
///     var buffer = line
///     while case .incomplete = StatementSplitter.state(of: buffer) {
///       buffer += "\n" + (readLine(prompt: "  … ") ?? "")
///     }
///
/// The "next line starts with `|`" rule needs the next line, which the REPL does not have
/// yet, so at the prompt a line that is complete runs at once.
public enum StatementSplitter {
  /// Whether typed text can run.
  public enum State: Sendable, Hashable {
    /// Only blanks and comments: nothing to run, no continuation prompt.
    case empty
    /// One or more complete statements (possibly with syntax errors, which running reports).
    case complete
    /// More must be typed; the reason can be shown or ignored.
    case incomplete(Reason)
  }

  /// Why a statement is not complete yet.
  public enum Reason: Sendable, Hashable {
    /// A `"` string is open.
    case openString
    /// A `(` or `[` is open.
    case openBracket
    /// The text ends with `|`, `,`, `=`, a binary operator or `not`/`in`/`is`.
    case trailingOperator
  }

  /// Whether `text` (all lines typed so far for this statement, joined by `\n`) is complete.
  ///
  /// - Complexity: O(n).
  public static func state(of text: String) -> State {
    let (tokens, _) = Lexer.tokenize(text)
    var depth = 0
    var last: Token?
    for (index, token) in tokens.enumerated() {
      switch token.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .identifier: depth = max(0, depth + Lexer.caseNesting(tokens, at: index))
      case .newline, .endOfInput: continue
      default: break
      }
      last = token
    }
    guard let last else { return .empty }
    if last.kind == .string && last.isUnterminated { return .incomplete(.openString) }
    if depth > 0 { return .incomplete(.openBracket) }
    if last.kind == .semicolon { return .complete }
    if last.continuesStatement { return .incomplete(.trailingOperator) }
    return .complete
  }

  /// True when `text` needs a continuation line.
  public static func needsContinuation(_ text: String) -> Bool {
    if case .incomplete = state(of: text) { return true }
    return false
  }

  /// A piece of a script: a statement, or a meta-command line (first non-blank character `.`)
  /// between statements.
  public struct Chunk: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      case statement
      case metaCommand
    }

    public var kind: Kind
    /// The chunk's text. For a statement, the part of its first line before it is replaced by
    /// spaces, so a ``SourceFile`` made with `firstLine: line` reports the script's own line
    /// and column numbers. A meta command is its line without leading blanks.
    public var text: String
    /// The 1-based line on which the chunk starts.
    public var line: Int
    /// The chunk's byte range in the script.
    public var range: SourceRange

    public init(kind: Kind, text: String, line: Int, range: SourceRange) {
      self.kind = kind
      self.text = text
      self.line = line
      self.range = range
    }

    /// The chunk as a source for the engine, named after the script.
    public func sourceFile(name: String) -> SourceFile {
      SourceFile(name: name, text: text, firstLine: line)
    }
  }

  /// Divides a script into statements and meta-command lines, in order. Blank lines and
  /// comments between statements belong to no chunk.
  ///
  /// - Complexity: O(n): every token is lexed at most twice.
  public static func split(_ script: String) -> [Chunk] {
    let maxIndent = 1_000
    let bytes = Array(script.utf8)
    var lexer = Lexer(script)
    var chunks: [Chunk] = []
    var line = 1
    var lineStart = 0
    // Counts line breaks up to `offset` (monotonic, so linear overall).
    var counted = 0
    var (indentLine, indentOffset, indent) = (-1, 0, 0)
    func advanceLines(to offset: Int) {
      while counted < offset {
        if bytes[counted] == UInt8(ascii: "\n") {
          line += 1
          lineStart = counted + 1
        }
        counted += 1
      }
    }
    while true {
      lexer.skipBlanksAndComments()
      while lexer.position < bytes.count, bytes[lexer.position] == UInt8(ascii: "\n") || bytes[lexer.position] == UInt8(ascii: ";") {
        lexer.position += 1
        lexer.skipBlanksAndComments()
      }
      guard lexer.position < bytes.count else { break }
      advanceLines(to: lexer.position)
      if isOnlyBlanks(bytes[lineStart..<lexer.position]), startsMetaCommand(bytes[lexer.position...]) {
        var end = lexer.position
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var textEnd = end
        while textEnd > lexer.position, bytes[textEnd - 1] == UInt8(ascii: "\r") || bytes[textEnd - 1] == UInt8(ascii: " ") { textEnd -= 1 }
        chunks.append(Chunk(
          kind: .metaCommand, text: String(decoding: bytes[lexer.position..<textEnd], as: UTF8.self),
          line: line, range: SourceRange(lexer.position, textEnd)))
        lexer.position = end
        continue
      }
      let start = lexer.position
      let end = scanStatement(&lexer)
      // Characters before the statement on its line, counted on from the previous statement
      // on the same line, so many statements on one long line stay linear.
      if indentLine != lineStart { (indentLine, indentOffset, indent) = (lineStart, lineStart, 0) }
      indent += String(decoding: bytes[indentOffset..<start], as: UTF8.self).count
      indentOffset = start
      // Past `maxIndent` characters, no padding (columns then count from the statement's
      // start): padding every statement of a 1 MB line would take memory quadratic in it.
      let padding = indent <= maxIndent ? indent : 0
      let text = String(repeating: " ", count: padding) + String(decoding: bytes[start..<end], as: UTF8.self)
      chunks.append(Chunk(kind: .statement, text: text, line: line, range: SourceRange(start, end)))
    }
    return chunks
  }

  /// Consumes one statement's tokens; returns the end offset of its last token.
  static func scanStatement(_ lexer: inout Lexer) -> Int {
    var depth = 0
    var last: Token?
    while true {
      let token = lexer.next()
      switch token.kind {
      case .endOfInput:
        return last?.range.end ?? token.range.start
      case .semicolon:
        // Stop at the `;` itself, past any unknown characters skipped before it, so the
        // caller always moves forward.
        lexer.position = token.range.start
        return last?.range.end ?? token.range.start
      case .newline:
        if depth > 0 || (last?.continuesStatement ?? true) { continue }
        var lookahead = lexer
        var next = lookahead.next()
        while next.kind == .newline { next = lookahead.next() }
        if next.kind == .pipe { continue }
        return last?.range.end ?? token.range.start
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .identifier where token.value == "end": depth = max(0, depth - 1)
      case .identifier where token.value == "case":
        // `case when … end` may span lines, like a bracket.
        var lookahead = lexer
        var next = lookahead.next()
        while next.kind == .newline { next = lookahead.next() }
        if next.isWord("when") { depth += 1 }
      default: break
      }
      last = token
    }
  }

  /// True when a line (after its leading blanks) is a meta command: `.` followed by a letter
  /// (`.load`, `.help`). `.5` is a number, not a command. The shell asks this too, so scripts
  /// and the REPL share one rule.
  public static func isMetaCommandLine(_ line: Substring) -> Bool {
    let bytes = Array(line.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
    return startsMetaCommand(bytes[...])
  }

  static func startsMetaCommand(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.first == UInt8(ascii: "."), let second = bytes.dropFirst().first else { return false }
    let lower = second | 0x20
    return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || second >= 0xC0
  }

  static func isOnlyBlanks(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }
}
