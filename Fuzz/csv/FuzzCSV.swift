import HQData
@testable import HQLoaders

/// libFuzzer entry for the CSV/TSV reader on raw bytes: the first byte picks the delimiter
/// (sniffed, `,`, `;` or tab) and the rest is the file; a file that is not UTF-8 is read again
/// as Windows-1252, as ``HQLoaders/Loader`` does.
///
/// Every outcome must be a table or a located ``LoadError``; any crash is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  guard count > 0 else { return 0 }
  let choice = start.load(as: UInt8.self) % 4
  let delimiter: UInt8? = [nil, UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][Int(choice)]
  let bytes = UnsafeRawBufferPointer(start: start + 1, count: count - 1)
  do {
    let table = try CSVReader.read(bytes, file: "fuzz.csv", tableName: "fuzz", delimiter: delimiter)
    for row in 0..<min(table.rowCount, 4) { _ = table.row(row) }
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
