import HQData

/// Everything ingested from one or more reports: the four sources the language queries.
public struct ReportModel: Sendable {
  public var reports: [Report] = []
  public var facts: [Fact] = []
  public var goals: [Goal] = []
  public var sections: [Section] = []
  /// Every non-empty line of every report text, for `search`.
  public var lines: [TextLine] = []
  /// The numbers seen but not read as facts, with the reason.
  public var unread: [UnreadNumber] = []

  public init(
    reports: [Report] = [], facts: [Fact] = [], goals: [Goal] = [], sections: [Section] = [],
    lines: [TextLine] = [], unread: [UnreadNumber] = []
  ) {
    self.reports = reports
    self.facts = facts
    self.goals = goals
    self.sections = sections
    self.lines = lines
    self.unread = unread
  }

  /// Adds another model's rows after this one's.
  ///
  /// Merging a large report into a few small ones (the bundled reports) is the common case;
  /// then this model's rows are put in front of `other`'s instead, so the many rows are moved
  /// rather than copied one by one (when `other` is not shared).
  public mutating func merge(_ other: consuming ReportModel) {
    guard other.rowCount > rowCount else {
      reports += other.reports
      facts += other.facts
      goals += other.goals
      sections += other.sections
      lines += other.lines
      unread += other.unread
      return
    }
    var merged = other
    guard rowCount > 0 else {
      self = merged
      return
    }
    merged.reports.insert(contentsOf: reports, at: 0)
    merged.facts.insert(contentsOf: facts, at: 0)
    merged.goals.insert(contentsOf: goals, at: 0)
    merged.sections.insert(contentsOf: sections, at: 0)
    merged.lines.insert(contentsOf: lines, at: 0)
    merged.unread.insert(contentsOf: unread, at: 0)
    self = merged
  }

  /// The rows of all five sources together: a rough size.
  private var rowCount: Int {
    reports.count + facts.count + goals.count + sections.count + lines.count + unread.count
  }
}

// MARK: - The sources' column contract

/// The schemas follow the column declarations in ReportColumns.swift.
extension ReportModel {
  public static let factsSchema = factsColumns.schema
  public static let unreadSchema = unreadColumns.schema
  public static let goalsSchema = goalsColumns.schema
  public static let sectionsSchema = sectionsColumns.schema
  public static let linesSchema = linesColumns.schema
  public static let reportsSchema = reportsColumns.schema
}
