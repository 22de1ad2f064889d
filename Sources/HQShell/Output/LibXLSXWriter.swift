import CXlsxWriter

/// The libxlsxwriter functions hq calls, loaded with `dlopen` the first time a workbook is
/// opened (`cxlsx_load` in Sources/CXlsxWriter/shim.h says why the library is not linked).
struct LibXLSXWriter: @unchecked Sendable {
  typealias Workbook = UnsafeMutablePointer<lxw_workbook>
  typealias Worksheet = UnsafeMutablePointer<lxw_worksheet>
  typealias Format = UnsafeMutablePointer<lxw_format>

  let workbookNew: @convention(c) (UnsafePointer<CChar>?) -> Workbook?
  let workbookAddWorksheet: @convention(c) (Workbook?, UnsafePointer<CChar>?) -> Worksheet?
  let workbookAddFormat: @convention(c) (Workbook?) -> Format?
  let workbookClose: @convention(c) (Workbook?) -> lxw_error
  let formatSetBold: @convention(c) (Format?) -> Void
  let formatSetNumFormat: @convention(c) (Format?, UnsafePointer<CChar>?) -> Void
  let worksheetWriteString: @convention(c) (Worksheet?, lxw_row_t, lxw_col_t, UnsafePointer<CChar>?, Format?) -> lxw_error
  let worksheetWriteNumber: @convention(c) (Worksheet?, lxw_row_t, lxw_col_t, Double, Format?) -> lxw_error
  let worksheetWriteBoolean: @convention(c) (Worksheet?, lxw_row_t, lxw_col_t, Int32, Format?) -> lxw_error
  let worksheetFreezePanes: @convention(c) (Worksheet?, lxw_row_t, lxw_col_t) -> Void
  let worksheetSetColumn: @convention(c) (Worksheet?, lxw_col_t, lxw_col_t, Double, Format?) -> lxw_error
  let strerror: @convention(c) (lxw_error) -> UnsafeMutablePointer<CChar>?

  /// The library, loaded once (thread-safe: a global's lazy initialisation), or why it cannot be.
  static let shared: Result<LibXLSXWriter, ShellError> = load()

  private static func load() -> Result<LibXLSXWriter, ShellError> {
    var api = cxlsx_api()
    var error: UnsafePointer<CChar>?
    guard cxlsx_load(&api, &error) == 1,
      let workbookNew = api.workbook_new, let workbookAddWorksheet = api.workbook_add_worksheet,
      let workbookAddFormat = api.workbook_add_format, let workbookClose = api.workbook_close,
      let formatSetBold = api.format_set_bold, let formatSetNumFormat = api.format_set_num_format,
      let worksheetWriteString = api.worksheet_write_string, let worksheetWriteNumber = api.worksheet_write_number,
      let worksheetWriteBoolean = api.worksheet_write_boolean, let worksheetFreezePanes = api.worksheet_freeze_panes,
      let worksheetSetColumn = api.worksheet_set_column, let strerror = api.lxw_strerror
    else {
      let reason = error.map { String(cString: $0) } ?? "unknown reason"
      return .failure(ShellError(
        "cannot write xlsx: libxlsxwriter could not be loaded (\(reason)); install it (Debian: apt-get install libxlsxwriter4, or run Scripts/setup), or write csv-sv, which Excel opens too"))
    }
    return .success(LibXLSXWriter(
      workbookNew: workbookNew, workbookAddWorksheet: workbookAddWorksheet, workbookAddFormat: workbookAddFormat,
      workbookClose: workbookClose, formatSetBold: formatSetBold, formatSetNumFormat: formatSetNumFormat,
      worksheetWriteString: worksheetWriteString, worksheetWriteNumber: worksheetWriteNumber,
      worksheetWriteBoolean: worksheetWriteBoolean, worksheetFreezePanes: worksheetFreezePanes,
      worksheetSetColumn: worksheetSetColumn, strerror: strerror))
  }
}
