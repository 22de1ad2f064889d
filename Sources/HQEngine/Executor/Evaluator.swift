import HQData
import HQSyntax

/// A value for every row: one constant, or a column.
enum Operand {
  case scalar(Value)
  case column(Column)
}

/// Evaluates checked expressions over a whole table, a column at a time.
///
/// Three fast paths cover what analysts write most, without creating a `Value` per row:
/// - an expression over a single text column is evaluated once per *dictionary entry* and
///   the results are gathered through the codes (`indicator ~ "antibiotika"`,
///   `lower(unit) == "mnkr"`, `kind in [budget, utfall]`);
/// - numbers compare against a constant and do arithmetic on mantissas;
/// - `and`, `or`, `not` combine boolean columns with SQL's three-valued logic.
/// Everything else takes a general row-by-row path through ``ValueSemantics``, which
/// defines the meaning the fast paths must match.
struct Evaluator {
  let table: Table
  let cancellation: CancellationCheck

  var rowCount: Int { table.rowCount }

  func evaluate(_ e: BoundExpr) throws(RuntimeFailure) -> Operand {
    switch e.kind {
    case .literal(let v): return .scalar(v)
    case .column(let i): return .column(table.columns[i])
    default: break
    }
    if let dictionaryResult = try evaluateThroughDictionary(e) { return dictionaryResult }
    switch e.kind {
    case .literal, .column:
      return .scalar(.null)
    case .negate(let x):
      let a = try evaluate(x)
      return try map1(a, type: .number) { v throws(RuntimeFailure) in try ValueSemantics.negate(v, range: e.range) }
    case .not(let x):
      return try logicalNot(evaluate(x))
    case .and(let x, let y):
      return try logical(evaluate(x), evaluate(y), isAnd: true)
    case .or(let x, let y):
      return try logical(evaluate(x), evaluate(y), isAnd: false)
    case .isNull(let x, let negated):
      let a = try evaluate(x)
      switch a {
      case .scalar(let v): return .scalar(.bool(v.isNull != negated))
      case .column(let c):
        var out = [Bool](repeating: !negated ? false : true, count: c.count)
        if let mask = c.nulls {
          try cancellation.forEachChunk(c.count) { chunk in
            for r in chunk { out[r] = mask[r] != negated }
          }
        }
        return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: nil, count: c.count))
      }
    case .arithmetic(let op, let x, let y):
      return try arithmetic(op, evaluate(x), evaluate(y), range: e.range)
    case .comparison(let op, let x, let y):
      return try comparison(op, evaluate(x), evaluate(y))
    case .contains(let x, let y, let negated):
      let a = try evaluate(x)
      let b = try evaluate(y)
      if case .scalar(let v) = b, case .column = a {
        // The pattern is compiled once; each row is matched in place.
        guard case .text(let needle) = v else { return .scalar(.null) }
        let pattern = FoldPattern(needle)
        return try map1(a, type: .bool) { u in
          guard case .text(let x) = u else { return .null }
          return .bool(pattern.matches(in: x) != negated)
        }
      }
      return try map2(a, b, type: .bool) { u, v in ValueSemantics.contains(u, v, negated: negated) }
    case .call(let f, let args):
      var operands: [Operand] = []
      for arg in args { operands.append(try evaluate(arg)) }
      return try mapN(operands, type: e.type ?? .number) { values throws(RuntimeFailure) in
        try ValueSemantics.call(f, values, range: e.range)
      }
    case .patternCall(let f, let args, let pattern):
      var operands: [Operand] = []
      for arg in args { operands.append(try evaluate(arg)) }
      return try mapN(operands, type: e.type ?? .text) { values in
        ValueSemantics.patternCall(f, values, pattern)
      }
    }
  }

  /// The expression's values as a column named `name` (constants repeated).
  func column(_ e: BoundExpr, name: String) throws(RuntimeFailure) -> Column {
    switch try evaluate(e) {
    case .column(let c): return c.renamed(name)
    case .scalar(let v): return .constant(v, name: name, type: e.type ?? v.type ?? .number, count: rowCount)
    }
  }

  /// The rows for which the predicate is true (not false, not null).
  func selection(_ predicate: BoundExpr) throws(RuntimeFailure) -> [Int32] {
    switch try evaluate(predicate) {
    case .scalar(let v):
      return v.bool == true ? (0..<Int32(rowCount)).map { $0 } : []
    case .column(let c):
      guard case .bool(let values) = c.storage else { return [] }
      var rows: [Int32] = []
      rows.reserveCapacity(rowCount / 4)
      try cancellation.forEachChunk(values.count) { chunk in
        if let mask = c.nulls {
          for r in chunk where values[r] && !mask[r] { rows.append(Int32(r)) }
        } else {
          for r in chunk where values[r] { rows.append(Int32(r)) }
        }
      }
      return rows
    }
  }

  // MARK: Dictionary path

  /// Evaluates an expression whose only column is one text column once per distinct code.
  private func evaluateThroughDictionary(_ e: BoundExpr) throws(RuntimeFailure) -> Operand? {
    var referenced = Set<Int>()
    e.collectColumns(into: &referenced)
    guard referenced.count == 1, let index = referenced.first,
      case .text(let codes, let dictionary) = table.columns[index].storage,
      dictionary.count + 1 < rowCount / 2
    else { return nil }
    let source = table.columns[index]
    // One row per dictionary entry, plus a null row at the end.
    var entryMask = NullMask(repeating: false, count: dictionary.count)
    entryMask.append(true)
    let entries = Column(
      name: source.name, type: .text,
      storage: .text(codes: (0...UInt32(dictionary.count)).map { $0 == UInt32(dictionary.count) ? 0 : $0 }, dictionary: dictionary.isEmpty ? [""] : dictionary),
      nulls: entryMask, count: dictionary.count + 1)
    var columns = table.columns.map { Column.nulls(name: $0.name, type: $0.type, count: dictionary.count + 1) }
    columns[index] = entries
    let small = Evaluator(table: Table(name: table.name, columns: columns), cancellation: cancellation)
    let perEntry = try small.column(e, name: "")
    let nullRow = Int32(dictionary.count)
    if case .bool(let entryValues) = perEntry.storage {
      // Truth values: one table lookup per row, no row-index array.
      let entryNull = (0...dictionary.count).map { perEntry.isNull($0) }
      var out = [Bool](repeating: false, count: codes.count)
      var anyNull = false
      let sourceNulls = source.nulls
      try cancellation.forEachChunk(codes.count) { chunk in
        for r in chunk {
          let entry = sourceNulls?[r] == true ? Int(nullRow) : Int(codes[r])
          out[r] = entryValues[entry]
          if entryNull[entry] { anyNull = true }
        }
      }
      var mask: NullMask? = nil
      if anyNull {
        var m = NullMask()
        try cancellation.forEachChunk(codes.count) { chunk in
          for r in chunk { m.append(entryNull[sourceNulls?[r] == true ? Int(nullRow) : Int(codes[r])]) }
        }
        mask = m
      }
      return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: mask, count: codes.count))
    }
    var rows = [Int32](repeating: 0, count: codes.count)
    try cancellation.forEachChunk(codes.count) { chunk in
      if let mask = source.nulls {
        for r in chunk { rows[r] = mask[r] ? nullRow : Int32(codes[r]) }
      } else {
        for r in chunk { rows[r] = Int32(codes[r]) }
      }
    }
    return .column(try perEntry.gathered(rows, cancellation: cancellation))
  }

  // MARK: Logic

  private func boolView(_ o: Operand) -> (values: [Bool], nulls: NullMask?)? {
    if case .column(let c) = o, case .bool(let values) = c.storage { return (values, c.nulls) }
    return nil
  }

  private func logicalNot(_ a: Operand) throws(RuntimeFailure) -> Operand {
    guard let (values, nulls) = boolView(a) else {
      return try map1(a, type: .bool) { v in ValueSemantics.not(v) }
    }
    return .column(Column(name: "", type: .bool, storage: .bool(values.map { !$0 }), nulls: nulls, count: values.count))
  }

  private func logical(_ a: Operand, _ b: Operand, isAnd: Bool) throws(RuntimeFailure) -> Operand {
    guard let (x, xn) = boolView(a), let (y, yn) = boolView(b) else {
      return try map2(a, b, type: .bool) { u, v in isAnd ? ValueSemantics.and(u, v) : ValueSemantics.or(u, v) }
    }
    var out = [Bool](repeating: false, count: x.count)
    if xn == nil && yn == nil {
      try cancellation.forEachChunk(x.count) { chunk in
        for r in chunk { out[r] = isAnd ? (x[r] && y[r]) : (x[r] || y[r]) }
      }
      return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: nil, count: x.count))
    }
    var mask = NullMask()
    try cancellation.forEachChunk(x.count) { chunk in
      for r in chunk {
        let an = xn?[r] ?? false
        let bn = yn?[r] ?? false
        let av = x[r]
        let bv = y[r]
        if isAnd {
          // false wins over null; null over true.
          if (!an && !av) || (!bn && !bv) { out[r] = false; mask.append(false) }
          else if an || bn { mask.append(true) }
          else { out[r] = true; mask.append(false) }
        } else {
          if (!an && av) || (!bn && bv) { out[r] = true; mask.append(false) }
          else if an || bn { mask.append(true) }
          else { mask.append(false) }
        }
      }
    }
    return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: mask.hasNulls ? mask : nil, count: x.count))
  }

  // MARK: Numbers

  private func arithmetic(_ op: ArithmeticOperator, _ a: Operand, _ b: Operand, range: SourceRange) throws(RuntimeFailure) -> Operand {
    if case .scalar(let x) = a, case .scalar(let y) = b {
      return .scalar(try ValueSemantics.arithmetic(op, x, y, range: range))
    }
    let x = NumberReader(a, count: rowCount)
    let y = NumberReader(b, count: rowCount)
    var out = NumberColumnBuilder(capacity: rowCount)
    for r in 0..<rowCount {
      try cancellation.check(every: r)
      if x.isNull(r) || y.isNull(r) {
        out.appendNull()
      } else if let n = try ValueSemantics.arithmetic(op, x[r], y[r], range: range) {
        out.append(n)
      } else {
        out.appendNull()
      }
    }
    return .column(out.build())
  }

  private func comparison(_ op: ComparisonOperator, _ a: Operand, _ b: Operand) throws(RuntimeFailure) -> Operand {
    // Numbers against a constant at the column's scale: an Int64 comparison per row.
    if case .column(let c) = a, case .number(let mantissas, _, let uniform?) = c.storage,
      case .scalar(.number(let k)) = b, let constant = k.mantissa(atScale: uniform)
    {
      var out = [Bool](repeating: false, count: c.count)
      try cancellation.forEachChunk(mantissas.count) { chunk throws(RuntimeFailure) in
        mantissas.withUnsafeBufferPointer { m in
          out.withUnsafeMutableBufferPointer { o in
            switch op {
            case .equal: for r in chunk { o[r] = m[r] == constant }
            case .notEqual: for r in chunk { o[r] = m[r] != constant }
            case .less: for r in chunk { o[r] = m[r] < constant }
            case .lessOrEqual: for r in chunk { o[r] = m[r] <= constant }
            case .greater: for r in chunk { o[r] = m[r] > constant }
            case .greaterOrEqual: for r in chunk { o[r] = m[r] >= constant }
            }
          }
        }
      }
      return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: c.nulls, count: c.count))
    }
    // Numbers of mixed scales against a constant: the constant at each scale, once.
    if case .column(let c) = a, case .number(let mantissas, let scales, nil) = c.storage,
      case .scalar(.number(let k)) = b
    {
      let atScale = (0...Int(Number.maxScale)).map { k.mantissa(atScale: Int8($0)) }
      var out = [Bool](repeating: false, count: c.count)
      try cancellation.forEachChunk(c.count) { chunk in
        for r in chunk {
          let m = mantissas[r]
          let order: Int
          if let constant = atScale[Int(scales[r])] {
            order = m < constant ? -1 : (m == constant ? 0 : 1)
          } else {
            let x = Number(mantissa: m, scale: scales[r])
            order = x < k ? -1 : (x == k ? 0 : 1)
          }
          out[r] = op.holds(order)
        }
      }
      return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: c.nulls, count: c.count))
    }
    if case .scalar = a, case .column = b {
      return try comparison(op.mirrored, b, a)
    }
    if case .column(let x) = a, case .column(let y) = b, x.type == .number, y.type == .number {
      var out = [Bool](repeating: false, count: rowCount)
      var mask = NullMask()
      try cancellation.forEachChunk(rowCount) { chunk in
        for r in chunk {
          let isNull = x.isNull(r) || y.isNull(r)
          mask.append(isNull)
          if !isNull {
            let u = x.number(at: r)
            let v = y.number(at: r)
            out[r] = op.holds(u < v ? -1 : (u == v ? 0 : 1))
          }
        }
      }
      return .column(Column(name: "", type: .bool, storage: .bool(out), nulls: mask.hasNulls ? mask : nil, count: rowCount))
    }
    return try map2(a, b, type: .bool) { u, v in ValueSemantics.compare(op, u, v) }
  }

  // MARK: General path

  private func value(_ o: Operand, _ row: Int) -> Value {
    switch o {
    case .scalar(let v): return v
    case .column(let c): return c.value(at: row)
    }
  }

  private func map1(_ a: Operand, type: ValueType, _ f: (Value) throws(RuntimeFailure) -> Value) throws(RuntimeFailure) -> Operand {
    if case .scalar(let v) = a { return .scalar(try f(v)) }
    var builder = ColumnBuilder(name: "", type: type)
    for r in 0..<rowCount {
      try cancellation.check(every: r)
      append(try f(value(a, r)), to: &builder)
    }
    return .column(builder.build())
  }

  private func map2(_ a: Operand, _ b: Operand, type: ValueType, _ f: (Value, Value) throws(RuntimeFailure) -> Value) throws(RuntimeFailure) -> Operand {
    if case .scalar(let u) = a, case .scalar(let v) = b { return .scalar(try f(u, v)) }
    var builder = ColumnBuilder(name: "", type: type)
    for r in 0..<rowCount {
      try cancellation.check(every: r)
      append(try f(value(a, r), value(b, r)), to: &builder)
    }
    return .column(builder.build())
  }

  private func mapN(_ operands: [Operand], type: ValueType, _ f: ([Value]) throws(RuntimeFailure) -> Value) throws(RuntimeFailure) -> Operand {
    let allScalar = operands.allSatisfy { if case .scalar = $0 { true } else { false } }
    if allScalar { return .scalar(try f(operands.map { value($0, 0) })) }
    var builder = ColumnBuilder(name: "", type: type)
    var args = [Value](repeating: .null, count: operands.count)
    for r in 0..<rowCount {
      try cancellation.check(every: r)
      for i in operands.indices { args[i] = value(operands[i], r) }
      append(try f(args), to: &builder)
    }
    return .column(builder.build())
  }

  /// The checker guarantees result types, so a mismatch here is a bug: it becomes null rather
  /// than a crash.
  private func append(_ v: Value, to builder: inout ColumnBuilder) {
    do { try builder.append(v) } catch { try? builder.append(.null) }
  }
}

extension BoundExpr {
  func collectColumns(into set: inout Set<Int>) {
    switch kind {
    case .literal: break
    case .column(let i): set.insert(i)
    case .negate(let x), .not(let x), .isNull(let x, _): x.collectColumns(into: &set)
    case .arithmetic(_, let x, let y), .comparison(_, let x, let y), .contains(let x, let y, _),
      .and(let x, let y), .or(let x, let y):
      x.collectColumns(into: &set)
      y.collectColumns(into: &set)
    case .call(_, let args), .patternCall(_, let args, _): for a in args { a.collectColumns(into: &set) }
    }
  }
}

extension Number {
  /// The mantissa at a larger-or-equal `scale`, or nil when it does not fit or would lose digits.
  func mantissa(atScale target: Int8) -> Int64? {
    var m = mantissa
    var s = scale
    while s > target {
      guard m % 10 == 0 else { return nil }
      m /= 10
      s -= 1
    }
    while s < target {
      let (p, o) = m.multipliedReportingOverflow(by: 10)
      if o { return nil }
      m = p
      s += 1
    }
    return m
  }
}

/// Reads numbers from a column or a constant without building `Value`s.
struct NumberReader {
  private let mantissas: [Int64]
  private let scales: [Int8]
  private let uniform: Int8?
  private let nulls: NullMask?
  private let constant: Number?
  private let constantIsNull: Bool

  init(_ operand: Operand, count: Int) {
    switch operand {
    case .scalar(let v):
      mantissas = []; scales = []; uniform = nil; nulls = nil
      constant = v.number
      constantIsNull = v.number == nil
    case .column(let c):
      if case .number(let m, let s, let u) = c.storage {
        mantissas = m; scales = s; uniform = u
      } else {
        mantissas = []; scales = []; uniform = nil
      }
      nulls = c.nulls
      constant = nil
      constantIsNull = c.type != .number
    }
  }

  @inline(__always)
  func isNull(_ r: Int) -> Bool {
    if constantIsNull { return true }
    if constant != nil { return false }
    return nulls?[r] ?? false
  }

  @inline(__always)
  subscript(_ r: Int) -> Number {
    if let constant { return constant }
    return Number(mantissa: mantissas[r], scale: uniform ?? scales[r])
  }
}

/// Builds a number column, noticing when every value shares one scale.
struct NumberColumnBuilder {
  private var mantissas: [Int64] = []
  private var scales: [Int8] = []
  private var mask = NullMask()
  private var sawNull = false

  init(capacity: Int) {
    mantissas.reserveCapacity(capacity)
    scales.reserveCapacity(capacity)
  }

  @inline(__always)
  mutating func append(_ n: Number) {
    mantissas.append(n.mantissa)
    scales.append(n.scale)
    mask.append(false)
  }

  @inline(__always)
  mutating func appendNull() {
    mantissas.append(0)
    scales.append(0)
    mask.append(true)
    sawNull = true
  }

  func build(name: String = "") -> Column {
    // Bring every value to the largest scale when that fits, so sums add mantissas directly.
    var target: Int8 = 0
    for (i, s) in scales.enumerated() where s > target && !(sawNull && mask[i]) { target = s }
    var m = mantissas
    var uniform: Int8? = target
    for i in m.indices where scales[i] != target {
      if sawNull && mask[i] { continue }
      guard let rescaled = Number(mantissa: m[i], scale: scales[i]).mantissa(atScale: target) else {
        uniform = nil
        break
      }
      m[i] = rescaled
    }
    return Column(
      name: name, type: .number,
      storage: uniform != nil ? .number(mantissas: m, scales: [], uniformScale: uniform) : .number(mantissas: mantissas, scales: scales, uniformScale: nil),
      nulls: sawNull ? mask : nil, count: mantissas.count)
  }
}
