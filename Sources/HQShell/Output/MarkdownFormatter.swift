import HQData

/// The `markdown` format: a GitHub-flavoured Markdown table, numbers right-aligned (`--:`).
///
/// A `|` inside a value is written `\|`, a newline as `<br>`, so every row stays one line.
public struct MarkdownFormatter: Sendable {
  public init() {}

  public func write(_ table: Table, to out: OutputSink) {
    out.write("| " + table.columns.map { Self.cell($0.name) }.joined(separator: " | ") + " |\n")
    out.write("|" + table.columns.map { $0.type == .number ? " --: " : " --- " }.joined(separator: "|") + "|\n")
    let cells = table.columns.map { CellRenderer($0, escape: Self.cell) }
    for row in 0..<table.rowCount {
      if out.shouldStop { return }
      out.write("| " + cells.map { $0(row) }.joined(separator: " | ") + " |\n")
    }
  }

  static func cell(_ text: String) -> String {
    guard text.contains(where: { $0 == "|" || $0 == "\n" || $0 == "\r" }) else { return text }
    var out = ""
    for character in text {
      switch character {
      case "|": out += "\\|"
      case "\n", "\r\n": out += "<br>"
      case "\r": break
      default: out.append(character)
      }
    }
    return out
  }
}
