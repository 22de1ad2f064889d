/// Swedish alphabetical order and the case- and diacritic-folding used by `~`.
///
/// Analysts read sorted indicator lists the way a Swedish dictionary orders them:
/// `… x y z å ä ö`, case-insensitively, with digits before letters and spaces and
/// punctuation before digits. Accented Latin letters sort with their base letter
/// (`é` as `e`), `ü` as `y`, `æ` as `ä` and `ø` as `ö`, as Swedish dictionaries do.
///
/// Text columns are dictionary-encoded, so the engine never compares strings per row: it
/// computes a ``SortKey`` per dictionary entry once and then sorts and compares codes through
/// a rank table (see ``ranks(of:)``).
///
/// Folding for `~` is a different operation, one way only (``FoldPattern``): a plain letter
/// of the pattern also matches its accented forms, so that `"lakemedel"` finds `Läkemedel`,
/// while `å`, `ä`, `ö` (and `é`, `ü` …) in the pattern match only themselves.
public enum Collation {
  /// The primary collation weights of a string: equal for strings that differ only in case
  /// or in accents that Swedish ignores when ordering.
  public struct SortKey: Sendable, Hashable, Comparable {
    public var weights: [UInt32]

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
      lhs.weights.lexicographicallyPrecedes(rhs.weights)
    }
  }

  /// The Swedish primary sort key of `text`.
  public static func sortKey(_ text: String) -> SortKey {
    var weights: [UInt32] = []
    weights.reserveCapacity(text.utf8.count)
    var previous: UInt32? = nil
    for scalar in text.unicodeScalars {
      // A decomposed ring or diaeresis turns the preceding a/o into å/ä/ö.
      if let base = previous, let combined = combine(base: base, mark: scalar.value) {
        weights[weights.count - 1] = combined
        previous = nil
        continue
      }
      if isCombiningMark(scalar.value) { continue }
      let mapped = primaryWeights(of: scalar)
      weights.append(contentsOf: mapped)
      previous = mapped.count == 1 ? mapped[0] : nil
    }
    return SortKey(weights: weights)
  }

  /// Orders two strings: by Swedish primary weights, then (for strings equal in that order,
  /// such as `abc` and `Abc`) by their Unicode scalars, so the order is total and stable
  /// across runs.
  public static func areInIncreasingOrder(_ lhs: String, _ rhs: String) -> Bool {
    let a = sortKey(lhs)
    let b = sortKey(rhs)
    if a != b { return a < b }
    return lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars)
  }

  /// Ranks for the entries of a text column's dictionary.
  ///
  /// - `primary[code]`: equal for entries equal in Swedish order ignoring case (used by `sort`,
  ///   where ties keep their input order);
  /// - `total[code]`: distinct for distinct strings (used by `<`, `min`, `max`).
  ///
  /// - Complexity: O(d log d) for d entries; afterwards rows compare by two array reads.
  public static func ranks(of dictionary: [String]) -> (primary: [UInt32], total: [UInt32]) {
    ranks(of: dictionary, isCancelled: { false }) ?? ([], [])
  }

  /// Stopped before the work is done, so a cancelled statement need not wait for a large
  /// dictionary (a million distinct indicators) to be ranked.
  private struct Stopped: Error {}

  /// ``ranks(of:)`` that calls `isCancelled` every 16,384 entries and comparisons and returns
  /// nil as soon as it answers true (Ctrl-C during a sort by a column of a million strings).
  public static func ranks(
    of dictionary: [String], isCancelled: () -> Bool
  ) -> (primary: [UInt32], total: [UInt32])? {
    var keys: [SortKey] = []
    keys.reserveCapacity(dictionary.count)
    for (i, text) in dictionary.enumerated() {
      if i & 16383 == 0 && isCancelled() { return nil }
      keys.append(sortKey(text))
    }
    var comparisons = 0
    let sorted = try? dictionary.indices.sorted { (i, j) throws(Stopped) -> Bool in
      comparisons &+= 1
      if comparisons & 16383 == 0 && isCancelled() { throw Stopped() }
      if keys[i] != keys[j] { return keys[i] < keys[j] }
      if dictionary[i] != dictionary[j] {
        return dictionary[i].unicodeScalars.lexicographicallyPrecedes(dictionary[j].unicodeScalars)
      }
      return i < j
    }
    guard let order = sorted else { return nil }
    var primary = [UInt32](repeating: 0, count: dictionary.count)
    var total = [UInt32](repeating: 0, count: dictionary.count)
    var primaryRank: UInt32 = 0
    var totalRank: UInt32 = 0
    for (position, code) in order.enumerated() {
      if position > 0 {
        let before = order[position - 1]
        if keys[before] != keys[code] { primaryRank += 1 }
        if dictionary[before] != dictionary[code] { totalRank += 1 }
      }
      primary[code] = primaryRank
      total[code] = totalRank
    }
    return (primary, total)
  }

  // MARK: Folding for `~`

  /// `fold(haystack)` contains `fold(needle)`: `~`'s one-way folding (see ``FoldPattern``).
  public static func foldedContains(_ haystack: String, _ needle: String) -> Bool {
    FoldPattern(needle).matches(in: haystack)
  }

  // MARK: Weights

  private static let punctuationBase: UInt32 = 0
  private static let digitBase: UInt32 = 200
  private static let letterBase: UInt32 = 300
  private static let otherBase: UInt32 = 1000

  private static let aRing: UInt32 = letterBase + 26
  private static let aUmlaut: UInt32 = letterBase + 27
  private static let oUmlaut: UInt32 = letterBase + 28

  private static func isCombiningMark(_ v: UInt32) -> Bool {
    (0x300...0x36F).contains(v)
  }

  private static func combine(base: UInt32, mark: UInt32) -> UInt32? {
    let a = letterBase
    let o = letterBase + 14
    switch (base, mark) {
    case (a, 0x30A): return aRing
    case (a, 0x308): return aUmlaut
    case (o, 0x308): return oUmlaut
    default: return nil
    }
  }

  private static func primaryWeights(of scalar: Unicode.Scalar) -> [UInt32] {
    let v = scalar.value
    switch v {
    case 0x30...0x39: return [digitBase + v - 0x30]
    case 0x41...0x5A: return [letterBase + v - 0x41]
    case 0x61...0x7A: return [letterBase + v - 0x61]
    case 0..<0x80: return [punctuationBase + v]
    case 0xC5, 0xE5: return [aRing]
    case 0xC4, 0xE4, 0xC6, 0xE6: return [aUmlaut]
    case 0xD6, 0xF6, 0xD8, 0xF8, 0x150, 0x151: return [oUmlaut]
    case 0xDC, 0xFC, 0x170, 0x171: return [letterBase + 24]  // ü sorts as y
    case 0xDF: return [letterBase + 18, letterBase + 18]  // ß as ss
    default:
      if let base = latinBase(v) { return [letterBase + UInt32(base - UInt8(ascii: "a"))] }
      let lower = scalar.properties.lowercaseMapping.unicodeScalars.first?.value ?? v
      if lower != v, let base = latinBase(lower) {
        return [letterBase + UInt32(base - UInt8(ascii: "a"))]
      }
      return [otherBase + lower]
    }
  }

  /// The ASCII base letter of an accented Latin letter other than å ä ö æ ø ü, lowercase.
  static func latinBase(_ v: UInt32) -> UInt8? {
    switch v {
    case 0xC0...0xC3, 0xE0...0xE3, 0x100...0x105: return UInt8(ascii: "a")
    case 0xC7, 0xE7, 0x106...0x10D: return UInt8(ascii: "c")
    case 0x10E...0x111: return UInt8(ascii: "d")
    case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return UInt8(ascii: "e")
    case 0x11C...0x123: return UInt8(ascii: "g")
    case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return UInt8(ascii: "i")
    case 0x139...0x142: return UInt8(ascii: "l")
    case 0xD1, 0xF1, 0x143...0x148: return UInt8(ascii: "n")
    case 0xD2...0xD5, 0xF2...0xF5, 0x14C...0x14F: return UInt8(ascii: "o")
    case 0x154...0x159: return UInt8(ascii: "r")
    case 0x15A...0x161: return UInt8(ascii: "s")
    case 0x162...0x167: return UInt8(ascii: "t")
    case 0xD9...0xDB, 0xF9...0xFB, 0x168...0x16F, 0x172, 0x173: return UInt8(ascii: "u")
    case 0xDD, 0xFD, 0xFF, 0x178: return UInt8(ascii: "y")
    case 0x179...0x17E: return UInt8(ascii: "z")
    default: return nil
    }
  }

}
