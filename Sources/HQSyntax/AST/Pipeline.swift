/// A source followed by zero or more stages: `from facts | where … | summarize …`.
public struct Pipeline: Sendable, Hashable {
  public var source: PipelineSource
  /// The stages in the order they run, each one fed by the previous one.
  public var stages: [Stage]
  public var range: SourceRange

  public init(source: PipelineSource, stages: [Stage], range: SourceRange) {
    self.source = source
    self.stages = stages
    self.range = range
  }
}

/// Where a pipeline's rows come from.
public struct PipelineSource: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// `from NAME`, or the `SOURCE` of a join: a catalog table (`facts`, `goals`, …), a loaded
    /// table, or a view bound with `let`.
    case named(Identifier)
    /// `search "text"`: the lines of the report texts that contain `text` (folding case and
    /// diacritics), with report, section and line.
    case search(text: String, textRange: SourceRange)
  }

  public var kind: Kind
  /// From the `from`/`search` keyword (or the join source name) to the end of the source.
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}
