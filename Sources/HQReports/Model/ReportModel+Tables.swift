import HQData

/// The model as the tables the language queries.
///
/// Each table is built column by column with typed appends straight from the model's fields:
/// no ``Value`` and no row array per row. An empty text (a fact without a period, a report
/// without a committee) is null, as docs/MODEL.md says, so `period is null` finds it. The columns follow the schemas in ReportModel.swift
/// (checked in debug builds).
extension ReportModel {
  /// The model as the four tables `facts`, `goals`, `sections` and `reports`.
  public func tables() -> [Table] {
    [factsTable(), goalsTable(), sectionsTable(), reportsTable()]
  }

  /// All six sources, `facts`, `goals`, `sections`, `reports`, `lines` and `unread`, in that order.
  ///
  /// The tables are independent, so they are built at the same time, one per processor; the
  /// model is only read. The two large ones (`facts`, `lines`) are started first, so on two
  /// processors each takes one and the small ones fill in after.
  public func allTables() -> [Table] {
    let builders: [(position: Int, build: @Sendable (ReportModel) -> Table)] = [
      (0, { $0.factsTable() }), (4, { $0.linesTable() }), (2, { $0.sectionsTable() }),
      (3, { $0.reportsTable() }), (1, { $0.goalsTable() }), (5, { $0.unreadTable() }),
    ]
    let built = Parallel.map(builders.count) { builders[$0].build(self) }
    return zip(builders, built).sorted { $0.0.position < $1.0.position }.map(\.1)
  }

  public func factsTable() -> Table {
    let n = facts.count
    var report = ColumnBuilder(name: "report", type: .text, capacity: n)
    var section = ColumnBuilder(name: "section", type: .text, capacity: n)
    var table = ColumnBuilder(name: "table", type: .text, capacity: n)
    var indicator = ColumnBuilder(name: "indicator", type: .text, capacity: n)
    var measure = ColumnBuilder(name: "measure", type: .text, capacity: n)
    var kind = ColumnBuilder(name: "kind", type: .text, capacity: n)
    var period = ColumnBuilder(name: "period", type: .text, capacity: n)
    var year = ColumnBuilder(name: "year", type: .number, capacity: n)
    var value = ColumnBuilder(name: "value", type: .number, capacity: n)
    var unit = ColumnBuilder(name: "unit", type: .text, capacity: n)
    var rank = ColumnBuilder(name: "rank", type: .number, capacity: n)
    var rankOf = ColumnBuilder(name: "rank_of", type: .number, capacity: n)
    var line = ColumnBuilder(name: "line", type: .number, capacity: n)
    var rowRole = ColumnBuilder(name: "row_role", type: .text, capacity: n)
    // By index, not `for … in`: the values are read in place instead of each fact being copied.
    for i in facts.indices {
      report.appendTextOrNull(facts[i].report)
      section.appendTextOrNull(facts[i].section)
      table.appendTextOrNull(facts[i].table)
      indicator.appendTextOrNull(facts[i].indicator)
      measure.appendTextOrNull(facts[i].measure)
      kind.appendTextOrNull(facts[i].kind.rawValue)
      period.appendTextOrNull(facts[i].period)
      year.appendInteger(facts[i].year)
      value.appendNumber(facts[i].value)
      unit.appendTextOrNull(facts[i].unit)
      rank.appendInteger(facts[i].rank)
      rankOf.appendInteger(facts[i].rankOf)
      line.appendInteger(facts[i].line)
      rowRole.appendTextOrNull(facts[i].rowRole.rawValue)
    }
    let columns = [report, section, table, indicator, measure, kind, period, year, value, unit, rank, rankOf, line, rowRole]
    return Self.table("facts", columns, Self.factsSchema)
  }

  /// The report texts line by line; the engine's `search` source reads it.
  public func linesTable() -> Table {
    let n = lines.count
    var report = ColumnBuilder(name: "report", type: .text, capacity: n)
    var section = ColumnBuilder(name: "section", type: .text, capacity: n)
    var line = ColumnBuilder(name: "line", type: .number, capacity: n)
    var text = ColumnBuilder(name: "text", type: .text, capacity: n)
    // By index, not `for … in`: the values are read in place instead of each row being copied.
    for i in lines.indices {
      report.appendTextOrNull(lines[i].report)
      section.appendTextOrNull(lines[i].section)
      line.appendInteger(lines[i].line)
      text.appendTextOrNull(lines[i].text)
    }
    return Self.table("lines", [report, section, line, text], Self.linesSchema)
  }

  /// The numbers seen but not read as facts.
  public func unreadTable() -> Table {
    let n = unread.count
    var report = ColumnBuilder(name: "report", type: .text, capacity: n)
    var section = ColumnBuilder(name: "section", type: .text, capacity: n)
    var table = ColumnBuilder(name: "table", type: .text, capacity: n)
    var line = ColumnBuilder(name: "line", type: .number, capacity: n)
    var text = ColumnBuilder(name: "text", type: .text, capacity: n)
    var reason = ColumnBuilder(name: "reason", type: .text, capacity: n)
    for u in unread {
      report.appendTextOrNull(u.report)
      section.appendTextOrNull(u.section)
      table.appendTextOrNull(u.table)
      line.appendInteger(u.line)
      text.appendTextOrNull(u.text)
      reason.appendTextOrNull(u.reason)
    }
    return Self.table("unread", [report, section, table, line, text, reason], Self.unreadSchema)
  }

  public func goalsTable() -> Table {
    let n = goals.count
    var report = ColumnBuilder(name: "report", type: .text, capacity: n)
    var name = ColumnBuilder(name: "name", type: .text, capacity: n)
    var status = ColumnBuilder(name: "status", type: .text, capacity: n)
    var line = ColumnBuilder(name: "line", type: .number, capacity: n)
    for g in goals {
      report.appendTextOrNull(g.report)
      name.appendTextOrNull(g.name)
      status.appendTextOrNull(g.status.rawValue)
      line.appendInteger(g.line)
    }
    return Self.table("goals", [report, name, status, line], Self.goalsSchema)
  }

  public func sectionsTable() -> Table {
    let n = sections.count
    var report = ColumnBuilder(name: "report", type: .text, capacity: n)
    var number = ColumnBuilder(name: "number", type: .text, capacity: n)
    var title = ColumnBuilder(name: "title", type: .text, capacity: n)
    var level = ColumnBuilder(name: "level", type: .number, capacity: n)
    var line = ColumnBuilder(name: "line", type: .number, capacity: n)
    var text = ColumnBuilder(name: "text", type: .text, capacity: n)
    for s in sections {
      report.appendTextOrNull(s.report)
      number.appendTextOrNull(s.number)
      title.appendTextOrNull(s.title)
      level.appendInteger(s.level)
      line.appendInteger(s.line)
      text.appendTextOrNull(s.text)
    }
    return Self.table("sections", [report, number, title, level, line, text], Self.sectionsSchema)
  }

  /// One row per report, with how many facts, goals and sections it has (counted in one pass
  /// over each, not once per report).
  public func reportsTable() -> Table {
    var factCounts = ReportCounter()
    for i in facts.indices { factCounts.add(facts[i].report) }
    var goalCounts = ReportCounter()
    for i in goals.indices { goalCounts.add(goals[i].report) }
    var sectionCounts = ReportCounter()
    for i in sections.indices { sectionCounts.add(sections[i].report) }
    let n = reports.count
    var id = ColumnBuilder(name: "id", type: .text, capacity: n)
    var title = ColumnBuilder(name: "title", type: .text, capacity: n)
    var organisation = ColumnBuilder(name: "organisation", type: .text, capacity: n)
    var committee = ColumnBuilder(name: "committee", type: .text, capacity: n)
    var year = ColumnBuilder(name: "year", type: .number, capacity: n)
    var period = ColumnBuilder(name: "period", type: .text, capacity: n)
    var kind = ColumnBuilder(name: "kind", type: .text, capacity: n)
    var source = ColumnBuilder(name: "source", type: .text, capacity: n)
    var factsColumn = ColumnBuilder(name: "facts", type: .number, capacity: n)
    var goalsColumn = ColumnBuilder(name: "goals", type: .number, capacity: n)
    var sectionsColumn = ColumnBuilder(name: "sections", type: .number, capacity: n)
    for r in reports {
      id.appendTextOrNull(r.id)
      title.appendTextOrNull(r.title)
      organisation.appendTextOrNull(r.organisation)
      committee.appendTextOrNull(r.committee)
      year.appendInteger(r.year)
      period.appendTextOrNull(r.period)
      kind.appendTextOrNull(r.kind)
      source.appendTextOrNull(r.source)
      factsColumn.appendInteger(factCounts.count(of: r.id))
      goalsColumn.appendInteger(goalCounts.count(of: r.id))
      sectionsColumn.appendInteger(sectionCounts.count(of: r.id))
    }
    let columns = [id, title, organisation, committee, year, period, kind, source, factsColumn, goalsColumn, sectionsColumn]
    return Self.table("reports", columns, Self.reportsSchema)
  }

  private static func table(_ name: String, _ builders: [ColumnBuilder], _ schema: Schema) -> Table {
    let table = Table(name: name, columns: builders.map { $0.build() })
    assert(table.schema == schema, "the \(name) table does not follow its schema")
    return table
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
