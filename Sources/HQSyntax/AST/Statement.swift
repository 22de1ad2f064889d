/// One statement of a script or of a line typed at the prompt.
///
/// A statement is either a pipeline whose result is shown, or a `let` that binds a pipeline
/// to a name usable as a source by later statements.
///
///     from facts | where year == 2024 | take 5
///     let antibiotics = from facts | where indicator ~ "antibiotika"
public struct Statement: Sendable, Hashable {
  /// What the statement does.
  public enum Kind: Sendable, Hashable {
    /// `from … | …`: run the pipeline and show its result.
    case pipeline(Pipeline)
    /// `let NAME = PIPELINE`: bind a named view for the rest of the session or script.
    case binding(name: Identifier, pipeline: Pipeline)
    /// `let NAME(PARAM, …) = EXPR`: define a function usable in every expression for the rest
    /// of the session or script; the body refers to the parameters by name.
    case function(name: Identifier, parameters: [Identifier], body: Expr)
  }

  public var kind: Kind
  /// The whole statement, from its first to its last token.
  public var range: SourceRange

  public init(_ kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// The pipeline of the statement, whether shown or bound; nil for a function definition.
  public var pipeline: Pipeline? {
    switch kind {
    case .pipeline(let pipeline): pipeline
    case .binding(_, let pipeline): pipeline
    case .function: nil
    }
  }
}

/// A name as written: a bare word (`indicator`) or backquoted (`` `antal patienter` ``).
///
/// `name` is the name without backquotes; `range` covers what was typed, backquotes included,
/// so a caret can sit under it.
public struct Identifier: Sendable, Hashable, CustomStringConvertible {
  public var name: String
  public var range: SourceRange

  public init(_ name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }

  public var description: String { name }
}
