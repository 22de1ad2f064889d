/// What a column is for, as far as the language's stages are concerned. A source declares
/// it with its columns (``Field/role``); the engine reads roles, never column names:
///
/// - ``value``: the measured number. `compare` and `pivot` put it side by side when no
///   `value EXPR` is written, and it is never part of their default key.
/// - ``position``: where a figure was printed rather than what it is (a line number, a rank
///   and how many were ranked). Left out of `compare`'s and `pivot`'s default key.
/// - ``text``: the printed text. `search` matches it; left out of the default key.
/// - ``header``: a printed column header (`Utfall 2023`). In a default key it is keyed with the
///   compared values taken out of it, so `Utfall 2023` and `Utfall 2024` are one key.
///
/// A column without a role is an ordinary attribute: part of the default key.
public struct ColumnRole: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
  public let rawValue: String

  public init(rawValue: String) {
    self.rawValue = rawValue
  }

  public static let value = ColumnRole(rawValue: "value")
  public static let position = ColumnRole(rawValue: "position")
  public static let text = ColumnRole(rawValue: "text")
  public static let header = ColumnRole(rawValue: "header")

  /// Every role, in the order the documentation lists them.
  public static let all: [ColumnRole] = [.value, .position, .text, .header]

  public var description: String { rawValue }

  /// True for the roles a default key of `compare` and `pivot` leaves out.
  public var isLeftOutOfKeys: Bool { self == .value || self == .position || self == .text }

  /// The roles of columns that nothing declares: the columns of a loaded CSV file and the
  /// columns a query makes (`derive`, `summarize`, `select new = …`, `unpivot … into NAME, VALUE`)
  /// when the stage's input has no column of that name. They are the roles the report
  /// sources declare for these names (docs/MODEL.md, "Column roles"), so a table with the
  /// report columns' names behaves as the report sources do.
  public static let conventional: [String: ColumnRole] = [
    "value": .value, "rank": .position, "rank_of": .position, "line": .position, "text": .text, "measure": .header,
  ]

  /// The role a column named `name` gets when nothing declares one, or nil.
  public static func conventional(for name: String) -> ColumnRole? {
    conventional[name]
  }
}

/// A named, typed column slot, with the column's role when it has one.
public struct Field: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var role: ColumnRole?

  public init(_ name: String, _ type: ValueType, role: ColumnRole? = nil) {
    self.name = name
    self.type = type
    self.role = role
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

  /// The first column with `role`.
  public func index(of role: ColumnRole) -> Int? {
    fields.firstIndex { $0.role == role }
  }

  /// The same columns with the conventional roles of their names (``ColumnRole/conventional``).
  public var withConventionalRoles: Schema {
    Schema(fields.map { Field($0.name, $0.type, role: ColumnRole.conventional(for: $0.name)) })
  }
}
