/// One row of a column table as found in the text, before its numbers are assigned to columns.
struct TableRow: Sendable, Hashable {
  /// The 0-based line holding the row's numbers.
  var valueLine: Int
  /// The lines before the value line that hold the start of the row's label.
  var labelLines: [Int] = []
  /// The sub-heading the row stands under, empty when none.
  var subheading: String = ""
  /// A text cell standing before the row's numbers (it takes the first column).
  var textCell: String?
}

extension TableScan {
  /// What ``collectRows(from:header:context:)`` found.
  struct CollectedRows {
    var rows: [TableRow]
    /// Every line the rows used (value lines and label lines).
    var used: [Int]
    /// The index to go on scanning from.
    var end: Int
    /// Lines between rows, taken as labels, that end in numbers in parentheses (`Energi och
    /// värme (412)`): no row's values, and which column they stand in is not shown.
    var numberedLabels: [Int] = []
  }

  /// Rule 3 of ``ColumnTableRecognizer``: the rows from the first value line down.
  mutating func collectRows(from start: Int, header: [HeaderCell], context: RecognitionContext) -> CollectedRows {
    var rows = [TableRow(valueLine: start)]
    var used = [start]
    var gap: [Int] = []
    var blanks = 0
    var subheading = ""
    var end = start + 1
    var numberedLabels: [Int] = []
    let headerKeys = Set(header.map(\.key))
    var index = start + 1
    scan: while index < lines.count {
      defer { index += 1 }
      if context.isClaimed(index) || isHeading(index) { break }
      let cleaned = cleaned(index)
      if cleaned.isEmpty {
        blanks += 1
        if blanks >= 3 { break }
        continue
      }
      blanks = 0
      if TextLines.isPageFurniture(cleaned) || text.furniture.contains(index) { continue }
      if cleaned.hasPrefix("*") || TextLines.startsWithBullet(cleaned) { break }
      guard isValueLine(index, context) else {
        if TextLines.isProse(cleaned) || gap.count >= 45 { break }
        gap.append(index)
        if Self.endsInParenthesisedNumbers(lines[index]) { numberedLabels.append(index) }
        continue
      }
      var cells = gap.isEmpty ? [] : HeaderCells.cells(gap, in: lines, cleaned: text.cleaned)
      var repeated = 0
      while repeated < cells.count, headerKeys.contains(cells[repeated].key) { repeated += 1 }
      if repeated >= 3 {
        cells.removeFirst(repeated)
      } else if cells.count >= 3 {
        break scan
      }
      var row = TableRow(valueLine: index)
      let valueLabel = text.row(index).label
      if let first = cells.first, let last = cells.last {
        if valueLabel.isEmpty {
          row.labelLines = Array(first.firstLine...first.lastLine)
          if cells.count >= 2 { row.textCell = cells.dropFirst().map(\.text).joined(separator: " ") }
        } else if HeaderCells.isBoundary(Substring(lines[last.lastLine]), Substring(lines[index])) {
          subheading = cells.map(\.text).joined(separator: " ")
        } else {
          row.labelLines = Array(first.firstLine...last.lastLine)
        }
      }
      row.subheading = subheading
      rows.append(row)
      used += gap
      used.append(index)
      gap = []
      end = index + 1
    }
    return CollectedRows(rows: rows, used: used, end: end, numberedLabels: numberedLabels.filter { $0 < end })
  }

  /// True when the line ends in numbers only when amounts in parentheses count (`Energi och
  /// värme (412)`), and they are not all years.
  static func endsInParenthesisedNumbers(_ line: String) -> Bool {
    let run = RunReading.run(Substring(line), parentheses: true)
    guard !run.atoms.isEmpty, RunReading.run(Substring(line)).atoms.isEmpty else { return false }
    return run.atoms.contains { atom in
      !(atom.digits.integerDigits == 4 && atom.digits.fractionDigits == 0 && !atom.digits.hasSign
        && (1900...2099).contains(atom.digits.integer))
    }
  }
}
