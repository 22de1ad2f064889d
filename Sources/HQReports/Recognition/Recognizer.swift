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
  var headingLines: Set<Int> = []
}

/// What recognizers produce, and which lines are already taken.
struct RecognitionContext {
  var facts: [Fact] = []
  var goals: [Goal] = []
  var warnings: [IngestWarning] = []
  /// Line indexes (0-based) some recognizer has read numbers from.
  var claimed: Set<Int> = []

  mutating func claim(_ lines: some Sequence<Int>) {
    claimed.formUnion(lines)
  }

  func isClaimed(_ line: Int) -> Bool { claimed.contains(line) }
}
