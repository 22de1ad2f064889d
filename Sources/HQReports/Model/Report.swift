/// One ingested report.
public struct Report: Sendable, Hashable {
  /// A short stable slug containing the report's year (`rh-ar-2024`, `rh-up2-2017`).
  public var id: String
  public var title: String
  /// The region, kommun or bolag (`Region Halland`, `Kungsbacka kommun`, `Eksta Bostads AB`).
  public var organisation: String
  /// The nämnd or styrelse within the organisation whose report this is (`Nämnden för
  /// Teknik`), empty for a report of the whole organisation.
  public var committee: String
  public var year: Int?
  /// What the report covers (`jan–aug`, `helår`).
  public var period: String
  /// `årsredovisning`, `uppföljningsrapport`, … as the report names itself.
  public var kind: String
  /// The file the text came from (its name, not its full path).
  public var source: String
  /// The 1-based line of the text the report's identity was read from (the line naming its
  /// kind, or its first running header or footer), for messages about the report as a whole;
  /// nil when unknown (a report from a model file). No column of `reports`.
  public var identityLine: Int?

  public init(
    id: String, title: String, organisation: String, committee: String = "", year: Int?, period: String, kind: String,
    source: String, identityLine: Int? = nil
  ) {
    self.id = id
    self.title = title
    self.organisation = organisation
    self.committee = committee
    self.year = year
    self.period = period
    self.kind = kind
    self.source = source
    self.identityLine = identityLine
  }
}
