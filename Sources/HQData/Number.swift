#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exact decimal number: a 64-bit integer mantissa and a power-of-ten scale.
///
/// Report values are written with a few decimals (`9,4`, `-1 204,1`, `5,8%`), and analysts
/// add them up and expect the sum a person would write: `9.4 + 16.1` is `25.5`, never
/// `25.499999999999996`. Binary floating point cannot promise that; a scaled integer can.
/// Addition, subtraction and comparison are exact. Multiplication is exact while the result
/// fits; division rounds half away from zero to ``divisionScale`` fractional digits.
/// Aggregates accumulate in `Int128` (see ``NumberAccumulator``), so a sum over millions of
/// rows neither loses a cent nor overflows before the final result.
///
/// Equality and hashing look at the value, not the spelling: `1.50 == 1.5`.
/// ``description`` prints the shortest exact form: `25.5`, `-1204.1`, `2381640`, `0.05`.
public struct Number: Sendable {
  /// The digits, with the decimal point `scale` places from the right.
  public var mantissa: Int64
  /// The number of fractional digits, `0...Number.maxScale`.
  public var scale: Int8

  /// The largest scale a number may have: 10^18 still fits in an `Int64`.
  public static let maxScale: Int8 = 18
  /// The fractional digits a quotient (`/`, `avg`) is rounded to.
  public static let divisionScale: Int8 = 12

  public init(mantissa: Int64, scale: Int8 = 0) {
    precondition(scale >= 0 && scale <= Number.maxScale, "scale out of range")
    self.mantissa = mantissa
    self.scale = scale
  }

  public init(_ integer: Int) {
    self.init(mantissa: Int64(integer), scale: 0)
  }

  public static let zero = Number(mantissa: 0)

  /// Parses the plain machine spelling: optional sign, digits, optional `.` and digits,
  /// optional exponent (`1e3`, `2.5E-2`). Returns nil for anything else or on overflow.
  ///
  /// Swedish report spellings (`-1 204,1`, `−5`, `90%`) are the report reader's business;
  /// this is the form that CSV files, JSON and the query language use.
  public init?(_ text: some StringProtocol) {
    var utf8 = Substring(text).utf8[...]
    var negative = false
    if let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
      negative = first == UInt8(ascii: "-")
      utf8 = utf8.dropFirst()
    }
    var mantissa: Int128 = 0
    var scale = 0
    var digits = 0
    var seenPoint = false
    var exponent = 0
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        mantissa = mantissa * 10 + Int128(byte - UInt8(ascii: "0"))
        if mantissa > Int128(Int64.max) { return nil }
        digits += 1
        if seenPoint { scale += 1 }
      } else if byte == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        guard digits > 0, let parsed = Int(String(Substring(utf8[utf8.index(after: index)...]))),
          abs(parsed) <= 36
        else { return nil }
        exponent = parsed
        index = utf8.endIndex
        break
      } else {
        return nil
      }
      index = utf8.index(after: index)
    }
    guard digits > 0 else { return nil }
    scale -= exponent
    while scale < 0 {
      mantissa *= 10
      if mantissa > Int128(Int64.max) { return nil }
      scale += 1
    }
    while scale > Int(Number.maxScale) {
      // More digits than we keep: round the last one away.
      mantissa = Number.divideRounding(mantissa, by: 10)
      scale -= 1
    }
    self.init(mantissa: Int64(negative ? -mantissa : mantissa), scale: Int8(scale))
  }

  /// The number as a `Double`, for functions without an exact decimal form (`stddev`) and for
  /// drawing charts.
  public var doubleValue: Double {
    // 10^0 … 10^22 are exact in a Double, so the table gives what the Int128 power converted
    // to a Double gives, without the generic 128-bit conversion (a chart of 10 000 points
    // spent most of its time there).
    let s = Int(scale)
    if s >= 0 && s < Number.doublePowersOfTen.count { return Double(mantissa) / Number.doublePowersOfTen[s] }
    return Double(mantissa) / Number.powerOfTen(s).asDouble
  }

  /// 10^0 … 10^22, each exact.
  static let doublePowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
    1e20, 1e21, 1e22,
  ]

  /// The closest number with at most `scale` fractional digits, or nil for NaN/infinity/overflow.
  public init?(_ double: Double, scale: Int8 = Number.divisionScale) {
    guard double.isFinite else { return nil }
    var scale = scale
    while scale > 0 && abs(double) * Number.powerOfTen(Int(scale)).asDouble >= 9.0e18 {
      scale -= 1
    }
    let scaled = (double * Number.powerOfTen(Int(scale)).asDouble).rounded(.toNearestOrAwayFromZero)
    guard abs(scaled) < 9.2e18 else { return nil }
    self = Number(mantissa: Int64(scaled), scale: scale).normalized
  }

  /// A floating-point result (of `sqrt`, `ln`, …) rounded to 15 significant digits, the
  /// digits a `Double` holds reliably, and at most ``divisionScale`` decimals; nil for
  /// NaN, infinity or a value beyond 18 digits.
  public init?(approximating double: Double) {
    guard double.isFinite else { return nil }
    if double == 0 {
      self = .zero
      return
    }
    let integerDigits = Int((log10(Swift.abs(double))).rounded(.down)) + 1
    let scale = Swift.max(0, Swift.min(Int(Number.divisionScale), 15 - integerDigits))
    self.init(double, scale: Int8(scale))
  }

  /// The same value with trailing fractional zeros removed (`1.50` → `1.5`, `2.0` → `2`).
  public var normalized: Number {
    var m = mantissa
    var s = scale
    while s > 0 && m % 10 == 0 {
      m /= 10
      s -= 1
    }
    return Number(mantissa: m, scale: s)
  }

  /// True when the value has no fractional part.
  public var isInteger: Bool {
    scale == 0 || mantissa % Int64(Number.powerOfTen(Int(scale))) == 0
  }

  /// The integer value if the number is whole and fits an `Int`.
  public var intValue: Int? {
    guard isInteger else { return nil }
    return Int(mantissa / Int64(Number.powerOfTen(Int(scale))))
  }

  public var isNegative: Bool { mantissa < 0 }
  public var isZero: Bool { mantissa == 0 }

  // MARK: Internals shared with the arithmetic file

  static func powerOfTen(_ exponent: Int) -> Int128 {
    var result: Int128 = 1
    for _ in 0..<exponent { result *= 10 }
    return result
  }

  /// `value / divisor`, rounded half away from zero.
  static func divideRounding(_ value: Int128, by divisor: Int128) -> Int128 {
    let quotient = value / divisor
    let remainder = value % divisor
    if remainder.magnitude * 2 >= divisor.magnitude {
      return quotient + ((value < 0) != (divisor < 0) ? -1 : 1)
    }
    return quotient
  }

  /// Builds a number from a wide mantissa, dropping fractional digits (rounding) until it fits.
  /// Returns nil when even the integer part does not fit in 64 bits.
  static func fitting(_ wide: Int128, scale: Int) -> Number? {
    var wide = wide
    var scale = scale
    while scale > Int(maxScale) || (scale > 0 && (wide > Int128(Int64.max) || wide < Int128(Int64.min))) {
      wide = divideRounding(wide, by: 10)
      scale -= 1
    }
    guard wide <= Int128(Int64.max) && wide >= Int128(Int64.min) else { return nil }
    return Number(mantissa: Int64(wide), scale: Int8(scale))
  }

  /// The mantissa rescaled to `scale` (which must be ≥ self.scale) as a wide integer.
  func wideMantissa(atScale target: Int8) -> Int128 {
    Int128(mantissa) * Number.powerOfTen(Int(target - scale))
  }
}

extension Int128 {
  fileprivate var asDouble: Double { Double(self) }
}

extension Number: CustomStringConvertible {
  /// The shortest exact decimal spelling, with `.` as the decimal point and no grouping.
  public var description: String {
    let n = normalized
    if n.scale == 0 { return String(n.mantissa) }
    let digits = String(n.mantissa.magnitude)
    let scale = Int(n.scale)
    let padded = digits.count <= scale ? String(repeating: "0", count: scale - digits.count + 1) + digits : digits
    let split = padded.index(padded.endIndex, offsetBy: -scale)
    return (n.mantissa < 0 ? "-" : "") + padded[..<split] + "." + padded[split...]
  }
}

extension Number: Equatable, Hashable, Comparable {
  public static func == (lhs: Number, rhs: Number) -> Bool {
    let scale = max(lhs.scale, rhs.scale)
    return lhs.wideMantissa(atScale: scale) == rhs.wideMantissa(atScale: scale)
  }

  public func hash(into hasher: inout Hasher) {
    let n = normalized
    hasher.combine(n.mantissa)
    hasher.combine(n.scale)
  }

  public static func < (lhs: Number, rhs: Number) -> Bool {
    let scale = max(lhs.scale, rhs.scale)
    return lhs.wideMantissa(atScale: scale) < rhs.wideMantissa(atScale: scale)
  }
}

extension Number: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int64) {
    self.init(mantissa: value, scale: 0)
  }
}
