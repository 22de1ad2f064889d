/// Reads tables of layout-preserving text (`pdftotext -layout`), where columns stand at
/// character positions, into ``Grid``s:
///
///                                      Årsbudget                   Plan        ← spans two columns
///                      Utfall                                                  ← one column
///     Nämnd              2025         2026         2027         2028          2029
///     Regionstyrelsen  −812,4       −840,1       −867,6       −898,0        −934,3
///     Hälso- och     −8 868,7     −9 223,1     −9 500,3     −9 839,9     −10 163,7
///     sjukvårdsnämnden                                                          ← the label goes on
///
/// - A **row** is a line whose cells (set apart by two or more spaces) end in at least two
///   numbers. The numbers of all rows, by the characters they cover, make the **columns**:
///   overlapping ranges are one column. When two numbers of one row fall in one column, or a
///   column is used by one row only, the block is no layout table (text in reading order
///   spaced loosely is not), and the reading-order reader takes it.
/// - A row's numbers go to the columns they stand in, so a row with an empty cell is read
///   exactly: the position shows which column is empty.
/// - The **header** is the lines above the first row up to a blank line: each header cell goes
///   to the columns under it — every column whose middle lies within the cell, or else the
///   column nearest its middle when that is closer than three quarters of the distance
///   between columns. A cell centred over two columns (`Årsbudget`) spans both, also when one
///   of their middles lies within the two characters' slack beside it; on a line of kind words
///   over year columns, a column no cell covers goes with the one cell near it that covers the
///   column beside it. Cells left of the columns head the label column; a single line above
///   them all is the caption.
/// - Lines of text alone between rows (or right under the last) continue the label above when
///   they read as its continuation (``HeaderWords/continuesLabel(_:with:)``: `sjukvårdsnämnden`,
///   `kr/inv`, `60 dagar eller mer (%)`), and may then run on under the columns; otherwise they
///   name a group of the rows below (`TILLGÅNGAR`).
struct LayoutTables {
  let lines: [String]
  /// ``ByteShape`` of each line.
  let shapes: [ByteShape]
  let words: DocumentWords
  let furniture: Set<Int>
  let headings: Set<Int>
  let claimed: (Int) -> Bool

  /// A stretch of a line between two gaps of two or more spaces, by character position.
  struct Cell: Sendable, Hashable {
    var text: String
    var start: Int
    var end: Int
    var middle: Double { Double(start + end) / 2 }
  }

  func grids() -> [Grid] {
    var result: [Grid] = []
    var index = 0
    while index < lines.count {
      // Cheap first: a row has two gaps of two spaces and a digit.
      if shapes[index].mayBeLayoutRow, !claimed(index), let row = rowCells(index), row.numbers.count >= 2,
        let found = table(startingNear: index)
      {
        var grid = found.grid
        // The header printed again after a page break, character for character, over columns
        // the new page's numbers set a little differently (`-268,0` wider than `-81,4`): it is
        // the same header, read as on the page before (`Plan` over 2024 and 2025 there).
        if let previous = result.last, previous.columnCount == grid.columnCount, !grid.headerLines.isEmpty,
          // (The page before may hold the caption as the header's first line.)
          grid.headerLines.map({ lines[$0].filter { $0 != "\u{0C}" } })
            == previous.headerLines.suffix(grid.headerLines.count).map({ lines[$0].filter { $0 != "\u{0C}" } }),
          grid.followsAfterPageBreak(previous, lines: lines, furniture: furniture)
        {
          grid.header = previous.header
          grid.stub = previous.stub
        }
        if grid.caption.isEmpty, let previous = result.last, grid.continues(previous, lines: lines, furniture: furniture) {
          grid.caption = previous.caption
        }
        result.append(grid)
        index = found.end
      } else {
        index += 1
      }
    }
    return result
  }

  // MARK: Cells

  /// The line's cells, split where two or more spaces (or a tab) stand.
  static func cells(_ line: String) -> [Cell] {
    var result: [Cell] = []
    var current = ""
    var start = 0
    var spaces = 0
    var position = 0
    for character in line {
      // A form feed (`pdftotext`'s page break, glued to a page's first line) takes no place on
      // the page: the line's columns stand where the other lines' do.
      if character == "\u{0C}" { continue }
      defer { position += 1 }
      if character == " " || character == "\u{00A0}" || character == "\t" {
        spaces += character == "\t" ? 2 : 1
        continue
      }
      if !current.isEmpty, spaces >= 2 {
        result.append(Cell(text: current, start: start, end: start + current.count))
        current = ""
      } else if !current.isEmpty, spaces == 1 {
        current += " "
      }
      if current.isEmpty { start = position }
      spaces = 0
      current.append(character)
    }
    if !current.isEmpty { result.append(Cell(text: current, start: start, end: start + current.count)) }
    return result
  }

  /// A line read as a row: label cells, then number cells (each one number or a no-value mark).
  struct RowCells {
    var label: [Cell]
    var numbers: [Cell]
  }

  /// The line as a row of a layout table, nil when it is none (prose, a heading, furniture,
  /// a line with a number run that is not split into cells).
  func rowCells(_ index: Int) -> RowCells? {
    guard !furniture.contains(index), !headings.contains(index), !MarkdownTables.isPipeRow(lines[index]) else {
      return nil
    }
    let cells = Self.cells(lines[index])
    guard let firstNumber = cells.firstIndex(where: Self.isNumberCell) else {
      return RowCells(label: cells, numbers: [])
    }
    let numbers = Array(cells[firstNumber...])
    guard numbers.allSatisfy(Self.isNumberCell) else { return nil }
    // Years alone are a header.
    if numbers.allSatisfy({ Vocabulary.year(in: $0.text) != nil && $0.text.count <= 6 }) { return nil }
    return RowCells(label: Array(cells[..<firstNumber]), numbers: numbers)
  }

  /// A cell of one number or a no-value mark; an amount in parentheses (`(154 037)`) is one,
  /// whose sign the table settles (``GridReading/parenthesesMeanMinus(_:columns:)``).
  static func isNumberCell(_ cell: Cell) -> Bool {
    GridReading.isNoValue(cell.text) || SwedishNumber.parse(cell.text, parentheses: true) != nil
  }

  /// True when at least two thirds of the positions are one position, give or take one.
  static func aligned(_ positions: [Int]) -> Bool {
    guard positions.count >= 2 else { return true }
    let best = positions.map { p in positions.filter { abs($0 - p) <= 1 }.count }.max() ?? 0
    return best * 3 >= positions.count * 2
  }

  // MARK: One table

  private struct Column {
    var start: Int
    var end: Int
    var middle: Double { Double(start + end) / 2 }
  }

  /// The table whose rows start at `index`, nil when the lines there make no layout table.
  private func table(startingNear index: Int) -> (grid: Grid, end: Int)? {
    // The rows: down from `index` while lines are rows, label lines, blank (one) or furniture.
    var rowLines: [Int] = []
    var textLines: [Int] = []
    var i = index
    var blanks = 0
    var end = index
    while i < lines.count, !claimed(i) {
      let trimmed = lines[i].trimmingSpaces
      if trimmed.isEmpty {
        blanks += 1
        if blanks >= 2 { break }
        i += 1
        continue
      }
      if furniture.contains(i) || trimmed.hasPrefix("<!--") {
        i += 1
        continue
      }
      blanks = 0
      guard let row = rowCells(i) else { break }
      if row.numbers.isEmpty {
        // A label line: short text within the label column.
        guard row.label.count == 1, trimmed.count <= 60, !TextLines.isProse(trimmed) else { break }
        textLines.append(i)
      } else {
        guard row.numbers.count >= 2 else { break }
        rowLines.append(i)
        end = i + 1
      }
      i += 1
    }
    // A line of text right under the last row goes on with its label (`Nettokostnad
    // kommunledning,` / `kr/inv`); other text after the rows is not the table's.
    let lastLabel = rowLines.last.flatMap { rowCells($0)?.label.map(\.text).joined(separator: " ") } ?? ""
    textLines.removeAll { $0 > end || $0 == end && !HeaderWords.continuesLabel(lastLabel, with: lines[$0].trimmingSpaces) }
    guard rowLines.count >= 2 else { return nil }

    // Columns from the numbers' positions.
    var ranges = rowLines.flatMap { line in rowCells(line)?.numbers.map { ($0.start, $0.end) } ?? [] }
    ranges.sort { $0.0 < $1.0 }
    var columns: [Column] = []
    for (start, end) in ranges {
      if let last = columns.last, start < last.end {
        columns[columns.count - 1].end = max(last.end, end)
      } else {
        columns.append(Column(start: start, end: end))
      }
    }
    guard columns.count >= 2 else { return nil }
    // Every row puts at most one number in a column, and every column is used by two rows.
    var uses = [Int](repeating: 0, count: columns.count)
    var rowColumns: [Int: [(column: Int, cell: Cell)]] = [:]
    for line in rowLines {
      guard let row = rowCells(line) else { return nil }
      var placed: [(Int, Cell)] = []
      for cell in row.numbers {
        guard let c = columns.firstIndex(where: { cell.start < $0.end && cell.end > $0.start }),
          !placed.contains(where: { $0.0 == c })
        else { return nil }
        placed.append((c, cell))
        uses[c] += 1
      }
      rowColumns[line] = placed
    }
    // A first column of small whole numbers in few rows may be a `Not` column (its header says).
    let noteLike = uses.count >= 3 && uses[0] >= 1 && rowColumns.values.allSatisfy { placed in
      placed.filter { $0.column == 0 }.allSatisfy { cell in
        cell.cell.text.count <= 2 && cell.cell.text.allSatisfy(\.isNumber)
      }
    }
    guard uses.allSatisfy({ $0 >= 2 }) || rowLines.count < 3 && uses.allSatisfy({ $0 >= 1 })
      || noteLike && uses.dropFirst().allSatisfy({ $0 >= 2 })
    else { return nil }
    // Numbers set in columns line up: most of a column's numbers end (or start) at one
    // position. Text in reading order spaced loosely does not.
    for c in columns.indices {
      let cells = rowColumns.values.flatMap { $0.filter { $0.column == c }.map(\.cell) }
      guard Self.aligned(cells.map(\.end)) || Self.aligned(cells.map(\.start)) else { return nil }
    }
    // Labels stand left of the columns. A line of text alone that goes on with the label of the
    // line right above it (`Bidrag till föreningar` / `och studieförbund inom kulturområdet`) may
    // run on under the columns: it starts in the label column and holds no number to place.
    let firstColumn = columns[0].start
    let tableLines = Set(rowLines + textLines)
    for line in rowLines + textLines {
      guard let row = rowCells(line) else { return nil }
      if row.label.allSatisfy({ $0.end <= firstColumn }) { continue }
      guard row.numbers.isEmpty, row.label.count == 1, row.label[0].start < firstColumn, tableLines.contains(line - 1),
        let above = rowCells(line - 1),
        HeaderWords.continuesLabel(above.label.map(\.text).joined(separator: " "), with: row.label[0].text)
      else { return nil }
    }

    // The header above.
    guard let header = header(above: index, columns: columns) else { return nil }
    textLines = header.labelLines + textLines
    // A first column used by one row only is read only as the `Not` column its header names.
    if uses[0] < 2, rowLines.count >= 3 {
      let over = header.rows.flatMap { $0.filter { $0.columns.contains(0) }.map(\.text) }
      guard over.count == 1, Vocabulary.namesNoteColumn(over[0]) else { return nil }
    }

    // Rows and label lines in order.
    var rows: [GridRow] = []
    var pendingGroup = ""
    let ordered = (rowLines + textLines).sorted()
    for (k, line) in ordered.enumerated() {
      guard let row = rowCells(line) else { continue }
      let label = row.label.map(\.text).joined(separator: " ")
      if row.numbers.isEmpty {
        // A label line right above a row whose label goes on from it (`varav säsongskort med`
        // / `rabatt  18,2 …`) begins that row's label rather than ending the one above.
        let beginsNext = k + 1 < ordered.count && ordered[k + 1] == line + 1
          && rowCells(line + 1).map { next in
            !next.numbers.isEmpty
              && HeaderWords.continuesLabel(label, with: next.label.map(\.text).joined(separator: " "))
          } == true
        if let previous = rows.last, previous.line < line, !beginsNext || previous.isLabelOnly,
          HeaderWords.continuesLabel(previous.label, with: label)
        {
          rows[rows.count - 1].label = HeaderWords.join([rows[rows.count - 1].label, label], words: words)
        } else {
          pendingGroup = label
          rows.append(GridRow(label: label, line: line, cells: Array(repeating: nil, count: columns.count)))
        }
        continue
      }
      var cells = [GridCell?](repeating: nil, count: columns.count)
      for (c, cell) in rowColumns[line] ?? [] { cells[c] = GridCell(text: cell.text) }
      var gridRow = GridRow(label: label, group: pendingGroup, line: line, cells: cells, printed: lines[line].trimmingSpaces)
      if let last = rows.last, last.isLabelOnly, HeaderWords.continuesLabel(last.label, with: label) {
        // A label begun on the line above (`Generella statsbidrag och` / `utjämning  12,4 …`).
        rows.removeLast()
        gridRow.label = HeaderWords.join([last.label, label], words: words)
        gridRow.group = rows.last(where: \.isLabelOnly)?.label ?? ""
      }
      rows.append(gridRow)
    }
    var grid = Grid(
      form: .layout, caption: header.caption, stub: header.stub, header: header.rows, columnCount: columns.count,
      rows: rows, lines: header.lines + rowLines + textLines, headerLines: header.lines, firstLine: rowLines[0])
    if grid.caption.isEmpty, let above = caption(above: header.lines.min() ?? index) {
      grid.caption = above.text
      grid.lines.append(above.line)
    }
    return (grid, end)
  }

  private struct Header {
    var rows: [[HeaderSpan]]
    var stub: String
    var caption: String
    var lines: [Int]
    /// Lines above the first row that begin its label.
    var labelLines: [Int] = []
  }

  /// The header lines above the first row, spread over the columns by position; nil when a
  /// column gets no header text at all.
  private func header(above first: Int, columns: [Column]) -> Header? {
    var headerLines: [Int] = []
    var i = first - 1
    while i >= 0, headerLines.count < 5, !claimed(i), !headings.contains(i) {
      let trimmed = lines[i].trimmingSpaces
      if trimmed.isEmpty { break }
      // Page furniture, page markers and a block's fence (```` ```osaker-tabell ````) are passed over.
      if furniture.contains(i) || trimmed.hasPrefix("<!--") || trimmed.hasPrefix("```") {
        i -= 1
        continue
      }
      // Prose is one stretch of text; header cells stand apart (`Budget inkl.   Prognos`).
      if Self.cells(lines[i]).count == 1 && TextLines.isProse(trimmed) || MarkdownTables.isPipeRow(lines[i]) { break }
      // A header holds no numbers but years, dates and note words.
      let words = trimmed.split(ascii: " ")
      if words.contains(where: { word in
        word.contains(where: \.isNumber) && Vocabulary.year(in: word) == nil && !GridColumns.isDate(word)
      }) {
        break
      }
      headerLines.insert(i, at: 0)
      i -= 1
    }
    // Lines right above the first row standing in the label column only, whose text the row's
    // label goes on from (`Andel deltagare som gått` / `till arbete eller studier` / `(%)  27,8 …`),
    // begin that label: they are no header.
    var labelLines: [Int] = []
    if let firstRow = rowCells(first) {
      var next = firstRow.label.map(\.text).joined(separator: " ")
      while headerLines.count >= 2, let last = headerLines.last {
        let cells = Self.cells(lines[last])
        let text = cells.map(\.text).joined(separator: " ")
        guard cells.allSatisfy({ $0.end < columns[0].start }), HeaderWords.continuesLabel(text, with: next) else { break }
        labelLines.insert(last, at: 0)
        headerLines.removeLast()
        next = text
      }
    }
    guard !headerLines.isEmpty else { return nil }
    var pitch = 10.0
    if columns.count >= 2, let first = columns.first, let last = columns.last {
      pitch = (last.middle - first.middle) / Double(columns.count - 1)
    }
    var rows: [[HeaderSpan]] = []
    var spanMiddles: [[Double]] = []
    var stub: [String] = []
    var caption = ""
    for (k, line) in headerLines.enumerated() {
      let cells = Self.cells(lines[line])
      // The first line, one cell starting in the label column and nothing else: the caption.
      if k == 0, headerLines.count >= 2, cells.count == 1, cells[0].start < columns[0].start,
        cells[0].text.split(ascii: " ").count >= 2
      {
        caption = cells[0].text
        continue
      }
      var spans: [HeaderSpan] = []
      var middles: [Double] = []
      for cell in cells {
        // Left of the first column: the label column's header, unless it is a year or a column
        // word set centred under a wider header cell (`2023` under `Utfall jan-jun`), near enough
        // to the first column to be its.
        if cell.end <= columns[0].start - 1 && cell.middle < Double(columns[0].start) {
          let words = cell.text.split(ascii: " ")
          let namesColumn = words.allSatisfy { Vocabulary.year(in: $0) != nil || Vocabulary.isKindWord($0) || Vocabulary.isMonthToken($0) }
          if !namesColumn || abs(columns[0].middle - cell.middle) >= 0.5 * pitch {
            stub.append(cell.text)
            continue
          }
        }
        var covered = columns.indices.filter { c in
          columns[c].middle >= Double(cell.start) - 2 && columns[c].middle <= Double(cell.end) + 2
        }
        // A column whose middle lies only in the slack beside the cell is no nearer than its
        // neighbour on the cell's other side may be: a cell centred between two columns
        // (`Budget` over 2022 and 2023) is placed as one that reaches neither.
        let reaches = covered.contains { c in
          columns[c].middle >= Double(cell.start) && columns[c].middle <= Double(cell.end)
        }
        if covered.count <= 1, !reaches {
          let nearest = columns.indices.min { abs(columns[$0].middle - cell.middle) < abs(columns[$1].middle - cell.middle) }!
          let distance = abs(columns[nearest].middle - cell.middle)
          if distance < 0.75 * pitch {
            covered = [nearest]
            // Centred between two columns: both, unless another cell of the line stands nearer
            // the other one (it is that cell's).
            let other = columns[nearest].middle < cell.middle ? nearest + 1 : nearest - 1
            if columns.indices.contains(other), abs(abs(columns[other].middle - cell.middle) - distance) <= 2,
              !cells.contains(where: { neighbour in
                neighbour != cell && abs(neighbour.middle - columns[other].middle) < abs(cell.middle - columns[other].middle)
              })
            {
              covered = [min(nearest, other), max(nearest, other)]
            }
          }
        }
        guard let low = covered.min(), let high = covered.max() else { return nil }
        // A cell over several columns naming several kinds or years is a header in reading
        // order (`Bokslut Budget Plan Plan`), not one spanning cell.
        if high > low {
          let words = cell.text.split(ascii: " ")
          if words.filter({ Vocabulary.isKindWord($0) }).count > 1 || words.filter({ Vocabulary.year(in: $0) != nil }).count > 1 {
            return nil
          }
        }
        spans.append(HeaderSpan(text: cell.text, columns: low..<(high + 1)))
        middles.append(cell.middle)
      }
      if !spans.isEmpty {
        rows.append(spans)
        spanMiddles.append(middles)
      }
    }
    // A line naming column groups only (`Kommunen   Koncernen`), each set at the first column of
    // its group: a group goes on over the columns after it up to the next (as over a Markdown
    // row's empty cells), when that makes the groups equally wide.
    for r in rows.indices where rows[r].count >= 2 && rows[r].allSatisfy({ span in
      span.text.split(ascii: " ").allSatisfy { Vocabulary.groupWords.contains(Vocabulary.letters($0)) }
    }) {
      let starts = rows[r].map(\.columns.lowerBound)
      let ends = Array(starts.dropFirst()) + [columns.count]
      let widths = zip(starts, ends).map { $1 - $0 }
      guard zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }), Set(widths).count == 1,
        zip(rows[r], widths).allSatisfy({ $0.columns.count <= $1 })
      else { continue }
      for k in rows[r].indices { rows[r][k].columns = starts[k]..<ends[k] }
    }
    // A lone cell on its line, centred over columns that the other lines name by a year only
    // (`Utfall jan–jun` over `2019 2020 2021 2022`), spans all of them.
    let centre = ((columns.first?.middle ?? 0) + (columns.last?.middle ?? 0)) / 2
    for r in rows.indices where rows[r].count == 1 && rows.count >= 2 && abs(spanMiddles[r][0] - centre) <= pitch / 2 {
      let lone = rows[r][0]
      let others = rows.indices.filter { $0 != r }
      let yearsOnly = columns.indices.allSatisfy { c in
        let texts = others.flatMap { rows[$0].filter { $0.columns.contains(c) }.map(\.text) }
        return !texts.isEmpty && texts.allSatisfy { text in
          let words = text.split(ascii: " ")
          return words.count == 1 && Vocabulary.year(in: words[0]) != nil
        }
      }
      if yearsOnly, lone.columns.count < columns.count, Vocabulary.isKindWord(lone.text.split(ascii: " ")[0]) {
        rows[r][0].columns = 0..<columns.count
      }
    }
    // A line of kind words set apart over columns the other lines name by a year only (a unit
    // beside it at most: `Bokslut   Budget   Plan   Plan` over `2022, mnkr  …  2026, mnkr`): a
    // column no cell of the line covers goes with the one cell of the line near it — set off
    // its own column toward this one, within three quarters of the distance between columns —
    // when that cell covers the column beside it (`Budget` over 2023 and 2024, a little nearer
    // 2023).
    for r in rows.indices where rows[r].count >= 2 && rows[r].allSatisfy({ span in
      span.text.split(ascii: " ").allSatisfy { Vocabulary.isKindWord($0) }
    }) {
      let others = rows.indices.filter { $0 != r }
      for c in columns.indices where !rows[r].contains(where: { $0.columns.contains(c) }) {
        let texts = others.flatMap { rows[$0].filter { $0.columns.contains(c) }.map(\.text) }
        guard texts.count == 1, Self.namesYearOnly(texts[0]) else { continue }
        let near = rows[r].indices.filter { abs(spanMiddles[r][$0] - columns[c].middle) < 0.75 * pitch }
        guard near.count == 1, let k = near.first else { continue }
        let span = rows[r][k].columns
        if span.upperBound == c {
          rows[r][k].columns = span.lowerBound..<(c + 1)
        } else if span.lowerBound == c + 1 {
          rows[r][k].columns = c..<span.upperBound
        }
      }
    }
    // Every column has a header.
    for c in columns.indices where !rows.contains(where: { row in row.contains { $0.columns.contains(c) } }) {
      return nil
    }
    return Header(rows: rows, stub: stub.joined(separator: " "), caption: caption, lines: headerLines, labelLines: labelLines)
  }

  /// True for a header cell naming one year and nothing else but a unit (`2024`, `2024, mnkr`,
  /// `2025 (tkr)`).
  static func namesYearOnly(_ text: String) -> Bool {
    let words = text.split(ascii: " ")
    let years = words.filter { Vocabulary.year(in: $0) != nil && $0.filter(\.isNumber).count == 4 }
    return years.count == 1 && words.allSatisfy { word in
      years.contains(word) || ColumnMeaning.unitWord(String(word)) != nil
    }
  }

  /// The line naming the table right above its header (one blank line between at most).
  private func caption(above index: Int) -> (text: String, line: Int)? {
    var i = index - 1
    var blanks = 0
    while i >= 0, blanks <= 1 {
      let text = lines[i].trimmingSpaces
      if text.isEmpty || furniture.contains(i) {
        if text.isEmpty { blanks += 1 }
        i -= 1
        continue
      }
      guard !claimed(i), text.count <= 90, !TextLines.isProse(text), text.first?.isLetter == true,
        !MarkdownTables.isPipeRow(lines[i])
      else { return nil }
      // Cells set apart naming the report (`Hamnförbundet Väst      Budget 2031`): a running
      // header where too few pages repeat it to be furniture, no caption.
      if Self.cells(lines[i]).count >= 2, ReportIdentity.namesReport(NumberRun.cleaned(Substring(text))) { return nil }
      return (text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " "), i)
    }
    return nil
  }
}
