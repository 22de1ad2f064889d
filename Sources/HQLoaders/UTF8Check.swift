/// UTF-8 validation over raw bytes, so loaders can reject bad input with its exact place.
enum UTF8Check {
  /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
  /// (overlong forms, surrogates and values above U+10FFFF are rejected), or nil.
  ///
  /// ASCII is skipped eight bytes at a time, up to the first byte with its high bit set; the
  /// two-byte sequences of Swedish letters (`å` is C3 A5) take a short path of their own.
  static func firstInvalidOffset(in bytes: UnsafeRawBufferPointer, from start: Int = 0, to stop: Int? = nil) -> Int? {
    let end = min(stop ?? bytes.count, bytes.count)
    guard let raw = bytes.baseAddress, start < end else { return nil }
    let base = raw.assumingMemoryBound(to: UInt8.self)
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = start
    while i < end {
      while i &+ 8 <= end {
        let marks = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & highs
        if marks == 0 {
          i &+= 8
        } else {
          i &+= marks.trailingZeroBitCount >> 3
          break
        }
      }
      guard i < end else { break }
      let b = base[i]
      if b < 0x80 {
        i &+= 1
        continue
      }
      if b >= 0xC2 && b <= 0xDF {
        guard i &+ 1 < end, base[i &+ 1] & 0xC0 == 0x80 else { return i }
        i &+= 2
        continue
      }
      let length: Int
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      guard i + length <= end else { return i }
      let second = base[i + 1]
      guard second >= low && second <= high else { return i }
      var k = 2
      while k < length {
        guard base[i + k] & 0xC0 == 0x80 else { return i }
        k += 1
      }
      i += length
    }
    return nil
  }
}
