/// Exact arithmetic on ``Number``. Every operation that can overflow returns nil instead of
/// trapping, so the engine turns an overflow into an error that names the expression.
extension Number {
  public func adding(_ other: Number) -> Number? {
    let scale = max(self.scale, other.scale)
    return Number.fitting(wideMantissa(atScale: scale) + other.wideMantissa(atScale: scale), scale: Int(scale))
  }

  public func subtracting(_ other: Number) -> Number? {
    let scale = max(self.scale, other.scale)
    return Number.fitting(wideMantissa(atScale: scale) - other.wideMantissa(atScale: scale), scale: Int(scale))
  }

  public func multiplying(_ other: Number) -> Number? {
    Number.fitting(Int128(mantissa) * Int128(other.mantissa), scale: Int(scale) + Int(other.scale))?.normalized
  }

  /// The quotient rounded half away from zero to ``divisionScale`` digits (fewer when the
  /// integer part is large), trailing zeros removed. Nil when dividing by zero or on overflow.
  public func dividing(by other: Number) -> Number? {
    guard other.mantissa != 0 else { return nil }
    // self / other = (m1 / 10^s1) / (m2 / 10^s2) = m1 * 10^(s2 - s1) / m2.
    // Scale the dividend so the quotient has divisionScale fractional digits.
    let target = Int(Number.divisionScale)
    let shift = target + Int(other.scale) - Int(scale)
    var dividend = Int128(mantissa)
    var divisor = Int128(other.mantissa)
    if shift >= 0 {
      // Stay within Int128: |m1| < 2^63 and 10^30 < 2^100, so shift ≤ 30 is safe.
      dividend *= Number.powerOfTen(min(shift, 30))
      if shift > 30 { divisor = Number.divideRounding(divisor, by: Number.powerOfTen(shift - 30)) }
    } else {
      divisor *= Number.powerOfTen(-shift)
    }
    guard divisor != 0 else { return nil }
    return Number.fitting(Number.divideRounding(dividend, by: divisor), scale: target)?.normalized
  }

  /// The exact remainder of `self / other` with the quotient truncated toward zero, so it
  /// has the sign of `self` (`-7 % 3` is `-1`, `7.5 % 2` is `1.5`), as in SQL. Nil when
  /// dividing by zero.
  public func remainder(dividingBy other: Number) -> Number? {
    guard other.mantissa != 0 else { return nil }
    let scale = max(self.scale, other.scale)
    // Both mantissas at the common scale fit in Int128 (|m| < 2^63, 10^18 < 2^60).
    return Number.fitting(wideMantissa(atScale: scale) % other.wideMantissa(atScale: scale), scale: Int(scale))?.normalized
  }

  public var negated: Number { Number(mantissa: -mantissa, scale: scale) }
  public var magnitude: Number { Number(mantissa: mantissa < 0 ? -mantissa : mantissa, scale: scale) }

  /// Rounded half away from zero to `places` fractional digits (negative places round to tens,
  /// hundreds, …), as a person rounds and as SQL's `round` does for exact numerics. Nil when the
  /// result does not fit 64 bits (`round(9223372036854775807, -1)`, `round(5e18, -19)`): never
  /// a number that is not the rounded value.
  public func rounded(places: Int = 0) -> Number? {
    // Clamped before any arithmetic, so `places` near Int.min cannot overflow below.
    let places = max(-40, min(places, Int(Number.maxScale)))
    if places >= Int(scale) { return self }
    let drop = Int(scale) - places
    // |mantissa| < 2^63 < 10^19: dropping 20 or more digits leaves less than half a unit.
    guard drop <= 20 else { return .zero }
    let rounded = Number.divideRounding(Int128(mantissa), by: Number.powerOfTen(drop))
    if places >= 0 {
      return Number.fitting(rounded, scale: places)
    }
    // -places ≤ drop ≤ 20 and |rounded| ≤ 10^19: the product stays far inside Int128.
    return Number.fitting(rounded * Number.powerOfTen(-places), scale: 0)
  }

  /// The largest integer not greater than the number.
  public var floor: Number {
    guard scale > 0 else { return self }
    let divisor = Int64(Number.powerOfTen(Int(scale)))
    var q = mantissa / divisor
    if mantissa % divisor != 0 && mantissa < 0 { q -= 1 }
    return Number(mantissa: q)
  }

  /// The smallest integer not less than the number.
  public var ceiling: Number {
    guard scale > 0 else { return self }
    let divisor = Int64(Number.powerOfTen(Int(scale)))
    var q = mantissa / divisor
    if mantissa % divisor != 0 && mantissa > 0 { q += 1 }
    return Number(mantissa: q)
  }
}

/// An exact running sum of numbers, for `sum` and `avg` over any number of rows.
///
/// The sum is kept as an `Int128` at a fixed scale that grows only when a value with more
/// fractional digits arrives, so adding ten million values costs ten million integer additions
/// and never rounds. Add values with the same scale in a hot loop through ``add(mantissa:scale:)``.
public struct NumberAccumulator: Sendable {
  public private(set) var sum: Int128 = 0
  public private(set) var scale: Int8 = 0
  public private(set) var count: Int = 0

  public init() {}

  public mutating func add(_ number: Number) {
    add(mantissa: number.mantissa, scale: number.scale)
  }

  public mutating func add(mantissa: Int64, scale: Int8) {
    if scale > self.scale {
      sum *= Number.powerOfTen(Int(scale - self.scale))
      self.scale = scale
    }
    sum &+= Int128(mantissa) * (scale == self.scale ? 1 : Number.powerOfTen(Int(self.scale - scale)))
    count += 1
  }

  /// Merges another accumulator (for partial sums computed separately).
  public mutating func merge(_ other: NumberAccumulator) {
    let target = max(scale, other.scale)
    sum = sum * Number.powerOfTen(Int(target - scale)) + other.sum * Number.powerOfTen(Int(target - other.scale))
    scale = target
    count += other.count
  }

  /// The exact total, or nil if it does not fit a ``Number``.
  public var total: Number? { Number.fitting(sum, scale: Int(scale))?.normalized }

  /// The mean rounded like ``Number/dividing(by:)``; nil when nothing was added.
  public var mean: Number? {
    Number.mean(sum: sum, scale: scale, count: count)
  }
}

extension Number {
  /// `sum / 10^scale / count`, rounded like ``dividing(by:)``; nil when `count` is 0 or the
  /// mean does not fit. For running sums kept as wide integers (``NumberAccumulator``, moving
  /// averages).
  public static func mean(sum: Int128, scale: Int8, count: Int) -> Number? {
    guard count > 0 else { return nil }
    let target = Int(Number.divisionScale)
    // sum / 10^scale / count at `target` digits = sum * 10^(target - scale) / count.
    let shift = target - Int(scale)
    let dividend: Int128
    if shift >= 0 {
      let (product, overflow) = sum.multipliedReportingOverflow(by: Number.powerOfTen(shift))
      if overflow { return nil }
      dividend = product
    } else {
      dividend = Number.divideRounding(sum, by: Number.powerOfTen(-shift))
    }
    return Number.fitting(Number.divideRounding(dividend, by: Int128(count)), scale: target)?.normalized
  }

  /// The mantissa at `target` (≥ scale, ≤ ``maxScale``) as a wide integer.
  public func wide(atScale target: Int8) -> Int128 {
    wideMantissa(atScale: target)
  }
}

extension Number {
  /// The sample variance (n − 1) of at least two values, (n·Σx² − (Σx)²) / (n(n − 1)),
  /// computed exactly and rounded half away from zero to ``divisionScale`` decimals; nil
  /// when fewer than two values are given or an intermediate sum does not fit 128 bits.
  public static func exactSampleVariance(_ values: [Number]) -> Number? {
    guard values.count >= 2 else { return nil }
    let scale = values.map(\.scale).max() ?? 0
    var s1: Int128 = 0
    var s2: Int128 = 0
    for v in values {
      let m = v.wideMantissa(atScale: scale)
      let (square, o1) = m.multipliedReportingOverflow(by: m)
      let (sum2, o2) = s2.addingReportingOverflow(square)
      let (sum1, o3) = s1.addingReportingOverflow(m)
      if o1 || o2 || o3 { return nil }
      s1 = sum1
      s2 = sum2
    }
    let n = Int128(values.count)
    let (a, o1) = n.multipliedReportingOverflow(by: s2)
    let (b, o2) = s1.multipliedReportingOverflow(by: s1)
    let (numerator, o3) = a.subtractingReportingOverflow(b)
    // numerator / (n (n − 1) 10^(2 scale)) at divisionScale digits.
    let (scaled, o4) = numerator.multipliedReportingOverflow(by: powerOfTen(Int(divisionScale)))
    let (denominator, o5) = (n * (n - 1)).multipliedReportingOverflow(by: powerOfTen(2 * Int(scale)))
    if o1 || o2 || o3 || o4 || o5 { return nil }
    return fitting(divideRounding(scaled, by: denominator), scale: Int(divisionScale))?.normalized
  }
}
