import HQSyntax

/// A name or type error found before anything runs.
struct CheckFailure: Error {
  var diagnostic: Diagnostic

  init(_ severity: Diagnostic.Severity = .error, _ message: String, at range: SourceRange?, help: String? = nil) {
    diagnostic = Diagnostic(severity, message, at: range, help: help)
  }
}
