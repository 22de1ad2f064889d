/// One step of a pipeline, after a `|`.
///
/// `keywordRange` covers the stage keyword (`summarize`, `left join`, …) so a diagnostic about
/// the stage as a whole can point at it; `range` covers the whole stage.
public struct Stage: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `where EXPR`: keep the rows for which EXPR is true (not false, not null).
    case `where`(Expr)
    /// `select ITEM, …`: exactly these columns, in this order.
    case select([SelectItem])
    /// `derive name = expr, … [by col, …] [sort key, …]`: all columns plus these (a name that
    /// exists is replaced). An aggregate in an item is computed over the row's group (the
    /// rows with the same `by` values, all rows without `by`); order functions (`lag`,
    /// `rank`, `running_sum`, …) follow `sort` within the group. Rows keep their input order.
    case derive([SelectItem], by: [Identifier], sort: [SortKey])
    /// `summarize name = AGG(expr), … [by expr, …]`: one row per distinct `by` key (one row
    /// in all without `by`). The `by` items come first in the result, then the aggregates.
    case summarize(aggregates: [SelectItem], by: [SelectItem])
    /// `sort expr [asc|desc], …`.
    case sort([SortKey])
    /// `take N`: the first N rows.
    case take(StageCount)
    /// `distinct` (whole rows) or `distinct col, …` (one row per distinct key, only those columns).
    case distinct([Identifier])
    /// `count`: one row, one column `count`, the number of rows.
    case count
    /// `describe`: one row per column so far: its name, type, how many values and distinct
    /// values it has, its smallest and largest value, and its most frequent values.
    case describe
    /// `top N by expr [asc|desc], … [per col, …]`: sort (descending unless `asc` is written)
    /// and take N, or N of each group of equal `per` columns.
    case top(StageCount, by: [SortKey], per: [Identifier])
    /// `compare COLUMN A vs B [value EXPR] [by col, …]`: the rows where COLUMN is A and where it
    /// is B side by side, one row per key. `value` is nil when not written (the `value`
    /// column); `by` is nil when not written (the source's key columns apply).
    case compare(column: Identifier, first: CompareOperand, second: CompareOperand, value: Expr?, by: [Identifier]?)
    /// `pivot COLUMN [value EXPR] [by col, …]`: one column per distinct value of COLUMN.
    /// `value` is nil when not written (the `value` column); `by` nil when not written.
    case pivot(column: Identifier, value: Expr?, by: [Identifier]?)
    /// `[left|right|full|semi|anti] join SOURCE on col, …` (`col` or `left_col == right_col`).
    case join(JoinKind, source: PipelineSource, on: [JoinKey])
    /// `union SOURCE`: the source's rows after these, columns matched by name.
    case union(source: PipelineSource)
    /// `unpivot col, … into NAME, VALUE`: one row per listed column of each row, with the
    /// column's name in NAME and its cell in VALUE (rows whose cell is null are left out).
    case unpivot(columns: [Identifier], name: Identifier, value: Identifier)
    /// `chart bar|line VALUE, … by LABEL [series COL] [title "…"] [swedish] [width N]`: draws
    /// the rows; it ends the pipeline.
    case chart(ChartStage)
  }

  public var kind: Kind
  /// The stage keyword(s) as typed: `where`, `left join`, …
  public var keywordRange: SourceRange
  public var range: SourceRange

  public init(_ kind: Kind, keywordRange: SourceRange, range: SourceRange) {
    self.kind = kind
    self.keywordRange = keywordRange
    self.range = range
  }

  /// The stage keyword as the language spells it (`left join` for a left join).
  public var keyword: String {
    switch kind {
    case .where: "where"
    case .select: "select"
    case .derive: "derive"
    case .summarize: "summarize"
    case .sort: "sort"
    case .take: "take"
    case .distinct: "distinct"
    case .count: "count"
    case .describe: "describe"
    case .top: "top"
    case .compare: "compare"
    case .pivot: "pivot"
    case .join(let kind, _, _): kind == .inner ? "join" : "\(kind.rawValue) join"
    case .union: "union"
    case .unpivot: "unpivot"
    case .chart: "chart"
    }
  }
}

/// An item of `select`, `derive`, `summarize` or `by`: `expr` or `name = expr`.
///
/// `name` is nil when only an expression was written; the engine names the column (a column
/// reference keeps its name).
public struct SelectItem: Sendable, Hashable {
  public var name: Identifier?
  public var expr: Expr
  public var range: SourceRange

  public init(name: Identifier?, expr: Expr, range: SourceRange) {
    self.name = name
    self.expr = expr
    self.range = range
  }
}

/// Ascending or descending order.
public enum SortDirection: String, Sendable, Hashable {
  case ascending = "asc"
  case descending = "desc"
}

/// A `sort` or `top … by` key: `expr [asc|desc]`.
public struct SortKey: Sendable, Hashable {
  public var expr: Expr
  /// The direction written after the expression, or nil when none was (sort then defaults to
  /// ascending, top to descending).
  public var direction: SortDirection?
  public var range: SourceRange

  public init(expr: Expr, direction: SortDirection?, range: SourceRange) {
    self.expr = expr
    self.direction = direction
    self.range = range
  }
}

/// The N of `take N` and `top N`: a whole number as written, or a `$parameter`.
public struct StageCount: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case literal(Int)
    case parameter(String)
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// One side of `compare COLUMN A vs B`: a literal (`2023`, `"budget"`), a bare word (`budget`,
/// read as the text `"budget"`), or a `$parameter`.
public struct CompareOperand: Sendable, Hashable {
  /// The value compared with COLUMN: a `.literal` or a `.parameter` expression.
  public var value: Expr
  /// The name of the result column for this side: the number's digits, the text without
  /// quotes, or the parameter's name with its `$`.
  public var label: String

  public init(value: Expr, label: String) {
    self.value = value
    self.label = label
  }

  public var range: SourceRange { value.range }
}

/// Which rows a join keeps: inner joins only matching pairs; left joins every left row, right
/// joins every right row, full joins both; semi joins the left rows that have a match (once,
/// left columns only), anti joins those that have none.
public enum JoinKind: String, Sendable, Hashable, CaseIterable {
  case inner
  case left
  case right
  case full
  case semi
  case anti
}

/// One key of a join: `col` (the same name on both sides) or `left_col == right_col`.
public struct JoinKey: Sendable, Hashable {
  public var left: Identifier
  public var right: Identifier

  public init(left: Identifier, right: Identifier) {
    self.left = left
    self.right = right
  }

  /// True for `col`, written once for both sides.
  public var isSameName: Bool { left.name == right.name && left.range == right.range }
}
