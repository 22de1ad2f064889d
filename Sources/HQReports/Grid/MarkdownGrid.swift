/// Builds a ``Grid`` from a Markdown pipe table (the rules are listed on ``MarkdownTables``).
struct MarkdownGrid {
  let lines: [String]
  let words: DocumentWords
  /// 0-based lines that are page furniture (running headers and footers, page numbers).
  let furniture: Set<Int>
  /// The report's context, for reading candidate headers against the table's arithmetic.
  var context: GridContext? = nil
  /// The 0-based lines that are headings.
  var headings: Set<Int> { context?.headings ?? [] }

  /// The grids of every pipe table in the text, in order; a table without a header of its own
  /// takes the one of the table before it when that one has as many columns and ends at most
  /// 80 lines before it (a table broken by a page).
  func grids() -> [Grid] {
    var result: [Grid] = []
    for raw in MarkdownTables.find(in: lines) {
      let previous = result.last.flatMap { last -> Grid? in
        guard let end = last.lines.max(), let start = raw.lines.min(), start - end <= 80 else { return nil }
        return last
      }
      if let grid = grid(raw, previous: previous) { result.append(grid) }
    }
    // A header the arithmetic leaves two ways takes the way whose order of kinds (budget before
    // forecast, …) the report's other tables keep.
    let order = KindOrder(result.filter { $0.readings.isEmpty })
    for i in result.indices where !result[i].readings.isEmpty {
      let kept = result[i].readings.filter { order.keeps($0) }
      guard kept.count == 1 else { continue }
      result[i].header = [HeaderSpan.singles(kept[0])]
      result[i].undetermined = [:]
      result[i].readings = []
    }
    return result
  }

  // MARK: One table

  func grid(_ raw: MarkdownTables.RawTable, previous: Grid?) -> Grid? {
    let width = raw.rows.map(\.cells.count).max() ?? 0
    guard width >= 2 else { return nil }
    var rows = raw.rows.map { row in (line: row.line, cells: row.cells + Array(repeating: [], count: width - row.cells.count)) }
    let valueColumns = width - 1
    let headerRow = rows.removeFirst()

    // What the header row is.
    var headerParts = headerRow.cells
    var stub = ""
    var firstCellHeader: [String]?
    var dataFromHeader: (line: Int, cells: [[String]])?
    let valueCellsOfHeader = headerRow.cells.dropFirst()
    // Swallowed: value cells end in a number after parts that are words (`Bokslut 2023<br>110,5`),
    // not stacked numbers (`874,2<br>-4 282,7`).
    let swallowed = valueCellsOfHeader.contains { $0.count >= 2 && isDataNumber($0.last!) }
      && valueCellsOfHeader.allSatisfy { $0.count < 2 || isDataNumber($0.last!) }
      && valueCellsOfHeader.allSatisfy { cell in cell.dropLast().allSatisfy { !isDataNumber($0) } }
    var headerless = false
    if swallowed {
      let depth = valueCellsOfHeader.map { $0.count >= 2 && isDataNumber($0.last!) ? $0.count - 1 : 0 }.max() ?? 1
      var data = [[String]](repeating: [], count: width)
      for c in 1..<width {
        let parts = headerRow.cells[c]
        if parts.count >= 2, isDataNumber(parts.last!) {
          headerParts[c] = Array(parts.dropLast())
          data[c] = [parts.last!]
        } else if parts.count == 1, isDataNumber(parts[0]) || isTextColumn(c, rows) {
          headerParts[c] = []
          data[c] = parts
        }
      }
      let (stubParts, labelParts) = splitStub(headerRow.cells[0], depth: depth)
      stub = join(stubParts)
      data[0] = labelParts
      dataFromHeader = (headerRow.line, data)
    } else if valueCellsOfHeader.allSatisfy({ $0.isEmpty }) {
      let first = headerRow.cells[0]
      if first.contains(where: { $0.split(ascii: " ").contains { Vocabulary.startsColumnHeader($0) } }) {
        firstCellHeader = first
      } else {
        headerless = true
      }
    } else if !valueCellsOfHeader.contains(where: { cell in cell.contains { hasHeaderWord($0) } }) {
      headerless = true
    } else if let groups = groupRow(headerRow.cells), let first = rows.first, isHeaderRow(first.cells) {
      // A row of column groups (`| | Kommunen | | Koncernen | |`) over the real header, the
      // first row under the separator (`| Belopp i mnkr | Delår<br>2022 | Delår<br>2023 | …`).
      rows.removeFirst()
      for c in 1..<width { headerParts[c] = (groups[c].isEmpty ? [] : [groups[c]]) + first.cells[c] }
      stub = join(first.cells[0])
    } else {
      stub = join(headerRow.cells[0])
      // The header's next line set as the first row under the separator, as converters write a
      // two-line header (`| | Utfall | Utfall | Budget |` / `| | jan–jun 2023 | jan–jun 2024 | 2024 |`):
      // no label, column words and no number but years. Its parts go on in the header's cells.
      while let first = rows.first, first.cells[0].allSatisfy({ $0.trimmingSpaces.isEmpty }), isHeaderRow(first.cells),
        first.cells.dropFirst().allSatisfy({ cell in cell.allSatisfy { !GridReading.isNoValue($0) } })
      {
        rows.removeFirst()
        for c in 1..<width { headerParts[c] += first.cells[c].filter { !$0.trimmingSpaces.isEmpty } }
      }
    }
    if headerless {
      rows.insert(headerRow, at: 0)
    } else if let dataFromHeader {
      rows.insert(dataFromHeader, at: 0)
    }

    // Collapsed tables: rows holding all their text in the first cell.
    let numericRows = rows.filter { row in row.cells.contains { cell in cell.contains { $0.contains(where: \.isNumber) } } }
    let collapsed = !numericRows.isEmpty
      && numericRows.allSatisfy { row in row.cells.dropFirst().allSatisfy { $0.isEmpty } }
    if collapsed {
      // The header's words may stand in any of its cells (`|  | Namn Utfall 2020 … |`).
      return collapsedGrid(rows, header: firstCellHeader ?? headerRow.cells.flatMap { $0 }, lines: raw.lines)
    }

    // Rows: stacked cells split, labels joined. In a table that stacks rows, a cell of several
    // labels over one line of numbers is not determined either.
    let stacks = rows.contains { row in row.cells.dropFirst().contains { $0.count >= 2 } }
    var gridRows: [GridRow] = []
    // Labels a `Summa …` row of the table totals: headings of the rows under them.
    var summed: Set<String> = []
    for row in rows {
      for label in labelGroups(row.cells[0]) {
        let words = label.split(ascii: " ")
        if words.count >= 2, Vocabulary.letters(words[0]) == "summa" { summed.insert(words.dropFirst().joined(separator: " ").lowercased()) }
      }
    }
    for row in rows { gridRows += expand(row, width: width, tableStacks: stacks, summed: summed) }

    // Columns holding only text are label columns.
    var columns = Array(0..<valueColumns)
    let textColumns = columns.filter { c in
      var sawText = false
      for row in gridRows where row.unreadReason == nil {
        guard let cell = row.cells[c] else { continue }
        // An amount in parentheses is a number, whatever its sign turns out to be.
        if GridReading.isNoValue(cell.text) || SwedishNumber.parse(cell.text, parentheses: true) != nil { return false }
        sawText = true
      }
      return sawText
    }
    if !textColumns.isEmpty {
      var group = ""
      for i in gridRows.indices {
        let texts = textColumns.compactMap { gridRows[i].cells[$0]?.text }
        guard !texts.isEmpty else { continue }
        if !gridRows[i].label.isEmpty { group = gridRows[i].label }
        gridRows[i].group = group
        gridRows[i].label = texts.joined(separator: " ")
      }
      columns.removeAll { textColumns.contains($0) }
    }

    // Header texts per remaining column, and those the header leaves undetermined.
    var headers: [String]
    var undetermined: [Int: String] = [:]
    var readings: [[String]] = []
    if let firstCellHeader {
      let read = HeaderLayout.spread(firstCellHeader, columns: columns.count).map {
        (spread: $0, undetermined: [Int: String](), readings: [[String]]())
      }
        ?? confirmedByArithmetic(HeaderLayout.insertions(firstCellHeader, columns: columns.count), gridRows, columns)
      guard let read else {
        return unreadGrid(gridRows, columns: columns, lines: raw.lines, reason: "the table's header could not be matched to its columns")
      }
      stub = read.spread.stub
      headers = read.spread.columns
      undetermined = read.undetermined
      readings = read.readings
    } else if headerless {
      if let previous, previous.columnCount == columns.count {
        headers = (0..<previous.columnCount).map { previous.headerText(of: $0) }
        stub = previous.stub
      } else if let found = textHeader(above: raw.lines.min() ?? 0, columns: columns.count) {
        headers = found.columns
        stub = found.stub
      } else {
        return unreadGrid(gridRows, columns: columns, lines: raw.lines, reason: "the table has no header")
      }
    } else {
      headers = columns.map { join(headerParts[$0 + 1]) }
    }

    // A column without a header beside one with a header, never both filled: one column.
    var merged = columns.indices.map { [columns[$0]] }
    var k = 0
    while k + 1 < merged.count {
      let a = merged[k], b = merged[k + 1]
      let headerA = headers[k], headerB = headers[k + 1]
      if headerA.isEmpty != headerB.isEmpty, complementary(a, b, gridRows) {
        merged[k] = a + b
        headers[k] = headerA.isEmpty ? headerB : headerA
        merged.remove(at: k + 1)
        headers.remove(at: k + 1)
        readings = []
        undetermined = Dictionary(uniqueKeysWithValues: undetermined.compactMap { c, reason in
          c <= k ? (c, reason) : (c == k + 1 ? nil : (c - 1, reason))
        })
      } else {
        k += 1
      }
    }
    for i in gridRows.indices {
      let cells = gridRows[i].cells
      gridRows[i].cells = merged.map { sources in sources.lazy.compactMap { cells[$0] }.first }
    }

    // Group rows (a label with no numbers) over the rows below them.
    var group = ""
    for i in gridRows.indices where gridRows[i].group.isEmpty {
      if gridRows[i].isLabelOnly {
        group = gridRows[i].label
      } else {
        gridRows[i].group = group
      }
    }
    let header = HeaderSpan.singles(headers)
    var grid = Grid(
      form: .markdown, stub: stub, header: [header], columnCount: headers.count, rows: gridRows, lines: raw.lines,
      firstLine: raw.rows.first?.line ?? 0)
    grid.undetermined = undetermined
    grid.readings = readings
    if let caption = caption(above: raw.lines.min() ?? 0) {
      grid.caption = caption.text
      grid.lines.append(caption.line)
    }
    return grid
  }

  /// The line naming a table right above it (one blank line between at most, the fence the
  /// table stands in and the converter's link to the table, `[Tabell 60-3](…)`): short, no sentence, no bullet, no page
  /// marker, no numbers but years; nil when none.
  func caption(above index: Int) -> (text: String, line: Int)? {
    var i = index - 1
    var blanks = 0
    var links = 0
    var fences = 0
    while i >= 0, blanks <= 1 {
      let text = lines[i].trimmingSpaces
      if text.isEmpty {
        blanks += 1
        i -= 1
        continue
      }
      if text.hasPrefix("[Tabell"), links == 0 {
        links += 1
        i -= 1
        continue
      }
      // The fence opening a block the table stands in (```` ``` ````, ```` ```tabell ````).
      if text.hasPrefix("```"), fences == 0, i == index - 1 {
        fences += 1
        i -= 1
        continue
      }
      guard !furniture.contains(i), text.count <= 90, !TextLines.isProse(text), !TextLines.startsWithBullet(text),
        text.first?.isLetter == true, !MarkdownTables.isPipeRow(lines[i]), !text.hasPrefix("[")
      else { return nil }
      let run = RunReading.run(Substring(text))
      guard run.atoms.allSatisfy({ atom in
        atom.digits.integerDigits == 4 && atom.digits.fractionDigits == 0 && !atom.digits.hasSign
      }) else { return nil }
      return (text.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " "), i)
    }
    return nil
  }

  /// The header among `candidates` under which the table's deviations are differences of its
  /// other columns; when several are, the columns they read alike, and the others undetermined
  /// (with the readings as the reason); nil when none is, or they agree on no column.
  private func confirmedByArithmetic(_ candidates: [HeaderLayout.Spread], _ rows: [GridRow], _ columns: [Int])
    -> (spread: HeaderLayout.Spread, undetermined: [Int: String], readings: [[String]])?
  {
    guard let context else { return nil }
    let numbers = rows.filter { $0.unreadReason == nil }.map { row in
      columns.map { c in row.cells[c].flatMap { SwedishNumber.parse($0.text) } }
    }
    let confirmed = candidates.filter { GridArithmetic.deviationsHold($0.columns, numbers, context: context) }
    guard let first = confirmed.first, confirmed.allSatisfy({ $0.stub == first.stub }) else { return nil }
    // Several readings hold: the columns they agree on are read, the others are undetermined.
    var undetermined: [Int: String] = [:]
    for c in first.columns.indices {
      var readings: [String] = []
      for spread in confirmed where !readings.contains(spread.columns[c]) { readings.append(spread.columns[c]) }
      if readings.count > 1 {
        undetermined[c] = "the header could be read as " + readings.map { "'\($0)'" }.joined(separator: " or ")
      }
    }
    guard undetermined.count < first.columns.count else { return nil }
    return (first, undetermined, confirmed.count > 1 ? confirmed.map(\.columns) : [])
  }

  /// A table whose every number is unread for one reason.
  private func unreadGrid(_ rows: [GridRow], columns: [Int], lines: [Int], reason: String) -> Grid {
    var rows = rows
    for i in rows.indices where rows[i].unreadReason == nil { rows[i].unreadReason = reason }
    return Grid(form: .markdown, columnCount: columns.count, rows: rows, lines: lines, firstLine: rows.first?.line ?? 0)
  }

  // MARK: Rows

  /// One row of cells as grid rows: several when its cells stack several rows (`A<br>B` over
  /// `1<br>2`), one unread row when they stack but do not pair.
  private func expand(_ row: (line: Int, cells: [[String]]), width: Int, tableStacks: Bool, summed: Set<String> = []) -> [GridRow] {
    let printed = lines[row.line].trimmingSpaces
    let values = row.cells.dropFirst()
    let stack = values.map(\.count).max() ?? 0
    let labels = labelGroups(row.cells[0])
    // More labels than lines of numbers: the headings among them (a label in capitals, or one a
    // `Summa` row totals: `Omsättningstillgångar` over `Summa omsättningstillgångar`) hold no
    // number; when the others are as many as the lines, they pair.
    var headings: Set<Int> = []
    if stack >= 1, labels.count > stack {
      headings = Set(labels.indices.filter { isHeading(labels[$0], summed: summed) })
      if labels.count - headings.count != stack { headings = [] }
    }
    if stack <= 1, headings.isEmpty, !(tableStacks && stack == 1 && labels.count > 1) {
      let cells = values.map { $0.first.map { GridCell(text: $0) } }
      return [GridRow(label: join(row.cells[0]), line: row.line, cells: Array(cells), printed: printed)]
    }
    let filled = values.filter { !$0.isEmpty }
    guard filled.allSatisfy({ $0.count == stack && $0.allSatisfy { isDataNumber($0) || GridReading.isNoValue($0) } }),
      labels.count - headings.count == stack
    else {
      return [GridRow(
        label: join(row.cells[0]), line: row.line, cells: Array(repeating: nil, count: width - 1),
        unreadReason: "the cell stacks \(labels.count) labels over \(stack) lines of numbers that do not pair",
        printed: printed)]
    }
    var result: [GridRow] = []
    var k = 0
    for (i, label) in labels.enumerated() {
      if headings.contains(i) {
        result.append(GridRow(label: label, line: row.line, cells: Array(repeating: nil, count: width - 1), printed: printed))
        continue
      }
      result.append(GridRow(
        label: label, line: row.line, cells: values.map { $0.isEmpty ? nil : GridCell(text: $0[k]) }, printed: printed))
      k += 1
    }
    return result
  }

  /// A label that heads the rows under it rather than holding numbers: written in capitals (not
  /// a `SUMMA` or `TOTALT` row), or one a `Summa` row of the table totals.
  private func isHeading(_ label: String, summed: Set<String>) -> Bool {
    let words = label.split(ascii: " ")
    guard let first = words.first else { return false }
    if summed.contains(label.lowercased()) { return true }
    // Capitals: every word of three letters or more (`EGET KAPITAL, AVSÄTTNINGAR o SKULDER`).
    let long = words.map { $0.filter(\.isLetter) }.filter { $0.count >= 3 }
    return !long.isEmpty && long.joined().count >= 4 && long.allSatisfy { $0 == $0.uppercased() }
      && !["summa", "totalt", "total"].contains(Vocabulary.letters(first))
  }

  /// A stacked label cell's parts grouped into labels: a part that continues the label before
  /// it (``HeaderWords/continuesLabel(_:with:)``) joins it.
  func labelGroups(_ parts: [String]) -> [String] {
    var groups: [[String]] = []
    for part in parts {
      if let group = groups.last, HeaderWords.continuesLabel(group.last ?? "", with: part) {
        groups[groups.count - 1].append(part)
      } else {
        groups.append([part])
      }
    }
    return groups.map(join)
  }

  /// The label cell of a header row that swallowed the first data row, split into the label
  /// column's header and the row's label: the header ends after the first parts that close
  /// their parentheses and name a unit or a label-column word (`Uppföljningsnivå (belopp i` +
  /// `mnkr)`, `Miljoner kronor`); parts going on from each other (`Antal` + `tillsvidareanställda`)
  /// are the label alone; otherwise the header has as many parts as the value cells' headers,
  /// and the label the rest.
  private func splitStub(_ parts: [String], depth: Int) -> (stub: [String], label: [String]) {
    guard parts.count >= 2 else {
      if let only = parts.first, only.split(ascii: " ").allSatisfy({ Vocabulary.stubWords.contains(Vocabulary.letters($0)) }) {
        return ([only], [])
      }
      return ([], parts)
    }
    var open = 0
    for k in 0..<(parts.count - 1) {
      for character in parts[k] {
        if character == "(" { open += 1 }
        if character == ")" { open -= 1 }
      }
      guard open <= 0 else { continue }
      let words = parts[0...k].joined(separator: " ").split(ascii: " ")
      let names = words.contains { ColumnMeaning.unitWord(String($0)) != nil || Vocabulary.stubWords.contains(Vocabulary.letters($0)) }
        || words.contains { ["belopp", "källa"].contains(Vocabulary.letters($0)) }
      if names { return (Array(parts[0...k]), Array(parts[(k + 1)...])) }
    }
    // Parts that go on from each other (`Antal` + `tillsvidareanställda`) are one label broken
    // over lines, with no header word before it.
    if parts.indices.dropFirst().allSatisfy({ HeaderWords.continuesLabel(parts[$0 - 1], with: parts[$0]) }) {
      return ([], parts)
    }
    let k = min(max(depth, 1), parts.count - 1)
    return (Array(parts[..<k]), Array(parts[k...]))
  }

  // MARK: Collapsed tables

  /// A table whose rows hold their text in the first cell, read as text lines.
  private func collapsedGrid(_ rows: [(line: Int, cells: [[String]])], header: [String], lines tableLines: [Int]) -> Grid {
    let count = Self.columnCount(header)
    let spread = count.flatMap { HeaderLayout.spread(header, columns: $0) }
    var gridRows: [GridRow] = []
    for row in rows {
      let parts = row.cells[0]
      let printed = lines[row.line].trimmingSpaces
      guard let numberPart = parts.firstIndex(where: { !RunReading.run(Substring($0)).atoms.isEmpty }) else {
        gridRows.append(GridRow(label: join(parts), line: row.line, cells: Array(repeating: nil, count: count ?? 0), printed: printed))
        continue
      }
      let run = RunReading.run(Substring(parts[numberPart]))
      let label = join(Array(parts[..<numberPart]) + [run.label] + Array(parts[(numberPart + 1)...]))
      guard let count, spread != nil else {
        gridRows.append(GridRow(
          label: label, line: row.line, cells: [], unreadReason: "the table's header could not be matched to its columns",
          printed: printed))
        continue
      }
      switch RunReading.read(run, count: count) {
      case .unique(let numbers):
        gridRows.append(GridRow(
          label: label, line: row.line, cells: numbers.map { GridCell(text: text(of: $0)) }, printed: printed))
      case .ambiguous:
        gridRows.append(GridRow(
          label: label, line: row.line, cells: [],
          unreadReason: "the digits can be grouped into \(count) numbers in more than one way", printed: printed,
          shortRun: run))
      case .impossible:
        gridRows.append(GridRow(
          label: label, line: row.line, cells: [],
          unreadReason: "the row does not hold one number for each of the \(count) columns; which are missing is not shown",
          printed: printed, shortRun: run))
      }
    }
    let header = HeaderSpan.singles(spread?.columns ?? [])
    return Grid(
      form: .markdown, stub: spread?.stub ?? "", header: [header], columnCount: count ?? 0, rows: gridRows,
      lines: tableLines, firstLine: rows.first?.line ?? 0)
  }

  /// The number of columns a header written as lines of words names: the most years on one
  /// line, else the most kind words on one line.
  static func columnCount(_ header: [String]) -> Int? {
    let years = header.map { $0.split(ascii: " ").filter { Vocabulary.year(in: $0) != nil }.count }.max() ?? 0
    if years >= 2 { return years }
    let kinds = header.map { $0.split(ascii: " ").filter { Vocabulary.isKindWord($0) }.count }.max() ?? 0
    return kinds >= 1 ? kinds : nil
  }

  /// A number written back as text for a cell (`-1204.1` → `-1 204,1`): the grid keeps cells as
  /// printed, and a number read from a run is printed the Swedish way.
  private func text(of number: SwedishNumber) -> String {
    var text = number.value.description.replacingAll(".", with: ",")
    if !number.unit.isEmpty { text += number.unit == "%" ? " %" : " " + number.unit }
    return text
  }

  // MARK: Headers from text

  /// A line of text just above a table naming its columns (`Not   År 2023   År 2024`): its cells
  /// set apart by two or more spaces, as many as the table's value columns, each holding a year
  /// or a kind word or `Not`. Looked for in the 15 lines above, past blank lines, table links
  /// and page furniture; nil when none.
  private func textHeader(above start: Int, columns: Int) -> HeaderLayout.Spread? {
    var index = start - 1
    var seen = 0
    // The run of header lines nearest above (read top to bottom), for a header in reading order.
    var block: [String] = []
    var blockDone = false
    var pages = 0
    while index >= 0, seen < 40 {
      defer { index -= 1 }
      let line = lines[index]
      let trimmed = line.trimmingSpaces
      // The header may stand on the page before, above the tables a converter puts at a
      // page's end; no further back than that page.
      if trimmed.hasPrefix("<!--") {
        pages += 1
        if pages > 1 { return nil }
        continue
      }
      if trimmed.isEmpty || furniture.contains(index) || trimmed.hasPrefix("[Tabell") {
        if trimmed.isEmpty, !block.isEmpty { blockDone = true }
        continue
      }
      if MarkdownTables.isPipeRow(line) {
        blockDone = true
        continue
      }
      seen += 1
      let cells = Self.wideCells(line)
      let headed = cells.filter { cell in cell.split(ascii: " ").contains { Vocabulary.startsColumnHeader($0) } }
      if headed.count == columns, cells.count - headed.count <= 1, headed.count >= 2 {
        var stub = cells.filter { cell in !headed.contains(cell) }.joined(separator: " ")
        if stub.isEmpty, let above = stubLine(above: index) { stub = above }
        return HeaderLayout.Spread(stub: stub, columns: headed)
      }
      let words = trimmed.split(ascii: " ")
      let isHeaderish = trimmed.count <= 120 && !TextLines.isProse(trimmed)
        && !words.contains { $0.contains(where: \.isNumber) && Vocabulary.year(in: $0) == nil && !GridColumns.isDate($0) }
      if !blockDone, isHeaderish {
        block.insert(trimmed.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).joined(separator: " "), at: 0)
        if let spread = HeaderLayout.spread(block, columns: columns), spread.columns.allSatisfy({ !$0.isEmpty }),
          block.contains(where: { $0.split(ascii: " ").contains { Vocabulary.startsColumnHeader($0) } })
        {
          // Keep reading up while the block still spreads: the longest block wins.
          if index == 0 { return spread }
          var longer = block
          var j = index - 1
          var blanks = 0
          while j >= 0, longer.count < 4 {
            let text = lines[j].trimmingSpaces
            // One blank line may stand between the header and the label column's header above it.
            if text.isEmpty {
              blanks += 1
              if blanks > 1 { break }
              j -= 1
              continue
            }
            guard text.count <= 60, !TextLines.isProse(text), !headings.contains(j) else { break }
            longer.insert(text, at: 0)
            if HeaderLayout.spread(longer, columns: columns) == nil { longer.removeFirst(); break }
            j -= 1
          }
          return HeaderLayout.spread(longer, columns: columns) ?? spread
        }
      } else {
        blockDone = true
      }
    }
    return nil
  }

  /// The label column's header on a line of its own above a header line (one blank line
  /// between at most): the first cell of a short line of words naming no column
  /// (`Miljoner kronor        Kommunen`); nil when there is none.
  private func stubLine(above index: Int) -> String? {
    var j = index - 1
    if j >= 0, lines[j].trimmingSpaces.isEmpty { j -= 1 }
    guard j >= 0, !headings.contains(j), !furniture.contains(j) else { return nil }
    let text = lines[j].trimmingSpaces
    guard !text.isEmpty, text.count <= 60, !TextLines.isProse(text), !text.contains(where: \.isNumber),
      !MarkdownTables.isPipeRow(lines[j]), !text.hasPrefix("<!--"), !text.hasPrefix("["),
      !text.split(ascii: " ").contains(where: { Vocabulary.startsColumnHeader($0) }),
      let first = Self.wideCells(lines[j]).first, !ColumnMeaning.unit(inCaption: first, default: "").isEmpty
    else { return nil }
    return first
  }

  /// A line split where two or more spaces stand.
  static func wideCells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var spaces = 0
    for character in line {
      if character == " " || character == "\u{00A0}" || character == "\t" {
        spaces += character == "\t" ? 2 : 1
        continue
      }
      if spaces >= 2, !current.isEmpty {
        cells.append(current)
        current = ""
      } else if spaces == 1, !current.isEmpty {
        current += " "
      }
      spaces = 0
      current.append(character)
    }
    if !current.isEmpty { cells.append(current) }
    return cells
  }

  // MARK: Small tests

  /// A part that is one number of data (not a year standing alone).
  func isDataNumber(_ text: String) -> Bool {
    guard let number = SwedishNumber.parse(text) else { return false }
    if number.value.scale == 0, number.unit.isEmpty, !text.hasPrefix("-"), !text.hasPrefix("+"),
      Vocabulary.year(in: text) != nil
    {
      return false
    }
    return true
  }

  /// A header cell's part that names something a column holds.
  /// The group of each column when the row names only column groups (`Kommunen`, `Koncernen`),
  /// a group going on over the empty cells after it; nil otherwise.
  private func groupRow(_ cells: [[String]]) -> [String]? {
    guard cells[0].allSatisfy({ $0.isEmpty }) else { return nil }
    var groups = [String](repeating: "", count: cells.count)
    var current = ""
    var named = 0
    for c in 1..<cells.count {
      let text = join(cells[c])
      if !text.isEmpty {
        guard text.split(ascii: " ").allSatisfy({ Vocabulary.groupWords.contains(Vocabulary.letters($0)) }) else { return nil }
        current = text
        named += 1
      }
      groups[c] = current
    }
    return named >= 2 ? groups : nil
  }

  /// True when a row's value cells name columns and hold no number but years (`Not`, `Delår<br>2022`).
  private func isHeaderRow(_ cells: [[String]]) -> Bool {
    let values = cells.dropFirst()
    return values.contains { cell in cell.contains { part in part.split(ascii: " ").contains { Vocabulary.startsColumnHeader($0) } } }
      && !values.contains { cell in cell.contains { isDataNumber($0) } }
  }

  private func hasHeaderWord(_ part: String) -> Bool {
    part.split(ascii: " ").contains { Vocabulary.isHeaderWord($0) } || Vocabulary.letters(part).count >= 3
      && SwedishNumber.parse(part) == nil
  }

  /// True when column `c` holds only text in the data rows (`Intäkt`, `Kostnad`).
  private func isTextColumn(_ c: Int, _ rows: [(line: Int, cells: [[String]])]) -> Bool {
    var sawText = false
    for row in rows where c < row.cells.count {
      for part in row.cells[c] {
        if isDataNumber(part) || GridReading.isNoValue(part) { return false }
        sawText = true
      }
    }
    return sawText
  }

  /// True when no row has a number in both column groups, and each has one somewhere.
  private func complementary(_ a: [Int], _ b: [Int], _ rows: [GridRow]) -> Bool {
    var inA = false, inB = false
    for row in rows where row.unreadReason == nil {
      let hasA = a.contains { row.cells[$0].map { !GridReading.isNoValue($0.text) } ?? false }
      let hasB = b.contains { row.cells[$0].map { !GridReading.isNoValue($0.text) } ?? false }
      if hasA && hasB { return false }
      inA = inA || hasA
      inB = inB || hasB
    }
    return inA && inB
  }

  private func join(_ parts: [String]) -> String { HeaderWords.join(parts, words: words) }
}

/// The order in which a report's tables put the kinds of their columns (`Budget 2025` before
/// `Prognos 2025`): a pair of kinds is *kept* when some table has them in that order and none
/// in the other.
struct KindOrder {
  private var before: [FactKind: Set<FactKind>] = [:]
  private var after: [FactKind: Set<FactKind>] = [:]

  init(_ grids: [Grid]) {
    for grid in grids {
      let kinds = (0..<grid.columnCount).compactMap { ColumnMeaning.kind(of: grid.headerText(of: $0).lowercased()) }
      for i in kinds.indices {
        for j in kinds.indices where j > i && kinds[i] != kinds[j] {
          before[kinds[i], default: []].insert(kinds[j])
          after[kinds[j], default: []].insert(kinds[i])
        }
      }
    }
  }

  /// True when the headers put no two kinds in an order the other tables never use, and at
  /// least two in an order they always use.
  func keeps(_ headers: [String]) -> Bool {
    let kinds = headers.map { ColumnMeaning.kind(of: $0.lowercased()) }
    var supported = false
    for i in kinds.indices {
      for j in kinds.indices where j > i {
        guard let a = kinds[i], let b = kinds[j], a != b else { continue }
        let seen = before[a]?.contains(b) == true
        let reversed = after[a]?.contains(b) == true
        if reversed && !seen { return false }
        if seen && !reversed { supported = true }
      }
    }
    return supported
  }
}
