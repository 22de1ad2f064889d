/// Turns source text into tokens: a value-type cursor over the UTF-8 bytes.
///
/// The lexer never fails: characters it does not understand produce a diagnostic and are
/// skipped, and an unterminated string runs to the end of the input (flagged
/// ``Token/isUnterminated``), so the shell can ask for a continuation line. `#` starts a
/// comment that runs to the end of the line.
///
/// A run of the same unknown character (`&&`, a pasted block of control characters) is one
/// diagnostic whose range covers the run. At most ``maxDiagnostics`` diagnostics are kept, the
/// first ones in the source, which are the ones the parser shows: a megabyte of garbage
/// costs no more memory than a short line of it.
///
/// - Complexity: O(n) in the length of the source.
public struct Lexer {
  /// How many diagnostics the lexer keeps: as many as ``Parser`` reports, since it reports the
  /// first ones by position and the lexer's come first among those.
  public static let maxDiagnostics = Parser.maxDiagnostics


  let bytes: [UInt8]
  var position = 0
  /// For each kind of misquote, how far a scan for its closing quote went without finding
  /// one; keeps a line full of unmatched quotes linear.
  var unclosedQuoteScannedTo: [String: Int] = [:]
  /// The first ``maxDiagnostics`` problems by position (in the order found while not full).
  public internal(set) var diagnostics: [Diagnostic] = []
  /// The largest start among ``diagnostics``: once full, only an earlier one gets in.
  var lastKeptStart = -1

  public init(_ text: String) {
    self.bytes = Array(text.utf8)
  }

  /// All tokens of `text`, newlines included, ending with `.endOfInput`.
  public static func tokenize(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(text)
    var tokens: [Token] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .endOfInput { break }
    }
    return (tokens, lexer.diagnostics)
  }

  /// The tokens of `text` with the line breaks that do not end a statement removed.
  ///
  /// A line break continues the statement when a bracket or a `case … end` is open, when the
  /// line's last token is `|`, `,`, `=`, a binary operator or `not`/`in`/`is`, or when the
  /// next line starts with `|`. Consecutive statement-ending line breaks are kept as one.
  ///
  /// - Complexity: O(n).
  public static func statementTokens(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    let (raw, diagnostics) = tokenize(text)
    var result: [Token] = []
    result.reserveCapacity(raw.count)
    var depth = 0
    for (index, token) in raw.enumerated() {
      switch token.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .identifier:
        depth = max(0, depth + caseNesting(raw, at: index))
      case .newline:
        if depth > 0 { continue }
        if let last = result.last, last.kind == .newline || last.continuesStatement { continue }
        if result.isEmpty { continue }
        var next = index + 1
        while next < raw.count, raw[next].kind == .newline { next += 1 }
        if next < raw.count, raw[next].kind == .pipe { continue }
      default: break
      }
      result.append(token)
    }
    return (result, diagnostics)
  }

  /// +1 when `tokens[index]` is the `case` of `case when` (line breaks between them allowed),
  /// -1 when it is `end`, 0 otherwise: a `case … end` spanning lines is one statement, like
  /// a bracket.
  public static func caseNesting(_ tokens: [Token], at index: Int) -> Int {
    let token = tokens[index]
    guard token.kind == .identifier else { return 0 }
    if token.value == "end" { return -1 }
    guard token.value == "case" else { return 0 }
    var next = index + 1
    while next < tokens.count, tokens[next].kind == .newline { next += 1 }
    return next < tokens.count && tokens[next].isWord("when") ? 1 : 0
  }

  /// The next token; `.endOfInput` (repeatedly) at the end.
  public mutating func next() -> Token {
    while true {
      if let token = nextOrSkip() { return token }
    }
  }

  /// The next token, or nil after skipping a character that starts no token.
  mutating func nextOrSkip() -> Token? {
    skipBlanksAndComments()
    guard position < bytes.count else {
      return Token(.endOfInput, SourceRange(bytes.count, bytes.count))
    }
    let start = position
    let byte = bytes[position]
    if byte == UInt8(ascii: "\n") {
      position += 1
      return Token(.newline, SourceRange(start, position))
    }
    if byte.isASCIIDigit { return lexNumber() }
    if byte == UInt8(ascii: "\"") { return lexString() }
    if byte == UInt8(ascii: "`") { return lexQuotedIdentifier() }
    if byte == UInt8(ascii: "$") { return lexParameter() }
    if isIdentifierStart(at: position) { return lexIdentifier() }
    if let token = lexPunctuation() { return token }
    if let token = lexMisquotedString() { return token }
    skipUnknownCharacter()
    return nil
  }

  // MARK: - Blanks and comments

  mutating func skipBlanksAndComments() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
        position += 1
      } else if byte == UInt8(ascii: "#") {
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      } else if byte >= 0x80, let scalar = scalar(at: position), isInvisibleBlank(scalar) {
        position += scalarLength(at: position)
      } else {
        return
      }
    }
  }

  /// No-break and other Unicode spaces (common in text copied from PDFs and word processors)
  /// and a byte order mark count as blanks.
  func isInvisibleBlank(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\u{FEFF}" || (scalar.properties.generalCategory == .spaceSeparator)
  }

  // MARK: - Names

  /// Letters (any script), digits and `_` make up names; they cannot start with a digit.
  func isIdentifierStart(at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return byte.isASCIILetter || byte == UInt8(ascii: "_") }
    return scalar(at: offset).map { $0.properties.isAlphabetic } ?? false
  }

  func isIdentifierContinue(at offset: Int) -> Bool {
    let byte = bytes[offset]
    if byte < 0x80 { return byte.isASCIILetter || byte.isASCIIDigit || byte == UInt8(ascii: "_") }
    guard let scalar = scalar(at: offset) else { return false }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
      || scalar.properties.generalCategory == .nonspacingMark
  }

  mutating func lexIdentifier() -> Token {
    let start = position
    while position < bytes.count, isIdentifierContinue(at: position) {
      position += scalarLength(at: position)
    }
    return Token(.identifier, SourceRange(start, position), value: text(start, position))
  }

  mutating func lexParameter() -> Token {
    let start = position
    position += 1
    let nameStart = position
    while position < bytes.count, isIdentifierContinue(at: position) {
      position += scalarLength(at: position)
    }
    if position == nameStart {
      addDiagnostic(Diagnostic.error(
        "expected a parameter name after '$'", at: SourceRange(start, start + 1),
        help: "parameters are written $name and set with --set name=value or .set name value"))
    }
    return Token(.parameter, SourceRange(start, position), value: text(nameStart, position))
  }

  mutating func lexQuotedIdentifier() -> Token {
    let start = position
    position += 1
    while position < bytes.count, bytes[position] != UInt8(ascii: "`"), bytes[position] != UInt8(ascii: "\n") {
      position += 1
    }
    guard position < bytes.count, bytes[position] == UInt8(ascii: "`") else {
      addDiagnostic(Diagnostic.error(
        "unterminated name; the closing '`' is missing", at: SourceRange(start, position),
        help: "a backquoted name ends on the same line: `antal patienter`"))
      return Token(.quotedIdentifier, SourceRange(start, position), value: text(start + 1, position), isUnterminated: true)
    }
    position += 1
    let name = text(start + 1, position - 1)
    if name.isEmpty {
      addDiagnostic(Diagnostic.error("empty name between backquotes", at: SourceRange(start, position)))
    }
    return Token(.quotedIdentifier, SourceRange(start, position), value: name)
  }

  // MARK: - Numbers

  /// Digits with at most one `.` followed by digits, kept as typed for exact decimals.
  mutating func lexNumber() -> Token {
    let start = position
    while position < bytes.count, bytes[position].isASCIIDigit { position += 1 }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      if position + 1 < bytes.count, bytes[position + 1].isASCIIDigit {
        position += 1
        while position < bytes.count, bytes[position].isASCIIDigit { position += 1 }
      } else {
        addDiagnostic(Diagnostic.error(
          "expected digits after the decimal point", at: SourceRange(position, position + 1),
          help: "write \(text(start, position)) or \(text(start, position)).0"))
        position += 1
        return Token(.number, SourceRange(start, position - 1), value: text(start, position - 1))
      }
    }
    return Token(.number, SourceRange(start, position), value: text(start, position))
  }

  // MARK: - Punctuation

  mutating func lexPunctuation() -> Token? {
    let start = position
    let byte = bytes[position]
    let following: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
    func make(_ kind: TokenKind, _ length: Int) -> Token {
      position += length
      return Token(kind, SourceRange(start, start + length))
    }
    switch byte {
    case UInt8(ascii: "|"): return make(.pipe, 1)
    case UInt8(ascii: ","): return make(.comma, 1)
    case UInt8(ascii: ";"): return make(.semicolon, 1)
    case UInt8(ascii: "("): return make(.leftParen, 1)
    case UInt8(ascii: ")"): return make(.rightParen, 1)
    case UInt8(ascii: "["): return make(.leftBracket, 1)
    case UInt8(ascii: "]"): return make(.rightBracket, 1)
    case UInt8(ascii: "+"): return make(.plus, 1)
    case UInt8(ascii: "-"): return make(.minus, 1)
    case UInt8(ascii: "*"): return make(.star, 1)
    case UInt8(ascii: "/"): return make(.slash, 1)
    case UInt8(ascii: "%"): return make(.percent, 1)
    case UInt8(ascii: "~"): return make(.tilde, 1)
    case UInt8(ascii: "="): return following == UInt8(ascii: "=") ? make(.equal, 2) : make(.assign, 1)
    case UInt8(ascii: "<"):
      if following == UInt8(ascii: ">") {
        addDiagnostic(Diagnostic.error("'<>' is not an operator in hq", at: SourceRange(start, start + 2), help: "write '!=' for 'not equal'"))
        return make(.notEqual, 2)
      }
      return following == UInt8(ascii: "=") ? make(.lessOrEqual, 2) : make(.less, 1)
    case UInt8(ascii: ">"): return following == UInt8(ascii: "=") ? make(.greaterOrEqual, 2) : make(.greater, 1)
    case UInt8(ascii: "!"):
      if following == UInt8(ascii: "=") { return make(.notEqual, 2) }
      if following == UInt8(ascii: "~") { return make(.notTilde, 2) }
      return nil
    default: return nil
    }
  }

  /// Skips a character that starts no token, and any repeats of it right after it, with one
  /// diagnostic for the run.
  mutating func skipUnknownCharacter() {
    let start = position
    let length = scalarLength(at: position)
    position += length
    while repeatsUnknownCharacter(start: start, length: length) { position += length }
    guard acceptsDiagnostic(at: start) else { return }
    let character = text(start, start + length)
    let help: String? = switch character {
    case "'", "‘", "’": "text is written in straight double quotes: \"Läkemedel\""
    case "“", "”", "„": "text is written in straight double quotes: \"…\", not typographic quotes"
    case "!": "write 'not' to negate, '!=' for 'not equal'"
    case "&": "write 'and'"
    case ".":
      // `… | .format csv`: a meta command inside a statement.
      if let next = bytes.indices.contains(position) ? bytes[position] : nil, (next | 0x20) >= 0x61, (next | 0x20) <= 0x7A {
        "commands such as .format go on a line of their own, not inside a statement"
      } else {
        "a decimal number starts with a digit: 0.5"
      }
    case "{", "}": "lists are written in square brackets: [a, b]"
    case "–", "—", "−": "write the minus sign as '-'"
    default: nil
    }
    let shown = character.unicodeScalars.first.map { $0.properties.generalCategory == .control } == true
      ? "U+" + String(character.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
      : character
    let quoted = shown == "'" ? "\"'\"" : "'\(shown)'"
    addDiagnostic(Diagnostic.error("unexpected character \(quoted)", at: SourceRange(start, position), help: help))
  }

  /// True when the bytes at ``position`` repeat the unknown character at `start` and are
  /// unknown there too. Only `!` can start a token when repeated (`!!=` is `!` then `!=`).
  /// A quote is unknown when no closing quote follows on its line, and then none follows
  /// its repeats either.
  func repeatsUnknownCharacter(start: Int, length: Int) -> Bool {
    guard position + length <= bytes.count else { return false }
    for i in 0..<length where bytes[position + i] != bytes[start + i] { return false }
    if bytes[start] == UInt8(ascii: "!"), position + 1 < bytes.count {
      let following = bytes[position + 1]
      return following != UInt8(ascii: "=") && following != UInt8(ascii: "~")
    }
    return true
  }

  // MARK: - Diagnostics

  /// Whether a diagnostic starting at `start` would be kept: while fewer than
  /// ``maxDiagnostics`` are kept, or when it starts before the last one kept (an unterminated
  /// string is reported after the escapes inside it).
  func acceptsDiagnostic(at start: Int) -> Bool {
    diagnostics.count < Self.maxDiagnostics || start < lastKeptStart
  }

  /// Records `diagnostic` if it is among the first ``maxDiagnostics`` by position so far.
  ///
  /// - Complexity: O(1), or O(``maxDiagnostics``) when it displaces a later one.
  mutating func addDiagnostic(_ diagnostic: Diagnostic) {
    let start = diagnostic.start
    guard acceptsDiagnostic(at: start) else { return }
    guard diagnostics.count >= Self.maxDiagnostics,
      let last = diagnostics.lastIndex(where: { $0.start == lastKeptStart })
    else {
      diagnostics.append(diagnostic)
      lastKeptStart = max(lastKeptStart, start)
      return
    }
    diagnostics.remove(at: last)
    diagnostics.append(diagnostic)
    lastKeptStart = diagnostics.map(\.start).max() ?? -1
  }

  // MARK: - Bytes

  func text(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The length in bytes of the UTF-8 sequence starting at `offset` (1 for a stray byte).
  func scalarLength(at offset: Int) -> Int {
    let byte = bytes[offset]
    let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    return min(length, bytes.count - offset)
  }

  func scalar(at offset: Int) -> Unicode.Scalar? {
    let length = scalarLength(at: offset)
    var iterator = bytes[offset..<(offset + length)].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
  }
}

extension UInt8 {
  var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
  var isASCIILetter: Bool {
    (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
  }
}
