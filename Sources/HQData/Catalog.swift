/// The tables a session can query, by name, in the order they were added.
///
/// A table is either held whole (``Table``) or read from its file column by column as queries
/// need them (``DeferredTable``). Looking a deferred table up by ``subscript(_:)`` reads every
/// column; the engine asks ``deferred(_:)`` for the ones a statement reads.
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
}
