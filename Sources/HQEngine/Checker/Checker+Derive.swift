import HQData
import HQSyntax

extension Checker {
  /// `derive name = expr, … [by col, …] [sort key, …]`.
  ///
  /// Items are bound against the input; an aggregate or order function in an item becomes a
  /// reference to a window column after the input's (see ``WindowSpec``). Without any, the
  /// stage is a plain projection, and `by`/`sort` would do nothing, so they are an error.
  func derive(_ items: [SelectItem], by: [Identifier], sort: [SortKey], input: [Field], stage: Stage) throws(CheckFailure) -> (PlanStage, [Field]?) {
    var binder = Binder(source: source, schema: input, parameters: parameters, functions: functions)
    binder.aggregateRows = input
    binder.windowCalls = []
    var outputs = input.enumerated().map { i, f in
      NamedExpr(name: f.name, expr: BoundExpr(.column(i), type: f.type, range: stage.range))
    }
    for item in items {
      let named = NamedExpr(name: name(of: item, binder: binder), expr: try binder.bind(item.expr))
      if let existing = outputs.firstIndex(where: { $0.name == named.name }) {
        outputs[existing] = named
      } else {
        outputs.append(named)
      }
    }
    let fields = outputs.map { field($0, input: input) }
    let calls = binder.windowCalls ?? []
    guard !calls.isEmpty else {
      if let first = by.first {
        throw CheckFailure(
          .error, "'by' in 'derive' names the groups of aggregates and window functions, but no item uses one",
          at: SourceRange(first.range.start, by[by.count - 1].range.end),
          help: "for example: derive share = value / sum(value) by \(first.name)")
      }
      if let first = sort.first {
        throw CheckFailure(
          .error, "'sort' in 'derive' orders the rows for window functions, but no item uses one",
          at: SourceRange(first.range.start, sort[sort.count - 1].range.end),
          help: "for example: derive previous = lag(value) sort \(binder.text(first.expr.range)); to order the rows, add '| sort …'")
      }
      return (.project(outputs), fields)
    }
    if sort.isEmpty, let ranked = calls.first(where: { if case .rank = $0.kind { true } else if case .denseRank = $0.kind { true } else { false } }) {
      throw CheckFailure(
        .error, "\(binder.text(ranked.range)) ranks the rows by the 'sort' keys of 'derive', but there are none", at: ranked.range,
        help: "for example: derive placing = rank() by year sort value desc")
    }
    var keys: [Int] = []
    for name in by {
      let i = try columnIndex(name, in: input)
      if keys.contains(i) { throw CheckFailure(.error, "'\(name.name)' is listed twice in 'by'", at: name.range) }
      keys.append(i)
    }
    var sortBinder = Binder(source: source, schema: input, parameters: parameters, functions: functions)
    let sortKeys = try self.sortKeys(sort, binder: &sortBinder, defaultDescending: false)
    return (.window(WindowSpec(keys: keys, sort: sortKeys, calls: calls, outputs: outputs)), fields)
  }
}
