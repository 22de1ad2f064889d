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

/// The warnings of one statement (a `compare` side that matches no row), in the order found;
/// the engine hands them over before the statement's result.
final class WarningLog {
  private(set) var diagnostics: [Diagnostic] = []

  func warn(_ message: String, at range: SourceRange, help: String? = nil) {
    diagnostics.append(Diagnostic(.warning, message, at: range, help: help))
  }
}

/// Polls the session's ``CancellationToken`` from long loops (every few thousand rows) and
/// between stages, so Ctrl-C stops a query over millions of rows promptly.
///
/// Hot kernels run their row loops in chunks of ``chunk`` rows through
/// ``forEachChunk(_:_:)``: one relaxed atomic load per chunk, nothing added per row.
struct CancellationCheck {
  let token: CancellationToken?

  static let none = CancellationCheck(token: nil)

  /// True once the statement was cancelled.
  var isCancelled: Bool { token?.isCancelled ?? false }

  /// Rows between polls in chunked loops. 32,768 rows take well under a millisecond in a
  /// release build and a few milliseconds in a debug build, so a cancelled statement stops
  /// long before the 100 ms target; one atomic load per chunk costs nothing measurable.
  static let chunk = 1 << 15

  /// Calls `body` with `0..<count` cut into ranges of ``chunk`` rows, polling before each.
  @inline(__always)
  func forEachChunk(_ count: Int, _ body: (Range<Int>) throws(RuntimeFailure) -> Void) throws(RuntimeFailure) {
    var start = 0
    while start < count {
      try check()
      let end = min(count, start &+ Self.chunk)
      try body(start..<end)
      start = end
    }
  }

  @inline(__always)
  func check() throws(RuntimeFailure) {
    if let token, token.isCancelled { throw .cancelled }
  }

  /// ``Collation/ranks(of:)``, stopping when the token is cancelled: ranking a dictionary of
  /// a million distinct strings takes longer than the whole 100 ms budget.
  func ranks(of dictionary: [String]) throws(RuntimeFailure) -> (primary: [UInt32], total: [UInt32]) {
    guard let token else { return Collation.ranks(of: dictionary) }
    guard let ranks = Collation.ranks(of: dictionary, isCancelled: { token.isCancelled }) else { throw .cancelled }
    return ranks
  }

  /// Checks every 4096 iterations of a loop counter.
  @inline(__always)
  func check(every row: Int) throws(RuntimeFailure) {
    if row & 4095 == 0 { try check() }
  }
}
