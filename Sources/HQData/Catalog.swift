import Synchronization

/// The tables a session can query, by name, in the order they were added.
///
/// A table may be added built or as a recipe (``DeferredTable``) that builds it the first time
/// it is read: a start that queries `reports` then never builds `facts` or `lines`. Names are
/// known without building anything.
public struct Catalog: Sendable {
  private var entries: [(name: String, table: DeferredTable)] = []

  public init(_ tables: [Table] = []) {
    for table in tables { self[table.name] = table }
  }

  /// A catalog of tables built when first read, in this order.
  public init(deferred tables: [DeferredTable]) {
    for table in tables { self[deferred: table.name] = table }
  }

  public var names: [String] { entries.map(\.name) }

  /// Every table, each built now if it was not yet.
  public var tables: [Table] { entries.map(\.table.table) }

  /// Looks up (building a deferred table), adds (at the end) or replaces (in place) a table by name.
  public subscript(name: String) -> Table? {
    get { entries.first { $0.name == name }?.table.table }
    set { self[deferred: name] = newValue.map { DeferredTable(built: $0) } }
  }

  /// Adds (at the end) or replaces (in place) a table by name without building it.
  public subscript(deferred name: String) -> DeferredTable? {
    get { entries.first { $0.name == name }?.table }
    set {
      let index = entries.firstIndex { $0.name == name }
      switch (index, newValue) {
      case (let i?, let t?): entries[i].table = t
      case (let i?, nil): entries.remove(at: i)
      case (nil, let t?): entries.append((name, t))
      case (nil, nil): break
      }
    }
  }

  /// Whether the table of this name has been built (for tests and `.tables`).
  public func isBuilt(_ name: String) -> Bool {
    entries.first { $0.name == name }?.table.isBuilt ?? false
  }
}

/// A table built once, the first time it is read, from any thread.
public final class DeferredTable: Sendable {
  public let name: String
  private let state: Mutex<State>

  private enum State {
    case pending(@Sendable () -> Table)
    case built(Table)
  }

  /// - Parameter build: makes the table; called at most once.
  public init(name: String, build: @escaping @Sendable () -> Table) {
    self.name = name
    state = Mutex(.pending(build))
  }

  public init(built table: Table) {
    name = table.name
    state = Mutex(.built(table))
  }

  public var isBuilt: Bool {
    state.withLock { if case .built = $0 { true } else { false } }
  }

  /// The table, built now if it was not yet (another thread asking meanwhile waits for it).
  public var table: Table {
    state.withLock { state in
      switch state {
      case .built(let table): return table
      case .pending(let build):
        let table = build()
        state = .built(table)
        return table
      }
    }
  }
}
