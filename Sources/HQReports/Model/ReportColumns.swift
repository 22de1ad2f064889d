import HQData

/// One cell of a report-model row, as the model holds it.
public enum ModelCell: Sendable, Equatable {
  case text(String)
  case int(Int?)
  case number(Number)
}

/// How a column is held in the model and in a model file (docs/MODEL-json.md).
public enum ModelCellKind: Sendable, Equatable {
  /// A string; in a model file an absent or null one is "" unless `required`.
  case text(required: Bool)
  /// A string that is one of `choices` (an enumeration's raw values); in a model file an
  /// absent or null one keeps the row's default unless `required`.
  case choice([String], required: Bool)
  /// A whole number or null; in a model file an absent or null one keeps the row's default.
  case int
  /// An exact number; required in a model file.
  case number
  /// Computed when the table is built (the counts of `reports`); not in a model file.
  case computed

  /// The column's type in the language.
  public var type: ValueType {
    switch self {
    case .text, .choice: .text
    case .int, .number, .computed: .number
    }
  }
}

/// One column of a report-model source, declared once: its name, kind (and so its type), role
/// and meaning, with how to read it from a row and to set it in one. The table builders
/// (``ReportModel/tables()``), the sources' schemas (``ReportModel/factsSchema`` …), the
/// model file's writer and reader (HQLoaders) and `.schema` all follow these declarations.
public struct ModelColumn<Row>: Sendable {
  public let name: String
  public let kind: ModelCellKind
  public let role: ColumnRole?
  /// What the column holds (docs/MODEL.md has the same text in its tables).
  public let doc: String
  /// The row's cell.
  public let get: @Sendable (borrowing Row) -> ModelCell
  /// Sets the row's cell from a value read from a model file; nil for computed columns.
  public let set: (@Sendable (inout Row, ModelCell) -> Void)?

  public var type: ValueType { kind.type }
  public var field: Field { Field(name, type, role: role) }

  init(
    _ name: String, _ kind: ModelCellKind, role: ColumnRole? = nil, _ doc: String,
    get: @escaping @Sendable (borrowing Row) -> ModelCell, set: (@Sendable (inout Row, ModelCell) -> Void)?
  ) {
    self.name = name
    self.kind = kind
    self.role = role
    self.doc = doc
    self.get = get
    self.set = set
  }

  // Each factory takes the cell's getter as a closure beside the key path the model-file reader
  // sets it through: reading through a stored key path costs a runtime projection per cell
  // (≈ 10 % of ingestion when the tables were built that way).

  static func text(
    _ name: String, _ path: any WritableKeyPath<Row, String> & Sendable, _ read: @escaping @Sendable (borrowing Row) -> String,
    required: Bool = false, role: ColumnRole? = nil, _ doc: String
  ) -> Self {
    Self(name, .text(required: required), role: role, doc, get: { .text(read($0)) }, set: { row, cell in
      if case .text(let s) = cell { row[keyPath: path] = s }
    })
  }

  static func choice<E: RawRepresentable & CaseIterable & SendableMetatype>(
    _ name: String, _ path: any WritableKeyPath<Row, E> & Sendable, _ read: @escaping @Sendable (borrowing Row) -> E,
    required: Bool = false, _ doc: String
  ) -> Self where E.RawValue == String {
    Self(name, .choice(E.allCases.map(\.rawValue), required: required), doc, get: { .text(read($0).rawValue) }, set: { row, cell in
      if case .text(let s) = cell, let e = E(rawValue: s) { row[keyPath: path] = e }
    })
  }

  static func int(
    _ name: String, _ path: any WritableKeyPath<Row, Int?> & Sendable, _ read: @escaping @Sendable (borrowing Row) -> Int?,
    role: ColumnRole? = nil, _ doc: String
  ) -> Self {
    Self(name, .int, role: role, doc, get: { .int(read($0)) }, set: { row, cell in
      if case .int(let n) = cell { row[keyPath: path] = n }
    })
  }

  static func int(
    _ name: String, _ path: any WritableKeyPath<Row, Int> & Sendable, _ read: @escaping @Sendable (borrowing Row) -> Int,
    role: ColumnRole? = nil, _ doc: String
  ) -> Self {
    Self(name, .int, role: role, doc, get: { .int(read($0)) }, set: { row, cell in
      if case .int(let n?) = cell { row[keyPath: path] = n }
    })
  }

  static func number(
    _ name: String, _ path: any WritableKeyPath<Row, Number> & Sendable, _ read: @escaping @Sendable (borrowing Row) -> Number,
    role: ColumnRole? = nil, _ doc: String
  ) -> Self {
    Self(name, .number, role: role, doc, get: { .number(read($0)) }, set: { row, cell in
      if case .number(let n) = cell { row[keyPath: path] = n }
    })
  }

  static func computed(_ name: String, _ doc: String, _ get: @escaping @Sendable (borrowing Row) -> Int) -> Self {
    Self(name, .computed, doc, get: { .int(get($0)) }, set: nil)
  }
}

/// The columns of one report-model source, in order, with the row a model file's record
/// starts from before its keys are read (the defaults of absent keys).
public struct ModelTable<Row: Sendable>: Sendable {
  public let name: String
  public let columns: [ModelColumn<Row>]
  /// The row with every column at the value an absent key gives.
  public let blank: Row

  public var schema: Schema { Schema(columns.map(\.field)) }

  /// The columns a model file holds (all but the computed ones).
  public var storedColumns: [ModelColumn<Row>] { columns.filter { $0.set != nil } }

  /// The table of `rows`, built with typed appends (no ``Value`` per cell). Row by row: each
  /// row is read once for all its cells (reading it once per cell copied it per cell).
  public func table(_ rows: [Row]) -> Table {
    var builders = columns.map { ColumnBuilder(name: $0.name, type: $0.type, capacity: rows.count) }
    rows.withUnsafeBufferPointer { rows in
      for i in rows.indices {
        for c in columns.indices {
          switch columns[c].get(rows[i]) {
          case .text(let s): builders[c].appendTextOrNull(s)
          case .int(let n): builders[c].appendInteger(n)
          case .number(let n): builders[c].appendNumber(n)
          }
        }
      }
    }
    let built = zip(columns, builders).map { column, builder in
      var built = builder.build()
      built.role = column.role
      return built
    }
    return Table(name: name, columns: built)
  }
}

/// A `reports` row: the report and how many facts, goals and sections it has.
public struct ReportRow: Sendable {
  public var report: Report
  public var facts: Int
  public var goals: Int
  public var sections: Int

  public init(report: Report, facts: Int = 0, goals: Int = 0, sections: Int = 0) {
    self.report = report
    self.facts = facts
    self.goals = goals
    self.sections = sections
  }
}

// MARK: - The sources' columns

extension ReportModel {
  public static let factsColumns = ModelTable<Fact>(name: "facts", columns: [
    .text("report", \.report, { $0.report }, required: true, "the report's id (`rh-up2-2017`), see `reports`"),
    .text("section", \.section, { $0.section }, "the title of the section the number stands in"),
    .text("table", \.table, { $0.table }, "the table's or figure's caption"),
    .text("indicator", \.indicator, { $0.indicator }, required: true, "the row label, re-joined"),
    .text("measure", \.measure, { $0.measure }, role: .header, "the cleaned column header (`Utfall 2023`)"),
    .choice("kind", \.kind, { $0.kind }, "`utfall`, `budget`, `prognos`, `avvikelse`, `mål` or `värde`"),
    .text("period", \.period, { $0.period }, "the part of the year (`jan–aug`, `helår`), empty when none"),
    .int("year", \.year, { $0.year }, "the year the number is about"),
    .number("value", \.value, { $0.value }, role: .value, "the number, an exact decimal"),
    .text("unit", \.unit, { $0.unit }, "`mnkr`, `tkr`, `kr`, `%`, `st`, …"),
    .int("rank", \.rank, { $0.rank }, role: .position, "the region's rank when the report gives one (`(16 av 21)` → 16)"),
    .int("rank_of", \.rankOf, { $0.rankOf }, role: .position, "how many were ranked (`21`)"),
    .int("line", \.line, { $0.line }, role: .position, "the 1-based line of the report text the number was read from"),
    .choice("row_role", \.rowRole, { $0.rowRole }, "`detail`, `part`, `subtotal` or `total`"),
  ], blank: Fact(
    report: "", section: "", table: "", indicator: "", measure: "", kind: .värde, year: nil, value: .zero, unit: "", line: 0))

  public static let unreadColumns = ModelTable<UnreadNumber>(name: "unread", columns: [
    .text("report", \.report, { $0.report }, required: true, "the report's id"),
    .text("section", \.section, { $0.section }, "the section the number stands in"),
    .text("table", \.table, { $0.table }, "the table's name, empty outside tables"),
    .int("line", \.line, { $0.line }, role: .position, "the 1-based line"),
    .text("text", \.text, { $0.text }, required: true, role: .text, "the number, cell or row as printed"),
    .text("reason", \.reason, { $0.reason }, "why it is not a fact"),
  ], blank: UnreadNumber(report: "", line: 0, text: "", reason: ""))

  public static let goalsColumns = ModelTable<Goal>(name: "goals", columns: [
    .text("report", \.report, { $0.report }, required: true, "the report's id"),
    .text("name", \.name, { $0.name }, required: true, "the goal or focus area"),
    .choice("status", \.status, { $0.status }, required: true, "`helt`, `delvis` or `inte`"),
    .int("line", \.line, { $0.line }, role: .position, "the line of the status"),
  ], blank: Goal(report: "", name: "", status: .inte, line: 0))

  public static let sectionsColumns = ModelTable<Section>(name: "sections", columns: [
    .text("report", \.report, { $0.report }, required: true, "the report's id"),
    .text("number", \.number, { $0.number }, "the section number (`2.3.7`), empty for slide titles"),
    .text("title", \.title, { $0.title }, required: true, "the heading"),
    .int("level", \.level, { $0.level }, "the depth of the number; 1 for slide titles"),
    .int("line", \.line, { $0.line }, role: .position, "the line of the heading"),
    .text("text", \.text, { $0.text }, role: .text, "the prose up to the next heading, re-joined"),
  ], blank: Section(report: "", number: "", title: "", level: 1, line: 0, text: ""))

  public static let linesColumns = ModelTable<TextLine>(name: "lines", columns: [
    .text("report", \.report, { $0.report }, required: true, "the report's id"),
    .text("section", \.section, { $0.section }, "the section the line stands in"),
    .int("line", \.line, { $0.line }, role: .position, "the 1-based line"),
    .text("text", \.text, { $0.text }, required: true, role: .text, "the line's text; what `search` matches"),
  ], blank: TextLine(report: "", section: "", line: 0, text: ""))

  public static let reportsColumns = ModelTable<ReportRow>(name: "reports", columns: [
    .text("id", \.report.id, { $0.report.id }, required: true, "unique in the session: `rh-ar-2024`"),
    .text("title", \.report.title, { $0.report.title }, "the title line"),
    .text("organisation", \.report.organisation, { $0.report.organisation }, "the region, kommun or bolag"),
    .text("committee", \.report.committee, { $0.report.committee }, "the nämnd or styrelse, empty for the whole organisation"),
    .int("year", \.report.year, { $0.report.year }, "the year the report is about"),
    .text("period", \.report.period, { $0.report.period }, "`helår`, `jan–aug`, …"),
    .text("kind", \.report.kind, { $0.report.kind }, "`årsredovisning`, `delårsrapport`, …, or empty"),
    .text("source", \.report.source, { $0.report.source }, "the file name"),
    .computed("facts", "how many facts the report has") { $0.facts },
    .computed("goals", "how many goals the report has") { $0.goals },
    .computed("sections", "how many sections the report has") { $0.sections },
  ], blank: ReportRow(report: Report(id: "", title: "", organisation: "", year: nil, period: "", kind: "", source: "")))
}
