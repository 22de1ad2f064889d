/// A problem found in hq source text, with where it is and, when one is near, how to fix it.
public struct Diagnostic: Sendable, Hashable {
  public enum Severity: String, Sendable, Hashable {
    case error
    case warning
  }

  public var severity: Severity
  public var message: String
  public var range: SourceRange
  /// A suggested fix shown after the caret line (`did you mean 'value'?`).
  public var help: String?

  public init(_ severity: Severity = .error, _ message: String, at range: SourceRange, help: String? = nil) {
    self.severity = severity
    self.message = message
    self.range = range
    self.help = help
  }
}

/// Thrown by every stage that can fail: one or more diagnostics against one source.
public struct DiagnosticError: Error, Sendable {
  public var source: SourceFile
  public var diagnostics: [Diagnostic]

  public init(source: SourceFile, diagnostics: [Diagnostic]) {
    self.source = source
    self.diagnostics = diagnostics
  }

  /// All diagnostics rendered as ``DiagnosticRenderer`` does.
  public var rendered: String {
    diagnostics.map { DiagnosticRenderer.render($0, in: source) }.joined(separator: "\n")
  }
}

/// Renders diagnostics the way compilers, editors and CI logs expect:
///
///     report.hq:3:21: error: unknown column 'vaule'
///     from facts | where vaule > 5
///                        ^~~~~
///     help: did you mean 'value'?
public enum DiagnosticRenderer {
  public static func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
    let location = source.location(at: diagnostic.range.start)
    let line = source.lineText(at: diagnostic.range.start)
    let startColumn = location.column
    // The caret spans the range on this line, at least one character.
    let endLocation = source.location(at: max(diagnostic.range.start, diagnostic.range.end))
    let width = endLocation.line == location.line ? max(1, endLocation.column - startColumn) : max(1, line.count - startColumn + 1)
    var out = "\(source.name):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
    out += line + "\n"
    // Tabs before the caret stay tabs, so the caret lines up however wide a tab is shown.
    let indent = line.prefix(startColumn - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    out += indent + "^" + String(repeating: "~", count: width - 1)
    if let help = diagnostic.help { out += "\nhelp: \(help)" }
    return out
  }
}

extension Diagnostic {
  /// An error diagnostic: `.error("unknown stage 'whre'", at: range, help: "did you mean 'where'?")`.
  public static func error(_ message: String, at range: SourceRange, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, message, at: range, help: help)
  }
}
