import HQData
import HQDiagnostics

/// The `line` format: one field per line, a header per record, like psql's `\x`.
///
///     -[ RECORD 1 ]-------------
///     indicator | Läkemedel
///     value     | 25.5
///
/// For rows too wide for the terminal, and for long text such as `search` results.
public struct LineFormatter: Sendable {
  public init() {}

  public func write(_ table: Table, to out: OutputSink) {
    let names = table.columns.map { TableFormatter.clean($0.name) }
    let width = names.map { DisplayWidth.of($0) }.max() ?? 0
    for row in 0..<table.rowCount {
      if out.shouldStop { return }
      let title = "-[ RECORD \(row + 1) ]"
      out.write(title + String(repeating: "-", count: max(3, width + 3 - title.count + 10)) + "\n")
      for (c, column) in table.columns.enumerated() {
        let value = column.value(at: row).description
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        out.write(DisplayWidth.pad(names[c], to: width, alignLeft: true) + " | " + (lines.first.map(String.init) ?? "") + "\n")
        for continuation in lines.dropFirst() {
          out.write(String(repeating: " ", count: width) + " | " + continuation + "\n")
        }
      }
    }
    if table.rowCount == 0 { out.write("(0 rows)\n") }
  }
}
