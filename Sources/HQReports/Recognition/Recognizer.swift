/// The seam between the extractor's driver and the recognizers of each kind of table or figure.
///
/// The driver (``ReportIngester``) prepares a ``ReportText`` (lines, sections, the document's
/// default unit), then runs every recognizer in ``Recognizers/all`` in order. A recognizer looks
/// for its shape of data in lines no earlier recognizer has claimed, appends facts/goals/warnings
/// to the context, and claims the lines it used so no number is read twice.
protocol Recognizer {
  /// A short name for diagnostics and tests (`column-table`, `indicator-comparison`).
  var name: String { get }
  func recognize(in text: ReportText, context: inout RecognitionContext)
}

/// The report text as recognizers see it.
struct ReportText {
  /// The file name, for warnings.
  var source: String
  /// The ``Report/id``.
  var reportID: String
  /// The lines exactly as extracted (index 0 is line 1), no-break spaces included.
  var lines: [String]
  /// Each line's words joined by single ASCII spaces (``TextLines/clean(_:)``), empty for a
  /// blank line. Computed once by the driver: recognizers read it instead of re-cleaning.
  var cleaned: [String]
  /// The unit the document declares for amounts (`mnkr` from "Samtliga belopp redovisas i
  /// miljoner kronor (mnkr)"), empty when it declares none.
  var documentUnit: String
  /// The year the report is about, when known.
  var reportYear: Int?
  /// For each line index, the title of the section it stands in (empty before the first heading).
  var sectionTitles: [String]
  /// What the report covers (`jan–aug`, `helår`), empty when it does not say.
  var reportPeriod: String = ""
  /// The 0-based indexes of the lines that are headings (a table never reads through one).
  var headingLines = LineSet()
  /// Each line read as `label n1 … nk` with no expected count, computed on first use and shared
  /// by every recognizer (several of them ask the same line).
  let readings: LineReadings
  /// The 0-based lines that are page furniture (``PageFurniture``): running headers and
  /// footers, page numbers and markers. Tables pass over them.
  var furniture = LineSet()

  init(
    source: String, reportID: String, lines: [String], cleaned: [String], documentUnit: String,
    reportYear: Int?, sectionTitles: [String], reportPeriod: String = "", headingLines: LineSet = LineSet()
  ) {
    self.source = source
    self.reportID = reportID
    self.lines = lines
    self.cleaned = cleaned
    self.documentUnit = documentUnit
    self.reportYear = reportYear
    self.sectionTitles = sectionTitles
    self.reportPeriod = reportPeriod
    self.headingLines = headingLines
    self.readings = LineReadings(lines: lines)
  }

  /// ``NumberRun/read(_:expectedCount:)`` of line `index` with no expected count, cached.
  func row(_ index: Int) -> NumberRun.Row { readings[index] }
}

/// A memo of ``NumberRun/read(_:expectedCount:)`` per line, with the run of values each
/// reading split (``NumberRun/Run``), which the column tables split again for their column
/// count. A class so that a ``ReportText`` passed by value to every recognizer shares one memo.
final class LineReadings {
  private let lines: [String]
  private var rows: [NumberRun.Row?]
  private var runs: [NumberRun.Run?]

  init(lines: [String]) {
    self.lines = lines
    self.rows = Array(repeating: nil, count: lines.count)
    self.runs = Array(repeating: nil, count: lines.count)
  }

  subscript(index: Int) -> NumberRun.Row {
    if let row = rows[index] { return row }
    return read(index).row
  }

  /// The run of values at the end of line `index`, as its reading found it.
  func run(_ index: Int) -> NumberRun.Run {
    if let run = runs[index] { return run }
    return read(index).run
  }

  private func read(_ index: Int) -> (row: NumberRun.Row, run: NumberRun.Run) {
    let read = NumberRun.readKeepingRun(lines[index])
    rows[index] = read.row
    runs[index] = read.run
    return read
  }
}

/// What recognizers produce, and which lines are already taken.
struct RecognitionContext: Sendable {
  var facts: [Fact] = []
  var goals: [Goal] = []
  var warnings: [IngestWarning] = []
  /// Numbers seen but not read as facts.
  var unread: [UnreadNumber] = []
  /// Line indexes (0-based) some recognizer has read numbers from.
  var claimed = LineSet()

  mutating func claim(_ lines: some Sequence<Int>) {
    claimed.insert(contentsOf: lines)
  }

  func isClaimed(_ line: Int) -> Bool { claimed.contains(line) }
}
