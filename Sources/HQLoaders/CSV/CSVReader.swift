import HQData
import HQReports

/// Reads CSV and TSV files into a ``HQData/Table``.
///
/// - The first record is the header; empty names become `column1`, `column2`, ….
/// - The delimiter is a tab for `.tsv`; for `.csv` it is `;` when the header has more `;` than
///   `,` outside quotes (Swedish Excel writes `;` because `,` is its decimal point), else `,`.
/// - The encoding is UTF-8; a file whose bytes are not UTF-8 (and that has no UTF-8 byte
///   order mark) is read as Windows-1252, what Swedish Excel saves, with a note naming it
///   (``read(_:file:tableName:delimiter:encoding:isCancelled:)``), unless an encoding is named.
/// - Each column's type is inferred: number when every non-empty cell is a number
///   (``CSVDecimal``: plain, or as Swedish Excel writes it, `1 204,1`, `−5,8`, `5,8 %`,
///   `12 450 tkr`; one decimal separator and one unit for the whole column, the unit kept as
///   the column's ``HQData/Column/unit``), else text. Empty cells are null.
/// - A header naming exactly the `facts` columns (any order) gets the `facts` schema: its
///   order and types, so the table can extend or replace `facts`.
///
/// The reader works on the mapped bytes: fields are byte ranges, numbers are parsed from bytes,
/// and text is interned into a per-column dictionary, so no `String` is made per cell.
enum CSVReader {
  /// The message of the error for bytes that are not UTF-8 (from the header or a text cell).
  static let invalidUTF8Message = "invalid UTF-8; expected text encoded as UTF-8"

  /// Reads a mapped file, handing finished pages back to the kernel as it goes.
  ///
  /// - Parameter encoding: nil to read UTF-8 and, when the bytes turn out not to be UTF-8 (and
  ///   there is no UTF-8 byte order mark), read the file again as Windows-1252 with a note at
  ///   the first byte that was not UTF-8. A UTF-8 file pays nothing for this: only its text
  ///   cells are checked, as they always were, and only a failure reads again.
  /// - Returns: the table and the notes about how it was read.
  static func read(
    _ file: FileBytes, file path: String, tableName: String, delimiter: UInt8? = nil, encoding: TextEncoding? = nil,
    isCancelled: @escaping @Sendable () -> Bool = { false }
  ) throws(LoadError) -> (table: Table, notes: [IngestWarning]) {
    let bytes = file.buffer
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      // Excel's "Unicode Text" is UTF-16; read as Windows-1252 it would be letters and NULs.
      throw LoadError(
        file: path, line: 1, column: 1,
        message: "the file is UTF-16 (it starts with a UTF-16 byte order mark, as Excel's \"Unicode Text\" does); expected UTF-8 or Windows-1252: save it as \"CSV UTF-8\", or convert it with iconv -f UTF-16 -t UTF-8")
    }
    if encoding == .windows1252 {
      return (try readWindows1252(bytes, file: path, tableName: tableName, delimiter: delimiter, isCancelled: isCancelled), [])
    }
    do throws(LoadError) {
      let table = try read(
        file.buffer, file: path, tableName: tableName, delimiter: delimiter, release: file.releaser, isCancelled: isCancelled)
      return (table, [])
    } catch {
      guard error.message == invalidUTF8Message else { throw error }
      if encoding == .utf8 {
        var error = error
        error.message = invalidUTF8Message + " (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)"
        throw error
      }
      // A file that begins with the UTF-8 byte order mark says it is UTF-8: its bad bytes are an error.
      if let base = bytes.baseAddress, hasByteOrderMark(base.assumingMemoryBound(to: UInt8.self), bytes.count) { throw error }
      let table = try readWindows1252(bytes, file: path, tableName: tableName, delimiter: delimiter, isCancelled: isCancelled)
      return (table, [windows1252Note(bytes, file: path)])
    }
  }

  /// The note for a file read as Windows-1252 because it is not UTF-8, at its first byte that
  /// is not.
  static func windows1252Note(_ bytes: UnsafeRawBufferPointer, file path: String) -> IngestWarning {
    // Where the first byte that is not UTF-8 is, counted as Windows-1252 characters (one a byte).
    let offset = UTF8Check.firstInvalidOffset(in: bytes) ?? 0
    var line = 1
    var lineStart = 0
    for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
      line += 1
      lineStart = i + 1
    }
    return IngestWarning(
      file: path, line: line, column: offset - lineStart + 1,
      message: "not UTF-8\(offset < bytes.count ? " (byte \(hex(bytes[offset])))" : ""), so the file was read as Windows-1252, the encoding Swedish Excel saves CSV in; to choose, load it with encoding=cp1252 or encoding=utf-8",
      severity: .note)
  }

  /// `0xE5`.
  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
  }

  /// Reads `bytes` as Windows-1252: converted to UTF-8 first (a copy; files saved by Excel are
  /// small), then read as any file. Line and column numbers in errors are the same, since the
  /// conversion keeps every line break and each byte stays one character.
  static func readWindows1252(
    _ bytes: UnsafeRawBufferPointer, file path: String, tableName: String, delimiter: UInt8?,
    isCancelled: @escaping @Sendable () -> Bool
  ) throws(LoadError) -> Table {
    let converted = Windows1252.decode(bytes)
    let result = converted.withUnsafeBytes { utf8 in
      Result { () throws(LoadError) -> Table in
        try read(utf8, file: path, tableName: tableName, delimiter: delimiter, isCancelled: isCancelled)
      }
    }
    return try result.get()
  }

  /// Reads `bytes`, the whole file. `release(from, to)` is told which bytes the reader is done
  /// with; `isCancelled` (Ctrl-C) is polled every 65,536 records and stops the read.
  static func read(
    _ bytes: UnsafeRawBufferPointer, file path: String, tableName: String, delimiter: UInt8? = nil,
    release: @escaping @Sendable (Int, Int) -> Void = { _, _ in }, parts: Int? = nil,
    isCancelled: @escaping @Sendable () -> Bool = { false }
  ) throws(LoadError) -> Table {
    guard let raw = bytes.baseAddress, bytes.count > 0 else {
      throw LoadError(file: path, message: "the file is empty; expected a header row naming the columns")
    }
    let base = raw.assumingMemoryBound(to: UInt8.self)
    let start = hasByteOrderMark(base, bytes.count) ? 3 : 0
    if endsLinesWithCarriageReturnsOnly(base, bytes.count, from: start) {
      // Classic Mac line ends (Excel for Mac before 2016 writes them): read a copy whose lone
      // CRs are LFs, so records, chunks and error lines all work as for any other file.
      // Such files are small; the copy is the only cost, and only they pay it.
      var copy = [UInt8](bytes)
      for i in copy.indices where copy[i] == UInt8(ascii: "\r") && (i + 1 == copy.count || copy[i + 1] != UInt8(ascii: "\n")) {
        copy[i] = UInt8(ascii: "\n")
      }
      let result = copy.withUnsafeBytes { converted in
        Result { () throws(LoadError) -> Table in
          try read(converted, file: path, tableName: tableName, delimiter: delimiter, parts: parts, isCancelled: isCancelled)
        }
      }
      return try result.get()
    }
    let failure = CSVFailure(bytes: bytes, file: path)
    let separator = delimiter ?? sniffDelimiter(base, bytes.count, from: start)
    let input = CSVInput(base: base, count: bytes.count, delimiter: separator, release: release, isCancelled: isCancelled)
    var scanner = CSVScanner(base: base, count: bytes.count, delimiter: separator, position: start)
    var fields: [CSVField] = []
    let hasHeader: Bool
    do { hasHeader = try scanner.nextRecord(into: &fields) } catch { throw scanFailure(error, failure.make) }
    guard hasHeader else {
      throw LoadError(file: path, message: "the file is empty; expected a header row naming the columns")
    }
    let header = try headerNames(fields, base, bytes, failure: failure.make)
    let dataStart = scanner.position
    let forcedTypes = factsTypes(for: header)
    let estimate = estimateRows(scanner, fields.count, total: bytes.count)
    let fresh = { @Sendable (rows: Int) in
      header.indices.map { CSVColumnBuilder(name: header[$0], type: forcedTypes?[$0], estimatedRows: rows) }
    }

    let starts = chunkStarts(input, from: dataStart, parts: parts ?? defaultParts(bytes.count - dataStart))
    var builders: [CSVColumnBuilder]
    // The first part reserves room for every row (untouched reserved pages cost no memory), so
    // the other parts' rows are appended to it in place.
    if starts.count > 1,
      let merged = try parallelScan(
        input, starts: starts, make: { [parts = starts.count] in fresh($0 == 0 ? estimate : estimate / parts + 16) },
        failure: failure)
    {
      builders = merged.builders
    } else {
      builders = fresh(estimate)
      _ = try scan(&builders, input, from: dataStart, limit: input.count, failure: failure)
    }
    if builders.contains(where: \.isDemoted) {
      // Some columns looked numeric and were not: read those again, as text.
      var again = builders.map {
        $0.isDemoted ? CSVColumnBuilder(name: $0.name, type: .text, estimatedRows: estimate) : .finished(name: $0.name)
      }
      _ = try scan(&again, input, from: dataStart, limit: input.count, failure: failure)
      for i in builders.indices where builders[i].isDemoted { builders[i] = again[i] }
    }
    var columns = builders.map { $0.build() }
    if forcedTypes != nil {
      columns = withRowRoles(columns)
      columns = ReportModel.factsSchema.names.compactMap { name in columns.first { $0.name == name } }
    }
    // A CSV file declares no roles: its columns get their names' conventional roles, so a
    // column `value` is what compare and pivot take (docs/MODEL.md, "Column roles").
    return Table(name: tableName, columns: columns).withConventionalRoles
  }

  /// One pass over the records that start in `from..<limit`, feeding each field to its column.
  ///
  /// - Parameters:
  ///   - only: the columns to feed (ascending); nil for all. The others' cells are skipped,
  ///     but every record's fields are still counted, so a ragged record is found all the same.
  ///   - validating: check that every byte of the records read is UTF-8 (a read that feeds
  ///     only some columns checks the others' cells this way, as feeding them would).
  ///   - filter: columns fed only for the records its filter keeps (not in `only`).
  /// - Returns: the offset after the last record read (where the next part must start), how
  ///   many records were read, and with a `filter`, the numbers of those it kept (from 0).
  static func scan(
    _ builders: inout [CSVColumnBuilder], _ input: CSVInput, from start: Int, limit: Int, failure: CSVFailure,
    only: [Int]? = nil, validating: Bool = false, filter: CSVRowFilter? = nil
  ) throws(LoadError) -> (end: Int, records: Int, kept: [Int32]) {
    let fed = only ?? Array(0..<builders.count)
    // Two copies of the loop: one with the filter's tests, one with nothing after the columns.
    if let filter {
      var hook = CSVRowFilter.Narrowing(filter, fed: fed, start: start, limit: limit)
      defer { hook.free() }
      let read = try scan(
        &builders, input, from: start, limit: limit, failure: failure, fed: fed, validating: validating, hook: &hook)
      return (read.end, read.records, hook.kept(records: read.records))
    }
    var hook = CSVRowFilter.Nothing()
    let read = try scan(
      &builders, input, from: start, limit: limit, failure: failure, fed: fed, validating: validating, hook: &hook)
    return (read.end, read.records, [])
  }

  /// ``scan(_:_:from:limit:failure:only:validating:filter:)`` with `hook` called after each
  /// record's columns are fed.
  private static func scan<Hook: CSVRecordHook>(
    _ builders: inout [CSVColumnBuilder], _ input: CSVInput, from start: Int, limit: Int, failure: CSVFailure,
    fed: [Int], validating: Bool, hook: inout Hook
  ) throws(LoadError) -> (end: Int, records: Int) {
    let base = input.base
    var scanner = CSVScanner(
      base: base, count: input.count, delimiter: input.delimiter, position: start, skipsBlankLines: builders.count > 1)
    // Room for one field more than the columns: where a record with too many has its first extra.
    let width = builders.count
    // The places of the fields up to the last one fed; the rest are only counted.
    let located = max(fed.max() ?? -1, hook.lastColumn) + 1
    let fields = UnsafeMutablePointer<CSVField>.allocate(capacity: width + 1)
    defer { fields.deallocate() }
    let bytes = UnsafeRawBufferPointer(start: base, count: input.count)
    var scratch: [UInt8] = []
    var records = 0
    var released = start
    var validated = start
    while scanner.position < limit {
      let found: Int?
      do { found = try scanner.nextRecord(into: fields, capacity: width + 1, located: located) } catch {
        throw scanFailure(error, failure.make)
      }
      guard var found else { break }
      if found != width && located < width + 1 {
        // Read the record again with every field located, for the error's place.
        scanner.rewind(to: scanner.recordStart)
        do { found = try scanner.nextRecord(into: fields, capacity: width + 1) ?? found } catch { throw scanFailure(error, failure.make) }
      }
      guard found == width else {
        let message = "expected \(width) fields, got \(found)"
        if found < width { throw failure.make(scanner.recordEnd, message) }
        throw failure.make(fields[width].start - (fields[width].quoted ? 1 : 0), message)
      }
      for i in fed {
        do { try builders[i].append(fields[i], base, &scratch) } catch {
          throw cellFailure(error, column: builders[i].name, failure)
        }
      }
      do { try hook.record(records, fields, base, &builders, &scratch) } catch {
        throw cellFailure(error.error, column: builders[error.column].name, failure)
      }
      records += 1
      if validating && records & 0xFF == 0 {
        // The bytes just scanned, while they are in the cache.
        if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: validated, to: scanner.position) {
          throw failure.make(bad, invalidUTF8Message)
        }
        validated = scanner.position
      }
      if records & 0xFFFF == 0 {
        if input.isCancelled() { throw LoadError(file: failure.file, message: "interrupted while reading; nothing was loaded") }
        if scanner.recordStart - released >= 16 << 20 {
          input.release(released, scanner.recordStart)
          released = scanner.recordStart
        }
      }
    }
    if validating, let bad = UTF8Check.firstInvalidOffset(in: bytes, from: validated, to: scanner.position) {
      throw failure.make(bad, invalidUTF8Message)
    }
    // The rest of the part too: a file read column by column stays mapped after the read.
    if scanner.position > released { input.release(released, scanner.position) }
    for i in fed { builders[i].checkUnits() }
    hook.finish(&builders)
    return (scanner.position, records)
  }

  private static func cellFailure(_ error: CSVCellError, column: String, _ failure: CSVFailure) -> LoadError {
    switch error.kind {
    case .invalidUTF8:
      failure.make(error.offset, invalidUTF8Message)
    case .notANumber:
      failure.make(
        error.offset, length: error.length,
        "expected a number in column '\(column)' (digits with an optional sign, decimal point or comma and unit)")
    }
  }

  private static func scanFailure(_ error: CSVScanError, _ failure: (Int, String) -> LoadError) -> LoadError {
    switch error.kind {
    case .unclosedQuote:
      failure(error.offset, "unclosed quote; expected a closing \" before the end of the file")
    case .textAfterQuote:
      failure(error.offset, "unexpected text after a closing quote; expected a delimiter or the end of the line")
    }
  }
}
