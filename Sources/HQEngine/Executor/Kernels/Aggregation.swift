import HQData
import HQSyntax

/// Computes one aggregate per group, reading the argument column directly.
///
/// Sums and averages accumulate mantissas exactly (``NumberAccumulator``, `Int128`), so
/// `sum` over ten million report values is the number a person would get; nulls are skipped
/// as in SQL, and `count()` counts rows.
enum Aggregation {
  static func compute(
    _ call: AggregateCall, argument: Column?, grouping: Grouping, name: String,
    cancellation: CancellationCheck
  ) throws(RuntimeFailure) -> Column {
    let groups = grouping.groupCount
    let groupOf = grouping.groupOf
    guard let argument else {
      // count()
      var counts = [Int64](repeating: 0, count: groups)
      try cancellation.forEachChunk(groupOf.count) { chunk in
        for r in chunk { counts[Int(groupOf[r])] += 1 }
      }
      return Column(name: name, type: .number, storage: .number(mantissas: counts, scales: [], uniformScale: 0), nulls: nil, count: groups)
    }
    switch call.function {
    case .count:
      var counts = [Int64](repeating: 0, count: groups)
      try cancellation.forEachChunk(groupOf.count) { chunk in
        for r in chunk where !argument.isNull(r) { counts[Int(groupOf[r])] += 1 }
      }
      return Column(name: name, type: .number, storage: .number(mantissas: counts, scales: [], uniformScale: 0), nulls: nil, count: groups)
    case .count_distinct:
      let pairs = try KeyAtoms(ids: groupOf, cardinality: groups, hasNull: nil)
        .paired(with: KeyAtoms.make([argument], cancellation: cancellation), cancellation: cancellation)
      var seen = [Bool](repeating: false, count: pairs.cardinality)
      var counts = [Int64](repeating: 0, count: groups)
      try cancellation.forEachChunk(groupOf.count) { chunk in
        for r in chunk where !argument.isNull(r) {
          let id = Int(pairs.ids[r])
          if !seen[id] {
            seen[id] = true
            counts[Int(groupOf[r])] += 1
          }
        }
      }
      return Column(name: name, type: .number, storage: .number(mantissas: counts, scales: [], uniformScale: 0), nulls: nil, count: groups)
    case .sum, .avg:
      var accumulators = [NumberAccumulator](repeating: NumberAccumulator(), count: groups)
      guard case .number(let mantissas, let scales, let uniform) = argument.storage else {
        return .nulls(name: name, type: .number, count: groups)
      }
      try cancellation.forEachChunk(groupOf.count) { chunk in
        if let uniform, argument.nulls == nil {
          for r in chunk { accumulators[Int(groupOf[r])].add(mantissa: mantissas[r], scale: uniform) }
        } else {
          for r in chunk where !argument.isNull(r) {
            accumulators[Int(groupOf[r])].add(mantissa: mantissas[r], scale: uniform ?? scales[r])
          }
        }
      }
      var out = NumberColumnBuilder(capacity: groups)
      for acc in accumulators {
        if acc.count == 0 { out.appendNull(); continue }
        guard let result = call.function == .sum ? acc.total : acc.mean else {
          throw ValueSemantics.overflow(at: call.range)
        }
        out.append(result)
      }
      return out.build(name: name)
    case .min, .max, .first, .last:
      var best = [Int32](repeating: -1, count: groups)
      let better = try chooser(call.function, argument, cancellation: cancellation)
      try cancellation.forEachChunk(groupOf.count) { chunk in
        for r in chunk where !argument.isNull(r) {
          let g = Int(groupOf[r])
          if best[g] < 0 || better(r, Int(best[g])) { best[g] = Int32(r) }
        }
      }
      return argument.gathered(best).renamed(name)
    case .median, .stddev, .percentile, .variance:
      let (offsets, rows) = try grouping.rowsByGroup(cancellation: cancellation)
      var out = NumberColumnBuilder(capacity: groups)
      var values: [Number] = []
      let fraction = call.parameter?.number ?? Number(mantissa: 5, scale: 1)
      for g in 0..<groups {
        try cancellation.check(every: g)
        values.removeAll(keepingCapacity: true)
        for i in offsets[g]..<offsets[g + 1] where !argument.isNull(Int(rows[i])) {
          values.append(argument.number(at: Int(rows[i])))
        }
        let result: Number?
        switch call.function {
        case .median: result = median(&values)
        case .stddev: result = standardDeviation(values)
        case .variance: result = variance(values)
        default:
          guard !values.isEmpty else { out.appendNull(); continue }
          guard let p = percentile(&values, fraction) else { throw ValueSemantics.overflow(at: call.range) }
          result = p
        }
        if let result { out.append(result) } else { out.appendNull() }
      }
      return out.build(name: name)
    case .spark:
      let (offsets, rows) = try grouping.rowsByGroup(cancellation: cancellation)
      var out = ColumnBuilder(name: name, type: .text, capacity: groups)
      var values: [Double?] = []
      for g in 0..<groups {
        try cancellation.check(every: g)
        values.removeAll(keepingCapacity: true)
        for i in offsets[g]..<offsets[g + 1] {
          let row = Int(rows[i])
          values.append(argument.isNull(row) ? nil : argument.number(at: row).doubleValue)
        }
        out.appendText(CellCharts.spark(values))
      }
      return out.build()
    case .list:
      let (offsets, rows) = try grouping.rowsByGroup(cancellation: cancellation)
      let separator = call.parameter?.text ?? ", "
      var out = ColumnBuilder(name: name, type: .text, capacity: groups)
      for g in 0..<groups {
        try cancellation.check(every: g)
        var text = ""
        var any = false
        for i in offsets[g]..<offsets[g + 1] where !argument.isNull(Int(rows[i])) {
          if any { text += separator }
          text += argument.value(at: Int(rows[i])).description
          any = true
        }
        if any { out.appendText(text) } else { out.appendNull() }
      }
      return out.build()
    }
  }

  /// The continuous percentile (as SQL's `percentile_cont` and DuckDB's `quantile_cont`):
  /// the value at position p × (n − 1) of the sorted values, interpolated linearly between
  /// the two values around it. Exact; nil only when the interpolation overflows.
  static func percentile(_ values: inout [Number], _ p: Number) -> Number? {
    values.sort()
    guard let position = p.multiplying(Number(values.count - 1)) else { return nil }
    let below = position.floor
    guard let index = below.intValue, index >= 0, index < values.count else { return nil }
    let low = values[index]
    if index + 1 >= values.count { return low }
    guard let fraction = position.subtracting(below), let gap = values[index + 1].subtracting(low),
      let step = fraction.multiplying(gap), let result = low.adding(step)
    else { return nil }
    return result.normalized
  }

  /// The sample variance (n − 1), as SQL's `variance`/`var_samp`; null for fewer than two
  /// values. Exact (n·Σx² − (Σx)²) / (n(n − 1)), rounded to 12 decimals, while the sums fit
  /// 128 bits; in double precision beyond that (the square of the standard deviation).
  static func variance(_ values: [Number]) -> Number? {
    guard values.count >= 2 else { return nil }
    if let exact = Number.exactSampleVariance(values) { return exact }
    guard let deviation = standardDeviation(values) else { return nil }
    return Number(approximating: deviation.doubleValue * deviation.doubleValue)
  }

  /// `better(a, b)`: row a should replace the current pick b.
  private static func chooser(
    _ f: AggregateFunction, _ column: Column, cancellation: CancellationCheck
  ) throws(RuntimeFailure) -> (Int, Int) -> Bool {
    switch f {
    case .first: return { _, _ in false }
    case .last: return { _, _ in true }
    default: break
    }
    let wantLess = f == .min
    switch column.storage {
    case .text(let codes, let dictionary):
      let ranks = try cancellation.ranks(of: dictionary).total
      return { a, b in
        let x = ranks[Int(codes[a])]
        let y = ranks[Int(codes[b])]
        return wantLess ? x < y : x > y
      }
    case .bool(let values):
      return { a, b in wantLess ? (!values[a] && values[b]) : (values[a] && !values[b]) }
    case .number:
      return { a, b in
        let x = column.number(at: a)
        let y = column.number(at: b)
        return wantLess ? x < y : y < x
      }
    }
  }

  /// The middle value, or the exact mean of the two middle values.
  private static func median(_ values: inout [Number]) -> Number? {
    guard !values.isEmpty else { return nil }
    values.sort()
    let mid = values.count / 2
    if values.count % 2 == 1 { return values[mid] }
    return values[mid - 1].adding(values[mid])?.dividing(by: 2)
  }

  /// The sample standard deviation (n − 1), as SQL's `stddev`; null for fewer than two values.
  private static func standardDeviation(_ values: [Number]) -> Number? {
    guard values.count >= 2 else { return nil }
    var accumulator = NumberAccumulator()
    for v in values { accumulator.add(v) }
    guard let mean = accumulator.mean else { return nil }
    // Squared deviations from the exact mean, summed in double precision.
    let m = mean.doubleValue
    var sum = 0.0
    for v in values {
      let d = v.doubleValue - m
      sum += d * d
    }
    let result = (sum / Double(values.count - 1)).squareRoot()
    return Number(result, scale: 10)
  }
}
