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
///
/// Numbers are exact decimals (``Number``: an `Int64` mantissa and a scale). Sums and
/// averages accumulate in `Int128`, so `9.4 + 16.1` is `25.5` at any row count; division
/// rounds half away from zero to 12 decimals; a result beyond 18 significant digits is an
/// error naming the expression, never a wrong number. Division by zero gives null, as in
/// SQLite.
///
/// Other choices the language documentation relies on:
/// - nulls follow SQL: comparisons with null are null, `where` keeps only true rows,
///   aggregates skip nulls (`first`/`last` give the first/last non-null value), `count()`
///   counts rows, nulls group together in `by` and never match in `join`;
/// - `~`, `!~` and `search` fold case, dashes, runs of white space and, one way, accents
///   (``FoldPattern``: `a` in the pattern finds `å`, `å` finds only `å`); `contains`,
///   `startswith`, `endswith` and `==` are exact; `<` and `sort` use Swedish order (``Collation``);
/// - `compare`'s `change_pct` is rounded to two decimals; its default keys are described at
///   `DefaultKeys` (Checker+Compare.swift);
/// - groups, distinct rows, compare and pivot keys appear in order of first appearance;
///   pivot columns in sorted order.
public struct Engine: Sendable {
  public var catalog: Catalog
  /// `$name` values set with `--set name=value` or `.set`.
  public var parameters: [String: Value] = [:]
  /// The views bound with `let NAME = …`, materialized when bound.
  public private(set) var views: [String: Table] = [:]
  /// The functions defined with `let NAME(PARAM, …) = EXPR`.
  public private(set) var functions: [String: UserFunction] = [:]
  /// The most bytes a `join` may allocate for its result; a join estimated to need more
  /// fails before allocating, with a diagnostic naming the join and the estimate.
  public var memoryBudget: Int = Engine.defaultMemoryBudget
  /// False to build every column a one-shot statement over a file reads whole, before its
  /// filter runs (no predicate pushdown, ``narrowing(_:kept:_:fields:)``): the same results,
  /// for comparing the two (`HQ_PUSHDOWN=0`).
  public var pushesPredicates = true

  /// The bytes a join producing `rows` rows from `columns` is estimated to need (the row
  /// index arrays and every gathered column); `Int.max` when that does not fit.
  public static func estimatedJoinBytes(rows: Int, columns: [Column]) -> Int {
    Executor.estimatedBytes(rows: rows, columns: columns)
  }

  /// Half the machine's physical memory (8 GiB when the system does not say).
  public static let defaultMemoryBudget: Int = {
    let physical = ByteSize.physicalMemory
    return physical > 0 ? physical / 2 : 8 << 30
  }()

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
    try run(source, cancellation: cancellation, warning: { _ in }, output: output)
  }

  /// ``run(_:cancellation:output:)``, handing each statement's warnings (a `compare` side
  /// that matches no row) to `warning` before its result goes to `output`. A chart's rows go
  /// to `output` as a table; ``run(_:cancellation:warning:result:)`` hands over the chart.
  public mutating func run(
    _ source: SourceFile, cancellation: CancellationToken? = nil, warning: (DiagnosticError) -> Void,
    output: (Table) -> Void
  ) throws(EngineError) {
    try run(source, cancellation: cancellation, warning: warning, result: { output($0.table) })
  }

  /// Runs every statement of `source` as ``run(_:cancellation:output:)`` does, handing each
  /// pipeline's result to `result`: a table, or a ``Chart`` for a pipeline ending in `chart`.
  public mutating func run(
    _ source: SourceFile, cancellation: CancellationToken? = nil, warning: (DiagnosticError) -> Void,
    result: (StatementResult) -> Void
  ) throws(EngineError) {
    let parsed = Parser.parse(source)
    if parsed.hasErrors {
      throw .diagnostics(DiagnosticError(source: source, diagnostics: parsed.diagnostics))
    }
    for statement in parsed.statements {
      if case .function(let name, let parameters, let body) = statement.kind {
        try define(name, parameters, body, statement: statement, in: source)
        continue
      }
      guard let pipeline = statement.pipeline else { continue }
      let warnings = WarningLog()
      let outcome = try execute(pipeline, in: source, cancellation: CancellationCheck(token: cancellation), warnings: warnings)
      if !warnings.diagnostics.isEmpty { warning(DiagnosticError(source: source, diagnostics: warnings.diagnostics)) }
      switch statement.kind {
      case .pipeline:
        result(outcome)
      case .binding(let name, _):
        views[name.name] = Table(name: name.name, columns: outcome.table.columns)
      case .function:
        break
      }
    }
  }

  /// The columns available at the end of a (possibly incomplete) pipeline, for completion
  /// after `where`, `select`, `by`, `sort`…; nil when the prefix cannot be resolved.
  ///
  /// An incomplete last stage (`from facts | where va`) is dropped, so the answer is the
  /// columns flowing into it. Nothing is executed; after a `pivot` (whose columns depend on
  /// the data) the answer is nil.
  public func columns(afterPipelinePrefix prefix: String) -> [Field]? {
    var text = Substring(prefix)
    for _ in 0..<64 {
      let source = SourceFile(name: "<completion>", text: String(text))
      let parsed = Parser.parse(source)
      if !parsed.hasErrors, let statement = parsed.statements.last {
        // A stage being typed may not check yet (`select na`): then its input is the answer.
        if let pipeline = statement.pipeline, let fields = try? staticColumns(pipeline, in: source) { return fields }
      }
      guard let bar = text.lastIndex(of: "|") else { return nil }
      text = text[..<bar]
    }
    return nil
  }

  /// Checks and keeps `let NAME(PARAM, …) = EXPR`. The body may use only its parameters,
  /// `$parameters`, and functions that exist (built in, or defined before it); a function
  /// defined again replaces the earlier one.
  mutating func define(
    _ name: Identifier, _ parameters: [Identifier], _ body: Expr, statement: Statement, in source: SourceFile
  ) throws(EngineError) {
    func fail(_ message: String, _ range: SourceRange, help: String? = nil) -> EngineError {
      .diagnostics(DiagnosticError(source: source, diagnostics: [Diagnostic(.error, message, at: range, help: help)]))
    }
    if Functions.all.contains(name.name) {
      throw fail("'\(name.name)' is a built-in function", name.range, help: "give your function another name, e.g. my_\(name.name)")
    }
    let names = parameters.map(\.name)
    for (column, range) in body.columnNames() where !names.contains(column) {
      let help = Suggestion.bestMatch(for: column, in: names).map { "did you mean '\($0)'?" }
        ?? (names.isEmpty ? "a function without parameters can use only constants" : "its parameters are: \(names.joined(separator: ", "))")
      throw fail("'\(column)' is not a parameter of \(name.name)", range, help: help + "; pass columns as arguments")
    }
    var unknown: (String, SourceRange)?
    func findUnknownCall(_ expr: Expr) {
      if case .call(let callee, _) = expr.kind, unknown == nil, !Functions.all.contains(callee.name), functions[callee.name] == nil {
        unknown = (callee.name, callee.range)
      }
      for child in expr.kind.children { findUnknownCall(child) }
    }
    findUnknownCall(body)
    if let (callee, range) = unknown {
      let help = callee == name.name ? "a function cannot call itself" : Suggestion.bestMatch(for: callee, in: Functions.all + functions.keys.sorted()).map { "did you mean '\($0)'?" }
      throw fail("unknown function '\(callee)'", range, help: help)
    }
    let definition = String(source.text.utf8.dropFirst(statement.range.start).prefix(statement.range.end - statement.range.start)) ?? name.name
    functions[name.name] = UserFunction(name: name.name, parameters: names, body: body, definition: definition)
  }

  /// The names a statement may start `from` with: catalog tables and `let` views.
  public var sourceNames: [String] {
    catalog.names + views.keys.sorted().filter { catalog[$0] == nil }
  }

  /// A `--set name=value` value: a number when the text reads as one (`2024`, `9.5`), else text.
  public static func parameterValue(_ text: String) -> Value {
    Number(text).map(Value.number) ?? .text(text)
  }

  /// A parameter value with text that reads as a number made a number.
  static func parameterValue(_ value: Value) -> Value {
    if case .text(let s) = value { return parameterValue(s) }
    return value
  }

  // MARK: Running a pipeline

  func checker(for source: SourceFile) -> Checker {
    Checker(source: source, parameters: parameters, functions: functions) { (pipelineSource) throws(CheckFailure) -> Table in
      try self.resolve(pipelineSource)
    }
  }

  /// Checks and runs a pipeline: checks as many stages as can be checked before running
  /// (all of them unless a `pivot` makes the columns depend on the data), runs them, and
  /// repeats from there.
  ///
  /// A pipeline from a table read column by column (``HQData/DeferredTable``) parses only the
  /// columns its stages read (``projected(_:_:checker:)``).
  func execute(
    _ pipeline: Pipeline, in source: SourceFile, cancellation: CancellationCheck, warnings: WarningLog = WarningLog()
  ) throws(EngineError) -> StatementResult {
    do {
      let checker = self.checker(for: source)
      var table: Table
      var first: Batch?
      if let deferred = deferredSource(pipeline.source), !pipeline.stages.isEmpty,
        let projected = try projected(pipeline, deferred, checker: checker, cancellation: cancellation, warnings: warnings)
      {
        table = projected.table
        first = projected.batch
      } else {
        table = try resolve(pipeline.source)
      }
      let executor = Executor(cancellation: cancellation, memoryBudget: memoryBudget, warnings: warnings)
      var next = 0
      while next < pipeline.stages.count {
        let batch = try first ?? plan(pipeline, from: next, input: table.schema.fields, checker: checker)
        first = nil
        next = batch.next
        table = try executor.run(batch.stages, on: table)
        // The result's columns carry the roles the checker gave them; after a `pivot`, whose
        // columns depend on the data, each column has the role of the pivot input's column of
        // its name, or its name's conventional role.
        let fields = batch.fields
        let roles = batch.known && fields.count == table.columns.count
          ? fields.map(\.role) : table.columns.map { Checker.role(of: $0.name, in: fields) }
        table = table.withRoles(roles)
        if case .chart(let spec)? = batch.stages.last {
          return .chart(try executor.chart(spec, table))
        }
      }
      return .table(table)
    } catch let failure as CheckFailure {
      // A table read for the check (a join's other side) stops with an error on Ctrl-C.
      if cancellation.isCancelled { throw .cancelled }
      throw .diagnostics(DiagnosticError(source: source, diagnostics: [failure.diagnostic]))
    } catch let failure as RuntimeFailure {
      switch failure {
      case .cancelled: throw .cancelled
      case .diagnostic(let d): throw .diagnostics(DiagnosticError(source: source, diagnostics: [d]))
      }
    } catch let failure as DiagnosticError {
      // A table's file could not be read (``DeferredTable``): the error names the file; a
      // read stopped by Ctrl-C is the statement cancelled.
      if cancellation.isCancelled { throw .cancelled }
      throw .diagnostics(failure)
    } catch {
      throw .diagnostics(DiagnosticError(source: source, diagnostics: [Diagnostic(.error, "\(error)", at: pipeline.range)]))
    }
  }

  /// Stages checked together, up to the end or to one whose output depends on the data.
  struct Batch {
    var stages: [PlanStage]
    /// The columns after the last stage (its input's when ``known`` is false).
    var fields: [Field]
    /// False when the last stage's columns depend on the data (`pivot`).
    var known: Bool
    /// The index of the first stage not in the batch.
    var next: Int
  }

  /// Checks the stages from `start` on against `input`, as far as they can be checked.
  func plan(_ pipeline: Pipeline, from start: Int, input: [Field], checker: Checker) throws(CheckFailure) -> Batch {
    var batch = Batch(stages: [], fields: input, known: true, next: start)
    while batch.next < pipeline.stages.count {
      let (plan, output) = try checker.check(pipeline.stages[batch.next], input: batch.fields)
      batch.stages.append(plan)
      batch.next += 1
      guard let output else {
        batch.known = false
        break
      }
      batch.fields = output
    }
    return batch
  }

  private func staticColumns(_ pipeline: Pipeline, in source: SourceFile) throws(CheckFailure) -> [Field]? {
    // A table read column by column is not read for this: its unread columns' names are known.
    var fields: [Field]
    if case .named(let name) = pipeline.source.kind, views[name.name] == nil, let known = catalog.fields(of: name.name) {
      fields = known
    } else {
      fields = try resolve(pipeline.source, searching: false).schema.fields
    }
    let checker = self.checker(for: source)
    for stage in pipeline.stages {
      let (_, output) = try checker.check(stage, input: fields)
      guard let output else { return nil }
      fields = output
    }
    return fields
  }

  /// The table a `from`, `search` or `join` source names.
  func resolve(_ source: PipelineSource, searching: Bool = true) throws(CheckFailure) -> Table {
    switch source.kind {
    case .named(let name):
      if let view = views[name.name] { return view }
      if let deferred = catalog.deferred(name.name) {
        do throws(DiagnosticError) {
          return try deferred.table()
        } catch {
          throw CheckFailure(.error, "cannot read '\(name.name)': \(error.diagnostics.first?.message ?? "")", at: name.range)
        }
      }
      if let table = catalog[name.name] { return table }
      let names = sourceNames
      let help = Suggestion.bestMatch(for: name.name, in: names).map { "did you mean '\($0)'?" }
        ?? "the sources are: \(names.joined(separator: ", "))"
      throw CheckFailure(.error, "unknown source '\(name.name)'", at: name.range, help: help)
    case .search(let text, let textRange):
      guard let lines = catalog["lines"] else {
        throw CheckFailure(.error, "there are no report texts to search", at: source.range, help: "load a report first: .load report.txt")
      }
      // `search` reads the column of the report texts that the source declares as `text`.
      guard let textColumn = lines.schema.index(of: ColumnRole.text), lines.columns[textColumn].type == .text else {
        throw CheckFailure(.error, "the 'lines' table has no text column (role text) to search", at: textRange)
      }
      let projected = Table(name: "search", columns: lines.columns)
      guard searching else { return projected }
      let predicate = BoundExpr(
        .contains(
          BoundExpr(.column(textColumn), type: .text, range: textRange),
          BoundExpr(.literal(.text(text)), type: .text, range: textRange), negated: false),
        type: .bool, range: textRange)
      let rows = (try? Evaluator(table: projected, cancellation: .none).selection(predicate)) ?? []
      return projected.gathered(rows)
    }
  }
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
