/// The tables a session can query, by name, in the order they were added.
///
/// A table is either held whole (``Table``) or read from its file column by column as queries
/// need them (``DeferredTable``). Looking a deferred table up by ``subscript(_:)`` reads every
/// column; the engine asks ``deferred(_:)`` for the ones a statement reads. The report sources
/// are deferred too (built whole on first read), so a start that queries `reports` never
/// builds `facts` or `lines`.
public struct Catalog: Sendable {
  public enum Entry: Sendable {
    case table(Table)
    case deferred(DeferredTable)

    public var name: String {
      switch self {
      case .table(let table): table.name
      case .deferred(let deferred): deferred.name
      }
    }
  }

  public private(set) var entries: [Entry] = []

  public init(_ tables: [Table] = []) {
    for table in tables { self[table.name] = table }
  }

  /// A catalog of deferred tables, in this order.
  public init(deferred tables: [DeferredTable]) {
    for table in tables { add(table) }
  }

  public var names: [String] { entries.map(\.name) }

  /// Every table, deferred ones read whole (those that fail to read are left out).
  public var tables: [Table] { names.compactMap { self[$0] } }

  /// Looks up, adds (at the end) or replaces (in place) a table by name. Getting a deferred
  /// table reads all its columns (nil if that fails).
  public subscript(name: String) -> Table? {
    get {
      switch entries.first(where: { $0.name == name }) {
      case .table(let table)?: return table
      case .deferred(let deferred)?: return try? deferred.table()
      case nil: return nil
      }
    }
    set { set(name, newValue.map(Entry.table)) }
  }

  /// The deferred table of this name, if the name is one.
  public func deferred(_ name: String) -> DeferredTable? {
    if case .deferred(let deferred)? = entries.first(where: { $0.name == name }) { return deferred }
    return nil
  }

  /// The columns of a table without reading a deferred one (its unread columns' types are
  /// sniffed); nil when there is no such table.
  public func fields(of name: String) -> [Field]? {
    switch entries.first(where: { $0.name == name }) {
    case .table(let table)?: table.schema.fields
    case .deferred(let deferred)?: deferred.fields
    case nil: nil
    }
  }

  /// Adds or replaces (in place) a deferred table by its name.
  public mutating func add(_ deferred: DeferredTable) {
    set(deferred.name, Entry.deferred(deferred))
  }

  private mutating func set(_ name: String, _ entry: Entry?) {
    let index = entries.firstIndex { $0.name == name }
    switch (index, entry) {
    case (let i?, let e?): entries[i] = e
    case (let i?, nil): entries.remove(at: i)
    case (nil, let e?): entries.append(e)
    case (nil, nil): break
    }
  }

  /// Whether the table of this name is held whole or all its columns were read (for tests).
  public func isBuilt(_ name: String) -> Bool {
    switch entries.first(where: { $0.name == name }) {
    case .table?: true
    case .deferred(let deferred)?: deferred.isComplete
    case nil: false
    }
  }
}
