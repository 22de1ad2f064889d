#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQDiagnostics
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
  /// are rebuilt from it when a report is loaded. Made when first needed (``modelSource``).
  public internal(set) var model: ReportModel {
    get { modelSource.model }
    set { modelSource = LazyReportModel(newValue) }
  }
  /// Where ``model`` comes from: the bundled reports are decoded only when a statement, load
  /// or export first needs more than the `reports` table (``DataLoading/bundledLazyModel()``).
  private(set) var modelSource: LazyReportModel
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
  /// The units a one-shot run (`-c`, a script) will run, set before its `--load`s so a CSV
  /// file loaded then parses only the columns they read (``readFirst(_:planned:)``); nil at
  /// the prompt, where each statement parses the columns it needs when it runs.
  public var plannedUnits: [ScriptScanner.Unit]?
  /// False to read every column of a CSV file when it is loaded, as hq did before it read
  /// columns on demand (tests compare the two).
  var readsColumnsOnDemand = true
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

  /// Colour the diagnostics written to ``errors`` (standard error is a terminal and
  /// `NO_COLOR` is not set; see ``Terminal/allowsColour()``).
  public var colourDiagnostics = false

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
  public convenience init(
    model: ReportModel, format: OutputFormat? = nil, output: OutputSink, errors: OutputSink,
    outputIsTerminal: Bool
  ) {
    self.init(lazyModel: LazyReportModel(model), format: format, output: output, errors: errors, outputIsTerminal: outputIsTerminal)
  }

  /// A session on a model made when first needed; the tables are built as statements first
  /// read them.
  public init(
    lazyModel: LazyReportModel, format: OutputFormat? = nil, output: OutputSink, errors: OutputSink,
    outputIsTerminal: Bool
  ) {
    self.modelSource = lazyModel
    self.engine = Engine(catalog: Catalog(deferred: lazyModel.deferredTables()))
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
    // Split at the byte: in a CRLF file "\r\n" is one Character, which a split at "\n" misses.
    let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    scripts.append((name, lines))
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
      report(Self.xlsxNeedsAFile.message, name: name, line: unit.line, text: unit.text)
      return .failure
    }
    let clock = ContinuousClock()
    let start = clock.now
    var failure: EngineError?
    var writeFailure: ShellError?
    do {
      try engine.run(source, cancellation: Signals.token) { warning in
        show(warning)
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
      report(writeFailure.message, name: name, line: unit.line, text: unit.text)
      return .failure
    }
    if failure == nil, Signals.token.isCancelled { failure = .cancelled }
    // The time goes after what the statement printed, a diagnostic included.
    let time = timer ? "time: \(Self.describe(clock.now - start))\n" : ""
    if failure == nil { errors.write(time) }
    if standardOutput.isBroken { return .outputClosed }
    do throws(ShellError) {
      try finishOnce()
    } catch {
      report(error.message, name: name, line: unit.line, text: unit.text)
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
      show(error)
      errors.write(time)
      return .failure
    }
  }

  /// Writes diagnostics to ``errors`` through the one renderer (``DiagnosticRenderer``), in
  /// colour when ``colourDiagnostics`` says so.
  ///
  /// A statement that followed a `;` was given to the engine blank-padded so that its columns
  /// are the script's; its quoted line is the script's real line (``withOriginalLines(_:)``).
  func show(_ error: DiagnosticError) {
    let text = withOriginalLines(error) + "\n"
    // The renderer has made every character from data visible; its colours are its own.
    if colourDiagnostics { errors.write(bytes: Array(text.utf8)) } else { errors.write(text) }
  }

  /// Writes a shell error that has no command line to report it at (a `--load` or `--output`
  /// of the command line): at its own place, or as `hq: error: …`.
  func show(_ error: ShellError) {
    show(error.located ?? DiagnosticError(file: "hq", error.message, help: error.help))
  }

  /// The rendering, each diagnostic against the script's real line when the engine saw the
  /// statement blank-padded: `from goals; from faktа` shows the whole line, and a tab or wide
  /// characters before the statement count as they are shown.
  func withOriginalLines(_ error: DiagnosticError) -> String {
    let source = error.source
    let colour = colourDiagnostics
    guard let script = scripts.last(where: { $0.name == source.name }) else { return error.rendered(colour: colour) }
    return error.diagnostics.map { diagnostic in
      guard let range = diagnostic.range, let (line, moved) = Self.original(range, in: source, script: script.lines) else {
        return DiagnosticRenderer.render(diagnostic, in: source, colour: colour)
      }
      var onOriginal = diagnostic
      onOriginal.range = moved
      return DiagnosticRenderer.render(onOriginal, in: line, colour: colour)
    }.joined(separator: "\n")
  }

  /// The script's line holding `range` as its own source, and the range moved onto it, when
  /// the engine's line is that line with the text before the statement blanked out (the
  /// statement splitter pads one space per character), or nil.
  static func original(_ range: SourceRange, in source: SourceFile, script: [Substring]) -> (SourceFile, SourceRange)? {
    let number = source.location(at: range.start).line
    guard number >= 1, number <= script.count else { return nil }
    var original = script[number - 1]
    if original.hasSuffix("\r") { original = original.dropLast() }
    let seen = source.lineText(at: range.start)
    let padding = seen.prefix { $0 == " " }.count
    guard original != seen, original.count >= seen.count, original.dropFirst(padding).hasPrefix(seen.dropFirst(padding))
    else { return nil }
    // Characters correspond one to one; bytes need not (`名; from x` is padded `  from x`).
    func moved(_ offset: Int) -> Int {
      let index = seen.utf8.index(seen.utf8.startIndex, offsetBy: offset)
      let characters = seen.distance(from: seen.startIndex, to: index)
      let there = original.index(original.startIndex, offsetBy: characters)
      return original.utf8.distance(from: original.utf8.startIndex, to: there)
    }
    let start = moved(source.lineOffset(of: range.start))
    let end = moved(source.lineOffset(of: range.end, onLineOf: range.start))
    return (SourceFile(name: source.name, text: String(original), firstLine: number), SourceRange(start, max(start, end)))
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

  /// Writes an error about the command or statement at `line` of `name` (a meta command that
  /// failed, a result that could not be written), in the one shape: `FILE:LINE:COL: error: …`,
  /// the line, and a caret under its first word (`.format`, `from`), at the prompt as in scripts.
  ///
  /// - Parameter text: the unit's text, when the line cannot be found among the scripts
  ///   running (standard input); without either only `FILE:LINE:1: error: …` is shown.
  func report(_ message: String, name: String, line: Int, text: String? = nil, help: String? = nil) {
    let lineText = scriptLine(line, of: name) ?? text.map { String($0.prefix { $0 != "\n" }) } ?? ""
    let start = lineText.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
    let word = lineText.utf8.dropFirst(start).prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: ";") }.count
    show(DiagnosticError(file: name, line: line, text: lineText, offset: start, length: word, .error, message, help: help))
  }

  /// Line `line` (1-based) of the innermost running script called `name`.
  func scriptLine(_ line: Int, of name: String) -> String? {
    guard let script = scripts.last(where: { $0.name == name }), line >= 1, line <= script.lines.count else { return nil }
    let text = script.lines[line - 1]
    return String(text.hasSuffix("\r") ? text.dropLast() : text)
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
