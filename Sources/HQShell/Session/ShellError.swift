/// A shell-level failure (a meta command, a file), shown as one error line.
public struct ShellError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// True when `message` is already a whole `FILE:LINE:COL: error: …` line (a load error
  /// pointing into the loaded file), which is shown as is.
  public var isLocated: Bool

  public init(_ message: String, isLocated: Bool = false) {
    self.message = message
    self.isLocated = isLocated
  }

  public var description: String { message }
}
