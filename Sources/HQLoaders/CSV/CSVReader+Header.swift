import HQData
import HQReports

extension CSVReader {
  static func hasByteOrderMark(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
  }

  /// True when the first line end outside quotes is a lone CR (`\r` not followed by `\n`):
  /// the file ends its lines the classic Mac way. Reads only the first line.
  static func endsLinesWithCarriageReturnsOnly(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> Bool {
    var inQuotes = false
    var i = start
    while i < count {
      let byte = base[i]
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == UInt8(ascii: "\n") { return false }
        if byte == UInt8(ascii: "\r") { return i + 1 < count && base[i + 1] != UInt8(ascii: "\n") }
      }
      i += 1
    }
    return false
  }

  /// `;` when the first line has more semicolons than commas outside quotes, else `,`.
  /// (A tab-separated file named `.csv` is recognised too: tabs beat both.)
  static func sniffDelimiter(_ base: UnsafePointer<UInt8>, _ count: Int, from start: Int) -> UInt8 {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var inQuotes = false
    var i = start
    while i < count {
      let byte = base[i]
      if byte == UInt8(ascii: "\"") {
        inQuotes.toggle()
      } else if !inQuotes {
        if byte == UInt8(ascii: "\n") { break }
        if byte == UInt8(ascii: ",") { commas += 1 }
        if byte == UInt8(ascii: ";") { semicolons += 1 }
        if byte == UInt8(ascii: "\t") { tabs += 1 }
      }
      i += 1
    }
    if tabs > commas && tabs > semicolons { return UInt8(ascii: "\t") }
    return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  /// The header's column names: unquoted, UTF-8 checked, blanks named `columnN`, no duplicates.
  static func headerNames(
    _ fields: [CSVField], _ base: UnsafePointer<UInt8>, _ bytes: UnsafeRawBufferPointer,
    failure: (Int, String) -> LoadError
  ) throws(LoadError) -> [String] {
    var names: [String] = []
    var seen: Set<String> = []
    for (index, field) in fields.enumerated() {
      if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: field.start, to: field.end) {
        throw failure(bad, invalidUTF8Message)
      }
      var cell = Array(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
      if field.hasEscapes { cell = collapseQuotes(cell) }
      var name = String(decoding: cell, as: UTF8.self).trimmingSpaces
      if name.isEmpty { name = "column\(index + 1)" }
      guard seen.insert(name).inserted else {
        throw failure(field.start, "duplicate column name '\(name)'; expected each header name once")
      }
      names.append(name)
    }
    return names
  }

  static func collapseQuotes(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    var i = 0
    while i < bytes.count {
      result.append(bytes[i])
      i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
    }
    return result
  }

  /// The `facts` types in header order when the header names exactly the `facts` columns.
  ///
  /// A header without `row_role` (written before that column existed) names them too; the
  /// table then gets `row_role` = `detail` on every row (``withRowRoles(_:)``).
  static func factsTypes(for header: [String]) -> [ValueType]? {
    let schema = ReportModel.factsSchema
    let names = Set(schema.names)
    guard Set(header) == names && header.count == names.count
      || Set(header) == names.subtracting(["row_role"]) && header.count == names.count - 1
    else { return nil }
    return header.compactMap { schema.field(named: $0)?.type }
  }

  /// The facts columns with `row_role` added as `detail` when the file had none.
  static func withRowRoles(_ columns: [Column]) -> [Column] {
    guard !columns.contains(where: { $0.name == "row_role" }), let first = columns.first else { return columns }
    var roles = ColumnBuilder(name: "row_role", type: .text, capacity: first.count)
    for _ in 0..<first.count { roles.appendText(RowRole.detail.rawValue) }
    return columns + [roles.build()]
  }

  /// Rows expected, from the length of the first few records, so columns reserve once.
  static func estimateRows(_ scanner: CSVScanner, _ width: Int, total: Int) -> Int {
    var probe = scanner
    var fields: [CSVField] = []
    let start = probe.position
    var records = 0
    while records < 1000, (try? probe.nextRecord(into: &fields)) == true { records += 1 }
    guard records > 0 else { return 0 }
    let average = max(1, (probe.position - start) / records)
    let remaining = total - start
    return min(remaining / average + remaining / average / 20 + 16, 1 << 31)
  }
}

extension String {
  fileprivate var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
  }
}
