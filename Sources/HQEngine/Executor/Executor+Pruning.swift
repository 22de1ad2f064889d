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
    // Without a stage before the first builder that gathers, narrowing saves nothing.
    guard let narrowed = projection(stages, width: input.columns.count, gathersFirst: true) else { return nil }
    return (narrowed.stages, Table(name: input.name, columns: narrowed.kept.map { input.columns[$0] }))
  }

  /// The input columns `stages` read (ascending) and the stages renumbered to a table of only
  /// those; nil when every column is read, or the stages read columns in a way not renumbered
  /// here. For a source read column by column (``HQData/DeferredTable``) these are the columns
  /// to parse (projection pushdown).
  ///
  /// - Parameter gathersFirst: true to answer only when a stage before the first that builds
  ///   its result from named columns keeps its input's columns (for a table already in memory
  ///   dropping columns saves only the gathering); false to answer also when the first stage
  ///   builds (`summarize` straight from the source).
  /// - Parameter evenWhole: answer also when every column is read (`kept` is then all of
  ///   them), and for stages that all keep their input's columns (`where` alone: every column
  ///   is shown), so that a filter's narrowed read can serve them
  ///   (``Engine/narrowedRead(_:_:_:fields:cancellation:warnings:)``).
  static func projection(
    _ stages: [PlanStage], width inputWidth: Int, gathersFirst: Bool, evenWhole: Bool = false
  ) -> (stages: [PlanStage], kept: [Int])? {
    var builder = 0
    while builder < stages.count, stages[builder].keepsInputColumns { builder += 1 }
    var stages = stages
    if builder + 1 < stages.count, let narrowed = narrowedOutputs(stages[builder], before: stages[builder + 1]) {
      stages[builder] = narrowed.stage
      stages[builder + 1] = narrowed.next
    }
    var needed: Set<Int>
    if evenWhole && builder == stages.count && builder > 0 {
      // Every column is shown; a join's right columns too, which is not followed here.
      guard !stages.contains(where: { if case .join = $0 { true } else { false } }) else { return nil }
      needed = Set(0..<inputWidth)
    } else {
      guard builder > 0 || !gathersFirst, builder < stages.count, let read = stages[builder].columnsRead() else { return nil }
      needed = read
    }
    for stage in stages[..<builder] {
      guard stage.collectColumns(into: &needed) else { return nil }
    }
    // Old index → new index, as the kept columns are renumbered in order; a join's right
    // columns come after the columns before it, in both numberings.
    var map: [Int: Int] = [:]
    var kept: [Int] = []
    var width = inputWidth
    for index in 0..<width where needed.contains(index) {
      map[index] = kept.count
      kept.append(index)
    }
    // A table's row count is its columns' length: one column stays even when none is read
    // (`take 1 | select x = 1`, `where … | count`).
    if kept.isEmpty, width > 0 {
      map[0] = 0
      kept.append(0)
    }
    var newWidth = kept.count
    var dropped = width - newWidth
    var result: [PlanStage] = []
    for stage in stages[..<builder] {
      if case .join(var spec) = stage {
        guard let keys = spec.leftKeys.remapped(map) else { return nil }
        spec.leftKeys = keys
        var keptRight: [(index: Int, name: String)] = []
        for (position, column) in spec.rightColumns.enumerated() where needed.contains(width + position) {
          map[width + position] = newWidth + keptRight.count
          keptRight.append(column)
        }
        dropped += spec.rightColumns.count - keptRight.count
        width += spec.rightColumns.count
        newWidth += keptRight.count
        spec.rightColumns = keptRight
        result.append(.join(spec))
      } else {
        guard let renumbered = stage.remapped(map) else { return nil }
        result.append(renumbered)
      }
    }
    guard dropped > 0 || evenWhole else { return nil }
    guard builder < stages.count else { return (result, kept) }
    // A window's outputs read its calls' columns, which follow the input's.
    if case .window(let spec) = stages[builder] {
      for call in spec.calls.indices { map[width + call] = newWidth + call }
    }
    guard let last = stages[builder].remapped(map) else { return nil }
    result.append(last)
    result += stages[(builder + 1)...]
    return (result, kept)
  }
}

extension Executor {
  /// A `select`/`derive` (or a `derive` with window functions) followed by a stage that reads
  /// only some of its columns: the stage without the output columns that are copies of its
  /// input's and are not read, and the next stage renumbered to what is left; nil when
  /// nothing is dropped. Only copies are dropped, so a computed column that fails (an
  /// overflow) fails as it would have.
  static func narrowedOutputs(_ stage: PlanStage, before next: PlanStage) -> (stage: PlanStage, next: PlanStage)? {
    guard let read = next.columnsRead() else { return nil }
    let outputs: [NamedExpr]
    switch stage {
    case .project(let items): outputs = items
    case .window(let spec): outputs = spec.outputs
    default: return nil
    }
    var map: [Int: Int] = [:]
    var kept: [NamedExpr] = []
    for (index, output) in outputs.enumerated() {
      if case .column = output.expr.kind, !read.contains(index) { continue }
      map[index] = kept.count
      kept.append(output)
    }
    guard kept.count < outputs.count, let renumbered = next.remapped(map) else { return nil }
    switch stage {
    case .window(var spec):
      spec.outputs = kept
      return (.window(spec), renumbered)
    default:
      return (.project(kept), renumbered)
    }
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
    case .project, .summarize, .count, .distinct, .compare, .pivot, .window:
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
    case .window(let spec):
      // The outputs may read the calls' columns too (past the input's); those are not input.
      read.formUnion(spec.keys)
      for key in spec.sort { key.expr.collectColumns(into: &read) }
      for call in spec.calls { call.argument?.collectColumns(into: &read) }
      for output in spec.outputs { output.expr.collectColumns(into: &read) }
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
    case .window(var spec):
      guard let keys = spec.keys.remapped(map), let sort = spec.sort.remapped(map), let calls = spec.calls.remapped(map),
        let outputs = spec.outputs.remapped(map)
      else { return nil }
      spec.keys = keys
      spec.sort = sort
      spec.calls = calls
      spec.outputs = outputs
      return .window(spec)
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

extension WindowCall: Renumberable {
  /// The expression the call reads, if any.
  var argument: BoundExpr? {
    switch kind {
    case .aggregate(let call): call.argument
    case .offset(let e, _), .runningSum(let e), .movingAverage(let e, _): e
    case .rowNumber, .rank, .denseRank: nil
    }
  }

  func remapped(_ map: [Int: Int]) -> WindowCall? {
    var copy = self
    switch kind {
    case .aggregate(let call):
      guard let call = call.remapped(map) else { return nil }
      copy.kind = .aggregate(call)
    case .offset(let e, let n):
      guard let e = e.remapped(map) else { return nil }
      copy.kind = .offset(e, n)
    case .runningSum(let e):
      guard let e = e.remapped(map) else { return nil }
      copy.kind = .runningSum(e)
    case .movingAverage(let e, let rows):
      guard let e = e.remapped(map) else { return nil }
      copy.kind = .movingAverage(e, rows: rows)
    case .rowNumber, .rank, .denseRank:
      break
    }
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
