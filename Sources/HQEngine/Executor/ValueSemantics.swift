import HQData
import HQSyntax

/// The meaning of each operator and function on single values, with SQL's null rules.
///
/// The evaluator's general path calls these per row; its fast paths (numbers against a
/// constant, text through the dictionary, boolean masks) must agree with them exactly, and
/// the tests check both paths against the same hand-worked values.
enum ValueSemantics {
  /// -1, 0 or 1; nil when either side is null. Text orders as ``Collation`` does (Swedish,
  /// case-insensitive first, then a fixed tiebreak), so `==` remains exact equality.
  static func order(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.number(let x), .number(let y)): return x < y ? -1 : (x == y ? 0 : 1)
    case (.text(let x), .text(let y)):
      if x == y { return 0 }
      return Collation.areInIncreasingOrder(x, y) ? -1 : 1
    case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
    default: return nil
    }
  }

  static func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) -> Value {
    if op == .equal || op == .notEqual, case .text(let x) = a, case .text(let y) = b {
      return .bool((x == y) == (op == .equal))
    }
    guard let o = order(a, b) else { return .null }
    return .bool(op.holds(o))
  }

  static func arithmetic(_ op: ArithmeticOperator, _ a: Value, _ b: Value, range: SourceRange) throws(RuntimeFailure) -> Value {
    guard case .number(let x) = a, case .number(let y) = b else { return .null }
    return try arithmetic(op, x, y, range: range).map(Value.number) ?? .null
  }

  /// Nil only for division by zero (null, as SQLite does); overflow is an error.
  @inline(__always)
  static func arithmetic(_ op: ArithmeticOperator, _ x: Number, _ y: Number, range: SourceRange) throws(RuntimeFailure) -> Number? {
    let result: Number?
    switch op {
    case .add: result = x.adding(y)
    case .subtract: result = x.subtracting(y)
    case .multiply: result = x.multiplying(y)
    case .divide:
      if y.isZero { return nil }
      result = x.dividing(by: y)
    }
    guard let result else { throw overflow(at: range) }
    return result
  }

  static func overflow(at range: SourceRange) -> RuntimeFailure {
    .error(
      "number overflow: the result does not fit in 18 significant digits", at: range,
      help: "divide before multiplying, or round to fewer decimals")
  }

  static func contains(_ a: Value, _ b: Value, negated: Bool) -> Value {
    guard case .text(let x) = a, case .text(let y) = b else { return .null }
    return .bool(Collation.foldedContains(x, y) != negated)
  }

  static func and(_ a: Value, _ b: Value) -> Value {
    if a.bool == false || b.bool == false { return .bool(false) }
    if a.isNull || b.isNull { return .null }
    return .bool(true)
  }

  static func or(_ a: Value, _ b: Value) -> Value {
    if a.bool == true || b.bool == true { return .bool(true) }
    if a.isNull || b.isNull { return .null }
    return .bool(false)
  }

  static func not(_ a: Value) -> Value {
    guard case .bool(let x) = a else { return .null }
    return .bool(!x)
  }

  static func negate(_ a: Value, range: SourceRange) throws(RuntimeFailure) -> Value {
    guard case .number(let x) = a else { return .null }
    guard x.mantissa != .min else { throw overflow(at: range) }
    return .number(x.negated)
  }

  /// A scalar function applied to one row's arguments.
  static func call(_ f: ScalarFunction, _ args: [Value], range: SourceRange) throws(RuntimeFailure) -> Value {
    switch f {
    case .coalesce:
      return args.first { !$0.isNull } ?? .null
    case .if:
      return args[0].bool == true ? args[1] : args[2]
    default:
      break
    }
    if args.contains(where: \.isNull) { return .null }
    switch f {
    case .abs:
      guard let n = args[0].number else { return .null }
      guard n.mantissa != .min else { throw overflow(at: range) }
      return .number(n.magnitude)
    case .round:
      guard let n = args[0].number else { return .null }
      let places = args.count > 1 ? (args[1].number?.rounded()?.intValue ?? 0) : 0
      guard let rounded = n.rounded(places: places) else { throw overflow(at: range) }
      return .number(rounded.normalized)
    case .floor: return args[0].number.map { .number($0.floor) } ?? .null
    case .ceil: return args[0].number.map { .number($0.ceiling) } ?? .null
    case .lower: return args[0].text.map { .text($0.lowercased()) } ?? .null
    case .upper: return args[0].text.map { .text($0.uppercased()) } ?? .null
    case .length: return args[0].text.map { .int($0.count) } ?? .null
    case .contains, .startswith, .endswith:
      guard let x = args[0].text, let y = args[1].text else { return .null }
      let hay = Collation.fold(x)
      let needle = Collation.fold(y)
      switch f {
      case .contains: return .bool(Collation.contains(folded: hay, folded: needle))
      case .startswith: return .bool(hay.starts(with: needle))
      default: return .bool(hay.count >= needle.count && Array(hay.suffix(needle.count)) == needle)
      }
    case .coalesce, .if:
      return .null
    }
  }
}
