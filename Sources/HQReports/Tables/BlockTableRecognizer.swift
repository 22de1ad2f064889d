/// Reads tables whose cells are paragraphs: a slide table with text columns beside a column of
/// numbers, extracted cell by cell.
///
///      Kostnader för … från 2019 till 2024 (mnkr)            ← caption
///       Införandekostnader  Här ingår kostnader för  Kostnad  Budget …   ← header, cells apart
///     Faktiska kostnader … centralt -                        ← row 1, cell 1 (a paragraph)
///     finansierat av central programbudget
///
///     Cambio, Sussa, konsulter,                              ← cell 2
///
///     319,2 Finansiering via utökad ram med                  ← cell 3 (the number) and cell 4
///     301,4 mnkr - beslut M&B
///     …
///     Summa kostnad införande 450,6                          ← an ordinary label-and-number row
///
/// Rules:
///
/// - The header is a line of three or more cells set apart by runs of spaces
///   (``HeaderCells/gapParts(_:)``), with no numbers of its own (years aside).
/// - Under it, paragraphs (runs of non-blank lines) are cells, left to right. A paragraph that
///   begins with a number is the numeric cell of its row: the number is a fact whose measure is
///   the header cell in that position and whose indicator is the row's first cell. Text after the
///   number (or, when the number stands alone, the next paragraph) is the following text cell;
///   then a new row begins. A paragraph ending in a number (`Summa … 450,6`) is a row of its own
///   with the number in the numeric column.
/// - The table ends at a heading, a claimed line, three blank lines, or a paragraph that fits
///   neither shape once the row is full. The caption is the paragraph right above the header;
///   kind, period, year and unit follow ``ColumnMeaning``.
struct BlockTableRecognizer: Recognizer {
  var name: String { "block-table" }

  func recognize(in text: ReportText, context: inout RecognitionContext) {
    var index = 0
    while index < text.lines.count {
      if !context.isClaimed(index), let header = headerCells(index, in: text) {
        index = read(header: header, at: index, text: text, context: &context)
      } else {
        index += 1
      }
    }
  }

  private func headerCells(_ index: Int, in text: ReportText) -> [String]? {
    let line = text.lines[index]
    guard line.utf8.count <= 300, TextLines.hasWideGap(line) else { return nil }
    let parts = HeaderCells.gapParts(Substring(line))
    guard parts.count >= 3,
      text.row(index).numbers.allSatisfy({ TableScan.isBareYear($0, in: line) })
    else { return nil }
    return parts.map { TextLines.clean($0) }
  }

  private func read(header: [String], at headerIndex: Int, text: ReportText, context: inout RecognitionContext) -> Int {
    let blocks = paragraphs(after: headerIndex, text: text, context: context)
    guard blocks.contains(where: { leadingNumber(text.lines[$0[0]]) != nil }) else { return headerIndex + 1 }
    let caption = captionAbove(headerIndex, text: text, context: context)
    let meaningContext = ColumnMeaning.Context(
      caption: caption, reportYear: text.reportYear, reportPeriod: text.reportPeriod, documentUnit: text.documentUnit)
    let section = text.sectionTitles.indices.contains(headerIndex) ? text.sectionTitles[headerIndex] : ""
    let tableName = caption.isEmpty ? section : caption
    var numericColumn: Int?
    var row: [String] = []
    var skipNext = false
    var used = [headerIndex]
    var pending: [(label: String, number: SwedishNumber, line: Int)] = []
    for block in blocks {
      let first = text.lines[block[0]]
      if skipNext {
        skipNext = false
        used += block
        continue
      }
      if let (number, rest) = leadingNumber(first), row.count < header.count {
        numericColumn = numericColumn ?? row.count
        pending.append((row.first ?? "", number, block[0]))
        skipNext = rest.isEmpty && block.count == 1 && row.count + 1 < header.count
        row = []
        used += block
        continue
      }
      let joined = LineJoining.join(block.map { Substring(text.lines[$0]) })
      let trailing = NumberRun.read(Substring(joined), expectedCount: 1)
      if row.isEmpty, trailing.numbers.count == 1, numericColumn != nil {
        pending.append((trailing.label, trailing.numbers[0], block.last ?? block[0]))
        used += block
        continue
      }
      guard row.count < header.count else { break }
      row.append(joined)
      used += block
    }
    guard let column = numericColumn, column < header.count else { return headerIndex + 1 }
    let meaning = ColumnMeaning(header: header[column], context: meaningContext)
    for item in pending {
      let label = TableScan.cleanLabel(item.label)
      // A label that is running text names no row (a page number after a paragraph).
      if label.isEmpty || TableScan.isRunningText(label) {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: section, table: tableName, line: item.line + 1,
          text: TextLines.clean(text.lines[item.line]),
          reason: label.isEmpty ? "the row has no label" : "the row's label is running text"))
        continue
      }
      let kind = meaning.kind != .värde ? meaning.kind : (ColumnMeaning.kind(of: SimpleText.lowercased(label)) ?? .värde)
      context.facts.append(Fact(
        report: text.reportID, section: section, table: tableName, indicator: label, measure: meaning.measure,
        kind: kind, period: meaning.period, year: meaning.year, value: item.number.value,
        unit: item.number.unit.isEmpty ? meaning.unit : item.number.unit, line: item.line + 1))
    }
    context.claim(used)
    return (used.max() ?? headerIndex) + 1
  }

  /// The paragraphs under the header, up to a heading, a claimed line or three blank lines.
  private func paragraphs(after index: Int, text: ReportText, context: RecognitionContext) -> [[Int]] {
    var blocks: [[Int]] = []
    var current: [Int] = []
    var blanks = 0
    var i = index + 1
    while i < text.lines.count, i <= index + 200 {
      if context.isClaimed(i) || text.headingLines.contains(i) { break }
      if TextLines.isBlank(text.lines[i]) {
        blanks += 1
        if !current.isEmpty { blocks.append(current) }
        current = []
        if blanks >= 3 { break }
      } else {
        blanks = 0
        current.append(i)
      }
      i += 1
    }
    if !current.isEmpty { blocks.append(current) }
    return blocks
  }

  /// `319,2 Finansiering via …` → (319,2, "Finansiering via …"); nil unless the line starts
  /// with a number that is not a year.
  private func leadingNumber(_ line: String) -> (SwedishNumber, String)? {
    let words = NumberRun.words(in: Substring(line))
    guard let first = words.first, case .digits = NumberWord.classify(first.text),
      let number = SwedishNumber.parse(first.text), FigureYear.year(first.text) == nil
    else { return nil }
    return (number, NumberRun.join(words.dropFirst()))
  }

  /// The paragraph directly above the header (at most three lines), cleaned.
  private func captionAbove(_ index: Int, text: ReportText, context: RecognitionContext) -> String {
    var lines: [Int] = []
    var i = index - 1
    while i >= 0, i >= index - 4, !context.isClaimed(i), !TextLines.isBlank(text.lines[i]) {
      lines.insert(i, at: 0)
      i -= 1
    }
    return TableScan.cleanLabel(LineJoining.join(lines.map { Substring(text.lines[$0]) }))
  }
}
