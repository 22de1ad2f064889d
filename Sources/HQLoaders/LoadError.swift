/// Why a file could not be loaded, with the place in the file when there is one.
///
/// Rendered as `FILE:LINE:COL: error: MESSAGE`, the form editors and CI logs understand, and
/// the message says what was expected (`expected 5 fields, got 4`). A load that throws has
/// produced nothing: callers keep their data exactly as it was.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as the user gave it.
  public var file: String
  /// 1-based; nil when the error concerns the whole file (missing, unreadable, unknown kind).
  public var line: Int?
  /// 1-based, counted in characters of the line; nil with `line`.
  public var column: Int?
  public var message: String

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    if let line {
      return "\(file):\(line):\(column ?? 1): error: \(message)"
    }
    return "\(file): error: \(message)"
  }
}
