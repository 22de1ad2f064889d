/// Where one field of a record lies in the file: byte offsets, no copies.
struct CSVField {
  /// The first byte of the content (after an opening quote).
  var start: Int
  /// One past the last byte of the content (before a closing quote).
  var end: Int
  /// True when the content contains doubled quotes (`""`) that must be collapsed.
  var hasEscapes: Bool
  /// True when the field was written in quotes; quoted fields are never numbers' null.
  var quoted: Bool
}

/// A malformed record, at a byte offset the reader turns into `LINE:COL`.
struct CSVScanError: Error {
  enum Kind {
    /// An opening quote at `offset` with no closing quote before the end of the file.
    case unclosedQuote
    /// Something other than a delimiter or line end right after a closing quote.
    case textAfterQuote
  }

  var kind: Kind
  var offset: Int
}

/// Splits a CSV/TSV byte buffer into records and fields (RFC 4180: quotes, doubled quotes,
/// line breaks inside quotes, CRLF or LF line ends), one record at a time.
///
/// The scanner is a cursor over the bytes; each record's fields are written into a buffer the
/// caller owns and reuses (``nextRecord(into:capacity:)``), so scanning allocates nothing per
/// row and checks nothing per field but the buffer's end. Fields are found eight bytes at a
/// time (``firstOf(_:or:from:)``).
struct CSVScanner {
  let base: UnsafePointer<UInt8>
  let count: Int
  let delimiter: UInt8
  /// Blank lines are skipped between records, except in one-column files, where a blank line
  /// is a record with one empty (null) cell.
  let skipsBlankLines: Bool
  /// The offset of the next unread byte.
  private(set) var position: Int
  /// The offset where the record most recently returned by ``nextRecord(into:)`` started.
  private(set) var recordStart = 0
  /// The offset of the line end (or end of file) that finished the last record.
  private(set) var recordEnd = 0

  private static let quote = UInt8(ascii: "\"")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  init(base: UnsafePointer<UInt8>, count: Int, delimiter: UInt8, position: Int = 0, skipsBlankLines: Bool = true) {
    self.base = base
    self.count = count
    self.delimiter = delimiter
    self.skipsBlankLines = skipsBlankLines
    self.position = position
  }

  /// Reads the next record (skipping blank lines, see ``skipsBlankLines``) into `fields`; false
  /// at the end of the input. For the header, probes and tests; the reader's loop uses
  /// ``nextRecord(into:capacity:)``.
  mutating func nextRecord(into fields: inout [CSVField]) throws(CSVScanError) -> Bool {
    if fields.count < 16 { fields = Array(repeating: CSVField(start: 0, end: 0, hasEscapes: false, quoted: false), count: 16) }
    let before = position
    while true {
      let found = try fields.withUnsafeMutableBufferPointer { buffer throws(CSVScanError) in
        try nextRecord(into: buffer.baseAddress!, capacity: buffer.count)
      }
      guard let found else {
        fields.removeAll(keepingCapacity: true)
        return false
      }
      if found <= fields.count {
        fields.removeLast(fields.count - found)
        return true
      }
      // More fields than room: read the record again with room for all of them.
      position = before
      fields = Array(repeating: fields[0], count: found)
    }
  }

  /// Reads the next record into `fields` (room for `capacity`); returns how many fields the
  /// record has (only the first `capacity` are written), or nil at the end of the input.
  mutating func nextRecord(into fields: UnsafeMutablePointer<CSVField>, capacity: Int) throws(CSVScanError) -> Int? {
    var n = 0
    // Skip blank lines (`\n` or `\r\n` alone).
    while skipsBlankLines && position < count {
      let byte = base[position]
      if byte == CSVScanner.newline {
        position += 1
      } else if byte == CSVScanner.carriageReturn && position + 1 < count && base[position + 1] == CSVScanner.newline {
        position += 2
      } else {
        break
      }
    }
    guard position < count else { return nil }
    recordStart = position
    while true {
      if base[position] == CSVScanner.quote {
        let endsRecord = try scanQuoted(into: fields, capacity, &n)
        if endsRecord { return n }
      } else if scanPlain(into: fields, capacity, &n) {
        return n
      }
    }
  }

  /// ``nextRecord(into:capacity:)`` writing the places of only the first `located` fields:
  /// the fields after them are counted, eight bytes at a time (``countFields(_:)``), not
  /// located. A reader that feeds only some columns needs the places of those up to the last
  /// one it feeds, and the count of all (a record with too few or too many is an error).
  mutating func nextRecord(
    into fields: UnsafeMutablePointer<CSVField>, capacity: Int, located: Int
  ) throws(CSVScanError) -> Int? {
    guard located < capacity else { return try nextRecord(into: fields, capacity: capacity) }
    var n = 0
    while skipsBlankLines && position < count {
      let byte = base[position]
      if byte == CSVScanner.newline {
        position += 1
      } else if byte == CSVScanner.carriageReturn && position + 1 < count && base[position + 1] == CSVScanner.newline {
        position += 2
      } else {
        break
      }
    }
    guard position < count else { return nil }
    recordStart = position
    while true {
      if n >= located && countFields(&n) { return n }
      if base[position] == CSVScanner.quote {
        let endsRecord = try scanQuoted(into: fields, capacity, &n)
        if endsRecord { return n }
      } else if scanPlain(into: fields, capacity, &n) {
        return n
      }
    }
  }

  /// Goes back to `offset`, a record's start (to read a record again with every field located).
  mutating func rewind(to offset: Int) {
    position = offset
  }

  /// Counts the fields from ``position``, the start of a field, to the end of the record:
  /// true when the record ended (``position`` after it); false when a field that starts with
  /// a quote was reached (``position`` at it, for ``scanQuoted(into:_:_:)``). A quote inside
  /// an unquoted field is text, as ``scanPlain(into:_:_:)`` reads it.
  ///
  /// Each word of eight bytes is searched for the delimiter, the line feed and the quote at
  /// once; `(v & 7F…7F) + 7F…7F` carries into no other byte, so the marks are exact and can
  /// be counted.
  @inline(__always)
  private mutating func countFields(_ n: inout Int) -> Bool {
    let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    let ones: UInt64 = 0x0101_0101_0101_0101
    let spreadD = ones &* UInt64(delimiter)
    let spreadN = ones &* UInt64(CSVScanner.newline)
    let spreadQ = ones &* UInt64(CSVScanner.quote)
    @inline(__always) func zeros(_ v: UInt64) -> UInt64 { ~(((v & low) &+ low) | v | low) }
    let raw = UnsafeRawPointer(base)
    var fieldStart = position
    var i = position
    while true {
      var stop = -1
      while i &+ 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
        let d = zeros(word ^ spreadD)
        let ends = zeros(word ^ spreadN) | zeros(word ^ spreadQ)
        if ends == 0 {
          if d != 0 {
            n &+= d.nonzeroBitCount
            fieldStart = i &+ ((63 &- d.leadingZeroBitCount) >> 3) &+ 1
          }
          i &+= 8
          continue
        }
        let bit = ends.trailingZeroBitCount
        let before = d & ((1 << UInt64(bit)) &- 1)
        if before != 0 {
          n &+= before.nonzeroBitCount
          fieldStart = i &+ ((63 &- before.leadingZeroBitCount) >> 3) &+ 1
        }
        stop = i &+ (bit >> 3)
        break
      }
      if stop < 0 {
        // The last few bytes, one by one.
        while i < count && base[i] != CSVScanner.newline && base[i] != CSVScanner.quote {
          if base[i] == delimiter {
            n &+= 1
            fieldStart = i &+ 1
          }
          i &+= 1
        }
        if i == count {
          n &+= 1
          recordEnd = count
          position = count
          return true
        }
        stop = i
      }
      if base[stop] == CSVScanner.newline {
        n &+= 1
        recordEnd = stop
        position = stop &+ 1
        return true
      }
      // A quote: a quoted field when it starts one, else text.
      if stop == fieldStart {
        position = stop
        return false
      }
      i = stop &+ 1
    }
  }

  /// Writes field number `n` when there is room for it, and counts it.
  @inline(__always)
  private func add(_ field: CSVField, _ fields: UnsafeMutablePointer<CSVField>, _ capacity: Int, _ n: inout Int) {
    if n < capacity { fields[n] = field }
    n &+= 1
  }

  /// Scans an unquoted field starting at `position`; true when it ended the record.
  @inline(__always)
  private mutating func scanPlain(into fields: UnsafeMutablePointer<CSVField>, _ capacity: Int, _ n: inout Int) -> Bool {
    let start = position
    let delimiter = self.delimiter
    var i = firstOf(delimiter, or: CSVScanner.newline, from: position)
    while i < count {
      let byte = base[i]
      if byte == delimiter {
        add(CSVField(start: start, end: i, hasEscapes: false, quoted: false), fields, capacity, &n)
        position = i + 1
        if position == count {
          // A trailing delimiter at the very end: one more, empty field.
          add(CSVField(start: position, end: position, hasEscapes: false, quoted: false), fields, capacity, &n)
          recordEnd = count
          return true
        }
        return false
      }
      if byte == CSVScanner.newline {
        let end = i > start && base[i - 1] == CSVScanner.carriageReturn ? i - 1 : i
        add(CSVField(start: start, end: end, hasEscapes: false, quoted: false), fields, capacity, &n)
        recordEnd = i
        position = i + 1
        return true
      }
      i += 1
    }
    let end = i > start && base[i - 1] == CSVScanner.carriageReturn ? i - 1 : i
    add(CSVField(start: start, end: end, hasEscapes: false, quoted: false), fields, capacity, &n)
    recordEnd = count
    position = count
    return true
  }

  /// The offset of the first `a` or `b` at or after `from`, looking eight bytes at a time; or,
  /// when none is in the whole words that fit before the end, the offset where those words
  /// end (the byte loops that follow look at the last few bytes one by one).
  ///
  /// A byte equal to `a` is a zero byte of `word ^ a…a`; `(v - 0x01…01) & ~v & 0x80…80` marks
  /// the zero bytes of `v` (a borrow can mark a byte above a zero byte too, never one below
  /// it), so the lowest mark of either is the first match (bytes are read little-endian).
  @inline(__always)
  private func firstOf(_ a: UInt8, or b: UInt8, from start: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let spreadA = ones &* UInt64(a)
    let spreadB = ones &* UInt64(b)
    let raw = UnsafeRawPointer(base)
    var i = start
    while i &+ 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
      let x = word ^ spreadA
      let y = word ^ spreadB
      let marks = (((x &- ones) & ~x) | ((y &- ones) & ~y)) & highs
      if marks != 0 { return i &+ (marks.trailingZeroBitCount >> 3) }
      i &+= 8
    }
    return i
  }

  /// Scans a quoted field whose opening quote is at `position`; true when it ended the record.
  private mutating func scanQuoted(into fields: UnsafeMutablePointer<CSVField>, _ capacity: Int, _ n: inout Int) throws(CSVScanError) -> Bool {
    let open = position
    var i = position + 1
    var hasEscapes = false
    while true {
      i = firstOf(CSVScanner.quote, or: CSVScanner.quote, from: i)
      guard i < count else { throw CSVScanError(kind: .unclosedQuote, offset: open) }
      if base[i] == CSVScanner.quote {
        if i + 1 < count && base[i + 1] == CSVScanner.quote {
          hasEscapes = true
          i += 2
          continue
        }
        break
      }
      i += 1
    }
    add(CSVField(start: open + 1, end: i, hasEscapes: hasEscapes, quoted: true), fields, capacity, &n)
    var next = i + 1
    if next < count && base[next] == CSVScanner.carriageReturn && next + 1 < count && base[next + 1] == CSVScanner.newline {
      next += 1
    }
    if next >= count {
      recordEnd = count
      position = count
      return true
    }
    let byte = base[next]
    if byte == CSVScanner.newline {
      recordEnd = next
      position = next + 1
      return true
    }
    if byte == delimiter {
      position = next + 1
      if position == count {
        add(CSVField(start: position, end: position, hasEscapes: false, quoted: false), fields, capacity, &n)
        recordEnd = count
        return true
      }
      return false
    }
    throw CSVScanError(kind: .textAfterQuote, offset: next)
  }
}
