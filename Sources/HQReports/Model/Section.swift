/// A heading of a report and the prose under it (up to the next heading).
public struct Section: Sendable, Hashable {
  public var report: String
  /// The heading's number (`2.3.7`), empty for unnumbered headings.
  public var number: String
  public var title: String
  /// 1 for `2`, 2 for `2.3`, 3 for `2.3.7`; unnumbered headings take level 1.
  public var level: Int
  public var line: Int
  /// The prose under the heading, with the extraction's line breaks re-joined.
  public var text: String

  public init(report: String, number: String, title: String, level: Int, line: Int, text: String) {
    self.report = report
    self.number = number
    self.title = title
    self.level = level
    self.line = line
    self.text = text
  }
}
