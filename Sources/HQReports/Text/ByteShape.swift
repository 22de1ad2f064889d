/// What a line looks like, read from its bytes in one pass: how many words, whether it holds a
/// digit or a letter, whether it ends in a full stop, where wide gaps stand. The ingester reads
/// every line's shape once (``ReportIngester``), and the readers use it to pass over lines
/// cheaply.
struct ByteShape: Sendable {
  /// Runs of bytes between spaces, tabs, carriage returns and no-break spaces.
  var words = 0
  /// An ASCII digit.
  var hasDigit = false
  /// The last byte that is no space, tab or carriage return is a full stop.
  var endsWithFullStop = false
  /// Bytes of letters (ASCII letters, and the lead bytes of two-byte letters such as å ä ö).
  var letterBytes = 0
  /// An ASCII letter, or a lead byte of a letter from U+00C0 to U+07FF (C3–DF).
  var hasLetterByte = false
  /// Places where two or more spaces or tabs stand before another byte.
  var wideGaps = 0

  init(_ line: String) {
    self = line.utf8.withContiguousStorageIfAvailable(ByteShape.init(bytes:))
      ?? Array(line.utf8).withUnsafeBufferPointer(ByteShape.init(bytes:))
  }

  init(bytes: UnsafeBufferPointer<UInt8>) {
    // Locals, stored once at the end: the loop runs over every byte of the text.
    var words = 0
    var hasDigit = false
    var letterBytes = 0
    var hasLetterByte = false
    var wideGaps = 0
    var inWord = false
    var last: UInt8 = 0
    var spaces = 0
    let n = bytes.count
    var i = 0
    while i < n {
      let b = bytes[i]
      // ASCII letters first: most bytes are, and they come in runs, each read in the inner
      // loop (the letters after the first change nothing but the count and the last byte).
      if (b | 0x20) &- 0x61 < 26 {
        if spaces >= 2 { wideGaps &+= 1 }
        spaces = 0
        if !inWord {
          words &+= 1
          inWord = true
        }
        hasLetterByte = true
        var end = i &+ 1
        // Eight letters at a time: every lane ASCII, and each lane `b | 0x20` from 0x61 to
        // 0x7A (adding 0x1F sets its high bit, adding 0x05 does not; no lane carries).
        if let base = bytes.baseAddress {
          while end &+ 8 <= n {
            let word = UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self)
            let lower = word | 0x2020_2020_2020_2020
            guard word & 0x8080_8080_8080_8080 == 0,
              (lower &+ 0x1F1F_1F1F_1F1F_1F1F) & 0x8080_8080_8080_8080 == 0x8080_8080_8080_8080,
              (lower &+ 0x0505_0505_0505_0505) & 0x8080_8080_8080_8080 == 0
            else { break }
            end &+= 8
          }
        }
        while end < n, (bytes[end] | 0x20) &- 0x61 < 26 { end &+= 1 }
        letterBytes &+= end &- i
        last = bytes[end &- 1]
        i = end
        continue
      }
      i &+= 1
      if b == 0x20 || b == 0x09 {
        spaces &+= 1
        inWord = false
        continue
      }
      if spaces >= 2 { wideGaps &+= 1 }
      spaces = 0
      if b == 0x0D {
        inWord = false
        continue
      }
      if b == 0xA0, last == 0xC2 {
        inWord = false
        last = b
        continue
      }
      if !inWord {
        words &+= 1
        inWord = true
      }
      last = b
      if b &- 0x30 < 10 {
        hasDigit = true
      } else if b &- 0xC3 < 0x1D {
        if b == 0xC3 { letterBytes &+= 1 }
        hasLetterByte = true
      }
    }
    self.words = words
    self.hasDigit = hasDigit
    self.endsWithFullStop = last == UInt8(ascii: ".")
    self.letterBytes = letterBytes
    self.hasLetterByte = hasLetterByte
    self.wideGaps = wideGaps
  }

  /// A digit, and two places where two or more spaces stand: may be a row of a layout table.
  var mayBeLayoutRow: Bool { hasDigit && wideGaps >= 2 }
}
