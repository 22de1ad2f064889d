/// A focus area (Fokusområde) and how far the report says it is met.
public struct Goal: Sendable, Hashable {
  public var report: String
  public var name: String
  public var status: GoalStatus
  /// The 1-based line of the focus area's title.
  public var line: Int

  public init(report: String, name: String, status: GoalStatus, line: Int) {
    self.report = report
    self.name = name
    self.status = status
    self.line = line
  }
}

/// "Uppfylls helt", "Uppfylls delvis", "Uppfylls inte".
public enum GoalStatus: String, Sendable, Hashable, CaseIterable {
  case helt
  case delvis
  case inte
}
