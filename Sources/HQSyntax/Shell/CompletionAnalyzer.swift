/// Works out a ``CompletionContext`` from the tokens before the cursor.
struct CompletionAnalyzer {
  let text: String
  let bytes: [UInt8]
  let tokens: [Token]

  init(text: String) {
    self.text = text
    self.bytes = Array(text.utf8)
    // Only the current statement matters: the tokens after the last statement end.
    let all = Lexer.statementTokens(text).tokens.filter { $0.kind != .endOfInput }
    let lastEnd = all.lastIndex { $0.kind == .newline || $0.kind == .semicolon }
    self.tokens = Array(all[(lastEnd.map { $0 + 1 } ?? 0)...])
  }

  var end: Int { bytes.count }

  mutating func context() -> CompletionContext {
    if inComment { return nothing() }
    var context = tokens
    var prefix = ""
    var prefixStart = end
    var backquoted = false
    if let last = context.last, last.range.end == end {
      switch last.kind {
      case .string where last.isUnterminated:
        context.removeLast()
        return valueContext(before: context, prefix: last.value, prefixStart: last.range.start + 1)
      case .string, .number, .rightParen, .rightBracket:
        return nothing()
      case .identifier, .quotedIdentifier:
        if last.kind == .quotedIdentifier && !last.isUnterminated { return nothing() }
        context.removeLast()
        prefix = last.value
        backquoted = last.kind == .quotedIdentifier
        prefixStart = last.range.start + (backquoted ? 1 : 0)
      case .parameter:
        return CompletionContext(kind: .parameter, prefix: last.value, prefixRange: SourceRange(last.range.start + 1, end))
      default:
        break
      }
    }
    let kind = kindOfWord(after: context)
    return CompletionContext(kind: kind, prefix: prefix, prefixRange: SourceRange(prefixStart, end), prefixIsBackquoted: backquoted)
  }

  func nothing() -> CompletionContext {
    CompletionContext(kind: .nothing, prefix: "", prefixRange: SourceRange(end, end))
  }

  /// True when the cursor is inside a `#` comment: a `#` after the last token, on the cursor's line.
  var inComment: Bool {
    var offset = tokens.last?.range.end ?? 0
    var inComment = false
    while offset < end {
      if bytes[offset] == UInt8(ascii: "#") { inComment = true }
      if bytes[offset] == UInt8(ascii: "\n") { inComment = false }
      offset += 1
    }
    return inComment
  }

  // MARK: - Words

  /// What kind of word fits after `context`, the current statement's tokens.
  func kindOfWord(after context: [Token]) -> CompletionContext.Kind {
    guard !context.isEmpty else { return .statementStart }
    var pipelineStart = 0
    if context[0].isWord("let") {
      switch context.count {
      case 1, 2: return context.count == 1 ? .nothing : .keywords(["="])
      case 3: return context[2].kind == .assign ? .keywords(["from", "search"]) : .nothing
      default: pipelineStart = 3
      }
    }
    let pipeline = Array(context[pipelineStart...])
    guard let stageStart = lastTopLevelPipe(in: pipeline) else {
      return sourceKind(pipeline)
    }
    let stage = Array(pipeline[(stageStart + 1)...])
    let prefixText = pipelineText(pipeline, upTo: stageStart)
    return stageKind(stage, pipelinePrefix: prefixText)
  }

  /// Inside the source part (`from …`, `search …`).
  func sourceKind(_ pipeline: [Token]) -> CompletionContext.Kind {
    guard let first = pipeline.first else { return .keywords(["from", "search"]) }
    if first.isWord("from") && pipeline.count == 1 { return .source }
    return .nothing
  }

  /// The index of the last `|` outside brackets.
  func lastTopLevelPipe(in tokens: [Token]) -> Int? {
    var depth = 0
    var found: Int?
    for (index, token) in tokens.enumerated() {
      switch token.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .pipe where depth == 0: found = index
      default: break
      }
    }
    return found
  }

  /// The source text of `tokens[0..<index]`.
  func pipelineText(_ tokens: [Token], upTo index: Int) -> String {
    guard index > 0 else { return "" }
    let start = tokens[0].range.start
    let stop = tokens[index - 1].range.end
    return String(decoding: bytes[start..<stop], as: UTF8.self)
  }

  /// Inside a stage whose tokens (keyword first) are `stage`.
  func stageKind(_ stage: [Token], pipelinePrefix: String) -> CompletionContext.Kind {
    guard let keyword = stage.first else { return .stage }
    let rest = Array(stage.dropFirst())
    let columns = CompletionContext.Kind.columns(pipelinePrefix: pipelinePrefix)
    func expression(aggregates: Bool = false) -> CompletionContext.Kind {
      expressionKind(rest, pipelinePrefix: pipelinePrefix, aggregates: aggregates)
    }
    switch keyword.value {
    case "where", "select": return expression()
    case "derive": return deriveKind(rest, pipelinePrefix: pipelinePrefix)
    case "sort": return sortKeyKind(rest, pipelinePrefix: pipelinePrefix)
    case "summarize":
      return rest.contains { $0.isWord("by") } ? expression() : expression(aggregates: true)
    case "distinct": return columns
    case "take", "count", "describe": return .nothing
    case "top":
      if rest.count == 1 { return .keywords(["by"]) }
      if let per = rest.lastIndex(where: { $0.isWord("per") }), per >= 3 { return columns }
      return rest.count < 2 ? .nothing : sortKeyKind(Array(rest.dropFirst(2)), pipelinePrefix: pipelinePrefix, then: ["per"])
    case "compare": return compareKind(rest, pipelinePrefix: pipelinePrefix)
    case "pivot": return pivotKind(rest, pipelinePrefix: pipelinePrefix)
    case "chart": return chartKind(rest, pipelinePrefix: pipelinePrefix)
    case "join": return joinKind(rest, pipelinePrefix: pipelinePrefix)
    case "left", "right", "full", "semi", "anti":
      if rest.isEmpty { return .keywords(["join"]) }
      return joinKind(Array(rest.dropFirst()), pipelinePrefix: pipelinePrefix)
    case "union": return rest.isEmpty ? .source : .nothing
    case "unpivot":
      if rest.contains(where: { $0.isWord("into") }) { return .nothing }
      if let last = rest.last, last.kind == .identifier || last.kind == .quotedIdentifier { return .keywords(["into"]) }
      return columns
    default: return .nothing
    }
  }

  /// In `sort`/`top … by` keys: after a complete key, `asc`/`desc` (and the words in `then`,
  /// which may follow the keys); else an expression.
  func sortKeyKind(_ keys: [Token], pipelinePrefix: String, then: [String] = []) -> CompletionContext.Kind {
    if let last = keys.last, isExpressionEnd(last), !isDirection(last) {
      return .keywords(["asc", "desc"] + then)
    }
    if let last = keys.last, isDirection(last) { return then.isEmpty ? .nothing : .keywords(then) }
    return .expression(pipelinePrefix: pipelinePrefix, aggregates: false)
  }

  /// `derive name = expr, … [by col, …] [sort key, …]`: aggregates and window functions in the
  /// items; after a complete item also `by` and `sort`.
  func deriveKind(_ rest: [Token], pipelinePrefix: String) -> CompletionContext.Kind {
    var depth = 0
    var clause: (word: String, index: Int)?
    for (index, token) in rest.enumerated() {
      switch token.kind {
      case .leftParen, .leftBracket: depth += 1
      case .rightParen, .rightBracket: depth = max(0, depth - 1)
      case .identifier where depth == 0 && (token.value == "by" || token.value == "sort") && index > 0 && isExpressionEnd(rest[index - 1]):
        clause = (token.value, index)
      default: break
      }
    }
    let other = clause?.word == "sort" ? "by" : "sort"
    let written = Set(rest.filter { $0.isWord("by") || $0.isWord("sort") }.map(\.value))
    let next = written.contains(other) ? [] : [other]
    switch clause {
    case ("sort", let index)?:
      return sortKeyKind(Array(rest[(index + 1)...]), pipelinePrefix: pipelinePrefix, then: next)
    case ("by", let index)?:
      if let last = rest.last, index < rest.count - 1, last.kind == .identifier || last.kind == .quotedIdentifier {
        return next.isEmpty ? .nothing : .keywords(next)
      }
      return .columns(pipelinePrefix: pipelinePrefix)
    default:
      if let last = rest.last, isExpressionEnd(last) { return .keywords(["and", "or", "in", "is", "not", "by", "sort"]) }
      return .expression(pipelinePrefix: pipelinePrefix, aggregates: true, windows: true)
    }
  }

  func isDirection(_ token: Token) -> Bool { token.isWord("asc") || token.isWord("desc") }

  /// In an expression: after a complete operand, the words that may follow; else an operand.
  func expressionKind(_ tokens: [Token], pipelinePrefix: String, aggregates: Bool) -> CompletionContext.Kind {
    if let last = tokens.last, isExpressionEnd(last) {
      return .keywords(["and", "or", "in", "is", "not"])
    }
    return .expression(pipelinePrefix: pipelinePrefix, aggregates: aggregates)
  }

  /// A token after which an operand is complete.
  func isExpressionEnd(_ token: Token) -> Bool {
    switch token.kind {
    case .number, .string, .quotedIdentifier, .parameter, .rightParen, .rightBracket: true
    case .identifier: !["and", "or", "not", "in", "is", "by", "case", "when", "then", "else"].contains(token.value)
    default: false
    }
  }

  /// `compare COLUMN A vs B [by col, …]`.
  func compareKind(_ rest: [Token], pipelinePrefix: String) -> CompletionContext.Kind {
    let column = rest.first.map(\.value)
    switch rest.count {
    case 0: return .columns(pipelinePrefix: pipelinePrefix)
    case 1: return .value(column: column, pipelinePrefix: pipelinePrefix, quoted: false)
    case 2: return .keywords(["vs"])
    case 3: return .value(column: column, pipelinePrefix: pipelinePrefix, quoted: false)
    case 4: return .keywords(["by"])
    default: return .columns(pipelinePrefix: pipelinePrefix)
    }
  }

  /// `pivot COLUMN [value EXPR] [by col, …]`.
  func pivotKind(_ rest: [Token], pipelinePrefix: String) -> CompletionContext.Kind {
    if rest.isEmpty { return .columns(pipelinePrefix: pipelinePrefix) }
    if let by = rest.lastIndex(where: { $0.isWord("by") }), by > 0 { return .columns(pipelinePrefix: pipelinePrefix) }
    if rest.count == 1 { return .keywords(["value", "by"]) }
    if rest[1].isWord("value") {
      let valueTokens = Array(rest.dropFirst(2))
      if let last = valueTokens.last, isExpressionEnd(last) { return .keywords(["by"]) }
      return .expression(pipelinePrefix: pipelinePrefix, aggregates: false)
    }
    return .nothing
  }

  /// `chart bar|line VALUE, … by LABEL [series COL] [title "…"] [swedish] [width N]` (after
  /// the `chart` keyword): the kind, then columns, `by`, the label column, the options.
  func chartKind(_ rest: [Token], pipelinePrefix: String) -> CompletionContext.Kind {
    let columns = CompletionContext.Kind.columns(pipelinePrefix: pipelinePrefix)
    guard let kind = rest.first else { return .keywords(Keywords.chartKinds) }
    guard Keywords.chartKinds.contains(kind.value) else { return .nothing }
    guard let by = rest.firstIndex(where: { $0.isWord("by") }) else {
      if let last = rest.last, rest.count > 1, last.kind == .identifier || last.kind == .quotedIdentifier { return .keywords(["by"]) }
      return columns
    }
    if by == rest.count - 1 { return columns }
    guard let last = rest.last else { return .nothing }
    if last.isWord("series") { return columns }
    if last.isWord("title") || last.isWord("width") { return .nothing }
    let used = Set(rest[(by + 1)...].map(\.value))
    return .keywords(Keywords.chartOptions.filter { !used.contains($0) })
  }

  /// `join SOURCE on col, …` (after the `join` keyword).
  func joinKind(_ rest: [Token], pipelinePrefix: String) -> CompletionContext.Kind {
    switch rest.count {
    case 0: return .source
    case 1: return .keywords(["on"])
    default: return .columns(pipelinePrefix: pipelinePrefix)
    }
  }

  // MARK: - Values in quotes

  /// The cursor is inside an open `"`: find the column the text is compared with.
  func valueContext(before context: [Token], prefix: String, prefixStart: Int) -> CompletionContext {
    var pipelinePrefix = ""
    var stageTokens = context
    var pipelineTokens = context
    if let first = context.first, first.isWord("let"), context.count > 3 { pipelineTokens = Array(context.dropFirst(3)) }
    if let pipe = lastTopLevelPipe(in: pipelineTokens) {
      pipelinePrefix = pipelineText(pipelineTokens, upTo: pipe)
      stageTokens = Array(pipelineTokens[(pipe + 1)...])
    }
    let column = comparedColumn(stageTokens)
    return CompletionContext(
      kind: .value(column: column, pipelinePrefix: pipelinePrefix, quoted: true),
      prefix: prefix, prefixRange: SourceRange(prefixStart, end))
  }

  /// The column in `column == "…`, `column ~ "…`, `column in ["a", "…`, `compare column A vs "…`.
  func comparedColumn(_ stage: [Token]) -> String? {
    if let keyword = stage.first, keyword.isWord("compare"), stage.count >= 2,
       stage[1].kind == .identifier || stage[1].kind == .quotedIdentifier {
      return stage[1].value
    }
    var index = stage.count - 1
    // Inside a list: skip earlier items back to `[`, then `in` / `not in`.
    if index >= 0, stage[index].kind == .leftBracket || stage[index].kind == .comma {
      while index >= 0, stage[index].kind != .leftBracket {
        guard [.comma, .string, .number].contains(stage[index].kind) else { return nil }
        index -= 1
      }
      index -= 1
      guard index >= 0, stage[index].isWord("in") else { return nil }
      index -= 1
      if index >= 0, stage[index].isWord("not") { index -= 1 }
      return index >= 0 ? columnName(stage[index]) : nil
    }
    guard index >= 1, let op = stage[index].binaryOperator, op.isComparison else { return nil }
    return columnName(stage[index - 1])
  }

  func columnName(_ token: Token) -> String? {
    switch token.kind {
    case .quotedIdentifier: token.value
    case .identifier where !Keywords.expressionWords.contains(token.value): token.value
    default: nil
    }
  }
}
