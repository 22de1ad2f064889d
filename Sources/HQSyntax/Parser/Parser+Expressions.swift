extension Parser {
  /// `or` binds loosest, then `and`, `not`, comparisons, `+ -`, `* /`, unary `-`.
  mutating func parseExpression() throws(ParseError) -> Expr {
    try enterNesting()
    defer { depth -= 1 }
    return try parseOr()
  }

  /// Counts one level of nesting and fails once there are too many, before the stack grows.
  mutating func enterNesting() throws(ParseError) {
    depth += 1
    if depth > Self.maxNestingDepth {
      throw error("expression nested too deeply (more than \(Self.maxNestingDepth) levels)", at: current.range,
                  help: "split it into steps with derive")
    }
  }

  /// Builds a binary node, failing when the tree would grow taller than allowed.
  func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, operatorRange: SourceRange) throws(ParseError) -> Expr {
    let expr = Expr(.binary(op, lhs, rhs, operatorRange: operatorRange), range: SourceRange(lhs.range.start, rhs.range.end))
    if expr.height > Self.maxExpressionHeight {
      throw error("expression too long (more than \(Self.maxExpressionHeight) operators deep)", at: operatorRange,
                  help: "split it into steps with derive, or use 'in [a, b, …]' instead of many 'or's")
    }
    return expr
  }

  mutating func parseOr() throws(ParseError) -> Expr {
    var lhs = try parseAnd()
    while current.isWord("or") {
      let op = take()
      lhs = try binary(.or, lhs, try parseAnd(), operatorRange: op.range)
    }
    return lhs
  }

  mutating func parseAnd() throws(ParseError) -> Expr {
    var lhs = try parseNot()
    while current.isWord("and") {
      let op = take()
      lhs = try binary(.and, lhs, try parseNot(), operatorRange: op.range)
    }
    return lhs
  }

  mutating func parseNot() throws(ParseError) -> Expr {
    guard current.isWord("not") else { return try parseComparison() }
    let op = take()
    try enterNesting()
    defer { depth -= 1 }
    let operand = try parseNot()
    return Expr(.unary(.not, operand), range: SourceRange(op.range.start, operand.range.end))
  }

  /// `a OP b` for one comparison operator (they do not chain), `a [not] in [list]`,
  /// `a is [not] null`.
  mutating func parseComparison() throws(ParseError) -> Expr {
    let lhs = try parseAdditive()
    if let op = current.binaryOperator, op.isComparison {
      let opToken = take()
      if current.isWord("null") && (op == .equal || op == .notEqual) {
        throw error("'\(op.symbol) null' is never true: a comparison with null is null", at: SourceRange(opToken.range.start, current.range.end),
                    help: op == .equal ? "write 'is null'" : "write 'is not null'")
      }
      let rhs = try parseAdditive()
      if let next = current.binaryOperator, next.isComparison {
        throw error("comparisons do not chain", at: current.range, help: "write 'a < b and b < c'")
      }
      return try binary(op, lhs, rhs, operatorRange: opToken.range)
    }
    if current.kind == .assign {
      throw error("'=' does not compare", at: current.range, help: "to compare, write '=='")
    }
    if current.isWord("in") {
      advance()
      return try parseInList(lhs, negated: false)
    }
    if current.isWord("not"), following.isWord("in") {
      advance()
      advance()
      return try parseInList(lhs, negated: true)
    }
    if current.isWord("is") {
      advance()
      let negated = current.isWord("not")
      if negated { advance() }
      let null = try expectWord("null", "expected 'null' after 'is\(negated ? " not" : "")'", help: "x is null, x is not null")
      return Expr(.isNull(lhs, negated: negated), range: SourceRange(lhs.range.start, null.range.end))
    }
    return lhs
  }

  /// `[a, b, …]` after `in`.
  mutating func parseInList(_ lhs: Expr, negated: Bool) throws(ParseError) -> Expr {
    let open = try expect(.leftBracket, "expected '[' after 'in'", help: "indicator in [\"a\", \"b\"]")
    var items: [Expr] = []
    while current.kind != .rightBracket {
      if !items.isEmpty {
        guard current.kind == .comma else {
          throw error("expected ',' or ']' in the list opened at \(source.location(at: open.range.start)), found \(current.displayName)", at: current.range)
        }
        advance()
      }
      items.append(try parseExpression())
    }
    let close = take()
    let expr = Expr(.inList(lhs, items, negated: negated), range: SourceRange(lhs.range.start, close.range.end))
    if expr.height > Self.maxExpressionHeight {
      throw error("expression too long (more than \(Self.maxExpressionHeight) operators deep)", at: open.range)
    }
    return expr
  }

  mutating func parseAdditive() throws(ParseError) -> Expr {
    var lhs = try parseMultiplicative()
    while current.kind == .plus || current.kind == .minus {
      let op = take()
      lhs = try binary(op.kind == .plus ? .add : .subtract, lhs, try parseMultiplicative(), operatorRange: op.range)
    }
    return lhs
  }

  mutating func parseMultiplicative() throws(ParseError) -> Expr {
    var lhs = try parseUnary()
    while current.kind == .star || current.kind == .slash || current.kind == .percent {
      let op = take()
      let kind: BinaryOperator = op.kind == .star ? .multiply : op.kind == .slash ? .divide : .remainder
      lhs = try binary(kind, lhs, try parseUnary(), operatorRange: op.range)
    }
    return lhs
  }

  mutating func parseUnary() throws(ParseError) -> Expr {
    guard current.kind == .minus else { return try parsePrimary() }
    let op = take()
    try enterNesting()
    defer { depth -= 1 }
    let operand = try parseUnary()
    return Expr(.unary(.negate, operand), range: SourceRange(op.range.start, operand.range.end))
  }

  mutating func parsePrimary() throws(ParseError) -> Expr {
    let token = current
    switch token.kind {
    case .number:
      advance()
      return Expr(.literal(.number(token.value)), range: token.range)
    case .string:
      advance()
      return Expr(.literal(.string(token.value)), range: token.range)
    case .parameter:
      advance()
      return Expr(.parameter(token.value), range: token.range)
    case .quotedIdentifier:
      advance()
      return Expr(.column(token.value), range: token.range)
    case .leftParen:
      advance()
      let inner = try parseExpression()
      guard current.kind == .rightParen else {
        throw error("expected ')' to close the '(' at \(source.location(at: token.range.start)), found \(current.displayName)", at: current.range)
      }
      let close = take()
      return Expr(.parenthesized(inner), range: SourceRange(token.range.start, close.range.end))
    case .identifier:
      return try parseWord()
    default:
      throw expectedExpressionError()
    }
  }

  /// A bare word in an expression: `true`, `false`, `null`, a call `name(…)`, or a column.
  mutating func parseWord() throws(ParseError) -> Expr {
    let token = current
    switch token.value {
    case "true", "false":
      advance()
      return Expr(.literal(.bool(token.value == "true")), range: token.range)
    case "null":
      advance()
      return Expr(.literal(.null), range: token.range)
    case "and", "or", "not", "in", "is":
      throw expectedExpressionError()
    case "case" where following.isWord("when"):
      return try parseCase()
    case "case" where Self.startsAnOperand(following.kind):
      // SQL's `case value when 1 then …`, or `case if …`: a column is never followed by an
      // operand, so this can only be a `case` without its `when`.
      throw error(
        "expected 'when' after 'case', found \(following.displayName)", at: following.range,
        help: "hq's case compares in each branch: case when value == 100 then \"high\" else \"low\" end")
    case _ where token.value.lowercased() == "case" && following.kind == .identifier && following.value.lowercased() == "when":
      throw error(
        "'\(token.value) \(following.value)' is not a case expression", at: SourceRange(token.range.start, following.range.end),
        help: "hq keywords are lowercase: case when value > 100 then \"high\" else \"low\" end")
    default:
      break
    }
    advance()
    guard current.kind == .leftParen else {
      return Expr(.column(token.value), range: token.range)
    }
    return try parseCall(Identifier(token.value, range: token.range))
  }

  /// True for a token that begins an operand by itself (a name, a number, a text, a parameter).
  static func startsAnOperand(_ kind: TokenKind) -> Bool {
    switch kind {
    case .identifier, .quotedIdentifier, .number, .string, .parameter: true
    default: false
    }
  }

  /// `case when COND then EXPR { when COND then EXPR } [else EXPR] end`; at `case`.
  mutating func parseCase() throws(ParseError) -> Expr {
    let start = take()
    try enterNesting()
    defer { depth -= 1 }
    let example = "case when value > 100 then \"high\" else \"low\" end"
    var branches: [CaseBranch] = []
    while current.isWord("when") {
      if branches.count >= Self.maxExpressionHeight {
        throw error("'case' has more than \(Self.maxExpressionHeight) branches", at: current.range,
                    help: "join a table of the values instead")
      }
      advance()
      if current.isWord("then") || current.isWord("else") || current.isWord("end") {
        throw error("expected a condition after 'when', found \(current.displayName)", at: current.range, help: example)
      }
      let condition = try parseExpression()
      _ = try expectWord("then", "expected 'then' after the condition of 'when'", help: example)
      branches.append(CaseBranch(condition: condition, result: try parseExpression()))
    }
    var otherwise: Expr?
    if current.isWord("else") {
      advance()
      otherwise = try parseExpression()
    }
    let end = try expectWord(
      "end", "expected \(otherwise == nil ? "'when', 'else' or " : "")'end' to close the 'case' at \(source.location(at: start.range.start))",
      help: example)
    let expr = Expr(.caseWhen(branches, otherwise: otherwise), range: SourceRange(start.range.start, end.range.end))
    if expr.height > Self.maxExpressionHeight {
      throw error("expression too long (more than \(Self.maxExpressionHeight) operators deep)", at: start.range)
    }
    return expr
  }

  /// `name(arg, …)`; the name is consumed, the current token is `(`.
  mutating func parseCall(_ name: Identifier) throws(ParseError) -> Expr {
    let open = take()
    try enterNesting()
    defer { depth -= 1 }
    var arguments: [Expr] = []
    while current.kind != .rightParen {
      if !arguments.isEmpty {
        guard current.kind == .comma else {
          throw error("expected ',' or ')' in the call to \(name.name) opened at \(source.location(at: open.range.start)), found \(current.displayName)", at: current.range)
        }
        advance()
      } else if current.kind == .star {
        throw error("'*' is not an argument in hq", at: current.range, help: "write \(name.name)() to count rows")
      }
      arguments.append(try parseExpression())
    }
    let close = take()
    let expr = Expr(.call(name, arguments), range: SourceRange(name.range.start, close.range.end))
    if expr.height > Self.maxExpressionHeight {
      throw error("expression too long (more than \(Self.maxExpressionHeight) operators deep)", at: name.range)
    }
    return expr
  }

  func expectedExpressionError() -> ParseError {
    let token = current
    var help: String?
    switch token.kind {
    case .pipe, .newline, .endOfInput, .semicolon:
      help = "write a value, a column or an expression, e.g. where year == 2024"
    case .identifier where Keywords.expressionWords.contains(token.value):
      help = "to use '\(token.value)' as a column name, write `\(token.value)`"
    case .star:
      help = "every column is kept unless you select some; list them: select indicator, value"
    default:
      break
    }
    return error("expected an expression, found \(token.displayName)", at: token.range, help: help)
  }
}
