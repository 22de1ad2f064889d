import HQData
import HQSyntax

extension Executor {
  /// The most rows a join may produce (row indexes are 32-bit).
  static let maxJoinRows = 100_000_000

  /// `join SOURCE on col, …` and its kinds: every pair of rows with equal keys, left rows in
  /// order, matching right rows in their order; a left join adds each unmatched left row (with
  /// empty right columns) in its place, a right or full join adds the unmatched right rows at
  /// the end (with empty left columns, the keys taken from the right). A semi join keeps each
  /// left row that has a match once, an anti join each one that has none. Null keys never
  /// match (SQL).
  ///
  /// The rows are counted before anything is allocated for them: a join that would produce
  /// more than ``maxJoinRows`` rows, or whose result is estimated to need more than
  /// ``memoryBudget`` bytes (row pairs plus every output column), fails with a diagnostic at
  /// the join naming the estimate — instead of allocating until the process is killed.
  func join(_ spec: JoinSpec, _ input: Table) throws(RuntimeFailure) -> Table {
    if spec.leftKeys.isEmpty { return input }
    let matcher = try JoinMatcher(spec, input, cancellation: cancellation)
    let total = try matcher.rowCount(spec.kind, cancellation: cancellation)
    if total > Executor.maxJoinRows {
      throw .error(
        "join would produce \(total) rows, more than the \(Executor.maxJoinRows) a join may produce: the keys match many rows on both sides",
        at: spec.range, help: "join on more columns, or narrow the rows with `where` first")
    }
    let columns = input.columns + spec.rightColumns.map { spec.right.columns[$0.index] }
    let estimate = Self.estimatedBytes(rows: total, columns: columns)
    if estimate > memoryBudget {
      throw .error(
        "join with '\(spec.right.name)' would need about \(ByteSize.describe(estimate)) for \(total) rows × \(columns.count) columns, more than the memory budget of \(ByteSize.describe(memoryBudget))",
        at: spec.range,
        help: "join on more columns, narrow the rows with `where` or the columns with `select` first, or raise the budget with HQ_MEMORY_LIMIT=SIZE")
    }
    var leftRows: [Int32] = []
    var rightRows: [Int32] = []
    leftRows.reserveCapacity(total)
    rightRows.reserveCapacity(total)
    try matcher.forEachPair(spec.kind, cancellation: cancellation) { l, r in
      leftRows.append(l)
      rightRows.append(r)
    }
    var out: [Column] = []
    for column in input.columns { out.append(try column.gathered(leftRows, cancellation: cancellation)) }
    if spec.kind == .right || spec.kind == .full {
      // Unmatched right rows have no left key: take the right one.
      for (l, r) in zip(spec.leftKeys, spec.rightKeys) {
        let fromRight = try spec.right.columns[r].gathered(rightRows, cancellation: cancellation)
        out[l] = try out[l].coalesced(with: fromRight, cancellation: cancellation)
      }
    }
    for (index, name) in spec.rightColumns {
      out.append(try spec.right.columns[index].gathered(rightRows, cancellation: cancellation).renamed(name))
    }
    return Table(name: input.name, columns: out)
  }

  /// `join … | count`: the number of rows the join gives, without pairing rows or gathering
  /// a column, so it needs memory for the keys only (and no row limit applies).
  func joinCount(_ spec: JoinSpec, _ input: Table) throws(RuntimeFailure) -> Int {
    if spec.leftKeys.isEmpty { return input.rowCount }
    return try JoinMatcher(spec, input, cancellation: cancellation).rowCount(spec.kind, cancellation: cancellation)
  }

  /// Bytes a table of `rows` rows gathered from `columns` takes, plus the two 32-bit row
  /// index arrays that gather it: numbers 8 bytes (9 with per-row scales), text codes 4
  /// (the dictionary is shared, not copied), truth values 1, a null bit per row where
  /// there are nulls. Saturates instead of overflowing.
  static func estimatedBytes(rows: Int, columns: [Column]) -> Int {
    var perRow = 8
    var nullBits = 0
    for column in columns {
      switch column.storage {
      case .number(_, let scales, _): perRow += scales.isEmpty ? 8 : 9
      case .text: perRow += 4
      case .bool: perRow += 1
      }
      if column.nulls != nil { nullBits += 1 }
    }
    let (bytes, overflow) = rows.multipliedReportingOverflow(by: perRow)
    let (withNulls, overflow2) = bytes.addingReportingOverflow(rows / 8 * nullBits)
    return overflow || overflow2 ? .max : withNulls
  }
}

/// The key matching behind a join: each right row bucketed by its key (a counting sort), so
/// the matches of a left row are one range of ``bucket``.
private struct JoinMatcher {
  let atoms: KeyAtoms
  let leftCount: Int
  let rightCount: Int
  /// For key id k, the right rows `bucket[offsets[k]..<offsets[k + 1]]`.
  let offsets: [Int]
  let bucket: [Int32]

  init(_ spec: JoinSpec, _ input: Table, cancellation: CancellationCheck) throws(RuntimeFailure) {
    let right = spec.right
    leftCount = input.rowCount
    rightCount = right.rowCount
    var atoms: KeyAtoms? = nil
    for (l, r) in zip(spec.leftKeys, spec.rightKeys) {
      let next = try KeyAtoms.make([input.columns[l], right.columns[r]], cancellation: cancellation)
      if let previous = atoms {
        atoms = try previous.paired(with: next, cancellation: cancellation)
      } else {
        atoms = next
      }
    }
    // Callers handle a join without keys (which the checker does not produce).
    guard let atoms else { throw .error("join needs at least one key column", at: spec.range) }
    self.atoms = atoms
    try cancellation.check()
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
    self.offsets = offsets
    self.bucket = bucket
  }

  /// The right rows matching left row `l` (as a range of ``bucket``).
  @inline(__always)
  func matches(_ l: Int) -> Range<Int> {
    if atoms.hasNull?[l] ?? false { return 0..<0 }
    let id = Int(atoms.ids[l])
    return offsets[id]..<offsets[id + 1]
  }

  /// How many rows the join gives: the matches of every left row, 1 for an unmatched left
  /// row of a left or full join, 1 for an unmatched right row of a right or full join; for
  /// semi and anti joins the left rows with and without a match. At most left × right + right
  /// rows, so it cannot overflow an `Int`.
  func rowCount(_ kind: JoinKind, cancellation: CancellationCheck) throws(RuntimeFailure) -> Int {
    var total = 0
    let keepsUnmatchedLeft = kind == .left || kind == .full
    try cancellation.forEachChunk(leftCount) { chunk in
      for l in chunk {
        let n = matches(l).count
        switch kind {
        case .semi: total += n > 0 ? 1 : 0
        case .anti: total += n == 0 ? 1 : 0
        default: total += n == 0 && keepsUnmatchedLeft ? 1 : n
        }
      }
    }
    if kind == .right || kind == .full { total += try unmatchedRightRows(cancellation: cancellation).count }
    return total
  }

  /// The right rows no left row matches, in order.
  func unmatchedRightRows(cancellation: CancellationCheck) throws(RuntimeFailure) -> [Int32] {
    var matched = [Bool](repeating: false, count: bucket.count)
    try cancellation.forEachChunk(leftCount) { chunk in
      for l in chunk { for i in matches(l) { matched[i] = true } }
    }
    var unmatched: [Int32] = []
    var isMatched = [Bool](repeating: false, count: rightCount)
    for i in bucket.indices where matched[i] { isMatched[Int(bucket[i])] = true }
    for r in 0..<rightCount where !isMatched[r] { unmatched.append(Int32(r)) }
    return unmatched
  }

  /// Calls `body(left, right)` for every output row in order; right is -1 for an unmatched
  /// left row of a left or full join (and for every row of a semi or anti join), left is -1
  /// for an unmatched right row of a right or full join.
  func forEachPair(_ kind: JoinKind, cancellation: CancellationCheck, _ body: (Int32, Int32) -> Void) throws(RuntimeFailure) {
    let keepsUnmatchedLeft = kind == .left || kind == .full
    try cancellation.forEachChunk(leftCount) { chunk in
      for l in chunk {
        let range = matches(l)
        switch kind {
        case .semi: if !range.isEmpty { body(Int32(l), -1) }
        case .anti: if range.isEmpty { body(Int32(l), -1) }
        default:
          if range.isEmpty {
            if keepsUnmatchedLeft { body(Int32(l), -1) }
            continue
          }
          for i in range { body(Int32(l), bucket[i]) }
        }
      }
    }
    if kind == .right || kind == .full {
      for r in try unmatchedRightRows(cancellation: cancellation) { body(-1, r) }
    }
  }
}
