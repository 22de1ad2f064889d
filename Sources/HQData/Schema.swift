/// A named, typed column slot.
public struct Field: Sendable, Hashable {
  public var name: String
  public var type: ValueType

  public init(_ name: String, _ type: ValueType) {
    self.name = name
    self.type = type
  }
}

/// The ordered fields of a table or a result. Lookup by name is case-sensitive and exact;
/// the checker offers near names when a lookup fails.
public struct Schema: Sendable, Hashable {
  public var fields: [Field]

  public init(_ fields: [Field]) {
    self.fields = fields
  }

  public var names: [String] { fields.map(\.name) }
  public var count: Int { fields.count }

  public func index(of name: String) -> Int? {
    fields.firstIndex { $0.name == name }
  }

  public func field(named name: String) -> Field? {
    index(of: name).map { fields[$0] }
  }
}
