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
  /// `top N by … per col, …`: the first N rows of each group of these input columns; groups
  /// in order of first appearance, rows within a group in the keys' order.
  case topPer([BoundSortKey], Int, per: [Int])
  /// `derive` with aggregates or order functions: the window columns are computed and put
  /// after the input's, then the outputs are computed over that wider table.
  case window(WindowSpec)
  /// Distinct rows over these input columns (the output keeps only them).
  case distinct([Int])
  case count
  /// One row per input column with what it holds (``Executor/describeFields``).
  case describe
  case compare(CompareSpec)
  case pivot(PivotSpec)
  case join(JoinSpec)
  case union(UnionSpec)
  case unpivot(UnpivotSpec)
  /// Ends a pipeline: the rows pass unchanged and the engine arranges them as a ``Chart``.
  case chart(ChartSpec)
}

/// `union SOURCE`: for each output column, the input column and the source's column it is
/// filled from (nil: nulls on that side).
struct UnionSpec: Sendable {
  var other: Table
  var columns: [(left: Int?, right: Int?)]
}

/// `unpivot`: the unpivoted input columns, the kept ones, and the two new columns.
struct UnpivotSpec: Sendable {
  var columns: [Int]
  var kept: [Int]
  /// Every unpivoted column's name reads as a number (`2023`), so NAME is a number column.
  var namesAreNumbers: Bool
  var name: String
  var value: String
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
  /// The constant second argument: percentile's fraction, list's separator.
  var parameter: Value? = nil
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
  /// Where A and B were written, for the warning when one matches no row.
  var firstRange: SourceRange
  var secondRange: SourceRange
  var keys: [Int]
  /// A default key column (`measure`) keyed with the compared values removed from its text.
  var strippedKey: Int?
  /// The numbers put side by side: the `value` column or the `value EXPR` written.
  var value: BoundExpr
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
  var kind: JoinKind
  /// The right columns that are kept, with their output names.
  var rightColumns: [(index: Int, name: String)]
}

/// A `derive` whose items read their group: `by` columns, `sort` keys, the window calls found
/// in the items, and the outputs over [input…, one column per call…].
struct WindowSpec: Sendable {
  /// The input columns that form a group (none: all rows are one group).
  var keys: [Int]
  /// The order of the rows within a group for order functions (none: input order).
  var sort: [BoundSortKey]
  var calls: [WindowCall]
  var outputs: [NamedExpr]
}

/// One aggregate or order function in a `derive`, computed for every row.
struct WindowCall: Sendable {
  enum Kind: Sendable {
    /// An aggregate over the whole group, the same for every row of the group.
    case aggregate(AggregateCall)
    /// The argument at the row `offset` places later in the group's order (`lag(x, n)` is
    /// `-n`, `lead(x, n)` is `n`); null past either end of the group.
    case offset(BoundExpr, Int)
    case rowNumber
    case rank
    case denseRank
    /// The sum of the argument over the group's rows up to this one (nulls skipped).
    case runningSum(BoundExpr)
    /// The mean of the argument over this row and the `rows - 1` before it in the group.
    case movingAverage(BoundExpr, rows: Int)
  }

  var kind: Kind
  var range: SourceRange
  var type: ValueType
}

/// `chart`: the resolved columns and the options, with where each was written.
struct ChartSpec: Sendable {
  var kind: ChartStage.Kind
  /// The number columns drawn (one, or one per series).
  var values: [Int]
  var label: Int
  var series: Int?
  /// A text column named `unit`, when the input has one.
  var unit: Int?
  var title: String?
  var swedish: Bool
  var width: Int?
  var keywordRange: SourceRange
  var valuesRange: SourceRange
  var seriesRange: SourceRange?
}
