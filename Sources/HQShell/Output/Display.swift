import HQData

/// How the formats read by people (`table`, `line`) show a result: fitted to the terminal,
/// cut after ``maxRows`` rows, numbers plain or Swedish. Formats for other programs (CSV,
/// JSON, …) ignore it: they always write every row, numbers as programs read them.
public struct Display: Sendable, Equatable {
  /// The terminal width `table` fits itself into; nil for no limit (a file or pipe).
  public var width: Int?
  /// Show at most this many rows, then `… 524 more rows; .maxrows 0 shows all`; nil for all.
  /// The session sets it only for results shown on a terminal (`.maxrows`).
  public var maxRows: Int?
  /// `.numbers`: plain (`2381640.5`) or Swedish (`2 381 640,5`).
  public var numbers: NumberDisplay

  public init(width: Int? = nil, maxRows: Int? = nil, numbers: NumberDisplay = .plain) {
    self.width = width
    self.maxRows = maxRows
    self.numbers = numbers
  }

  /// Every row, plain numbers, no width limit.
  public static let full = Display()

  /// How many of `rowCount` rows are shown.
  func shownRows(of rowCount: Int) -> Int {
    guard let maxRows, maxRows >= 0 else { return rowCount }
    return min(rowCount, maxRows)
  }

  /// The note written after the shown rows when some were left out, else nil.
  static func moreRowsNote(shown: Int, of rowCount: Int) -> String? {
    let hidden = rowCount - shown
    guard hidden > 0 else { return nil }
    return hidden == 1 ? "… 1 more row; .maxrows 0 shows all\n" : "… \(hidden) more rows; .maxrows 0 shows all\n"
  }
}

/// How numbers are shown in the `table` and `line` formats (`.numbers plain|sv`).
public enum NumberDisplay: String, Sendable, CaseIterable {
  /// As the language writes them: `-2381640.5`.
  case plain
  /// As Swedish reports print them: a space between groups of three digits and a decimal
  /// comma, `-2 381 640,5`. A column's four-digit numbers are grouped only when the column
  /// also has numbers of five digits or more, so a year stays `2024` and `1 204` lines up
  /// with `12 450`; positions (`line`, `rank`) are never grouped.
  case swedish = "sv"

  /// `plain`; `sv`, `swedish` or `svenska`.
  public init?(name: String) {
    switch name.lowercased() {
    case "plain", "off": self = .plain
    case "sv", "swedish", "svenska", "se": self = .swedish
    default: return nil
    }
  }
}

extension Number {
  /// `self` as Swedish text: a decimal comma, and digits grouped by three (when the integer
  /// part has at least `groupFrom` digits): `-2 381 640,5`. Tables write the group separator
  /// and minus as ASCII (space, `-`); charts as print does (no-break space, `−`,
  /// ``ChartNumbers``).
  func swedishText(groupFrom: Int, groupSeparator: String = " ", minus: String = "-") -> String {
    let plain = description
    var digits = Substring(plain)
    let negative = digits.first == "-"
    if negative { digits = digits.dropFirst() }
    let point = digits.firstIndex(of: ".")
    let integer = digits[..<(point ?? digits.endIndex)]
    var result = negative ? minus : ""
    if integer.count >= groupFrom {
      for (i, digit) in integer.enumerated() {
        if i > 0 && (integer.count - i) % 3 == 0 { result += groupSeparator }
        result.append(digit)
      }
    } else {
      result += integer
    }
    if let point { result += "," + digits[digits.index(after: point)...] }
    return result
  }

  /// True when the integer part has five digits or more (|value| ≥ 10 000).
  var hasFiveIntegerDigits: Bool {
    // 10 000 × 10^scale overflows Int64 past scale 14; compare the integer part instead.
    var power: UInt64 = 1
    for _ in 0..<Int(scale) { power *= 10 }
    return mantissa.magnitude / power >= 10_000
  }
}
