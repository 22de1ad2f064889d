import HQData
import HQSyntax

/// Why execution stopped: an error to show at a place in the source, or a Ctrl-C.
enum RuntimeFailure: Error {
  case diagnostic(Diagnostic)
  case cancelled

  static func error(_ message: String, at range: SourceRange, help: String? = nil) -> RuntimeFailure {
    .diagnostic(Diagnostic(.error, message, at: range, help: help))
  }
}

/// Polls the session's ``CancellationToken`` from long loops (every few thousand rows) and
/// between stages, so Ctrl-C stops a query over millions of rows promptly.
struct CancellationCheck {
  let token: CancellationToken?

  static let none = CancellationCheck(token: nil)

  @inline(__always)
  func check() throws(RuntimeFailure) {
    if let token, token.isCancelled { throw .cancelled }
  }

  /// Checks every 4096 iterations of a loop counter.
  @inline(__always)
  func check(every row: Int) throws(RuntimeFailure) {
    if row & 4095 == 0 { try check() }
  }
}
