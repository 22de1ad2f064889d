import HQData

/// The bytes and settings every pass over one file shares. The pointer stays valid for the
/// whole read (the mapping outlives it), and passes only read through it, so it may be used
/// from several threads at once.
struct CSVInput: @unchecked Sendable {
  let base: UnsafePointer<UInt8>
  let count: Int
  let delimiter: UInt8
  let release: @Sendable (Int, Int) -> Void
  /// Ctrl-C, polled every 65,536 records.
  let isCancelled: @Sendable () -> Bool
}

/// Makes a located ``LoadError`` from a byte offset (line and column computed on demand).
struct CSVFailure: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  let file: String

  func make(_ offset: Int, _ message: String) -> LoadError {
    LoadError(file: file, offset: offset, in: bytes, message: message)
  }

  /// The error underlining `length` bytes from `offset` (a cell).
  func make(_ offset: Int, length: Int, _ message: String) -> LoadError {
    LoadError(file: file, offset: offset, length: length, in: bytes, message: message)
  }
}

/// Reading a large file in parallel parts.
///
/// The data is cut at line breaks into one part per processor; each part is read into its own
/// column builders at the same time, then the parts' columns are appended in file order (text
/// dictionaries re-coded, see ``CSVColumnBuilder/merge(_:)``). A cut may fall inside a quoted
/// cell that spans lines; the part before it then runs past the cut, which is detected (its end
/// is not the next part's start) and the file is read again in one part. Errors are reported
/// from the earliest part, so the message is the one a single pass would give.
extension CSVReader {
  /// Parts worth having: one per processor (at most 8), none for files under 16 MB.
  static func defaultParts(_ bytes: Int) -> Int {
    guard bytes >= 16 << 20 else { return 1 }
    return max(1, min(ProcessEnvironment.processorCount, 8, bytes / (8 << 20)))
  }

  /// The offsets where parts start: `start`, then just after the first line break at or after
  /// each even share of the data.
  static func chunkStarts(_ input: CSVInput, from start: Int, parts: Int) -> [Int] {
    var starts = [start]
    guard parts > 1 else { return starts }
    for part in 1..<parts {
      var i = start + (input.count - start) / parts * part
      while i < input.count && input.base[i] != UInt8(ascii: "\n") { i += 1 }
      let next = i + 1
      if next < input.count, let last = starts.last, next > last { starts.append(next) }
    }
    return starts
  }

  /// Reads the parts in parallel and merges them; nil when a cut fell inside a record.
  static func parallelScan(
    _ input: CSVInput, starts: [Int], make: @Sendable (Int) -> [CSVColumnBuilder], failure: CSVFailure,
    only: [Int]? = nil, validating: Bool = false, filter: CSVRowFilter? = nil
  ) throws(LoadError) -> (builders: [CSVColumnBuilder], records: Int, kept: [Int32])? {
    var results: [Result<Part, LoadError>?] = Parallel.map(starts.count) { part -> Result<Part, LoadError> in
      let limit = part + 1 < starts.count ? starts[part + 1] : input.count
      var builders = make(part)
      do throws(LoadError) {
        let read = try scan(
          &builders, input, from: starts[part], limit: limit, failure: failure, only: only, validating: validating,
          filter: filter)
        return .success(Part(builders: builders, end: read.end, records: read.records, kept: read.kept))
      } catch {
        return .failure(error)
      }
    }.map(Optional.some)
    var records = 0
    var kept: [Int32] = []
    for part in results.indices {
      switch results[part] {
      case .failure(let error)?: throw error
      case .success(var read)?:
        if part + 1 < starts.count && read.end != starts[part + 1] { return nil }
        if filter != nil {
          // Each part numbered its records from 0.
          if part == 0 {
            swap(&kept, &read.kept)
            let rest = results[1...].reduce(0) { total, result in
              if case .success(let other)? = result { total + other.kept.count } else { total }
            }
            kept.reserveCapacity(kept.count + rest)
          } else {
            let offset = Int32(truncatingIfNeeded: records)
            read.kept.withUnsafeMutableBufferPointer { rows in
              for i in rows.indices { rows[i] &+= offset }
            }
            kept += read.kept
            read.kept = []
          }
          results[part] = .success(read)
        }
        records += read.records
      case nil: return nil
      }
    }
    // Merge column by column, freeing each part's storage as it is absorbed.
    var merged: [CSVColumnBuilder] = []
    guard case .success(var first)? = results[0] else { return nil }
    results[0] = nil
    for column in first.builders.indices {
      var builder = first.builders[column]
      first.builders[column] = .finished(name: builder.name)
      for part in 1..<results.count {
        guard case .success(var read)? = results[part] else { return nil }
        results[part] = nil
        if !builder.merge(&read.builders[column]) { builder.demoteForMerge() }
        results[part] = .success(read)
      }
      merged.append(builder)
    }
    return (merged, records, kept)
  }
}

/// One part's outcome.
struct Part: Sendable {
  var builders: [CSVColumnBuilder]
  var end: Int
  var records: Int
  /// With a filter, the records it kept, numbered from the part's first.
  var kept: [Int32] = []
}
