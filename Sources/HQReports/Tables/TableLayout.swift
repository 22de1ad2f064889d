/// How a table's header cells map onto its columns of numbers (rule 5 of
/// ``ColumnTableRecognizer``).
struct TableLayout: Sendable, Hashable {
  /// One header text per column of numbers.
  var measures: [String]
  /// The header of the label column (`Uppdrag`), empty when none.
  var stub: String
  /// The table's caption above the header, empty when none.
  var caption: String

  /// Matches header cells to `columns` columns; nil when the header has too few cells.
  ///
  /// May move the last header cells into the first row's label, or make them its sub-heading.
  static func resolve(
    header: [HeaderCell], columns: Int, firstRow: inout TableRow, text: ReportText
  ) -> TableLayout? {
    let lines = text.lines
    guard columns > 0 else { return nil }
    if header.isEmpty {
      return TableLayout(measures: Array(repeating: "", count: columns), stub: "", caption: "")
    }
    let valueRaw = Substring(lines[firstRow.valueLine])
    let valueLabel = text.row(firstRow.valueLine).label
    if let layout = oneLineHeader(header, columns, &firstRow, valueRaw, valueLabel, lines) { return layout }

    var cells = header
    if let last = cells.last, !last.sharesLine, cells.count - 1 >= columns,
      valueLabel.isEmpty || !HeaderCells.isBoundary(Substring(lines[last.lastLine]), valueRaw)
    {
      firstRow.labelLines = Array(last.firstLine...last.lastLine)
      cells.removeLast()
    }
    guard cells.count >= columns else { return nil }
    let measures = cells.suffix(columns).map(\.text)
    let rest = cells.dropLast(columns)
    let stub = rest.last?.text ?? ""
    let caption = rest.dropLast().last?.text ?? ""
    return TableLayout(measures: measures, stub: stub, caption: caption)
  }

  /// A single line holding one cell per column (and perhaps the label column's header).
  private static func oneLineHeader(
    _ header: [HeaderCell], _ columns: Int, _ firstRow: inout TableRow, _ valueRaw: Substring,
    _ valueLabel: String, _ lines: [String]
  ) -> TableLayout? {
    var seen = Set<Int>()
    for cell in header.reversed() where cell.firstLine == cell.lastLine && seen.insert(cell.firstLine).inserted {
      let line = cell.firstLine
      let group = header.filter { $0.firstLine <= line && $0.lastLine >= line }
      guard group.allSatisfy({ $0.firstLine == line && $0.lastLine == line }) else { continue }
      let n = group.count
      let fits = n >= 2 ? (n == columns || n == columns + 1) : (columns == 1 && line != header.last?.lastLine)
      guard fits else { continue }
      let before = header.filter { $0.lastLine < line }
      let after = header.filter { $0.firstLine > line }
      if let first = after.first, let last = after.last {
        if valueLabel.isEmpty || !HeaderCells.isBoundary(Substring(lines[last.lastLine]), valueRaw) {
          firstRow.labelLines = Array(first.firstLine...last.lastLine)
        } else {
          firstRow.subheading = after.map(\.text).joined(separator: " ")
        }
      }
      return TableLayout(
        measures: group.suffix(columns).map(\.text), stub: n == columns + 1 ? group[0].text : "",
        caption: before.last?.text ?? "")
    }
    return nil
  }
}
