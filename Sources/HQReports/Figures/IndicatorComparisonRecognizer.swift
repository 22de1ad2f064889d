import HQData

/// Reads a key-figure comparison with all regions: a header of years and the region's target,
/// then one row per indicator with each year's value and the region's rank among all regions.
///
///      2017 2022 2023 2024 RHs mål*
///     Antibiotikarecept per 1000 invånare 306 (16 av 21) 257 (15 av 21) 280 (17 av 21) 276 250
///     Medicinska gasers klimatpåverkan
///     (kg CO2ekv/inv)
///     4,1 (18 av 21) 3,4 (20 av 21)
///     2,9 (20 av 21) 2,8 1,8
///     *Målvärden i Handlingsplan … 2023-2026.
///
/// Rules:
/// - The header is optional label words, at least two ascending years, and optionally one
///   target column whose title mentions `mål`. A block without a target column must show at
///   least one rank, or it is left to the generic column-table recognizer.
/// - A row's label may wrap over lines before, or between, its values; values may be spread
///   over several lines. Cells are read from the right end of each line: a number optionally
///   followed by `(N av M)`. A row is complete when it has one value per column.
/// - Each year column gives an `utfall` fact for that year (measure: the year as written), of
///   the period `helår` when the block shows no rank and the year is over (a table of key
///   figures with a target), else of no period;
///   the target column gives a `mål` fact (measure: the column title without `*`). The
///   target's year is not written in the table: `year` stays null, and when a footnote marked
///   `*` names a year range (`Handlingsplan … 2023-2026`), that range is the `period`
///   (`2023–2026`); a single year in the footnote becomes the `year`.
/// - The unit comes from the label's parenthesised ending (`(%)`, `(kWh/m2)`), which is taken
///   off the indicator name; else from the cell (`5%`); else empty.
/// - The block ends at a footnote (`*…`), at prose (a long line or one ending in `.`), or when
///   more than three label lines gather without a value. A row left with too few or too many
///   values becomes a warning naming its first line.
struct IndicatorComparisonRecognizer: LineStartRecognizer {
  var name: String { "indicator-comparison" }

  /// A header may start with label words, so the line's first byte says nothing here.
  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext) {
    var index = 0
    while index < text.lines.count {
      if starts.mayStartComparison(index), !context.isClaimed(index),
        let header = ComparisonHeader(line: text.lines[index])
      {
        index = readBlock(header, at: index, text: text, starts: starts, context: &context)
      } else {
        index += 1
      }
    }
  }

  /// Reads the rows under a header; returns the index to continue scanning at.
  private func readBlock(
    _ header: ComparisonHeader, at headerIndex: Int, text: ReportText, starts: LineStarts,
    context: inout RecognitionContext
  ) -> Int {
    // A block without a target column is read only when it may show a rank.
    guard header.target != nil || mayShowRank(after: headerIndex, text: text, starts: starts, context: context) else {
      return headerIndex + 1
    }
    var reader = RowReader(header: header)
    var index = headerIndex + 1
    scan: while index < text.lines.count {
      let raw = text.lines[index]
      let cleaned = text.cleaned[index]
      if cleaned.isEmpty {
        reader.blankRun += 1
        if reader.blankRun > 3 { break }
        index += 1
        continue
      }
      if context.isClaimed(index) || cleaned.hasPrefix("*")
        || starts.mayStartComparison(index) && ComparisonHeader(line: raw) != nil
      {
        break
      }
      switch reader.read(raw, cleaned: cleaned, index: index) {
      case .continue: index += 1
      case .end: break scan
      }
    }
    reader.finish()
    guard header.target != nil || reader.rows.contains(where: { $0.cells.contains { $0.rank != nil } }) else {
      return headerIndex + 1
    }
    let footnote = findFootnote(after: index, header: header, text: text)
    emit(reader, header: header, headerIndex: headerIndex, footnote: footnote, text: text, context: &context)
    return max(index, headerIndex + 1)
  }

  /// False when no line the block under the header could reach (up to four blank lines in a
  /// row, a claimed line, a footnote or another header) holds a rank's words `(16 av 21)`:
  /// then no row shows a rank.
  private func mayShowRank(
    after headerIndex: Int, text: ReportText, starts: LineStarts, context: RecognitionContext
  ) -> Bool {
    var index = headerIndex + 1
    var blanks = 0
    while index < text.lines.count {
      let cleaned = text.cleaned[index]
      index += 1
      if cleaned.isEmpty {
        blanks += 1
        if blanks > 3 { return false }
        continue
      }
      blanks = 0
      if context.isClaimed(index - 1) || cleaned.hasPrefix("*")
        || starts.mayStartComparison(index - 1) && ComparisonHeader(line: text.lines[index - 1]) != nil
      {
        return false
      }
      if ByteSearch.contains(cleaned, " av "), Self.mayHoldRank(cleaned) { return true }
    }
    return false
  }

  /// True when a word ` av ` stands between a word starting with `(` and one ending with `)`,
  /// as in every rank (``ComparisonTail/rank(_:_:_:)``).
  static func mayHoldRank(_ cleaned: String) -> Bool {
    let words = cleaned.utf8.split(separator: 0x20)
    guard words.count >= 3 else { return false }
    for i in 1..<(words.count - 1) where words[i].elementsEqual("av".utf8) {
      if words[i - 1].first == UInt8(ascii: "(") && words[i + 1].last == UInt8(ascii: ")") { return true }
    }
    return false
  }

  /// The footnote explaining the target column, when the column title is marked `*`.
  private func findFootnote(after index: Int, header: ComparisonHeader, text: ReportText) -> (line: Int, text: String)? {
    guard header.targetMarked else { return nil }
    var i = index
    while i < text.cleaned.count && i < index + 8 {
      let cleaned = text.cleaned[i]
      if cleaned.hasPrefix("*") { return (i, cleaned) }
      i += 1
    }
    return nil
  }

  private func emit(
    _ reader: RowReader, header: ComparisonHeader, headerIndex: Int, footnote: (line: Int, text: String)?,
    text: ReportText, context: inout RecognitionContext
  ) {
    let table = FigureText.caption(above: headerIndex, in: text)?.text
      ?? FigureText.section(text, headerIndex)
    var targetYear: Int?
    var targetPeriod = ""
    if let footnote {
      if let range = FigureText.yearRange(in: footnote.text) {
        targetPeriod = range
      } else if let year = FigureText.years(in: footnote.text).first {
        targetYear = year
      }
      context.claim([footnote.line])
    }
    context.claim([headerIndex])
    for warning in reader.warnings {
      context.warnings.append(IngestWarning(file: text.source, line: warning.line + 1, message: warning.message))
    }
    // A table of key figures by year with a target and no rank (`2019 2020 2021 Mål`) is a
    // table like any other (its row labels give units as a grid's do: `Antal årsarbetare` → st)
    // and a series of yearly outcomes: a year that is over when the report is written (before the
    // report's year, or its own year in a report of the whole year) is that year's `helår`, as
    // a bare year column of past outcomes is in any table (``GridColumns``). A comparison with
    // every region, ranked (`306 (16 av 21)`), keeps its years without a period.
    let ranked = reader.rows.contains { $0.cells.contains { $0.rank != nil } }
    let yearPeriod = { (year: Int) -> String in
      guard !ranked, let reportYear = text.reportYear else { return "" }
      return year < reportYear || year == reportYear && text.reportPeriod == "helår" ? "helår" : ""
    }
    for row in reader.rows {
      let (indicator, labelUnit) = FigureText.splitUnit(row.label)
      for (column, cell) in row.cells.enumerated() {
        let isTarget = column >= header.years.count
        context.facts.append(Fact(
          report: text.reportID, section: FigureText.section(text, cell.line), table: table,
          indicator: indicator,
          measure: isTarget ? header.target ?? "" : String(header.years[column]),
          kind: isTarget ? .mål : .utfall, period: isTarget ? targetPeriod : yearPeriod(header.years[column]),
          year: isTarget ? targetYear : header.years[column], value: cell.value,
          unit: !labelUnit.isEmpty ? labelUnit : (!cell.unit.isEmpty || ranked ? cell.unit : GridReading.unit(ofLabel: row.label)),
          rank: cell.rank, rankOf: cell.rankOf,
          line: cell.line + 1))
      }
    }
    context.claim(reader.usedLines)
  }
}

/// The header of a comparison: `2017 2022 2023 2024 RHs mål*`.
struct ComparisonHeader: Sendable, Hashable {
  var years: [Int]
  /// The target column's title without its footnote mark (`RHs mål`), nil when none.
  var target: String?
  /// True when the target title carries a footnote mark `*`.
  var targetMarked: Bool
  var columnCount: Int { years.count + (target == nil ? 0 : 1) }

  /// A cheap test before ``init(line:)``, on the line's cleaned text: false unless two words in
  /// a row are years (four digits from `19` or `20`), as a header's first two years are.
  static func mayStart(_ cleaned: String) -> Bool {
    // Two years and the space between them take nine bytes.
    cleaned.utf8.count >= 9 && cleaned.utf8.withContiguousStorageIfAvailable(hasYearPair) ?? true
  }

  /// True when two words in a row are years; the candidates are found eight bytes at a time
  /// (a year word starts with `1` or `2`, found as a byte from `0` to `3`).
  static func hasYearPair(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func isYear(at i: Int) -> Bool {
      guard i + 4 <= bytes.count, i == 0 || bytes[i - 1] == 0x20, i + 4 == bytes.count || bytes[i + 4] == 0x20 else {
        return false
      }
      let century = bytes[i] == 0x31 && bytes[i + 1] == 0x39 || bytes[i] == 0x32 && bytes[i + 1] == 0x30
      return century && bytes[i + 2] >= 0x30 && bytes[i + 2] <= 0x39 && bytes[i + 3] >= 0x30 && bytes[i + 3] <= 0x39
    }
    var from = 0
    while let i = ByteSearch.firstIndex(of: 0x33, in: bytes, from: from, orMask: 0x03) {
      from = i + 1
      if isYear(at: i) && isYear(at: i + 5) { return true }
    }
    return false
  }

  /// Reads a header line; nil when the line is not one.
  init?(line: String) {
    guard ByteSearch.hasDigitRun(line, 4) else { return nil }  // cheap test: a year needs four digits
    let words = NumberRun.words(in: Substring(line)).map { String($0.text) }
    guard let firstYear = words.firstIndex(where: { FigureText.year($0) != nil }),
      !words[..<firstYear].contains(where: { FigureText.hasDigit($0) })
    else { return nil }
    var years: [Int] = []
    var index = firstYear
    while index < words.count, let year = FigureText.year(words[index]), year > (years.last ?? 0) {
      years.append(year)
      index += 1
    }
    guard years.count >= 2 else { return nil }
    let rest = words[index...]
    guard rest.count <= 4 else { return nil }
    if rest.isEmpty {
      target = nil
      targetMarked = false
    } else {
      let title = rest.joined(separator: " ")
      guard !FigureText.hasDigit(title), ByteSearch.has(title.lowercased(), "mål") else { return nil }
      targetMarked = ByteSearch.has(title, "*")
      target = FigureText.clean(title.filter { $0 != "*" })
    }
    self.years = years
  }
}

/// One value of a comparison row, with the rank written after it.
struct ComparisonCell: Sendable, Hashable {
  var value: Number
  var unit: String
  var rank: Int?
  var rankOf: Int?
  /// The 0-based line the value stands on.
  var line: Int
}

/// Gathers label lines and cells into rows under a ``ComparisonHeader``.
struct RowReader {
  struct Row {
    var label: String
    var cells: [ComparisonCell]
  }

  enum Step { case `continue`, end }

  let header: ComparisonHeader
  var rows: [Row] = []
  var warnings: [(line: Int, message: String)] = []
  var usedLines: [Int] = []
  var blankRun = 0
  private var labelLines: [String] = []
  private var labelIndexes: [Int] = []
  private var cells: [ComparisonCell] = []

  init(header: ComparisonHeader) {
    self.header = header
  }

  /// Reads one non-blank line of the block.
  mutating func read(_ raw: String, cleaned: String, index: Int) -> Step {
    blankRun = 0
    var tail = ComparisonTail(line: raw, index: index, needed: header.columnCount - cells.count)
    if !cells.isEmpty, tail.map({ !$0.labelText.isEmpty }) ?? true,
      let fresh = ComparisonTail(line: raw, index: index, needed: header.columnCount), !fresh.labelText.isEmpty
    {
      // A new labelled row begins while the previous one still lacks values.
      flushIncomplete(reason: "fewer values than columns")
      tail = fresh
    }
    guard let tail else {
      flushIncomplete(reason: "values that cannot be aligned with the columns")
      warnings.append((index, "comparison row values cannot be aligned with the \(header.columnCount) columns"))
      usedLines.append(index)
      return .continue
    }
    if tail.cells.isEmpty {
      // A label line: prose or too many label lines end the block.
      if !FigureText.hasAtMost(90, charactersIn: cleaned) || FigureText.endsWithFullStop(cleaned)
        || labelLines.count >= 3 && cells.isEmpty
      {
        return .end
      }
      if !cells.isEmpty { flushIncomplete(reason: "fewer values than columns") }
      labelLines.append(tail.labelText)
      labelIndexes.append(index)
      return .continue
    }
    if !tail.labelText.isEmpty {
      if !cells.isEmpty { flushIncomplete(reason: "fewer values than columns") }
      labelLines.append(tail.labelText)
      labelIndexes.append(index)
    }
    cells += tail.cells
    usedLines.append(index)
    if cells.count == header.columnCount { completeRow() }
    return .continue
  }

  /// Called at the end of the block.
  mutating func finish() {
    if !cells.isEmpty { flushIncomplete(reason: "fewer values than columns") }
  }

  private mutating func completeRow() {
    rows.append(Row(label: FigureText.join(labelLines), cells: cells))
    usedLines += labelIndexes
    reset()
  }

  private mutating func flushIncomplete(reason: String) {
    guard !cells.isEmpty || !labelLines.isEmpty else { return }
    let first = labelIndexes.first ?? cells.first?.line ?? 0
    if !cells.isEmpty {
      warnings.append((first, "comparison row '\(FigureText.join(labelLines))' has \(reason): \(cells.count) values for \(header.columnCount) columns"))
      usedLines += labelIndexes
    }
    reset()
  }

  private mutating func reset() {
    labelLines = []
    labelIndexes = []
    cells = []
  }
}

/// The cells at the end of one line of a comparison block, and the label text before them.
struct ComparisonTail {
  /// The label part of the line as written (raw, so line re-joining sees its trailing space).
  var labelText: String
  var cells: [ComparisonCell]

  /// Reads the cells from the right end of the line, at most `needed` of them.
  /// Nil when the values cannot be read (a rank with no value before it, a run that cannot be
  /// split, more values than `needed`).
  init?(line: String, index: Int, needed: Int) {
    let words = NumberRun.words(in: Substring(line))
    var segments: [(tokens: [Substring], rank: (Int, Int)?)] = []
    var tokens: [Substring] = []
    var rank: (Int, Int)?
    var cursor = words.count - 1
    while cursor >= 0 {
      if cursor >= 2, let parsed = Self.rank(words[cursor - 2].text, words[cursor - 1].text, words[cursor].text) {
        guard rank == nil || !tokens.isEmpty else { return nil }
        if !tokens.isEmpty || rank != nil { segments.append((tokens, rank)) }
        tokens = []
        rank = parsed
        cursor -= 3
        continue
      }
      switch NumberWord.classify(words[cursor].text) {
      case .digits, .sign, .unit("%"):
        tokens.insert(words[cursor].text, at: 0)
        cursor -= 1
        continue
      default: break
      }
      break
    }
    if !tokens.isEmpty || rank != nil { segments.append((tokens, rank)) }
    segments.reverse()
    var labelEnd = cursor + 1
    var cells: [ComparisonCell] = []
    for (position, segment) in segments.enumerated() {
      guard !segment.tokens.isEmpty else { return nil }
      let numbers: [SwedishNumber]
      if segment.rank != nil {
        let split = NumberRun.splitNumberRun(segment.tokens, expectedCount: 1)
        guard split.numbers.count == 1, split.labelAtoms == 0 || position == 0 else { return nil }
        numbers = split.numbers
      } else {
        let remaining = needed - cells.count
        guard remaining > 0, let split = Self.split(segment.tokens, into: remaining) else { return nil }
        numbers = split
      }
      // Numbers split from `tokens` carry their 1-based word position as `column`; words
      // before the first one belong to the label (`… per 1000 invånare`).
      let firstUsed = max((numbers.first?.column ?? 1) - 1, 0)
      guard firstUsed == 0 || position == 0 else { return nil }
      labelEnd += firstUsed
      for (offset, number) in numbers.enumerated() {
        let rank = offset == numbers.count - 1 ? segment.rank : nil
        cells.append(ComparisonCell(value: number.value, unit: number.unit, rank: rank?.0, rankOf: rank?.1, line: index))
      }
    }
    guard cells.count <= needed else { return nil }
    if let first = words.first, labelEnd > 0 {
      let utf8 = line.utf8
      let from = utf8.index(utf8.startIndex, offsetBy: first.column - 1)
      let to = labelEnd < words.count ? utf8.index(utf8.startIndex, offsetBy: words[labelEnd].column - 1) : utf8.endIndex
      labelText = String(Substring(utf8[from..<to]))
    } else {
      labelText = ""
    }
    self.cells = cells
  }

  /// `(16`, `av`, `21)` → (16, 21).
  static func rank(_ open: Substring, _ middle: Substring, _ close: Substring) -> (Int, Int)? {
    guard middle == "av", open.hasPrefix("("), close.hasSuffix(")"),
      let rank = Int(open.dropFirst()), let of = Int(close.dropLast()), rank >= 1, of >= rank
    else { return nil }
    return (rank, of)
  }

  /// Splits an unranked run of words into at most `count` numbers: the layout's reading when
  /// it gives that many, else the thousands-group reading with exactly `count` numbers (in a
  /// comparison every column normally has a value), else the layout's reading with fewer.
  static func split(_ tokens: [Substring], into count: Int) -> [SwedishNumber]? {
    let split = NumberRun.splitNumberRun(tokens, expectedCount: count)
    if split.labelAtoms == 0, split.numbers.count < count {
      let words = tokens.enumerated().map { NumberRun.Word(text: $0.element, column: $0.offset + 1) }
      let atoms = NumberRun.atoms(words, from: 0)
      if let exact = NumberRun.exactReading(atoms[...], count: count) {
        let numbers = exact.compactMap { NumberRun.makeNumber(atoms[...], span: $0) }
        if numbers.count == count { return numbers }
      }
    }
    return split.numbers.isEmpty ? nil : split.numbers
  }
}
