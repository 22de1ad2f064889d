import HQData
import HQDiagnostics

/// The `line` format: one field per line, a header per record, like psql's `\x`.
///
///     -[ RECORD 1 ]-------------
///     indicator | Läkemedel
///     value     | 25.5
///
/// For rows too wide for the terminal, and for long text such as `search` results. Like
/// `table`, it shows the first ``Display/maxRows`` records on a terminal, and numbers as
/// ``Display/numbers`` says.
public struct LineFormatter: Sendable {
  public var display: Display

  public init(display: Display = .full) {
    self.display = display
  }

  public func write(_ table: Table, to out: OutputSink) {
    let names = table.columns.map { TableFormatter.clean($0.name) }
    let width = names.map { DisplayWidth.of($0) }.max() ?? 0
    let shown = display.shownRows(of: table.rowCount)
    let renderers = table.columns.map { column in
      CellRenderer(column, spelling: .init(display.numbers, column: column, rows: shown)) { $0 }
    }
    for row in 0..<shown {
      if out.shouldStop { return }
      let title = "-[ RECORD \(row + 1) ]"
      out.write(title + String(repeating: "-", count: max(3, width + 3 - title.count + 10)) + "\n")
      for c in table.columns.indices {
        let value = renderers[c](row)
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        out.write(DisplayWidth.pad(names[c], to: width, alignLeft: true) + " | " + (lines.first.map(String.init) ?? "") + "\n")
        for continuation in lines.dropFirst() {
          out.write(String(repeating: " ", count: width) + " | " + continuation + "\n")
        }
      }
    }
    if let note = Display.moreRowsNote(shown: shown, of: table.rowCount) { out.write(note) }
    if table.rowCount == 0 { out.write("(0 rows)\n") }
  }
}
