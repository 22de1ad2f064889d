import ArgumentParser
import HQLoaders

/// The command line as swift-argument-parser declares it.
///
/// The generated help (``helpText``), the completion scripts
/// (`--generate-completion-script bash|zsh|fish`) and the usage errors with a did-you-mean all
/// come from these declarations. ``Options/parse(_:)`` turns a parse into ``Options``; the
/// pairing of `--as`/`--encoding` with the `--load` before them, which argument-parser does not
/// keep, is read from the order of the arguments (``LoadPairing``).
///
/// Every option takes the next argument as its value whatever it starts with (`-c '-1 + 2'`),
/// as hq always did; `--name=value` works for the long names.
struct HQArguments: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hq",
    abstract: "hq — query Swedish regional and municipal reports as data",
    usage: """
      hq                          interactive shell on a terminal; statements from stdin otherwise
      hq FILE.hq [options]        run a script (also as #!/usr/bin/env hq)
      hq -c STATEMENT [-c …]      run statements given on the command line
      """,
    // `-h`/`--help` is declared below so the help can end with the examples (``helpText``).
    helpNames: [])

  @Argument(
    help: ArgumentHelp("A script to run; '-' reads standard input.", valueName: "file.hq"),
    completion: .file(extensions: ["hq"]))
  var script: String?

  @Option(
    name: [.customShort("c"), .customLong("command")], parsing: .unconditionalSingleValue,
    help: ArgumentHelp("Run STATEMENT (repeatable; run in order).", valueName: "statement"))
  var commands: [String] = []

  @Option(
    name: [.customShort("f"), .long], parsing: .unconditional,
    help: ArgumentHelp(
      """
      Output format: table, csv, csv-sv, tsv, json, ndjson, markdown, line, xlsx, svg (default: \
      table on a terminal, csv otherwise; csv-sv is Swedish Excel's: ';', decimal comma, byte \
      order mark; svg draws charts: a pipeline ending in | chart …).
      """, valueName: "format"),
    completion: .list(OutputFormat.allCases.map(\.rawValue)))
  var format: String?

  @Option(
    name: [.customShort("o"), .long], parsing: .unconditional,
    help: ArgumentHelp(
      """
      Write the results to FILE, atomically; the format is its extension's (.csv .tsv .json \
      .ndjson .md .xlsx; a chart .svg .png) unless --format names one; xlsx only goes to a file.
      """, valueName: "file"),
    completion: .file())
  var output: String?

  @Option(
    name: [.customShort("s"), .customLong("set")], parsing: .unconditionalSingleValue,
    help: ArgumentHelp("Set the parameter $NAME (a number if it reads as one); repeatable.", valueName: "name=value"))
  var parameters: [String] = []

  @Option(
    name: [.customShort("l"), .customLong("load")], parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      """
      Load a report text (.txt/.pdf), table (.csv/.tsv) or model (.json); repeatable. A pipe or \
      FIFO is read to its end.
      """, valueName: "path"),
    completion: .file())
  var loads: [String] = []

  @Option(
    name: .customLong("as"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      """
      After --load: the table name; NAME.csv (.tsv, .txt, …) also gives the kind, for names \
      without one: --load <(gen) --as k.csv.
      """, valueName: "name"))
  var loadNames: [String] = []

  @Option(
    name: .customLong("encoding"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      """
      After --load of a .csv/.tsv: utf-8 or cp1252 (Windows-1252); without it a file that is \
      not UTF-8 is read as cp1252, with a note.
      """, valueName: "enc"),
    completion: .list(["utf-8", "cp1252"]))
  var loadEncodings: [String] = []

  @Option(
    name: .customLong("numbers"), parsing: .unconditional,
    help: ArgumentHelp(
      "How table and line output show numbers: plain (2381640.5, the default) or sv (2 381 640,5), as .numbers does.",
      valueName: "plain|sv"),
    completion: .list(["plain", "sv"]))
  var numbers: String?

  @Option(
    name: .customLong("maxrows"), parsing: .unconditional,
    help: ArgumentHelp(
      "The most rows a result shows on a terminal (default 40; all: every row), as .maxrows does; files and pipes get every row.",
      valueName: "n|all"))
  var maxRows: String?

  @Flag(name: [.customShort("k"), .long], help: "In scripts, run the remaining statements after a failure.")
  var keepGoing = false

  @Flag(name: [.customShort("h"), .customLong("help")], help: "Show this help.")
  var showHelp = false

  @Flag(name: [.customShort("V"), .customLong("version")], help: "Show the version.")
  var showVersion = false

  /// `hq --help`: argument-parser's help for the declarations above, then the examples, the
  /// environment variables and the exit statuses.
  static var helpText: String {
    helpMessage(columns: 100) + "\n" + helpEpilogue
  }

  static let helpEpilogue = """
    EXAMPLES:
      hq
      hq -c 'from facts | where year == 2024 | summarize total = sum(value) by indicator'
      hq -c 'from goals | count' --format json
      hq Scripts/examples/year-over-year.hq --set from=2017 --set to=2024
      echo 'from reports' | hq --format markdown
      hq Scripts/examples/deviations-chart.hq --format svg > deviations.svg
      hq --load kolada.csv -c 'from kolada | take 5'
      hq --load <(gen) --as k.csv --load data.csv --encoding cp1252 -c '.tables'
      hq -c 'from goals' -c 'from reports' --output bok.xlsx
      hq --generate-completion-script bash > ~/.local/share/bash-completion/completions/hq

    ENVIRONMENT:
      HQ_HISTORY                  the shell's history file (default ~/.hq_history)
      HQ_PDFTOTEXT                the pdftotext to run (default: found on PATH)
      HQ_PDFTOTEXT_TIMEOUT        seconds pdftotext may take per PDF (default 600)
      HQ_RSVG_CONVERT             the rsvg-convert that draws .png charts (default: found on PATH)
      NO_COLOR                    set (not empty): charts on a terminal without colour
      HQ_MAX_PIPE_INPUT           most bytes read from a pipe, e.g. 512M (default 4G or RAM/4)
      HQ_MEMORY_LIMIT             most memory a join may use, e.g. 8G (default RAM/2)
      HQ_PROGRESS_AFTER           seconds a load runs before its progress line shows (default 1)
      HQ_PUSHDOWN                 0: build every column a filtered one-shot statement reads
                                  for all rows (for measuring; the results are the same)

    EXIT STATUS: 0 success, 1 a statement failed, 2 usage error, 130 interrupted (Ctrl-C).
    Inside the shell, .help lists the stages, functions and commands.

    """
}
