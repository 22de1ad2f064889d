/// Something in a report text that looked like data but could not be read; ingestion goes on.
///
/// Rendered as `FILE:LINE:COL: warning: MESSAGE`, the form editors and CI logs understand.
/// A loader's remark that is no problem (a CSV file read as Windows-1252) is a ``Severity/note``
/// in the same shape: `FILE:LINE:COL: note: MESSAGE`.
public struct IngestWarning: Sendable, Hashable, CustomStringConvertible {
  /// How serious the message is, as its rendering names it.
  public enum Severity: String, Sendable, Hashable {
    case warning
    case note
  }

  public var file: String
  public var line: Int
  public var column: Int
  public var message: String
  public var severity: Severity

  public init(file: String, line: Int, column: Int = 1, message: String, severity: Severity = .warning) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
  }

  public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}
