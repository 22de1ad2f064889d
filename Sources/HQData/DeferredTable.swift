import HQDiagnostics
import Synchronization

/// A table read from a file whose columns are parsed when a query first needs them
/// (projection pushdown, issue 16).
///
/// Loading a large CSV file makes one of these instead of a ``Table``: it knows the header
/// (``fields``, with the types sniffed from the first records for the columns not read yet),
/// and a ``Reader`` that parses any of the file's columns. The first read also finds the row
/// boundaries, checks the whole file (its records' shape and encoding) and counts the rows;
/// later reads parse only the columns asked for, each in parallel parts, and keep them. A
/// statement asks for the columns it reads (``columns(_:)``); `.schema`, `from t` and a join
/// with the table ask for all of them (``table()``).
///
/// Reads are serialized: two threads asking at once parse a column once.
public final class DeferredTable: Sendable {
  /// What one read produced: columns by index (at least the ones asked for; a reader may
  /// return every column, as it does when the file had to be read again in another encoding),
  /// the number of rows, and notes about how the file was read.
  public struct ReadResult: Sendable {
    public var columns: [Int: Column]
    public var rowCount: Int
    public var notes: [DiagnosticError]
    /// With a ``Narrowing``: its columns (in its order) for the rows its filter kept, and
    /// those rows; nil when the reader did not narrow (it then read every column whole).
    public var narrowed: Narrowed?

    public init(columns: [Int: Column], rowCount: Int, notes: [DiagnosticError] = [], narrowed: Narrowed? = nil) {
      self.columns = columns
      self.rowCount = rowCount
      self.notes = notes
      self.narrowed = narrowed
    }
  }

  /// Columns a read builds only for the rows a filter keeps (predicate pushdown, issue 16):
  /// a statement `from t | where P | …` whose other columns need not be built for the rows
  /// `P` drops. The columns must be in ``narrowable``.
  public struct Narrowing: Sendable, Hashable {
    /// Ascending.
    public var columns: [Int]
    public var filter: RowPrefilter

    public init(columns: [Int], filter: RowPrefilter) {
      self.columns = columns
      self.filter = filter
    }
  }

  /// What a narrowed read built: the columns, in the ``Narrowing``'s order, for its rows.
  public struct Narrowed: Sendable {
    public var columns: [Column]
    /// The rows the filter kept (ascending; a superset of the rows the whole `where` keeps).
    public var rows: [Int32]

    public init(columns: [Column], rows: [Int32]) {
      self.columns = columns
      self.rows = rows
    }
  }

  /// Parses the columns at these indexes (sorted, none read before; possibly none, for the
  /// first read's row count and checks), and with a ``Narrowing``, its columns for the rows
  /// its filter keeps. A failure names the place in the file.
  public typealias Reader = @Sendable ([Int], Narrowing?) throws(DiagnosticError) -> ReadResult

  private struct State {
    var fields: [Field]
    var columns: [Column?]
    var rowCount: Int?
    var notes: [DiagnosticError] = []
    /// Narrowed reads made ahead for a statement (``read(_:narrowing:)``), until it takes them.
    var narrowed: [Narrowing: Narrowed] = [:]
  }

  public let name: String
  private let reader: Reader
  private let state: Mutex<State>
  /// The columns a ``Narrowing`` may name: text whatever their unread cells hold.
  public let narrowable: Set<Int>

  /// - Parameters:
  ///   - fields: the header's columns with their sniffed types and conventional roles.
  ///   - narrowable: the columns the reader can build for the rows a filter keeps.
  public init(name: String, fields: [Field], narrowable: Set<Int> = [], reader: @escaping Reader) {
    self.name = name
    self.reader = reader
    self.narrowable = narrowable
    state = Mutex(State(fields: fields, columns: Array(repeating: nil, count: fields.count)))
  }

  /// A table made whole the first time any of its columns is read (a report source: building
  /// it costs less than choosing columns would save). `fields` must be the built table's.
  public convenience init(name: String, fields: [Field], build: @escaping @Sendable () -> Table) {
    self.init(name: name, fields: fields) { (_, _) throws(DiagnosticError) in
      let table = build()
      return ReadResult(columns: Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($0, $1) }), rowCount: table.rowCount)
    }
  }

  /// The columns: exact for those read, sniffed (a guess from the first records) for the rest.
  public var fields: [Field] { state.withLock { $0.fields } }

  /// The number of rows, once the file was read a first time.
  public var rowCount: Int? { state.withLock { $0.rowCount } }

  /// True when the column at `index` was parsed, so its field's type is exact.
  public func isRead(_ index: Int) -> Bool { state.withLock { index < $0.columns.count && $0.columns[index] != nil } }

  /// True when every column was parsed.
  public var isComplete: Bool { state.withLock { $0.rowCount != nil && !$0.columns.contains { $0 == nil } } }

  /// The notes the reads so far produced (a file read as Windows-1252), each handed out once.
  public func takeNotes() -> [DiagnosticError] {
    state.withLock { state in
      defer { state.notes = [] }
      return state.notes
    }
  }

  /// The columns at `indexes` (in that order), parsing those not read yet.
  public func columns(_ indexes: [Int]) throws(DiagnosticError) -> [Column] {
    try state.withLock { (state: inout State) throws(DiagnosticError) -> [Column] in
      _ = try Self.read(indexes, narrowing: nil, &state, reader, name: name)
      return try Self.columns(indexes, state, name: name)
    }
  }

  /// Reads the columns at `indexes` not read yet, as ``columns(_:)`` does, and in the same
  /// read `narrowing`'s columns for the rows its filter keeps, kept for the statement it was
  /// made for (``takeNarrowed(_:)``): a one-shot run's statement read in the load's first
  /// read, so no read goes over the file twice. False when it was not narrowed (a column of
  /// it is read or not narrowable, or the reader read every column whole); the columns at
  /// `indexes` are read all the same.
  @discardableResult
  public func read(_ indexes: [Int], narrowing: Narrowing) throws(DiagnosticError) -> Bool {
    try state.withLock { (state: inout State) throws(DiagnosticError) -> Bool in
      let usable =
        !narrowing.columns.isEmpty
        && narrowing.columns.allSatisfy { narrowable.contains($0) && $0 < state.columns.count && state.columns[$0] == nil }
        && !narrowing.columns.contains { indexes.contains($0) } && narrowing.columns == narrowing.columns.sorted()
      let narrowed = try Self.read(indexes, narrowing: usable ? narrowing : nil, &state, reader, name: name)
      guard usable, let narrowed, narrowed.columns.count == narrowing.columns.count,
        narrowed.columns.allSatisfy({ $0.count == narrowed.rows.count })
      else { return false }
      var columns = narrowed.columns
      for i in columns.indices where columns[i].role == nil {
        columns[i].role = ColumnRole.conventional(for: columns[i].name)
      }
      state.narrowed[narrowing] = Narrowed(columns: columns, rows: narrowed.rows)
      return true
    }
  }

  /// The narrowed read made for `narrowing` by ``read(_:narrowing:)``, handed out once.
  public func takeNarrowed(_ narrowing: Narrowing) -> Narrowed? {
    state.withLock { $0.narrowed.removeValue(forKey: narrowing) }
  }

  /// Reads the columns at `indexes` not read yet (or, before the first read, none, for its
  /// row count and checks), and with `narrowing`, its narrowed columns, which it returns.
  private static func read(
    _ indexes: [Int], narrowing: Narrowing?, _ state: inout State, _ reader: Reader, name: String
  ) throws(DiagnosticError) -> Narrowed? {
    let missing = Set(indexes.filter { $0 >= 0 && $0 < state.columns.count && state.columns[$0] == nil }).sorted()
    guard !missing.isEmpty || state.rowCount == nil || narrowing != nil else { return nil }
    let result = try reader(missing, narrowing)
    // Every column has the table's rows (a reader that broke that would make a ragged table).
    if let rows = state.rowCount ?? result.columns.values.first?.count,
      result.rowCount != rows || result.columns.values.contains(where: { $0.count != rows })
    {
      throw DiagnosticError(file: name, "the columns read from the file do not have the same number of rows; load it again")
    }
    state.rowCount = result.rowCount
    state.notes += result.notes
    for (index, column) in result.columns where index >= 0 && index < state.columns.count {
      var column = column
      // A declared role (a report source's) stays; a file's columns get the conventional ones.
      if column.role == nil { column.role = ColumnRole.conventional(for: column.name) }
      state.columns[index] = column
      state.fields[index] = column.field
    }
    return result.narrowed
  }

  private static func columns(_ indexes: [Int], _ state: State, name: String) throws(DiagnosticError) -> [Column] {
    var out: [Column] = []
    for index in indexes where index >= 0 && index < state.columns.count {
      guard let column = state.columns[index] else {
        throw DiagnosticError(file: name, "column \(index + 1) of the file was not read")
      }
      out.append(column)
    }
    return out
  }

  /// Every column, as a ``Table``.
  public func table() throws(DiagnosticError) -> Table {
    let count = state.withLock { $0.columns.count }
    return Table(name: name, columns: try columns(Array(0..<count)))
  }
}
