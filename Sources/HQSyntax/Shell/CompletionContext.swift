/// What the shell should offer when Tab is pressed: which kind of word fits at the cursor,
/// the part of the word already typed, and what the engine needs to find candidates.
///
///     let context = CompletionContext.at(text: "from facts | where indicator == \"Läk")
///     // context.kind == .value(column: "indicator", pipelinePrefix: "from facts", quoted: true)
///     // context.prefix == "Läk"
///
/// The shell turns a context into candidates: ``Kind/statementStart``, ``Kind/stage`` and
/// ``Kind/keywords(_:)`` from ``keywordCandidates``; ``Kind/source`` from
/// `Engine.sourceNames`; ``Kind/columns(pipelinePrefix:)`` and
/// ``Kind/expression(pipelinePrefix:aggregates:)`` from
/// `Engine.columns(afterPipelinePrefix:)` (plus ``Functions/names``, and
/// ``Functions/aggregates`` when `aggregates`); ``Kind/value(column:pipelinePrefix:quoted:)``
/// from the distinct values of that column; ``Kind/parameter`` from the set parameters.
/// Candidates are filtered by ``prefix`` and replace the text in ``prefixRange``.
public struct CompletionContext: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// The start of a statement: `from`, `search`, `let`.
    case statementStart
    /// After `|`: a stage keyword (``Keywords/stages``).
    case stage
    /// After `from`, `join`, `left join`: a source name.
    case source
    /// Where only column names fit (`distinct`, `by` of compare/pivot, `join … on`,
    /// the column of compare/pivot). `pipelinePrefix` is the statement's pipeline up to
    /// (not including) the current stage, e.g. `from facts | where year == 2024`.
    case columns(pipelinePrefix: String)
    /// Where an expression starts (`where`, `select`, `derive`, `sort`, `summarize`, after an
    /// operator or `(`): columns and functions; aggregates too inside `summarize` and
    /// `derive`, window functions (``Functions/windows``) inside `derive`.
    case expression(pipelinePrefix: String, aggregates: Bool, windows: Bool = false)
    /// A value of `column` (nil when no column is near): inside a `"` string (`quoted`), or a
    /// bare compare operand (`compare kind budget vs utf…`, not quoted).
    case value(column: String?, pipelinePrefix: String, quoted: Bool)
    /// After `$`: a parameter name.
    case parameter
    /// One of these words fits next (`vs`, `by`, `on`, `asc`/`desc`, `and`/`or`, …).
    case keywords([String])
    /// Nothing to offer: in a comment, after a number, while naming something new.
    case nothing
  }

  public var kind: Kind
  /// The part of the word before the cursor: without its opening `"` or `` ` `` or `$`.
  public var prefix: String
  /// The UTF-8 byte range of ``prefix`` in the text; a candidate replaces it.
  public var prefixRange: SourceRange
  /// True when the word is a name opened with `` ` `` (close it after completing).
  public var prefixIsBackquoted: Bool

  public init(kind: Kind, prefix: String, prefixRange: SourceRange, prefixIsBackquoted: Bool = false) {
    self.kind = kind
    self.prefix = prefix
    self.prefixRange = prefixRange
    self.prefixIsBackquoted = prefixIsBackquoted
  }

  /// The keywords that fit, filtered by ``prefix`` (empty for contexts the engine completes).
  public var keywordCandidates: [String] {
    let words: [String] = switch kind {
    case .statementStart: Keywords.statementStarts
    case .stage: Keywords.stages
    case .keywords(let words): words
    default: []
    }
    return words.filter { $0.hasPrefix(prefix) }
  }

  /// The context at `cursor`, a UTF-8 byte offset into `text` (the end when nil).
  ///
  /// `text` is everything typed for the current statement, earlier continuation lines
  /// included; only the text before the cursor matters.
  ///
  /// - Complexity: O(n) in the length of the text before the cursor.
  public static func at(text: String, cursor: Int? = nil) -> CompletionContext {
    let utf8 = Array(text.utf8)
    let end = min(max(0, cursor ?? utf8.count), utf8.count)
    let before = String(decoding: utf8[0..<end], as: UTF8.self)
    var analyzer = CompletionAnalyzer(text: before)
    return analyzer.context()
  }
}
