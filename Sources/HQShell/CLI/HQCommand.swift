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

/// The `hq` program: parses the command line, sets up a ``Session`` and runs it as a
/// REPL, a script, `-c` statements or standard input. Exit statuses are decided here only.
public enum HQCommand {
  /// The version `hq --version` prints.
  public static let version = "0.1.0"

  /// Exit statuses, in one place.
  public enum ExitStatus: Int32 {
    case success = 0
    case failure = 1
    case usage = 2
    case interrupted = 130
  }

  /// Runs hq with `arguments` (without the program name) and returns the exit status.
  ///
  /// A failed write to standard output other than a closed pipe (a full disk, `> /dev/full`)
  /// makes the status 1 even when it happens in the last flush.
  ///
  /// The process's entry point: the session it runs is kept to the process's end, not freed.
  public static func main(_ arguments: [String]) -> Int32 {
    Signals.install()
    let errors = OutputSink(descriptor: 2)
    errors.showsOnlyVisibleText = true
    let output = OutputSink(descriptor: 1)
    output.cancellation = Signals.token
    var status = run(arguments, output: output, errors: errors)
    output.flush()
    if output.isBroken && output.failure != EPIPE {
      if !output.failureReported {
        errors.write("hq: error: cannot write to standard output: \(OutputFile.reason(output.failure))\n")
      }
      if status == ExitStatus.success.rawValue { status = ExitStatus.failure.rawValue }
    }
    errors.flush()
    return status
  }

  private static func run(_ arguments: [String], output: OutputSink, errors: OutputSink) -> Int32 {
    let options: Options
    do throws(ShellError) {
      options = try Options.parse(arguments)
    } catch {
      errors.write("hq: \(error.message)\nTry 'hq --help' for more information.\n")
      return ExitStatus.usage.rawValue
    }
    // `--help`, `--version`, `--generate-completion-script SHELL`.
    if let text = options.exitText {
      output.write(text)
      return ExitStatus.success.rawValue
    }
    let limits: LoadLimits
    do throws(LoadError) {
      let names = ["HQ_MAX_PIPE_INPUT", "HQ_PDFTOTEXT_TIMEOUT"]
      let environment = Dictionary(uniqueKeysWithValues: names.compactMap { name in Terminal.environment(name).map { (name, $0) } })
      limits = try LoadLimits.fromEnvironment(environment, isCancelled: { Signals.wasInterrupted })
    } catch {
      errors.write("hq: \(error)\n")
      return ExitStatus.usage.rawValue
    }
    var memoryBudget = Engine.defaultMemoryBudget
    if let text = Terminal.environment("HQ_MEMORY_LIMIT"), !text.isEmpty {
      guard let bytes = ByteSize.parse(text) else {
        errors.write("hq: HQ_MEMORY_LIMIT: error: '\(text)' is not a size; expected bytes with an optional K, M or G suffix (HQ_MEMORY_LIMIT=8G)\n")
        return ExitStatus.usage.rawValue
      }
      memoryBudget = bytes
    }
    // Read the script before loading anything, so a missing file is a quick usage error.
    var scriptText: String?
    if let path = options.script, path != "-" {
      do throws(ShellError) {
        scriptText = try TextFile.read(path, limits: limits)
      } catch {
        errors.write(error.rendered() + "\n")
        return (Signals.wasInterrupted ? ExitStatus.interrupted : .usage).rawValue
      }
    }

    // libedit only when both ends are a terminal: with stdout piped (`hq | tee log`) it would
    // edit blind, so statements are then read plainly from the terminal instead.
    let interactive = options.script == nil && options.commands.isEmpty && Terminal.isTerminal(0)
      && Terminal.isTerminal(1)
    if interactive { Terminal.setUTF8Locale() }
    let session = Session(
      lazyModel: DataLoading.bundledLazyModel(), format: options.format, output: output, errors: errors,
      outputIsTerminal: Terminal.isTerminal(1))
    session.loadLimits = limits
    session.colourCharts = Terminal.allowsColour()
    session.showsLoadProgress = Terminal.isTerminal(2) && Terminal.environment("TERM") != "dumb"
    session.colourDiagnostics = Terminal.allowsColour(on: 2)
    session.engine.memoryBudget = memoryBudget
    // Predicate pushdown off, for measuring it (the results are the same either way).
    if Terminal.environment("HQ_PUSHDOWN") == "0" { session.engine.pushesPredicates = false }
    if let numbers = options.numbers { session.numbers = numbers }
    if let rows = options.maxRows { session.maxRows = rows }
    for (name, value) in options.parameters {
      session.engine.parameters[name] = Session.parameterValue(value)
      session.pinnedParameters.insert(name)
    }
    if !options.loads.isEmpty {
      // A one-shot run's statements are known: the CSV files parse only the columns they read.
      if let scriptText {
        session.plannedUnits = ScriptScanner.units(of: scriptText)
      } else if !options.commands.isEmpty {
        session.plannedUnits = options.commands.flatMap { ScriptScanner.units(of: $0) }
      }
      do throws(ShellError) {
        try session.load(paths: options.loads, names: options.loadNames, encodings: options.loadEncodings)
      } catch {
        session.show(error)
        // Ctrl-C while waiting on a FIFO or a slow pipe.
        return (Signals.wasInterrupted ? ExitStatus.interrupted : .failure).rawValue
      }
    }
    if let path = options.output {
      // As `.output FILE` before the first statement; completed by `finish()` below.
      do throws(ShellError) {
        try session.redirect(to: path, once: false, format: options.format, name: "--output", line: 1)
      } catch {
        session.show(error)
        return ExitStatus.failure.rawValue
      }
    }
    let outcome: Session.Outcome
    if let scriptText, let path = options.script {
      outcome = session.run(scriptText, name: path, keepGoing: options.keepGoing)
    } else if !options.commands.isEmpty {
      outcome = runCommands(options.commands, in: session, keepGoing: options.keepGoing)
    } else if interactive {
      outcome = REPL(session: session).run()
    } else {
      outcome = StandardInput.run(session, keepGoing: options.keepGoing)
    }
    // An open `.output` that cannot be completed (a full disk) fails the run.
    let completed = session.finish()
    // The process ends next (`main` is its entry point): the session's tables and reports are
    // left to the system instead of being freed object by object, which costs about 1 % of
    // loading a report. Its output is finished and flushed above.
    _ = Unmanaged.passRetained(session)
    let status = status(for: outcome)
    return (status == .success && !completed ? .failure : status).rawValue
  }

  static func runCommands(_ commands: [String], in session: Session, keepGoing: Bool) -> Session.Outcome {
    var result = Session.Outcome.success
    for command in commands {
      switch session.run(command, name: "<command>", keepGoing: keepGoing) {
      case .success: continue
      case .failure:
        result = .failure
        if !keepGoing { return .failure }
      case let other: return other
      }
    }
    return result
  }

  static func status(for outcome: Session.Outcome) -> ExitStatus {
    switch outcome {
    case .success, .quit, .outputClosed: .success
    case .failure, .outputFailed: .failure
    case .cancelled: .interrupted
    }
  }
}

/// Statements piped into hq (`echo 'from goals' | hq`): read as they arrive and run one
/// statement at a time, so a long stream needs no more memory than one statement.
///
/// A complete statement is held until the next non-blank line arrives, because a line that
/// starts with `|` still continues it (the same rule as in script files).
enum StandardInput {
  /// The longest line read from standard input (a statement can span lines; this bounds one).
  static let maxLineBytes = 256 << 20

  static func run(_ session: Session, keepGoing: Bool) -> Session.Outcome {
    var result = Session.Outcome.success
    var pending: [String] = []
    var firstLine = 1
    var lineNumber = 0

    func runPending() -> Session.Outcome {
      defer { pending = [] }
      var outcome = Session.Outcome.success
      for var unit in ScriptScanner.units(of: pending.joined(separator: "\n")) {
        unit.line += firstLine - 1
        switch session.run(unit, name: "<stdin>") {
        case .success: continue
        case .failure:
          outcome = .failure
          if !keepGoing { return .failure }
        case let other: return other
        }
      }
      return outcome
    }

    var reader = LineReader(
      descriptor: 0, maxLineBytes: min(session.loadLimits.maxPipedBytes, maxLineBytes),
      isCancelled: { Signals.wasInterrupted })
    while true {
      let line: String
      do throws(LineReader.Failure) {
        guard let next = try reader.next() else { break }
        line = next
      } catch {
        return failed(error, session: session, limit: reader.maxLineBytes)
      }
      lineNumber += 1
      if Signals.wasInterrupted { return .cancelled }
      let continues = line.drop { $0 == " " || $0 == "\t" }.first == "|"
      let blank = ScriptScanner.isBlankOrComment(Substring(line))
      if !pending.isEmpty, !blank, !continues, ScriptScanner.isComplete(pending.joined(separator: "\n")) {
        let outcome = runPending()
        if outcome == .failure {
          result = .failure
          if !keepGoing { return .failure }
        } else if outcome != .success {
          return outcome
        }
      }
      if pending.isEmpty {
        if blank { continue }
        firstLine = lineNumber
      }
      pending.append(line)
    }
    if Signals.wasInterrupted { return .cancelled }
    if !pending.isEmpty {
      let outcome = runPending()
      if outcome != .success { return outcome }
    }
    return result
  }

  /// The error for input that stopped early; Ctrl-C is `cancelled` as for a statement.
  private static func failed(_ failure: LineReader.Failure, session: Session, limit: Int) -> Session.Outcome {
    let name = "<stdin>"
    switch failure {
    case .interrupted:
      return .cancelled
    case .lineTooLong(let line):
      session.report(
        "line \(line) is longer than \(LoadLimits.describe(bytes: limit)) and reading stopped; expected statements (is standard input a device or a binary file?)",
        name: name, line: line)
    case .notText(let line, let column):
      session.show(DiagnosticError(
        file: name, line: line, column: column,
        "unexpected NUL byte; expected statements as text (is standard input a device or a binary file?)"))
    case .system(let code):
      session.show(DiagnosticError(file: "hq", "cannot read standard input: \(OutputFile.reason(code))"))
    }
    session.errors.flush()
    return .failure
  }
}
