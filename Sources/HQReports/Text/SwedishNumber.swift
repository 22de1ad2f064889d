import HQData

/// A number as a Swedish report writes it: `-1 204,1`, `2 381 640`, `5,8%`, `−3`, `+423`.
///
/// The extraction keeps the spaces of the typesetting, so a thousands separator (a space or a
/// no-break space) looks exactly like the space between two numbers. ``SwedishNumber/parse(_:)``
/// reads one number whose groups are already known to belong together;
/// ``NumberRun`` decides where one number ends and the next begins in a run of words.
struct SwedishNumber: Sendable, Hashable {
  /// The value, exact.
  var value: Number
  /// The unit written with the number itself: `%`, `mnkr`, `tkr`, `kr`, `st`; empty when none.
  var unit: String
  /// A comparison written before the number (`>` in `> -5,2%`), empty when none.
  var qualifier: String
  /// The 1-based UTF-8 column of the number's first character in its line (0 when unknown).
  var column: Int
  /// True for an amount written in parentheses (`(154 037)`), read as negative: only
  /// ``parse(_:parentheses:)`` reads one, for a table whose convention it is.
  var parenthesised = false

  init(value: Number, unit: String = "", qualifier: String = "", column: Int = 0) {
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.column = column
  }

  /// True when the number was written with a percent sign (`90%`, `5,8 %`).
  var isPercent: Bool { unit == "%" }

  /// Parses one complete Swedish number: optional sign (`+`, `-`, `−`, `–`), digits in groups
  /// of three separated by spaces or no-break spaces, an optional decimal comma, and an optional
  /// `%` (directly or after a space).
  ///
  /// Returns nil for anything else, including badly grouped digits (`12 34`), section numbers
  /// (`2.3.7`), page markers (`15(34)`) and words.
  ///
  ///     SwedishNumber.parse("-1 204,1")?.value  // -1204.1
  ///     SwedishNumber.parse("5,8%")?.unit       // "%"
  static func parse(_ text: some StringProtocol) -> SwedishNumber? {
    parse(text, parentheses: false)
  }

  /// ``parse(_:)``, and with `parentheses` also an amount in parentheses, as a negative number
  /// (`(154 037)` → -154 037, ``parenthesised`` set). Only a table whose convention it is asks
  /// for it (``GridReading``); elsewhere `(2)` is a note, a rank or an aside.
  static func parse(_ text: some StringProtocol, parentheses: Bool) -> SwedishNumber? {
    let words = NumberRun.words(in: Substring(text))
    guard !words.isEmpty, NumberRun.trailingRunStart(words, parentheses: parentheses) == 0 else { return nil }
    let atoms = NumberRun.atoms(words, from: 0, parentheses: parentheses)
    guard atoms.first?.firstWord == 0, atoms.last?.endWord == words.count,
      let reading = NumberRun.greedyReading(atoms[...]), reading.count == 1
    else { return nil }
    return NumberRun.makeNumber(atoms[...], span: reading[0])
  }
}

/// The kind of one whitespace-separated word of a line, as far as numbers are concerned.
enum NumberWord: Sendable, Hashable {
  /// Digits with optional sign, decimals and percent sign (`-1`, `204,1`, `5,8%`, `000`).
  case digits(Digits)
  /// A sign standing alone before the number it belongs to (`- 0,5 mnkr`).
  case sign(negative: Bool)
  /// A unit written after a number (`%`, `mnkr`, `tkr`, `kr`, `st`).
  case unit(String)
  /// A comparison written before a number (`>`, `<`, `≥`, `≤`).
  case qualifier(String)
  /// Anything else: label text, `2.3.7`, `15(34)`, `(16`, `*`.
  case other

  /// The parts of a word made of digits.
  struct Digits: Sendable, Hashable {
    var negative: Bool
    var hasSign: Bool
    /// The digits before the decimal comma, as an integer (at most 18 digits are kept exact).
    var integer: Int64
    var integerDigits: Int
    var leadingZero: Bool
    var fraction: Int64
    var fractionDigits: Int
    var percent: Bool
    /// A parenthesis opening before the digits (`(154` of `(154 037)`); only read when a table
    /// asks for amounts in parentheses (``NumberWord/classify(_:parentheses:)``).
    var openParen = false
    /// A parenthesis closing after the digits (`037)`).
    var closeParen = false

    /// True when the word may be a thousands group continuing the number before it.
    var canContinue: Bool { !hasSign && integerDigits == 3 && !openParen }
    /// True when more thousands groups may follow this word; never after a lone `0` (`0 756`
    /// is two numbers: no amount is written with a leading zero group).
    var canBeContinued: Bool {
      fractionDigits == 0 && !percent && integerDigits > 0 && !closeParen && !(integerDigits == 1 && integer == 0)
    }
    /// True when the word may begin a number: `0`, `0,5`, `12`, but not `000` or `045`.
    var canStart: Bool { !leadingZero || integerDigits == 1 }
  }

  /// ``classify(_:)``, and with `parentheses` a word of digits opening or closing a parenthesis
  /// (`(154`, `037)`, `(49,7)`) is digits too, its parentheses noted: an amount in parentheses
  /// is a negative one in a table that writes its negatives so (``NumberRun/mergingParentheses(_:)``
  /// puts the words of one such amount together). No sign, `%` or letter may stand inside.
  static func classify(_ word: Substring, parentheses: Bool) -> NumberWord {
    let kind = classify(word)
    guard parentheses, case .other = kind else { return kind }
    var inner = word
    let open = inner.first == "("
    if open { inner = inner.dropFirst() }
    let close = inner.last == ")"
    if close { inner = inner.dropLast() }
    guard open || close, let first = inner.utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9"),
      case .digits(var digits) = classify(inner), !digits.percent, !digits.hasSign
    else { return .other }
    digits.openParen = open
    digits.closeParen = close
    return .digits(digits)
  }

  /// Classifies one word (no whitespace inside) by its UTF-8 bytes.
  static func classify(_ word: Substring) -> NumberWord {
    word.utf8.withContiguousStorageIfAvailable { classify(bytes: $0) }
      ?? Array(word.utf8).withUnsafeBufferPointer { classify(bytes: $0) }
  }

  /// ``classify(_:)`` of the word whose UTF-8 bytes these are.
  static func classify(bytes word: UnsafeBufferPointer<UInt8>) -> NumberWord {
    guard let first = word.first else { return .other }
    if word.count == 1 {
      switch first {
      case UInt8(ascii: "-"), UInt8(ascii: "+"): return .sign(negative: first == UInt8(ascii: "-"))
      case UInt8(ascii: "%"): return .unit("%")
      case UInt8(ascii: ">"): return .qualifier(">")
      case UInt8(ascii: "<"): return .qualifier("<")
      default: break
      }
    }
    if word.count == 3 && first == 0xE2 {
      // `−` (E2 88 92), `–` (E2 80 93), `≥` (E2 89 A5), `≤` (E2 89 A4): compared as bytes, as
      // none of them has another canonically equivalent spelling.
      switch (word[1], word[2]) {
      case (0x88, 0x92), (0x80, 0x93): return .sign(negative: true)
      case (0x89, 0xA5): return .qualifier("≥")
      case (0x89, 0xA4): return .qualifier("≤")
      default: return .other
      }
    }
    if let unit = unitWord(word) { return .unit(unit) }
    return digits(word).map { .digits($0) } ?? .other
  }

  /// The units a report writes after a number, lower-cased (`Mnkr` → `mnkr`). Unit words are
  /// ASCII, so comparing bytes is comparing characters.
  static func unitWord(_ word: UnsafeBufferPointer<UInt8>) -> String? {
    // Cheap test first: every unit word is short and starts with one of these ASCII letters.
    guard word.count <= 7, let byte = word.first,
      byte == UInt8(ascii: "m") || byte == UInt8(ascii: "M") || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "T")
        || byte == UInt8(ascii: "k") || byte == UInt8(ascii: "s") || byte == UInt8(ascii: "p")
    else { return nil }
    func equals(_ literal: StaticString) -> Bool {
      literal.utf8CodeUnitCount == word.count
        && UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount).elementsEqual(word)
    }
    if equals("mnkr") || equals("Mnkr") || equals("MNKR") { return "mnkr" }
    if equals("tkr") || equals("Tkr") { return "tkr" }
    if equals("kr") { return "kr" }
    if equals("mdkr") || equals("mdr") { return "mdkr" }
    if equals("st") || equals("st.") { return "st" }
    if equals("procent") { return "%" }
    return nil
  }

  /// Reads `[sign]digits[,digits][%]`; nil for anything else.
  private static func digits(_ utf8: UnsafeBufferPointer<UInt8>) -> Digits? {
    var index = 0
    var result = Digits(
      negative: false, hasSign: false, integer: 0, integerDigits: 0, leadingZero: false,
      fraction: 0, fractionDigits: 0, percent: false)
    // Sign: ASCII +/-, or U+2212 minus / U+2013 en dash (3 bytes: E2 88 92 / E2 80 93).
    let first = utf8[0]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      result.hasSign = true
      result.negative = first == UInt8(ascii: "-")
      index = 1
    } else if first == 0xE2 {
      guard utf8.count >= 3, (utf8[1] == 0x88 && utf8[2] == 0x92) || (utf8[1] == 0x80 && utf8[2] == 0x93) else {
        return nil
      }
      result.hasSign = true
      result.negative = true
      index = 3
    }
    var inFraction = false
    while index < utf8.count {
      let byte = utf8[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        let digit = Int64(byte - UInt8(ascii: "0"))
        if inFraction {
          guard result.fractionDigits < 12 else { return nil }
          result.fraction = result.fraction * 10 + digit
          result.fractionDigits += 1
        } else {
          guard result.integerDigits < 18 else { return nil }
          if result.integerDigits == 0 && digit == 0 { result.leadingZero = true }
          result.integer = result.integer * 10 + digit
          result.integerDigits += 1
        }
      } else if byte == UInt8(ascii: ",") && !inFraction && result.integerDigits > 0 {
        inFraction = true
      } else if byte == UInt8(ascii: "%") && index + 1 == utf8.count {
        result.percent = true
      } else {
        return nil
      }
      index += 1
    }
    guard result.integerDigits > 0, !inFraction || result.fractionDigits > 0 else { return nil }
    return result
  }
}
