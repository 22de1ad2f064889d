import HQData
import HQSyntax

/// The `table` format: what a person reads at the terminal.
///
///     indicator      year  value
///     ─────────────  ────  ─────
///     Läkemedel      2023   25.5
///     Tandvård       2024    9.4
///     (2 rows)
///
/// Numbers are right-aligned, everything else left-aligned; null is shown as an empty
/// cell. When the table is wider than the terminal, the widest columns are narrowed (their
/// cells end in `…`) until it fits; `line` format shows such rows in full. On a terminal a
/// long result shows its first ``Display/maxRows`` rows and a note saying how many more there
/// are; column widths are measured over the rows shown.
public struct TableFormatter {
  public var display: Display

  public init(display: Display) {
    self.display = display
  }

  static let separator = "  "

  public func write(_ table: Table, to out: OutputSink) {
    let headers = table.columns.map { Self.clean($0.name) }
    var widths = headers.map { DisplayWidth.of($0) }
    // One pass to render cells and measure them.
    let shown = display.shownRows(of: table.rowCount)
    var cells: [[String]] = Array(repeating: [], count: table.columns.count)
    for (c, column) in table.columns.enumerated() {
      cells[c].reserveCapacity(shown)
      let spelling = CellRenderer.Spelling(display.numbers, column: column, rows: shown)
      let render = CellRenderer(column, spelling: spelling, escape: Self.clean)
      for row in 0..<shown {
        let text = render(row)
        widths[c] = max(widths[c], DisplayWidth.of(text))
        cells[c].append(text)
      }
    }
    let natural = widths
    if let maxWidth = display.width { widths = Self.fit(widths, headers: headers, into: maxWidth) }
    let rightAligned = table.columns.map { $0.type == .number }

    var line = ""
    for c in headers.indices {
      if c > 0 { line += Self.separator }
      let text = widths[c] < natural[c] ? DisplayWidth.truncate(headers[c], to: widths[c]) : headers[c]
      line += DisplayWidth.pad(text, to: widths[c], alignLeft: !rightAligned[c])
    }
    out.write(Self.trimTrailing(line) + "\n")
    out.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: Self.separator) + "\n")
    for row in 0..<shown {
      if out.shouldStop { return }
      line = ""
      for c in cells.indices {
        if c > 0 { line += Self.separator }
        let text = widths[c] < natural[c] ? DisplayWidth.truncate(cells[c][row], to: widths[c]) : cells[c][row]
        line += DisplayWidth.pad(text, to: widths[c], alignLeft: !rightAligned[c])
      }
      out.write(Self.trimTrailing(line) + "\n")
    }
    if let note = Display.moreRowsNote(shown: shown, of: table.rowCount) { out.write(note) }
    out.write(table.rowCount == 1 ? "(1 row)\n" : "(\(table.rowCount) rows)\n")
  }

  /// Narrows the widest columns until the row fits `maxWidth`, never below a few columns.
  static func fit(_ natural: [Int], headers: [String], into maxWidth: Int) -> [Int] {
    var widths = natural
    let gaps = separator.count * max(0, widths.count - 1)
    let minimum = 4
    while widths.reduce(0, +) + gaps > maxWidth {
      guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum
      else { break }
      let excess = widths.reduce(0, +) + gaps - maxWidth
      let others = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? minimum
      let target = max(minimum, max(others, widths[widest] - excess))
      widths[widest] = target == widths[widest] ? widths[widest] - 1 : target
    }
    return widths
  }

  /// Control characters (newlines and tabs inside report text) would break the grid, and an
  /// escape sequence from data would reach the terminal: ``TerminalText/visible(_:keeping:)``.
  static func clean(_ text: String) -> String {
    TerminalText.visible(text)
  }

  private static func trimTrailing(_ line: String) -> String {
    var end = line.endIndex
    while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
    return String(line[..<end])
  }
}
