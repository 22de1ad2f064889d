import Synchronization

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
  /// Per line, whether it reads as a table value line (rule 1 of ``ColumnTableRecognizer``,
  /// claims aside), when the driver has worked it out ahead; nil makes the table scan decide
  /// line by line.
  var valueLines: [Bool]?
  /// The 0-based lines that are page furniture (``PageFurniture``): running headers and
  /// footers, page numbers and markers. Tables pass over them.
  var furniture = LineSet()
  /// Whether recognizers may put a second core to work on this text (``Alongside``). The driver
  /// says no for a short text: threads cost more than they save there, and several short texts
  /// are loaded side by side anyway.
  var usesSecondCore = true

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

/// A memo of ``NumberRun/read(_:expectedCount:)`` per line. A class so that a ``ReportText``
/// passed by value to every recognizer shares one memo; a lock makes it safe for recognizers
/// that read parts of the text on two threads at once (``ColumnTableRecognizer``). A reading is
/// made outside the lock: two threads may both make one, and they are the same.
final class LineReadings: Sendable {
  private let lines: [String]
  private let rows: Mutex<[NumberRun.Row?]>

  init(lines: [String]) {
    self.lines = lines
    self.rows = Mutex(Array(repeating: nil, count: lines.count))
  }

  /// Takes readings made elsewhere (nil where none was made); readings already here stay.
  func preload(_ known: [NumberRun.Row?]) {
    rows.withLock { rows in
      guard known.count == rows.count else { return }
      for index in rows.indices where rows[index] == nil { rows[index] = known[index] }
    }
  }

  subscript(index: Int) -> NumberRun.Row {
    if let row = rows.withLock({ $0[index] }) { return row }
    let row = NumberRun.read(Substring(lines[index]))
    rows.withLock { $0[index] = row }
    return row
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

  /// The same claims, and nothing found yet: the start of a part of the work done apart.
  func startingApart() -> RecognitionContext {
    RecognitionContext(claimed: claimed)
  }

  /// Adds what a part done apart (from ``startingApart()``) found, after what is here.
  mutating func append(_ part: RecognitionContext) {
    facts += part.facts
    goals += part.goals
    warnings += part.warnings
    unread += part.unread
    claimed.formUnion(part.claimed)
  }
}
