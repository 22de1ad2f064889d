import HQData
import HQSyntax

extension Executor {
  /// The columns of `describe`'s result.
  static let describeFields = [
    Field("column", .text), Field("type", .text), Field("values", .number), Field("distinct", .number),
    Field("min", .text), Field("max", .text), Field("most_frequent", .text),
  ]

  /// How many of the most frequent values `describe` shows.
  static let describeTopCount = 3

  /// `describe`: for each input column its name, type, the number of non-null values, the
  /// number of distinct ones, the smallest and largest (as `min`/`max` order them: numbers by
  /// value, text in Swedish order), and the most frequent values with their counts, most
  /// frequent first (ties in order of first appearance), text in quotes: `"utfall" (24), "mål" (6)`.
  func describe(_ input: Table) throws(RuntimeFailure) -> Table {
    var builders = Self.describeFields.map { ColumnBuilder(name: $0.name, type: $0.type, capacity: input.columns.count) }
    let everyRow = Grouping(groupOf: [UInt32](repeating: 0, count: input.rowCount), groupCount: 1, firstRow: [0])
    for column in input.columns {
      try cancellation.check()
      let grouping = try Grouping.make(keys: [column], rowCount: input.rowCount, cancellation: cancellation)
      var counts = [Int](repeating: 0, count: grouping.groupCount)
      try cancellation.forEachChunk(input.rowCount) { chunk in
        for r in chunk { counts[Int(grouping.groupOf[r])] += 1 }
      }
      let groups = (0..<grouping.groupCount).filter { !column.isNull(Int(grouping.firstRow[$0])) }
      let values = groups.reduce(0) { $0 + counts[$1] }
      builders[0].appendText(column.name)
      builders[1].appendText(column.type.name)
      builders[2].appendNumber(Number(values))
      builders[3].appendNumber(Number(groups.count))
      if values == 0 {
        for i in 4...6 { builders[i].appendNull() }
        continue
      }
      for f in [AggregateFunction.min, .max] {
        let call = AggregateCall(function: f, argument: nil, range: SourceRange(0, 0), type: column.type)
        let picked = try Aggregation.compute(call, argument: column, grouping: everyRow, name: "", cancellation: cancellation)
        builders[f == .min ? 4 : 5].appendText(picked.value(at: 0).description)
      }
      let top = groups.sorted { counts[$0] > counts[$1] || (counts[$0] == counts[$1] && $0 < $1) }.prefix(Self.describeTopCount)
      builders[6].appendText(top.map { group in
        let value = column.value(at: Int(grouping.firstRow[group]))
        let shown = value.text.map { "\"\($0)\"" } ?? value.description
        return "\(shown) (\(counts[group]))"
      }.joined(separator: ", "))
    }
    return Table(name: input.name, columns: builders.map { $0.build() })
  }
}
