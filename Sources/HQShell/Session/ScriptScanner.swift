/// Cuts hq source text into the units the shell runs one by one: meta-command lines
/// (`.load data.csv`) and statements (possibly spanning several lines).
///
/// A statement ends at the end of a line unless the line ends with `|`, a binary operator,
/// `,` or `=`, the next non-blank line starts with `|`, or a bracket, string or backquoted
/// name is still open. `#` starts a comment outside strings. A unit is always whole lines,
/// so a diagnostic for it shows the script's own line and column (`;`-separated statements
/// on one line stay one unit; the engine runs them in order).
public enum ScriptScanner {
  /// One runnable piece of a script.
  public struct Unit: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
      case statement
      case meta
    }

    public var kind: Kind
    /// The unit's lines, joined with `\n`, without the final newline.
    public var text: String
    /// The 1-based line of the unit's first line in the script.
    public var line: Int
  }

  /// The units of `text`, in order. Blank and comment-only lines between units are dropped.
  public static func units(of text: String) -> [Unit] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    var units: [Unit] = []
    var pending: [Substring] = []
    var pendingLine = 0
    var state = LineState()
    for (index, line) in lines.enumerated() {
      if pending.isEmpty {
        if isBlankOrComment(line) { continue }
        if isMetaCommand(line) {
          units.append(Unit(kind: .meta, text: line.trimmingSpaces(), line: index + 1))
          continue
        }
        pendingLine = index + 1
        state = LineState()
      }
      pending.append(line)
      state.scan(line)
      if state.needsMore { continue }
      // A following line that starts with `|` continues the statement.
      if let next = lines[(index + 1)...].first(where: { !isBlankOrComment($0) }),
        next.drop(while: { $0 == " " || $0 == "\t" }).first == "|"
      {
        continue
      }
      units.append(Unit(kind: .statement, text: pending.joined(separator: "\n"), line: pendingLine))
      pending = []
    }
    if !pending.isEmpty {
      var text = pending.joined(separator: "\n")
      while text.hasSuffix("\n") { text.removeLast() }
      units.append(Unit(kind: .statement, text: text, line: pendingLine))
    }
    return units
  }

  /// True when `text` (what has been typed so far) is a complete statement or meta command;
  /// the REPL shows the continuation prompt while it is false.
  public static func isComplete(_ text: String) -> Bool {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first(where: { !isBlankOrComment($0) }) else { return true }
    if isMetaCommand(first) { return true }
    var state = LineState()
    for line in lines { state.scan(line) }
    return !state.needsMore
  }

  static func isBlankOrComment(_ line: Substring) -> Bool {
    let rest = line.drop { $0 == " " || $0 == "\t" }
    return rest.isEmpty || rest.first == "#"
  }

  /// `.name…` at the start of a line; `.5` (a number) is not a meta command.
  static func isMetaCommand(_ line: Substring) -> Bool {
    let rest = line.drop { $0 == " " || $0 == "\t" }
    guard rest.first == ".", let second = rest.dropFirst().first else { return false }
    return second.isLetter
  }

  /// Lexical state carried from line to line: open brackets, an open string or backquote,
  /// and whether the last token asks for more.
  struct LineState {
    var depth = 0
    var quote: Character?
    var trailingOperator = false

    var needsMore: Bool { depth > 0 || quote != nil || trailingOperator }

    mutating func scan(_ line: Substring) {
      var lastToken = ""
      var previous: Character = " "
      var escaped = false
      var index = line.startIndex
      while index < line.endIndex {
        let c = line[index]
        index = line.index(after: index)
        if let q = quote {
          if escaped { escaped = false } else if c == "\\" && q == "\"" { escaped = true } else if c == q { quote = nil }
          lastToken = "x"
          continue
        }
        switch c {
        case "#": index = line.endIndex
        case "\"", "`": quote = c; lastToken = "x"
        case "(", "[", "{": depth += 1; lastToken = String(c)
        case ")", "]", "}": depth = max(0, depth - 1); lastToken = "x"
        case " ", "\t", "\r": break
        default:
          if c.isLetter || c.isNumber || c == "_" || c == "$" || c == "." {
            lastToken = (previous.isLetter || previous.isNumber || previous == "_") && lastToken.first?.isLetter == true
              ? lastToken + String(c) : String(c)
          } else {
            lastToken = String(c)
          }
        }
        previous = c
      }
      let continuing: Set<String> = ["|", "+", "-", "*", "/", "=", "<", ">", "~", ",", "and", "or", "not", "in"]
      trailingOperator = continuing.contains(lastToken.lowercased()) && quote == nil
    }
  }
}

extension Substring {
  func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
