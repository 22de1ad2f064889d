import HQData
import HQSyntax

/// Checks a pipeline's stages against the columns flowing into each one, before anything
/// runs: every name resolved, every type known, every aggregate in a place that allows it.
///
/// A stage's output columns are the next stage's input. `pivot` is the one stage whose
/// columns depend on the data (one per distinct value), so checking pauses after it and the
/// rest of the pipeline is checked against the pivot's actual result, still before it runs.
struct Checker {
  let source: SourceFile
  let parameters: [String: Value]
  /// The functions defined with `let NAME(…) = …`.
  let functions: [String: UserFunction]
  /// Finds a join source (`join goals on report`) as a table.
  let lookup: (PipelineSource) throws(CheckFailure) -> Table

  /// The checked stage and its output columns (nil when they depend on the data).
  func check(_ stage: Stage, input: [Field]) throws(CheckFailure) -> (PlanStage, [Field]?) {
    var binder = Binder(source: source, schema: input, parameters: parameters, functions: functions)
    switch stage.kind {
    case .where(let expr):
      let predicate = try binder.bind(expr)
      try binder.expect(predicate, .bool, "'where' needs a true/false condition", expr.range)
      return (.filter(predicate), input)
    case .select(let items):
      var outputs: [NamedExpr] = []
      for item in items {
        let named = NamedExpr(name: name(of: item, binder: binder), expr: try binder.bind(item.expr))
        if outputs.contains(where: { $0.name == named.name }) {
          throw CheckFailure(
            .error, "the column '\(named.name)' is selected twice", at: item.range,
            help: "give one of them another name: select other = …")
        }
        outputs.append(named)
      }
      return (.project(outputs), outputs.map { field($0, input: input) })
    case .derive(let items, let by, let sort):
      return try derive(items, by: by, sort: sort, input: input, stage: stage)
    case .summarize(let aggregates, let by):
      return try summarize(aggregates, by: by, input: input, stage: stage)
    case .sort(let keys):
      return (.sort(try sortKeys(keys, binder: &binder, defaultDescending: false)), input)
    case .take(let count):
      return (.take(try self.count(count)), input)
    case .top(let count, let keys, let per):
      let n = try self.count(count)
      let bound = try sortKeys(keys, binder: &binder, defaultDescending: true)
      if per.isEmpty { return (.top(bound, n), input) }
      var groups: [Int] = []
      for name in per { groups.append(try columnIndex(name, in: input)) }
      return (.topPer(bound, n, per: groups), input)
    case .distinct(let names):
      if names.isEmpty { return (.distinct(Array(input.indices)), input) }
      var indexes: [Int] = []
      for name in names { indexes.append(try columnIndex(name, in: input)) }
      return (.distinct(indexes), indexes.map { input[$0] })
    case .count:
      return (.count, [Field("count", .number)])
    case .describe:
      return (.describe, Executor.describeFields)
    case .compare(let column, let first, let second, let value, let by):
      return try compare(column: column, first: first, second: second, value: value, by: by, input: input, stage: stage)
    case .pivot(let column, let value, let by):
      return (try pivot(column: column, value: value, by: by, input: input, stage: stage), nil)
    case .join(let kind, let joinSource, let on):
      return try join(kind: kind, source: joinSource, on: on, input: input, stage: stage)
    case .union(let unionSource):
      return try union(source: unionSource, input: input, stage: stage)
    case .unpivot(let columns, let name, let value):
      return try unpivot(columns: columns, name: name, value: value, input: input, stage: stage)
    case .chart(let chart):
      return (.chart(try self.chart(chart, input: input, stage: stage)), input)
    }
  }

  // MARK: Helpers

  func field(_ named: NamedExpr, input: [Field]) -> Field {
    Field(named.name, named.expr.type ?? .number, role: Self.role(of: named.name, in: input))
  }

  /// The role of a column a stage makes or passes on under the name `name`: roles follow
  /// names along a pipeline, so it is the role of the stage input's column of that name, or,
  /// when the input has none, the name's conventional role (``ColumnRole/conventional``).
  /// `select v = value` makes an ordinary column `v`; `summarize value = sum(value)` a value.
  static func role(of name: String, in input: [Field]) -> ColumnRole? {
    if let field = input.first(where: { $0.name == name }) { return field.role }
    return ColumnRole.conventional(for: name)
  }

  /// The name a select/derive/by item gets: the written name, a column's own name, or the
  /// expression's text (`value * 2`).
  func name(of item: SelectItem, binder: Binder) -> String {
    if let name = item.name { return name.name }
    if case .column(let name) = item.expr.unparenthesized.kind { return name }
    if case .call(let f, let args) = item.expr.unparenthesized.kind, AggregateFunction(rawValue: f.name) != nil {
      if args.isEmpty { return f.name }
      if args.count == 1, case .column(let c) = args[0].unparenthesized.kind { return "\(f.name)_\(c)" }
    }
    return binder.text(item.expr.range)
  }

  func columnIndex(_ name: Identifier, in schema: [Field]) throws(CheckFailure) -> Int {
    guard let i = schema.firstIndex(where: { $0.name == name.name }) else {
      throw Binder.unknownColumn(name.name, at: name.range, in: schema)
    }
    return i
  }

  func sortKeys(_ keys: [SortKey], binder: inout Binder, defaultDescending: Bool) throws(CheckFailure) -> [BoundSortKey] {
    var out: [BoundSortKey] = []
    for key in keys {
      let expr = try binder.bind(key.expr)
      let descending = key.direction.map { $0 == .descending } ?? defaultDescending
      out.append(BoundSortKey(expr: expr, descending: descending))
    }
    return out
  }

  func count(_ count: StageCount) throws(CheckFailure) -> Int {
    switch count.kind {
    case .literal(let n): return n
    case .parameter(let name):
      let binder = Binder(source: source, schema: [], parameters: parameters, functions: functions)
      let value = try binder.parameter(name, at: count.range)
      guard let n = value.number?.intValue, n >= 0 else {
        throw CheckFailure(.error, "$\(name) is \(value), but a row count must be a whole number ≥ 0", at: count.range)
      }
      return n
    }
  }
}
