import HQLoaders

/// The command line, parsed by hand (a handful of flags; no dependency needed).
///
///     hq [FILE.hq | -] [-c STATEMENT]… [--format F] [--output FILE] [--set NAME=VALUE]…
///        [--load PATH [--as NAME] [--encoding ENC]]… [--keep-going] [--help] [--version]
public struct Options: Sendable, Equatable {
  public var script: String?
  public var commands: [String] = []
  public var format: OutputFormat?
  /// `--output FILE`: the results go to FILE, in the format its extension names unless
  /// `--format` names one (as `.output FILE` in a script).
  public var output: String?
  public var parameters: [(name: String, value: String)] = []
  public var loads: [String] = []
  /// What each of ``loads`` is loaded as (`--as NAME` after its `--load`), nil where not
  /// given; always as long as ``loads``.
  public var loadNames: [String?] = []
  /// The encoding of each of ``loads`` (`--encoding ENC` after its `--load`), nil where not
  /// given; always as long as ``loads``.
  public var loadEncodings: [TextEncoding?] = []
  public var keepGoing = false
  public var help = false
  public var version = false

  public init() {}

  public static func == (a: Options, b: Options) -> Bool {
    a.script == b.script && a.commands == b.commands && a.format == b.format && a.output == b.output
      && a.loadEncodings == b.loadEncodings
      && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
      && a.loads == b.loads && a.loadNames == b.loadNames && a.keepGoing == b.keepGoing && a.help == b.help && a.version == b.version
  }

  /// Parses the arguments after the program name. Usage errors (exit status 2) throw.
  public static func parse(_ arguments: [String]) throws(ShellError) -> Options {
    var options = Options()
    var rest = arguments[...]
    var onlyFiles = false
    func value(for flag: String, inline: String?) throws(ShellError) -> String {
      if let inline { return inline }
      guard let next = rest.popFirst() else { throw ShellError("\(flag) needs a value") }
      return next
    }
    while let argument = rest.popFirst() {
      if onlyFiles || argument == "-" || !argument.hasPrefix("-") {
        // With `#!/usr/bin/env hq`, the kernel passes the script path first; later words
        // are arguments to the script, which hq does not take.
        guard options.script == nil else {
          throw ShellError("unexpected argument '\(argument)' (only one script file can be run)")
        }
        options.script = argument
        continue
      }
      var flag = argument
      var inline: String?
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        flag = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      switch flag {
      case "--": onlyFiles = true
      case "-c", "--command": options.commands.append(try value(for: flag, inline: inline))
      case "-f", "--format":
        options.format = try MetaCommand.format(try value(for: flag, inline: inline))
      case "-o", "--output":
        options.output = try value(for: flag, inline: inline)
      case "-s", "--set":
        let assignment = try value(for: flag, inline: inline)
        guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
          throw ShellError("--set takes NAME=VALUE, got '\(assignment)'")
        }
        let name = String(assignment[..<equals])
        options.parameters.append((name.hasPrefix("$") ? String(name.dropFirst()) : name, String(assignment[assignment.index(after: equals)...])))
      case "-l", "--load":
        options.loads.append(try value(for: flag, inline: inline))
        options.loadNames.append(nil)
        options.loadEncodings.append(nil)
      case "--encoding":
        let name = try value(for: flag, inline: inline)
        guard options.loadEncodings.last == .some(nil) else {
          throw ShellError("--encoding ENC gives the encoding of the --load just before it (--load PATH --encoding cp1252)")
        }
        guard let encoding = TextEncoding(name: name) else {
          throw ShellError("unknown encoding '\(name)'; choose one of: \(TextEncoding.names)")
        }
        options.loadEncodings[options.loadEncodings.count - 1] = encoding
      case "--as":
        let name = try value(for: flag, inline: inline)
        guard options.loadNames.last == .some(nil) else {
          throw ShellError("--as NAME names the file of the --load just before it (--load PATH --as NAME)")
        }
        options.loadNames[options.loadNames.count - 1] = name
      case "-k", "--keep-going": options.keepGoing = true
      case "-h", "--help": options.help = true
      case "-V", "--version": options.version = true
      default:
        let flags = ["--command", "--format", "--output", "--set", "--load", "--as", "--encoding", "--keep-going", "--help", "--version"]
        let hint = Suggestions.nearest(to: flag, in: flags).map { "; did you mean '\($0)'?" } ?? ""
        throw ShellError("unknown option '\(flag)'\(hint)")
      }
    }
    if options.script != nil && !options.commands.isEmpty {
      throw ShellError("give either a script file or -c statements, not both")
    }
    if options.output == nil && (options.format == .xlsx) {
      throw ShellError("--format xlsx writes an Excel file, not standard output; name it with --output FILE.xlsx")
    }
    return options
  }

  public static let usage = """
    hq — query Swedish regional and municipal reports as data

    Usage:
      hq                          interactive shell on a terminal; statements from stdin otherwise
      hq FILE.hq [options]        run a script (also as #!/usr/bin/env hq)
      hq -c STATEMENT [-c …]      run statements given on the command line

    Options:
      -c, --command STATEMENT     run STATEMENT (repeatable; run in order)
      -f, --format FORMAT         output format: table, csv, csv-sv, tsv, json, ndjson, markdown,
                                  line, xlsx, svg (default: table on a terminal, csv otherwise;
                                  csv-sv is Swedish Excel's: ';', decimal comma, byte order mark;
                                  svg draws charts: a pipeline ending in | chart …)
      -o, --output FILE           write the results to FILE, atomically; the format is its
                                  extension's (.csv .tsv .json .ndjson .md .xlsx; a chart .svg
                                  .png) unless --format names one; xlsx only goes to a file
      -s, --set NAME=VALUE        set the parameter $NAME (a number if it reads as one)
      -l, --load PATH             load a report text (.txt/.pdf), table (.csv/.tsv) or model (.json);
                                  a pipe or FIFO is read to its end
          --as NAME               after --load: the table name; NAME.csv (.tsv, .txt, …) also
                                  gives the kind, for names without one: --load <(gen) --as k.csv
          --encoding ENC          after --load of a .csv/.tsv: utf-8 or cp1252 (Windows-1252);
                                  without it a file that is not UTF-8 is read as cp1252, with a note
      -k, --keep-going            in scripts, run the remaining statements after a failure
      -h, --help                  show this help
      -V, --version               show the version

    Examples:
      hq
      hq -c 'from facts | where year == 2024 | summarize total = sum(value) by indicator'
      hq -c 'from goals | count' --format json
      hq Scripts/examples/year-over-year.hq --set from=2017 --set to=2024
      echo 'from reports' | hq --format markdown
      hq Scripts/examples/deviations-chart.hq --format svg > deviations.svg
      hq --load kolada.csv -c 'from kolada | take 5'
      hq -c 'from goals' -c 'from reports' --output bok.xlsx

    Environment:
      HQ_HISTORY                  the shell's history file (default ~/.hq_history)
      HQ_PDFTOTEXT                the pdftotext to run (default: found on PATH)
      HQ_PDFTOTEXT_TIMEOUT        seconds pdftotext may take per PDF (default 600)
      HQ_RSVG_CONVERT             the rsvg-convert that draws .png charts (default: found on PATH)
      NO_COLOR                    set (not empty): charts on a terminal without colour
      HQ_MAX_PIPE_INPUT           most bytes read from a pipe, e.g. 512M (default 4G or RAM/4)
      HQ_MEMORY_LIMIT             most memory a join may use, e.g. 8G (default RAM/2)

    Exit status: 0 success, 1 a statement failed, 2 usage error, 130 interrupted (Ctrl-C).
    Inside the shell, .help lists the stages, functions and commands.

    """
}
