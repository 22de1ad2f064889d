import HQDiagnostics

/// A shell-level failure (a meta command, a file): a message, or a whole ``Diagnostic`` when
/// it points into a file of its own (a load error at `data.csv:12:5`).
///
/// Shown through ``DiagnosticRenderer`` like every other message: a plain message is reported
/// against the line of the command that failed (``Session/report(_:name:line:text:help:)``).
public struct ShellError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// A suggested fix, shown on a `help:` line (`did you mean '.load'?`).
  public var help: String?
  /// The diagnostic with its own place, shown as it is instead of at the command's line.
  public var located: DiagnosticError?

  public init(_ message: String, help: String? = nil) {
    self.message = message
    self.help = help
    self.located = nil
  }

  /// A failure that already knows its place (a load error pointing into the loaded file).
  public init(_ error: DiagnosticError) {
    self.message = error.message
    self.located = error
  }

  /// True when the error has its own `FILE[:LINE:COL]` place (``located``).
  public var isLocated: Bool { located != nil }

  public var description: String { message }

  /// The error rendered on its own: its own place when it has one, else `NAME: error: MESSAGE`
  /// with `name` naming what failed (`hq` for the program itself).
  public func rendered(name: String = "hq", colour: Bool = false) -> String {
    (located ?? DiagnosticError(file: name, message, help: help)).rendered(colour: colour)
  }
}
