import HQData
import HQSyntax
import Synchronization

/// The query engine's façade: everything the shell needs, nothing about terminals.
///
/// Data flow (each stage stops the statement at its first errors):
///
///     SourceFile ─▶ Lexer ─▶ Parser ─▶ AST ─▶ Checker(catalog) ─▶ Executor ─▶ Table
///
/// One `Engine` lives for a session or a script run. It holds the sources (`catalog`: facts,
/// goals, sections, reports, lines, loaded tables), the views bound with `let`, and the
/// `$parameters`.
public struct Engine: Sendable {
  public var catalog: Catalog
  /// `$name` values set with `--set name=value` or `.set`.
  public var parameters: [String: Value] = [:]

  public init(catalog: Catalog) {
    self.catalog = catalog
  }

  /// Runs every statement of `source` in order (pipelines, `let` bindings), handing each
  /// pipeline's result to `output` as soon as it is computed.
  ///
  /// Stops at the first failing statement and throws its diagnostics; statements before it
  /// have run and their `let` bindings are kept. `cancellation` is polled while executing:
  /// once cancelled, the statement ends with ``EngineError/cancelled``.
  public mutating func run(
    _ source: SourceFile, cancellation: CancellationToken? = nil, output: (Table) -> Void
  ) throws(EngineError) {
    throw .diagnostics(DiagnosticError(source: source, diagnostics: [
      Diagnostic(.error, "the query language is not built yet", at: SourceRange(0, 0)),
    ]))
  }

  /// The columns available at the end of a (possibly incomplete) pipeline, for completion
  /// after `where`, `select`, `by`, `sort`…; nil when the prefix cannot be resolved.
  public func columns(afterPipelinePrefix prefix: String) -> [Field]? {
    nil
  }

  /// The names a statement may start `from` with: catalog tables and `let` views.
  public var sourceNames: [String] { catalog.names }
}

/// Why a statement did not produce its result.
public enum EngineError: Error, Sendable {
  /// Syntax, name, type or runtime errors, with locations.
  case diagnostics(DiagnosticError)
  /// The user pressed Ctrl-C.
  case cancelled
}

/// Set from a signal handler or another thread to stop a running statement.
public final class CancellationToken: Sendable {
  private let flag = Atomic<Bool>(false)

  public init() {}

  public func cancel() { flag.store(true, ordering: .relaxed) }
  public func reset() { flag.store(false, ordering: .relaxed) }
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
