extension Lexer {
  /// Text in single or typographic quotes (`'a'`, `‘a’`, `“a”`), a habit from SQL and word
  /// processors: read as text so parsing goes on, with one error that shows the fix.
  mutating func lexMisquotedString() -> Token? {
    let start = position
    // `'` or the E2 80 xx of ‘ ’ “ ” „: anything else is not a quote (checked before building
    // strings, since every unknown character comes through here).
    guard bytes[start] == UInt8(ascii: "'") || bytes[start] == 0xE2 else { return nil }
    let opening = text(start, start + scalarLength(at: start))
    let closers: [String: Set<String>] = ["'": ["'"], "‘": ["’", "‘"], "’": ["’"], "“": ["”", "“"], "”": ["”"], "„": ["“", "”"]]
    guard let closing = closers[opening] else { return nil }
    // An earlier quote of this kind found no closer up to there: neither will this one.
    if let limit = unclosedQuoteScannedTo[opening], start < limit { return nil }
    var end = start + opening.utf8.count
    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
      let length = scalarLength(at: end)
      if closing.contains(text(end, end + length)) {
        let value = text(start + opening.utf8.count, end)
        position = end + length
        addDiagnostic(Diagnostic.error(
          "text is written in straight double quotes", at: SourceRange(start, position),
          help: "write \(ASTPrinter.quote(value))"))
        return Token(.string, SourceRange(start, position), value: value)
      }
      end += length
    }
    unclosedQuoteScannedTo[opening] = end
    return nil
  }

  /// A `"…"` string. Escapes: `\"`, `\\`, `\n`, `\t`, `\u{XXXX}`. A string may span lines;
  /// one that never closes runs to the end of the input and is flagged unterminated.
  mutating func lexString() -> Token {
    let start = position
    position += 1
    var value: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return Token(.string, SourceRange(start, position), value: String(decoding: value, as: UTF8.self))
      }
      if byte == UInt8(ascii: "\\") {
        lexEscape(into: &value)
        continue
      }
      value.append(byte)
      position += 1
    }
    addDiagnostic(Diagnostic.error(
      "unterminated text; the closing '\"' is missing", at: SourceRange(start, start + 1),
      help: "end the text with '\"'"))
    return Token(.string, SourceRange(start, position), value: String(decoding: value, as: UTF8.self), isUnterminated: true)
  }

  mutating func lexEscape(into value: inout [UInt8]) {
    let start = position
    position += 1
    guard position < bytes.count else { return }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""): value.append(byte)
    case UInt8(ascii: "\\"): value.append(byte)
    case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
    case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
    case UInt8(ascii: "u"): lexUnicodeEscape(start: start, into: &value)
    default:
      position = start + 1 + scalarLength(at: start + 1)
      addDiagnostic(Diagnostic.error(
        "unknown escape '\(text(start, position))' in text", at: SourceRange(start, position),
        help: "the escapes are \\\" \\\\ \\n \\t \\u{…}; write \\\\ for a backslash"))
    }
  }

  /// `\u{…}` with 1 to 8 hex digits naming a Unicode scalar.
  mutating func lexUnicodeEscape(start: Int, into value: inout [UInt8]) {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
      addDiagnostic(Diagnostic.error("expected '{' after '\\u'", at: SourceRange(start, position), help: "write \\u{E5} for å"))
      return
    }
    position += 1
    var code: UInt32 = 0
    var digits = 0
    while position < bytes.count, let digit = hexValue(bytes[position]), digits < 8 {
      code = code &* 16 &+ UInt32(digit)
      digits += 1
      position += 1
    }
    let closed = position < bytes.count && bytes[position] == UInt8(ascii: "}")
    if closed { position += 1 }
    guard closed, digits > 0, let scalar = Unicode.Scalar(code) else {
      addDiagnostic(Diagnostic.error("invalid Unicode escape", at: SourceRange(start, position), help: "write \\u{E5} for å"))
      return
    }
    value.append(contentsOf: Array(String(Character(scalar)).utf8))
  }

  func hexValue(_ byte: UInt8) -> UInt8? {
    if byte.isASCIIDigit { return byte - UInt8(ascii: "0") }
    if byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f") { return byte - UInt8(ascii: "a") + 10 }
    if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F") { return byte - UInt8(ascii: "A") + 10 }
    return nil
  }
}
