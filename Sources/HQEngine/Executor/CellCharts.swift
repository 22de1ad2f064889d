import HQData

/// Charts that fit in a table cell: `bar(x, max [, width])` and the `spark(x)` aggregate.
/// The text bar charts of the `chart` stage draw their bars with the same blocks.
public enum CellCharts {
  /// The block characters of a bar's last cell, by eighths: `▏` is 1/8 of a cell, `▉` 7/8.
  public static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
  /// The eight levels of a sparkline, lowest first.
  static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// The width of `bar(x, max)` when none is given, in cells.
  static let defaultBarWidth = 10

  /// `x` as a bar of `x / max × width` cells, measured in eighths of a cell and rounded to
  /// the nearest eighth: full blocks, then one partial block. Empty for x ≤ 0; full width for
  /// x ≥ max. Nil (null) when max ≤ 0 or the width is not from 1 to 200.
  ///
  ///     bar(257, 306) == "████████▍"   (257 / 306 × 80 = 67.2 eighths → 67 = 8 cells + 3/8)
  static func bar(_ x: Number, max: Number, width: Int) -> String? {
    guard !max.isNegative, !max.isZero, (1...200).contains(width) else { return nil }
    if x.isNegative || x.isZero { return "" }
    let fraction = Swift.min(x.doubleValue / max.doubleValue, 1)
    let total = Int((fraction * Double(width * 8)).rounded(.toNearestOrAwayFromZero))
    return String(repeating: "█", count: total / 8) + eighths[total % 8]
  }

  /// The values as a sparkline, one character each: the smallest `▁`, the largest `█`, the
  /// others at the nearest of the eight levels between them (level = (v − min) / (max − min)
  /// × 7, rounded). A null is a space; when all values are equal every one is `▄`.
  ///
  ///     spark([306, 257, 280, 276]) == "█▁▄▄"   (280: 23 / 49 × 7 = 3.3 → ▄; 276: 2.7 → ▄)
  static func spark(_ values: [Double?]) -> String {
    var low = Double.infinity
    var high = -Double.infinity
    for case let v? in values {
      low = Swift.min(low, v)
      high = Swift.max(high, v)
    }
    var out = ""
    out.unicodeScalars.reserveCapacity(values.count)
    for value in values {
      guard let v = value else {
        out.append(" ")
        continue
      }
      let level = high > low ? Int(((v - low) / (high - low) * 7).rounded(.toNearestOrAwayFromZero)) : 3
      out.append(levels[level])
    }
    return out
  }
}
