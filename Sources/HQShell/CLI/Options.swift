import HQLoaders

/// The command line, as hq runs it: parsed by swift-argument-parser from the declarations in
/// ``HQArguments`` (the help, completion scripts and usage errors come from there).
///
///     hq [FILE.hq | -] [-c STATEMENT]… [--format F] [--output FILE] [--set NAME=VALUE]…
///        [--load PATH [--as NAME] [--encoding ENC]]… [--numbers plain|sv] [--maxrows N|all]
///        [--keep-going] [--help] [--version]
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
  /// `--numbers plain|sv` (nil: not given).
  public var numbers: NumberDisplay?
  /// `--maxrows N|all`: nil when not given, `.some(nil)` for all.
  public var maxRows: Int??
  public var keepGoing = false
  public var help = false
  public var version = false

  public init() {}

  public static func == (a: Options, b: Options) -> Bool {
    a.script == b.script && a.commands == b.commands && a.format == b.format && a.output == b.output
      && a.loadEncodings == b.loadEncodings
      && a.parameters.map(\.name) == b.parameters.map(\.name) && a.parameters.map(\.value) == b.parameters.map(\.value)
      && a.loads == b.loads && a.loadNames == b.loadNames && a.keepGoing == b.keepGoing && a.help == b.help && a.version == b.version
      && a.exitText == b.exitText && a.numbers == b.numbers && a.maxRows == b.maxRows
  }

  /// Text to print on standard output instead of running: the help (`-h`), the version
  /// (`-V`) or a completion script (`--generate-completion-script bash|zsh|fish`).
  public var exitText: String?

  /// Parses the arguments after the program name with swift-argument-parser (``HQArguments``).
  /// Usage errors (exit status 2) throw, with argument-parser's message (which names the
  /// nearest flag for a mistyped one) or hq's.
  public static func parse(_ arguments: [String]) throws(ShellError) -> Options {
    let parsed: HQArguments
    do {
      parsed = try HQArguments.parse(arguments)
    } catch {
      let text = HQArguments.fullMessage(for: error)
      // Only the completion script request ends argument-parser's parse cleanly here (the
      // help and the version are hq's own flags).
      guard HQArguments.exitCode(for: error) == .success else {
        throw ShellError(HQArguments.message(for: error))
      }
      var options = Options()
      options.exitText = text.hasSuffix("\n") ? text : text + "\n"
      return options
    }
    var options = Options()
    if parsed.showHelp {
      options.help = true
      options.exitText = HQArguments.helpText
      return options
    }
    if parsed.showVersion {
      options.version = true
      options.exitText = "hq \(HQCommand.version)\n"
      return options
    }
    options.script = parsed.script
    options.commands = parsed.commands
    options.output = parsed.output
    options.keepGoing = parsed.keepGoing
    if let name = parsed.format { options.format = try MetaCommand.format(name) }
    // The same words as `.numbers` and `.maxrows` (``MetaCommand``).
    if let value = parsed.numbers {
      guard let display = NumberDisplay(name: value) else {
        throw ShellError("--numbers takes plain (2381640.5) or sv (2 381 640,5); '\(value)' is neither")
      }
      options.numbers = display
    }
    if let value = parsed.maxRows {
      guard let rows = MetaCommand.rowLimit(value) else {
        throw ShellError("--maxrows takes a number of rows (--maxrows 100) or all (every row); '\(value)' is neither")
      }
      options.maxRows = .some(rows)
    }
    for assignment in parsed.parameters {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw ShellError("--set takes NAME=VALUE, got '\(assignment)'")
      }
      let name = String(assignment[..<equals])
      options.parameters.append((name.hasPrefix("$") ? String(name.dropFirst()) : name, String(assignment[assignment.index(after: equals)...])))
    }
    var encodings: [TextEncoding] = []
    for name in parsed.loadEncodings {
      guard let encoding = TextEncoding(name: name) else {
        throw ShellError("unknown encoding '\(name)'; choose one of: \(TextEncoding.names)")
      }
      encodings.append(encoding)
    }
    let pairing = try LoadPairing(arguments, loads: parsed.loads.count, names: parsed.loadNames.count, encodings: encodings.count)
    options.loads = parsed.loads
    options.loadNames = pairing.nameIndex.map { $0.map { parsed.loadNames[$0] } }
    options.loadEncodings = pairing.encodingIndex.map { $0.map { encodings[$0] } }
    if options.script != nil && !options.commands.isEmpty {
      throw ShellError("give either a script file or -c statements, not both")
    }
    if options.output == nil && (options.format == .xlsx) {
      throw ShellError("--format xlsx writes an Excel file, not standard output; name it with --output FILE.xlsx")
    }
    return options
  }
}

/// Which `--load` each `--as NAME` and `--encoding ENC` belongs to: the `--load` before it,
/// as hq has always read them (`--load a.csv --as a --load b.csv --encoding cp1252`).
/// argument-parser collects each option's values in order but not their places among the
/// others, so the places are read here from the arguments, token by token as argument-parser
/// splits them (an option without `=value` takes the next argument; `--` ends the options).
struct LoadPairing {
  /// For each `--load`, the index of its `--as` value, or nil.
  var nameIndex: [Int?] = []
  /// For each `--load`, the index of its `--encoding` value, or nil.
  var encodingIndex: [Int?] = []

  /// The options that take a value, as they may be written.
  static let valueOptions: Set<String> = [
    "-c", "--command", "-f", "--format", "-o", "--output", "-s", "--set", "-l", "--load", "--as", "--encoding",
    "--numbers", "--maxrows",
  ]

  /// - Parameters: the counts are those argument-parser found; a different count here (an
  ///   unusual spelling such as short options run together) is a usage error rather than a guess.
  init(_ arguments: [String], loads: Int, names: Int, encodings: Int) throws(ShellError) {
    var rest = arguments[...]
    var nameCount = 0
    var encodingCount = 0
    while let argument = rest.popFirst(), argument != "--" {
      guard argument.hasPrefix("-"), argument != "-" else { continue }
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      let inline = argument.contains("=")
      guard Self.valueOptions.contains(name) else { continue }
      if !inline { _ = rest.popFirst() }
      switch name {
      case "-l", "--load":
        nameIndex.append(nil)
        encodingIndex.append(nil)
      case "--as":
        guard nameIndex.last == .some(nil) else {
          throw ShellError("--as NAME names the file of the --load just before it (--load PATH --as NAME)")
        }
        nameIndex[nameIndex.count - 1] = nameCount
        nameCount += 1
      case "--encoding":
        guard encodingIndex.last == .some(nil) else {
          throw ShellError("--encoding ENC gives the encoding of the --load just before it (--load PATH --encoding cp1252)")
        }
        encodingIndex[encodingIndex.count - 1] = encodingCount
        encodingCount += 1
      default: break
      }
    }
    guard nameIndex.count == loads, nameCount == names, encodingCount == encodings else {
      throw ShellError("write --load PATH, --as NAME and --encoding ENC as separate arguments, each --as and --encoding after its --load")
    }
  }
}
