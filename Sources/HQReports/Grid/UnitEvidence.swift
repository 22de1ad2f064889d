import HQData

/// The amounts the prose of a report states with their unit (`243,1 miljoner kronor`,
/// `14,8 mkr`, `3,5 miljarder`), to settle a table's unit when the table does not state one,
/// or states one its numbers contradict (a `(belopp i tkr)` caption over numbers the text
/// quotes in millions).
///
/// A table's unit is taken from the prose only on clear evidence: at least two of the table's
/// decimal numbers stated in the prose with one unit, or two whole numbers in thousands that
/// the prose states rounded to millions, or one such number that is a deviation on both sides
/// (`-14 877` in the table's deviation column, `en negativ budgetavvikelse på 14,8 mkr` in the
/// text) — and none with another unit. A tenth of a million, rounded or cut off, stands for
/// any of some 150 amounts in thousands: among a table's dozens of amounts, one the prose
/// states of another thing (`ett överskott på 23,1 mnkr` beside a table's outcome `23 167`)
/// meets one by chance too often for a single match of unrelated amounts to settle the unit.
/// Whole numbers count as thousands only in a table of whole numbers, and only from 10 000 up.
struct UnitEvidence: Sendable {
  /// |amount| → the units the prose states it in.
  private var units: [Number: Set<String>] = [:]
  /// The amounts (|amount|) the prose states as a deviation: their line, or the line before it,
  /// names one (`budgetavvikelse`, `ett överskott på`, `underskott`).
  private var deviations: Set<Number> = []

  init() {}

  /// - Parameter shapes: ``ByteShape`` of each line.
  init(lines: [String], shapes: [ByteShape]) {
    for (i, (line, shape)) in zip(lines, shapes).enumerated()
    where shape.hasDigit && line.utf8.count >= 40 && (line.utf8.first != UInt8(ascii: "|") || !line.hasPrefix("|"))
      && Self.mayStateAmount(line)
    {
      let words = NumberRun.words(in: Substring(line))
      guard words.count >= 6 else { continue }
      var namesDeviation: Bool?
      for k in words.indices.dropLast() {
        // Cheap first: a number has a digit.
        guard !ByteSearch.allBytes(of: words[k].text, { $0 < 0x30 || $0 > 0x39 }) else { continue }
        guard let unit = Self.unit(words, after: k), let number = SwedishNumber.parse(words[k].text) else { continue }
        let magnitude = number.value.magnitude.normalized
        units[magnitude, default: []].insert(unit)
        if namesDeviation == nil {
          namesDeviation = Vocabulary.namesDeviation(line) || i > 0 && Vocabulary.namesDeviation(lines[i - 1])
        }
        if namesDeviation == true { deviations.insert(magnitude) }
      }
    }
  }

  /// A digit and the start of a unit word (`milj`, `mkr`, `tkr`, `tusen`, `mdkr`), on bytes.
  static func mayStateAmount(_ line: some StringProtocol) -> Bool {
    line.utf8.withContiguousStorageIfAvailable(mayStateAmount(bytes:))
      ?? Array(line.utf8).withUnsafeBufferPointer(mayStateAmount(bytes:))
  }

  private static func mayStateAmount(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
    for k in bytes.indices.dropLast(2) where bytes[k] == UInt8(ascii: "m") || bytes[k] == UInt8(ascii: "t") {
      let a = bytes[k + 1], b = bytes[k + 2]
      if bytes[k] == UInt8(ascii: "m"), a == UInt8(ascii: "i") && b == UInt8(ascii: "l") || a == UInt8(ascii: "k") && b == UInt8(ascii: "r")
        || a == UInt8(ascii: "n") && b == UInt8(ascii: "k") || a == UInt8(ascii: "d") && b == UInt8(ascii: "k")
      {
        return true
      }
      if bytes[k] == UInt8(ascii: "t"), a == UInt8(ascii: "k") && b == UInt8(ascii: "r") || a == UInt8(ascii: "u") && b == UInt8(ascii: "s") {
        return true
      }
    }
    return false
  }

  /// The unit the words after `k` name: `miljoner (kronor)`, `mnkr`, `mkr` → `mnkr`; `tkr`,
  /// `tusen kronor` → `tkr`; `miljarder`, `mdkr` → `mdkr`.
  private static func unit(_ words: [NumberRun.Word], after k: Int) -> String? {
    guard Vocabulary.mayNameMoneyUnit(words[k + 1].text) else { return nil }
    let after = k + 2 < words.count ? SimpleText.lowercasedLetters(words[k + 2].text) : ""
    return Vocabulary.moneyUnit(SimpleText.lowercasedLetters(words[k + 1].text), next: after)?.unit
  }

  /// The unit the prose gives the table's numbers, when it is clear; nil otherwise.
  /// `deviations` are the table's numbers (|number|) that stand in a deviation column.
  func unit(of numbers: [SwedishNumber], deviations tableDeviations: Set<Number> = []) -> String? {
    var found: [String: Int] = [:]
    var seen = Set<Number>()
    // Thousands read as millions only in a table of whole numbers.
    let wholeNumbers = numbers.allSatisfy { $0.value.scale == 0 }
    for number in numbers where number.unit.isEmpty {
      let magnitude = number.value.magnitude.normalized
      guard seen.insert(magnitude).inserted else { continue }
      if number.value.scale > 0, magnitude.doubleValue >= 0.5, let stated = units[magnitude], stated.count == 1 {
        found[stated.first!, default: 0] += 1
      } else if wholeNumbers, magnitude.doubleValue >= 10_000 {
        // Thousands quoted in millions: 14 877 → 14,9 (or 14,8 cut off).
        let millions = magnitude.doubleValue / 1000
        for candidate in [(millions * 10).rounded() / 10, (millions * 10).rounded(.down) / 10] {
          guard let n = Number(candidate, scale: 1)?.normalized, units[n] == ["mnkr"] else { continue }
          // A deviation the prose states as one settles the unit alone; another match counts
          // once.
          found["tkr", default: 0] += tableDeviations.contains(magnitude) && deviations.contains(n) ? 2 : 1
          break
        }
      }
    }
    guard found.count == 1, let (unit, count) = found.first, count >= 2 else { return nil }
    return unit
  }
}
