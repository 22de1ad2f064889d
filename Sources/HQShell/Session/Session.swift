#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQEngine
import HQLoaders
import HQReports
import HQSyntax

/// One analyst's session: the engine with its sources and views, the output settings and
/// the statements that ran, shared by the REPL, scripts, `-c` and standard input.
///
/// Nothing here touches the terminal or libedit, so tests drive a session with strings and
/// read its output from memory sinks.
public final class Session {
  /// How a unit of input ended.
  public enum Outcome: Sendable, Equatable {
    case success
    /// A statement or meta command failed; its error has been written to ``errors``.
    case failure
    /// Ctrl-C stopped a running statement.
    case cancelled
    /// `.quit`.
    case quit
    /// The reader of standard output went away (`| head -1`): stop quietly.
    case outputClosed
    /// Standard output could not be written for another reason (a full disk, `> /dev/full`,
    /// an I/O error); the error has been written to ``errors``. Stops a script whatever
    /// `--keep-going` says: nothing later could be seen.
    case outputFailed
  }

  public var engine: Engine
  /// The reports loaded so far, merged; `facts`, `goals`, `sections`, `reports` and `lines`
  /// are rebuilt from it when a report is loaded.
  public internal(set) var model: ReportModel
  /// For each report loaded from a regular file, its id → the file's canonical path, so
  /// loading the file again replaces that load and nothing else (``ReportAdmission``).
  var reportOrigins: [String: String] = [:]
  public var format: OutputFormat
  /// Show each statement's run time on the error stream.
  public var timer = false
  /// `.maxrows`: the most rows a result shows on a terminal; nil shows every row. Results
  /// written to files and pipes always have every row.
  public var maxRows: Int? = Session.defaultMaxRows
  /// `.numbers`: how the `table` and `line` formats show numbers.
  public var numbers = NumberDisplay.plain
  /// Show a progress line on standard error while a load takes more than a second
  /// (``ProgressLine``); set when standard error is a terminal.
  public var showsLoadProgress = false
  /// 40 rows, as DuckDB's shell: a screenful with the note below it.
  public static let defaultMaxRows = 40
  /// Where results go when no `.output`/`.once` redirection is active.
  public let standardOutput: OutputSink
  /// Where errors, warnings and timings go.
  public let errors: OutputSink
  /// True when ``standardOutput`` is a terminal: the `table` format then fits its width.
  public var outputIsTerminal: Bool
  /// Draw charts on standard output in colour (a terminal, `NO_COLOR` not set; see
  /// ``Terminal/allowsColour()``). Charts written to files and other formats never are.
  public var colourCharts = false
  /// Parameters given with `--set` on the command line: a script's own `.set` for one of
  /// them keeps the command-line value, so `.set year 2024` in a script is a default.
  public var pinnedParameters: Set<String> = []
  /// What bounds `.load` and `--load`: Ctrl-C, the size of piped input, pdftotext's time
  /// (``HQCommand`` applies `HQ_MAX_PIPE_INPUT` and `HQ_PDFTOTEXT_TIMEOUT`).
  public var loadLimits = LoadLimits(isCancelled: { Signals.wasInterrupted })
  /// The units that ran successfully, for `.save` (bounded, see ``Transcript``).
  var transcript = Transcript()
  /// The sources each `.load` line of the transcript gave (its text, trimmed → names), for
  /// `.save` to keep the loads the last result reads.
  var loadedNames: [String: Set<String>] = [:]
  /// The sources the last `.load` gave.
  var lastLoadProvided: Set<String> = []

  /// At the prompt, the display widths of the prompt and the continuation prompt: an error
  /// on the line just typed is then shown as a caret right under it (nil in scripts).
  public var promptWidths: (first: Int, continuation: Int)?
  /// ``OutputSink/totalBytes`` of standard output when the entry was typed: once results
  /// have been printed below it, a caret could no longer sit under the typed line.
  var outputMarkAtPrompt = 0

  /// The source name of what is typed at the prompt (scripts run with `.run` keep theirs).
  public static let promptSourceName = "<input>"

  /// The scripts being run (innermost last) with their lines, to show a statement that
  /// follows a `;` on its real line rather than the blank-padded text the engine saw.
  var scripts: [(name: String, lines: [Substring])] = []

  var redirection: Redirection?
  var runDepth = 0

  /// - Parameters:
  ///   - model: the reports to start with (``DataLoading/bundledModel()`` for the bundled ones).
  ///   - format: nil picks `table` on a terminal and `csv` otherwise.
  public init(
    model: ReportModel, format: OutputFormat? = nil, output: OutputSink, errors: OutputSink,
    outputIsTerminal: Bool
  ) {
    self.model = model
    self.engine = Engine(catalog: Catalog(DataLoading.tables(of: model)))
    self.format = format ?? (outputIsTerminal ? .table : .csv)
    self.standardOutput = output
    self.errors = errors
    errors.showsOnlyVisibleText = true
    self.outputIsTerminal = outputIsTerminal
  }

  /// The sink results currently go to: a `.output`/`.once` file or standard output.
  ///
  /// An open workbook takes results only (``emit(_:title:)``); other text written meanwhile
  /// (`.help`) goes to standard output.
  var output: OutputSink { redirection?.sink ?? standardOutput }

  /// Runs a whole script (or `-c` text, or one entry typed at the prompt) unit by unit.
  ///
  /// - Parameters:
  ///   - name: shown in diagnostics (`report.hq`, `<command>`, `<input>`).
  ///   - keepGoing: run the remaining units after a failure (the outcome is still `failure`).
  public func run(_ text: String, name: String, keepGoing: Bool = false) -> Outcome {
    scripts.append((name, text.split(separator: "\n", omittingEmptySubsequences: false)))
    defer { scripts.removeLast() }
    var outcome = Outcome.success
    for unit in ScriptScanner.units(of: text) {
      // Ctrl-C between statements (or during a `.load`) stops a script too.
      if Signals.wasInterrupted { return .cancelled }
      let result = run(unit, name: name)
      switch result {
      case .success: continue
      case .failure:
        outcome = .failure
        if !keepGoing { return .failure }
      case .cancelled, .quit, .outputClosed, .outputFailed:
        return result
      }
    }
    return outcome
  }

  /// Runs one statement or meta command.
  public func run(_ unit: ScriptScanner.Unit, name: String) -> Outcome {
    let outcome: Outcome
    switch unit.kind {
    case .metaCommand: outcome = runMeta(unit, name: name)
    case .statement: outcome = runStatement(unit, name: name)
    }
    // One write per unit keeps results and errors in order on a terminal.
    output.flush()
    standardOutput.flush()
    if standardOutput.isBroken { return standardOutputFailed(name: name, line: unit.line) }
    if let failed = checkRedirection(name: name, line: unit.line) {
      errors.flush()
      return failed
    }
    errors.flush()
    return outcome
  }

  /// After a failed write to standard output: quiet for a closed pipe (`| head -1`), an error
  /// naming the statement for anything else (`> /dev/full`, a full disk), reported once.
  private func standardOutputFailed(name: String, line: Int) -> Outcome {
    defer { errors.flush() }
    if standardOutput.failure == EPIPE { return .outputClosed }
    if !standardOutput.failureReported {
      standardOutput.failureReported = true
      report(
        "cannot write the results to standard output: \(OutputFile.reason(standardOutput.failure)); the output is incomplete",
        name: name, line: line)
    }
    return .outputFailed
  }

  private func runStatement(_ unit: ScriptScanner.Unit, name: String) -> Outcome {
    let source = SourceFile(name: name, text: unit.text, firstLine: unit.line)
    let sink = output
    if redirection == nil && format == .xlsx {
      // Nothing runs when its result could go nowhere.
      report(Self.xlsxNeedsAFile.message, name: name, line: unit.line)
      return .failure
    }
    let clock = ContinuousClock()
    let start = clock.now
    var failure: EngineError?
    var writeFailure: ShellError?
    do {
      try engine.run(source, cancellation: Signals.token) { warning in
        errors.write(render(warning) + "\n")
        errors.flush()
      } result: { result in
        guard writeFailure == nil else { return }
        do throws(ShellError) {
          switch result {
          case .table(let table):
            try refuseTableAsImage()
            try emit(table, title: unit.text)
          case .chart(let chart):
            try emit(chart)
          }
        } catch {
          writeFailure = error
        }
      }
    } catch {
      failure = error
    }
    if failure == nil, let writeFailure {
      abandonOnce()
      report(writeFailure.message, name: name, line: unit.line)
      return .failure
    }
    if failure == nil, Signals.token.isCancelled { failure = .cancelled }
    // The time goes after what the statement printed: after a diagnostic, so that a caret drawn
    // under the line just typed stays right under it.
    let time = timer ? "time: \(Self.describe(clock.now - start))\n" : ""
    if failure == nil { errors.write(time) }
    if standardOutput.isBroken { return .outputClosed }
    do throws(ShellError) {
      try finishOnce()
    } catch {
      report(error.message, name: name, line: unit.line)
      return .failure
    }
    switch failure {
    case nil:
      transcript.append(String(unit.text.drop { $0 == " " }))
      return .success
    case .cancelled?:
      sink.flush()
      errors.write("cancelled\n" + time)
      return .cancelled
    case .diagnostics(let error)?:
      errors.write(render(error) + "\n" + time)
      return .failure
    }
  }

  /// Diagnostics as compilers print them, or, at the prompt, with the caret under the line
  /// that was just typed:
  ///
  ///     hq> from facts | where vaule > 3
  ///                            ^~~~~
  ///     error: unknown column 'vaule'
  ///     help: did you mean 'value'?
  func render(_ error: DiagnosticError) -> String {
    guard let widths = promptWidths, error.source.name == Self.promptSourceName,
      standardOutput.totalBytes == outputMarkAtPrompt
    else { return withOriginalLines(error) }
    let source = error.source
    let lastLine = source.firstLine + source.lineStarts.count - 1
    return error.diagnostics.map { diagnostic in
      let start = source.location(at: diagnostic.range.start)
      guard start.line == lastLine else { return withOriginalLines(DiagnosticError(source: source, diagnostics: [diagnostic])) }
      let line = source.lineText(at: diagnostic.range.start)
      let before = line.prefix(start.column - 1)
      let end = source.location(at: max(diagnostic.range.start, diagnostic.range.end))
      let spanned = end.line == start.line ? line.dropFirst(start.column - 1).prefix(max(0, end.column - start.column)) : line.dropFirst(start.column - 1)
      let prompt = lastLine == 1 ? widths.first : widths.continuation
      let width = max(1, DisplayWidth.of(spanned))
      var text = String(repeating: " ", count: prompt + DisplayWidth.of(before)) + "^" + String(repeating: "~", count: width - 1)
      text += "\n\(diagnostic.severity.rawValue): \(diagnostic.message)"
      if let help = diagnostic.help { text += "\nhelp: \(help)" }
      return text
    }.joined(separator: "\n")
  }

  /// The compiler-style rendering, with each quoted source line taken from the script when
  /// the engine saw it padded (`from goals; from faktа` shows the whole line, caret in place).
  func withOriginalLines(_ error: DiagnosticError) -> String {
    let source = error.source
    guard let script = scripts.last(where: { $0.name == source.name }) else { return error.rendered }
    return error.diagnostics.map { diagnostic in
      var parts = DiagnosticRenderer.render(diagnostic, in: source).split(separator: "\n", omittingEmptySubsequences: false)
      let line = source.location(at: diagnostic.range.start).line
      let seen = source.lineText(at: diagnostic.range.start)
      if parts.count > 1, parts[1] == seen, line >= 1, line <= script.lines.count {
        var original = script.lines[line - 1]
        if original.hasSuffix("\r") { original = original.dropLast() }
        if original.count == seen.count, original.hasSuffix(seen.drop { $0 == " " }) { parts[1] = original }
      }
      return parts.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// `12.3 ms`, `1.204 s`.
  static func describe(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
    if milliseconds < 1000 {
      return String(Double(Int(milliseconds * 10)) / 10) + " ms"
    }
    return String(Double(Int(milliseconds)) / 1000) + " s"
  }

  /// Writes an error for a meta command: `FILE:LINE:1: error: …` in scripts, `error: …`
  /// at the prompt.
  func report(_ message: String, name: String, line: Int) {
    if name == Self.promptSourceName {
      errors.write("error: \(message)\n")
    } else {
      errors.write("\(name):\(line):1: error: \(message)\n")
    }
  }

  /// Ends the session: flushes output and completes an open `.output` file.
  ///
  /// - Returns: false when the `.output` file could not be completed (the error, naming the
  ///   line of its `.output`, has been written): the exit status must then say so.
  @discardableResult
  public func finish() -> Bool {
    var completed = true
    if let redirection {
      self.redirection = nil
      completed = finishRedirection(redirection)
    }
    standardOutput.flush()
    errors.flush()
    return completed
  }
}
