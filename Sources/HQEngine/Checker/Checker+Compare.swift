import HQData
import HQSyntax

/// The key columns `compare` and `pivot` use when no `by` is written.
///
/// A key identifies the thing being compared: for `facts` that is report, section, table,
/// indicator, measure, kind, period, year and unit (minus the compared column). The rule,
/// for every source and for the output of earlier stages alike, reads the columns' roles
/// (``ColumnRole``), never their names: every column except
/// - the compared (or pivoted) COLUMN itself,
/// - the value column (role `value`; or the columns a `… value EXPR` reads),
/// - the columns that say where a figure was printed rather than what it is (role
///   `position`: `rank`, `rank_of`, `line` in the report sources) or hold the printed text
///   (role `text`).
///
/// A text column with role `header` (`measure`, a report table's column header) is part of
/// the key with the compared values taken out of it, case-insensitively: `Utfall 2023` and
/// `Utfall 2024` both key as `Utfall` in `compare year 2023 vs 2024`, while `Region Halland`
/// and `Riket` stay apart. So `goals` keys on report, name and status, `sections` on report,
/// number, title and level, and a summarized table on its `by` columns.
enum DefaultKeys {
  static func keys(in schema: [Field], excluding excluded: Set<String>) -> [Int] {
    schema.indices.filter { !excluded.contains(schema[$0].name) && !(schema[$0].role?.isLeftOutOfKeys ?? false) }
  }

  /// The index of the header column among `keys` when it is a default text key.
  static func strippedKey(_ keys: [Int], in schema: [Field]) -> Int? {
    keys.first { schema[$0].role == .header && schema[$0].type == .text }
  }

  /// The column `compare` and `pivot` take when no `value EXPR` is written.
  static func valueColumn(in schema: [Field]) -> Int? {
    schema.firstIndex { $0.role == .value }
  }
}

extension Checker {
  func compare(
    column: Identifier, first: CompareOperand, second: CompareOperand, value: Expr?, by: [Identifier]?, input: [Field], stage: Stage
  ) throws(CheckFailure) -> (PlanStage, [Field]?) {
    let columnIndex = try self.columnIndex(column, in: input)
    let columnType = input[columnIndex].type
    let valueExpr: BoundExpr
    let valueColumn = DefaultKeys.valueColumn(in: input)
    var excluded: Set<String> = [column.name]
    if let valueColumn { excluded.insert(input[valueColumn].name) }
    if let value {
      var rowBinder = Binder(source: source, schema: input, parameters: parameters, functions: functions)
      valueExpr = try rowBinder.bind(value)
      guard valueExpr.type == .number || valueExpr.type == nil else {
        throw CheckFailure(
          .error, "compare needs numbers to put side by side, but this is \(Binder.article(valueExpr.type ?? .number))", at: value.range,
          help: "to compare text, put it in a number first, e.g. value length(\(binder(for: input).text(value.range)))")
      }
      var used = Set<Int>()
      valueExpr.collectColumns(into: &used)
      for i in used { excluded.insert(input[i].name) }
    } else {
      guard let valueIndex = valueColumn else {
        throw CheckFailure(
          .error, "compare puts the 'value' column side by side, but there is no 'value' column here", at: stage.keywordRange,
          help: "say which numbers to compare: compare \(column.name) A vs B value EXPR")
      }
      guard input[valueIndex].type == .number else {
        throw CheckFailure(.error, "compare needs '\(input[valueIndex].name)' to be numbers, but it is \(Binder.article(input[valueIndex].type))", at: stage.keywordRange)
      }
      valueExpr = BoundExpr(.column(valueIndex), type: .number, range: stage.keywordRange)
    }
    let (a, aLabel) = try operand(first, type: columnType, column: column.name)
    let (b, bLabel) = try operand(second, type: columnType, column: column.name)
    if aLabel == bLabel {
      throw CheckFailure(.error, "compare needs two different values, but both are \(aLabel)", at: second.range)
    }
    let keys = try keyColumns(
      by, input: input, excluding: value == nil ? Set([column.name] + (valueColumn.map { [input[$0].name] } ?? [])) : [column.name], what: "compare")
    let finalKeys = by == nil ? keys.filter { !excluded.contains(input[$0].name) } : keys
    for name in finalKeys.map({ input[$0].name }) where name == aLabel || name == bLabel || name == "delta" || name == "change_pct" {
      throw CheckFailure(.error, "the key column '\(name)' has the same name as a compare result column", at: stage.keywordRange, help: "rename it first: derive other = \(name)")
    }
    let spec = CompareSpec(
      column: columnIndex, first: a, second: b, firstLabel: aLabel, secondLabel: bLabel,
      firstRange: first.range, secondRange: second.range, keys: finalKeys,
      strippedKey: by == nil ? DefaultKeys.strippedKey(finalKeys, in: input) : nil, value: valueExpr,
      range: stage.range, keywordRange: stage.keywordRange)
    let fields = finalKeys.map { input[$0] } + [
      Field(aLabel, .number), Field(bLabel, .number), Field("delta", .number), Field("change_pct", .number),
    ]
    return (.compare(spec), fields)
  }

  private func binder(for input: [Field]) -> Binder {
    Binder(source: source, schema: input, parameters: parameters, functions: functions)
  }

  /// The value of one side, converted to the column's type where the spelling allows
  /// (`2023` for a text column is the text "2023"), and its label.
  private func operand(_ operand: CompareOperand, type: ValueType, column: String) throws(CheckFailure) -> (Value, String) {
    var binder = Binder(source: source, schema: [], parameters: parameters, functions: functions)
    let bound = try binder.bind(operand.value)
    guard case .literal(let value) = bound.kind else {
      throw CheckFailure(.error, "compare needs a constant value here", at: operand.range)
    }
    let label: String
    if case .parameter = operand.value.kind { label = value.description } else { label = operand.label }
    switch (value, type) {
    case (.number, .number), (.text, .text), (.bool, .bool): return (value, label)
    case (.number(let n), .text): return (.text(n.description), label)
    case (.text(let s), .number):
      if let n = Number(s) { return (.number(n), label) }
    default: break
    }
    throw CheckFailure(
      .error, "'\(column)' holds \(Binder.article(type)), but \(label) is \(value.type.map(Binder.article) ?? "null")",
      at: operand.range)
  }

  /// The `by` columns, or the default keys.
  func keyColumns(_ by: [Identifier]?, input: [Field], excluding: Set<String>, what: String) throws(CheckFailure) -> [Int] {
    guard let by else { return DefaultKeys.keys(in: input, excluding: excluding) }
    var keys: [Int] = []
    for name in by {
      let i = try columnIndex(name, in: input)
      if excluding.contains(name.name) {
        throw CheckFailure(.error, "'\(name.name)' cannot be a key of \(what): it is what \(what) spreads out", at: name.range)
      }
      keys.append(i)
    }
    return keys
  }

  func pivot(column: Identifier, value: Expr?, by: [Identifier]?, input: [Field], stage: Stage) throws(CheckFailure) -> PlanStage {
    let columnIndex = try self.columnIndex(column, in: input)
    var binder = Binder(source: source, schema: [], parameters: parameters, functions: functions)
    binder.aggregateRows = input
    var rowBinder = Binder(source: source, schema: input, parameters: parameters, functions: functions)
    var valueExpr: BoundExpr? = nil
    var aggregate: AggregateCall? = nil
    var aggregateOutput: BoundExpr? = nil
    let valueColumn = DefaultKeys.valueColumn(in: input)
    var excluded: Set<String> = [column.name]
    if let valueColumn { excluded.insert(input[valueColumn].name) }
    if let value {
      if value.containsCall(where: { AggregateFunction(rawValue: $0) != nil }) {
        let outer = try binder.bind(value)
        guard binder.aggregates.count == 1, let call = binder.aggregates.first else {
          throw CheckFailure(.error, "pivot's value may use one aggregate", at: value.range)
        }
        aggregate = call
        aggregateOutput = outer
        var used = Set<Int>()
        call.argument?.collectColumns(into: &used)
        for i in used { excluded.insert(input[i].name) }
      } else {
        let bound = try rowBinder.bind(value)
        valueExpr = bound
        var used = Set<Int>()
        bound.collectColumns(into: &used)
        for i in used { excluded.insert(input[i].name) }
      }
    } else {
      guard let v = valueColumn else {
        throw CheckFailure(
          .error, "pivot fills its cells from the 'value' column, but there is none here", at: stage.keywordRange,
          help: "say which: pivot \(column.name) value EXPR")
      }
      valueExpr = BoundExpr(.column(v), type: input[v].type, range: stage.range)
    }
    let keys = try keyColumns(by, input: input, excluding: [column.name], what: "pivot")
    let finalKeys = by == nil ? keys.filter { !excluded.contains(input[$0].name) } : keys
    return .pivot(PivotSpec(
      column: columnIndex, keys: finalKeys, strippedKey: by == nil ? DefaultKeys.strippedKey(finalKeys, in: input) : nil,
      value: valueExpr, aggregate: aggregate, aggregateOutput: aggregateOutput,
      range: stage.range, keywordRange: stage.keywordRange))
  }
}

extension Expr {
  /// True when a call anywhere in the expression has a name satisfying `predicate`.
  func containsCall(where predicate: (String) -> Bool) -> Bool {
    if case .call(let name, _) = kind, predicate(name.name) { return true }
    return kind.children.contains { $0.containsCall(where: predicate) }
  }
}
