#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CXlsxWriter
import HQData
import HQLoaders
import HQDiagnostics

/// An Excel workbook (`.xlsx`) written to a file, one worksheet per result, through
/// libxlsxwriter.
///
/// Each sheet has the result's column names as a bold header row, frozen so it stays in view
/// when scrolling; numbers are numbers (with a number format showing as many decimals as the
/// column's values have, so `27.4` and `98` show as `27,4` and `98,0` in Swedish Excel), text
/// is text, null is an empty cell, and each column is as wide as its longest value (within
/// limits). Sheets are named after the statement that made them, made valid for Excel
/// (``sheetName(for:taken:)``).
///
/// The file is written as every file hq writes is: under a temporary name next to it, renamed
/// into place by ``commit()`` (``HQLoaders/FileDestination``), so a failed write leaves the
/// old file as it was. libxlsxwriter writes the whole zip when the workbook is closed, and
/// opens the file by name, following links; so it writes into a directory of its own
/// (`mkdtemp`, mode 0700, under `$TMPDIR` or `/tmp`), and ``commit()`` copies the finished
/// file into the destination's open descriptor: nobody can swap the name it writes to.
///
/// Every libxlsxwriter call is in this file, through ``LibXLSXWriter`` (the library is loaded
/// when the first workbook is opened). The corresponding C calls are `workbook_new`,
/// `workbook_add_worksheet`, `workbook_add_format`, `worksheet_write_*`,
/// `worksheet_freeze_panes`, `worksheet_set_column` and `workbook_close`.
final class XLSXWorkbook {
  private let lib: LibXLSXWriter
  /// The file being written.
  let destination: FileDestination
  private var workbook: UnsafeMutablePointer<lxw_workbook>?
  private var headerFormat: UnsafeMutablePointer<lxw_format>?
  /// The number format for each count of decimals (`0.0`, `0.00`, …), made once.
  private var decimalFormats: [Int: UnsafeMutablePointer<lxw_format>] = [:]
  /// The sheet names used so far, folded as Excel compares them (case-insensitively).
  private var takenNames: Set<String> = ["history"]
  private(set) var sheetCount = 0
  /// The private directory libxlsxwriter writes the zip into, and the zip's path in it.
  private let scratchDirectory: String
  private let scratchFile: String

  var path: String { destination.path }

  /// The most rows a sheet holds below its header, and the most columns (Excel's limits).
  static let maxRows = 1_048_575
  static let maxColumns = 16_384
  /// The most characters Excel keeps in one cell.
  static let maxTextLength = 32_767

  /// Opens `path` for a workbook. Fails for a destination that is not a regular file (a
  /// terminal, a pipe, `/dev/stdout`): an xlsx file is a zip archive, written whole.
  init(path: String) throws(ShellError) {
    lib = try LibXLSXWriter.shared.get()
    do throws(LoadError) {
      destination = try FileDestination(path: path)
    } catch {
      throw ShellError("cannot write '\(path)': \(error.message)")
    }
    guard destination.isReplacing else {
      destination.abandon()
      throw ShellError(
        "cannot write '\(path)' as xlsx: an Excel workbook is a file, and this is a terminal, pipe or device; name a file ending in .xlsx, or choose a text format (csv-sv opens in Swedish Excel)")
    }
    let base = Terminal.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((base + "/hq-xlsx-XXXXXX").utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
      let reason = FileDestination.reason(errno)
      destination.abandon()
      throw ShellError("cannot write '\(path)': cannot make a temporary directory in \(base): \(reason) (set TMPDIR to a writable directory)")
    }
    scratchDirectory = String(cString: made)
    scratchFile = scratchDirectory + "/book.xlsx"
    workbook = lib.workbookNew(scratchFile)
    guard workbook != nil else {
      destination.abandon()
      rmdir(scratchDirectory)
      throw ShellError("cannot write '\(path)': libxlsxwriter could not start a workbook (out of memory?)")
    }
    headerFormat = lib.workbookAddFormat(workbook)
    lib.formatSetBold(headerFormat)
  }

  deinit { abandon() }

  /// Adds `table` as a new sheet named after `title` (the statement that made it).
  ///
  /// - Throws: when the result does not fit an Excel sheet (more than ``maxRows`` rows or
  ///   ``maxColumns`` columns, a text longer than ``maxTextLength``); the workbook keeps the
  ///   sheets added before.
  func addSheet(_ table: Table, title: String) throws(ShellError) {
    guard let workbook else { throw ShellError("cannot write '\(path)': the workbook is already closed") }
    guard table.rowCount <= Self.maxRows else {
      throw ShellError(
        "cannot write the result to '\(path)': it has \(table.rowCount) rows and an Excel sheet holds \(Self.maxRows) below its header; narrow it (where, take, summarize) or write csv")
    }
    guard table.columns.count <= Self.maxColumns else {
      throw ShellError(
        "cannot write the result to '\(path)': it has \(table.columns.count) columns and an Excel sheet holds \(Self.maxColumns); select fewer or write csv")
    }
    let name = Self.sheetName(for: title, taken: &takenNames, index: sheetCount + 1)
    guard let sheet = name.withCString({ lib.workbookAddWorksheet(workbook, $0) }) else {
      throw ShellError("cannot write the result to '\(path)': libxlsxwriter refused the sheet name '\(name)'")
    }
    sheetCount += 1
    let columns = table.columns.map { XLSXColumn($0, table.rowCount) }
    for (c, column) in table.columns.enumerated() {
      _ = column.name.withCString { lib.worksheetWriteString(sheet, 0, lxw_col_t(c), $0, headerFormat) }
    }
    lib.worksheetFreezePanes(sheet, 1, 0)
    for row in 0..<table.rowCount {
      for c in columns.indices {
        try write(columns[c], row: row, column: c, to: sheet)
      }
    }
    for (c, column) in columns.enumerated() {
      let width = Double(min(max(DisplayWidth.of(table.columns[c].name) + 2, column.widestCell + 2, 6), 60))
      _ = lib.worksheetSetColumn(sheet, lxw_col_t(c), lxw_col_t(c), width, nil)
    }
  }

  private func write(_ column: XLSXColumn, row: Int, column c: Int, to sheet: UnsafeMutablePointer<lxw_worksheet>) throws(ShellError) {
    let r = lxw_row_t(row + 1)
    let col = lxw_col_t(c)
    if let nulls = column.column.nulls, nulls[row] { return }
    switch column.column.storage {
    case .number(let mantissas, let scales, let uniform):
      let number = Number(mantissa: mantissas[row], scale: uniform ?? scales[row])
      _ = lib.worksheetWriteNumber(sheet, r, col, number.doubleValue, decimalFormat(column.decimals))
    case .text(let codes, let dictionary):
      let text = dictionary[Int(codes[row])]
      guard text.unicodeScalars.count <= Self.maxTextLength else {
        throw ShellError(
          "cannot write the result to '\(path)': the text in column '\(column.column.name)', row \(row + 1), has \(text.unicodeScalars.count) characters and an Excel cell holds \(Self.maxTextLength); shorten it (substr) or write csv")
      }
      _ = text.withCString { lib.worksheetWriteString(sheet, r, col, $0, nil) }
    case .bool(let values):
      _ = lib.worksheetWriteBoolean(sheet, r, col, values[row] ? 1 : 0, nil)
    }
  }

  /// The format showing `decimals` decimals (`0.0`); nil (Excel's General) for whole numbers.
  private func decimalFormat(_ decimals: Int) -> UnsafeMutablePointer<lxw_format>? {
    guard decimals > 0 else { return nil }
    if let made = decimalFormats[decimals] { return made }
    let format = lib.workbookAddFormat(workbook)
    ("0." + String(repeating: "0", count: decimals)).withCString { lib.formatSetNumFormat(format, $0) }
    decimalFormats[decimals] = format
    return format
  }

  /// Writes the workbook to its temporary file and renames that into place. On failure the
  /// destination is left as it was and the error says why.
  func commit() throws(ShellError) {
    guard let workbook else { return }
    self.workbook = nil
    if sheetCount == 0 {
      // Excel cannot open a workbook without a sheet: an empty one says nothing was written.
      _ = "no results".withCString { lib.workbookAddWorksheet(workbook, $0) }
    }
    let status = lib.workbookClose(workbook)
    defer { removeScratch() }
    guard status == LXW_NO_ERROR else {
      destination.abandon()
      let reason = lib.strerror(status).map { String(cString: $0) } ?? "error \(status.rawValue)"
      throw ShellError("cannot write '\(path)': \(reason); the file is left as it was")
    }
    if let failure = copyScratch() {
      destination.abandon()
      throw ShellError("cannot write '\(path)': \(FileDestination.reason(failure)); the file is left as it was")
    }
    do throws(LoadError) {
      try destination.commit()
    } catch {
      throw ShellError("cannot write '\(path)': \(error.message); the file is left as it was")
    }
  }

  /// Copies the finished zip into the destination's descriptor; the `errno` of a failure, or nil.
  /// The corresponding C calls are `open`, `read` and `write`.
  private func copyScratch() -> Int32? {
    let input = open(scratchFile, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard input >= 0 else { return errno }
    defer { close(input) }
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
      if got == 0 { return nil }
      if got < 0 {
        if errno == EINTR { continue }
        return errno
      }
      var offset = 0
      while offset < got {
        let n = buffer.withUnsafeBytes { bytes in
          bytes.baseAddress.map { systemWrite(destination.descriptor, $0 + offset, got - offset) } ?? -1
        }
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          return n < 0 ? errno : EIO
        }
      }
    }
  }

  /// Removes the private directory and what libxlsxwriter left in it.
  private func removeScratch() {
    unlink(scratchFile)
    rmdir(scratchDirectory)
  }

  /// Gives the workbook up; the destination keeps what it had.
  func abandon() {
    if let workbook {
      // libxlsxwriter frees a workbook only by closing it, which writes the file: let it write
      // the temporary file, then remove that.
      self.workbook = nil
      _ = lib.workbookClose(workbook)
      removeScratch()
    }
    destination.abandon()
  }

  /// A valid, unused Excel sheet name for `title` (comment lines left out): at most 31
  /// characters, none of `[ ] : * ? / \`,
  /// not starting or ending with `'`, runs of blanks as one space; `Sheet N` when nothing is
  /// left; ` (2)`, ` (3)`, … added (within the 31) when the name is taken, compared as Excel
  /// compares them, ignoring case. `History` is reserved by Excel.
  static func sheetName(for title: String, taken: inout Set<String>, index: Int) -> String {
    // Comment lines of a script say nothing about the result's columns: left out.
    let statement = title.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }
      .joined(separator: "\n")
    var cleaned = ""
    var lastWasSpace = true
    for scalar in statement.unicodeScalars {
      let isSpace = scalar.properties.isWhitespace || scalar.value < 0x20
      if isSpace || "[]:*?/\\".unicodeScalars.contains(scalar) {
        if !lastWasSpace { cleaned.unicodeScalars.append(" ") }
        lastWasSpace = true
        continue
      }
      cleaned.unicodeScalars.append(scalar)
      lastWasSpace = false
    }
    var base = String(String.UnicodeScalarView(cleaned.unicodeScalars.prefix(31)))
    base = trimmed(base)
    if base.isEmpty { base = "Sheet \(index)" }
    var name = base
    var n = 1
    while taken.contains(name.lowercased()) {
      n += 1
      let suffix = " (\(n))"
      let room = 31 - suffix.unicodeScalars.count
      name = trimmed(String(String.UnicodeScalarView(base.unicodeScalars.prefix(room)))) + suffix
    }
    taken.insert(name.lowercased())
    return name
  }

  /// Without spaces and apostrophes at either end (Excel refuses a name that starts or ends with `'`).
  private static func trimmed(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first, first == " " || first == "'" { scalars = scalars.dropFirst() }
    while let last = scalars.last, last == " " || last == "'" { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}

/// What a sheet needs to know about one column before writing it: its decimals and its
/// widest cell.
private struct XLSXColumn {
  let column: Column
  /// The most decimals any value of a number column has (`27.40` counts as `27.4`: 1).
  let decimals: Int
  /// The display width of the widest cell, in characters (the first 10,000 rows looked at).
  let widestCell: Int

  init(_ column: Column, _ rowCount: Int) {
    self.column = column
    let sample = min(rowCount, 10_000)
    switch column.storage {
    case .number(let mantissas, let scales, let uniform):
      var decimals = 0
      var widestWhole = 0
      for row in 0..<rowCount where !column.isNull(row) {
        let number = Number(mantissa: mantissas[row], scale: uniform ?? scales[row]).normalized
        decimals = max(decimals, Int(number.scale))
        if row < sample {
          // The whole part with its sign: `-1204` of -1204.1.
          let text = number.description
          widestWhole = max(widestWhole, text.utf8.firstIndex(of: UInt8(ascii: ".")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? text.utf8.count)
        }
      }
      self.decimals = min(decimals, 15)
      // As the number format shows them: every value with the column's decimals (`-1204.10`).
      widestCell = widestWhole + (self.decimals > 0 ? self.decimals + 1 : 0)
    case .text(let codes, let dictionary):
      decimals = 0
      var widest = 0
      var seen = Set<UInt32>()
      for row in 0..<sample where !column.isNull(row) && seen.insert(codes[row]).inserted {
        widest = max(widest, DisplayWidth.of(dictionary[Int(codes[row])]))
      }
      widestCell = widest
    case .bool:
      decimals = 0
      widestCell = 5
    }
  }
}

/// The C `write`, named apart from the methods called `write`.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
