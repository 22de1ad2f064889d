import HQData
@testable import HQLoaders

/// libFuzzer entry for the CSV/TSV reader on raw bytes: the first byte picks the delimiter
/// (sniffed, `,`, `;` or tab) and the rest is the file; a file that is not UTF-8 is read again
/// as Windows-1252, as ``HQLoaders/Loader`` does.
///
/// Every outcome must be a table or a located ``LoadError``; any crash is a finding. A file
/// that reads is also read with a filter narrowing its second column (predicate pushdown):
/// the narrowed cells must be the whole column's at the rows kept, and every row the tests
/// keep must be kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let choice = start.load(as: UInt8.self) % 4
  let delimiter: UInt8? = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][Int(choice)]
  let bytes = UnsafeRawBufferPointer(start: start + 1, count: count - 1)
  do {
    let table = try CSVReader.read(bytes, file: "fuzz.csv", tableName: "fuzz", delimiter: delimiter)
    for row in 0..<min(table.rowCount, 4) { _ = table.row(row) }
    checkNarrowedRead(bytes, delimiter: delimiter, against: table)
  } catch {
    _ = error.description
    // Bytes that are not UTF-8 are read again as Windows-1252, as the loader does.
    if error.message == CSVReader.invalidUTF8Message {
      do {
        let table = try CSVReader.readWindows1252(bytes, file: "fuzz.csv", tableName: "fuzz", delimiter: delimiter, isCancelled: { false })
        for row in 0..<min(table.rowCount, 4) { _ = table.row(row) }
      } catch {
        _ = error.description
      }
    }
  }
  return 0
}

/// Reads the file again feeding column 0 whole and column 1 only for the records passing
/// tests on column 0 (`> 0`, `== "a"`, or null), and checks the result against `table`.
func checkNarrowedRead(_ bytes: UnsafeRawBufferPointer, delimiter: UInt8?, against table: Table) {
  guard table.columns.count >= 2, table.columns[1].type == .text,
    CSVReader.factsTypes(for: table.columns.map(\.name)) == nil,
    let raw = bytes.baseAddress, bytes.count > 0
  else { return }
  let base = raw.assumingMemoryBound(to: UInt8.self)
  guard !CSVReader.hasByteOrderMark(base, bytes.count), !CSVReader.endsLinesWithCarriageReturnsOnly(base, bytes.count, from: 0)
  else { return }
  let separator = delimiter ?? CSVReader.sniffDelimiter(base, bytes.count, from: 0)
  var scanner = CSVScanner(base: base, count: bytes.count, delimiter: separator, position: 0)
  var fields: [CSVField] = []
  guard (try? scanner.nextRecord(into: &fields)) == true else { return }
  let input = CSVInput(base: base, count: bytes.count, delimiter: separator, release: { _, _ in }, isCancelled: { false })
  var builders = table.columns.indices.map {
    $0 == 0 ? CSVColumnBuilder(name: "a", type: nil, estimatedRows: 0)
      : $0 == 1 ? CSVColumnBuilder(name: "b", type: .text, estimatedRows: 0) : .finished(name: "c")
  }
  let tests: [RowPrefilter.Test] = [
    .number(column: 0, .greater, Number(0)), .text(column: 0, "a", equal: true), .null(column: 0, isNull: true),
  ]
  let filter = CSVRowFilter(filter: RowPrefilter(clauses: [tests]), columns: [1])
  guard let read = try? CSVReader.scan(
      &builders, input, from: scanner.position, limit: bytes.count, failure: CSVFailure(bytes: bytes, file: "fuzz.csv"),
      only: [0], filter: filter)
  else { return }
  precondition(read.records == table.rowCount, "the narrowed read counts other records")
  let narrowed = builders[1].build()
  precondition(narrowed.count == read.kept.count, "the narrowed column has another row count than the rows kept")
  for (i, row) in read.kept.enumerated() {
    precondition(row >= 0 && Int(row) < table.rowCount, "a kept row outside the table")
    precondition(narrowed.value(at: i) == table.columns[1].value(at: Int(row)), "a narrowed cell differs from the whole column's")
  }
  // Every row a test keeps by the whole column's values is kept.
  var next = 0
  for row in 0..<table.rowCount {
    let value = table.columns[0].value(at: row)
    let passes: Bool
    switch value {
    case .null: passes = true
    case .number(let n): passes = n > Number(0)
    case .text(let t): passes = t == "a"
    default: passes = false
    }
    guard passes else { continue }
    while next < read.kept.count && Int(read.kept[next]) < row { next += 1 }
    precondition(next < read.kept.count && Int(read.kept[next]) == row, "a row the tests keep is dropped")
  }
}
