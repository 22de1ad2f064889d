import HQData
import HQSyntax

/// A function defined with `let NAME(PARAM, …) = EXPR`, kept for the session or script.
///
/// A call is expanded where it is written: the body with each parameter replaced by the
/// argument (see `Binder.userCall`), so a function may use aggregates and window functions
/// where those are allowed, and is checked against the columns and types where it is called.
public struct UserFunction: Sendable, Hashable {
  public var name: String
  public var parameters: [String]
  public var body: Expr
  /// The definition as written (`let pct(a, b) = round(a / b * 100, 1)`), for `.help`.
  public var definition: String

  /// How deeply calls of functions may nest, each inside the previous one's expansion.
  static let maxDepth = 16

  /// `pct(a, b)`.
  public var signature: String { "\(name)(\(parameters.joined(separator: ", ")))" }
}

extension Expr {
  /// The expression with each column named in `arguments` replaced by its argument and every
  /// other node given `range` (the call's), so diagnostics about the body point at the call.
  func substituting(_ arguments: [String: Expr], at range: SourceRange) -> Expr {
    if case .column(let name) = kind, let argument = arguments[name] { return argument }
    let kind: Kind
    switch self.kind {
    case .literal, .column, .parameter: kind = self.kind
    case .unary(let op, let x): kind = .unary(op, x.substituting(arguments, at: range))
    case .binary(let op, let x, let y, _):
      kind = .binary(op, x.substituting(arguments, at: range), y.substituting(arguments, at: range), operatorRange: range)
    case .inList(let x, let items, let negated):
      kind = .inList(x.substituting(arguments, at: range), items.map { $0.substituting(arguments, at: range) }, negated: negated)
    case .isNull(let x, let negated): kind = .isNull(x.substituting(arguments, at: range), negated: negated)
    case .call(let name, let args):
      kind = .call(Identifier(name.name, range: range), args.map { $0.substituting(arguments, at: range) })
    case .parenthesized(let x): kind = .parenthesized(x.substituting(arguments, at: range))
    case .caseWhen(let branches, let otherwise):
      kind = .caseWhen(
        branches.map { CaseBranch(condition: $0.condition.substituting(arguments, at: range), result: $0.result.substituting(arguments, at: range)) },
        otherwise: otherwise?.substituting(arguments, at: range))
    }
    return Expr(kind, range: range)
  }

  /// The names of the columns the expression refers to.
  func columnNames() -> [(name: String, range: SourceRange)] {
    if case .column(let name) = kind { return [(name, range)] }
    return kind.children.flatMap { $0.columnNames() }
  }
}
