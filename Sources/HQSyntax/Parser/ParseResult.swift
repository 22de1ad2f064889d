/// What ``Parser/parse(_:)`` found in a source: the statements it could read and the
/// diagnostics for the parts it could not.
///
/// When `diagnostics` contains an error, `statements` holds only the statements before the
/// first error (a script stops there); run nothing if ``hasErrors``.
public struct ParseResult: Sendable {
  public var statements: [Statement]
  public var diagnostics: [Diagnostic]

  public init(statements: [Statement], diagnostics: [Diagnostic]) {
    self.statements = statements
    self.diagnostics = diagnostics
  }

  /// True when at least one diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
