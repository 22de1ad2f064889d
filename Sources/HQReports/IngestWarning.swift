/// Something in a report text that looked like data but could not be read; ingestion goes on.
///
/// Rendered as `FILE:LINE:COL: warning: MESSAGE`, the form editors and CI logs understand.
public struct IngestWarning: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int = 1, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(file):\(line):\(column): warning: \(message)" }
}
