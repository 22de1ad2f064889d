import HQData
import HQSyntax

extension Executor {
  /// Arranges the rows reaching `chart` as series over x positions.
  ///
  /// - A bar chart without `series` has one bar per row, in row order (labels may repeat).
  /// - With `series`, or for a line chart, the positions are the label's distinct values: in
  ///   order of first appearance, or, for a line over a number column, increasing (rows whose
  ///   x is null are left out). Two rows for the same series at the same position are an
  ///   error, never a silently dropped number.
  ///
  /// - Complexity: O(rows × value columns), plus a sort of the rows for a number x.
  func chart(_ spec: ChartSpec, _ input: Table) throws(RuntimeFailure) -> Chart {
    let rowCount = input.rowCount
    guard rowCount > 0 else {
      throw RuntimeFailure.error(
        "there are no rows to chart", at: spec.keywordRange,
        help: "the stages before 'chart' keep no rows: loosen a 'where', or look at the rows without '| chart …'")
    }
    let label = input.columns[spec.label]
    let valueColumns = spec.values.map { input.columns[$0] }
    let valueName = valueColumns.map(\.name).joined(separator: ", ")
    let (positionOf, categories, positions) = try chartPositions(spec, label, rowCount: rowCount)
    let count = positions?.count ?? categories.count
    let (seriesOf, seriesNames) = try chartSeries(spec, input, valueName: valueName)
    var values = [[Number?]](repeating: [Number?](repeating: nil, count: count), count: seriesNames.count)
    var filledBy = [[Int32]](repeating: [Int32](repeating: -1, count: count), count: seriesNames.count)
    var drawn = 0
    for row in 0..<rowCount {
      try cancellation.check(every: row)
      let p = Int(positionOf[row])
      if p < 0 { continue }
      for (v, column) in valueColumns.enumerated() {
        let s = valueColumns.count > 1 ? v : Int(seriesOf[row])
        if filledBy[s][p] >= 0 {
          throw duplicate(spec, input, series: seriesNames.count > 1 ? seriesNames[s] : nil, at: positions.map { $0[p].description } ?? categories[p], rows: (Int(filledBy[s][p]) + 1, row + 1))
        }
        filledBy[s][p] = Int32(row)
        if !column.isNull(row) {
          values[s][p] = column.number(at: row)
          drawn += 1
        }
      }
    }
    guard drawn > 0 else {
      throw RuntimeFailure.error(
        "there is no number to draw: every '\(valueName)' here is null", at: spec.valuesRange,
        help: "keep the rows that have one: | where \(valueColumns[0].name) is not null")
    }
    return Chart(
      kind: spec.kind, title: spec.title, swedish: spec.swedish, width: spec.width, valueName: valueName, labelName: label.name,
      seriesName: spec.series.map { input.columns[$0].name }, unit: chartUnit(spec, input), categories: categories,
      positions: positions, seriesNames: seriesNames, values: values, table: input)
  }

  /// The x position of each row (-1: left out), the labels of the positions, and for a line
  /// over numbers the x values.
  private func chartPositions(
    _ spec: ChartSpec, _ label: Column, rowCount: Int
  ) throws(RuntimeFailure) -> ([Int32], [String], [Number]?) {
    if spec.kind == .bar && spec.series == nil {
      var categories: [String] = []
      categories.reserveCapacity(rowCount)
      for row in 0..<rowCount { categories.append(label.value(at: row).description) }
      return ((0..<rowCount).map { Int32($0) }, categories, nil)
    }
    if spec.kind == .line && label.type == .number {
      var rows: [Int32] = []
      rows.reserveCapacity(rowCount)
      for row in 0..<rowCount where !label.isNull(row) { rows.append(Int32(row)) }
      rows.sort { label.number(at: Int($0)) < label.number(at: Int($1)) }
      var positionOf = [Int32](repeating: -1, count: rowCount)
      var positions: [Number] = []
      for row in rows {
        let x = label.number(at: Int(row))
        if positions.last != x { positions.append(x) }
        positionOf[Int(row)] = Int32(positions.count - 1)
      }
      guard !positions.isEmpty else {
        throw RuntimeFailure.error(
          "there is no x to draw at: every '\(label.name)' here is null", at: spec.keywordRange,
          help: "keep the rows that have one: | where \(label.name) is not null")
      }
      return (positionOf, [], positions)
    }
    let grouping = try Grouping.make(keys: [label], rowCount: rowCount, cancellation: cancellation)
    let categories = grouping.firstRow.map { label.value(at: Int($0)).description }
    return (grouping.groupOf.map { Int32($0) }, categories, nil)
  }

  /// The series of each row and the series' names.
  private func chartSeries(_ spec: ChartSpec, _ input: Table, valueName: String) throws(RuntimeFailure) -> ([UInt32], [String]) {
    if spec.values.count > 1 {
      return ([], spec.values.map { input.columns[$0].name })
    }
    guard let seriesIndex = spec.series else {
      return ([UInt32](repeating: 0, count: input.rowCount), [valueName])
    }
    let column = input.columns[seriesIndex]
    let grouping = try Grouping.make(keys: [column], rowCount: input.rowCount, cancellation: cancellation)
    guard grouping.groupCount <= Chart.maxSeries else {
      let some = grouping.firstRow.prefix(3).map { "\"\(column.value(at: Int($0)).description)\"" }.joined(separator: ", ")
      throw RuntimeFailure.error(
        "a chart tells at most \(Chart.maxSeries) series apart, but '\(column.name)' has \(grouping.groupCount) values here",
        at: spec.seriesRange ?? spec.keywordRange,
        help: "keep the series to compare before 'chart', e.g. | where \(column.name) in [\(some)] | chart …")
    }
    let names = grouping.firstRow.map { column.value(at: Int($0)).description }
    return (grouping.groupOf, names)
  }

  private func duplicate(_ spec: ChartSpec, _ input: Table, series: String?, at category: String, rows: (Int, Int)) -> RuntimeFailure {
    let label = input.columns[spec.label].name
    let which = series.map { " for \"\($0)\"" } ?? ""
    let by = ([label] + (spec.series.map { [input.columns[$0].name] } ?? [])).joined(separator: ", ")
    let value = input.columns[spec.values[0]].name
    return RuntimeFailure.error(
      "rows \(rows.0) and \(rows.1) both give a value\(which) at \(label) \"\(category)\"; a \(spec.kind.rawValue) chart draws one",
      at: spec.keywordRange,
      help: "keep one row for each with 'where', or add them up first: | summarize \(value) = sum(\(value)) by \(by) | chart …")
  }

  /// The one unit of the charted rows (a text column `unit`); nil when they have none or
  /// several (a line per indicator, each in its own unit: the axis then names no unit).
  private func chartUnit(_ spec: ChartSpec, _ input: Table) -> String? {
    guard let index = spec.unit, case .text(let codes, let dictionary) = input.columns[index].storage else { return nil }
    let column = input.columns[index]
    var unit: UInt32?
    for row in 0..<input.rowCount where !column.isNull(row) {
      if let seen = unit, seen != codes[row] { return nil }
      unit = codes[row]
    }
    return unit.map { dictionary[Int($0)] }.flatMap { $0.isEmpty ? nil : $0 }
  }
}
