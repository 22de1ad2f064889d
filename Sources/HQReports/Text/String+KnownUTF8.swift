extension String {
  /// A copy of bytes that are valid UTF-8 by construction, made without validating them again.
  ///
  /// For bytes cut out of a `String` at ASCII bytes (a line between two line feeds), or put
  /// together from such pieces, ASCII spaces and whole scalars: the report text was validated
  /// (and repaired) once when it was read, and `String(decoding:as:)` would validate every line
  /// a second time (≈ 40 % of making a line's `String`). The bytes are scanned once for ASCII,
  /// eight at a time, so an ASCII line is flagged as one, as `String(decoding:as:)` flags it.
  /// Debug builds check that the bytes are valid.
  init(knownValidUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    assert(String(validating: bytes, as: UTF8.self) != nil, "bytes that are no valid UTF-8")
    guard #available(macOS 26, *) else {
      self.init(decoding: bytes, as: UTF8.self)
      return
    }
    let isASCII = Self.isASCII(bytes)
    self = unsafe String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: isASCII))
  }

  /// True when every byte is below 0x80; eight bytes at a time.
  private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var i = 0
    var high: UInt64 = 0
    while i &+ 8 <= count {
      high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
      i &+= 8
    }
    var tail: UInt8 = 0
    while i < count {
      tail |= base[i]
      i &+= 1
    }
    return high & 0x8080_8080_8080_8080 == 0 && tail < 0x80
  }
}
