import HQData
import HQReports

/// Reads CSV and TSV files into a ``HQData/Table``.
///
/// - The first record is the header; empty names become `column1`, `column2`, ….
/// - The delimiter is a tab for `.tsv`; for `.csv` it is `;` when the header has more `;` than
///   `,` outside quotes (Swedish Excel writes `;` because `,` is its decimal point), else `,`.
/// - Each column's type is inferred: number when every non-empty cell is a plain decimal
///   number (Swedish decimal commas accepted when the whole column uses them), else text.
///   Empty cells are null.
/// - A header naming exactly the `facts` columns (any order) gets the `facts` schema: its
///   order and types, so the table can extend or replace `facts`.
///
/// The reader works on the mapped bytes: fields are byte ranges, numbers are parsed from bytes,
/// and text is interned into a per-column dictionary, so no `String` is made per cell.
enum CSVReader {
  /// Reads a mapped file, handing finished pages back to the kernel as it goes.
  static func read(
    _ file: FileBytes, file path: String, tableName: String, delimiter: UInt8? = nil,
    isCancelled: @escaping @Sendable () -> Bool = { false }
  ) throws(LoadError) -> Table {
    try read(file.buffer, file: path, tableName: tableName, delimiter: delimiter, release: file.releaser, isCancelled: isCancelled)
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
      builders = merged
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
  /// Returns the offset after the last record read (where the next part must start).
  static func scan(
    _ builders: inout [CSVColumnBuilder], _ input: CSVInput, from start: Int, limit: Int, failure: CSVFailure
  ) throws(LoadError) -> Int {
    let base = input.base
    var scanner = CSVScanner(
      base: base, count: input.count, delimiter: input.delimiter, position: start, skipsBlankLines: builders.count > 1)
    var fields: [CSVField] = []
    fields.reserveCapacity(builders.count + 1)
    var scratch: [UInt8] = []
    let width = builders.count
    var records = 0
    var released = start
    while scanner.position < limit {
      let more: Bool
      do { more = try scanner.nextRecord(into: &fields) } catch { throw scanFailure(error, failure.make) }
      guard more else { break }
      guard fields.count == width else {
        let message = "expected \(width) fields, got \(fields.count)"
        if fields.count < width { throw failure.make(scanner.recordEnd, message) }
        throw failure.make(fields[width].start - (fields[width].quoted ? 1 : 0), message)
      }
      for i in 0..<width {
        do { try builders[i].append(fields[i], base, &scratch) } catch {
          throw cellFailure(error, column: builders[i].name, failure.make)
        }
      }
      records += 1
      if records & 0xFFFF == 0 {
        if input.isCancelled() { throw LoadError(file: failure.file, message: "interrupted while reading; nothing was loaded") }
        if scanner.recordStart - released >= 16 << 20 {
          input.release(released, scanner.recordStart)
          released = scanner.recordStart
        }
      }
    }
    return scanner.position
  }

  private static func cellFailure(_ error: CSVCellError, column: String, _ failure: (Int, String) -> LoadError) -> LoadError {
    switch error.kind {
    case .invalidUTF8:
      failure(error.offset, "invalid UTF-8; expected text encoded as UTF-8")
    case .notANumber:
      failure(error.offset, "expected a number in column '\(column)' (digits with an optional sign and decimal point or comma)")
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
