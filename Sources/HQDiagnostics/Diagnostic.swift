/// A message about a place in a source: a query typed at the prompt, a script, a loaded CSV,
/// JSON or PDF file, or a report text being ingested. The one type every part of hq reports
/// problems with, and the only thing ``DiagnosticRenderer`` renders.
///
/// HQDiagnostics is the bottom module: HQSyntax (query errors), HQEngine (name, type and
/// runtime errors), HQReports (ingestion warnings), HQLoaders (file errors) and HQShell (meta
/// commands, scripts) all import it, so each produces a `Diagnostic` and the shell shows each
/// in one shape:
///
///     report.hq:3:21: error: unknown column 'vaule'
///     from facts | where vaule > 5
///                        ^~~~~
///     note: the columns are report, section, indicator, value, unit
///     help: did you mean 'value'?
///
/// A diagnostic's ``range`` is byte offsets into the ``SourceFile`` it is reported against
/// (``DiagnosticError/source``); line and column are computed only when it is rendered, in
/// display columns (``DisplayWidth/column(after:)``).
public struct Diagnostic: Sendable, Hashable {
  /// How serious a diagnostic is, as its rendering names it.
  public enum Severity: String, Sendable, Hashable {
    /// The statement, command or load did not happen.
    case error
    /// It happened, but something in it is probably not what was meant.
    case warning
    /// A remark that is no problem (a CSV file read as Windows-1252).
    case note
  }

  public var severity: Severity
  public var message: String
  /// Byte offsets into the source; nil when the message is about the source as a whole (a
  /// file that cannot be opened), rendered as `FILE: error: …` without a line.
  public var range: SourceRange?
  /// Further facts, each rendered on its own `note:` line after the caret.
  public var notes: [String]
  /// A suggested fix, rendered last as `help: …` (`did you mean 'value'?`).
  public var help: String?

  public init(
    _ severity: Severity = .error, _ message: String, at range: SourceRange?, notes: [String] = [],
    help: String? = nil
  ) {
    self.severity = severity
    self.message = message
    self.range = range
    self.notes = notes
    self.help = help
  }

  /// The byte offset where ``range`` starts, 0 for the whole source (for ordering).
  public var start: Int { range?.start ?? 0 }
  /// The byte offset where ``range`` ends, 0 for the whole source.
  public var end: Int { range?.end ?? 0 }

  /// An error diagnostic: `.error("unknown stage 'whre'", at: range, help: "did you mean 'where'?")`.
  public static func error(_ message: String, at range: SourceRange?, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, message, at: range, help: help)
  }
}

/// One or more diagnostics against one source: what every stage that can fail throws, and
/// what the shell renders.
public struct DiagnosticError: Error, Sendable {
  public var source: SourceFile
  public var diagnostics: [Diagnostic]

  public init(source: SourceFile, diagnostics: [Diagnostic]) {
    self.source = source
    self.diagnostics = diagnostics
  }

  /// One diagnostic against `source`.
  public init(source: SourceFile, _ diagnostic: Diagnostic) {
    self.init(source: source, diagnostics: [diagnostic])
  }

  /// A diagnostic about a place in a file that is not hq source (a CSV cell, a line of a
  /// report text): `line` is the text of that line alone, `offset` the byte offset in it.
  ///
  /// - Parameters:
  ///   - file: the file's name as the user gave it.
  ///   - lineNumber: 1-based.
  ///   - line: the line's text without its line break; empty when it is not at hand (only
  ///     `FILE:LINE:COL` is then shown).
  ///   - offset: where in `line` the caret goes (a UTF-8 byte offset); `length` bytes are
  ///     underlined.
  public init(
    file: String, line lineNumber: Int, text line: String, offset: Int, length: Int = 0,
    _ severity: Diagnostic.Severity, _ message: String, notes: [String] = [], help: String? = nil
  ) {
    let start = max(0, min(offset, line.utf8.count))
    let end = max(start, min(start + max(0, length), line.utf8.count))
    self.init(
      source: SourceFile(name: file, text: line, firstLine: lineNumber),
      Diagnostic(severity, message, at: SourceRange(start, end), notes: notes, help: help))
  }

  /// A diagnostic about a place in a file whose line is not at hand (a line too long to quote,
  /// bytes in another encoding): `FILE:LINE:COL: …` without the line and caret.
  public init(
    file: String, line: Int, column: Int, _ severity: Diagnostic.Severity, _ message: String,
    notes: [String] = [], help: String? = nil
  ) {
    // A blank line of `column - 1` spaces puts the column where it belongs; the renderer shows
    // no line that has nothing to point at.
    let blank = String(repeating: " ", count: max(0, column - 1))
    self.init(file: file, line: line, text: blank, offset: blank.utf8.count, severity, message, notes: notes, help: help)
  }

  /// A diagnostic about a file or setting as a whole: `FILE: error: MESSAGE`.
  public init(file: String, _ severity: Diagnostic.Severity, _ message: String, help: String? = nil) {
    self.init(source: SourceFile(name: file, text: ""), Diagnostic(severity, message, at: nil, help: help))
  }

  /// An error about a place in a file, its line at hand (see the initializer with a severity).
  public init(file: String, line: Int, text: String, offset: Int, length: Int = 0, _ message: String, help: String? = nil) {
    self.init(file: file, line: line, text: text, offset: offset, length: length, .error, message, help: help)
  }

  /// An error about a place in a file whose line is not at hand.
  public init(file: String, line: Int, column: Int, _ message: String, help: String? = nil) {
    self.init(file: file, line: line, column: column, .error, message, help: help)
  }

  /// An error about a file or setting as a whole: `FILE: error: MESSAGE`.
  public init(file: String, _ message: String, help: String? = nil) {
    self.init(file: file, .error, message, help: help)
  }

  /// All diagnostics rendered as ``DiagnosticRenderer`` does, without colour.
  public var rendered: String { rendered(colour: false) }

  /// All diagnostics rendered as ``DiagnosticRenderer`` does, one after another.
  public func rendered(colour: Bool) -> String {
    diagnostics.map { DiagnosticRenderer.render($0, in: source, colour: colour) }.joined(separator: "\n")
  }

  /// The first diagnostic's message (tests and one-line summaries).
  public var message: String { diagnostics.first?.message ?? "" }
}
