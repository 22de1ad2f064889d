import HQData

/// Predicate pushdown (issue 16, item 2): a statement `from t | where P | …` over a table
/// read column by column (``HQData/DeferredTable``) reads the columns `P` reads (kept by the
/// table, as any read), runs `P` on them, and reads its other columns for the rows `P` kept
/// only, from the places the first read recorded — a read of its own, kept by no one, so the
/// table's columns stay whole or unread for every other statement.
///
/// Only columns whose type the file's first records settle can be read so: a text column
/// (a cell that is not a number) stays text whatever the other cells hold, so the rows `P`
/// drops need not be looked at. A column of numbers is text if one cell further down is not a
/// number, so it is read whole, with `P`'s columns. Pushing pays when `P` keeps few rows;
/// the file's first records estimate how many (``pushdownShare``).
///
/// The result is the one the whole table gives: `P` runs on whole columns, as the `where`
/// stage would, and the rows are those it keeps, in order; a filter that keeps no row gives the
/// warning the stage gives.
extension Engine {
  /// The largest share of the sampled records a filter may keep for its statement's other
  /// columns to be read for the rows it keeps only.
  static let pushdownShare = 0.5

  /// The columns of `deferred` that a statement reading `kept` (with `stages` checked against
  /// `fields`) reads for the rows its first `where` keeps only: those its filter does not read,
  /// of settled text and not read yet. Empty when the statement does not start with a filter,
  /// its filter reads no column, or keeps more than ``pushdownShare`` of the sampled records.
  func pushedColumns(_ stages: [PlanStage], kept: [Int], _ deferred: DeferredTable) -> [Int] {
    guard pushesPredicates, case .filter(let predicate)? = stages.first else { return [] }
    var read = Set<Int>()
    predicate.collectColumns(into: &read)
    guard !read.isEmpty else { return [] }
    let pushed = kept.filter { !read.contains($0) && deferred.narrowable.contains($0) && !deferred.isRead($0) }
    // The sample has the sniffed types; a column read since may have another (then no estimate).
    let fields = deferred.fields
    guard !pushed.isEmpty, let sample = deferred.sample, sample.rowCount > 0, sample.columns.count == fields.count,
      read.allSatisfy({ sample.columns[$0].type == fields[$0].type }),
      let selected = try? Evaluator(table: sample, cancellation: .none).selection(predicate),
      Double(selected.count) <= Self.pushdownShare * Double(sample.rowCount)
    else { return [] }
    return pushed
  }

  /// The first batch of a statement and its table when its first stage, a `where`, is pushed
  /// into the read (``pushedColumns(_:kept:_:)``): the filter's rows of the columns `narrowed`
  /// keeps, the stages after the filter renumbered to them. Nil when it is not pushed (the
  /// caller reads as usual); `.retype` when a column read turned out to have another type
  /// than its guess (the caller checks the statement again).
  func pushedDown(
    _ batch: Batch, _ narrowed: (stages: [PlanStage], kept: [Int]), _ deferred: DeferredTable, fields: [Field],
    cancellation: CancellationCheck, warnings: WarningLog
  ) throws -> PushedRead? {
    let pushed = pushedColumns(batch.stages, kept: narrowed.kept, deferred)
    guard !pushed.isEmpty, case .filter(let predicate)? = batch.stages.first,
      case .filter? = narrowed.stages.first
    else { return nil }
    let whole = narrowed.kept.filter { !pushed.contains($0) }
    let columns = try deferred.columns(whole, keepingPlaces: true)
    let exact = deferred.fields
    guard whole.allSatisfy({ exact[$0].type == fields[$0].type }) else { return .retype }
    var map: [Int: Int] = [:]
    for (position, index) in whole.enumerated() { map[index] = position }
    guard let local = predicate.remapped(map) else { return nil }
    let table = Table(name: deferred.name, columns: columns)
    let rows = try Evaluator(table: table, cancellation: cancellation).selection(local)
    guard let read = try deferred.columns(pushed, rows: rows) else { return nil }
    if rows.isEmpty {
      // What the `where` stage says when it keeps no row, about the columns it read.
      Executor(cancellation: cancellation, warnings: warnings).warnAboutMissingTexts(local, table)
    }
    var out: [Column] = []
    for index in narrowed.kept {
      if let position = map[index] {
        out.append(try table.columns[position].gathered(rows, cancellation: cancellation))
      } else if let position = pushed.firstIndex(of: index) {
        out.append(read[position])
      }
    }
    var first = batch
    first.stages = Array(narrowed.stages.dropFirst())
    return .read(Table(name: deferred.name, columns: out), first)
  }

  /// What ``pushedDown(_:_:_:fields:cancellation:warnings:)`` did.
  enum PushedRead {
    /// The rows the filter kept, and the stages after it.
    case read(Table, Batch)
    /// A column read has another type than its guess: check the statement again.
    case retype
  }
}
