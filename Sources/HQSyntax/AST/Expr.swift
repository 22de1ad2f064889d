/// An expression: a literal, a column, a `$parameter`, an operator or a function call.
///
/// Every node carries the range of its text so the checker can point at the exact part of
/// an expression that is wrong.
public struct Expr: Sendable, Hashable {
  public indirect enum Kind: Sendable, Hashable {
    case literal(Literal)
    /// A column name, bare (`value`) or backquoted (`` `antal patienter` ``); the name is
    /// stored without backquotes.
    case column(String)
    /// `$name`; the name is stored without `$`.
    case parameter(String)
    case unary(UnaryOperator, Expr)
    /// `operatorRange` covers the operator token (`==`, `and`, …).
    case binary(BinaryOperator, Expr, Expr, operatorRange: SourceRange)
    /// `expr in [a, b, …]`, or `expr not in [a, b, …]` when `negated`.
    case inList(Expr, [Expr], negated: Bool)
    /// `expr is null`, or `expr is not null` when `negated`.
    case isNull(Expr, negated: Bool)
    /// `name(arg, …)`: a function or an aggregate (`count()` has no arguments).
    case call(Identifier, [Expr])
    /// `( expr )`, kept so printed forms and error spans follow what was typed.
    case parenthesized(Expr)
    /// `case when COND then EXPR … [else EXPR] end`: the first branch whose condition is
    /// true; the `else` value (null when there is none) when no condition is.
    case caseWhen([CaseBranch], otherwise: Expr?)
  }

  public var kind: Kind
  public var range: SourceRange
  /// The height of the tree under this node when it was built (a leaf is 1). The parser
  /// bounds it so that recursive walks over any parsed expression stay shallow.
  public let height: Int

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
    self.height = 1 + kind.children.reduce(0) { max($0, $1.height) }
  }

  /// The expression without any enclosing parentheses.
  public var unparenthesized: Expr {
    var expr = self
    while case .parenthesized(let inner) = expr.kind { expr = inner }
    return expr
  }
}

/// A constant written in the source.
public enum Literal: Sendable, Hashable {
  /// A number exactly as typed (`42`, `9.4`, `0.125`): the digits and at most one `.`, never
  /// converted to floating point here, so the engine can build an exact decimal from it.
  case number(String)
  /// Text, with escapes already resolved.
  case string(String)
  case bool(Bool)
  case null
}

/// `-expr` and `not expr`.
public enum UnaryOperator: String, Sendable, Hashable, CaseIterable {
  case negate = "-"
  case not = "not"
}

/// The binary operators, from loosest to tightest binding:
/// `or`; `and`; comparisons `== != < <= > >= ~ !~` (and `in`, `is null`); `+ -`; `* / %`.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
  case or = "or"
  case and = "and"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  /// `~`: the left text contains the right text, folded as `FoldPattern` says.
  case contains = "~"
  /// `!~`: the left text does not contain the right text (folding as `~`).
  case notContains = "!~"
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  /// `%`: the remainder of a division, with the sign of the dividend (`-7 % 3` is `-1`).
  case remainder = "%"

  /// How tightly the operator binds; higher binds tighter. All binary operators are
  /// left-associative; comparisons do not chain (`a < b < c` is an error).
  public var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .contains, .notContains: 4
    case .add, .subtract: 5
    case .multiply, .divide, .remainder: 6
    }
  }

  /// The operator as written in source.
  public var symbol: String { rawValue }

  /// True for `== != < <= > >= ~ !~`.
  public var isComparison: Bool { precedence == 4 }
}

extension Expr.Kind {
  /// The direct subexpressions, in source order.
  public var children: [Expr] {
    switch self {
    case .literal, .column, .parameter: []
    case .unary(_, let operand): [operand]
    case .binary(_, let lhs, let rhs, _): [lhs, rhs]
    case .inList(let value, let list, _): [value] + list
    case .isNull(let value, _): [value]
    case .call(_, let arguments): arguments
    case .parenthesized(let inner): [inner]
    case .caseWhen(let branches, let otherwise): branches.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
    }
  }
}

/// `when CONDITION then RESULT` in a `case` expression.
public struct CaseBranch: Sendable, Hashable {
  public var condition: Expr
  public var result: Expr

  public init(condition: Expr, result: Expr) {
    self.condition = condition
    self.result = result
  }
}
