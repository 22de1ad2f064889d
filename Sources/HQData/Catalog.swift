/// The tables a session can query, by name, in the order they were added.
public struct Catalog: Sendable {
  public private(set) var tables: [Table] = []

  public init(_ tables: [Table] = []) {
    for table in tables { self[table.name] = table }
  }

  public var names: [String] { tables.map(\.name) }

  /// Looks up, adds (at the end) or replaces (in place) a table by name.
  public subscript(name: String) -> Table? {
    get { tables.first { $0.name == name } }
    set {
      let index = tables.firstIndex { $0.name == name }
      switch (index, newValue) {
      case (let i?, let t?): tables[i] = t
      case (let i?, nil): tables.remove(at: i)
      case (nil, let t?): tables.append(t)
      case (nil, nil): break
      }
    }
  }
}
