#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

  /// Nil only for division (or remainder) by zero (null, as SQLite does); overflow is an error.
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
    case .remainder:
      if y.isZero { return nil }
      result = x.remainder(dividingBy: y)
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
    case .concat:
      // As SQL's concat: nulls are left out.
      var out = ""
      for arg in args where !arg.isNull { out += arg.description }
      return .text(out)
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
      // Exact, unlike `~`: case and accents count.
      switch f {
      case .contains: return .bool(y.isEmpty || x.contains(y))
      case .startswith: return .bool(x.hasPrefix(y))
      default: return .bool(x.hasSuffix(y))
      }
    case .substr:
      guard let text = args[0].text, let start = args[1].number?.intValue else { return .null }
      var length: Int? = nil
      if args.count > 2 {
        guard let n = args[2].number?.intValue else { return .null }
        length = n
      }
      return TextFunctions.substring(text, start: start, length: length).map(Value.text) ?? .null
    case .replace:
      guard let text = args[0].text, let from = args[1].text, let to = args[2].text else { return .null }
      return .text(TextFunctions.replace(text, from, to))
    case .trim:
      return args[0].text.map { .text(TextFunctions.trim($0)) } ?? .null
    case .split_part:
      guard let text = args[0].text, let separator = args[1].text, let n = args[2].number?.intValue else { return .null }
      return .text(TextFunctions.splitPart(text, separator: separator, index: n))
    case .number:
      if case .number = args[0] { return args[0] }
      return args[0].text.flatMap(TextFunctions.parseNumber).map(Value.number) ?? .null
    case .text:
      return TextFunctions.text(args[0]).map(Value.text) ?? .null
    case .mod:
      return try arithmetic(.remainder, args[0], args[1], range: range)
    case .bar:
      guard let x = args[0].number, let max = args[1].number else { return .null }
      var width = CellCharts.defaultBarWidth
      if args.count > 2 {
        guard let n = args[2].number?.intValue else { return .null }
        width = n
      }
      return CellCharts.bar(x, max: max, width: width).map(Value.text) ?? .null
    case .sqrt, .ln, .exp, .log10, .pow:
      guard let x = args[0].number else { return .null }
      return try math(f, x, args.count > 1 ? args[1].number : nil, range: range).map(Value.number) ?? .null
    case .coalesce, .if, .concat, .matches, .extract, .regex_replace:
      return .null
    }
  }

  /// `matches`, `extract`, `regex_replace` with their compiled pattern (args[1] is the
  /// pattern's text, unused here); null when an argument is null.
  static func patternCall(_ f: ScalarFunction, _ args: [Value], _ pattern: Pattern) -> Value {
    guard let text = args[0].text else { return .null }
    switch f {
    case .matches:
      return .bool(text.contains(pattern.regex))
    case .extract:
      let group = args.count > 2 ? args[2].number?.intValue : 0
      guard let group else { return .null }
      return TextFunctions.extract(text, pattern, group: group).map(Value.text) ?? .null
    case .regex_replace:
      guard let replacement = args[2].text else { return .null }
      return .text(TextFunctions.regexReplace(text, pattern, replacement))
    default:
      return .null
    }
  }

  /// `sqrt`, `ln`, `exp`, `log10` of x and `pow(x, y)`. Exact for `pow` with a whole exponent
  /// up to 64 in size; otherwise computed in binary floating point and rounded to 15
  /// significant digits (12 decimals at most). Nil (null) outside the function's domain
  /// (`sqrt(-1)`, `ln(0)`, `pow(0, -1)`, `pow(-8, 0.5)`); a result too large is an overflow error.
  static func math(_ f: ScalarFunction, _ x: Number, _ y: Number?, range: SourceRange) throws(RuntimeFailure) -> Number? {
    let d = x.doubleValue
    let result: Double
    switch f {
    case .sqrt:
      if x.isNegative { return nil }
      result = d.squareRoot()
    case .ln, .log10:
      if x.isNegative || x.isZero { return nil }
      result = f == .ln ? log(d) : log10(d)
    case .exp:
      result = exp(d)
    default:
      guard let y else { return nil }
      if let n = y.intValue, n.magnitude <= 64, let exact = exactPower(x, n) { return exact }
      if x.isZero && y.isNegative { return nil }
      result = pow(d, y.doubleValue)
    }
    if result.isNaN { return nil }
    guard let n = Number(approximating: result) else { throw overflow(at: range) }
    return n
  }

  /// x^n by repeated exact multiplication, 1 / x^|n| for negative n; nil when x^|n| does
  /// not fit 18 digits or is 0 (then the floating-point path decides).
  private static func exactPower(_ x: Number, _ n: Int) -> Number? {
    var result = Number(1)
    for _ in 0..<n.magnitude {
      guard let next = result.multiplying(x) else { return nil }
      result = next
    }
    if n >= 0 { return result }
    if result.isZero { return nil }
    return Number(1).dividing(by: result)
  }
}
