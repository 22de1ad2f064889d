/// One report text bundled with hq.
public struct EmbeddedDataset: Sendable {
  /// The file name in `Datasets/` (`region-halland-arsredovisning-2024.txt`).
  public let name: String
  /// The whole text, byte for byte as in the file.
  public let text: String
}

/// The report texts hq loads when started with no data arguments.
///
/// The contents are generated at build time from `Datasets/*.txt` by the `EmbedDatasets`
/// plugin, so adding a report to the default data is dropping its text into `Datasets/`.
public enum EmbeddedDatasets {
  /// Every bundled text, sorted by file name.
  public static var all: [EmbeddedDataset] { generated }

  /// The model of ``all``, ingested when hq was built, as `HQReports.ModelArchive` bytes
  /// (valid UTF-8 in a string literal, so reading it costs no copy). `hq` decodes it at
  /// start-up instead of ingesting the texts again; a test ingests ``all`` and compares.
  public static var modelArchive: StaticString { generatedModel }
}
