/// A small recursive-descent JSON parser (RFC 8259) over UTF-8 bytes.
///
/// The input must already be valid UTF-8 (the loader checks the whole file first). Nesting is
/// limited to ``maxDepth`` so a hostile file cannot overflow the stack.
struct JSONParser {
  static let maxDepth = 256

  private let bytes: UnsafeRawBufferPointer
  private var position: Int
  private var depth = 0

  init(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) {
    self.bytes = bytes
    position = start
  }

  /// Parses one document: a value, then only whitespace.
  static func parse(_ bytes: UnsafeRawBufferPointer, from start: Int = 0) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes, from: start)
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.position == bytes.count else {
      throw JSONSyntaxError(offset: parser.position, message: "unexpected text after the JSON value; expected the end of the file")
    }
    return value
  }

  private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
  }

  private func failure(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset ?? position, message: message)
  }

  private func found() -> String {
    guard let byte = current else { return "the end of the file" }
    if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "a character"
  }

  mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    let start = position
    guard let byte = current else { throw failure("expected a JSON value, found the end of the file") }
    switch byte {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return JSONValue(kind: .string(try parseString()), offset: start)
    case UInt8(ascii: "t"): try parseWord("true"); return JSONValue(kind: .bool(true), offset: start)
    case UInt8(ascii: "f"): try parseWord("false"); return JSONValue(kind: .bool(false), offset: start)
    case UInt8(ascii: "n"): try parseWord("null"); return JSONValue(kind: .null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw failure("expected a JSON value, found \(found())")
    }
  }

  private mutating func parseWord(_ word: StaticString) throws(JSONSyntaxError) {
    let start = position
    let length = word.utf8CodeUnitCount
    guard position + length <= bytes.count else { throw failure("expected a JSON value", at: start) }
    for i in 0..<length where bytes[position + i] != word.utf8Start[i] {
      throw failure("expected a JSON value", at: start)
    }
    position += length
  }

  private mutating func enter() throws(JSONSyntaxError) {
    depth += 1
    guard depth <= JSONParser.maxDepth else { throw failure("nesting too deep; expected at most \(JSONParser.maxDepth) levels") }
  }

  private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    try enter()
    position += 1
    var members: [JSONValue.Member] = []
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return JSONValue(kind: .object(members), offset: start)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw failure("expected a key in quotes, found \(found())") }
      let keyOffset = position
      let key = try parseString()
      skipWhitespace()
      guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key, found \(found())") }
      position += 1
      let value = try parseValue()
      members.append(JSONValue.Member(key: key, keyOffset: keyOffset, value: value))
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard current == UInt8(ascii: "}") else { throw failure("expected ',' or '}' in the object, found \(found())") }
      position += 1
      depth -= 1
      return JSONValue(kind: .object(members), offset: start)
    }
  }

  private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    try enter()
    position += 1
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return JSONValue(kind: .array(elements), offset: start)
    }
    while true {
      elements.append(try parseValue())
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard current == UInt8(ascii: "]") else { throw failure("expected ',' or ']' in the array, found \(found())") }
      position += 1
      depth -= 1
      return JSONValue(kind: .array(elements), offset: start)
    }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
    let start = position
    if current == UInt8(ascii: "-") { position += 1 }
    guard try digits() > 0 else { throw failure("expected a digit in the number, found \(found())") }
    if current == UInt8(ascii: ".") {
      position += 1
      guard try digits() > 0 else { throw failure("expected a digit after the decimal point, found \(found())") }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      position += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
      guard try digits() > 0 else { throw failure("expected a digit in the exponent, found \(found())") }
    }
    let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    return JSONValue(kind: .number(text), offset: start)
  }

  private mutating func digits() throws(JSONSyntaxError) -> Int {
    var count = 0
    while let byte = current, byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
      position += 1
      count += 1
    }
    return count
  }

  /// Parses a string whose opening quote is at `position`, decoding escapes.
  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let open = position
    position += 1
    var utf8: [UInt8] = []
    while true {
      guard let byte = current else {
        throw failure("unclosed string; expected a closing '\"' before the end of the file", at: open)
      }
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return String(decoding: utf8, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &utf8)
      case 0..<0x20:
        throw failure("control character in a string; expected it escaped (\\n, \\t, \\u00XX)")
      default:
        utf8.append(byte)
        position += 1
      }
    }
  }

  private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
    let start = position
    position += 1
    guard let byte = current else { throw failure("unfinished escape; expected a character after '\\'", at: start) }
    position += 1
    let simple: UInt8? =
      switch byte {
      case UInt8(ascii: "\""): 0x22
      case UInt8(ascii: "\\"): 0x5C
      case UInt8(ascii: "/"): 0x2F
      case UInt8(ascii: "b"): 0x08
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "n"): 0x0A
      case UInt8(ascii: "r"): 0x0D
      case UInt8(ascii: "t"): 0x09
      default: nil
      }
    if let simple {
      utf8.append(simple)
      return
    }
    guard byte == UInt8(ascii: "u") else {
      throw failure("unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: start)
    }
    var scalar = try hex4(escapeStart: start)
    if (0xD800..<0xDC00).contains(scalar) {
      guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
        throw failure("lone surrogate; expected a \\uDC00–\\uDFFF escape to follow", at: start)
      }
      position += 2
      let low = try hex4(escapeStart: start)
      guard (0xDC00..<0xE000).contains(low) else {
        throw failure("lone surrogate; expected a \\uDC00–\\uDFFF escape to follow", at: start)
      }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    } else if (0xDC00..<0xE000).contains(scalar) {
      throw failure("lone surrogate; expected a high surrogate first", at: start)
    }
    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape", at: start) }
    utf8.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
  }

  private mutating func hex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current else { throw failure("expected four hex digits after \\u", at: escapeStart) }
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw failure("expected four hex digits after \\u", at: escapeStart)
      }
      value = value * 16 + digit
      position += 1
    }
    return value
  }
}
