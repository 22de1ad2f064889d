import HQData
import HQSyntax

extension Executor {
  /// The most rows a join may produce (row indexes are 32-bit, and memory is finite).
  static let maxJoinRows = 100_000_000

  /// `join SOURCE on col, …` (inner) and `left join`: every pair of rows with equal keys,
  /// left rows in order, matching right rows in their order. Null keys never match (SQL).
  func join(_ spec: JoinSpec, _ input: Table) throws(RuntimeFailure) -> Table {
    let right = spec.right
    let leftCount = input.rowCount
    var atoms: KeyAtoms? = nil
    for (l, r) in zip(spec.leftKeys, spec.rightKeys) {
      let next = try KeyAtoms.make([input.columns[l], right.columns[r]], cancellation: cancellation)
      if let previous = atoms {
        atoms = try previous.paired(with: next, cancellation: cancellation)
      } else {
        atoms = next
      }
    }
    guard let atoms else { return input }
    try cancellation.check()
    // Right rows bucketed by key id (counting sort).
    var offsets = [Int](repeating: 0, count: atoms.cardinality + 1)
    for r in 0..<right.rowCount where !(atoms.hasNull?[leftCount + r] ?? false) {
      offsets[Int(atoms.ids[leftCount + r]) + 1] += 1
    }
    for i in 0..<atoms.cardinality { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var bucket = [Int32](repeating: 0, count: offsets[atoms.cardinality])
    for r in 0..<right.rowCount where !(atoms.hasNull?[leftCount + r] ?? false) {
      let id = Int(atoms.ids[leftCount + r])
      bucket[cursor[id]] = Int32(r)
      cursor[id] += 1
    }
    var leftRows: [Int32] = []
    var rightRows: [Int32] = []
    leftRows.reserveCapacity(leftCount)
    rightRows.reserveCapacity(leftCount)
    for l in 0..<leftCount {
      try cancellation.check(every: l)
      let id = Int(atoms.ids[l])
      let matches = (atoms.hasNull?[l] ?? false) ? 0..<0 : offsets[id]..<offsets[id + 1]
      if matches.isEmpty {
        if spec.left {
          leftRows.append(Int32(l))
          rightRows.append(-1)
        }
        continue
      }
      if leftRows.count + matches.count > Executor.maxJoinRows {
        throw .error(
          "join would produce more than \(Executor.maxJoinRows) rows: the keys match many rows on both sides",
          at: spec.range, help: "join on more columns, or narrow the rows with `where` first")
      }
      for i in matches {
        leftRows.append(Int32(l))
        rightRows.append(bucket[i])
      }
    }
    var columns: [Column] = []
    for column in input.columns { columns.append(try column.gathered(leftRows, cancellation: cancellation)) }
    for (index, name) in spec.rightColumns {
      columns.append(try right.columns[index].gathered(rightRows, cancellation: cancellation).renamed(name))
    }
    return Table(name: input.name, columns: columns)
  }
}
