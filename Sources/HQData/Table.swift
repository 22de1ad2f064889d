/// An immutable, named, columnar table: a source such as `facts`, or a query result.
public struct Table: Sendable {
  public var name: String
  public var columns: [Column]
  public let rowCount: Int

  public init(name: String, columns: [Column]) {
    precondition(columns.allSatisfy { $0.count == (columns.first?.count ?? 0) }, "ragged table")
    self.name = name
    self.columns = columns
    self.rowCount = columns.first?.count ?? 0
  }

  public var schema: Schema { Schema(columns.map(\.field)) }

  /// The table with its columns' roles set from `roles` (one per column).
  public func withRoles(_ roles: [ColumnRole?]) -> Table {
    precondition(roles.count == columns.count, "one role per column")
    var copy = self
    for i in copy.columns.indices { copy.columns[i].role = roles[i] }
    return copy
  }

  /// The table with the roles its columns' names have by convention (``ColumnRole/conventional``).
  public var withConventionalRoles: Table {
    withRoles(columns.map { ColumnRole.conventional(for: $0.name) })
  }

  public func column(named name: String) -> Column? {
    columns.first { $0.name == name }
  }

  /// The row as values, in column order. For output and tests; scans use the columns.
  public func row(_ index: Int) -> [Value] {
    columns.map { $0.value(at: index) }
  }
}

/// Builds a ``Table`` row by row.
public struct TableBuilder: Sendable {
  public let name: String
  private var builders: [ColumnBuilder]

  public init(name: String, schema: Schema) {
    self.name = name
    builders = schema.fields.map { ColumnBuilder(name: $0.name, type: $0.type) }
    roles = schema.fields.map(\.role)
  }

  private let roles: [ColumnRole?]

  /// Appends one row; `values` must have one value per field.
  public mutating func append(_ values: [Value]) throws(ColumnBuilder.TypeMismatch) {
    precondition(values.count == builders.count, "row width does not match the schema")
    for i in builders.indices {
      try builders[i].append(values[i])
    }
  }

  public func build() -> Table {
    Table(name: name, columns: builders.map { $0.build() }).withRoles(roles)
  }
}
