import HQData

/// Everything ingested from one or more reports: the four sources the language queries.
public struct ReportModel: Sendable {
  public var reports: [Report] = []
  public var facts: [Fact] = []
  public var goals: [Goal] = []
  public var sections: [Section] = []
  /// Every non-empty line of every report text, for `search`.
  public var lines: [TextLine] = []

  public init(
    reports: [Report] = [], facts: [Fact] = [], goals: [Goal] = [], sections: [Section] = [],
    lines: [TextLine] = []
  ) {
    self.reports = reports
    self.facts = facts
    self.goals = goals
    self.sections = sections
    self.lines = lines
  }

  /// Adds another model's rows after this one's.
  public mutating func merge(_ other: ReportModel) {
    reports += other.reports
    facts += other.facts
    goals += other.goals
    sections += other.sections
    lines += other.lines
  }
}

// MARK: - The sources' column contract

extension ReportModel {
  public static let factsSchema = Schema([
    Field("report", .text), Field("section", .text), Field("table", .text),
    Field("indicator", .text), Field("measure", .text), Field("kind", .text),
    Field("period", .text), Field("year", .number), Field("value", .number),
    Field("unit", .text), Field("rank", .number), Field("rank_of", .number),
    Field("line", .number),
  ])

  public static let goalsSchema = Schema([
    Field("report", .text), Field("name", .text), Field("status", .text), Field("line", .number),
  ])

  public static let sectionsSchema = Schema([
    Field("report", .text), Field("number", .text), Field("title", .text),
    Field("level", .number), Field("line", .number), Field("text", .text),
  ])

  public static let linesSchema = Schema([
    Field("report", .text), Field("section", .text), Field("line", .number), Field("text", .text),
  ])

  public static let reportsSchema = Schema([
    Field("id", .text), Field("title", .text), Field("organisation", .text),
    Field("year", .number), Field("period", .text), Field("kind", .text), Field("source", .text),
    Field("facts", .number), Field("goals", .number), Field("sections", .number),
  ])

  /// The model as the four tables `facts`, `goals`, `sections` and `reports`.
  public func tables() -> [Table] {
    [factsTable(), goalsTable(), sectionsTable(), reportsTable()]
  }

  public func factsTable() -> Table {
    var builder = TableBuilder(name: "facts", schema: Self.factsSchema)
    for f in facts {
      appendRow(&builder, [
        .text(f.report), .text(f.section), .text(f.table), .text(f.indicator), .text(f.measure),
        .text(f.kind.rawValue), .text(f.period), Self.optional(f.year), .number(f.value),
        .text(f.unit), Self.optional(f.rank), Self.optional(f.rankOf), .int(f.line),
      ])
    }
    return builder.build()
  }

  /// The report texts line by line; the engine's `search` source reads it.
  public func linesTable() -> Table {
    var builder = TableBuilder(name: "lines", schema: Self.linesSchema)
    for l in lines {
      appendRow(&builder, [.text(l.report), .text(l.section), .int(l.line), .text(l.text)])
    }
    return builder.build()
  }

  public func goalsTable() -> Table {
    var builder = TableBuilder(name: "goals", schema: Self.goalsSchema)
    for g in goals {
      appendRow(&builder, [.text(g.report), .text(g.name), .text(g.status.rawValue), .int(g.line)])
    }
    return builder.build()
  }

  public func sectionsTable() -> Table {
    var builder = TableBuilder(name: "sections", schema: Self.sectionsSchema)
    for s in sections {
      appendRow(&builder, [
        .text(s.report), .text(s.number), .text(s.title), .int(s.level), .int(s.line), .text(s.text),
      ])
    }
    return builder.build()
  }

  public func reportsTable() -> Table {
    var builder = TableBuilder(name: "reports", schema: Self.reportsSchema)
    for r in reports {
      appendRow(&builder, [
        .text(r.id), .text(r.title), .text(r.organisation), Self.optional(r.year), .text(r.period),
        .text(r.kind), .text(r.source),
        .int(facts.count { $0.report == r.id }), .int(goals.count { $0.report == r.id }),
        .int(sections.count { $0.report == r.id }),
      ])
    }
    return builder.build()
  }

  private static func optional(_ value: Int?) -> Value {
    value.map { .int($0) } ?? .null
  }

  /// Rows here are built from typed model fields, so a type mismatch is a programming error
  /// caught by the model tests, never something report text can cause.
  private func appendRow(_ builder: inout TableBuilder, _ row: [Value]) {
    do { try builder.append(row) } catch { preconditionFailure("model row does not match its schema: \(error)") }
  }
}
