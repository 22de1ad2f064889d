import HQData

extension ReportIngester {
  /// Several report texts ingested and merged in their order: how the bundled reports
  /// (`Datasets/*.txt`) become one model, at build time (the EmbedDatasets tool, which archives
  /// the result with ``ModelArchive``) and in the test that checks that archive.
  ///
  /// The texts are independent, so they are ingested one per core; the result does not depend
  /// on which finishes first.
  ///
  /// - Parameter texts: each text with its file name (the report's `source`), in merge order.
  public static func ingest(texts: [(name: String, text: String)]) -> IngestResult {
    var model = ReportModel()
    var warnings: [IngestWarning] = []
    for result in Parallel.map(texts.count, { ingest(text: texts[$0].text, source: texts[$0].name) }) {
      model.merge(result.model)
      warnings += result.warnings
    }
    return IngestResult(model: model, warnings: warnings)
  }
}
