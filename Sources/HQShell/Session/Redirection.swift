import HQData

/// An active `.output FILE` or `.once FILE`: results go to an ``OutputFile`` (text formats) or
/// an ``XLSXWorkbook`` until `.output` alone (or, for `.once`, the statement after it)
/// completes it.
struct Redirection {
  /// Where the results go.
  enum Target {
    case text(OutputFile)
    case workbook(XLSXWorkbook)
  }

  var target: Target
  /// The format the results are written in: given with the command, else the file's
  /// extension's, else the session's (``OutputFormat/forFile(_:explicit:current:)``).
  var format: OutputFormat
  var once: Bool
  /// Where the `.output`/`.once` was given: an error completing it at the end of a script
  /// names this line.
  var name: String
  var line: Int
  /// The text of that line, quoted under such an error (the script has ended by then).
  var lineText: String?
  /// How many results went to the file; an `.svg` or `.png` file holds one chart.
  var results = 0

  /// The text sink of a text file; nil for a workbook, whose results are sheets (text that is
  /// no result, such as a `.help` page, then goes to standard output).
  var sink: OutputSink? {
    if case .text(let file) = target { return file.sink }
    return nil
  }

  /// True once a write to a text file failed (a full disk).
  var isBroken: Bool { sink?.isBroken ?? false }

  /// Completes the file: renamed into place (or closed); on failure it is left as it was.
  func commit() throws(ShellError) {
    switch target {
    case .text(let file): try file.commit()
    case .workbook(let book): try book.commit()
    }
  }

  /// Gives the file up; the destination keeps what it had.
  func abandon() {
    switch target {
    case .text(let file): file.abandon()
    case .workbook(let book): book.abandon()
    }
  }
}

extension Session {
  /// Starts sending results to `path`, completing any earlier redirection first.
  ///
  /// - Parameter format: the format given with the command; nil to take it from the file's
  ///   extension (`.xlsx` a workbook, `.csv` CSV, …), else the session's format.
  func redirect(to path: String, once: Bool, format explicit: OutputFormat? = nil, name: String, line: Int) throws(ShellError) {
    if let current = redirection {
      redirection = nil
      try complete(current)
    }
    let format = OutputFormat.forFile(path, explicit: explicit, current: self.format)
    if format == .xlsx {
      // The workbook is written whole when it is completed; until then nothing is on disk,
      // so there is nothing for a signal handler to save (``Signals/track(_:)``).
      redirection = Redirection(target: .workbook(try XLSXWorkbook(path: path)), format: format, once: once, name: name, line: line)
      redirection?.lineText = scriptLine(line, of: name)
      return
    }
    let file = try OutputFile(path: path)
    redirection = Redirection(target: .text(file), format: format, once: once, name: name, line: line)
    redirection?.lineText = scriptLine(line, of: name)
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
    try Signals.untrack { () throws(ShellError) in try redirection.commit() }
  }

  /// Writes a result where results go now: a sheet of the open workbook, or text in the
  /// current format to the open file or standard output.
  ///
  /// - Parameter title: the statement (or command) that made it, which names a sheet.
  /// - Throws: when a workbook cannot take the result (too many rows, a text too long), or
  ///   the format is `xlsx` with no file to write it to.
  func emit(_ table: Table, title: String) throws(ShellError) {
    if let redirection, case .workbook(let book) = redirection.target {
      try book.addSheet(table, title: title)
      return
    }
    let format = redirection?.format ?? self.format
    guard format != .xlsx else { throw Self.xlsxNeedsAFile }
    let sink = output
    let onTerminal = sink === standardOutput && outputIsTerminal
    let display = Display(width: onTerminal ? Terminal.width() : nil, maxRows: onTerminal ? maxRows : nil, numbers: numbers)
    format.write(table, to: sink, display: display)
    sink.flush()
  }

  /// The error for `xlsx` results with no file to go to.
  static let xlsxNeedsAFile = ShellError(
    "xlsx is written to a file, not to a terminal or standard output; send the result to one with .once FILE.xlsx or .output FILE.xlsx (on the command line: --output FILE.xlsx), or choose a text format (.format csv-sv for Swedish Excel)")

  /// After each unit: tells the signal handler how much of the file is finished results, or,
  /// when a write to the file failed (a full disk), gives the file up and reports it.
  func checkRedirection(name: String, line: Int) -> Outcome? {
    guard let current = redirection else { return nil }
    guard current.isBroken else {
      if let sink = current.sink { Signals.outputCommitted(sink.totalBytes) }
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
      report(error.message, name: redirection.name, line: redirection.line, text: redirection.lineText)
      return false
    }
  }
}
