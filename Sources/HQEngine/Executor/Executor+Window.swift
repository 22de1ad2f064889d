import HQData
import HQSyntax

extension Executor {
  /// `derive` with window calls: groups the rows by the `by` columns, orders each group by the
  /// `sort` keys (input order without them, and as the tiebreak), computes one column per call
  /// in the rows' input order, and evaluates the outputs over [input…, window columns…].
  ///
  /// - Complexity: O(rows × (keys + calls)) plus the sort; no allocation per row.
  func window(_ spec: WindowSpec, _ input: Table, _ evaluator: Evaluator) throws(RuntimeFailure) -> Table {
    let n = input.rowCount
    let grouping = try Grouping.make(keys: spec.keys.map { input.columns[$0] }, rowCount: n, cancellation: cancellation)
    var sortSpecs: [SortSpec] = []
    for key in spec.sort { sortSpecs.append(SortSpec(column: try evaluator.column(key.expr, name: ""), descending: key.descending)) }
    let order = sortSpecs.isEmpty ? nil : try Sorting.order(sortSpecs, rowCount: n, cancellation: cancellation)
    let groups = try orderedGroups(grouping, order: order)
    var columns = input.columns
    for (i, call) in spec.calls.enumerated() {
      try cancellation.check()
      let column: Column
      switch call.kind {
      case .aggregate(let aggregate):
        column = try windowAggregate(aggregate, grouping: grouping, groups: groups, evaluator: evaluator)
      case .offset(let argument, let offset):
        column = try evaluator.column(argument, name: "").gathered(try shifted(groups, by: offset, rowCount: n), cancellation: cancellation)
      case .rowNumber, .rank, .denseRank:
        column = try positions(call.kind, groups: groups, peers: try peerValues(sortSpecs), rowCount: n)
      case .runningSum(let argument):
        column = try runningSum(try evaluator.column(argument, name: ""), groups: groups, range: call.range)
      case .movingAverage(let argument, let rows):
        column = try movingAverage(try evaluator.column(argument, name: ""), rows: rows, groups: groups, range: call.range)
      }
      columns.append(column.renamed("#w\(i)"))
    }
    let wide = Evaluator(table: Table(name: input.name, columns: columns), cancellation: cancellation)
    var out: [Column] = []
    for item in spec.outputs { out.append(try wide.column(item.expr, name: item.name)) }
    return Table(name: input.name, columns: out)
  }

  /// The rows of each group, groups in order of first appearance, rows in `order` (input order
  /// when nil): a counting sort by group.
  func orderedGroups(_ grouping: Grouping, order: [Int32]?) throws(RuntimeFailure) -> (offsets: [Int], rows: [Int32]) {
    guard let order else { return try grouping.rowsByGroup(cancellation: cancellation) }
    var offsets = [Int](repeating: 0, count: grouping.groupCount + 1)
    let groupOf = grouping.groupOf
    try cancellation.forEachChunk(groupOf.count) { chunk in
      for r in chunk { offsets[Int(groupOf[r]) + 1] += 1 }
    }
    for g in 0..<grouping.groupCount { offsets[g + 1] += offsets[g] }
    var cursor = offsets
    var rows = [Int32](repeating: 0, count: order.count)
    try cancellation.forEachChunk(order.count) { chunk in
      for i in chunk {
        let row = order[i]
        let g = Int(groupOf[Int(row)])
        rows[cursor[g]] = row
        cursor[g] += 1
      }
    }
    return (offsets, rows)
  }

  /// For each row, the row `offset` places later in its group (-1 past either end).
  private func shifted(_ groups: (offsets: [Int], rows: [Int32]), by offset: Int, rowCount: Int) throws(RuntimeFailure) -> [Int32] {
    var source = [Int32](repeating: -1, count: rowCount)
    let (offsets, rows) = groups
    for g in 0..<(offsets.count - 1) {
      try cancellation.check(every: g)
      let start = offsets[g]
      let end = offsets[g + 1]
      for i in start..<end {
        // `offset` is at most Int32.max in magnitude, so this cannot overflow.
        let j = i + offset
        if j >= start && j < end { source[Int(rows[i])] = rows[j] }
      }
    }
    return source
  }

  /// The order-preserving values of the sort keys and their null masks, to tell ties apart.
  private func peerValues(_ specs: [SortSpec]) throws(RuntimeFailure) -> [(values: [UInt64], nulls: NullMask?)] {
    var out: [(values: [UInt64], nulls: NullMask?)] = []
    for spec in specs { out.append((try Sorting.sortValues(spec, cancellation: cancellation), spec.column.nulls)) }
    return out
  }

  /// `row_number()`, `rank()` (ties share the first position; gaps follow) or `dense_rank()`
  /// (no gaps). Rows tie when every sort key is equal (as `sort` orders them) or both null.
  private func positions(
    _ kind: WindowCall.Kind, groups: (offsets: [Int], rows: [Int32]), peers: [(values: [UInt64], nulls: NullMask?)], rowCount: Int
  ) throws(RuntimeFailure) -> Column {
    var numbers = [Int64](repeating: 0, count: rowCount)
    let (offsets, rows) = groups
    func tied(_ a: Int, _ b: Int) -> Bool {
      for key in peers {
        let an = key.nulls?[a] ?? false
        let bn = key.nulls?[b] ?? false
        if an != bn { return false }
        if !an && key.values[a] != key.values[b] { return false }
      }
      return true
    }
    for g in 0..<(offsets.count - 1) {
      try cancellation.check(every: g)
      var rank: Int64 = 0
      var dense: Int64 = 0
      for i in offsets[g]..<offsets[g + 1] {
        let row = Int(rows[i])
        let position = Int64(i - offsets[g] + 1)
        switch kind {
        case .rowNumber:
          numbers[row] = position
        default:
          if i == offsets[g] || !tied(Int(rows[i - 1]), row) {
            rank = position
            dense += 1
          }
          numbers[row] = kind.isDense ? dense : rank
        }
      }
    }
    return Column(name: "", type: .number, storage: .number(mantissas: numbers, scales: [], uniformScale: 0), nulls: nil, count: rowCount)
  }

  /// The exact sum of the group's non-null values up to each row; null until the first one.
  private func runningSum(_ values: Column, groups: (offsets: [Int], rows: [Int32]), range: SourceRange) throws(RuntimeFailure) -> Column {
    var results = [Number](repeating: .zero, count: values.count)
    var isNull = [Bool](repeating: true, count: values.count)
    let (offsets, rows) = groups
    for g in 0..<(offsets.count - 1) {
      try cancellation.check(every: g)
      var accumulator = NumberAccumulator()
      var total: Number?
      for i in offsets[g]..<offsets[g + 1] {
        let row = Int(rows[i])
        if !values.isNull(row) {
          accumulator.add(values.number(at: row))
          guard let sum = accumulator.total else { throw ValueSemantics.overflow(at: range) }
          total = sum
        }
        if let total {
          results[row] = total
          isNull[row] = false
        }
      }
    }
    return numberColumn(results, isNull)
  }

  /// The mean of the non-null values among each row and the `window - 1` rows before it in
  /// its group (fewer at the start of a group); null when all of them are null.
  private func movingAverage(
    _ values: Column, rows window: Int, groups: (offsets: [Int], rows: [Int32]), range: SourceRange
  ) throws(RuntimeFailure) -> Column {
    var results = [Number](repeating: .zero, count: values.count)
    var isNull = [Bool](repeating: true, count: values.count)
    let scale = values.maxScale
    let (offsets, rows) = groups
    for g in 0..<(offsets.count - 1) {
      try cancellation.check(every: g)
      var sum: Int128 = 0
      var count = 0
      let start = offsets[g]
      for i in start..<offsets[g + 1] {
        let row = Int(rows[i])
        if !values.isNull(row) {
          let (s, overflow) = sum.addingReportingOverflow(values.number(at: row).wide(atScale: scale))
          if overflow { throw ValueSemantics.overflow(at: range) }
          sum = s
          count += 1
        }
        if i - window >= start {
          let leaving = Int(rows[i - window])
          if !values.isNull(leaving) {
            sum -= values.number(at: leaving).wide(atScale: scale)
            count -= 1
          }
        }
        if count > 0 {
          guard let mean = Number.mean(sum: sum, scale: scale, count: count) else { throw ValueSemantics.overflow(at: range) }
          results[row] = mean
          isNull[row] = false
        }
      }
    }
    return numberColumn(results, isNull)
  }

  /// An aggregate of the row's group, repeated on each of its rows. `first` and `last` follow
  /// the group's order (the `sort` keys when there are some).
  private func windowAggregate(
    _ call: AggregateCall, grouping: Grouping, groups: (offsets: [Int], rows: [Int32]), evaluator: Evaluator
  ) throws(RuntimeFailure) -> Column {
    let argument = try call.argument.map { e throws(RuntimeFailure) in try evaluator.column(e, name: "") }
    let perGroup: Column
    if let argument, call.function == .first || call.function == .last {
      let (offsets, rows) = groups
      var picked = [Int32](repeating: -1, count: grouping.groupCount)
      for g in 0..<grouping.groupCount {
        let range = offsets[g]..<offsets[g + 1]
        let row = call.function == .first
          ? range.first { !argument.isNull(Int(rows[$0])) }
          : range.last { !argument.isNull(Int(rows[$0])) }
        if let row { picked[g] = rows[row] }
      }
      perGroup = argument.gathered(picked)
    } else {
      perGroup = try Aggregation.compute(call, argument: argument, grouping: grouping, name: "", cancellation: cancellation)
    }
    var rowsOfGroups = [Int32](repeating: 0, count: grouping.groupOf.count)
    try cancellation.forEachChunk(rowsOfGroups.count) { chunk in
      for r in chunk { rowsOfGroups[r] = Int32(grouping.groupOf[r]) }
    }
    return try perGroup.gathered(rowsOfGroups, cancellation: cancellation)
  }

  /// A number column from per-row results in input order.
  private func numberColumn(_ results: [Number], _ isNull: [Bool]) -> Column {
    var builder = NumberColumnBuilder(capacity: results.count)
    for r in results.indices {
      if isNull[r] { builder.appendNull() } else { builder.append(results[r]) }
    }
    return builder.build()
  }

  /// `top N by … per col, …`: the first N rows of each group in the keys' order.
  func topPer(_ keys: [BoundSortKey], _ limit: Int, per: [Int], _ input: Table, _ evaluator: Evaluator) throws(RuntimeFailure) -> Table {
    var specs: [SortSpec] = []
    for key in keys { specs.append(SortSpec(column: try evaluator.column(key.expr, name: ""), descending: key.descending)) }
    let grouping = try Grouping.make(keys: per.map { input.columns[$0] }, rowCount: input.rowCount, cancellation: cancellation)
    let order = try Sorting.order(specs, rowCount: input.rowCount, cancellation: cancellation)
    let (offsets, rows) = try orderedGroups(grouping, order: order)
    var kept: [Int32] = []
    for g in 0..<grouping.groupCount {
      let end = offsets[g] + min(max(0, limit), offsets[g + 1] - offsets[g])
      kept.append(contentsOf: rows[offsets[g]..<end])
    }
    return try input.gathered(kept, cancellation: cancellation)
  }
}

extension WindowCall.Kind {
  fileprivate var isDense: Bool {
    if case .denseRank = self { return true }
    return false
  }
}
