import HQData

/// Predicate pushdown (issue 16, item 2): in a one-shot run (a `-c` statement, a script) whose
/// only statement over a file read column by column (``HQData/DeferredTable``) starts with a
/// `where`, the load's first read — the one read every file gets — runs the filter's tests on
/// each record's cells as it reads them and builds the statement's other text columns only
/// for the records that pass (``HQData/RowPrefilter``). The filter's own columns are read
/// whole, as any read, so no record is read twice and the rows the filter drops are never
/// built.
///
/// The tests a record's bytes can run are a part of the filter (comparisons of a column with
/// a constant, `is null`, `and`, `or`, `in`), and a test the bytes cannot decide keeps the
/// row, so the read keeps a superset of the rows. The statement then runs the whole filter
/// on its whole columns, as the `where` stage does, and takes its rows out of that superset;
/// were one missing (which would be a fault in the tests), it reads the columns whole
/// instead. The result is the one an unpushed run gives.
///
/// Only columns of settled text are narrowed: a column of numbers is text if one cell further
/// down is not a number, so all its cells are read. At the prompt nothing is pushed: a
/// column read whole serves every later statement, a narrowed one only its own.
extension Engine {
  /// The fewest columns worth narrowing: running the tests on a record costs about what
  /// building one text column's cell does (measured on the peers bench: one narrowed column
  /// of one letter cost 3 % more instructions with a filter keeping one row in nine, two
  /// saved 2 % with one in 27; docs/PERFORMANCE.md).
  static let fewestNarrowed = 2

  /// The narrowed read for a statement whose stages (checked against `fields`) read the
  /// columns `kept` of `deferred`: its first stage's filter as a ``HQData/RowPrefilter``, and
  /// the columns it reads that the filter does not, of settled text and unread. Nil when the
  /// statement does not start with a `where`, the filter has no test a record's bytes can
  /// run, or fewer than ``fewestNarrowed`` columns are left to narrow.
  func narrowing(_ stages: [PlanStage], kept: [Int], _ deferred: DeferredTable, fields: [Field]) -> DeferredTable.Narrowing? {
    guard pushesPredicates, case .filter(let predicate)? = stages.first,
      let filter = Self.prefilter(predicate, fields: fields), !filter.clauses.isEmpty
    else { return nil }
    var read = Set<Int>()
    predicate.collectColumns(into: &read)
    let narrowed = kept.filter {
      !read.contains($0) && deferred.narrowable.contains($0) && !deferred.isRead($0) && fields[$0].type == .text
    }
    guard narrowed.count >= Self.fewestNarrowed else { return nil }
    return DeferredTable.Narrowing(columns: narrowed, filter: filter)
  }

  /// The tests of `predicate` a record's cells can run, as clauses that must all hold; nil
  /// when it has none. A part that is not such a test is left out of a conjunction and makes
  /// a disjunction hold: what remains keeps every row the predicate keeps.
  static func prefilter(_ predicate: BoundExpr, fields: [Field]) -> RowPrefilter? {
    let clauses = conjuncts(predicate, fields)
    return clauses.isEmpty ? nil : RowPrefilter(clauses: clauses)
  }

  private static func conjuncts(_ e: BoundExpr, _ fields: [Field]) -> [[RowPrefilter.Test]] {
    if case .and(let a, let b) = e.kind { return conjuncts(a, fields) + conjuncts(b, fields) }
    guard let tests = disjuncts(e, fields) else { return [] }
    return [tests]
  }

  /// The tests one of which holds whenever `e` does; nil when `e` is not made of such tests.
  private static func disjuncts(_ e: BoundExpr, _ fields: [Field]) -> [RowPrefilter.Test]? {
    switch e.kind {
    case .or(let a, let b):
      guard let x = disjuncts(a, fields), let y = disjuncts(b, fields) else { return nil }
      return x + y
    case .isNull(let operand, let negated):
      guard let column = operand.columnIndex, column < fields.count else { return nil }
      return [.null(column: column, isNull: !negated)]
    case .comparison(let op, let a, let b):
      if let test = test(op, a, b, fields) { return [test] }
      // `2023 <= ar` is `ar >= 2023`.
      return test(op.mirrored, b, a, fields).map { [$0] }
    default:
      return nil
    }
  }

  private static func test(
    _ op: ComparisonOperator, _ columnSide: BoundExpr, _ constantSide: BoundExpr, _ fields: [Field]
  ) -> RowPrefilter.Test? {
    guard let column = columnSide.columnIndex, column < fields.count, case .literal(let value) = constantSide.kind
    else { return nil }
    switch (fields[column].type, value) {
    case (.number, .number(let constant)):
      return .number(column: column, op, constant)
    case (.text, .text(let constant)) where op == .equal || op == .notEqual:
      return .text(column: column, constant, equal: op == .equal)
    default:
      return nil
    }
  }

  /// The first batch of a statement and its table, when the load's first read was narrowed
  /// for it (``narrowing(_:kept:_:fields:)``): its filter's rows of every column it reads, the
  /// stages after the filter renumbered to them. Nil when no narrowed read was made for it
  /// (the caller reads as usual); `.retype` when a column read has another type than its
  /// guess (the caller checks the statement again).
  func narrowedRead(
    _ batch: Batch, _ projection: (stages: [PlanStage], kept: [Int]), _ deferred: DeferredTable, fields: [Field],
    cancellation: CancellationCheck, warnings: WarningLog
  ) throws -> NarrowedRead? {
    guard let narrowing = narrowing(batch.stages, kept: projection.kept, deferred, fields: fields),
      case .filter(let predicate)? = batch.stages.first, case .filter? = projection.stages.first,
      let narrowed = deferred.takeNarrowed(narrowing)
    else { return nil }
    let whole = projection.kept.filter { !narrowing.columns.contains($0) }
    let columns = try deferred.columns(whole)
    let exact = deferred.fields
    guard whole.allSatisfy({ exact[$0].type == fields[$0].type }) else { return .retype }
    // The filter over the whole columns (it reads none of the narrowed ones).
    var map: [Int: Int] = [:]
    for (position, index) in whole.enumerated() { map[index] = position }
    guard let local = predicate.remapped(map), let rowCount = deferred.rowCount,
      columns.allSatisfy({ $0.count == rowCount })
    else { return nil }
    let table = Table(name: deferred.name, columns: columns)
    let rows = try Evaluator(table: table, cancellation: cancellation).selection(local)
    // Where the filter's rows are among the read's (nil: they are the same rows).
    var within: [Int32]?
    if rows != narrowed.rows {
      guard let positions = Self.positions(of: rows, in: narrowed.rows) else { return nil }
      within = positions
    }
    if rows.isEmpty {
      // What the `where` stage says when it keeps no row, about the columns it read.
      Executor(cancellation: cancellation, warnings: warnings).warnAboutMissingTexts(local, table)
    }
    var out: [Column] = []
    for index in projection.kept {
      if let position = map[index] {
        out.append(try columns[position].gathered(rows, cancellation: cancellation))
      } else if let at = narrowing.columns.firstIndex(of: index) {
        let column = narrowed.columns[at]
        out.append(try within.map { try column.gathered($0, cancellation: cancellation) } ?? column)
      }
    }
    var first = batch
    first.stages = Array(projection.stages.dropFirst())
    return .read(Table(name: deferred.name, columns: out), first)
  }

  /// Where each of `rows` is in `kept` (both ascending); nil when one is not in it.
  static func positions(of rows: [Int32], in kept: [Int32]) -> [Int32]? {
    var out = [Int32](repeating: 0, count: rows.count)
    let found = rows.withUnsafeBufferPointer { rows in
      kept.withUnsafeBufferPointer { kept in
        out.withUnsafeMutableBufferPointer { out in
          var j = 0
          for (i, row) in rows.enumerated() {
            while j < kept.count && kept[j] < row { j += 1 }
            guard j < kept.count, kept[j] == row else { return false }
            out[i] = Int32(truncatingIfNeeded: j)
            j += 1
          }
          return true
        }
      }
    }
    return found ? out : nil
  }

  /// What ``narrowedRead(_:_:_:fields:cancellation:warnings:)`` did.
  enum NarrowedRead {
    /// The rows the filter kept, and the stages after it.
    case read(Table, Batch)
    /// A column read has another type than its guess: check the statement again.
    case retype
  }
}
