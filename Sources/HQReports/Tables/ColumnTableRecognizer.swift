import HQData

/// Reads column tables: a header (possibly broken over many lines), then rows of a label and
/// one number per column.
///
///     Uppdrag
///     Resultat                                ← header cells, broken by the extraction
///     jan-
///     augusti
///     …
///     Regionbidrag 156,0 155,9 0,1 239,5 239,5 0
///     Ökad budget för                         ← a label wrapped over lines before its numbers
///     IT-kostnader och
///     -4,1 -13,3 9,2 -20,0 -7,0 13
///
/// How a table is found and read:
///
/// 1. A **value line** is an unclaimed line that ends in numbers (``NumberRun``) which are not
///    all years, with a label of at most 80 characters that is no sentence, bullet or page
///    furniture.
/// 2. The **header region** is the run of short lines above the first value line, up to a
///    heading, a claimed line, a bullet, a value line, prose, or three blank lines. Its cells
///    come from ``HeaderCells``; a header repeated right after itself (a page break) counts once.
/// 3. **Rows** follow down to a heading, claimed line, footnote (`*…`), bullet, prose, or three
///    blank lines. Lines between two value lines are the next row's label; when they begin
///    with cells of the header, the header was repeated after a page break and is skipped. A
///    line of its own above a row that has its own label (`Bruttokostnadsutveckling` above
///    `Region Halland 1,5 …`) is a **sub-heading** for the rows under it (indicator
///    `Bruttokostnadsutveckling – Region Halland`). Three or more cells between rows start a new
///    table. Page markers (`15(34)`) are skipped.
/// 4. The **number of columns** is the most common count of numbers in a row (the larger on a
///    tie); each row is then re-read with that count, so a year or date in the label stays in
///    the label (`Total ram 2017 220 000`). A row with fewer numbers fills the first columns;
///    a text cell before its numbers takes the first column. In a table whose full rows never
///    group thousands, a short row's digit groups are separate numbers (`134 121,4`).
/// 5. The **header is matched** to the columns: a single line holding exactly one cell per
///    column (plus one for the row labels) is the header, else the last cells of the region.
///    The cell before the measures is the label column's header; one before that is the
///    caption. A header cell the first row's label continues belongs to that label.
/// 6. Each number becomes a ``Fact`` with the column's ``ColumnMeaning``. A table whose header
///    has fewer cells than its rows have numbers is reported as a warning and skipped. A last
///    row without a label is the table's total (`Totalt`), with a warning.
struct ColumnTableRecognizer: Recognizer {
  var name: String { "column-table" }

  func recognize(in text: ReportText, context: inout RecognitionContext) {
    var scan = TableScan(text: text)
    var index = 0
    while index < text.lines.count {
      if !context.isClaimed(index), scan.isValueLine(index, context) {
        index = scan.readTable(from: index, context: &context)
      } else {
        index += 1
      }
    }
  }
}

/// The per-line readings the table recognizer needs, computed once per line on demand.
struct TableScan {
  let text: ReportText
  /// Per line: 0 not yet known, 1 a value line (claims aside), 2 not one.
  private var valueCache: [UInt8]
  /// Column meanings already read, by table context and header: reports repeat the same
  /// headers (`Budget`, `Utfall`) table after table. Keyed by the context first, so a table's
  /// context (its caption) is hashed once, not once per column.
  var meaningCache: [ColumnMeaning.Context: [String: ColumnMeaning]] = [:]
  /// Per line: 0 not yet known, 1 its bytes hold `mnkr` (and it is short enough to read), 2 not.
  /// Tables of one section look at the same lines (``proseQuotesInMillions(_:near:)``).
  var mnkrCache: [UInt8]

  init(text: ReportText) {
    self.text = text
    self.mnkrCache = Array(repeating: 0, count: text.lines.count)
    self.valueCache = Array(repeating: 0, count: text.lines.count)
  }

  var lines: [String] { text.lines }

  /// The line's words joined by single spaces.
  /// A line of over 4000 bytes is no table line and reads as blank.
  func cleaned(_ index: Int) -> String {
    text.lines[index].utf8.count > 4000 ? "" : text.cleaned[index]
  }

  func isHeading(_ index: Int) -> Bool { text.headingLines.contains(index) }

  /// Rule 1 of ``ColumnTableRecognizer``.
  mutating func isValueLine(_ index: Int, _ context: RecognitionContext) -> Bool {
    guard !context.isClaimed(index), !text.furniture.contains(index) else { return false }
    if valueCache[index] == 0 { valueCache[index] = readsAsValueLine(index) ? 1 : 2 }
    return valueCache[index] == 1
  }

  /// Whether line `index` reads as a value line, claims aside.
  private func readsAsValueLine(_ index: Int) -> Bool {
    let lines = text.lines
    guard !text.headingLines.contains(index), lines[index].utf8.count <= 400, TextLines.mayEndInNumber(lines[index]) else {
      return false
    }
    let cleaned = cleaned(index)
    guard !cleaned.isEmpty, !TextLines.startsWithBullet(cleaned), !TextLines.isPageFurniture(cleaned),
      !cleaned.hasPrefix("*")
    else { return false }
    let raw = lines[index]
    let row = text.readings[index]
    guard !row.numbers.isEmpty, row.label.utf8.count <= 80, !ByteSearch.has(row.label, ". ") else { return false }
    guard !row.numbers.allSatisfy({ Self.isBareYear($0, in: raw) }) else { return false }
    return !Self.continuesAsProse(index, lines)
  }

  /// True when the line ends in a space and the next non-blank line goes on in lower case: a
  /// sentence that happens to break after a number (`… visar överskott med 9,5 ` + `mnkr efter`).
  static func continuesAsProse(_ index: Int, _ lines: [String]) -> Bool {
    guard TextLines.hasTrailingSpace(lines[index]) else { return false }
    var next = index + 1
    while next < lines.count, next <= index + 3, TextLines.isBlank(lines[next]) { next += 1 }
    guard next < lines.count, next <= index + 3, let first = TextLines.firstSignificant(lines[next]) else {
      return false
    }
    return first.isLowercase
  }

  /// True when the number is a year written as one word (`2017`, not `2 017` or `2017,0`).
  static func isBareYear(_ n: SwedishNumber, in raw: String) -> Bool {
    guard n.value.scale == 0, n.value.mantissa >= 1900, n.value.mantissa <= 2099, n.unit != "%", n.column > 0,
      n.qualifier.isEmpty
    else { return false }
    let bytes = raw.utf8.dropFirst(n.column - 1).prefix(5)
    let digits = bytes.prefix(while: { $0 >= 0x30 && $0 <= 0x39 })
    return digits.count == 4
  }

  // MARK: Reading one table

  /// Reads the table whose first value line is `start`; returns the index to go on from.
  mutating func readTable(from start: Int, context: inout RecognitionContext) -> Int {
    let region = headerRegion(above: start, context)
    var header = HeaderCells.cells(region.lines, in: lines, cleaned: text.cleaned)
    header = Self.dropRepeatedHeader(header)
    // A cell longer than any header cell is prose above the table; the header starts after it.
    if let last = header.lastIndex(where: { $0.text.utf8.count > 120 && $0.text.count > 120 }) { header.removeFirst(last + 1) }
    var collected = collectRows(from: start, header: header, context: context)
    guard !collected.rows.isEmpty else { return start + 1 }
    let columns = Self.columnCount(collected.rows.map { text.row($0.valueLine).numbers.count })
    guard header.count > 0 || collected.rows.count >= 2 else { return collected.end }
    // Precision first: this reader was shaped on the bundled reports; one or two lines of one
    // number each (a registration line `Dnr … § 134` under a running header) or a table with a
    // `Not` column (whose note references it cannot tell from values) are left to the grid
    // readers, which leave undetermined numbers unread.
    if columns < 2 && collected.rows.count < 3 { return collected.end }
    if header.contains(where: { Vocabulary.namesNoteColumn($0.text) }) {
      for row in collected.rows {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: text.sectionTitles.indices.contains(row.valueLine) ? text.sectionTitles[row.valueLine] : "",
          table: "", line: row.valueLine + 1, text: TextLines.clean(lines[row.valueLine]),
          reason: "the table's header (with a Not column) could not be matched to its columns"))
      }
      context.claim(region.lines)
      context.claim(collected.used)
      return collected.end
    }
    guard var layout = TableLayout.resolve(
      header: header, columns: columns, firstRow: &collected.rows[0], text: text)
    else {
      context.warnings.append(IngestWarning(
        file: text.source, line: start + 1,
        message: "table with \(columns) columns of numbers has a header of \(header.count) cells; left unread"))
      // Nothing is dropped in silence: the rows go to `unread` with the reason.
      for row in collected.rows {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: text.sectionTitles.indices.contains(row.valueLine) ? text.sectionTitles[row.valueLine] : "",
          table: "", line: row.valueLine + 1, text: TextLines.clean(lines[row.valueLine]),
          reason: "the table's header (\(header.count) cells) could not be matched to its \(columns) columns"))
      }
      context.claim(collected.rows.map(\.valueLine))
      return collected.end
    }
    // Where the header's lines spread over the columns by the rules every table reader shares
    // (``HeaderLayout``), those are the columns' headers: one rule set, whichever reader.
    let regionText = region.lines.map { text.cleaned[$0] }.filter { !$0.isEmpty }
    if columns >= 2, regionText.count <= 6 {
      // The longest run of the header's last lines that spreads (a caption above it does not).
      for first in regionText.indices {
        guard let spread = HeaderLayout.spread(Array(regionText[first...]), columns: columns),
          spread.columns.allSatisfy({ !$0.isEmpty })
        else { continue }
        if spread.columns != layout.measures { layout.measures = spread.columns }
        break
      }
    }
    // The first row's sub-heading (found in the header region) holds until the next one.
    var heading = collected.rows[0].subheading
    for i in collected.rows.indices.dropFirst() {
      if collected.rows[i].subheading.isEmpty { collected.rows[i].subheading = heading } else { break }
      heading = collected.rows[i].subheading
    }
    emit(collected.rows, layout: layout, headingCaption: region.heading, context: &context)
    for line in collected.numberedLabels {
      context.unread.append(UnreadNumber(
        report: text.reportID, section: text.sectionTitles.indices.contains(line) ? text.sectionTitles[line] : "",
        table: "", line: line + 1, text: TextLines.clean(lines[line]),
        reason: "a line taken as a label ends in a number in parentheses; which column it stands in is not shown"))
    }
    context.claim(region.lines)
    context.claim(collected.used)
    return collected.end
  }

  /// The header region above the first value line (rule 2), and the heading directly above it.
  private mutating func headerRegion(above start: Int, _ context: RecognitionContext) -> (lines: [Int], heading: String?) {
    var result: [Int] = []
    var blanks = 0
    var index = start - 1
    var heading: String?
    while index >= 0, start - index <= 150 {
      if context.isClaimed(index) { break }
      if isHeading(index) {
        if blanks <= 2 { heading = text.sectionTitles.indices.contains(index) ? text.sectionTitles[index] : nil }
        break
      }
      let cleaned = cleaned(index)
      if cleaned.isEmpty {
        blanks += 1
        if blanks >= 3 && !result.isEmpty { break }
        index -= 1
        continue
      }
      if TextLines.isPageFurniture(cleaned) || text.furniture.contains(index) {
        index -= 1
        continue
      }
      if TextLines.startsWithBullet(cleaned) || cleaned.hasPrefix("*") || isValueLine(index, context) { break }
      if TextLines.isProse(cleaned), HeaderCells.split(cleaned, firstLine: index, lastLine: index).count < 3 { break }
      blanks = 0
      result.append(index)
      index -= 1
    }
    return (result.reversed(), heading)
  }

  /// A header repeated right after itself (a page break inside the header) counts once.
  static func dropRepeatedHeader(_ cells: [HeaderCell]) -> [HeaderCell] {
    var cells = cells
    var keys = cells.map(\.key)  // computed once: a key lower-cases and filters the text
    var k = 2
    while k < cells.count {
      let m = min(k, cells.count - k)
      if m >= 2, (0..<m).allSatisfy({ keys[$0] == keys[k + $0] }) {
        cells.removeFirst(k)
        keys.removeFirst(k)
        k = 2
      } else {
        k += 1
      }
    }
    return cells
  }

  /// The most common count, the larger on a tie.
  static func columnCount(_ counts: [Int]) -> Int {
    var tally: [Int: Int] = [:]
    for c in counts where c > 0 { tally[c, default: 0] += 1 }
    return tally.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 0
  }
}
