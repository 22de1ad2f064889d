/// A number hq saw in a report but did not enter into `facts`, because its row or column
/// meaning is not determined; kept so the analyst can see it, with the reason.
public struct UnreadNumber: Sendable, Hashable {
  /// The ``Report/id``.
  public var report: String
  /// The section the number stands in.
  public var section: String
  /// The table's caption, empty when the number is not in a table.
  public var table: String
  /// The 1-based line of the report text.
  public var line: Int
  /// The number (or the row or cell holding it) as printed.
  public var text: String
  /// Why it was not read, in one short sentence (`4 values for 5 columns; which column is
  /// empty is not shown`).
  public var reason: String

  public init(report: String, section: String = "", table: String = "", line: Int, text: String, reason: String) {
    self.report = report
    self.section = section
    self.table = table
    self.line = line
    self.text = text
    self.reason = reason
  }
}
