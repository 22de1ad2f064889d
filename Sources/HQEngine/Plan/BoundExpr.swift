import HQData
import HQSyntax

/// An expression after checking: column names resolved to indexes, `$parameters` replaced by
/// their values, `in` lists and parentheses lowered, every node typed.
///
/// The executor evaluates it a column at a time (see `Evaluator`); `range` points back at the
/// source for runtime errors such as an overflowing sum.
struct BoundExpr: Sendable {
  indirect enum Kind: Sendable {
    case literal(Value)
    case column(Int)
    case negate(BoundExpr)
    case not(BoundExpr)
    case arithmetic(ArithmeticOperator, BoundExpr, BoundExpr)
    case comparison(ComparisonOperator, BoundExpr, BoundExpr)
    /// `~` (or `!~` when negated): contains, folded as ``FoldPattern`` says.
    case contains(BoundExpr, BoundExpr, negated: Bool)
    case and(BoundExpr, BoundExpr)
    case or(BoundExpr, BoundExpr)
    case isNull(BoundExpr, negated: Bool)
    case call(ScalarFunction, [BoundExpr])
    /// `matches`, `extract`, `regex_replace`: a call whose second argument, the pattern, was
    /// compiled when the query was checked.
    case patternCall(ScalarFunction, [BoundExpr], Pattern)
  }

  var kind: Kind
  /// Nil for the `null` literal, which fits every type.
  var type: ValueType?
  var range: SourceRange

  init(_ kind: Kind, type: ValueType?, range: SourceRange) {
    self.kind = kind
    self.type = type
    self.range = range
  }

  /// The column index when the expression is a bare column reference.
  var columnIndex: Int? {
    if case .column(let i) = kind { return i }
    return nil
  }
}

enum ArithmeticOperator: Sendable {
  case add, subtract, multiply, divide, remainder
}

/// The scalar functions of the language (aggregates are ``AggregateFunction``).
enum ScalarFunction: String, Sendable, CaseIterable {
  case abs, round, floor, ceil, lower, upper, length, contains, startswith, endswith, coalesce
  case `if`
  case concat, substr, replace, trim, split_part, matches, extract, regex_replace
  case number, text
  case sqrt, pow, ln, exp, log10, mod
  case bar

  /// True for the functions whose second argument is a regular expression.
  var takesPattern: Bool { self == .matches || self == .extract || self == .regex_replace }
}

/// The aggregates allowed in `summarize` and `pivot … value`.
enum AggregateFunction: String, Sendable, CaseIterable {
  case count, count_distinct, sum, avg, min, max, median, stddev, first, last
  case percentile, variance, list, spark
}

/// The functions that read other rows of the row's group, in the order of `derive … sort …`;
/// allowed only in `derive`.
enum WindowFunction: String, Sendable, CaseIterable {
  case lag, lead, row_number, rank, dense_rank, running_sum, moving_avg
}
