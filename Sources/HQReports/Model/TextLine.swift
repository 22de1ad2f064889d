/// One non-empty line of a report's text, for the `search` source.
public struct TextLine: Sendable, Hashable {
  public var report: String
  /// The title of the section the line stands in.
  public var section: String
  public var line: Int
  public var text: String

  public init(report: String, section: String, line: Int, text: String) {
    self.report = report
    self.section = section
    self.line = line
    self.text = text
  }
}
