#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQSyntax

/// What the shell knows that completion needs; ``Session`` provides it.
protocol CompletionProvider {
  var sourceNames: [String] { get }
  /// The columns at the end of a pipeline prefix (`from facts | where year == 2024`).
  func columns(afterPipelinePrefix prefix: String) -> [String]
  /// The distinct text values of `column` in the source the pipeline starts from.
  func values(of column: String, afterPipelinePrefix prefix: String) -> [String]
  /// The names of the `$parameters` that are set.
  var parameterNames: [String] { get }
  /// The functions defined with `let NAME(…) = …`.
  var functionNames: [String] { get }
}

extension CompletionProvider {
  var functionNames: [String] { [] }
}

/// Tab completion by context, independent of libedit so it can be tested with strings.
///
/// | Context | Candidates |
/// |---|---|
/// | start of a statement | `from`, `search`, `let` |
/// | after `\|` | stage keywords |
/// | after `from`, `join` | sources |
/// | in a stage (`where`, `select`, `by`, `sort`…) | the pipeline's columns and functions |
/// | inside `"…"` after `column ==`, `~`, `in [` | that column's values, folding case (and accents, one way, as `~`) |
/// | after `.` at the start | meta commands; after `.load`/`.run`/`.save`/`.output`… file paths |
enum Completion {
  struct Result: Equatable {
    /// Byte offset in the completed text where the word being completed starts.
    var replaceFrom: Int
    var candidates: [String]
    /// Added after a unique candidate: a space after a word, `"` after a value.
    var suffix: String = " "
  }

  static func complete(_ text: String, using provider: some CompletionProvider) -> Result {
    let lineStart = text.utf8.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1 } ?? 0
    let firstLine = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    if ScriptScanner.isMetaCommand(Substring(firstLine)), lineStart == 0 {
      return completeMeta(text, using: provider)
    }
    return completeStatement(text, using: provider)
  }

  /// Statements: the context comes from HQSyntax's `CompletionContext` (the parser's view of
  /// what fits at the cursor); the candidates from the session.
  private static func completeStatement(_ text: String, using provider: some CompletionProvider) -> Result {
    let context = CompletionContext.at(text: text)
    let from = context.prefixRange.start
    func names(_ columns: [String]) -> [String] {
      context.prefixIsBackquoted ? columns.map { $0 + "`" } : columns.map(quoteName)
    }
    var words: [String]
    var suffix = " "
    switch context.kind {
    case .statementStart, .stage, .keywords:
      words = context.keywordCandidates
      if case .stage = context.kind { words = words.map { $0.hasSuffix(" join") ? String($0.dropLast(" join".count)) : $0 } }
    case .source:
      words = provider.sourceNames.map { context.prefixIsBackquoted ? $0 + "`" : quoteName($0) }
    case .columns(let pipeline):
      words = names(provider.columns(afterPipelinePrefix: pipeline))
    case .expression(let pipeline, let aggregates, let windows):
      words = names(provider.columns(afterPipelinePrefix: pipeline))
      if !context.prefixIsBackquoted {
        words += (Functions.names + (aggregates ? Functions.aggregates : []) + (windows ? Functions.windows : []) + provider.functionNames)
          .map { $0 + "(" }
      }
    case .value(let column?, let pipeline, let quoted):
      let values = provider.values(of: column, afterPipelinePrefix: pipeline)
      words = values.sorted(by: Collation.areInIncreasingOrder).map { quoted ? $0 : quoteName($0) }
      if quoted { suffix = "\"" }
    case .parameter:
      words = provider.parameterNames
    case .value(nil, _, _), .nothing:
      words = []
    }
    let typed = FoldPattern(context.prefix)
    let matches = unique(words.filter { word in
      let bare = word.hasPrefix("`") ? String(word.dropFirst()) : word
      return typed.isPrefix(of: bare)
    })
    if matches.count == 1, let only = matches.first, only.hasSuffix("(") || only.hasSuffix("`") && context.prefixIsBackquoted {
      suffix = ""
    }
    return Result(replaceFrom: from, candidates: Array(matches.prefix(500)), suffix: suffix)
  }

  // MARK: - Contexts

  private static func completeMeta(_ text: String, using provider: some CompletionProvider) -> Result {
    let trimmed = text.drop { $0 == " " || $0 == "\t" }
    let offset = text.utf8.count - trimmed.utf8.count
    guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
      let names = MetaCommand.catalog.map { "." + $0.name }.filter { $0.hasPrefix(String(trimmed)) }
      return Result(replaceFrom: offset, candidates: names)
    }
    let command = trimmed[trimmed.index(after: trimmed.startIndex)..<space].lowercased()
    let wordStart = text.utf8.count - (text.split(separator: " ", omittingEmptySubsequences: false).last?.utf8.count ?? 0)
    let word = String(text.utf8.suffix(text.utf8.count - wordStart)) ?? ""
    let pool: [String]
    // Words typed before the one being completed, after the command.
    let earlier = trimmed[space...].split(whereSeparator: { $0 == " " || $0 == "\t" }).count - (word.isEmpty ? 0 : 1)
    switch command {
    case "output" where earlier >= 1, "once" where earlier >= 1:
      // `.output FILE FORMAT`: the format after the file name.
      pool = OutputFormat.allCases.map(\.rawValue)
    case "load" where earlier >= 1:
      pool = ["as", "encoding=utf-8", "encoding=cp1252"]
    case "load", "run", "read", "save", "output", "once", "export":
      let files = paths(matching: word)
      return Result(replaceFrom: wordStart, candidates: files, suffix: files.count == 1 && files[0].hasSuffix("/") ? "" : " ")
    case "help":
      pool = Help.pages.map(\.topic) + MetaCommand.catalog.map(\.name) + ["formats"] + OutputFormat.allCases.map(\.rawValue)
        + provider.functionNames
    case "format", "mode": pool = OutputFormat.allCases.map(\.rawValue)
    case "schema": pool = provider.sourceNames
    case "timer": pool = ["on", "off"]
    case "numbers": pool = NumberDisplay.allCases.map(\.rawValue)
    case "maxrows": pool = ["all"]
    default: pool = []
    }
    return Result(replaceFrom: wordStart, candidates: unique(pool.filter { $0.hasPrefix(word) }))
  }

  // MARK: - Helpers

  static func quoteName(_ name: String) -> String {
    let plain = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !(name.first?.isNumber ?? true)
    return plain ? name : "`" + name + "`"
  }

  /// File and directory names starting with `partial` (directories end in `/`).
  static func paths(matching partial: String) -> [String] {
    let slash = partial.lastIndex(of: "/")
    let directory = slash.map { String(partial[...$0]) } ?? ""
    let base = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
    var expanded = directory
    if directory.hasPrefix("~/"), let home = Terminal.environment("HOME") { expanded = home + directory.dropFirst() }
    guard let dir = opendir(expanded.isEmpty ? "." : expanded) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name == "." || name == ".." || (name.hasPrefix(".") && !base.hasPrefix(".")) { continue }
      guard name.hasPrefix(base) else { continue }
      var info = stat()
      let isDirectory = stat(expanded + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      names.append(directory + name + (isDirectory ? "/" : ""))
      if names.count > 1000 { break }
    }
    return names.sorted()
  }

  // MARK: - Presentation

  static func unique(_ words: [String]) -> [String] {
    var seen = Set<String>()
    return words.filter { seen.insert($0).inserted }
  }

  /// The longest prefix (in characters) shared by every candidate.
  static func commonPrefix(_ candidates: [String]) -> String {
    guard var prefix = candidates.first.map(Array.init) else { return "" }
    for candidate in candidates.dropFirst() {
      let chars = Array(candidate)
      var n = 0
      while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
      prefix = Array(prefix[..<n])
    }
    return String(prefix)
  }

  /// True when `typed` matches the start of `candidate` once case and diacritics are folded,
  /// so `lak` may be replaced by `Läk`.
  static func folds(_ typed: String, toPrefixOf candidate: String) -> Bool {
    FoldPattern(typed).isPrefix(of: candidate)
  }

  /// Candidates laid out in columns that fit `width`, as shells list them.
  static func columns(_ candidates: [String], width: Int) -> String {
    let shown = candidates.prefix(200)
    let cell = (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    let perLine = max(1, width / max(1, cell))
    var out = ""
    for (i, candidate) in shown.enumerated() {
      let last = i % perLine == perLine - 1 || i == shown.count - 1
      out += last ? candidate + "\n" : DisplayWidth.pad(candidate, to: cell, alignLeft: true)
    }
    if candidates.count > shown.count { out += "… and \(candidates.count - shown.count) more\n" }
    return out
  }
}
