#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData

/// How a chart writes its numbers: plain as the tables do (`-1234.5`), or, with the chart's
/// `swedish` option, as Swedish prints them (`−1 234,5`): a decimal comma, a real minus sign
/// (U+2212) and, from five integer digits on, groups of three separated by a no-break space
/// (U+00A0) — `2024` and `1234` stay as they are, so years read as years.
struct ChartNumbers {
  var swedish: Bool

  /// The no-break space between digit groups.
  static let groupSeparator = "\u{00A0}"
  static let minus = "\u{2212}"

  func text(_ number: Number) -> String {
    swedish ? number.swedishText(groupFrom: 5, groupSeparator: Self.groupSeparator, minus: Self.minus) : number.description
  }

  /// A tick value computed in floating point, written with the decimals of the tick step.
  func text(_ value: Double, decimals: Int) -> String {
    let scaled = (value * pow10(decimals)).rounded()
    guard scaled.isFinite, abs(scaled) < 9e18, decimals <= 18 else {
      return Number(approximating: value).map(text) ?? String(value)
    }
    return text(Number(mantissa: Int64(scaled), scale: Int8(decimals)))
  }

  private func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, n) { result *= 10 }
    return result
  }
}

/// Evenly spaced "nice" axis ticks (steps of 1, 2 or 5 times a power of ten) covering a range,
/// as in Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).
struct ChartTicks {
  /// The first and last tick: the axis runs from `low` to `high`.
  var low: Double
  var high: Double
  var step: Double
  /// The decimals the step needs (0 for 10, 1 for 0.5).
  var decimals: Int

  /// Ticks covering `min…max` with about `count` intervals. An empty range is widened
  /// around its value.
  init(min: Double, max: Double, count: Int) {
    var min = min
    var max = max
    if min == max {
      let pad = min == 0 ? 1 : Swift.abs(min) * 0.1
      min -= pad
      max += pad
    }
    let step = Self.nice((max - min) / Double(Swift.max(1, count)))
    self.step = step
    low = (min / step).rounded(.down) * step
    high = (max / step).rounded(.up) * step
    decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up))
  }

  /// The tick values, low to high.
  var values: [Double] {
    let n = Int(((high - low) / step).rounded())
    return (0...n).map { low + Double($0) * step }
  }

  /// The nice number nearest `x`: 1, 2, 5 or 10 times a power of ten.
  static func nice(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return 1 }
    let exponent = log10(x).rounded(.down)
    let power = pow(10, exponent)
    let fraction = x / power
    let niceFraction: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
    return niceFraction * power
  }
}

/// A bar chart's value range (zero always inside it) and its widest value label on either side
/// of the zero axis, as the text and the SVG drawings both lay them out.
struct BarExtent {
  var low = 0.0
  var high = 0.0
  var negativeWidth = 0
  var positiveWidth = 0

  /// - Parameters:
  ///   - values: per series, per category, the value (nil: none).
  ///   - texts: the value labels, in the same shape.
  ///   - width: how wide a label draws (display columns, or characters).
  init(_ values: [[Number?]], texts: [[String?]], width: (String) -> Int) {
    for (s, series) in values.enumerated() {
      for (p, value) in series.enumerated() {
        guard let value, let text = texts[s][p] else { continue }
        let d = value.doubleValue
        low = min(low, d)
        high = max(high, d)
        if d < 0 { negativeWidth = max(negativeWidth, width(text)) } else { positiveWidth = max(positiveWidth, width(text)) }
      }
    }
  }
}
