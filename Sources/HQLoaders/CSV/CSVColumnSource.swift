#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQDiagnostics
import Synchronization

/// A CSV or TSV file read column by column, as queries need its columns (projection
/// pushdown, issue 16); the reader behind a ``HQData/DeferredTable``.
///
/// ``open(_:file:tableName:delimiter:encoding:isCancelled:)`` reads the header and sniffs each
/// column's type from the first records. The first ``read(_:)`` reads the whole file once:
/// it finds the row boundaries (in parallel parts, whose starts it keeps), checks every record's
/// shape and every byte's encoding — the errors a full load reports, at the same
/// `FILE:LINE:COL` — counts the rows, and builds the columns asked for. Later reads build
/// only the columns asked for, from the same parts. The file stays mapped while the table
/// lives; the pages a read is done with are handed back to the kernel as in a full load.
///
/// A file that is not UTF-8 (and not declared so) is read whole as Windows-1252 at the first
/// read, with the note a full load gives.
final class CSVColumnSource: @unchecked Sendable {
  private let file: FileBytes
  let path: String
  let tableName: String
  let header: [String]
  let delimiter: UInt8
  let dataStart: Int
  let encoding: TextEncoding?
  let hasByteOrderMark: Bool
  let estimate: Int
  let isCancelled: @Sendable () -> Bool
  /// The number of parts to read in (nil: ``CSVReader/defaultParts(_:)``); tests set it.
  let parts: Int?
  /// The parts' starts and the number of rows, once the first read found them good.
  private let starts = Mutex<(starts: [Int], rows: Int)?>(nil)
  /// The file as it was when it was opened (device, inode, size, modification time); nil
  /// when that could not be found out.
  private let identity: FileIdentity?
  /// The columns of settled text: a sampled cell was not a number, so the column is text
  /// whatever its other cells hold (``CSVColumnBuilder``), and may be built for the rows a
  /// filter keeps only (``read(_:narrowing:)``).
  let settledText: Set<Int>

  /// Records sniffed for the types of columns not read yet.
  static let sampleRecords = 1000

  private init(
    file: FileBytes, path: String, tableName: String, header: [String], delimiter: UInt8, dataStart: Int,
    encoding: TextEncoding?, hasByteOrderMark: Bool, estimate: Int, isCancelled: @escaping @Sendable () -> Bool,
    parts: Int?, settledText: Set<Int>
  ) {
    self.parts = parts
    self.settledText = settledText
    identity = FileIdentity(path: path)
    self.file = file
    self.path = path
    self.tableName = tableName
    self.header = header
    self.delimiter = delimiter
    self.dataStart = dataStart
    self.encoding = encoding
    self.hasByteOrderMark = hasByteOrderMark
    self.estimate = estimate
    self.isCancelled = isCancelled
  }

  /// The source and its columns (names, sniffed types, conventional roles); nil when the file
  /// is better read whole at once (``CSVReader/read(_:file:tableName:delimiter:encoding:isCancelled:)``
  /// then reports any error): a pipe, a file in Windows-1252 or UTF-16, with classic Mac line
  /// ends, with the `facts` columns, or whose header or first records do not read.
  static func open(
    _ file: FileBytes, file path: String, tableName: String, delimiter: UInt8?, encoding: TextEncoding?,
    isCancelled: @escaping @Sendable () -> Bool, parts: Int? = nil
  ) -> (source: CSVColumnSource, fields: [Field])? {
    guard file.isMapped, encoding != .windows1252 else { return nil }
    let bytes = file.buffer
    guard let raw = bytes.baseAddress, bytes.count > 0 else { return nil }
    let base = raw.assumingMemoryBound(to: UInt8.self)
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return nil }
    let bom = CSVReader.hasByteOrderMark(base, bytes.count)
    let start = bom ? 3 : 0
    guard !CSVReader.endsLinesWithCarriageReturnsOnly(base, bytes.count, from: start) else { return nil }
    let failure = CSVFailure(bytes: bytes, file: path)
    let separator = delimiter ?? CSVReader.sniffDelimiter(base, bytes.count, from: start)
    var scanner = CSVScanner(base: base, count: bytes.count, delimiter: separator, position: start)
    var fields: [CSVField] = []
    guard (try? scanner.nextRecord(into: &fields)) == true,
      let header = try? CSVReader.headerNames(fields, base, bytes, failure: failure.make),
      CSVReader.factsTypes(for: header) == nil
    else { return nil }
    let dataStart = scanner.position
    // The types of the first records' cells.
    var probe = scanner
    var records = 0
    while records < sampleRecords, (try? probe.nextRecord(into: &fields)) == true { records += 1 }
    var builders = header.map { CSVColumnBuilder(name: $0, type: nil, estimatedRows: records) }
    let input = CSVInput(base: base, count: bytes.count, delimiter: separator, release: { _, _ in }, isCancelled: isCancelled)
    guard (try? CSVReader.scan(&builders, input, from: dataStart, limit: probe.position, failure: failure)) != nil else {
      return nil
    }
    let types: [ValueType] = builders.map { $0.mode == .number ? .number : .text }
    let source = CSVColumnSource(
      file: file, path: path, tableName: tableName, header: header, delimiter: separator, dataStart: dataStart,
      encoding: encoding, hasByteOrderMark: bom, estimate: CSVReader.estimateRows(scanner, header.count, total: bytes.count),
      isCancelled: isCancelled, parts: parts,
      settledText: Set(builders.indices.filter { builders[$0].mode == .text || builders[$0].mode == .demoted }))
    let columns = header.indices.map { Field(header[$0], types[$0], role: ColumnRole.conventional(for: header[$0])) }
    return (source, columns)
  }

  /// Builds the columns at `wanted` (ascending); the first read also checks the whole file.
  ///
  /// - Parameter narrowing: columns (of ``settledText``, not in `wanted`) to build, in the
  ///   same read, for the records its filter keeps only (``CSVRowFilter``); the result's
  ///   `narrowed` has them. Ignored (nil `narrowed`) when it names other columns, or the
  ///   file is too large for 32-bit row numbers.
  func read(_ wanted: [Int], narrowing: DeferredTable.Narrowing? = nil) throws(LoadError) -> DeferredTable.ReadResult {
    let bytes = file.buffer
    guard let raw = bytes.baseAddress else { return DeferredTable.ReadResult(columns: [:], rowCount: 0) }
    let base = raw.assumingMemoryBound(to: UInt8.self)
    let failure = CSVFailure(bytes: bytes, file: path)
    let known = starts.withLock { $0 }
    if known != nil, let identity, FileIdentity(path: path)?.isChanged(from: identity) == true {
      // Rewritten in place since: its records are no longer the ones counted (a file put in
      // its place under the same name leaves the mapped one as it was, and is read as such).
      throw LoadError(file: path, message: Self.changedMessage)
    }
    let input = CSVInput(
      base: base, count: bytes.count, delimiter: delimiter, release: file.releaser(reportingProgress: known == nil),
      isCancelled: isCancelled)
    var filter: CSVRowFilter?
    if let narrowing, !narrowing.columns.isEmpty, bytes.count < Int(Int32.max),
      narrowing.columns.allSatisfy({ settledText.contains($0) && !wanted.contains($0) }),
      narrowing.filter.columns.allSatisfy({ $0 >= 0 && $0 < header.count })
    {
      filter = CSVRowFilter(filter: narrowing.filter, columns: narrowing.columns)
    }
    if let known {
      let read = try pass(input, starts: known.starts, wanted, validating: false, filter: filter, failure: failure)
      guard read.rows == known.rows else { throw LoadError(file: path, message: Self.changedMessage) }
      return result(read.builders, wanted, rows: read.rows, filter: filter, kept: read.kept)
    }
    do throws(LoadError) {
      let parts = CSVReader.chunkStarts(input, from: dataStart, parts: self.parts ?? CSVReader.defaultParts(bytes.count - dataStart))
      let read = try pass(input, starts: parts, wanted, validating: true, filter: filter, failure: failure)
      starts.withLock { $0 = (read.starts, read.rows) }
      return result(read.builders, wanted, rows: read.rows, filter: filter, kept: read.kept)
    } catch {
      guard error.message == CSVReader.invalidUTF8Message else { throw error }
      if encoding == .utf8 {
        var error = error
        error.message = CSVReader.invalidUTF8Message + " (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)"
        throw error
      }
      if hasByteOrderMark { throw error }
      // Not UTF-8: read whole as Windows-1252, as a full load does, with its note.
      let table = try CSVReader.readWindows1252(
        bytes, file: path, tableName: tableName, delimiter: delimiter, isCancelled: isCancelled)
      var columns: [Int: Column] = [:]
      for (index, column) in table.columns.enumerated() { columns[index] = column }
      let note = CSVReader.windows1252Note(bytes, file: path)
      return DeferredTable.ReadResult(columns: columns, rowCount: table.rowCount, notes: [note.diagnostic])
    }
  }

  static let changedMessage =
    "the file changed after it was loaded, so its other columns cannot be read; load it again (.load) to query it"

  private func result(
    _ builders: [CSVColumnBuilder], _ wanted: [Int], rows: Int, filter: CSVRowFilter?, kept: [Int32]
  ) -> DeferredTable.ReadResult {
    var columns: [Int: Column] = [:]
    for index in wanted { columns[index] = builders[index].build() }
    let narrowed = filter.map { DeferredTable.Narrowed(columns: $0.columns.map { builders[$0].build() }, rows: kept) }
    return DeferredTable.ReadResult(columns: columns, rowCount: rows, narrowed: narrowed)
  }

  /// One read of the file in the parts starting at `starts`, feeding only `wanted`; a
  /// column found not to be numeric after all is read once more as text, as in a full load.
  private func pass(
    _ input: CSVInput, starts: [Int], _ wanted: [Int], validating: Bool, filter: CSVRowFilter?, failure: CSVFailure
  ) throws(LoadError) -> (builders: [CSVColumnBuilder], rows: Int, starts: [Int], kept: [Int32]) {
    let header = self.header
    let estimate = self.estimate
    let chosen = Set(wanted)
    let narrowed = Set(filter?.columns ?? [])
    let fresh = { @Sendable (rows: Int) in
      header.indices.map {
        chosen.contains($0)
          ? CSVColumnBuilder(name: header[$0], type: nil, estimatedRows: rows)
          // A narrowed column reserves no room ahead: how many rows it gets is not known.
          : narrowed.contains($0)
            ? CSVColumnBuilder(name: header[$0], type: .text, estimatedRows: 0) : .finished(name: header[$0])
      }
    }
    var builders: [CSVColumnBuilder]
    var rows: Int
    var kept: [Int32]
    var used = starts
    if starts.count > 1,
      let merged = try CSVReader.parallelScan(
        input, starts: starts, make: { [parts = starts.count] in fresh($0 == 0 ? estimate : estimate / parts + 16) },
        failure: failure, only: wanted, validating: validating, filter: filter)
    {
      builders = merged.builders
      rows = merged.records
      kept = merged.kept
    } else {
      builders = fresh(estimate)
      let read = try CSVReader.scan(
        &builders, input, from: dataStart, limit: input.count, failure: failure, only: wanted, validating: validating,
        filter: filter)
      rows = read.records
      kept = read.kept
      used = [dataStart]
    }
    let demoted = wanted.filter { builders[$0].isDemoted }
    if !demoted.isEmpty {
      var again = header.indices.map {
        builders[$0].isDemoted ? CSVColumnBuilder(name: header[$0], type: .text, estimatedRows: estimate) : .finished(name: header[$0])
      }
      _ = try CSVReader.scan(&again, input, from: dataStart, limit: input.count, failure: failure, only: demoted)
      for i in demoted { builders[i] = again[i] }
    }
    return (builders, rows, used, kept)
  }
}

/// Which file a path names and how it was when seen: a file rewritten in place keeps its
/// device and inode but changes its size or modification time.
struct FileIdentity: Equatable {
  var device: UInt64
  var inode: UInt64
  var size: Int64
  var modified: Int64
  var modifiedNanoseconds: Int

  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec)
    modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
  }

  /// True when `self` is the same file as `earlier` with other contents.
  func isChanged(from earlier: FileIdentity) -> Bool {
    device == earlier.device && inode == earlier.inode
      && (size != earlier.size || modified != earlier.modified || modifiedNanoseconds != earlier.modifiedNanoseconds)
  }
}
