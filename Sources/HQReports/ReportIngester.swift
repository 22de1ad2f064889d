/// What ingesting one report text produced.
public struct IngestResult: Sendable {
  public var model: ReportModel
  public var warnings: [IngestWarning]
  /// True when ``ReportIngester/ingest(text:source:isCancelled:)`` was stopped (Ctrl-C);
  /// the model is then empty.
  public var wasCancelled = false

  public init(model: ReportModel, warnings: [IngestWarning]) {
    self.model = model
    self.warnings = warnings
  }
}

/// Turns the text of a Swedish public-sector report (extracted from PDF) into a report model.
///
/// The stages, each in its own file:
///
/// 1. ``TextLines/split(_:)``: the text's lines (1-based line numbers are index + 1).
/// 2. ``PageFurniture/find(in:)`` and ``ReportIdentity/read(_:furniture:)``: the page furniture
///    (markers, page numbers, running headers and footers), and from it and the title the
///    organisation, committee, kind, year, period, id and document unit.
/// 3. ``SectionHeadings/find(in:)``: the headings, and for every line the section it is in.
/// 4. ``Recognizers/all``: figure recognizers, then table recognizers, each claiming the lines
///    it read so no number is read twice.
///
/// Work that reads only the text runs on a second thread beside the sequence above
/// (``Alongside``): the page furniture and cleaning lines beside the headings, and the
/// sections, the lines table and the table scan's value lines beside the figure recognizers.
/// Results are the same either way.
///
/// Never fails and never traps: whatever cannot be read becomes an ``IngestWarning``.
///
/// - Complexity: linear in the text's length.
public enum ReportIngester {
  /// - Parameters:
  ///   - text: the whole report text, as extracted from the PDF.
  ///   - source: the file name, used for the report's `source` and in warnings.
  public static func ingest(text: String, source: String) -> IngestResult {
    ingest(text: text, source: source, concurrently: text.utf8.count >= secondCoreMinimumBytes)
  }

  /// ``ingest(text:source:)`` that asks `isCancelled` (Ctrl-C) between its stages (every reader
  /// of the text in turn) and stops with an empty,
  /// ``IngestResult/wasCancelled`` result when it says so.
  public static func ingest(text: String, source: String, isCancelled: () -> Bool) -> IngestResult {
    ingest(text: text, source: source, concurrently: text.utf8.count >= secondCoreMinimumBytes, isCancelled: isCancelled)
  }

  /// ``ingest(text:source:)``, saying whether the second core may be used (the tests compare
  /// both ways on the same text).
  static func ingest(text: String, source: String, concurrently: Bool, isCancelled: () -> Bool = { false }) -> IngestResult {
    var cancelled: IngestResult {
      var result = IngestResult(model: ReportModel(), warnings: [])
      result.wasCancelled = true
      return result
    }
    if isCancelled() { return cancelled }
    let lines = TextLines.split(text)
    if isCancelled() { return cancelled }
    // The headings, the page furniture, and each line's cleaned text: independent, so at once.
    // The cleaning is shared out in chunks, so the thread done first with its part takes more.
    let cleaning = ChunkQueue<String>(count: lines.count, chunkSize: 4096)
    let clean: @Sendable (Range<Int>) -> [String] = { lines[$0].map { TextLines.clean($0) } }
    let (headings, furniture) = Alongside.run({
      let headings = SectionHeadings.find(in: lines)
      cleaning.drain(clean)
      return headings
    }, alongside: {
      let furniture = PageFurniture.find(in: lines)
      cleaning.drain(clean)
      return furniture
    }, concurrently: concurrently)
    if isCancelled() { return cancelled }
    let identity = ReportIdentity.read(lines, furniture: furniture)
    let cleaned = cleaning.collected(clean)
    let sectionTitles = titlesByLine(headings, lineCount: lines.count)
    let headingLines = LineSet(headings.flatMap { $0.line..<$0.endLine })
    var reportText = ReportText(
      source: source, reportID: identity.id, lines: lines, cleaned: cleaned, documentUnit: identity.documentUnit,
      reportYear: identity.year, sectionTitles: sectionTitles, reportPeriod: identity.period,
      headingLines: headingLines)
    reportText.usesSecondCore = concurrently
    let furnitureLines = furniture.lineIndexes
    reportText.furniture = LineSet(furnitureLines)

    // The figure recognizers here; the sections, the lines table and the table scan's value
    // lines (all read from the text alone) on the other thread.
    var context = RecognitionContext()
    if isCancelled() { return cancelled }
    let reportID = identity.id
    // Each line's shape, read once for the table, chart and prose readers.
    let shapes = lines.map(ByteShape.init)
    // Markdown tables first: their form is unambiguous, and no other recognizer reads them.
    let gridContext = GridContext(
      reportID: identity.id, source: source, reportYear: identity.year, reportPeriod: identity.period,
      reportKind: identity.kind, documentUnit: identity.documentUnit, words: DocumentWords(lines: lines),
      sectionTitles: sectionTitles, headings: Set(headings.flatMap { $0.line..<$0.endLine }),
      furniture: furnitureLines, unitEvidence: UnitEvidence(lines: lines, shapes: shapes))
    GridTables.readMarkdown(lines: lines, context: gridContext, into: &context)
    GridTables.readLayout(lines: lines, shapes: shapes, context: gridContext, into: &context)
    let (_, prepared) = Alongside.run({
      for recognizer in Recognizers.figures {
        recognizer.recognize(in: reportText, context: &context)
      }
    }, alongside: {
      (
        sections: sections(headings, lines: lines, cleaned: cleaned, reportID: reportID),
        lines: textLines(lines, cleaned: cleaned, titles: sectionTitles, reportID: reportID),
        values: TableScan.valueLines(lines: lines, cleaned: cleaned, headingLines: headingLines)
      )
    }, concurrently: concurrently)
    if isCancelled() { return cancelled }
    reportText.readings.preload(prepared.values.rows)
    reportText.valueLines = prepared.values.isValueLine
    ChartsAndContents.read(lines: lines, shapes: shapes, context: gridContext, into: &context)
    if isCancelled() { return cancelled }
    GridTables.readText(lines: lines, cleaned: cleaned, shapes: shapes, context: gridContext, into: &context)
    for recognizer in Recognizers.tables {
      if isCancelled() { return cancelled }
      recognizer.recognize(in: reportText, context: &context)
    }
    if isCancelled() { return cancelled }
    ProseAmounts.read(lines: lines, shapes: shapes, context: gridContext, into: &context)
    if isCancelled() { return cancelled }

    let report = Report(
      id: identity.id, title: identity.title, organisation: identity.organisation, committee: identity.committee,
      year: identity.year,
      period: identity.period, kind: identity.kind, source: source, identityLine: identity.line.map { $0 + 1 })
    let model = ReportModel(
      reports: [report], facts: context.facts.sorted { $0.line < $1.line }, goals: context.goals,
      sections: prepared.sections, lines: prepared.lines)
    var result = model
    result.unread = context.unread.sorted { $0.line < $1.line }
    // Each warning quotes its line, so it is shown with a caret under what was not read.
    let warnings = context.warnings.sorted { $0.line < $1.line }.map { warning in
      lines.indices.contains(warning.line - 1) ? warning.quoting(lines[warning.line - 1]) : warning
    }
    return IngestResult(model: result, warnings: warnings)
  }

  /// Texts shorter than this are ingested on one thread: the bundled reports (40–60 KB) take
  /// a few milliseconds, less than handing work to threads saves, and several such files are
  /// loaded side by side instead (the shell's `--load`).
  static let secondCoreMinimumBytes = 256 << 10

  /// For each line, the title of the heading it stands under (the heading's own lines included).
  static func titlesByLine(_ headings: [SectionHeadings.Heading], lineCount: Int) -> [String] {
    var titles = [String](repeating: "", count: lineCount)
    for (index, heading) in headings.enumerated() {
      let end = index + 1 < headings.count ? headings[index + 1].line : lineCount
      guard heading.line < end, end <= lineCount else { continue }
      for line in heading.line..<end { titles[line] = heading.title }
    }
    return titles
  }

  static func sections(
    _ headings: [SectionHeadings.Heading], lines: [String], cleaned: [String], reportID: String
  ) -> [Section] {
    headings.enumerated().map { index, heading in
      let end = index + 1 < headings.count ? headings[index + 1].line : lines.count
      let body = heading.endLine < end ? heading.endLine..<end : 0..<0
      // A blank line cleans to nothing, and `join` skips it.
      let text = LineJoining.join(lines: lines, cleaned: cleaned, body)
      return Section(
        report: reportID, number: heading.number, title: heading.title, level: heading.level,
        line: heading.line + 1, text: text)
    }
  }

  static func textLines(_ lines: [String], cleaned: [String], titles: [String], reportID: String) -> [TextLine] {
    var result: [TextLine] = []
    result.reserveCapacity(lines.count)
    for index in lines.indices where !cleaned[index].isEmpty {
      result.append(TextLine(report: reportID, section: titles[index], line: index + 1, text: cleaned[index]))
    }
    return result
  }
}
