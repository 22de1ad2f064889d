import HQData
import Synchronization

/// A ``ReportModel`` made when first needed, once, from any thread; the rows of its `reports`
/// table may be made on their own before it.
///
/// The bundled reports' model is decoded this way (``ModelArchive``): a start that queries only
/// `reports` decodes two rows and the strings they use, and the whole model (≈ 3.5 M
/// instructions, most of it making ≈ 2 000 strings) waits for the first statement, load or
/// export that needs it.
public final class LazyReportModel: Sendable {
  private let state: Mutex<State>

  private struct State: Sendable {
    var model: ReportModel?
    var reportRows: [ReportRow]?
    let makeModel: @Sendable () -> ReportModel
    let makeReportRows: (@Sendable () -> [ReportRow]?)?
  }

  /// - Parameters:
  ///   - reportRows: the rows of the `reports` table alone (``ReportModel/reportRows()``),
  ///     cheaper than the whole model; a nil result: they cannot be made so, and the whole
  ///     model's are used. Called at most once.
  ///   - model: the whole model; called at most once.
  public init(reportRows: (@Sendable () -> [ReportRow]?)? = nil, model: @escaping @Sendable () -> ReportModel) {
    state = Mutex(State(model: nil, reportRows: nil, makeModel: model, makeReportRows: reportRows))
  }

  /// A model that is already made.
  public init(_ model: ReportModel) {
    state = Mutex(State(model: model, reportRows: nil, makeModel: { model }, makeReportRows: nil))
  }

  /// The whole model, made now if it was not yet.
  public var model: ReportModel {
    state.withLock { state in
      if let model = state.model { return model }
      let model = state.makeModel()
      state.model = model
      return model
    }
  }

  /// The rows of the `reports` table, made without the rest of the model where possible.
  public var reportRows: [ReportRow] {
    let made: [ReportRow]? = state.withLock { state in
      if let rows = state.reportRows { return rows }
      guard state.model == nil, let rows = state.makeReportRows?() else { return nil }
      state.reportRows = rows
      return rows
    }
    return made ?? model.reportRows()
  }

  /// Whether the whole model has been made (for tests).
  public var isMade: Bool { state.withLock { $0.model != nil } }

  /// The six sources of ``ReportModel/deferredTables()``, each built from this model when a
  /// statement first reads it; `reports` needs only the `reports` rows.
  public func deferredTables() -> [DeferredTable] {
    var tables = ReportModel.deferredTables { self.model }
    if let index = tables.firstIndex(where: { $0.name == ReportModel.reportsColumns.name }) {
      tables[index] = DeferredTable(name: ReportModel.reportsColumns.name, fields: ReportModel.reportsColumns.schema.fields) {
        ReportModel.reportsColumns.table(self.reportRows)
      }
    }
    return tables
  }
}
