#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQDiagnostics
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
///
/// A pipe loads like a file: a FIFO, `/dev/stdin` or a process substitution (`<(gen)`, a
/// `/dev/fd/N`) is read to its end (see ``FileBytes``). Such names usually have no extension,
/// so the name the data is loaded as can carry it: `as kolada.csv` reads CSV into `kolada`.
public enum Loader {
  /// - Parameters:
  ///   - path: the file to load, as the user typed it (used verbatim in messages).
  ///   - name: what to load it as. For CSV/TSV files, the table name (nil means the file's
  ///     stem). A name ending in a known extension (`kolada.csv`) also gives the kind of file,
  ///     overriding the path's, and is the name without it; for report texts and model files,
  ///     whose rows go to the fixed sources, only such a name counts (as the report's `source`).
  ///   - encoding: for CSV/TSV files, the encoding to read (nil: UTF-8, or Windows-1252 with a
  ///     note when the bytes are not UTF-8; see ``TextEncoding``). Other files are UTF-8.
  ///   - limits: Ctrl-C, the most bytes a pipe may bring, the time `pdftotext` may take.
  /// Ingestion warnings naming the file as the user gave it (the report's `source` is only
  /// its name), so `FILE:LINE:COL` leads to it.
  static func locating(_ warnings: [IngestWarning], at path: String) -> [IngestWarning] {
    warnings.map { warning in
      var warning = warning
      warning.file = path
      return warning
    }
  }

  ///   - deferring: for a CSV/TSV file that is mapped (not a pipe), read only its header now
  ///     and give a ``LoadedData/deferred(name:_:)`` table whose columns are read when asked
  ///     for (``CSVColumnSource``); files that cannot be read so are read whole.
  public static func load(
    path: String, as name: String? = nil, encoding: TextEncoding? = nil, limits: LoadLimits = .standard,
    deferring: Bool = false
  ) throws(LoadError) -> LoadedData {
    // A name with a known extension stands for the file: its kind, table name and source.
    let named = name.flatMap { name in FileKind(path: name).map { (kind: $0, name: name) } }
    let kind = named?.kind ?? FileKind(path: path)
    let shownName = fileName(named?.name ?? path)
    if let encoding, kind != .csv && kind != .tsv, kind != nil {
      throw LoadError(
        file: path,
        message: "encoding=\(encoding.rawValue) is for .csv and .tsv files; report texts and model files are read as UTF-8 (leave encoding= out)")
    }
    switch kind {
    case .text:
      let bytes = try FileBytes.read(path, limits: limits)
      let text = try bytes.validatedString(file: path)
      let result = ReportIngester.ingest(text: text, source: shownName, isCancelled: limits.isCancelled)
      guard !result.wasCancelled else { throw interrupted(path) }
      return .reports(result.model, warnings: locating(result.warnings, at: path))
    case .pdf:
      let text = try PDFText.extract(path: path, limits: limits)
      let result = ReportIngester.ingest(text: text, source: shownName, isCancelled: limits.isCancelled)
      guard !result.wasCancelled else { throw interrupted(path) }
      return .reports(result.model, warnings: locating(result.warnings, at: path))
    case .csv, .tsv:
      let bytes = try FileBytes.read(path, limits: limits)
      let delimiter: UInt8? = kind == .tsv ? UInt8(ascii: "\t") : nil
      let tableName = named.map { stem($0.name) } ?? name ?? stem(path)
      if deferring, let opened = CSVColumnSource.open(
        bytes, file: path, tableName: tableName, delimiter: delimiter, encoding: encoding, isCancelled: limits.isCancelled)
      {
        let source = opened.source
        let table = DeferredTable(name: tableName, fields: opened.fields, narrowable: source.settledText) {
          (wanted, narrowing) throws(DiagnosticError) in
          do throws(LoadError) {
            return try source.read(wanted, narrowing: narrowing)
          } catch {
            throw error.diagnostic
          }
        }
        return .deferred(name: tableName, table)
      }
      let read = try CSVReader.read(
        bytes, file: path, tableName: tableName, delimiter: delimiter, encoding: encoding, isCancelled: limits.isCancelled)
      return .table(name: read.table.name, read.table, notes: read.notes)
    case .json:
      let bytes = try FileBytes.read(path, limits: limits)
      let model = try ModelJSONReader.read(bytes, file: path)
      return .reports(model, warnings: [])
    case nil:
      throw unknownKind(path: path)
    }
  }

  /// Ctrl-C while a report text was read into the model.
  /// True when loading `path` (as `name`) already keeps every core busy: a CSV or TSV file is
  /// read in parallel parts (``CSVReader``). Such files are loaded one after another, each
  /// on all cores; report texts, PDFs and model files (one thread each) are loaded side by side.
  public static func usesAllCores(path: String, as name: String? = nil) -> Bool {
    let kind = name.flatMap { FileKind(path: $0) } ?? FileKind(path: path)
    return kind == .csv || kind == .tsv
  }

  static func interrupted(_ path: String) -> LoadError {
    LoadError(file: path, message: "interrupted while reading the report; nothing was loaded")
  }

  /// The error for a file whose kind cannot be told from its name. A name without any
  /// extension is usually a pipe (`/dev/stdin`, `/dev/fd/63` from `<(gen)`), so the message
  /// says how to name its kind.
  static func unknownKind(path: String) -> LoadError {
    let expected = "expected a name ending in .txt, .pdf, .csv, .tsv or .json"
    guard !fileName(path).dropFirst().contains(".") else {
      return LoadError(file: path, message: "cannot load this kind of file; \(expected)")
    }
    return LoadError(
      file: path,
      message: "cannot tell what kind of file this is without an extension; expected a name with one: .load \(path) as NAME.csv (on the command line: --load \(path) --as NAME.csv)")
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
