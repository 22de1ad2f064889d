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
    let shown = excerpt(of: line, column: startColumn, width: width)
    out += shown.text + "\n"
    // Tabs before the caret stay tabs, so the caret lines up however wide a tab is shown.
    let indent = shown.text.prefix(shown.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
    out += indent + "^" + String(repeating: "~", count: shown.width - 1)
    if let help = diagnostic.help { out += "\nhelp: \(help)" }
    // A name from data in the message or the quoted line must not reach the terminal as an
    // escape sequence. One character for one, so the caret still lines up.
    return TerminalText.visible(out, keeping: ["\n", "\t"])
  }
}

extension DiagnosticRenderer {
  /// The most characters of a source line shown under a message: a statement of a megabyte on
  /// one line is shown as the part around the error, not printed whole for each error.
  static let maxShownLineLength = 160

  /// The part of `line` to show for a caret at `column` spanning `width` characters: the whole
  /// line when it is short enough, else a window around the caret with `…` where it was cut.
  /// Returns the text and the caret's column and width in it.
  static func excerpt(of line: Substring, column: Int, width: Int) -> (text: String, column: Int, width: Int) {
    // Only a line of many bytes can be too long; walk no further into it than the window.
    guard line.utf8.count > maxShownLineLength else { return (String(line), column, width) }
    let context = 40
    let shownWidth = min(width, maxShownLineLength - 2 * context)
    let start = max(0, column - 1 - context)
    guard let from = line.index(line.startIndex, offsetBy: start, limitedBy: line.endIndex) else {
      return (String(line), column, width)
    }
    let to = line.index(from, offsetBy: column - 1 - start + shownWidth + context, limitedBy: line.endIndex) ?? line.endIndex
    if start == 0 && to == line.endIndex { return (String(line), column, width) }
    var text = String(line[from..<to])
    var caret = column - start
    if start > 0 {
      text = "…" + text
      caret += 1
    }
    if to < line.endIndex { text += "…" }
    return (text, caret, shownWidth)
  }
}

extension Diagnostic {
  /// An error diagnostic: `.error("unknown stage 'whre'", at: range, help: "did you mean 'where'?")`.
  public static func error(_ message: String, at range: SourceRange, help: String? = nil) -> Diagnostic {
    Diagnostic(.error, message, at: range, help: help)
  }
}
