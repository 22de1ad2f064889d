/// An active `.output FILE` or `.once FILE`: results go to an ``OutputFile`` until `.output`
/// alone (or, for `.once`, the statement after it) completes it.
struct Redirection {
  var file: OutputFile
  var once: Bool
  /// Where the `.output`/`.once` was given: an error completing it at the end of a script
  /// names this line.
  var name: String
  var line: Int
  /// How many results went to the file; an `.svg` or `.png` file holds one chart.
  var results = 0

  var sink: OutputSink { file.sink }
}

extension Session {
  /// Starts sending results to `path`, completing any earlier redirection first.
  func redirect(to path: String, once: Bool, name: String, line: Int) throws(ShellError) {
    if let current = redirection {
      redirection = nil
      try complete(current)
    }
    let file = try OutputFile(path: path)
    redirection = Redirection(file: file, once: once, name: name, line: line)
    Signals.track(file.destination)
  }

  /// Completes a `.once` redirection after the statement it was for.
  func finishOnce() throws(ShellError) {
    guard let current = redirection, current.once else { return }
    redirection = nil
    try complete(current)
  }

  /// Renames the file into place (or closes it), out of reach of the signal handler.
  func complete(_ redirection: Redirection) throws(ShellError) {
    try Signals.untrack { () throws(ShellError) in try redirection.file.commit() }
  }

  /// After each unit: tells the signal handler how much of the file is finished results, or,
  /// when a write to the file failed (a full disk), gives the file up and reports it.
  func checkRedirection(name: String, line: Int) -> Outcome? {
    guard let current = redirection else { return nil }
    guard current.sink.isBroken else {
      Signals.outputCommitted(current.sink.totalBytes)
      return nil
    }
    redirection = nil
    do throws(ShellError) {
      try complete(current)
    } catch {
      report(error.message, name: name, line: line)
    }
    return .outputFailed
  }

  /// Completes the open redirection at the end of a session, reporting a failure at the line of
  /// its `.output`. Returns false when it failed.
  func finishRedirection(_ redirection: Redirection) -> Bool {
    do throws(ShellError) {
      try complete(redirection)
      return true
    } catch {
      report(error.message, name: redirection.name, line: redirection.line)
      return false
    }
  }
}
