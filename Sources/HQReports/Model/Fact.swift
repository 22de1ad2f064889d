import HQData

/// One number of a report, with everything needed to read it without the report at hand.
///
/// The field names are the column names of the `facts` source, a contract that scripts,
/// tests and other tools rely on (see ``ReportModel/factsSchema``).
public struct Fact: Sendable, Hashable {
  /// The ``Report/id`` of the report the number comes from.
  public var report: String
  /// The title of the innermost section the number stands in (`2.3.7 Läkemedel` → `Läkemedel`).
  public var section: String
  /// The table's caption or, without one, the section's title.
  public var table: String
  /// The row label: what the number is about (`Läkemedelsförmån`, `Antibiotikarecept per 1000 invånare`).
  public var indicator: String
  /// The cleaned column header (`Prognostiserad avvikelse mot budget för 2017`).
  public var measure: String
  public var kind: FactKind
  /// The part of the year the number covers (`jan–aug`, `helår`), empty when the whole year.
  public var period: String
  /// The year the number is about, when one is known.
  public var year: Int?
  public var value: Number
  /// `mnkr`, `%`, `kWh/m2`, `st`…; empty when the report gives none.
  public var unit: String
  /// The region's rank among all regions (`(16 av 21)` → 16), when the report gives one.
  public var rank: Int?
  /// How many were ranked (`(16 av 21)` → 21).
  public var rankOf: Int?
  /// The 1-based line of the report text the number was read from.
  public var line: Int
  /// What the number's row is in its table: a detail, a part of the row above (`varav`), a
  /// subtotal or the total. Sums over `detail` rows count nothing twice.
  public var rowRole: RowRole

  public init(
    report: String, section: String, table: String, indicator: String, measure: String,
    kind: FactKind, period: String = "", year: Int?, value: Number, unit: String,
    rank: Int? = nil, rankOf: Int? = nil, line: Int, rowRole: RowRole = .detail
  ) {
    self.report = report
    self.section = section
    self.table = table
    self.indicator = indicator
    self.measure = measure
    self.kind = kind
    self.period = period
    self.year = year
    self.value = value
    self.unit = unit
    self.rank = rank
    self.rankOf = rankOf
    self.line = line
    self.rowRole = rowRole
  }
}

/// The role of a table row (docs/MODEL.md, "Row roles").
public enum RowRole: String, Sendable, Hashable, CaseIterable {
  /// An item of its table (and every number not read from a table row).
  case detail
  /// A part of the row above it (`varav personalkostnader`): already counted in that row.
  case part
  /// A sum of the rows above it within the table, followed by more rows (`Summa intäkter`).
  case subtotal
  /// The table's total (`Summa`, `Totalt`, `Verksamhetens nettokostnad`).
  case total
}

/// What kind of figure a number is. The rules that assign a kind are documented in
/// docs/MODEL.md; in short, the column header decides, and the first match wins:
/// avvikelse/diff → `avvikelse`; prognos → `prognos`; budget/ram → `budget`;
/// mål/målvärde → `mål`; utfall/resultat/actual figures → `utfall`; anything else → `värde`.
public enum FactKind: String, Sendable, Hashable, CaseIterable {
  case utfall
  case budget
  case prognos
  case avvikelse
  case mål
  case värde
}
