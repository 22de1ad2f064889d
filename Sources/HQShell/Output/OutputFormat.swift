import HQData

/// The ways a result table can be written: for people (`table`, `line`, `markdown`), for
/// tools (`csv`, `tsv`, `json`, `ndjson`) and for Excel (`csv-sv`, `xlsx`).
///
/// The default is `table` when standard output is a terminal and `csv` otherwise, so
/// `hq -c '…' | other-tool` gets plain data with a header row and no decoration. `.output FILE`
/// and `.once FILE` take the format from the file's extension (``forFile(_:)``).
public enum OutputFormat: String, Sendable, CaseIterable {
  case table
  case csv
  /// CSV as Swedish Excel reads and writes it: `;`, decimal comma, a UTF-8 byte order mark.
  case csvSV = "csv-sv"
  case tsv
  case json
  case ndjson
  case markdown
  case line
  /// An Excel workbook: written to a file only (``XLSXWorkbook``), never to a terminal or pipe.
  case xlsx
  /// A chart as an SVG image; only a pipeline ending in `chart` is written in it.
  case svg

  /// One line per format, for `--help` and `.help format`.
  public var summary: String {
    switch self {
    case .table: "aligned columns, numbers right-aligned, a row-count footer (terminal default)"
    case .csv: "comma-separated, RFC 4180 quoting, a header row (default when not a terminal)"
    case .csvSV: "Swedish Excel's CSV: ';'-separated, decimal comma (1204,1), a UTF-8 byte order mark"
    case .tsv: "tab-separated, a header row; tab, newline and backslash escaped as \\t \\n \\\\"
    case .json: "one JSON array of objects; numbers are JSON numbers, null is null"
    case .ndjson: "one JSON object per line"
    case .markdown: "a GitHub-flavoured Markdown table"
    case .line: "one field per line, a header per record (like psql's \\x)"
    case .xlsx: "an Excel workbook, one sheet per result, bold frozen header; to a file only"
    case .svg: "a chart (a pipeline ending in `chart`) as an SVG image; other results are an error"
    }
  }

  /// The page `.help FORMAT` shows: what the format writes and an example.
  public var helpText: String {
    switch self {
    case .table: "Columns aligned for reading, numbers right-aligned, nulls empty, a row-count footer; fitted to the terminal's width. The default on a terminal."
    case .csv: "RFC 4180 CSV: ',' between fields, a field with ',', '\"' or a line break quoted with inner quotes doubled, numbers with '.' (-1204.1), null as an empty field, a header row, LF line ends. The default when output is not a terminal, and the format of .output FILE.csv."
    case .csvSV: "CSV for Swedish Excel: ';' between fields, numbers with a decimal comma (-1204,1), a UTF-8 byte order mark first so Excel reads å ä ö, quoting as csv. Opens with a double-click in Excel set to Swedish. .output FILE.csv keeps csv-sv when it is the current format."
    case .tsv: "Tab-separated: a header row, then one line per row; a tab, newline, carriage return or backslash inside a value is written \\t, \\n, \\r, \\\\. The format of .output FILE.tsv."
    case .json: "One JSON array of objects, keys in column order; numbers are exact JSON numbers, null is null. The format of .output FILE.json."
    case .ndjson: "One JSON object per line (newline-delimited JSON), for jq and log tools. The format of .output FILE.ndjson (or .jsonl)."
    case .markdown: "A GitHub-flavoured Markdown table, numbers right-aligned, '|' escaped. The format of .output FILE.md."
    case .line: "One 'column | value' line per field under a -[ RECORD N ]- header (psql's \\x); for wide rows and long text."
    case .svg: "A chart as a standalone SVG image (docs/CHARTS.md): title, legend, axes, bars or lines, text as text. Only a pipeline ending in `chart` is written as SVG; a table is an error. The format of .output FILE.svg; .once FILE.png draws the same chart as PNG through rsvg-convert."
    case .xlsx: "An Excel workbook: one sheet per statement, named after it (at most 31 characters, without [ ] : * ? / \\); numbers are numbers shown with the column's decimals, text is text, null an empty cell; a bold header row, frozen, and columns as wide as their values. Written only to a file, whole, when the .output ends (or after the statement for .once); never to a terminal or pipe. The format of .output FILE.xlsx."
    }
  }

  /// An example for `.help FORMAT`.
  public var helpExample: String {
    switch self {
    case .table: ".format table"
    case .csv: ".once result.csv\n  from goals | select name, status"
    case .csvSV: ".format csv-sv\n  .once till-excel.csv\n  from facts | where unit == \"mnkr\" | select indicator, value"
    case .tsv: ".once result.tsv\n  from goals"
    case .json: ".once result.json\n  from reports | select id, title"
    case .ndjson: ".once result.ndjson\n  from goals"
    case .markdown: ".once result.md\n  from reports | select id, title"
    case .line: ".format line\n  from reports | take 1"
    case .svg: ".once trend.svg\n  from facts | where indicator ~ \"antibiotika\" and kind == \"utfall\" | chart line value by year"
    case .xlsx: ".output bok.xlsx\n  from goals | select name, status\n  from facts | where year == 2024 | select indicator, value, unit\n  .output"
    }
  }

  /// Writes `table` in this format. (`xlsx` is never written here: the session adds its
  /// results to an ``XLSXWorkbook``, and refuses it where there is no file.)
  ///
  /// - Parameter display: for the formats people read (`table`, `line`): the terminal width
  ///   to fit, the rows to show, how numbers look. Other formats write every row as it is.
  public func write(_ table: Table, to out: OutputSink, display: Display = .full) {
    switch self {
    case .table: TableFormatter(display: display).write(table, to: out)
    case .csv: DelimitedFormatter.csv.write(table, to: out)
    case .csvSV: DelimitedFormatter.swedishCSV.write(table, to: out)
    case .tsv: DelimitedFormatter.tsv.write(table, to: out)
    case .json: JSONFormatter(style: .array).write(table, to: out)
    case .ndjson: JSONFormatter(style: .lines).write(table, to: out)
    case .markdown: MarkdownFormatter().write(table, to: out)
    case .line: LineFormatter(display: display).write(table, to: out)
    case .xlsx: break
    // Only charts are drawn as SVG; the shell's own tables (`.tables`, `.schema`) are shown
    // as `table` in it, and a statement's table is an error (``Session``).
    case .svg: TableFormatter(display: display).write(table, to: out)
    }
  }

  /// The format a file's name asks for (case-insensitive): `.csv` csv, `.tsv`/`.tab` tsv,
  /// `.json` json, `.ndjson`/`.jsonl` ndjson, `.md`/`.markdown` markdown, `.xlsx` xlsx, `.svg`
  /// svg; nil for any other name (a `.png` file takes a chart's PNG image, ``ChartTarget``).
  public static func forFile(_ path: String) -> OutputFormat? {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    switch name[name.index(after: dot)...].lowercased() {
    case "csv": return .csv
    case "tsv", "tab": return .tsv
    case "json": return .json
    case "ndjson", "jsonl": return .ndjson
    case "md", "markdown": return .markdown
    case "xlsx": return .xlsx
    case "svg": return .svg
    default: return nil
    }
  }

  /// The format for writing results to `path`: `explicit` when one was given; else the one
  /// its extension asks for, except that the current format wins when it is a kind of that
  /// one (`csv-sv` for a `.csv`); else the current format.
  public static func forFile(_ path: String, explicit: OutputFormat?, current: OutputFormat) -> OutputFormat {
    if let explicit { return explicit }
    guard let byName = forFile(path) else { return current }
    if byName == .csv && current == .csvSV { return current }
    return byName
  }

  /// The names accepted by `--format` and `.format`, for messages.
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

  /// The format named `name` (case-insensitive); `csv_sv` and `csvsv` are `csv-sv`.
  public init?(name: String) {
    let lowered = name.lowercased()
    if lowered == "csv_sv" || lowered == "csvsv" {
      self = .csvSV
      return
    }
    self.init(rawValue: lowered)
  }
}
