import HQData
import HQSyntax

extension Executor {
  /// `compare COLUMN A vs B`: one row per key with the A value, the B value, `delta` (B − A)
  /// and `change_pct` ((B − A) / |A| × 100, two decimals; null when A is 0 or missing).
  ///
  /// Keys are listed in the order they first appear. A key with two rows on one side is an
  /// error that names the key: picking one would silently show a wrong number.
  func compare(_ spec: CompareSpec, _ input: Table, _ evaluator: Evaluator) throws(RuntimeFailure) -> Table {
    let sideColumn = input.columns[spec.column]
    let isA = try evaluator.column(comparison(spec.column, sideColumn.type, spec.first), name: "")
    let isB = try evaluator.column(comparison(spec.column, sideColumn.type, spec.second), name: "")
    guard case .bool(let a) = isA.storage, case .bool(let b) = isB.storage else { return input }
    var rows: [Int32] = []
    var sides: [Bool] = []  // true for B
    var countA = 0
    try cancellation.forEachChunk(input.rowCount) { chunk in
      for r in chunk {
        let inA = a[r] && !isA.isNull(r)
        let inB = b[r] && !isB.isNull(r)
        if inA || inB {
          rows.append(Int32(r))
          sides.append(!inA)
          if inA { countA += 1 }
        }
      }
    }
    if countA == 0 { warnNoRow(spec, value: spec.first, label: spec.firstLabel, at: spec.firstRange, column: sideColumn) }
    if countA == rows.count { warnNoRow(spec, value: spec.second, label: spec.secondLabel, at: spec.secondRange, column: sideColumn) }
    var keyColumns: [Column] = []
    for k in spec.keys {
      let column = try input.columns[k].gathered(rows, cancellation: cancellation)
      keyColumns.append(k == spec.strippedKey ? column.removingText([spec.firstLabel, spec.secondLabel]) : column)
    }
    let grouping = try Grouping.make(keys: keyColumns, rowCount: rows.count, cancellation: cancellation)
    var rowA = [Int32](repeating: -1, count: grouping.groupCount)
    var rowB = [Int32](repeating: -1, count: grouping.groupCount)
    try cancellation.forEachChunk(rows.count) { chunk throws(RuntimeFailure) in
      for i in chunk {
        let g = Int(grouping.groupOf[i])
        if sides[i] {
          if rowB[g] >= 0 { throw duplicate(spec, label: spec.secondLabel, keyColumns, row: i) }
          rowB[g] = rows[i]
        } else {
          if rowA[g] >= 0 { throw duplicate(spec, label: spec.firstLabel, keyColumns, row: i) }
          rowA[g] = rows[i]
        }
      }
    }
    let values = try evaluator.column(spec.value, name: "")
    let first = values.gathered(rowA).renamed(spec.firstLabel)
    let second = values.gathered(rowB).renamed(spec.secondLabel)
    var delta = NumberColumnBuilder(capacity: grouping.groupCount)
    var change = NumberColumnBuilder(capacity: grouping.groupCount)
    for g in 0..<grouping.groupCount {
      guard !first.isNull(g), !second.isNull(g) else {
        delta.appendNull()
        change.appendNull()
        continue
      }
      let x = first.number(at: g)
      let y = second.number(at: g)
      guard let d = y.subtracting(x) else { throw ValueSemantics.overflow(at: spec.range) }
      delta.append(d)
      if x.isZero {
        change.appendNull()
      } else if let scaled = d.multiplying(100), let pct = scaled.dividing(by: x.magnitude),
        let rounded = pct.rounded(places: 2)
      {
        change.append(rounded.normalized)
      } else {
        throw ValueSemantics.overflow(at: spec.range)
      }
    }
    let keys = keyColumns.map { $0.gathered(grouping.firstRow) }
    return Table(name: input.name, columns: keys + [first, second, delta.build(name: "delta"), change.build(name: "change_pct")])
  }

  /// Warns that one side of `compare` matches no row, naming the nearest value of the column
  /// (text) or the values it has (numbers, when they are few).
  private func warnNoRow(_ spec: CompareSpec, value: Value, label: String, at range: SourceRange, column: Column) {
    var seen = Set<Value>()
    var values: [Value] = []
    for r in 0..<column.count where values.count < 10_000 {
      let v = column.value(at: r)
      if !v.isNull, seen.insert(v).inserted { values.append(v) }
    }
    let shown = value.text.map { "\"\($0)\"" } ?? value.description
    var help: String?
    if value.text != nil {
      let texts = values.compactMap(\.text)
      if let near = Suggestion.bestMatch(for: value.text ?? "", in: texts) { help = "did you mean \"\(near)\"?" }
    } else if !values.isEmpty, values.count <= 12 {
      let sorted = values.sorted { (ValueSemantics.order($0, $1) ?? 0) < 0 }
      help = "\(column.name) here is one of \(sorted.map(\.description).joined(separator: ", "))"
    }
    if help == nil, values.isEmpty { help = "there are no rows with a value in '\(column.name)' here" }
    warnings.warn("no row has \(column.name) \(shown), so the column '\(label)' is empty", at: range, help: help)
  }

  /// `column == value` as a checked expression.
  private func comparison(_ column: Int, _ type: ValueType, _ value: Value) -> BoundExpr {
    let range = SourceRange(0, 0)
    return BoundExpr(
      .comparison(.equal, BoundExpr(.column(column), type: type, range: range), BoundExpr(.literal(value), type: value.type, range: range)),
      type: .bool, range: range)
  }

  private func duplicate(_ spec: CompareSpec, label: String, _ keys: [Column], row: Int) -> RuntimeFailure {
    let key = describeKey(keys, row: row)
    return .error(
      "compare found more than one row for \(key) where the column is \(label)",
      at: spec.keywordRange,
      help: "name the columns that identify a row with `by …`, or narrow the rows with `where` first")
  }
}

/// `(indicator: Läkemedel, unit: mnkr)`, or `(all rows)` without key columns.
func describeKey(_ keys: [Column], row: Int) -> String {
  if keys.isEmpty { return "the key (all rows)" }
  let parts = keys.map { c in
    let v = c.value(at: row)
    let shown: String
    switch v {
    case .null: shown = "null"
    case .text(let s): shown = "\"\(s)\""
    default: shown = v.description
    }
    return "\(c.name) = \(shown)"
  }
  return "the key " + parts.joined(separator: ", ")
}
