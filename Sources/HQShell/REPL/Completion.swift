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
}

/// Tab completion by context, independent of libedit so it can be tested with strings.
///
/// | Context | Candidates |
/// |---|---|
/// | start of a statement | `from`, `search`, `let` |
/// | after `\|` | stage keywords |
/// | after `from`, `join` | sources |
/// | in a stage (`where`, `select`, `by`, `sort`…) | the pipeline's columns and functions |
/// | inside `"…"` after `column ==`, `~`, `in [` | that column's values, folding case and diacritics |
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
    if let open = openStringStart(text) {
      return completeValue(text, quote: open, using: provider)
    }
    let wordStart = Self.wordStart(text)
    let word = String(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: wordStart)...]) ?? ""
    let before = String(text.utf8.prefix(wordStart)) ?? ""
    let previous = lastToken(before)
    let words: [String]
    switch previous?.lowercased() {
    case nil, ";": words = Keywords.statementStarts
    case "|": words = Keywords.stages.filter { !$0.contains(" ") } + ["left"]
    case "left": words = ["join"]
    case "from", "join": words = provider.sourceNames
    default:
      let pipeline = pipelinePrefix(before)
      words = provider.columns(afterPipelinePrefix: pipeline).map(quoteName) + Functions.all.map { $0 + "(" }
    }
    let typed = Collation.fold(word.hasPrefix("`") ? String(word.dropFirst()) : word)
    let matches = words.filter { Collation.fold($0.hasPrefix("`") ? String($0.dropFirst()) : $0).starts(with: typed) }
    return Result(
      replaceFrom: wordStart, candidates: unique(matches),
      suffix: matches.count == 1 && matches[0].hasSuffix("(") ? "" : " ")
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
    switch command {
    case "load", "run", "read", "save", "output", "once", "export":
      let files = paths(matching: word)
      return Result(replaceFrom: wordStart, candidates: files, suffix: files.count == 1 && files[0].hasSuffix("/") ? "" : " ")
    case "help": pool = Help.pages.map(\.topic) + MetaCommand.catalog.map(\.name) + ["format"]
    case "format", "mode": pool = OutputFormat.allCases.map(\.rawValue)
    case "schema": pool = provider.sourceNames
    case "timer": pool = ["on", "off"]
    default: pool = []
    }
    return Result(replaceFrom: wordStart, candidates: unique(pool.filter { $0.hasPrefix(word) }))
  }

  /// Inside a string after `column ==`, `!=`, `~`, `!~` or `column in [ …`: that column's values.
  private static func completeValue(_ text: String, quote: Int, using provider: some CompletionProvider) -> Result {
    let partial = String(text.utf8.dropFirst(quote + 1)) ?? ""
    let before = String(text.utf8.prefix(quote)) ?? ""
    guard let column = comparedColumn(before) else { return Result(replaceFrom: quote + 1, candidates: []) }
    let values = provider.values(of: column, afterPipelinePrefix: pipelinePrefix(before))
    let folded = Collation.fold(partial)
    let matches = values.filter { Collation.fold($0).starts(with: folded) }
    let sorted = matches.sorted(by: Collation.areInIncreasingOrder)
    return Result(replaceFrom: quote + 1, candidates: Array(sorted.prefix(500)), suffix: "\"")
  }

  /// The column named before a comparison or `in [` list that ends `text`.
  static func comparedColumn(_ text: String) -> String? {
    var rest = Substring(text)
    func dropSpaces() { rest = rest.dropLast(rest.reversed().prefix { $0 == " " || $0 == "\t" || $0 == "\n" }.count) }
    dropSpaces()
    if rest.hasSuffix("[") || rest.hasSuffix(",") {
      guard let bracket = rest.lastIndex(of: "[") else { return nil }
      rest = rest[..<bracket]
      dropSpaces()
      guard rest.lowercased().hasSuffix("in") else { return nil }
      rest = rest.dropLast(2)
    } else {
      let ops = rest.reversed().prefix { "=!~<>".contains($0) }.count
      guard ops > 0 else { return nil }
      rest = rest.dropLast(ops)
    }
    dropSpaces()
    if rest.hasSuffix("`"), let open = rest.dropLast().lastIndex(of: "`") {
      return String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
    }
    let name = rest.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name.reversed())
  }

  // MARK: - Scanning helpers

  /// The byte offset of the `"` that opens a string still open at the end of `text`.
  static func openStringStart(_ text: String) -> Int? {
    var open: Int?
    var inComment = false
    var escaped = false
    var backquote = false
    for (offset, byte) in text.utf8.enumerated() {
      if inComment {
        if byte == UInt8(ascii: "\n") { inComment = false }
        continue
      }
      if open != nil {
        if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { open = nil }
        continue
      }
      if backquote {
        if byte == UInt8(ascii: "`") { backquote = false }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): open = offset
      case UInt8(ascii: "`"): backquote = true
      case UInt8(ascii: "#"): inComment = true
      default: break
      }
    }
    return open
  }

  /// Where the identifier-like word before the end of `text` starts (byte offset).
  static func wordStart(_ text: String) -> Int {
    let utf8 = Array(text.utf8)
    var i = utf8.count
    while i > 0 {
      let b = utf8[i - 1]
      let isWordByte = b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x60 || b == 0x24
      if !isWordByte { break }
      i -= 1
    }
    return i
  }

  /// The last token before the word being completed: `|`, `;`, a keyword or another word.
  static func lastToken(_ text: String) -> String? {
    let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    guard let last = trimmed.first else { return nil }
    if !(last.isLetter || last.isNumber || last == "_") { return String(last) }
    return String(trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
  }

  /// The pipeline up to (not including) the stage being typed: text before the last `|`
  /// outside strings, from the start of the statement.
  static func pipelinePrefix(_ text: String) -> String {
    var lastPipe: String.Index?
    var statementStart = text.startIndex
    var inString = false
    var index = text.startIndex
    while index < text.endIndex {
      let c = text[index]
      if inString {
        if c == "\"" { inString = false }
      } else if c == "\"" {
        inString = true
      } else if c == "|" {
        lastPipe = index
      } else if c == ";" {
        statementStart = text.index(after: index)
        lastPipe = nil
      }
      index = text.index(after: index)
    }
    guard let lastPipe else { return String(text[statementStart...]) }
    return String(text[statementStart..<lastPipe])
  }

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
    Collation.fold(candidate).starts(with: Collation.fold(typed)) && Collation.fold(typed).count <= Collation.fold(candidate).count
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
