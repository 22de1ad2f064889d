
/// A value column of a table: where its numbers stand, and the region it owns (out to the
/// middles of the gutters on either side).
struct PDFColumn: Sendable {
  var left: Double
  var right: Double
  var regionLeft: Double
  var regionRight: Double

  var middle: Double { (left + right) / 2 }
  var width: Double { right - left }
}

/// The columns of a table and the right edge of its label column.
struct PDFGeometry: Sendable {
  var columns: [PDFColumn]
  /// A segment that starts left of this is in the label column.
  var labelLimit: Double

  /// The column whose region holds `x`; the nearest one when none does.
  func column(at x: Double) -> Int {
    if let index = columns.firstIndex(where: { x < $0.regionRight }) { return index }
    return columns.count - 1
  }

  var pitch: Double {
    columns.count > 1
      ? (columns[columns.count - 1].middle - columns[0].middle) / Double(columns.count - 1) : 0
  }
}

/// A table on one page: its header lines and body rows (indices into the page's rows, top to
/// bottom) and its columns.
struct PDFTableBlock: Sendable {
  /// Index into the document's pages.
  var page: Int
  var header: [Int]
  var body: [Int]
  var geometry: PDFGeometry
  var dataRows: Int

  /// One row with numbers and no header: a table only if it continues one from the page before.
  var isWeak: Bool { dataRows < 2 && header.isEmpty }
}

/// A table: its first block, then the blocks continuing it on the following pages.
struct PDFTable: Sendable {
  var blocks: [PDFTableBlock]

  /// The table as Markdown: the header row, the separator, one line per body row; each line ends
  /// with a newline.
  func markdown(rows: [[PDFRow]], pages: [PDFPage]) -> String {
    let first = blocks[0]
    let geometry = first.geometry
    let header = PDFTables.headerCells(
      first.header.map { rows[first.page][$0] }, geometry: geometry)
    var text = PDFTables.line(header)
    text += PDFTables.line(Array(repeating: "---", count: header.count))
    for cells in PDFTables.bodyRows(blocks, rows: rows, geometry: geometry) {
      text += PDFTables.line(cells)
    }
    return text
  }
}

/// Finds tables among a page's rows: runs of rows with numbers in two or more aligned columns,
/// with the header lines above them, joined across page breaks.
enum PDFTables {
  static func find(pages: [PDFPage], rows: [[PDFRow]]) -> [PDFTable] {
    var tables: [PDFTable] = []
    var open: Int?
    for page in pages.indices {
      var last: Int?
      for (number, block) in blocks(in: rows[page], page: page).enumerated() {
        if number == 0, let table = open, isFirstContent(block, rows: rows[page]),
          continues(tables[table], with: block, rows: rows)
        {
          var continued = block
          continued.geometry = tables[table].blocks[0].geometry
          tables[table].blocks.append(continued)
          last = table
        } else if !block.isWeak {
          tables.append(PDFTable(blocks: [block]))
          last = tables.count - 1
        } else {
          last = nil
        }
      }
      open = nil
      if let last, let block = tables[last].blocks.last, block.page == page,
        isLastContent(block, rows: rows[page])
      {
        open = last
      }
    }
    return tables
  }

  // MARK: - Finding the blocks of a page

  static func blocks(in rows: [PDFRow], page: Int) -> [PDFTableBlock] {
    let content = rows.indices.filter { !rows[$0].isFurniture }
    var blocks: [PDFTableBlock] = []
    var start = 0
    while start < content.count {
      guard rows[content[start]].isData else {
        start += 1
        continue
      }
      // A run: data rows, with at most a few other rows between two of them, each row near the last.
      var lastData = start
      var next = start + 1
      while next < content.count, near(rows[content[next - 1]], rows[content[next]]) {
        if rows[content[next]].isData {
          lastData = next
        } else if next - lastData > PDFLimits.rowsBetweenData {
          break
        }
        next += 1
      }
      let run = content[start...lastData]
      guard let geometry = geometry(of: run.filter { rows[$0].isData }.map { rows[$0] }) else {
        start = lastData + 1
        continue
      }
      var body: [Int] = []
      for row in run {
        guard rows[row].isData || fits(rows[row], geometry) else { break }
        body.append(row)
      }
      while let row = body.last, !rows[row].isData { body.removeLast() }
      // A label wrapped below the last row with numbers.
      var position = start + body.count
      let limit = min(content.count, position + PDFLimits.rowsBetweenData)
      while position < limit,
        near(rows[content[position - 1]], rows[content[position]]),
        isLabelOnly(rows[content[position]], geometry),
        startsLowercase(rows[content[position]].text)
      {
        body.append(content[position])
        position += 1
      }
      let (header, groups) = header(above: start, content: content, rows: rows, geometry: geometry)
      blocks.append(
        PDFTableBlock(
          page: page, header: header, body: groups + body, geometry: geometry,
          dataRows: body.count(where: { rows[$0].isData })))
      start = position
    }
    return blocks
  }

  /// The rows follow each other with little empty space between them.
  static func near(_ above: PDFRow, _ below: PDFRow) -> Bool {
    below.top - above.bottom <= PDFLimits.rowGap * max(above.height, below.height)
  }

  /// The columns of the numbers of `dataRows`: number segments whose x-ranges overlap form a
  /// column. Nil when there are fewer than two columns (one column of numbers is not a table).
  ///
  /// - Complexity: O(k log k) in the number of number segments.
  static func geometry(of dataRows: [PDFRow]) -> PDFGeometry? {
    let spans = dataRows.flatMap { row in
      row.segments.filter { $0.kind != .text }.map { ($0.left, $0.right) }
    }
    .sorted { $0.0 < $1.0 }
    var clusters: [(left: Double, right: Double)] = []
    for (left, right) in spans {
      if let last = clusters.last, left <= last.right + PDFLimits.tolerance {
        clusters[clusters.count - 1].right = max(last.right, right)
      } else {
        clusters.append((left, right))
      }
    }
    guard clusters.count >= 2 else { return nil }
    let labelRight = dataRows.flatMap { row in
      row.segments.filter { $0.kind == .text && $0.right <= clusters[0].left }.map(\.right)
    }.max()
    let firstLeft =
      labelRight.map { ($0 + clusters[0].left) / 2 }
      ?? clusters[0].left - (clusters[1].left - clusters[0].right) / 2
    var columns: [PDFColumn] = []
    for (index, cluster) in clusters.enumerated() {
      let regionLeft = index == 0 ? firstLeft : (clusters[index - 1].right + cluster.left) / 2
      columns.append(
        PDFColumn(left: cluster.left, right: cluster.right, regionLeft: regionLeft, regionRight: 0))
      if index > 0 { columns[index - 1].regionRight = regionLeft }
    }
    let last = columns.count - 1
    columns[last].regionRight =
      columns[last].right + (columns[last].left - columns[last].regionLeft)
    return PDFGeometry(columns: columns, labelLimit: firstLeft)
  }

  /// A row without two numbers belongs to the table when each of its segments stands in the
  /// label column or inside one column's region.
  static func fits(_ row: PDFRow, _ geometry: PDFGeometry) -> Bool {
    let tolerance = PDFLimits.tolerance
    for segment in row.segments {
      if segment.left < geometry.labelLimit - tolerance {
        if segment.right > geometry.columns[0].left + tolerance { return false }
        continue
      }
      let column = geometry.columns[geometry.column(at: segment.middle)]
      if segment.left < column.regionLeft - tolerance
        || segment.right > column.regionRight + tolerance
      {
        return false
      }
    }
    return true
  }

  static func isLabelOnly(_ row: PDFRow, _ geometry: PDFGeometry) -> Bool {
    fits(row, geometry)
      && row.segments.allSatisfy { $0.left < geometry.labelLimit - PDFLimits.tolerance }
  }

  static func startsLowercase(_ text: String) -> Bool {
    text.first?.isLowercase ?? false
  }

  /// The header lines above the first data row (at content position `first`), top to bottom, and
  /// the rows between the header and that row that name groups (label only).
  ///
  /// Walking up: a header line has text over the columns, is not a caption (`Belopp i mnkr`) and
  /// has nothing running from the label column into the columns (prose). Label-only lines between
  /// header lines are lines of the stub; label-only lines above the header stay text.
  static func header(above first: Int, content: [Int], rows: [PDFRow], geometry: PDFGeometry)
    -> (header: [Int], groups: [Int])
  {
    let tolerance = PDFLimits.tolerance
    let rightLimit = geometry.columns[geometry.columns.count - 1].regionRight + geometry.pitch
    var collected: [(row: Int, overColumns: Bool)] = []
    var position = first - 1
    while position >= 0, collected.count < PDFLimits.headerLines + PDFLimits.rowsBetweenData {
      let row = rows[content[position]]
      guard near(row, rows[content[position + 1]]), !row.isData, !PDFVocabulary.isCaption(row.text)
      else { break }
      let crosses = row.segments.contains {
        $0.left < geometry.labelLimit - tolerance && $0.right > geometry.columns[0].left + tolerance
      }
      let prose = row.segments.contains {
        $0.text.split(separator: " ").count > PDFLimits.headerWords
      }
      guard !crosses, !prose, !row.segments.contains(where: { $0.right > rightLimit }) else {
        break
      }
      collected.append(
        (content[position], row.segments.contains { $0.left >= geometry.labelLimit - tolerance }))
      position -= 1
    }
    guard let lowest = collected.firstIndex(where: \.overColumns),
      let highest = collected.lastIndex(where: \.overColumns)
    else { return ([], []) }
    let header = collected[lowest...highest].reversed().map(\.row).suffix(PDFLimits.headerLines)
    let groups = collected[..<lowest].reversed().map(\.row)
    return (Array(header), groups)
  }

  // MARK: - Page breaks

  /// Nothing stands above the block on its page but furniture and lines saying the table goes
  /// on (`Driftredovisning (mnkr), forts.`).
  static func isFirstContent(_ block: PDFTableBlock, rows: [PDFRow]) -> Bool {
    let top = block.header.first ?? block.body.first ?? 0
    return rows[..<top].allSatisfy { $0.isFurniture || PDFVocabulary.isContinued($0.text) }
  }

  static func isLastContent(_ block: PDFTableBlock, rows: [PDFRow]) -> Bool {
    rows.indices.last { !rows[$0].isFurniture } == block.body.last
  }

  /// The block continues the table: its columns stand in the table's columns, one each, and its
  /// header, if it has one, is the table's.
  static func continues(_ table: PDFTable, with block: PDFTableBlock, rows: [[PDFRow]]) -> Bool {
    let first = table.blocks[0]
    var previous = -1
    for column in block.geometry.columns {
      let index = first.geometry.column(at: column.middle)
      let region = first.geometry.columns[index]
      guard index > previous, column.middle >= region.regionLeft,
        column.middle <= region.regionRight
      else {
        return false
      }
      previous = index
    }
    guard !block.header.isEmpty else { return true }
    let repeated = headerCells(block.header.map { rows[block.page][$0] }, geometry: first.geometry)
    return repeated
      == headerCells(first.header.map { rows[first.page][$0] }, geometry: first.geometry)
  }

  // MARK: - Cells

  /// The header row: the stub, then one cell per column, each the column's header lines top to
  /// bottom joined with `<br>`; a cell spanning several columns is repeated in each.
  static func headerCells(_ lines: [PDFRow], geometry: PDFGeometry) -> [String] {
    let count = geometry.columns.count
    let homes: [[Int?]] = lines.map { line in
      line.segments.map {
        $0.right <= geometry.labelLimit + PDFLimits.tolerance ? nil : geometry.column(at: $0.middle)
      }
    }
    let occupied = homes.map { Set($0.compactMap { $0 }) }
    var parts = Array(repeating: [String](), count: count + 1)
    for (number, line) in lines.enumerated() {
      var claims = Array(repeating: [Int](), count: count)  // segments per column
      for (index, segment) in line.segments.enumerated() {
        guard let home = homes[number][index] else { continue }
        let below = (number + 1..<lines.count).flatMap { lower in
          lines[lower].segments.indices.filter { homes[lower][$0] == home }.map {
            lines[lower].segments[$0]
          }
        }
        for column in span(
          segment, home: home, line: number, below: below, occupied: occupied, geometry: geometry)
        {
          claims[column].append(index)
        }
      }
      let stub = line.segments.indices.filter { homes[number][$0] == nil }.map {
        line.segments[$0].text
      }
      if !stub.isEmpty { parts[0].append(stub.joined(separator: " ")) }
      for column in 0..<count {
        // A free column claimed by two spanning cells is left to neither.
        let mine = claims[column].filter {
          homes[number][$0] == column || claims[column].count == 1
        }
        if !mine.isEmpty {
          parts[column + 1].append(mine.map { line.segments[$0].text }.joined(separator: " "))
        }
      }
    }
    return parts.map { $0.joined(separator: "<br>") }
  }

  /// The columns a header segment on `line` covers: its own, or a range around it when it is
  /// centred over neighbours that have nothing on this line and header text below it.
  ///
  /// Precision first: a segment aligned (left, middle or right) with a header line below it in
  /// its own column is that column's (`Budget` over `2024`), and one centred on a single column
  /// spans only when clearly wider than that column's numbers. Among the ranges whose middle is
  /// nearest the segment's, the widest is taken.
  ///
  /// - Parameters:
  ///   - below: the segments on lower header lines whose column is `home`.
  static func span(
    _ segment: PDFSegment, home: Int, line: Int, below: [PDFSegment], occupied: [Set<Int>],
    geometry: PDFGeometry
  ) -> ClosedRange<Int> {
    let columns = geometry.columns
    let hasBelow = { (column: Int) in
      (line + 1..<occupied.count).contains { occupied[$0].contains(column) }
    }
    let free = { (column: Int) in !occupied[line].contains(column) && hasBelow(column) }
    let aligned = below.contains {
      abs($0.left - segment.left) <= PDFLimits.alignment
        || abs($0.right - segment.right) <= PDFLimits.alignment
        || abs($0.middle - segment.middle) <= PDFLimits.alignment
    }
    guard !below.isEmpty, !aligned else { return home...home }
    var low = home
    while low > 0, free(low - 1) { low -= 1 }
    var high = home
    while high < columns.count - 1, free(high + 1) { high += 1 }
    guard low < high else { return home...home }
    let score = { (range: ClosedRange<Int>) in
      abs(
        segment.middle - (columns[range.lowerBound].middle + columns[range.upperBound].middle) / 2)
    }
    var ranges: [ClosedRange<Int>] = []
    for lower in low...home {
      for upper in home...high { ranges.append(lower...upper) }
    }
    let best = ranges.map(score).min() ?? 0
    let chosen =
      ranges.filter { score($0) <= best + PDFLimits.spanPreference * geometry.pitch }
      .max { ($0.count, -score($0)) < ($1.count, -score($1)) } ?? home...home
    let centredOnHome =
      segment.middle >= columns[home].left && segment.middle <= columns[home].right
    if chosen.count > 1, centredOnHome, segment.width <= PDFLimits.spanWidth * columns[home].width {
      return home...home
    }
    return chosen
  }

  /// The body rows as cells (label first) across all blocks; a label wrapped over lines is
  /// joined to its row, a label-only row that continues neither neighbour names a group.
  static func bodyRows(_ blocks: [PDFTableBlock], rows: [[PDFRow]], geometry: PDFGeometry)
    -> [[String]]
  {
    var out: [[String]] = []
    for block in blocks {
      let pageRows = rows[block.page]
      let split = block.body.map { cells(of: pageRows[$0], geometry: geometry) }
      var previous: (output: Int, row: Int)?
      var prefix = ""
      for (position, cells) in split.enumerated() {
        let row = block.body[position]
        let hasCells = cells.dropFirst().contains { !$0.isEmpty }
        guard !hasCells else {
          var cells = cells
          if !prefix.isEmpty { cells[0] = joinLabel(prefix, cells[0]) }
          prefix = ""
          out.append(cells)
          previous = (out.count - 1, row)
          continue
        }
        let label = cells[0]
        let next = position + 1 < split.count ? split[position + 1] : nil
        let nextHasCells = next.map { $0.dropFirst().contains { !$0.isEmpty } } ?? false
        let previousOK =
          previous.map { startsLowercase(label) || out[$0.output][0].hasSuffix("-") } ?? false
        let nextOK =
          nextHasCells && (next![0].isEmpty || startsLowercase(next![0]) || label.hasSuffix("-"))
        var toPrevious = previousOK
        if previousOK, nextOK, let previous {
          let above = pageRows[row].top - pageRows[previous.row].bottom
          let below = pageRows[block.body[position + 1]].top - pageRows[row].bottom
          toPrevious = above <= below
        }
        if toPrevious, let last = previous {
          out[last.output][0] = joinLabel(out[last.output][0], label)
          previous = (last.output, row)
        } else if nextOK {
          prefix = joinLabel(prefix, label)
        } else {
          out.append(cells)
          previous = (out.count - 1, row)
        }
      }
    }
    return out
  }

  /// The label (segments starting in the label column, joined with spaces) and one cell per column.
  static func cells(of row: PDFRow, geometry: PDFGeometry) -> [String] {
    var cells = Array(repeating: "", count: geometry.columns.count + 1)
    for segment in row.segments {
      let index =
        segment.left < geometry.labelLimit - PDFLimits.tolerance
        ? 0 : geometry.column(at: segment.middle) + 1
      cells[index] = cells[index].isEmpty ? segment.text : cells[index] + " " + segment.text
    }
    return cells
  }

  /// Two parts of a wrapped label: joined with a space, or without one where the first ends in a
  /// hyphen that splits a word (`Samhällsbyggnads-` + `nämnden`; not `Vård-` + `och omsorg`).
  static func joinLabel(_ first: String, _ second: String) -> String {
    guard !first.isEmpty else { return second }
    guard !second.isEmpty else { return first }
    let firstWord = second.prefix { $0 != " " }
    if first.hasSuffix("-"), first.dropLast().last?.isLetter == true, startsLowercase(second),
      !PDFVocabulary.conjunctions.contains(String(firstWord))
    {
      return first.dropLast() + second
    }
    return first + " " + second
  }

  /// A Markdown table line: `| a | b |`, with `|` in a cell escaped.
  static func line(_ cells: [String]) -> String {
    "| " + cells.map { String($0.flatMap { (c: Character) -> [Character] in c == "|" ? ["\\", "|"] : [c] }) }.joined(separator: " | ")
      + " |\n"
  }
}

/// The few Swedish words the PDF layout step knows.
enum PDFVocabulary {
  /// Words after a hyphen that end a compound rather than continue it (`Vård- och omsorg`).
  static let conjunctions: Set<String> = ["och", "eller", "samt", "respektive", "resp.", "till"]

  /// A line saying a table goes on from the page before: `forts.`, `(fortsättning)`.
  static func isContinued(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.contains("forts.") || lower.contains("fortsättning") || lower.hasSuffix("forts")
  }

  /// A table caption naming the unit, which stays a text line above the table even where it
  /// stands over the columns: `Belopp i mnkr`, `(tkr)`, `Miljoner kronor`.
  static func isCaption(_ text: String) -> Bool {
    let lower = text.lowercased().trimming { $0.isWhitespace }
    if lower.hasPrefix("belopp i ") || lower.hasPrefix("belopp, ") || lower.hasPrefix("(belopp") {
      return true
    }
    let bare = lower.trimming { $0 == "(" || $0 == ")" }
    return [
      "mnkr", "mkr", "tkr", "kr", "mdkr", "miljoner kronor", "tusental kronor", "tusentals kronor",
      "tusen kronor",
    ]
    .contains(bare)
  }
}
