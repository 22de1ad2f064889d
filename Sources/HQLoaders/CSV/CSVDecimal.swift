import HQData
import HQReports

/// Recognises number cells, in the machine form (`-1204.1`) and as Swedish Excel and reports
/// write them (`1 204,1`, `−5,8`, `5,8 %`, `12 450 tkr`).
///
/// - The plain form: an optional sign, digits, at most one decimal separator (`.` or the
///   Swedish `,`), more digits; surrounding spaces allowed. It is read by a tight loop over
///   the bytes (``parsePlain(_:_:_:)``), the only path a `.`-decimal file takes.
/// - Anything else falls to ``parseWritten(_:_:_:)``: a sign that may be `−` (U+2212) or `–`
///   (U+2013), digits grouped by threes with a space, a no-break space (U+00A0) or a narrow
///   no-break space (U+202F), an optional decimal `,` or `.`, and an optional unit after it
///   (`%`, `tkr`, `mnkr`, `kr`, … of ``HQReports/UnitVocabulary``; a word unit after a space,
///   `%` with or without one).
///
/// Nothing else is a number: `12 34` (badly grouped), `1e3`, `N/A`, `5 st kvar` keep a column
/// textual. Neither path allocates.
enum CSVDecimal {
  /// A cell in the plain form: the exact value and which decimal separator it used, if any.
  /// (Kept to these three fields: the plain loop returns it in registers.)
  struct Plain {
    var mantissa: Int64
    var scale: Int8
    /// 0 when the cell had no fractional part, else `.` or `,`.
    var separator: UInt8
  }

  /// A parsed cell in any form: the value, its decimal separator and its unit.
  struct Parsed {
    var mantissa: Int64
    var scale: Int8
    /// 0 when the cell had no fractional part, else `.` or `,`.
    var separator: UInt8
    /// The unit written after the number: ``HQReports/UnitVocabulary/code(ofWord:)``, 0 for none.
    var unit: UInt8 = 0

    init(mantissa: Int64, scale: Int8, separator: UInt8, unit: UInt8 = 0) {
      self.mantissa = mantissa
      self.scale = scale
      self.separator = separator
      self.unit = unit
    }

    init(_ plain: Plain) {
      self.init(mantissa: plain.mantissa, scale: plain.scale, separator: plain.separator)
    }
  }

  /// Parses `bytes[start..<end]`; nil when the cell is not a number or has more than 18
  /// significant digits.
  static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Parsed? {
    parsePlain(base, start, end).map(Parsed.init) ?? parseWritten(base, start, end)
  }

  /// The plain form only; nil for anything else (which ``parseWritten(_:_:_:)`` may still
  /// read). The loop every cell of a `.`-decimal file takes.
  @inline(__always)
  static func parsePlain(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Plain? {
    var i = start
    var stop = end
    while i < stop && base[i] == 0x20 { i += 1 }
    while stop > i && base[stop - 1] == 0x20 { stop -= 1 }
    guard i < stop else { return nil }
    var negative = false
    if base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
      negative = base[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: Int64 = 0
    var digits = 0
    var significant = 0
    var scale = 0
    var separator: UInt8 = 0
    while i < stop {
      let byte = base[i]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        if significant > 0 || digit != 0 { significant += 1 }
        guard significant <= 18 else { return nil }
        mantissa = mantissa &* 10 &+ Int64(digit)
        digits += 1
        if separator != 0 { scale += 1 }
      } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && separator == 0 {
        separator = byte
      } else {
        // Not the plain form: a grouped, signed-with-a-minus or unit-carrying number, or text.
        return nil
      }
      i += 1
    }
    guard digits > 0, separator == 0 || scale > 0, scale <= Int(Number.maxScale) else { return nil }
    return Plain(mantissa: negative ? -mantissa : mantissa, scale: Int8(scale), separator: scale == 0 ? 0 : separator)
  }

  /// The written forms (see the type's discussion), read from scratch; kept out of line so
  /// the plain loop stays small.
  @inline(never)
  static func parseWritten(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Parsed? {
    var i = start
    var stop = end
    while i < stop, case let n = spaceLength(base, i, stop), n > 0 { i += n }
    while stop > i, case let n = spaceLengthBefore(base, i, stop), n > 0 { stop -= n }
    guard i < stop else { return nil }
    var negative = false
    if base[i] == UInt8(ascii: "-") || base[i] == UInt8(ascii: "+") {
      negative = base[i] == UInt8(ascii: "-")
      i += 1
    } else if stop - i >= 3, base[i] == 0xE2,
      (base[i + 1] == 0x88 && base[i + 2] == 0x92) || (base[i + 1] == 0x80 && base[i + 2] == 0x93)
    {
      negative = true
      i += 3
    }
    var mantissa: Int64 = 0
    var digits = 0
    var significant = 0
    var scale = 0
    var separator: UInt8 = 0
    var groupLength = 0
    var grouped = false
    // The whole part: digits, and a space between groups when 1–3 digits (the first group) or
    // 3 (a later one) are before it and exactly three follow it.
    while i < stop {
      let digit = base[i] &- UInt8(ascii: "0")
      if digit < 10 {
        if significant > 0 || digit != 0 { significant += 1 }
        guard significant <= 18 else { return nil }
        mantissa = mantissa &* 10 &+ Int64(digit)
        digits += 1
        groupLength += 1
        i += 1
        continue
      }
      let space = spaceLength(base, i, stop)
      if space > 0, groupLength >= 1, grouped ? groupLength == 3 : groupLength <= 3,
        threeDigits(base, i + space, stop)
      {
        i += space
        groupLength = 0
        grouped = true
        continue
      }
      break
    }
    guard digits > 0 else { return nil }
    if i + 1 < stop, base[i] == UInt8(ascii: ",") || base[i] == UInt8(ascii: "."),
      base[i + 1] &- UInt8(ascii: "0") < 10
    {
      separator = base[i]
      i += 1
      while i < stop, case let digit = base[i] &- UInt8(ascii: "0"), digit < 10 {
        if significant > 0 || digit != 0 { significant += 1 }
        guard significant <= 18 else { return nil }
        mantissa = mantissa &* 10 &+ Int64(digit)
        scale += 1
        i += 1
      }
    }
    guard scale <= Int(Number.maxScale) else { return nil }
    // What follows is nothing, or one unit: `%` (with or without a space) or a unit word
    // after a space.
    var unit: UInt8 = 0
    if i < stop {
      var j = i
      while j < stop, case let n = spaceLength(base, j, stop), n > 0 { j += n }
      guard j < stop, j > i || base[j] == UInt8(ascii: "%") else { return nil }
      unit = UnitVocabulary.code(ofWord: UnsafeBufferPointer(start: base + j, count: stop - j))
      guard unit != 0 else { return nil }
    }
    return Parsed(
      mantissa: negative ? -mantissa : mantissa, scale: Int8(scale), separator: scale == 0 ? 0 : separator, unit: unit)
  }

  /// The length of the space at `i`: 1 for ` `, 2 for a no-break space (C2 A0), 3 for a
  /// narrow no-break space (E2 80 AF); 0 for anything else.
  @inline(__always)
  private static func spaceLength(_ base: UnsafePointer<UInt8>, _ i: Int, _ stop: Int) -> Int {
    let byte = base[i]
    if byte == 0x20 { return 1 }
    if byte == 0xC2 { return i + 1 < stop && base[i + 1] == 0xA0 ? 2 : 0 }
    if byte == 0xE2 { return i + 2 < stop && base[i + 1] == 0x80 && base[i + 2] == 0xAF ? 3 : 0 }
    return 0
  }

  /// The length of a space that ends just before `stop` (as ``spaceLength(_:_:_:)``), 0 if none.
  @inline(__always)
  private static func spaceLengthBefore(_ base: UnsafePointer<UInt8>, _ start: Int, _ stop: Int) -> Int {
    if base[stop - 1] == 0x20 { return 1 }
    if stop - start >= 2 && base[stop - 2] == 0xC2 && base[stop - 1] == 0xA0 { return 2 }
    if stop - start >= 3 && base[stop - 3] == 0xE2 && base[stop - 2] == 0x80 && base[stop - 1] == 0xAF { return 3 }
    return 0
  }

  /// True when exactly three digits start at `i` (no fourth after them).
  @inline(__always)
  private static func threeDigits(_ base: UnsafePointer<UInt8>, _ i: Int, _ stop: Int) -> Bool {
    guard i + 3 <= stop else { return false }
    for k in i..<(i + 3) where base[k] &- UInt8(ascii: "0") >= 10 { return false }
    return i + 3 == stop || base[i + 3] &- UInt8(ascii: "0") >= 10
  }
}
