import HQData

/// The ways a result table can be written: for people (`table`, `line`, `markdown`) and for
/// tools (`csv`, `tsv`, `json`, `ndjson`).
///
/// The default is `table` when standard output is a terminal and `csv` otherwise, so
/// `hq -c '…' | other-tool` gets plain data with a header row and no decoration.
public enum OutputFormat: String, Sendable, CaseIterable {
  case table
  case csv
  case tsv
  case json
  case ndjson
  case markdown
  case line
  case svg

  /// One line per format, for `--help` and `.help format`.
  public var summary: String {
    switch self {
    case .table: "aligned columns, numbers right-aligned, a row-count footer (terminal default)"
    case .csv: "comma-separated, RFC 4180 quoting, a header row (default when not a terminal)"
    case .tsv: "tab-separated, a header row; tab, newline and backslash escaped as \\t \\n \\\\"
    case .json: "one JSON array of objects; numbers are JSON numbers, null is null"
    case .ndjson: "one JSON object per line"
    case .markdown: "a GitHub-flavoured Markdown table"
    case .line: "one field per line, a header per record (like psql's \\x)"
    case .svg: "a chart (a pipeline ending in `chart`) as an SVG image; other results are an error"
    }
  }

  /// Writes `table` in this format.
  ///
  /// - Parameter width: the terminal width the `table` format fits itself into; nil means
  ///   no limit (output to a file or pipe).
  public func write(_ table: Table, to out: OutputSink, width: Int?) {
    switch self {
    case .table: TableFormatter(maxWidth: width).write(table, to: out)
    case .csv: DelimitedFormatter.csv.write(table, to: out)
    case .tsv: DelimitedFormatter.tsv.write(table, to: out)
    case .json: JSONFormatter(style: .array).write(table, to: out)
    case .ndjson: JSONFormatter(style: .lines).write(table, to: out)
    case .markdown: MarkdownFormatter().write(table, to: out)
    case .line: LineFormatter().write(table, to: out)
    // Only charts are drawn as SVG; the shell's own tables (`.tables`, `.schema`) are shown
    // as `table` in it, and a statement's table is an error (``Session``).
    case .svg: TableFormatter(maxWidth: width).write(table, to: out)
    }
  }

  /// The names accepted by `--format` and `.format`, for messages.
  public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
