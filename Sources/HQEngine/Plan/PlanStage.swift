import HQData
import HQSyntax

/// One checked stage, ready to run against a table with the schema it was checked against.
enum PlanStage: Sendable {
  case filter(BoundExpr)
  /// The output columns, each computed from the input (select and derive both lower to this).
  case project([NamedExpr])
  case summarize(Summary)
  case sort([BoundSortKey])
  case take(Int)
  /// `top N by …`: the first N rows in the keys' order.
  case top([BoundSortKey], Int)
  /// Distinct rows over these input columns (the output keeps only them).
  case distinct([Int])
  case count
  case compare(CompareSpec)
  case pivot(PivotSpec)
  case join(JoinSpec)
}

/// An output column: its name and how to compute it.
struct NamedExpr: Sendable {
  var name: String
  var expr: BoundExpr
}

struct BoundSortKey: Sendable {
  var expr: BoundExpr
  var descending: Bool
}

/// An aggregate call found in a summarize item: `sum(value)` → (.sum, value).
struct AggregateCall: Sendable {
  var function: AggregateFunction
  /// Nil for `count()`.
  var argument: BoundExpr?
  var range: SourceRange
  /// The type of the result (number for count/sum/avg/…, the argument's for min/max/first/last).
  var type: ValueType
}

/// `summarize`: the `by` keys, the aggregate calls, and the output items computed over a
/// table of [keys…, aggregates…] (usually just a reference to one aggregate).
struct Summary: Sendable {
  var keys: [NamedExpr]
  var aggregates: [AggregateCall]
  var outputs: [NamedExpr]
}

struct CompareSpec: Sendable {
  var column: Int
  var first: Value
  var second: Value
  var firstLabel: String
  var secondLabel: String
  var keys: [Int]
  /// A default key column (`measure`) keyed with the compared values removed from its text.
  var strippedKey: Int?
  var value: Int
  var range: SourceRange
  var keywordRange: SourceRange
}

struct PivotSpec: Sendable {
  var column: Int
  var keys: [Int]
  /// A default key column (`measure`) keyed with the pivoted values removed from its text.
  var strippedKey: Int?
  /// The cell value: a row expression, or (when `aggregate` is set) the aggregate per cell.
  var value: BoundExpr?
  var aggregate: AggregateCall?
  var aggregateOutput: BoundExpr?
  var range: SourceRange
  var keywordRange: SourceRange
}

struct JoinSpec: Sendable {
  var right: Table
  var range: SourceRange
  var leftKeys: [Int]
  var rightKeys: [Int]
  var left: Bool
  /// The right columns that are kept, with their output names.
  var rightColumns: [(index: Int, name: String)]
}
