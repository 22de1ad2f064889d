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
/// One report is read on one thread, in this order; several files are ingested side by side
/// (the shell's `--load`).
///
/// Never fails and never traps: whatever cannot be read becomes an ``IngestWarning``.
///
/// - Complexity: linear in the text's length.
public enum ReportIngester {
  /// - Parameters:
  ///   - text: the whole report text, as extracted from the PDF.
  ///   - source: the file name, used for the report's `source` and in warnings.
  public static func ingest(text: String, source: String) -> IngestResult {
    ingest(text: text, source: source, isCancelled: { false })
  }

  /// ``ingest(text:source:)`` that asks `isCancelled` (Ctrl-C) between its stages (every reader
  /// of the text in turn) and stops with an empty,
  /// ``IngestResult/wasCancelled`` result when it says so.
  public static func ingest(text: String, source: String, isCancelled: () -> Bool) -> IngestResult {
    var cancelled: IngestResult {
      var result = IngestResult(model: ReportModel(), warnings: [])
      result.wasCancelled = true
      return result
    }
    if isCancelled() { return cancelled }
    let lines = TextLines.split(text)
    if isCancelled() { return cancelled }
    let cleaned = lines.map { TextLines.clean($0) }
    let headings = SectionHeadings.find(in: lines, cleaned: cleaned)
    let furniture = PageFurniture.find(in: lines, cleaned: cleaned)
    if isCancelled() { return cancelled }
    let identity = ReportIdentity.read(lines, furniture: furniture)
    let sectionTitles = titlesByLine(headings, lineCount: lines.count)
    let headingLines = LineSet(headings.flatMap { $0.line..<$0.endLine })
    var reportText = ReportText(
      source: source, reportID: identity.id, lines: lines, cleaned: cleaned, documentUnit: identity.documentUnit,
      reportYear: identity.year, sectionTitles: sectionTitles, reportPeriod: identity.period,
      headingLines: headingLines)
    let furnitureLines = furniture.lineIndexes
    reportText.furniture = LineSet(furnitureLines)

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
    // The changes the prose states, for both grid readers' short rows (worked out when needed).
    var statedChanges: [ColumnNotes.StatedChange]?
    GridTables.readMarkdown(lines: lines, context: gridContext, changes: &statedChanges, into: &context)
    GridTables.readLayout(lines: lines, shapes: shapes, context: gridContext, into: &context)
    for recognizer in Recognizers.figures {
      recognizer.recognize(in: reportText, context: &context)
    }
    if isCancelled() { return cancelled }
    ChartsAndContents.read(lines: lines, shapes: shapes, context: gridContext, into: &context)
    if isCancelled() { return cancelled }
    GridTables.readText(
      lines: lines, cleaned: cleaned, shapes: shapes, context: gridContext, changes: &statedChanges, into: &context)
    for recognizer in Recognizers.tables {
      if isCancelled() { return cancelled }
      recognizer.recognize(in: reportText, context: &context)
    }
    if isCancelled() { return cancelled }
    ProseAmounts.read(lines: lines, shapes: shapes, context: gridContext, into: &context)
    if isCancelled() { return cancelled }
    RowChecks.apply(&context, lines: lines)

    let report = Report(
      id: identity.id, title: identity.title, organisation: identity.organisation, committee: identity.committee,
      year: identity.year,
      period: identity.period, kind: identity.kind, source: source, identityLine: identity.line.map { $0 + 1 })
    let model = ReportModel(
      reports: [report], facts: context.facts.sorted { $0.line < $1.line }, goals: context.goals,
      sections: sections(headings, lines: lines, cleaned: cleaned, reportID: reportID),
      lines: textLines(lines, cleaned: cleaned, titles: sectionTitles, reportID: reportID))
    var result = model
    result.unread = context.unread.sorted { $0.line < $1.line }
    // Each warning quotes its line, so it is shown with a caret under what was not read.
    let warnings = context.warnings.sorted { $0.line < $1.line }.map { warning in
      lines.indices.contains(warning.line - 1) ? warning.quoting(lines[warning.line - 1]) : warning
    }
    return IngestResult(model: result, warnings: warnings)
  }

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
