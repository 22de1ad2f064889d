import HQData

/// Column pruning: stages that keep their input's columns (`where`, `sort`, `take`, `top`,
/// `join`) carry only the columns the rest of the pipeline reads, up to the first stage that
/// builds its result from the columns it names (`select`/`derive` without window functions,
/// `summarize`, `count`, `distinct`, `compare`, `pivot`). So
///
///     from kolada | join kommuner on kommun_id | summarize s = sum(varde) by kommungrupp
///
/// gathers two columns for the joined rows, not fourteen, and `where … | sort … | take 10 |
/// select a, b` sorts and gathers only what the keys and the `select` read. Dropping a
/// column costs nothing (a table is a list of column references); the stages' column
/// indexes are renumbered to the narrower table. A pipeline whose result keeps its input's
/// columns (it ends in `where`, say) is not pruned: every column is shown.
extension Executor {
  /// `stages` over `input` narrowed to the columns they read, or nil when nothing can be
  /// dropped (or the stages read columns in a way not renumbered here).
  static func pruned(_ stages: [PlanStage], _ input: Table) -> (stages: [PlanStage], input: Table)? {
    var builder = 0
    while builder < stages.count, stages[builder].keepsInputColumns { builder += 1 }
    // Without a stage before it that gathers, narrowing saves nothing.
    guard builder > 0, builder < stages.count, var needed = stages[builder].columnsRead() else { return nil }
    for stage in stages[..<builder] {
      guard stage.collectColumns(into: &needed) else { return nil }
    }
    // Old index → new index, as the kept columns are renumbered in order; a join's right
    // columns come after the columns before it, in both numberings.
    var map: [Int: Int] = [:]
    var columns: [Column] = []
    var width = input.columns.count
    for index in 0..<width where needed.contains(index) {
      map[index] = columns.count
      columns.append(input.columns[index])
    }
    // A table's row count is its columns' length: one column stays even when none is read
    // (`take 1 | select x = 1`, `where … | count`).
    if columns.isEmpty, let first = input.columns.first {
      map[0] = 0
      columns.append(first)
    }
    var newWidth = columns.count
    var dropped = width - newWidth
    var result: [PlanStage] = []
    for stage in stages[..<builder] {
      if case .join(var spec) = stage {
        guard let keys = spec.leftKeys.remapped(map) else { return nil }
        spec.leftKeys = keys
        var kept: [(index: Int, name: String)] = []
        for (position, column) in spec.rightColumns.enumerated() where needed.contains(width + position) {
          map[width + position] = newWidth + kept.count
          kept.append(column)
        }
        dropped += spec.rightColumns.count - kept.count
        width += spec.rightColumns.count
        newWidth += kept.count
        spec.rightColumns = kept
        result.append(.join(spec))
      } else {
        guard let renumbered = stage.remapped(map) else { return nil }
        result.append(renumbered)
      }
    }
    guard dropped > 0, let last = stages[builder].remapped(map) else { return nil }
    result.append(last)
    result += stages[(builder + 1)...]
    return (result, Table(name: input.name, columns: columns))
  }
}

extension PlanStage {
  /// True for stages whose output has their input's columns at the same indexes (a join's
  /// right columns after them).
  var keepsInputColumns: Bool {
    switch self {
    case .filter, .sort, .take, .top, .topPer, .join: true
    default: false
    }
  }

  /// For a stage that builds its output only from input columns it names: those columns.
  func columnsRead() -> Set<Int>? {
    var read = Set<Int>()
    switch self {
    case .project, .summarize, .count, .distinct, .compare, .pivot:
      return collectColumns(into: &read) ? read : nil
    default:
      return nil
    }
  }

  /// Adds the input columns the stage reads; false for a stage not handled here.
  func collectColumns(into read: inout Set<Int>) -> Bool {
    switch self {
    case .filter(let predicate):
      predicate.collectColumns(into: &read)
    case .project(let items):
      for item in items { item.expr.collectColumns(into: &read) }
    case .summarize(let summary):
      // `outputs` read the table of keys and aggregates, not the input.
      for key in summary.keys { key.expr.collectColumns(into: &read) }
      for call in summary.aggregates { call.argument?.collectColumns(into: &read) }
    case .sort(let keys), .top(let keys, _):
      for key in keys { key.expr.collectColumns(into: &read) }
    case .topPer(let keys, _, let per):
      for key in keys { key.expr.collectColumns(into: &read) }
      read.formUnion(per)
    case .take, .count:
      break
    case .distinct(let indexes):
      read.formUnion(indexes)
    case .join(let spec):
      read.formUnion(spec.leftKeys)
    case .compare(let spec):
      read.insert(spec.column)
      read.formUnion(spec.keys)
      if let stripped = spec.strippedKey { read.insert(stripped) }
      spec.value.collectColumns(into: &read)
    case .pivot(let spec):
      read.insert(spec.column)
      read.formUnion(spec.keys)
      if let stripped = spec.strippedKey { read.insert(stripped) }
      spec.value?.collectColumns(into: &read)
      spec.aggregate?.argument?.collectColumns(into: &read)
    default:
      return false
    }
    return true
  }

  /// The stage with its input column indexes renumbered by `map`; nil when one is missing
  /// from it or the stage is not handled here (joins are renumbered by ``Executor/pruned(_:_:)``).
  func remapped(_ map: [Int: Int]) -> PlanStage? {
    switch self {
    case .filter(let predicate):
      return predicate.remapped(map).map { .filter($0) }
    case .project(let items):
      return items.remapped(map).map { .project($0) }
    case .summarize(var summary):
      guard let keys = summary.keys.remapped(map), let calls = summary.aggregates.remapped(map) else { return nil }
      summary.keys = keys
      summary.aggregates = calls
      return .summarize(summary)
    case .sort(let keys):
      return keys.remapped(map).map { .sort($0) }
    case .top(let keys, let n):
      return keys.remapped(map).map { .top($0, n) }
    case .topPer(let keys, let n, let per):
      guard let keys = keys.remapped(map), let per = per.remapped(map) else { return nil }
      return .topPer(keys, n, per: per)
    case .take, .count:
      return self
    case .distinct(let indexes):
      return indexes.remapped(map).map { .distinct($0) }
    case .compare(var spec):
      guard let column = map[spec.column], let keys = spec.keys.remapped(map), let value = spec.value.remapped(map)
      else { return nil }
      if let stripped = spec.strippedKey {
        guard let renumbered = map[stripped] else { return nil }
        spec.strippedKey = renumbered
      }
      spec.column = column
      spec.keys = keys
      spec.value = value
      return .compare(spec)
    case .pivot(var spec):
      guard let column = map[spec.column], let keys = spec.keys.remapped(map) else { return nil }
      if let stripped = spec.strippedKey {
        guard let renumbered = map[stripped] else { return nil }
        spec.strippedKey = renumbered
      }
      if let value = spec.value {
        guard let renumbered = value.remapped(map) else { return nil }
        spec.value = renumbered
      }
      if let call = spec.aggregate {
        guard let renumbered = call.remapped(map) else { return nil }
        spec.aggregate = renumbered
      }
      spec.column = column
      spec.keys = keys
      return .pivot(spec)
    default:
      return nil
    }
  }
}

extension BoundExpr {
  /// The expression reading the columns `map` renumbers them to; nil when one is not in it.
  func remapped(_ map: [Int: Int]) -> BoundExpr? {
    func one(_ e: BoundExpr) -> BoundExpr? { e.remapped(map) }
    let renumbered: Kind
    switch kind {
    case .literal: return self
    case .column(let index):
      guard let new = map[index] else { return nil }
      renumbered = .column(new)
    case .negate(let x):
      guard let x = one(x) else { return nil }
      renumbered = .negate(x)
    case .not(let x):
      guard let x = one(x) else { return nil }
      renumbered = .not(x)
    case .isNull(let x, let negated):
      guard let x = one(x) else { return nil }
      renumbered = .isNull(x, negated: negated)
    case .arithmetic(let op, let x, let y):
      guard let x = one(x), let y = one(y) else { return nil }
      renumbered = .arithmetic(op, x, y)
    case .comparison(let op, let x, let y):
      guard let x = one(x), let y = one(y) else { return nil }
      renumbered = .comparison(op, x, y)
    case .contains(let x, let y, let negated):
      guard let x = one(x), let y = one(y) else { return nil }
      renumbered = .contains(x, y, negated: negated)
    case .and(let x, let y):
      guard let x = one(x), let y = one(y) else { return nil }
      renumbered = .and(x, y)
    case .or(let x, let y):
      guard let x = one(x), let y = one(y) else { return nil }
      renumbered = .or(x, y)
    case .call(let function, let arguments):
      guard let arguments = arguments.remapped(map) else { return nil }
      renumbered = .call(function, arguments)
    case .patternCall(let function, let arguments, let pattern):
      guard let arguments = arguments.remapped(map) else { return nil }
      renumbered = .patternCall(function, arguments, pattern)
    }
    var copy = self
    copy.kind = renumbered
    return copy
  }
}

/// What column pruning renumbers: a thing that reads input columns by index.
protocol Renumberable {
  /// The same thing reading the columns `map` renumbers them to; nil when one is not in it.
  func remapped(_ map: [Int: Int]) -> Self?
}

extension BoundExpr: Renumberable {}

extension NamedExpr: Renumberable {
  func remapped(_ map: [Int: Int]) -> NamedExpr? {
    expr.remapped(map).map { NamedExpr(name: name, expr: $0) }
  }
}

extension BoundSortKey: Renumberable {
  func remapped(_ map: [Int: Int]) -> BoundSortKey? {
    expr.remapped(map).map { BoundSortKey(expr: $0, descending: descending) }
  }
}

extension AggregateCall: Renumberable {
  func remapped(_ map: [Int: Int]) -> AggregateCall? {
    guard let argument else { return self }
    var copy = self
    guard let renumbered = argument.remapped(map) else { return nil }
    copy.argument = renumbered
    return copy
  }
}

extension Int: Renumberable {
  func remapped(_ map: [Int: Int]) -> Int? { map[self] }
}

extension Array where Element: Renumberable {
  /// Every element renumbered, or nil when one cannot be.
  func remapped(_ map: [Int: Int]) -> [Element]? {
    var out: [Element] = []
    out.reserveCapacity(count)
    for element in self {
      guard let renumbered = element.remapped(map) else { return nil }
      out.append(renumbered)
    }
    return out
  }
}
