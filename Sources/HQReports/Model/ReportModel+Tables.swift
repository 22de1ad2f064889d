import HQData

/// The model as the tables the language queries.
///
/// Each table is built column by column with typed appends straight from the model's fields:
/// no ``Value`` and no row array per row. The columns are declared once, in
/// ReportColumns.swift. An empty text (a fact without a period, a report without a committee)
/// is null, as docs/MODEL.md says, so `period is null` finds it.
extension ReportModel {
  /// All six sources, `facts`, `goals`, `sections`, `reports`, `lines` and `unread`, in that
  /// order, built now (the session builds each when first read: ``deferredTables()``).
  public func allTables() -> [Table] {
    deferredTables().compactMap { try? $0.table() }
  }

  /// The six sources of ``allTables()``, in its order, each built the first time a statement
  /// reads it: a session that only queries `reports` never builds `facts` or `lines`.
  public func deferredTables() -> [DeferredTable] {
    let model = self
    return Self.deferredTables { model }
  }

  /// The six sources, each built when first read from the model `model()` gives.
  static func deferredTables(of model: @escaping @Sendable () -> ReportModel) -> [DeferredTable] {
    [
      DeferredTable(name: Self.factsColumns.name, fields: Self.factsColumns.schema.fields) { model().factsTable() },
      DeferredTable(name: Self.goalsColumns.name, fields: Self.goalsColumns.schema.fields) { model().goalsTable() },
      DeferredTable(name: Self.sectionsColumns.name, fields: Self.sectionsColumns.schema.fields) { model().sectionsTable() },
      DeferredTable(name: Self.reportsColumns.name, fields: Self.reportsColumns.schema.fields) { model().reportsTable() },
      DeferredTable(name: Self.linesColumns.name, fields: Self.linesColumns.schema.fields) { model().linesTable() },
      DeferredTable(name: Self.unreadColumns.name, fields: Self.unreadColumns.schema.fields) { model().unreadTable() },
    ]
  }

  /// The columns follow ``factsColumns`` (names, types and roles from there). The two big
  /// tables are filled by typed appends written out, reading each fact in place: the
  /// declaration's per-cell getters copy the row for every cell, which made building the
  /// tables cost a tenth of ingestion. Debug builds check the result against the declaration.
  public func factsTable() -> Table {
    let n = facts.count
    var b = Self.factsColumns.columns.map { ColumnBuilder(name: $0.name, type: $0.type, capacity: n) }
    for i in facts.indices {
      b[0].appendTextOrNull(facts[i].report)
      b[1].appendTextOrNull(facts[i].section)
      b[2].appendTextOrNull(facts[i].table)
      b[3].appendTextOrNull(facts[i].indicator)
      b[4].appendTextOrNull(facts[i].measure)
      b[5].appendTextOrNull(facts[i].kind.rawValue)
      b[6].appendTextOrNull(facts[i].period)
      b[7].appendInteger(facts[i].year)
      b[8].appendNumber(facts[i].value)
      b[9].appendTextOrNull(facts[i].unit)
      b[10].appendInteger(facts[i].rank)
      b[11].appendInteger(facts[i].rankOf)
      b[12].appendInteger(facts[i].line)
      b[13].appendTextOrNull(facts[i].rowRole.rawValue)
    }
    return Self.declared(Self.factsColumns, b)
  }

  /// The report texts line by line; the engine's `search` source reads it (``linesColumns``;
  /// filled as ``factsTable()`` is).
  public func linesTable() -> Table {
    let n = lines.count
    var b = Self.linesColumns.columns.map { ColumnBuilder(name: $0.name, type: $0.type, capacity: n) }
    for i in lines.indices {
      b[0].appendTextOrNull(lines[i].report)
      b[1].appendTextOrNull(lines[i].section)
      b[2].appendInteger(lines[i].line)
      b[3].appendTextOrNull(lines[i].text)
    }
    return Self.declared(Self.linesColumns, b)
  }

  /// The table of `builders`, with the declared roles; debug builds check that every row was
  /// filled as the declaration reads it (the first rows, cell by cell).
  private static func declared<Row>(_ declaration: ModelTable<Row>, _ builders: [ColumnBuilder]) -> Table {
    let columns = zip(declaration.columns, builders).map { column, builder in
      var built = builder.build()
      built.role = column.role
      return built
    }
    let table = Table(name: declaration.name, columns: columns)
    assert(table.schema == declaration.schema, "the \(declaration.name) table does not follow its declaration")
    return table
  }

  /// The numbers seen but not read as facts (``unreadColumns``).
  public func unreadTable() -> Table { Self.unreadColumns.table(unread) }

  /// The columns follow ``goalsColumns``.
  public func goalsTable() -> Table { Self.goalsColumns.table(goals) }

  /// The columns follow ``sectionsColumns``.
  public func sectionsTable() -> Table { Self.sectionsColumns.table(sections) }

  /// One row per report, with how many facts, goals and sections it has (counted in one pass
  /// over each, not once per report); the columns follow ``reportsColumns``.
  public func reportsTable() -> Table {
    Self.reportsColumns.table(reportRows())
  }

  /// Each report with how many facts, goals and sections it has: the rows of `reports`.
  public func reportRows() -> [ReportRow] {
    var factCounts = ReportCounter()
    for i in facts.indices { factCounts.add(facts[i].report) }
    var goalCounts = ReportCounter()
    for i in goals.indices { goalCounts.add(goals[i].report) }
    var sectionCounts = ReportCounter()
    for i in sections.indices { sectionCounts.add(sections[i].report) }
    return reports.map { r in
      ReportRow(
        report: r, facts: factCounts.count(of: r.id), goals: goalCounts.count(of: r.id), sections: sectionCounts.count(of: r.id))
    }
  }
}

/// Counts rows per report id. Rows come grouped by report, so a run of one id is counted
/// first and the dictionary is touched once per run (comparing a `String` with itself is
/// immediate).
private struct ReportCounter {
  private var counts: [String: Int] = [:]
  private var current: String?
  private var run = 0

  mutating func add(_ id: String) {
    if id == current {
      run += 1
      return
    }
    flush()
    current = id
    run = 1
  }

  mutating func count(of id: String) -> Int {
    flush()
    return counts[id, default: 0]
  }

  private mutating func flush() {
    if let current { counts[current, default: 0] += run }
    current = nil
    run = 0
  }
}
