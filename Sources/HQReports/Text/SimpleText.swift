/// Byte-level versions of the `Character`-based string operations the extractor leans on,
/// exact for *simple text* (``ByteSearch/isSimpleText(_:)``: every character one scalar already
/// in NFC, none joining its neighbours), which is nearly all report text. Each function answers
/// from the bytes when the text is simple and falls back to the standard library otherwise, so
/// results never differ; only the cost does (a `Character` costs a hundred instructions or more).
enum SimpleText {
  /// `text.lowercased()`. ASCII and Latin-1 capitals are folded from the bytes; text with any
  /// other character outside ASCII goes to the standard library.
  static func lowercased(_ text: String) -> String {
    /// What the bytes say: already lower case, lower-cased here, or for the standard library.
    enum Outcome {
      case unchanged
      case lowered(String)
      case notLatin1
    }
    var text = text
    let outcome = text.withUTF8 { bytes -> Outcome in
      var needsChange = false
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          if b >= 0x41 && b <= 0x5A { needsChange = true }
          i += 1
        } else if b == 0xC3, i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF {
          let c = bytes[i + 1]
          if c <= 0x9E && c != 0x97 { needsChange = true }
          i += 2
        } else {
          return .notLatin1
        }
      }
      guard needsChange else { return .unchanged }
      return .lowered(String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
        var previous: UInt8 = 0
        for (k, b) in bytes.enumerated() {
          if b >= 0x41 && b <= 0x5A {
            out[k] = b | 0x20
          } else if previous == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97 {
            out[k] = b + 0x20
          } else {
            out[k] = b
          }
          previous = b
        }
        return bytes.count
      })
    }
    switch outcome {
    case .unchanged: return text
    case .lowered(let lowered): return lowered
    case .notLatin1: return text.lowercased()
    }
  }

  /// `String(word.lowercased().filter(\.isLetter))`, from the bytes when the word is ASCII.
  static func lowercasedLetters(_ word: Substring) -> String {
    let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
        var count = 0
        for b in bytes where (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
          out[count] = b | 0x20
          count += 1
        }
        return count
      }
    }
    return (ascii ?? nil) ?? String(word.lowercased().filter(\.isLetter))
  }

  /// `String(text.filter(\.isLetter))`: ASCII and Latin-1 letters kept from the bytes; text
  /// with any other character outside ASCII goes to the standard library.
  static func keepingLetters(_ text: String) -> String {
    var copy = text
    let kept = copy.withUTF8 { bytes -> String? in
      var i = 0
      var changes = false
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          if !((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) { changes = true }
          i += 1
        } else if b == 0xC3, i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF {
          if bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 { changes = true }  // × ÷
          i += 2
        } else {
          return nil
        }
      }
      guard changes else { return text }
      return String(unsafeUninitializedCapacity: bytes.count) { out -> Int in
        var count = 0
        var i = 0
        while i < bytes.count {
          let b = bytes[i]
          if b < 0x80 {
            if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
              out[count] = b
              count += 1
            }
            i += 1
          } else {
            if bytes[i + 1] != 0x97 && bytes[i + 1] != 0xB7 {
              out[count] = b
              out[count + 1] = bytes[i + 1]
              count += 2
            }
            i += 2
          }
        }
        return count
      }
    }
    return kept ?? String(text.filter(\.isLetter))
  }

  /// The line's words: `line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })`,
  /// split on the bytes when the line is simple text (no space, tab or no-break space there
  /// joins a combining mark into one `Character`).
  static func words(_ line: some StringProtocol) -> [Substring] {
    let line = Substring(line)
    let ranges = line.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
      guard ByteSearch.isSimpleText(bytes) else { return nil }
      var words: [Range<Int>] = []
      words.reserveCapacity(bytes.count / 5 + 1)
      var start = -1
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        let width = b == 0x20 || b == 0x09 ? 1 : (b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0)
        if width > 0 {
          if start >= 0 { words.append(start..<i) }
          start = -1
          i += width
        } else {
          if start < 0 { start = i }
          i += 1
        }
      }
      if start >= 0 { words.append(start..<bytes.count) }
      return words
    }
    guard let ranges = ranges ?? nil else {
      return line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
    }
    let utf8 = line.utf8
    let base = utf8.startIndex
    return ranges.map { range in
      let start = utf8.index(base, offsetBy: range.lowerBound)
      return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
    }
  }

  /// The words of simple text split at single ASCII spaces (empty words dropped), as byte
  /// ranges; nil when the text is not simple.
  static func spaceWords(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
    pieces(bytes, separator: 0x20)
  }

  /// The pieces of simple text between the ASCII bytes `separator` (empty pieces dropped), as
  /// byte ranges; nil when the text is not simple. In simple text every character is one
  /// scalar, so these are the pieces `split(separator:)` gives.
  static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> [Range<Int>]? {
    guard ByteSearch.isSimpleText(bytes) else { return nil }
    var words: [Range<Int>] = []
    words.reserveCapacity(bytes.count / 5 + 1)
    var start = -1
    for i in 0..<bytes.count {
      if bytes[i] == separator {
        if start >= 0 { words.append(start..<i) }
        start = -1
      } else if start < 0 {
        start = i
      }
    }
    if start >= 0 { words.append(start..<bytes.count) }
    return words
  }

  /// The four-digit year 1900–2099 the bytes spell, nil otherwise (``FigureYear/year(_:)``).
  static func year(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Int? {
    guard word.count == 4 else { return nil }
    var value = 0
    for k in word {
      let b = bytes[k]
      guard b >= 0x30 && b <= 0x39 else { return nil }
      value = value * 10 + Int(b - 0x30)
    }
    return value >= 1900 && value <= 2099 ? value : nil
  }

  /// True when `needle` (lower-case letters, NFC) occurs in simple `text` as a whole word: with
  /// no letter (`Character.isLetter`) directly before or after it. Nil when the text is not
  /// simple.
  static func hasWord(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool? {
    guard ByteSearch.isSimpleText(bytes) else { return nil }
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    let m = pattern.count
    guard m > 0, bytes.count >= m else { return false }
    var i = 0
    while i + m <= bytes.count {
      if bytes[i] == pattern[0], UnsafeBufferPointer(rebasing: bytes[i..<(i + m)]).elementsEqual(pattern) {
        if !isLetter(endingAt: i, bytes), !isLetter(startingAt: i + m, bytes) { return true }
      }
      i += 1
    }
    return false
  }

  /// Whether the scalar that ends just before byte `end` is a letter (false at the start).
  private static func isLetter(endingAt end: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard end > 0 else { return false }
    var start = end - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return isLetter(startingAt: start, bytes)
  }

  /// Whether the scalar that starts at byte `start` is a letter (false at the end).
  private static func isLetter(startingAt start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard start < bytes.count else { return false }
    let b = bytes[start]
    if b < 0x80 { return (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
    var end = start + 1
    while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
    let scalar = Substring(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    return scalar.first?.isLetter ?? false
  }
}

extension StringProtocol {
  /// `split(separator:)` at an ASCII character (empty pieces dropped), read from the bytes when
  /// the text is simple text (``SimpleText/pieces(_:separator:)``), by the standard library
  /// otherwise: the same pieces, without a `Character` per character.
  func split(ascii separator: Unicode.Scalar) -> [Substring] {
    precondition(separator.isASCII)
    let text = Substring(self)
    let utf8 = text.utf8
    let found = utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
      guard let ranges = SimpleText.pieces(bytes, separator: UInt8(separator.value)) else { return nil }
      let base = utf8.startIndex
      return ranges.map { range in
        let start = utf8.index(base, offsetBy: range.lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: range.count)])
      }
    }
    return (found ?? nil) ?? text.split(separator: Character(separator))
  }
}
