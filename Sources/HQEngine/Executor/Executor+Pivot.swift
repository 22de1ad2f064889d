import HQData
import HQSyntax

extension Executor {
  /// More columns than this is almost certainly a pivot over the wrong column (`line`).
  static let maxPivotColumns = 1000
  /// Rows × columns of a pivot result, so a pivot cannot exhaust memory.
  static let maxPivotCells = 50_000_000

  /// `pivot COLUMN [value EXPR] [by …]`: one row per key, one column per distinct value of
  /// COLUMN in sorted order (Swedish order for text, numeric for numbers), named after the
  /// value. Rows where COLUMN is null are left out. With a row expression, two rows for the
  /// same key and value are an error; with an aggregate (`value sum(value)`), they are
  /// aggregated.
  func pivot(_ spec: PivotSpec, _ input: Table, _ evaluator: Evaluator) throws(RuntimeFailure) -> Table {
    let pivotColumn = input.columns[spec.column]
    var rows: [Int32] = []
    rows.reserveCapacity(input.rowCount)
    try cancellation.forEachChunk(input.rowCount) { chunk in
      for r in chunk where !pivotColumn.isNull(r) { rows.append(Int32(r)) }
    }
    let selected = try input.gathered(rows, cancellation: cancellation)
    let selectedEvaluator = Evaluator(table: selected, cancellation: cancellation)
    let pivotValues = selected.columns[spec.column]
    let valueGroups = try Grouping.make(keys: [pivotValues], rowCount: selected.rowCount, cancellation: cancellation)
    // Column order: the distinct values, sorted.
    let distinct = pivotValues.gathered(valueGroups.firstRow)
    if distinct.count > Executor.maxPivotColumns {
      throw .error(
        "pivot would make \(distinct.count) columns, one per distinct value; at most \(Executor.maxPivotColumns) are allowed",
        at: spec.keywordRange, help: "narrow the rows with `where` first, or summarize … by that column instead")
    }
    let labels = (0..<distinct.count).map { distinct.value(at: $0).description }
    let keyColumns = spec.keys.map { k in
      k == spec.strippedKey ? selected.columns[k].removingText(labels) : selected.columns[k]
    }
    let keyGroups = try Grouping.make(keys: keyColumns, rowCount: selected.rowCount, cancellation: cancellation)
    if keyGroups.groupCount * distinct.count > Executor.maxPivotCells {
      throw .error(
        "pivot would make \(keyGroups.groupCount) rows × \(distinct.count) columns", at: spec.keywordRange,
        help: "narrow the rows with `where` first, or name fewer key columns with `by`")
    }
    let order = try Sorting.order([SortSpec(column: distinct, descending: false)], rowCount: distinct.count, cancellation: cancellation)
    var position = [Int](repeating: 0, count: valueGroups.groupCount)
    for (i, v) in order.enumerated() { position[Int(v)] = i }

    let cells: Column
    let cellGroupOf: [UInt32]
    if let aggregate = spec.aggregate {
      // One aggregate per (key, value) cell.
      let cellGrouping = try KeyAtoms(ids: keyGroups.groupOf, cardinality: keyGroups.groupCount, hasNull: nil)
        .paired(
          with: KeyAtoms(ids: valueGroups.groupOf, cardinality: valueGroups.groupCount, hasNull: nil),
          cancellation: cancellation
        )
        .renumbered(cancellation: cancellation)
      let argument = try aggregate.argument.map { e throws(RuntimeFailure) in try selectedEvaluator.column(e, name: "") }
      let perCell = try Aggregation.compute(aggregate, argument: argument, grouping: cellGrouping, name: "#0", cancellation: cancellation)
      if let output = spec.aggregateOutput {
        cells = try Evaluator(table: Table(name: "", columns: [perCell]), cancellation: cancellation).column(output, name: "")
      } else {
        cells = perCell
      }
      // Each row's cell is its (key, value) group; the aggregate column is indexed by it.
      cellGroupOf = cellGrouping.groupOf
      return try assemble(
        spec, keyColumns: keyColumns, keyGroups: keyGroups, valueGroups: valueGroups, position: position,
        distinct: distinct, order: order, cellSource: cells, cellRowFor: { row in Int32(cellGroupOf[row]) },
        rowCount: selected.rowCount, table: input.name, allowDuplicates: true)
    }
    guard let value = spec.value else { return input }
    cells = try selectedEvaluator.column(value, name: "")
    return try checkedAssemble(
      spec, keyColumns: keyColumns, keyGroups: keyGroups, valueGroups: valueGroups, position: position,
      distinct: distinct, order: order, cells: cells, rowCount: selected.rowCount, table: input.name)
  }

  private func checkedAssemble(
    _ spec: PivotSpec, keyColumns: [Column], keyGroups: Grouping, valueGroups: Grouping, position: [Int],
    distinct: Column, order: [Int32], cells: Column, rowCount: Int, table: String
  ) throws(RuntimeFailure) -> Table {
    let width = valueGroups.groupCount
    var seen = [Bool](repeating: false, count: keyGroups.groupCount * width)
    try cancellation.forEachChunk(rowCount) { chunk throws(RuntimeFailure) in
      for r in chunk {
        let slot = Int(keyGroups.groupOf[r]) * width + Int(valueGroups.groupOf[r])
        if seen[slot] {
          let valueName = distinct.value(at: Int(valueGroups.groupOf[r])).description
          throw .error(
            "pivot found more than one row for \(describeKey(keyColumns, row: r)) in column \(valueName)",
            at: spec.keywordRange,
            help: "name the columns that identify a row with `by …`, narrow the rows with `where`, or aggregate with `value sum(value)`")
        }
        seen[slot] = true
      }
    }
    return try assemble(
      spec, keyColumns: keyColumns, keyGroups: keyGroups, valueGroups: valueGroups, position: position,
      distinct: distinct, order: order, cellSource: cells, cellRowFor: { Int32($0) }, rowCount: rowCount,
      table: table, allowDuplicates: false)
  }

  private func assemble(
    _ spec: PivotSpec, keyColumns: [Column], keyGroups: Grouping, valueGroups: Grouping, position: [Int],
    distinct: Column, order: [Int32], cellSource: Column, cellRowFor: (Int) -> Int32, rowCount: Int,
    table: String, allowDuplicates: Bool
  ) throws(RuntimeFailure) -> Table {
    let width = valueGroups.groupCount
    // For each output column (a distinct value) the source row of each key group's cell.
    var picks = [[Int32]](repeating: [Int32](repeating: -1, count: keyGroups.groupCount), count: width)
    try cancellation.forEachChunk(rowCount) { chunk in
      for r in chunk {
        let column = position[Int(valueGroups.groupOf[r])]
        picks[column][Int(keyGroups.groupOf[r])] = cellRowFor(r)
      }
    }
    var columns = keyColumns.map { $0.gathered(keyGroups.firstRow) }
    for (i, v) in order.enumerated() {
      columns.append(cellSource.gathered(picks[i]).renamed(distinct.value(at: Int(v)).description))
    }
    return Table(name: table, columns: columns)
  }
}
