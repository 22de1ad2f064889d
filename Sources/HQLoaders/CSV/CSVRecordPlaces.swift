/// Where each record of a file starts, kept by a read so that a later read can go straight to
/// chosen rows (predicate pushdown, issue 16): four bytes a record, as offsets from the start
/// of the part of the file it was read in.
///
/// A statement `from t | where P | …` parses the columns `P` reads while recording these,
/// keeps the rows `P` selects, and then reads its other columns for those rows only
/// (``CSVColumnSource/read(_:rows:)``), without scanning the other records again.
struct CSVRecordPlaces: Sendable {
  /// One part of the file: its first byte and its records' starts relative to it.
  struct Part: Sendable {
    var start: Int
    var offsets: [UInt32]
  }

  private(set) var parts: [Part] = []
  /// The number of records.
  private(set) var count = 0

  /// Adds the next part's records.
  mutating func append(start: Int, offsets: [UInt32]) {
    parts.append(Part(start: start, offsets: offsets))
    count += offsets.count
  }

  /// Calls `body` with the start of each row of `rows` (ascending, each in `0..<count`), in order.
  func forEachPlace(of rows: ArraySlice<Int32>, _ body: (Int) throws(LoadError) -> Void) throws(LoadError) {
    var part = 0
    var first = 0
    for row in rows {
      let r = Int(row)
      while part < parts.count && r >= first + parts[part].offsets.count {
        first += parts[part].offsets.count
        part += 1
      }
      guard part < parts.count, r >= first else { return }
      try body(parts[part].start + Int(parts[part].offsets[r - first]))
    }
  }
}
