import HQData
import HQSyntax

extension Checker {
  /// `summarize items [by keys]`: keys are row expressions; items are expressions over
  /// aggregates and key columns (`share = sum(value) / count()`, `indicator`).
  func summarize(_ items: [SelectItem], by: [SelectItem], input: [Field], stage: Stage) throws(CheckFailure) -> (PlanStage, [Field]?) {
    var rowBinder = Binder(source: source, schema: input, parameters: parameters, functions: functions)
    var keys: [NamedExpr] = []
    for item in by {
      let named = NamedExpr(name: name(of: item, binder: rowBinder), expr: try rowBinder.bind(item.expr))
      if keys.contains(where: { $0.name == named.name }) {
        throw CheckFailure(.error, "'\(named.name)' is listed twice in 'by'", at: item.range)
      }
      keys.append(named)
    }
    if items.isEmpty {
      throw CheckFailure(
        .error, "summarize needs at least one aggregate", at: stage.keywordRange,
        help: "for example: summarize n = count(), total = sum(value) by indicator")
    }
    let keyFields = keys.map { field($0, input: input) }
    var binder = Binder(source: source, schema: keyFields, parameters: parameters, functions: functions)
    binder.aggregateRows = input
    binder.columnOutsideAggregateHelp = "add it to 'by', or aggregate it: first"
    var outputs: [NamedExpr] = []
    for item in items {
      let named = NamedExpr(name: name(of: item, binder: binder), expr: try binder.bind(item.expr))
      if keys.contains(where: { $0.name == named.name }) || outputs.contains(where: { $0.name == named.name }) {
        throw CheckFailure(.error, "the column '\(named.name)' is produced twice", at: item.range, help: "name it: other = …")
      }
      outputs.append(named)
    }
    let summary = Summary(keys: keys, aggregates: binder.aggregates, outputs: outputs)
    // Aggregate references were bound as columns after the keys, matching the executor's
    // intermediate table [keys…, aggregates…].
    let fields = keyFields + outputs.map { field($0, input: input) }
    return (.summarize(summary), fields)
  }
}
