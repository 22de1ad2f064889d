/// Byte-level substring tests over a line's UTF-8, used as cheap pre-filters before the
/// `Character`-based readings (lower-casing, word splitting), which cost far more per byte.
///
/// A pre-filter may only say "cannot match": every caller still runs its exact test on the
/// lines that pass, so results are the same as without the filter.
enum ByteSearch {
  /// True when `text` holds `count` ASCII digits in a row (a year word needs four).
  static func hasDigitRun(_ text: some StringProtocol, _ count: Int) -> Bool {
    var run = 0
    for byte in text.utf8 {
      if byte >= 0x30 && byte <= 0x39 {
        run += 1
        if run >= count { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  /// The index of the first byte at or after `start` that equals `byte` once `mask` is or-ed
  /// into it (`mask` 0x20 finds an ASCII letter in either case), nil when there is none.
  /// Reads eight bytes at a time: the scan behind the figure recognizers' per-line tests.
  static func firstIndex(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, orMask mask: UInt8 = 0
  ) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let n = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let pattern = UInt64(byte) &* ones
    let masks = UInt64(mask) &* ones
    var i = max(start, 0)
    while i + 8 <= n {
      let word = (UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) | masks) ^ pattern
      // The lowest byte flagged by the has-zero-byte test is always a true zero (a match).
      let found = (word &- ones) & ~word & (ones &* 0x80)
      if found != 0 { return i + found.trailingZeroBitCount >> 3 }
      i += 8
    }
    while i < n {
      if bytes[i] | mask == byte { return i }
      i += 1
    }
    return nil
  }

  /// The index of the first byte at or after `start` that equals `byte` once `mask` is or-ed
  /// into it and is followed by the same byte again (`pp` or `PP` for `p` with mask 0x20), nil
  /// when there is none. Reads eight bytes at a time, seven of them new each step.
  static func firstIndexOfPair(
    of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, orMask mask: UInt8 = 0
  ) -> Int? {
    guard let base = bytes.baseAddress else { return nil }
    let n = bytes.count
    let ones: UInt64 = 0x0101_0101_0101_0101
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    // 0x80 in each byte of `v` that is zero, exactly (no borrow between bytes).
    func zeroBytes(_ v: UInt64) -> UInt64 { ~(((v & low7) &+ low7) | v | low7) }
    let pattern = UInt64(byte) &* ones
    let masks = UInt64(mask) &* ones
    var i = max(start, 0)
    while i + 8 <= n {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      // Bytes 0…6 of the word that are `byte` and equal the byte after them.
      let found = zeroBytes((word | masks) ^ pattern) & zeroBytes(word ^ (word >> 8)) & 0x0080_8080_8080_8080
      if found != 0 { return i + found.trailingZeroBitCount >> 3 }
      i += 7
    }
    while i + 1 < n {
      if bytes[i] | mask == byte && bytes[i + 1] == bytes[i] { return i }
      i += 1
    }
    return nil
  }

  /// True when every UTF-8 byte of `text` passes `test`: `text.utf8.allSatisfy(test)` over the
  /// contiguous bytes, without the per-byte index checks of the `UTF8View`.
  @inline(__always)
  static func allBytes(of text: some StringProtocol, _ test: (UInt8) -> Bool) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes where !test(byte) { return false }
      return true
    } ?? text.utf8.allSatisfy(test)
  }

  /// True when `text` contains `needle` byte for byte.
  static func contains(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
    search(text, needle, foldASCII: false)
  }

  /// True when `text` contains `needle` byte for byte.
  static func contains(_ text: some StringProtocol, _ needle: String) -> Bool {
    var needle = needle
    return needle.withUTF8 { pattern in
      text.utf8.withContiguousStorageIfAvailable { find(pattern, in: $0, foldASCII: false) }
        ?? Array(text.utf8).withUnsafeBufferPointer { find(pattern, in: $0, foldASCII: false) }
    }
  }

  /// True when `text`, with ASCII `A`–`Z` folded to lower case, contains `needle` (lower-case
  /// ASCII). Also true whenever `text` holds a character outside ASCII whose lower case is an
  /// ASCII letter (the Kelvin sign `K`, U+212A, E2 84 AA), so the answer is never "no" for a
  /// text whose Unicode `lowercased()` contains the needle.
  static func containsFolded(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
    search(text, needle, foldASCII: true)
  }

  /// Lower-case ASCII needles for ``containsAnyFolded(_:_:)``, indexed by their first byte.
  struct FoldedNeedles: Sendable {
    let patterns: [[UInt8]]
    /// For each byte, whether some needle starts with it.
    let starts: [Bool]

    init(_ needles: [String]) {
      patterns = needles.map { Array($0.utf8) }
      var starts = [Bool](repeating: false, count: 256)
      for pattern in patterns { if let first = pattern.first { starts[Int(first)] = true } }
      self.starts = starts
    }
  }

  /// True when ``containsFolded(_:_:)`` is true for one of the needles: one pass over the text
  /// instead of one per needle.
  static func containsAnyFolded(_ text: some StringProtocol, _ needles: FoldedNeedles) -> Bool {
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      let n = bytes.count
      var i = 0
      while i < n {
        let b = fold(bytes[i])
        // The Kelvin sign lower-cases to an ASCII `k`: let the exact test decide.
        if b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x84 && bytes[i + 2] == 0xAA { return true }
        if needles.starts[Int(b)] {
          for pattern in needles.patterns where pattern[0] == b && i + pattern.count <= n {
            var j = 1
            while j < pattern.count, fold(bytes[i + j]) == pattern[j] { j += 1 }
            if j == pattern.count { return true }
          }
        }
        i += 1
      }
      return false
    }
    return text.utf8.withContiguousStorageIfAvailable(find) ?? Array(text.utf8).withUnsafeBufferPointer(find)
  }

  /// `text.contains(needle)`, answered from the bytes when they rule the needle out: a text
  /// that contains the needle (compared by `Character`s) holds the bytes of the needle's longest
  /// ASCII run, since an ASCII character equals no other character. Only when those bytes are
  /// there is the exact (`Character`-based) test run.
  static func has(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    // An occurrence of the needle's bytes with ASCII on both sides is one by `Character`s too:
    // a grapheme always breaks between two ASCII characters other than CR LF, and before and
    // after one that is neither (the needles start and end with no combining mark).
    var seen = false
    let certain =
      text.utf8.withContiguousStorageIfAvailable { findBounded(pattern, in: $0, seen: &seen) }
      ?? Array(text.utf8).withUnsafeBufferPointer { findBounded(pattern, in: $0, seen: &seen) }
    if certain { return true }
    let ascii = !pattern.contains { $0 >= 0x80 }
    if ascii && !seen { return false }
    // In text whose every character is one scalar already in NFC, comparing by `Character`s is
    // comparing bytes (the needles are NFC literals): the byte search has the whole answer.
    let simple =
      text.utf8.withContiguousStorageIfAvailable { isSimpleText($0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { isSimpleText($0) }
    if simple { return seen }
    var bestStart = 0
    var bestCount = 0
    var runStart = 0
    for (i, byte) in pattern.enumerated() {
      if byte >= 0x80 {
        runStart = i + 1
      } else if i + 1 - runStart > bestCount {
        bestStart = runStart
        bestCount = i + 1 - runStart
      }
    }
    if bestCount > 0 {
      let run = UnsafeBufferPointer(rebasing: pattern[bestStart..<(bestStart + bestCount)])
      let found =
        text.utf8.withContiguousStorageIfAvailable { find(run, in: $0, foldASCII: false) }
        ?? Array(text.utf8).withUnsafeBufferPointer { find(run, in: $0, foldASCII: false) }
      guard found else { return false }
    }
    return text.contains(needle.description)
  }

  /// True when every scalar of the (valid UTF-8) text lies in a range whose characters are in
  /// NFC (quick check "yes") and never join a neighbour into one grapheme: U+0000–U+02FF (CR
  /// aside), general punctuation U+2010–U+2027 and U+2030–U+205E, U+2190–U+23FF but U+2329
  /// and U+232A, box drawing to dingbats U+2500–U+27BF, and the private use area (symbol fonts
  /// the extraction passes through). Combining marks, joiners, Hangul and the compatibility
  /// singletons are all outside. Swedish text with dashes, quotes and bullets passes.
  static func isSimpleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        if b == 0x0D { return false }
        i += 1
      } else if b < 0xCC {
        // C2…CB: U+0080…U+02FF.
        i += 2
      } else if b >= 0xE0 && b <= 0xEF {
        guard i + 2 < n else { return false }
        let scalar = (UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
        switch scalar {
        case 0x2010...0x2027, 0x2030...0x205E, 0x2500...0x27BF, 0xE000...0xF8FF: break
        case 0x2190...0x23FF where scalar != 0x2329 && scalar != 0x232A: break
        default: return false
        }
        i += 3
      } else {
        return false
      }
    }
    return true
  }

  /// True when `pattern` occurs in `bytes` with an ASCII byte (other than CR) or the text's
  /// end on each side; `seen` is set when it occurs at all.
  private static func findBounded(
    _ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, seen: inout Bool
  ) -> Bool {
    guard let first = pattern.first else { return true }
    let n = bytes.count
    let m = pattern.count
    guard n >= m else { return false }
    var i = 0
    while i + m <= n {
      if bytes[i] == first {
        var j = 1
        while j < m, bytes[i + j] == pattern[j] { j += 1 }
        if j == m {
          seen = true
          let before = i == 0 || (bytes[i - 1] < 0x80 && bytes[i - 1] != 0x0D)
          let after = i + m == n || (bytes[i + m] < 0x80 && bytes[i + m] != 0x0D)
          if before && after { return true }
        }
      }
      i += 1
    }
    return false
  }

  private static func search(_ text: some StringProtocol, _ needle: StaticString, foldASCII: Bool) -> Bool {
    let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
    if let found = text.utf8.withContiguousStorageIfAvailable({ find(pattern, in: $0, foldASCII: foldASCII) }) {
      return found
    }
    return Array(text.utf8).withUnsafeBufferPointer { find(pattern, in: $0, foldASCII: foldASCII) }
  }

  @inline(__always)
  private static func fold(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  private static func find(
    _ pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, foldASCII: Bool
  ) -> Bool {
    guard let first = pattern.first else { return true }
    let n = bytes.count
    let m = pattern.count
    var i = 0
    while i < n {
      let b = foldASCII ? fold(bytes[i]) : bytes[i]
      // The Kelvin sign lower-cases to an ASCII `k`: let the exact test decide.
      if foldASCII && b == 0xE2 && i + 2 < n && bytes[i + 1] == 0x84 && bytes[i + 2] == 0xAA { return true }
      guard i + m <= n else {
        i += 1
        continue
      }
      if b == first {
        var j = 1
        while j < m, (foldASCII ? fold(bytes[i + j]) : bytes[i + j]) == pattern[j] { j += 1 }
        if j == m { return true }
      }
      i += 1
    }
    return false
  }
}
