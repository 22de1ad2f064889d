#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQDiagnostics

/// The interactive loop: read a statement with libedit, run it, show the result, repeat.
///
/// Used only when standard input is a terminal. A statement that is not complete yet (open
/// bracket or string, trailing `|` or operator) gets the continuation prompt `...> `; the
/// whole statement becomes one history entry. Lines pasted together are one entry: while more
/// input is already waiting when a line ends, reading goes on, and the lines run as a script
/// would run them (a line starting with `|` continues the statement above it). Ctrl-C clears what was typed (or, while a
/// statement runs, cancels it); Ctrl-D on an empty line leaves.
struct REPL {
  let session: Session

  static let prompt = "hq> "
  static let continuationPrompt = "...> "

  /// `$HQ_HISTORY`, else `~/.hq_history`; nil when neither can be found.
  static func historyPath() -> String? {
    if let path = Terminal.environment("HQ_HISTORY"), !path.isEmpty { return path }
    guard let home = Terminal.environment("HOME"), !home.isEmpty else { return nil }
    return home + (home.hasSuffix("/") ? "" : "/") + ".hq_history"
  }

  func run() -> Session.Outcome {
    let session = self.session
    guard let editor = LineEditor(program: "hq", historyPath: Self.historyPath(), completer: { text in
      Completion.complete(text, using: session)
    }) else {
      return StandardInput.run(session, keepGoing: true)
    }
    editor.warn = { message in
      session.show(DiagnosticError(file: "hq", .warning, message))
      session.errors.flush()
    }
    if let problem = editor.historyProblem { editor.warn(problem) }
    session.standardOutput.write(welcome() + "\n")
    session.standardOutput.flush()
    var pending: [String] = []
    while true {
      editor.pendingText = pending.joined(separator: "\n")
      Signals.reset()
      switch editor.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt) {
      case .endOfInput:
        session.standardOutput.write("\n")
        return .success
      case .interrupted:
        pending = []
      case .line(let line):
        // A blank or comment line alone is passed over, unless more of a paste is waiting:
        // then it starts the entry (a pasted example that begins with a comment).
        if pending.isEmpty && ScriptScanner.isBlankOrComment(Substring(line)) && !editor.inputIsWaiting() { continue }
        pending.append(line)
        let text = pending.joined(separator: "\n")
        guard ScriptScanner.isComplete(text) else { continue }
        // Pasted text: lines already waiting when Enter arrives belong to the same entry, so a
        // statement pasted with its pipeline continued on lines starting with `|` runs whole
        // (as in a script, where the next line's `|` continues the statement).
        if editor.inputIsWaiting() { continue }
        pending = []
        editor.addHistory(text)
        // No reset here: a Ctrl-C pressed right after Enter is meant for this statement.
        if session.run(text, name: Session.promptSourceName, keepGoing: false) == .quit { return .success }
        session.standardOutput.flush()
      }
    }
  }

  /// `hq 0.1.0 · 2 reports, 1234 facts, 56 goals · .help for help, Ctrl-D to leave`
  func welcome() -> String {
    // From the rows of `reports`, which carry the counts: the whole model is not needed yet.
    let reports = session.modelSource.reportRows
    let facts = reports.reduce(0) { $0 + $1.facts }
    let goals = reports.reduce(0) { $0 + $1.goals }
    return "hq \(HQCommand.version) · \(reports.count) reports, \(facts) facts, "
      + "\(goals) goals loaded · .help for help, Ctrl-D to leave"
  }
}
