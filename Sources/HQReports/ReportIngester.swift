/// What ingesting one report text produced.
public struct IngestResult: Sendable {
  public var model: ReportModel
  public var warnings: [IngestWarning]

  public init(model: ReportModel, warnings: [IngestWarning]) {
    self.model = model
    self.warnings = warnings
  }
}

/// Turns the text of a Swedish public-sector report (extracted from PDF) into a report model.
///
/// Never fails and never traps: whatever cannot be read becomes an ``IngestWarning``.
public enum ReportIngester {
  /// - Parameters:
  ///   - text: the whole report text, as extracted from the PDF.
  ///   - source: the file name, used for the report's `source` and in warnings.
  public static func ingest(text: String, source: String) -> IngestResult {
    // Filled in by the extractor (issue 2).
    IngestResult(model: ReportModel(), warnings: [])
  }
}
