#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQReports

/// Loads a file into the session's data, choosing the reader by the file's extension.
///
/// | extension | reader | result |
/// |---|---|---|
/// | `.txt` | ``ReportIngester`` | ``LoadedData/reports(_:warnings:)`` |
/// | `.pdf` | `pdftotext` (poppler-utils), then ``ReportIngester`` | ``LoadedData/reports(_:warnings:)`` |
/// | `.csv`, `.tsv` | ``CSVReader`` | ``LoadedData/table(name:_:)`` |
/// | `.json` | ``ModelJSONReader`` (the format ``ModelExport`` writes) | ``LoadedData/reports(_:warnings:)`` |
///
/// Every failure is a ``LoadError`` with `FILE:LINE:COL` where a place in the file is to
/// blame. Nothing is returned on failure, so a failed load leaves the caller's data untouched.
public enum Loader {
  /// - Parameters:
  ///   - path: the file to load, as the user typed it (used verbatim in messages).
  ///   - name: the table name for CSV/TSV files; nil means the file's stem. Ignored for
  ///     report texts and model files, whose rows go to the fixed sources.
  public static func load(path: String, as name: String? = nil) throws(LoadError) -> LoadedData {
    switch FileKind(path: path) {
    case .text:
      let bytes = try FileBytes.read(path)
      let text = try bytes.validatedString(file: path)
      let result = ReportIngester.ingest(text: text, source: fileName(path))
      return .reports(result.model, warnings: result.warnings)
    case .pdf:
      let text = try PDFText.extract(path: path)
      let result = ReportIngester.ingest(text: text, source: fileName(path))
      return .reports(result.model, warnings: result.warnings)
    case .csv, .tsv:
      let bytes = try FileBytes.read(path)
      let delimiter: UInt8? = FileKind(path: path) == .tsv ? UInt8(ascii: "\t") : nil
      let table = try CSVReader.read(bytes, file: path, tableName: name ?? stem(path), delimiter: delimiter)
      return .table(name: table.name, table)
    case .json:
      let bytes = try FileBytes.read(path)
      let model = try ModelJSONReader.read(bytes, file: path)
      return .reports(model, warnings: [])
    case nil:
      throw LoadError(
        file: path,
        message: "cannot load this kind of file; expected a name ending in .txt, .pdf, .csv, .tsv or .json")
    }
  }

  /// The file's name without directories (`data/kolada.csv` → `kolada.csv`).
  static func fileName(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
  }

  /// The file's name without directories and extension (`data/kolada.csv` → `kolada`).
  static func stem(_ path: String) -> String {
    let name = fileName(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }
}

/// The file kinds ``Loader`` understands, decided by extension (case-insensitive).
enum FileKind {
  case text, pdf, csv, tsv, json

  init?(path: String) {
    let name = Loader.fileName(path)
    guard let dot = name.lastIndex(of: ".") else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "txt": self = .text
    case "pdf": self = .pdf
    case "csv": self = .csv
    case "tsv", "tab": self = .tsv
    case "json": self = .json
    default: return nil
    }
  }
}
