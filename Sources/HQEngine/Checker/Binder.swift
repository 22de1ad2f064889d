import HQData
import HQSyntax

/// Resolves an expression's names and types against a schema, producing a ``BoundExpr``.
///
/// In `summarize` (and `pivot … value`) the binder also collects aggregate calls: each call's
/// argument is bound against the input rows, and the call itself becomes a reference to
/// column `keys + n` of the table of per-group results, so `sum(value) / count()` works.
struct Binder {
  let source: SourceFile
  /// The columns names resolve against.
  let schema: [Field]
  let parameters: [String: Value]
  /// The functions defined with `let NAME(…) = …`, expanded where they are called.
  let functions: [String: UserFunction]
  /// How many user function calls the expression being bound is inside (bounded, so a
  /// chain of functions calling each other cannot expand without end).
  var expansionDepth = 0
  /// The summed height of the function bodies being expanded around the expression being
  /// bound: bounded like a written expression's height, so binding and evaluating stay shallow.
  var expansionHeight = 0
  /// Non-nil where aggregates are allowed: the rows they aggregate over.
  var aggregateRows: [Field]? = nil
  /// The aggregate calls found so far (in `summarize`).
  var aggregates: [AggregateCall] = []
  /// What to say when a column is used outside an aggregate in `summarize`.
  var columnOutsideAggregateHelp: String? = nil
  /// Non-nil in `derive`, where aggregates and order functions are computed per row over the
  /// row's group: the calls found so far. Call number `n` is bound as column `schema.count + n`.
  var windowCalls: [WindowCall]? = nil
  /// The text of each window call bound so far → its number, so `lag(value)` written twice
  /// is computed once.
  private var windowNumbers: [String: Int] = [:]

  init(source: SourceFile, schema: [Field], parameters: [String: Value], functions: [String: UserFunction] = [:]) {
    self.source = source
    self.schema = schema
    self.parameters = parameters
    self.functions = functions
  }

  /// The text of a range of the source, for naming unnamed columns (`value * 2`).
  func text(_ range: SourceRange) -> String {
    let utf8 = source.text.utf8
    guard range.start >= 0, range.end <= utf8.count, range.start <= range.end else { return "expr" }
    let start = utf8.index(utf8.startIndex, offsetBy: range.start)
    let end = utf8.index(utf8.startIndex, offsetBy: range.end)
    return String(source.text[start..<end])
  }

  mutating func bind(_ expr: Expr) throws(CheckFailure) -> BoundExpr {
    let range = expr.range
    switch expr.kind {
    case .parenthesized(let inner):
      return try bind(inner)
    case .literal(let literal):
      return BoundExpr(.literal(try Self.value(of: literal, at: range)), type: Self.type(of: literal), range: range)
    case .column(let name):
      return try column(name, at: range)
    case .parameter(let name):
      let value = try parameter(name, at: range)
      return BoundExpr(.literal(value), type: value.type, range: range)
    case .unary(let op, let operand):
      let x = try bind(operand)
      switch op {
      case .negate:
        try expect(x, .number, "'-' needs a number", operand.range)
        if case .literal(.number(let n)) = x.kind { return BoundExpr(.literal(.number(n.negated)), type: .number, range: range) }
        return BoundExpr(.negate(x), type: .number, range: range)
      case .not:
        try expect(x, .bool, "'not' needs a true/false value", operand.range)
        return BoundExpr(.not(x), type: .bool, range: range)
      }
    case .binary(let op, let lhs, let rhs, let operatorRange):
      return try binary(op, bind(lhs), bind(rhs), range: range, operatorRange: operatorRange)
    case .inList(let value, let items, let negated):
      let x = try bind(value)
      var equals: [BoundExpr] = []
      for item in items {
        let y = try bind(item)
        try comparable(x, y, "in", at: item.range)
        equals.append(BoundExpr(.comparison(.equal, x, y), type: .bool, range: range))
      }
      // A balanced `or` tree, so a list of thousands stays shallow for the evaluator.
      while equals.count > 1 {
        var next: [BoundExpr] = []
        var i = 0
        while i < equals.count {
          if i + 1 < equals.count {
            next.append(BoundExpr(.or(equals[i], equals[i + 1]), type: .bool, range: range))
          } else {
            next.append(equals[i])
          }
          i += 2
        }
        equals = next
      }
      let any = equals.first ?? BoundExpr(.literal(.bool(false)), type: .bool, range: range)
      return negated ? BoundExpr(.not(any), type: .bool, range: range) : any
    case .isNull(let value, let negated):
      return BoundExpr(.isNull(try bind(value), negated: negated), type: .bool, range: range)
    case .call(let name, let args):
      return try call(name, args, range: range)
    case .caseWhen(let branches, let otherwise):
      return try caseWhen(branches, otherwise: otherwise, range: range)
    }
  }

  /// `case when … end`, lowered to nested `if`s: `if(c1, r1, if(c2, r2, else))`.
  mutating func caseWhen(_ branches: [CaseBranch], otherwise: Expr?, range: SourceRange) throws(CheckFailure) -> BoundExpr {
    var conditions: [BoundExpr] = []
    var results: [BoundExpr] = []
    var type: ValueType?

    for branch in branches {
      let condition = try bind(branch.condition)
      try expect(condition, .bool, "'when' needs a true/false condition", branch.condition.range)
      conditions.append(condition)
      results.append(try bind(branch.result))
    }
    var fallback = BoundExpr(.literal(.null), type: nil, range: range)
    if let otherwise { fallback = try bind(otherwise) }
    for result in results + [fallback] {
      guard let t = result.type else { continue }
      if let known = type, known != t {
        throw CheckFailure(
          .error, "the results of 'case' must have one type, but this is \(Self.article(t)) after \(Self.article(known))", at: result.range,
          help: known == .text ? "convert it with text(…)" : nil)
      }
      type = t
    }
    var expr = fallback
    for i in conditions.indices.reversed() {
      expr = BoundExpr(.call(.if, [conditions[i], results[i], expr]), type: type, range: range)
    }
    expr.type = type
    return expr
  }

  // MARK: Names

  func column(_ name: String, at range: SourceRange) throws(CheckFailure) -> BoundExpr {
    if let i = schema.firstIndex(where: { $0.name == name }) {
      return BoundExpr(.column(i), type: schema[i].type, range: range)
    }
    if let help = columnOutsideAggregateHelp, let rows = aggregateRows, rows.contains(where: { $0.name == name }) {
      throw CheckFailure(.error, "column '\(name)' is neither in 'by' nor inside an aggregate", at: range, help: help + "(\(name))")
    }
    throw Self.unknownColumn(name, at: range, in: schema)
  }

  static func unknownColumn(_ name: String, at range: SourceRange, in schema: [Field]) -> CheckFailure {
    let names = schema.map(\.name)
    if let i = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
      return CheckFailure(.error, "unknown column '\(name)'", at: range, help: "did you mean '\(names[i])'?")
    }
    if let suggestion = Suggestion.bestMatch(for: name, in: names) {
      return CheckFailure(.error, "unknown column '\(name)'", at: range, help: "did you mean '\(suggestion)'?")
    }
    return CheckFailure(.error, "unknown column '\(name)'", at: range, help: "the columns here are: \(names.joined(separator: ", "))")
  }

  func parameter(_ name: String, at range: SourceRange) throws(CheckFailure) -> Value {
    guard let value = parameters[name] else {
      var help = "set it with --set \(name)=VALUE on the command line, or .set \(name) VALUE in the shell"
      if let near = Suggestion.bestMatch(for: name, in: parameters.keys.sorted()) { help = "did you mean '$\(near)'? Or " + help }
      throw CheckFailure(.error, "parameter '$\(name)' is not set", at: range, help: help)
    }
    return Engine.parameterValue(value)
  }

  static func value(of literal: Literal, at range: SourceRange) throws(CheckFailure) -> Value {
    switch literal {
    case .number(let text):
      guard let n = Number(text) else {
        throw CheckFailure(.error, "the number \(text) does not fit in 18 digits", at: range)
      }
      return .number(n)
    case .string(let s): return .text(s)
    case .bool(let b): return .bool(b)
    case .null: return .null
    }
  }

  static func type(of literal: Literal) -> ValueType? {
    switch literal {
    case .number: .number
    case .string: .text
    case .bool: .bool
    case .null: nil
    }
  }

  // MARK: Types

  func expect(_ x: BoundExpr, _ type: ValueType, _ message: String, _ range: SourceRange) throws(CheckFailure) {
    if let t = x.type, t != type {
      throw CheckFailure(.error, "\(message), but this is \(Self.article(t))", at: range, help: Self.conversionHelp(x, want: type))
    }
  }

  static func article(_ t: ValueType) -> String {
    switch t {
    case .number: "a number"
    case .text: "text"
    case .bool: "a true/false value"
    }
  }

  static func conversionHelp(_ x: BoundExpr, want: ValueType) -> String? {
    if case .literal(.number(let n)) = x.kind, want == .text { return "write it as text: \"\(n)\"" }
    if case .literal(.text(let s)) = x.kind, want == .number, Number(s) != nil { return "write it without quotes: \(s)" }
    return nil
  }

  func comparable(_ x: BoundExpr, _ y: BoundExpr, _ symbol: String, at range: SourceRange) throws(CheckFailure) {
    guard let a = x.type, let b = y.type, a != b else { return }
    let help = Self.conversionHelp(y, want: a) ?? Self.conversionHelp(x, want: b)
    throw CheckFailure(.error, "cannot compare \(Self.article(a)) with \(Self.article(b)) using '\(symbol)'", at: range, help: help)
  }

  mutating func binary(_ op: BinaryOperator, _ x: BoundExpr, _ y: BoundExpr, range: SourceRange, operatorRange: SourceRange) throws(CheckFailure) -> BoundExpr {
    switch op {
    case .add, .subtract, .multiply, .divide, .remainder:
      try expect(x, .number, "'\(op.symbol)' needs numbers", x.range)
      try expect(y, .number, "'\(op.symbol)' needs numbers", y.range)
      let arithmetic: ArithmeticOperator = switch op {
      case .add: .add
      case .subtract: .subtract
      case .multiply: .multiply
      case .remainder: .remainder
      default: .divide
      }
      return BoundExpr(.arithmetic(arithmetic, x, y), type: .number, range: range)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      try comparable(x, y, op.symbol, at: range)
      let comparison: ComparisonOperator = switch op {
      case .equal: .equal
      case .notEqual: .notEqual
      case .less: .less
      case .lessOrEqual: .lessOrEqual
      case .greater: .greater
      default: .greaterOrEqual
      }
      return BoundExpr(.comparison(comparison, x, y), type: .bool, range: range)
    case .contains, .notContains:
      try expect(x, .text, "'\(op.symbol)' searches text", x.range)
      try expect(y, .text, "'\(op.symbol)' searches for text", y.range)
      return BoundExpr(.contains(x, y, negated: op == .notContains), type: .bool, range: range)
    case .and, .or:
      try expect(x, .bool, "'\(op.symbol)' needs true/false values", x.range)
      try expect(y, .bool, "'\(op.symbol)' needs true/false values", y.range)
      return BoundExpr(op == .and ? .and(x, y) : .or(x, y), type: .bool, range: range)
    }
  }

  // MARK: Calls

  mutating func call(_ name: Identifier, _ args: [Expr], range: SourceRange) throws(CheckFailure) -> BoundExpr {
    if let aggregate = AggregateFunction(rawValue: name.name) {
      return try aggregateCall(aggregate, name, args, range: range)
    }
    if let window = WindowFunction(rawValue: name.name) {
      return try windowCall(window, args, range: range)
    }
    if let function = functions[name.name] {
      return try userCall(function, args, range: range)
    }
    guard let function = ScalarFunction(rawValue: name.name) else {
      let all = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue)
        + WindowFunction.allCases.map(\.rawValue) + functions.keys.sorted()
      let help = Suggestion.bestMatch(for: name.name, in: all).map { "did you mean '\($0)'?" }
        ?? "the functions are: \(all.joined(separator: ", "))"
      throw CheckFailure(.error, "unknown function '\(name.name)'", at: name.range, help: help)
    }
    var bound: [BoundExpr] = []
    for arg in args { bound.append(try bind(arg)) }
    let signature = function.signature
    guard signature.arity.contains(bound.count) else {
      throw CheckFailure(
        .error, "\(function.rawValue) takes \(signature.arityText), but \(bound.count) \(bound.count == 1 ? "was" : "were") given",
        at: range, help: "write \(signature.example)")
    }
    var resultType = signature.result
    switch function {
    case .coalesce:
      var common: ValueType? = nil
      for arg in bound {
        guard let t = arg.type else { continue }
        if let c = common, c != t {
          throw CheckFailure(.error, "coalesce needs arguments of one type, but this is \(Self.article(t)) after \(Self.article(c))", at: arg.range)
        }
        common = t
      }
      resultType = common
    case .if:
      try expect(bound[0], .bool, "if's first argument is the condition", bound[0].range)
      if let a = bound[1].type, let b = bound[2].type, a != b {
        throw CheckFailure(.error, "if needs both results of one type, but they are \(Self.article(a)) and \(Self.article(b))", at: range)
      }
      resultType = bound[1].type ?? bound[2].type
    case .concat, .text:
      break
    case .number:
      if bound[0].type == .bool {
        throw CheckFailure(.error, "number reads numbers from text, but this is a true/false value", at: bound[0].range,
                           help: "write if(\(text(bound[0].range)), 1, 0)")
      }
    default:
      for (i, arg) in bound.enumerated() {
        let want = signature.arguments[min(i, signature.arguments.count - 1)]
        try expect(arg, want, "\(function.rawValue) needs \(Self.article(want)) here", arg.range)
      }
    }
    if function == .extract, bound.count > 2 { try constantGroup(bound[2]) }
    if function.takesPattern {
      return BoundExpr(.patternCall(function, bound, try pattern(bound[1], function)), type: resultType, range: range)
    }
    return BoundExpr(.call(function, bound), type: resultType, range: range)
  }

  /// The compiled regular expression of `matches`, `extract`, `regex_replace`: text written
  /// in the query (or a parameter), so a mistake in it is found before anything runs.
  func pattern(_ argument: BoundExpr, _ function: ScalarFunction) throws(CheckFailure) -> Pattern {
    guard case .literal(.text(let source)) = argument.kind else {
      throw CheckFailure(
        .error, "the pattern of \(function.rawValue) must be text written in the query", at: argument.range,
        help: "write it in quotes: \(function.signature.example)")
    }
    switch Pattern.compile(source) {
    case .success(let pattern): return pattern
    case .failure(let error):
      throw CheckFailure(
        .error, "invalid regular expression: \(error.message)", at: argument.range,
        help: "a backslash in hq text is written \\\\: \"\\\\d+\" matches digits; \\\\( and \\\\. match '(' and '.'")
    }
  }

  /// The group number of `extract(t, pattern, group)`: a whole number ≥ 0 written in the query.
  func constantGroup(_ argument: BoundExpr) throws(CheckFailure) {
    guard case .literal(.number(let n)) = argument.kind, let group = n.intValue, group >= 0 else {
      throw CheckFailure(.error, "extract's group must be a whole number of at least 0 written in the query", at: argument.range,
                         help: "write extract(period, \"(\\\\d+)-(\\\\d+)\", 2)")
    }
  }

  mutating func aggregateCall(_ f: AggregateFunction, _ name: Identifier, _ args: [Expr], range: SourceRange) throws(CheckFailure) -> BoundExpr {
    guard let rows = aggregateRows else {
      let argument = f == .count ? "" : "value"
      throw CheckFailure(
        .error, "the aggregate '\(f.rawValue)' can only be used in 'summarize' and 'derive'", at: range,
        help: "for example: summarize total = \(f.rawValue)(\(argument)) by indicator, or derive x = \(f.rawValue)(\(argument)) by indicator")
    }
    let (expectedArity, usage, arityText): (ClosedRange<Int>, String, String) = switch f {
    case .count: (0...1, "count() or count(expr)", "zero or one argument")
    case .percentile: (2...2, "percentile(value, 0.9)", "2 arguments")
    case .list: (1...2, "list(indicator) or list(indicator, \"; \")", "1 to 2 arguments")
    default: (1...1, "\(f.rawValue)(expr)", "one argument")
    }
    guard expectedArity.contains(args.count) else {
      throw CheckFailure(
        .error, "\(f.rawValue) takes \(arityText), but \(args.count) \(args.count == 1 ? "was" : "were") given", at: range, help: "write \(usage)")
    }
    var argument: BoundExpr? = nil
    if let arg = args.first {
      argument = try bindInner(arg, schema: rows)
    }
    var parameter: Value? = nil
    var type: ValueType = .number
    switch f {
    case .count, .count_distinct: type = .number
    case .sum, .avg, .median, .stddev, .variance:
      if let argument { try expect(argument, .number, "\(f.rawValue) needs numbers", argument.range) }
    case .spark:
      if let argument { try expect(argument, .number, "spark draws numbers", argument.range) }
      type = .text
    case .percentile:
      if let argument { try expect(argument, .number, "percentile needs numbers", argument.range) }
      let p = try constantArgument(args[1])
      guard let fraction = p.number, !fraction.isNegative, fraction <= Number(1) else {
        throw CheckFailure(.error, "percentile's fraction must be a number from 0 to 1 written in the query", at: args[1].range,
                           help: "write percentile(value, 0.9) for the 90th percentile, 0.5 for the median")
      }
      parameter = .number(fraction)
    case .list:
      type = .text
      parameter = .text(", ")
      if args.count > 1 {
        guard case .text(let separator) = try constantArgument(args[1]) else {
          throw CheckFailure(.error, "list's separator must be text written in the query", at: args[1].range, help: "write \(usage)")
        }
        parameter = .text(separator)
      }
    case .min, .max, .first, .last:
      type = argument?.type ?? .number
    }
    let call = AggregateCall(function: f, argument: argument, parameter: parameter, range: range, type: type)
    if windowCalls != nil {
      return window(WindowCall(kind: .aggregate(call), range: range, type: type))
    }
    aggregates.append(call)
    return BoundExpr(.column(schema.count + aggregates.count - 1), type: type, range: range)
  }

  /// A constant argument (a literal or `$parameter`) of an aggregate, such as percentile's
  /// fraction; anything else is an error.
  func constantArgument(_ arg: Expr) throws(CheckFailure) -> Value {
    var constant = Binder(source: source, schema: [], parameters: parameters, functions: functions)
    guard let bound = try? constant.bind(arg), case .literal(let value) = bound.kind else {
      throw CheckFailure(.error, "this argument must be a value written in the query, not computed from the rows", at: arg.range)
    }
    return value
  }

  /// The argument of an aggregate or window call, bound where neither may appear again.
  func bindInner(_ arg: Expr, schema: [Field]) throws(CheckFailure) -> BoundExpr {
    var inner = Binder(source: source, schema: schema, parameters: parameters, functions: functions)
    inner.expansionDepth = expansionDepth
    inner.expansionHeight = expansionHeight
    do {
      return try inner.bind(arg)
    } catch {
      // A nested call lands here as "only in summarize/derive": say what is really wrong.
      if error.diagnostic.message.hasPrefix("the aggregate") || error.diagnostic.message.hasPrefix("the window function") {
        throw CheckFailure(.error, "aggregates and window functions cannot be nested", at: error.diagnostic.range,
                           help: "compute the inner one in a 'derive' first, then use its column")
      }
      throw error
    }
  }

  /// A call of `lag`, `lead`, `row_number`, `rank`, `dense_rank`, `running_sum` or
  /// `moving_avg`, which `derive` computes per row from the row's group.
  mutating func windowCall(_ f: WindowFunction, _ args: [Expr], range: SourceRange) throws(CheckFailure) -> BoundExpr {
    guard windowCalls != nil else {
      throw CheckFailure(
        .error, "the window function '\(f.rawValue)' can only be used in 'derive'", at: range,
        help: "for example: derive x = \(f.example) by indicator sort year")
    }
    let arity: ClosedRange<Int> = switch f {
    case .row_number, .rank, .dense_rank: 0...0
    case .lag, .lead: 1...2
    case .running_sum: 1...1
    case .moving_avg: 2...2
    }
    guard arity.contains(args.count) else {
      let wanted = arity.lowerBound == arity.upperBound
        ? (arity.lowerBound == 0 ? "no arguments" : arity.lowerBound == 1 ? "one argument" : "\(arity.lowerBound) arguments")
        : "\(arity.lowerBound) to \(arity.upperBound) arguments"
      throw CheckFailure(
        .error, "\(f.rawValue) takes \(wanted), but \(args.count) \(args.count == 1 ? "was" : "were") given", at: range,
        help: "write \(f.example)")
    }
    let kind: WindowCall.Kind
    var type: ValueType = .number
    switch (f, args.first) {
    case (.row_number, _): kind = .rowNumber
    case (.rank, _): kind = .rank
    case (.dense_rank, _): kind = .denseRank
    case (.lag, let arg?), (.lead, let arg?):
      let argument = try bindInner(arg, schema: schema)
      let n = args.count > 1 ? try rowCount(args[1], function: f, minimum: 0) : 1
      kind = .offset(argument, f == .lag ? -n : n)
      type = argument.type ?? .number
    case (.running_sum, let arg?):
      let argument = try bindInner(arg, schema: schema)
      try expect(argument, .number, "running_sum needs numbers", argument.range)
      kind = .runningSum(argument)
    case (.moving_avg, let arg?):
      let argument = try bindInner(arg, schema: schema)
      try expect(argument, .number, "moving_avg needs numbers", argument.range)
      kind = .movingAverage(argument, rows: try rowCount(args[1], function: f, minimum: 1))
    default:
      throw CheckFailure(.error, "\(f.rawValue) needs an argument", at: range, help: "write \(f.example)")
    }
    return window(WindowCall(kind: kind, range: range, type: type))
  }

  /// The constant row count of `lag(x, n)`, `lead(x, n)`, `moving_avg(x, n)`.
  func rowCount(_ arg: Expr, function f: WindowFunction, minimum: Int) throws(CheckFailure) -> Int {
    var constant = Binder(source: source, schema: [], parameters: parameters, functions: functions)
    let bound: BoundExpr
    do {
      bound = try constant.bind(arg)
    } catch {
      throw CheckFailure(.error, "\(f.rawValue)'s row count must be a constant whole number", at: arg.range, help: "write \(f.example)")
    }
    guard case .literal(.number(let n)) = bound.kind, let count = n.intValue, count >= minimum, count <= Int(Int32.max) else {
      throw CheckFailure(
        .error, "\(f.rawValue)'s row count must be a whole number of at least \(minimum)", at: arg.range, help: "write \(f.example)")
    }
    return count
  }

  /// A call of a function defined with `let`: its body with each parameter replaced by the
  /// argument written, bound here as if it had been written in place. The body's own parts
  /// point at the call in diagnostics.
  mutating func userCall(_ function: UserFunction, _ args: [Expr], range: SourceRange) throws(CheckFailure) -> BoundExpr {
    guard args.count == function.parameters.count else {
      let n = function.parameters.count
      throw CheckFailure(
        .error, "\(function.name) takes \(n == 0 ? "no arguments" : n == 1 ? "one argument" : "\(n) arguments"), but \(args.count) \(args.count == 1 ? "was" : "were") given",
        at: range, help: "it is defined as \(function.definition)")
    }
    guard expansionDepth < UserFunction.maxDepth else {
      throw CheckFailure(.error, "functions call each other more than \(UserFunction.maxDepth) deep", at: range)
    }
    let arguments = Dictionary(uniqueKeysWithValues: zip(function.parameters, args))
    let body = function.body.substituting(arguments, at: range)
    if expansionHeight + body.height > Parser.maxExpressionHeight {
      throw CheckFailure(.error, "\(function.name) expands to an expression too deep to compute", at: range,
                         help: "compute part of it in a 'derive' first")
    }
    expansionDepth += 1
    expansionHeight += body.height
    defer {
      expansionDepth -= 1
      expansionHeight -= body.height
    }
    do {
      return try bind(body)
    } catch {
      var failure = error
      // Said once, for the call written in the query (the outermost one).
      if failure.diagnostic.range == range, expansionDepth == 1 {
        failure.diagnostic.message = "in \(function.name): " + failure.diagnostic.message
        failure.diagnostic.help = failure.diagnostic.help ?? "it is defined as \(function.definition)"
      }
      throw failure
    }
  }

  /// Records a window call (once per distinct text) and refers to its column. Inside a user
  /// function every part has the call's range, so calls there are not shared by text.
  private mutating func window(_ call: WindowCall) -> BoundExpr {
    let key = expansionDepth == 0 ? text(call.range) : "#\(windowCalls?.count ?? 0)"
    if let n = windowNumbers[key] {
      return BoundExpr(.column(schema.count + n), type: call.type, range: call.range)
    }
    let n = windowCalls?.count ?? 0
    windowCalls?.append(call)
    windowNumbers[key] = n
    return BoundExpr(.column(schema.count + n), type: call.type, range: call.range)
  }
}

extension WindowFunction {
  /// A call as an analyst writes it, for help texts.
  var example: String {
    switch self {
    case .lag: "lag(value)"
    case .lead: "lead(value)"
    case .row_number: "row_number()"
    case .rank: "rank()"
    case .dense_rank: "dense_rank()"
    case .running_sum: "running_sum(value)"
    case .moving_avg: "moving_avg(value, 3)"
    }
  }
}

/// The argument and result types of each scalar function.
struct FunctionSignature {
  var arguments: [ValueType]
  var arity: ClosedRange<Int>
  var result: ValueType?
  var example: String

  var arityText: String {
    if arity.lowerBound == arity.upperBound { return arity.lowerBound == 1 ? "one argument" : "\(arity.lowerBound) arguments" }
    if arity.upperBound == Int.max { return "at least \(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")" }
    return "\(arity.lowerBound) to \(arity.upperBound) arguments"
  }
}

extension ScalarFunction {
  var signature: FunctionSignature {
    switch self {
    case .abs: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "abs(delta)")
    case .round: FunctionSignature(arguments: [.number, .number], arity: 1...2, result: .number, example: "round(value, 1)")
    case .floor: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "floor(value)")
    case .ceil: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "ceil(value)")
    case .lower: FunctionSignature(arguments: [.text], arity: 1...1, result: .text, example: "lower(unit)")
    case .upper: FunctionSignature(arguments: [.text], arity: 1...1, result: .text, example: "upper(unit)")
    case .length: FunctionSignature(arguments: [.text], arity: 1...1, result: .number, example: "length(indicator)")
    case .contains: FunctionSignature(arguments: [.text, .text], arity: 2...2, result: .bool, example: "contains(indicator, \"vård\")")
    case .startswith: FunctionSignature(arguments: [.text, .text], arity: 2...2, result: .bool, example: "startswith(indicator, \"Antal\")")
    case .endswith: FunctionSignature(arguments: [.text, .text], arity: 2...2, result: .bool, example: "endswith(unit, \"kr\")")
    case .coalesce: FunctionSignature(arguments: [], arity: 1...Int.max, result: nil, example: "coalesce(rank, 0)")
    case .if: FunctionSignature(arguments: [], arity: 3...3, result: nil, example: "if(value > 0, \"up\", \"down\")")
    case .concat: FunctionSignature(arguments: [], arity: 1...Int.max, result: .text, example: "concat(indicator, \" (\", unit, \")\")")
    case .substr: FunctionSignature(arguments: [.text, .number, .number], arity: 2...3, result: .text, example: "substr(indicator, 1, 10)")
    case .replace: FunctionSignature(arguments: [.text, .text, .text], arity: 3...3, result: .text, example: "replace(unit, \"kr\", \"kronor\")")
    case .trim: FunctionSignature(arguments: [.text], arity: 1...1, result: .text, example: "trim(name)")
    case .split_part: FunctionSignature(arguments: [.text, .text, .number], arity: 3...3, result: .text, example: "split_part(period, \"–\", 1)")
    case .matches: FunctionSignature(arguments: [.text, .text], arity: 2...2, result: .bool, example: "matches(indicator, \"^Antal\")")
    case .extract: FunctionSignature(arguments: [.text, .text, .number], arity: 2...3, result: .text, example: "extract(period, \"\\\\d{4}\")")
    case .regex_replace: FunctionSignature(arguments: [.text, .text, .text], arity: 3...3, result: .text, example: "regex_replace(name, \"\\\\s+\", \" \")")
    case .number: FunctionSignature(arguments: [], arity: 1...1, result: .number, example: "number(\"1 204,1\")")
    case .text: FunctionSignature(arguments: [], arity: 1...1, result: .text, example: "text(year)")
    case .sqrt: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "sqrt(value)")
    case .pow: FunctionSignature(arguments: [.number, .number], arity: 2...2, result: .number, example: "pow(last / first, 1 / 7) - 1")
    case .ln: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "ln(value)")
    case .exp: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "exp(value)")
    case .log10: FunctionSignature(arguments: [.number], arity: 1...1, result: .number, example: "log10(value)")
    case .mod: FunctionSignature(arguments: [.number, .number], arity: 2...2, result: .number, example: "mod(year, 4)")
    case .bar: FunctionSignature(arguments: [.number, .number, .number], arity: 2...3, result: .text, example: "bar(value, 300)")
    }
  }
}
