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
/// The scanner is a cursor over the bytes; each record's fields are written into a reused
/// array of ``CSVField`` offsets, so scanning allocates nothing per row.
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
  /// at the end of the input.
  mutating func nextRecord(into fields: inout [CSVField]) throws(CSVScanError) -> Bool {
    fields.removeAll(keepingCapacity: true)
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
    guard position < count else { return false }
    recordStart = position
    while true {
      if base[position] == CSVScanner.quote {
        let endsRecord = try scanQuoted(into: &fields)
        if endsRecord { return true }
      } else if scanPlain(into: &fields) {
        return true
      }
    }
  }

  /// Scans an unquoted field starting at `position`; true when it ended the record.
  @inline(__always)
  private mutating func scanPlain(into fields: inout [CSVField]) -> Bool {
    let start = position
    var i = position
    let delimiter = self.delimiter
    while i < count {
      let byte = base[i]
      if byte == delimiter {
        fields.append(CSVField(start: start, end: i, hasEscapes: false, quoted: false))
        position = i + 1
        if position == count {
          // A trailing delimiter at the very end: one more, empty field.
          fields.append(CSVField(start: position, end: position, hasEscapes: false, quoted: false))
          recordEnd = count
          return true
        }
        return false
      }
      if byte == CSVScanner.newline {
        let end = i > start && base[i - 1] == CSVScanner.carriageReturn ? i - 1 : i
        fields.append(CSVField(start: start, end: end, hasEscapes: false, quoted: false))
        recordEnd = i
        position = i + 1
        return true
      }
      i += 1
    }
    let end = i > start && base[i - 1] == CSVScanner.carriageReturn ? i - 1 : i
    fields.append(CSVField(start: start, end: end, hasEscapes: false, quoted: false))
    recordEnd = count
    position = count
    return true
  }

  /// Scans a quoted field whose opening quote is at `position`; true when it ended the record.
  private mutating func scanQuoted(into fields: inout [CSVField]) throws(CSVScanError) -> Bool {
    let open = position
    var i = position + 1
    var hasEscapes = false
    while true {
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
    fields.append(CSVField(start: open + 1, end: i, hasEscapes: hasEscapes, quoted: true))
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
        fields.append(CSVField(start: position, end: position, hasEscapes: false, quoted: false))
        recordEnd = count
        return true
      }
      return false
    }
    throw CSVScanError(kind: .textAfterQuote, offset: next)
  }
}
