/// Byte-level substring tests over a line's UTF-8, used as cheap pre-filters before the
/// `Character`-based readings (lower-casing, word splitting), which cost far more per byte.
///
/// A pre-filter may only say "cannot match": every caller still runs its exact test on the
/// lines that pass, so results are the same as without the filter.
enum ByteSearch {
  /// True when `text` contains `needle` byte for byte.
  static func contains(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
    search(text, needle, foldASCII: false)
  }

  /// True when `text`, with ASCII `A`–`Z` folded to lower case, contains `needle` (lower-case
  /// ASCII). Also true whenever `text` holds a character outside ASCII whose lower case is an
  /// ASCII letter (the Kelvin sign `K`, U+212A, E2 84 AA), so the answer is never "no" for a
  /// text whose Unicode `lowercased()` contains the needle.
  static func containsFolded(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
    search(text, needle, foldASCII: true)
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
    if foldASCII {
      // The Kelvin sign lower-cases to an ASCII `k`: let the exact test decide.
      var i = 0
      while i + 2 < n {
        if bytes[i] == 0xE2 && bytes[i + 1] == 0x84 && bytes[i + 2] == 0xAA { return true }
        i += 1
      }
    }
    guard n >= m else { return false }
    var i = 0
    while i + m <= n {
      let b = foldASCII ? fold(bytes[i]) : bytes[i]
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
