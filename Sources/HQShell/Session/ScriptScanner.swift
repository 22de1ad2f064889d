import HQSyntax

/// Cuts hq source text into the units the shell runs one by one: meta-command lines
/// (`.load data.csv`) and statements (possibly spanning several lines).
///
/// A statement ends at the end of a line unless the line ends with `|`, a binary operator,
/// `,` or `=`, the next non-blank line starts with `|`, or a bracket or string is still
/// open; `#` starts a comment outside strings; `;` separates statements on one line.
public enum ScriptScanner {
  /// One runnable piece of a script: HQSyntax's chunk (a statement or a meta-command line,
  /// its text, first line and byte range), under the name the shell uses.
  public typealias Unit = StatementSplitter.Chunk

  /// The units of `text`, in order. Blank and comment-only lines between units are dropped.
  ///
  /// The statement rules are the parser's, through HQSyntax's `StatementSplitter`; a
  /// statement after a `;` is its own unit, its text indented so columns stay the script's.
  public static func units(of text: String) -> [Unit] {
    StatementSplitter.split(text)
  }

  /// True when `text` (what has been typed so far) is a complete statement or meta command;
  /// the REPL shows the continuation prompt while it is false.
  public static func isComplete(_ text: String) -> Bool {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first(where: { !isBlankOrComment($0) }) else { return true }
    if isMetaCommand(first) { return true }
    return !StatementSplitter.needsContinuation(text)
  }

  static func isBlankOrComment(_ line: Substring) -> Bool {
    let rest = line.drop { $0 == " " || $0 == "\t" }
    return rest.isEmpty || rest.first == "#"
  }

  /// `.name…` at the start of a line; `.5` (a number) is not a meta command.
  static func isMetaCommand(_ line: Substring) -> Bool {
    StatementSplitter.isMetaCommandLine(line)
  }
}

extension Substring {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
