/// Rows of a reading-order table that hold fewer numbers than the table has columns, placed by
/// where their numbers stand on the line, when the table is laid out in columns:
///
///     Antal elever                 412        398        405        420
///     Antal lärare                  31         30         32         33
///     Antal rektorer                                      4          5
///
/// - A **reference row** holds a number for every column, its label and its numbers set apart
///   by two or more spaces (thousands by one: ``RunReading/spacedSpans(_:)``). Two at least are
///   needed. A column's **span** runs from the leftmost start to the rightmost end (in
///   characters) of its numbers in the reference rows; spans that overlap (rows laid out
///   differently) place nothing.
/// - A short row whose numbers stand apart from its label and from each other the same way is
///   placed when each of its numbers overlaps the span of exactly one column, each a column
///   further right: above, 4 and 5 stand under the last two. A number between two spans, or
///   over two, leaves the row unread.
extension TextTables {
  /// The characters a span of a run's atoms covers on its line.
  private static func extent(_ run: RunReading.Run, _ span: Range<Int>) -> Range<Int> {
    let first = run.words[run.atoms[span.lowerBound].firstWord].text
    let last = run.words[run.atoms[span.upperBound - 1].endWord - 1].text
    let base = first.base
    let start = base.distance(from: base.startIndex, to: first.startIndex)
    let end = base.distance(from: base.startIndex, to: last.endIndex)
    return start..<end
  }

  /// The spans of a run's numbers when they stand apart from its label and each other by two
  /// or more spaces (a single number after the label alone too); nil otherwise.
  private static func laidOutSpans(_ run: RunReading.Run) -> [Range<Int>]? {
    guard isLaidOut(run), !run.atoms.isEmpty, run.leadingEmpty == 0, !run.innerEmpty else { return nil }
    if let spans = RunReading.spacedSpans(run) { return spans }
    if case .unique = RunReading.read(run, count: 1) { return [0..<run.atoms.count] }
    return nil
  }

  /// Places the unread short rows of `rows` by the columns of its reference rows.
  static func placeShortRowsByColumns(_ rows: inout [GridRow], columns: Int, lines: [String]) {
    guard columns >= 2, rows.contains(where: { $0.unreadReason != nil && $0.shortRun != nil }) else { return }
    var spans: [Range<Int>?] = Array(repeating: nil, count: columns)
    var references = 0
    for row in rows where row.unreadReason == nil && row.cells.count == columns && row.cells.allSatisfy({ $0 != nil }) {
      guard row.line < lines.count else { continue }
      let run = RunReading.run(Substring(lines[row.line]))
      guard let found = laidOutSpans(run), found.count == columns else { continue }
      references += 1
      for (c, span) in found.enumerated() {
        let e = extent(run, span)
        spans[c] = spans[c].map { min($0.lowerBound, e.lowerBound)..<max($0.upperBound, e.upperBound) } ?? e
      }
    }
    guard references >= 2 else { return }
    let columnSpans = spans.compactMap { $0 }
    guard columnSpans.count == columns, (1..<columns).allSatisfy({ columnSpans[$0 - 1].upperBound <= columnSpans[$0].lowerBound })
    else { return }
    for r in rows.indices where rows[r].unreadReason != nil {
      guard let run = rows[r].shortRun, let found = laidOutSpans(run), found.count < columns else { continue }
      var placed: [Int] = []
      for span in found {
        let e = extent(run, span)
        let over = columnSpans.indices.filter { columnSpans[$0].lowerBound < e.upperBound && e.lowerBound < columnSpans[$0].upperBound }
        guard over.count == 1, let c = over.first, c > (placed.last ?? -1) else {
          placed = []
          break
        }
        placed.append(c)
      }
      guard placed.count == found.count else { continue }
      var cells = [GridCell?](repeating: nil, count: columns)
      for (k, c) in placed.enumerated() { cells[c] = GridCell(text: RunReading.text(run, found[k])) }
      rows[r].cells = cells
      rows[r].unreadReason = nil
      rows[r].shortRun = nil
    }
  }
}
