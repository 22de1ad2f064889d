import HQData
import HQReports

/// What a successful ``Loader/load(path:as:)`` produced.
public enum LoadedData: Sendable {
  /// A report text (`.txt`, `.pdf`) or an hq model file (`.json`): rows for the sources
  /// `facts`, `goals`, `sections`, `reports` and `lines`, to be merged into the session's model.
  case reports(ReportModel, warnings: [IngestWarning])
  /// A CSV or TSV file: one table, named after the file's stem or the name the user gave,
  /// with notes about how it was read (the encoding, when it was not UTF-8).
  ///
  /// When the header names exactly the columns of ``ReportModel/factsSchema`` (in any order)
  /// the table is built with that schema's order and types (see ``isFactsTable``), so it can
  /// stand in for the `facts` source: the shell stores a table under its name, so loading
  /// `facts.csv` (or `.load FILE.csv as facts`) replaces `facts`, and any other name adds a
  /// table that queries can use alongside it.
  case table(name: String, Table, notes: [IngestWarning])
  /// A CSV or TSV file to be read column by column as queries need them (when
  /// ``Loader/load(path:as:encoding:limits:deferring:)`` was asked to): nothing but its
  /// header and first records has been read yet, so no error in the rest has been found;
  /// the first ``HQData/DeferredTable/columns(_:)`` reads the whole file once and reports them.
  case deferred(name: String, DeferredTable)
}

extension LoadedData {
  /// True when this is a table whose schema is exactly the `facts` schema, so it can stand in
  /// for or extend the `facts` source.
  public var isFactsTable: Bool {
    if case .table(_, let table, _) = self { return table.schema == ReportModel.factsSchema }
    return false
  }
}
