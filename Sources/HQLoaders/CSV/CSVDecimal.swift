import HQData

/// Recognises number cells: an optional sign, digits, at most one decimal separator (`.` or
/// the Swedish `,`), more digits; surrounding spaces allowed. Nothing else is a number, so
/// `12 %`, `1e3`, `1 204` and `N/A` keep a column textual.
enum CSVDecimal {
  /// A parsed cell: the exact value and which decimal separator it used, if any.
  struct Parsed {
    var mantissa: Int64
    var scale: Int8
    /// 0 when the cell had no fractional part, else `.` or `,`.
    var separator: UInt8
  }

  /// Parses `bytes[start..<end]`; nil when the cell is not a plain decimal number or has more
  /// than 18 significant digits.
  @inline(__always)
  static func parse(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Parsed? {
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
        return nil
      }
      i += 1
    }
    guard digits > 0, separator == 0 || scale > 0, scale <= Int(Number.maxScale) else { return nil }
    return Parsed(mantissa: negative ? -mantissa : mantissa, scale: Int8(scale), separator: scale == 0 ? 0 : separator)
  }
}
