/// Renders a ``Diagnostic`` the way compilers, editors and CI logs expect; the only renderer
/// in hq, used at the prompt, for scripts, `-c`, standard input, loads and ingestion:
///
///     report.hq:3:21: error: unknown column 'vaule'
///     from facts | where vaule > 5
///                        ^~~~~
///     help: did you mean 'value'?
///
/// - The first line is `NAME:LINE:COL: SEVERITY: MESSAGE`, with `LINE` and `COL` 1-based and
///   `COL` counted in display columns (``DisplayWidth/column(after:)``), so `COL` is where the
///   caret is drawn. A diagnostic about a whole file has no line: `data.csv: error: …`.
/// - Then the source line (a window of it with `…` when it is very long) and the caret with
///   `~` under the rest of the range, lined up under wide characters (emoji, CJK: two
///   columns), combining marks (none) and tabs (kept as tabs). A blank line is not shown.
/// - Then one `note: …` line per note and a `help: …` line with the suggested fix.
///
/// Control characters from data (a CSV header, a file name) are shown as one space each, so
/// nothing reaches a terminal as an escape sequence and the caret still lines up. Colour (the
/// severity, the caret and `help:` in bold colours) is added only when asked, on a terminal.
public enum DiagnosticRenderer {
  /// The rendering of `diagnostic` against `source`, without a final newline.
  public static func render(_ diagnostic: Diagnostic, in source: SourceFile, colour: Bool = false) -> String {
    let style = Style(colour: colour)
    let clean = { (text: String) in TerminalText.visible(text, keeping: ["\n", "\t"]) }
    let severity = style.severity(diagnostic.severity)
    var lines: [String] = []
    if let range = diagnostic.range {
      let start = source.location(at: range.start)
      lines.append(style.bold("\(clean(source.name)):\(start): ") + severity + style.bold(clean(diagnostic.message)))
      let line = source.lineText(at: range.start)
      if line.contains(where: { $0 != " " }) {
        let shown = excerpt(of: line, from: source.lineOffset(of: range.start), to: source.lineOffset(of: range.end, onLineOf: range.start))
        lines.append(clean(shown.text))
        lines.append(shown.indent + style.caret("^" + String(repeating: "~", count: shown.width - 1)))
      }
    } else {
      let name = source.name.isEmpty ? "" : style.bold(clean(source.name) + ": ")
      lines.append(name + severity + style.bold(clean(diagnostic.message)))
    }
    for note in diagnostic.notes { lines.append(style.severity(.note) + clean(note)) }
    if let help = diagnostic.help { lines.append(style.help() + clean(help)) }
    return lines.joined(separator: "\n")
  }
}

extension DiagnosticRenderer {
  /// The most bytes of a source line shown under a message: a statement of a megabyte on one
  /// line is shown as the part around the error, not printed whole for each error.
  static let maxShownLineLength = 160

  /// The part of `line` shown for a caret from byte `start` to byte `end` of it: the whole line
  /// when it is short enough, else a window around the caret with `…` where it was cut.
  /// Returns the text, the caret line's indentation (tabs where the text has tabs) and the
  /// caret's width in display columns (at least one).
  static func excerpt(of line: Substring, from start: Int, to end: Int) -> (text: String, indent: String, width: Int) {
    let utf8 = line.utf8
    let startIndex = utf8.index(utf8.startIndex, offsetBy: max(0, min(start, utf8.count)))
    let endIndex = utf8.index(utf8.startIndex, offsetBy: max(0, min(max(start, end), utf8.count)))
    var before = line[..<startIndex]
    var spanned = line[startIndex..<endIndex]
    var after = line[endIndex...]
    var cutBefore = false
    var cutAfter = false
    if utf8.count > maxShownLineLength {
      let context = 40
      let spanLimit = maxShownLineLength - 2 * context
      if before.count > context {
        before = before.suffix(context)
        cutBefore = true
      }
      if spanned.count > spanLimit {
        spanned = spanned.prefix(spanLimit)
        after = ""
        cutAfter = true
      }
      if after.count > context {
        after = after.prefix(context)
        cutAfter = true
      }
    }
    let text = (cutBefore ? "…" : "") + before + spanned + after + (cutAfter ? "…" : "")
    var indent = cutBefore ? " " : ""
    for character in before {
      indent += character == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(character))
    }
    return (String(text), indent, max(1, DisplayWidth.of(spanned)))
  }

  /// ANSI styles as clang and swiftc use them, or nothing.
  struct Style {
    var colour: Bool

    func severity(_ severity: Diagnostic.Severity) -> String {
      let code =
        switch severity {
        case .error: "1;31"
        case .warning: "1;35"
        case .note: "1;36"
        }
      return paint(severity.rawValue + ":", code) + " "
    }

    func bold(_ text: String) -> String { paint(text, "1") }
    func caret(_ text: String) -> String { paint(text, "1;32") }
    func help() -> String { paint("help:", "1;32") + " " }

    private func paint(_ text: String, _ code: String) -> String {
      colour && !text.isEmpty ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }
  }
}
