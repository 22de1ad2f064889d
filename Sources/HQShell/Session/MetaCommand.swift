import HQSyntax

import HQLoaders

/// A shell command starting with `.`, as typed at the prompt or written in a script.
///
/// The set is closed, so it is an enum; ``parse(_:)`` reports a wrong name with the nearest
/// real one.
public enum MetaCommand: Sendable, Equatable {
  case help(topic: String?)
  case tables
  case schema(source: String?)
  case reports
  /// `.load PATH [as NAME] [encoding=ENC]`.
  case load(path: String, name: String?, encoding: TextEncoding? = nil)
  /// `.run FILE name=value …`: the values are the caller's, over the script's `.set`.
  case run(path: String, parameters: [Parameter] = [])
  /// `.save FILE` (the smallest script for the last result) or `.save FILE all`.
  case save(path: String, all: Bool = false)
  /// `.output [FILE [FORMAT]]`: without a format, the file's extension says (``OutputFormat/forFile(_:explicit:current:)``).
  case output(path: String?, format: OutputFormat? = nil)
  /// `.once FILE [FORMAT]`.
  case once(path: String, format: OutputFormat? = nil)
  case format(OutputFormat?)
  case set(name: String, value: String)
  case unset(name: String)
  case vars
  case timer(Bool)
  /// `.maxrows [N|all]`: how many rows a result shows on a terminal (nil: show the setting).
  case maxRows(Int??)
  /// `.numbers [plain|sv]`: how `table` and `line` show numbers (nil: show the setting).
  case numbers(NumberDisplay?)
  case quit
  case export(path: String)

  /// Every command name with its arguments and a one-line summary: `.help` and completion.
  public static let catalog: [(name: String, usage: String, summary: String)] = [
    ("help", ".help [TOPIC]", "this list, or the page for a stage, function, format or command"),
    ("tables", ".tables", "the sources you can query, with row counts"),
    ("schema", ".schema [SOURCE]", "the columns, types and roles of one source, or of all (and units, for a CSV's 5,8 % or 12 450 tkr)"),
    ("reports", ".reports", "the loaded reports"),
    ("load", ".load PATH [as NAME] [encoding=E]", "load a report text (.txt/.pdf), a table (.csv/.tsv) or a model (.json); also a pipe"),
    ("run", ".run FILE [NAME=VALUE …]", "run an .hq script; NAME=VALUE sets $NAME over the script's own .set"),
    ("save", ".save FILE [all]", "save the smallest script that gives the last result again (with all: the whole session)"),
    ("output", ".output [FILE [FORMAT]]", "send results to FILE (format from its extension: .csv .tsv .json .ndjson .md .xlsx; a chart .svg .png), or back with no FILE"),
    ("once", ".once FILE [FORMAT]", "send only the next result to FILE (format from its extension, as .output; .once chart.svg draws a chart)"),
    ("format", ".format [FORMAT]", "show or set the output format: \(OutputFormat.names)"),
    ("set", ".set NAME VALUE", "set the parameter $NAME (a number if it reads as one); --set on the command line wins"),
    ("unset", ".unset NAME", "remove the parameter $NAME"),
    ("vars", ".vars", "the parameters that are set"),
    ("timer", ".timer on|off", "show how long each statement took"),
    ("maxrows", ".maxrows [N|all]", "show at most N rows of a result on a terminal (40; all or 0: every row); files and pipes get every row"),
    ("numbers", ".numbers [plain|sv]", "show numbers in table and line output plain (2381640.5) or Swedish (2 381 640,5)"),
    ("export", ".export FILE", "write the loaded reports as a JSON model file (.load reads it back)"),
    ("quit", ".quit", "leave hq (Ctrl-D does the same)"),
  ]

  /// Parses one meta-command line (leading `.` included).
  public static func parse(_ line: String) throws(ShellError) -> MetaCommand {
    let words = Self.words(line.drop { $0 == " " || $0 == "\t" }.dropFirst())
    guard let name = words.first?.lowercased() else { throw ShellError("expected a command after '.'") }
    let args = Array(words.dropFirst())
    func one(_ what: String) throws(ShellError) -> String {
      guard args.count == 1 else { throw ShellError(".\(name) takes \(what)") }
      return args[0]
    }
    switch name {
    case "help", "h":
      return .help(topic: args.isEmpty ? nil : args.joined(separator: " "))
    case "tables": return .tables
    case "schema": return .schema(source: args.first)
    case "reports": return .reports
    case "load":
      var rest = args
      var encoding: TextEncoding?
      if let last = rest.last, rest.count > 1, last.lowercased().hasPrefix("encoding=") {
        let value = String(last.dropFirst("encoding=".count))
        guard let named = TextEncoding(name: value) else {
          throw ShellError("unknown encoding '\(value)'; choose one of: \(TextEncoding.names)")
        }
        encoding = named
        rest.removeLast()
      }
      if rest.count == 1 { return .load(path: rest[0], name: nil, encoding: encoding) }
      if rest.count == 3, rest[1].lowercased() == "as" { return .load(path: rest[0], name: rest[2], encoding: encoding) }
      throw ShellError(".load takes PATH [as NAME] [encoding=utf-8|cp1252]")
    case "run", "read":
      guard let path = args.first else { throw ShellError(".run takes a script file and NAME=VALUE parameters") }
      var parameters: [Parameter] = []
      for argument in args.dropFirst() {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
          throw ShellError(".run takes a script file and NAME=VALUE parameters; '\(argument)' has no '='")
        }
        parameters.append(Parameter(
          name: Self.parameterName(String(argument[..<equals])), value: String(argument[argument.index(after: equals)...])))
      }
      return .run(path: path, parameters: parameters)
    case "save":
      if args.count == 2, args[1].lowercased() == "all" { return .save(path: args[0], all: true) }
      return .save(path: try one("a file name, and 'all' for the whole session"))
    case "output":
      if args.isEmpty { return .output(path: nil) }
      guard args.count <= 2 else { throw ShellError(".output takes at most a file name and a format") }
      return .output(path: args[0], format: try args.count == 2 ? format(args[1]) : nil)
    case "once":
      guard args.count == 1 || args.count == 2 else { throw ShellError(".once takes a file name and, optionally, a format") }
      return .once(path: args[0], format: try args.count == 2 ? format(args[1]) : nil)
    case "format", "mode":
      if args.isEmpty { return .format(nil) }
      return .format(try format(try one("one of: \(OutputFormat.names)")))
    case "set":
      guard args.count >= 2 else { throw ShellError(".set takes NAME VALUE") }
      return .set(name: Self.parameterName(args[0]), value: args.dropFirst().joined(separator: " "))
    case "unset": return .unset(name: Self.parameterName(try one("a parameter name")))
    case "vars": return .vars
    case "timer":
      switch try one("on or off").lowercased() {
      case "on": return .timer(true)
      case "off": return .timer(false)
      default: throw ShellError(".timer takes on or off")
      }
    case "maxrows":
      if args.isEmpty { return .maxRows(nil) }
      let value = try one("a number of rows, or all")
      guard let rows = rowLimit(value) else {
        throw ShellError(".maxrows takes a number of rows (.maxrows 100) or all (every row); '\(value)' is neither")
      }
      return .maxRows(.some(rows))
    case "numbers":
      if args.isEmpty { return .numbers(nil) }
      let value = try one("plain or sv")
      guard let display = NumberDisplay(name: value) else {
        throw ShellError(".numbers takes plain (2381640.5) or sv (2 381 640,5); '\(value)' is neither")
      }
      return .numbers(display)
    case "quit", "exit", "q": return .quit
    case "export": return .export(path: try one("a file name"))
    default:
      let names = catalog.map(\.name)
      let hint = Suggestions.nearest(to: name, in: names).map { "did you mean '.\($0)'?" } ?? ".help lists the commands"
      throw ShellError("unknown command '.\(name)'", help: hint)
    }
  }

  /// A `.maxrows`/`--maxrows` value: a positive count, or nil (every row) for `all` or `0`;
  /// nil as the outer value when it is neither.
  static func rowLimit(_ value: String) -> Int?? {
    if value.lowercased() == "all" || value == "0" { return .some(nil) }
    guard let rows = Int(value), rows > 0 else { return nil }
    return .some(rows)
  }

  /// The format named `value`, or an error listing the names (with the nearest one).
  static func format(_ value: String) throws(ShellError) -> OutputFormat {
    guard let format = OutputFormat(name: value) else {
      let hint = Suggestions.nearest(to: value, in: OutputFormat.allCases.map(\.rawValue)).map { "did you mean '\($0)'? " } ?? ""
      throw ShellError("unknown format '\(value)'; \(hint)choose one of: \(OutputFormat.names)")
    }
    return format
  }

  /// A parameter given to `.run`.
  public struct Parameter: Sendable, Equatable {
    public var name: String
    public var value: String
  }

  /// `$year` and `year` name the same parameter.
  static func parameterName(_ word: String) -> String {
    word.hasPrefix("$") ? String(word.dropFirst()) : word
  }

  /// Splits on blanks; `"…"` or `'…'` keeps a file name with spaces together.
  static func words(_ text: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    var quote: Character?
    var started = false
    for c in text {
      if let q = quote {
        if c == q { quote = nil } else { current.append(c) }
      } else if c == "\"" || c == "'" {
        quote = c
        started = true
      } else if c == " " || c == "\t" {
        if started { words.append(current) }
        current = ""
        started = false
      } else {
        current.append(c)
        started = true
      }
    }
    if started { words.append(current) }
    return words
  }
}

/// "Did you mean …" for names typed wrong: the one rule of HQSyntax's ``Suggestion``.
enum Suggestions {
  static func nearest(to word: String, in candidates: [String]) -> String? {
    Suggestion.bestMatch(for: word, in: candidates)
  }
}
