import HQData
import HQSyntax

/// Runs checked stages over a table, one stage at a time, each producing a new table.
/// Three pairs run fused: `sort | take` as a bounded top-N, `where | count` without gathering,
/// `join | count` without pairing rows or gathering columns. Stages that keep their input's
/// columns carry only the ones read later (``pruned(_:_:)``).
///
/// Every stage works on whole columns: `where` builds a selection vector and gathers,
/// `summarize`/`distinct`/`compare`/`pivot`/`join` number their keys with ``Grouping``,
/// `sort`/`top` use the stable radix sort in ``Sorting``. Cancellation is polled between
/// stages and inside long loops.
struct Executor {
  let cancellation: CancellationCheck
  /// The most bytes a join may allocate for its result (``Engine/memoryBudget``).
  var memoryBudget: Int = .max
  /// Where stages note what the analyst should know about a result that is not an error.
  var warnings = WarningLog()

  /// Runs stages in order. `sort` directly followed by `take` runs as one `top`, so only the
  /// rows that are kept get sorted and gathered.
  func run(_ stages: [PlanStage], on input: Table) throws(RuntimeFailure) -> Table {
    var table = input
    var stages = stages
    // Stages that keep their columns carry only those read later (``pruned(_:_:)``).
    if let narrower = Self.pruned(stages, input) {
      stages = narrower.stages
      table = narrower.input
    }
    var i = 0
    while i < stages.count {
      if case .sort(let keys) = stages[i], i + 1 < stages.count, case .take(let n) = stages[i + 1] {
        table = try run(.top(keys, n), on: table)
        i += 2
      } else if case .join(let spec) = stages[i], i + 1 < stages.count, case .count = stages[i + 1] {
        // Counting a join's rows needs neither its row pairs nor its columns.
        table = countTable(try joinCount(spec, table), name: table.name)
        i += 2
      } else if case .filter(let predicate) = stages[i], i + 1 < stages.count, case .count = stages[i + 1] {
        // Counting what a filter keeps needs no gathered columns.
        let kept = try Evaluator(table: table, cancellation: cancellation).selection(predicate).count
        if kept == 0 { warnAboutMissingTexts(predicate, table) }
        table = countTable(kept, name: table.name)
        i += 2
      } else {
        table = try run(stages[i], on: table)
        i += 1
      }
    }
    return table
  }

  func run(_ stage: PlanStage, on input: Table) throws(RuntimeFailure) -> Table {
    try cancellation.check()
    let evaluator = Evaluator(table: input, cancellation: cancellation)
    switch stage {
    case .filter(let predicate):
      let rows = try evaluator.selection(predicate)
      if rows.count == input.rowCount { return input }
      if rows.isEmpty { warnAboutMissingTexts(predicate, input) }
      return try input.gathered(rows, cancellation: cancellation)
    case .project(let items):
      var columns: [Column] = []
      for item in items { columns.append(try evaluator.column(item.expr, name: item.name)) }
      return Table(name: input.name, columns: columns)
    case .summarize(let summary):
      return try summarize(summary, input, evaluator)
    case .sort(let keys):
      return try input.gathered(order(keys, evaluator), cancellation: cancellation)
    case .top(let keys, let n):
      var specs: [SortSpec] = []
      for key in keys { specs.append(SortSpec(column: try evaluator.column(key.expr, name: ""), descending: key.descending)) }
      return input.gathered(try Sorting.firstRows(specs, limit: n, rowCount: input.rowCount, cancellation: cancellation))
    case .topPer(let keys, let n, let per):
      return try topPer(keys, n, per: per, input, evaluator)
    case .window(let spec):
      return try window(spec, input, evaluator)
    case .take(let n):
      return Table(name: input.name, columns: input.columns.map { $0.prefix(max(0, n)) })
    case .distinct(let indexes):
      let keys = indexes.map { input.columns[$0] }
      let grouping = try Grouping.make(keys: keys, rowCount: input.rowCount, cancellation: cancellation)
      return Table(name: input.name, columns: keys.map { $0.gathered(grouping.firstRow) })
    case .count:
      return countTable(input.rowCount, name: input.name)
    case .describe:
      return try describe(input)
    case .compare(let spec):
      return try compare(spec, input, evaluator)
    case .pivot(let spec):
      return try pivot(spec, input, evaluator)
    case .join(let spec):
      return try join(spec, input)
    case .union(let spec):
      return try union(spec, input)
    case .unpivot(let spec):
      return try unpivot(spec, input)
    case .chart:
      // The engine arranges the rows as a chart (``chart(_:_:)``); they pass unchanged.
      return input
    }
  }

  /// The one-row, one-column result of `count`.
  func countTable(_ n: Int, name: String) -> Table {
    let column = Column(
      name: "count", type: .number, storage: .number(mantissas: [Int64(n)], scales: [], uniformScale: 0), nulls: nil, count: 1)
    return Table(name: name, columns: [column])
  }

  private func order(_ keys: [BoundSortKey], _ evaluator: Evaluator) throws(RuntimeFailure) -> [Int32] {
    var specs: [SortSpec] = []
    for key in keys { specs.append(SortSpec(column: try evaluator.column(key.expr, name: ""), descending: key.descending)) }
    return try Sorting.order(specs, rowCount: evaluator.rowCount, cancellation: cancellation)
  }

  private func summarize(_ summary: Summary, _ input: Table, _ evaluator: Evaluator) throws(RuntimeFailure) -> Table {
    var keys: [Column] = []
    for key in summary.keys { keys.append(try evaluator.column(key.expr, name: key.name)) }
    var grouping = try Grouping.make(keys: keys, rowCount: input.rowCount, cancellation: cancellation)
    if summary.keys.isEmpty && grouping.groupCount == 0 {
      // Without `by`, an empty input still summarizes to one row (count 0, sums null).
      grouping = Grouping(groupOf: [], groupCount: 1, firstRow: [-1])
    }
    var columns = keys.map { $0.gathered(grouping.firstRow) }
    for (i, call) in summary.aggregates.enumerated() {
      let argument = try call.argument.map { e throws(RuntimeFailure) in try evaluator.column(e, name: "") }
      columns.append(try Aggregation.compute(call, argument: argument, grouping: grouping, name: "#\(i)", cancellation: cancellation))
    }
    let intermediate = Table(name: input.name, columns: columns)
    let outer = Evaluator(table: intermediate, cancellation: cancellation)
    var out: [Column] = Array(intermediate.columns.prefix(summary.keys.count))
    for item in summary.outputs { out.append(try outer.column(item.expr, name: item.name)) }
    return Table(name: input.name, columns: out)
  }
}
