extension Parser {
  /// `let NAME = PIPELINE` or `PIPELINE`, followed by the end of the statement.
  mutating func parseStatement() throws(ParseError) -> Statement {
    let start = current.range.start
    let statement: Statement
    if current.isWord("let") {
      advance()
      let name = try parseName("expected a name after 'let'", help: "let recent = from facts | where year >= 2023")
      if current.kind == .leftParen {
        return try parseFunctionDefinition(name, start: start)
      }
      if current.kind == .equal {
        throw error("write '=' after the name of a let, not '=='", at: current.range)
      }
      _ = try expect(.assign, "expected '=' after 'let \(name.name)'", help: "let \(name.name) = from facts | …")
      let pipeline = try parsePipeline()
      if let chart = pipeline.stages.last, chart.keyword == "chart" {
        throw error(
          "a chart cannot be bound with 'let': it is drawn, not kept", at: chart.keywordRange,
          help: "bind the rows (let \(name.name) = … without '| chart …'), then draw them: from \(name.name) | chart …")
      }
      statement = Statement(.binding(name: name, pipeline: pipeline), range: range(from: start))
    } else {
      statement = Statement(.pipeline(try parsePipeline()), range: range(from: start))
    }
    guard atStatementEnd else {
      throw error("expected the end of the statement, found \(current.displayName)", at: current.range)
    }
    return statement
  }

  /// `let NAME(PARAM, …) = EXPR` after the name; the current token is `(`.
  mutating func parseFunctionDefinition(_ name: Identifier, start: Int) throws(ParseError) -> Statement {
    let example = "let pct(a, b) = round(a / b * 100, 1)"
    let open = take()
    var parameters: [Identifier] = []
    while current.kind != .rightParen {
      if !parameters.isEmpty {
        guard current.kind == .comma else {
          throw error("expected ',' or ')' in the parameters opened at \(source.location(at: open.range.start)), found \(current.displayName)", at: current.range, help: example)
        }
        advance()
      }
      let parameter = try parseName("expected a parameter name", help: example)
      if parameters.contains(where: { $0.name == parameter.name }) {
        throw error("the parameter '\(parameter.name)' is named twice", at: parameter.range, help: example)
      }
      parameters.append(parameter)
    }
    advance()
    if current.kind == .equal {
      throw error("write '=' after the parameters of a function, not '=='", at: current.range)
    }
    _ = try expect(.assign, "expected '=' and the function's expression", help: example)
    if current.isWord("from") || current.isWord("search") {
      throw error("a function computes an expression, not a pipeline", at: current.range,
                  help: "for a view write let \(name.name) = from …; for a function: \(example)")
    }
    let body = try parseExpression()
    guard atStatementEnd else {
      throw error("expected the end of the function, found \(current.displayName)", at: current.range)
    }
    return Statement(.function(name: name, parameters: parameters, body: body), range: range(from: start))
  }

  /// `SOURCE | stage | stage …`.
  mutating func parsePipeline() throws(ParseError) -> Pipeline {
    let start = current.range.start
    let source = try parseSource()
    var stages: [Stage] = []
    while true {
      try expectStageEnd(after: stages.last)
      guard current.kind == .pipe else { break }
      advance()
      if let last = stages.last, last.keyword == "chart" {
        throw error(
          "'chart' ends a pipeline: nothing can follow it", at: current.range,
          help: "move this stage before 'chart'")
      }
      stages.append(try parseStage())
    }
    return Pipeline(source: source, stages: stages, range: range(from: start))
  }

  /// After a source or stage: `|` or the end of the statement; anything else is an error that
  /// says which stage it follows and, for the usual slips, how to fix it.
  func expectStageEnd(after stage: Stage?) throws(ParseError) {
    guard !atStageEnd else { return }
    let what = stage.map { "the '\($0.keyword)' stage" } ?? "the source"
    var help: String?
    if current.kind == .identifier, Keywords.stages.contains(current.value) || JoinKind(rawValue: current.value) != nil {
      help = "separate stages with '|': … | \(current.value) …"
    } else if current.kind == .assign {
      help = "to compare, write '=='"
    } else if current.isWord("group"), following.isWord("by") {
      help = "write 'by' alone: summarize n = count() by year"
    } else if current.kind == .identifier, let word = Optional(current.value.lowercased()), word != current.value,
              Keywords.expressionWords.contains(word) || Keywords.stages.contains(word) {
      help = "hq keywords are lowercase: '\(word)'"
    } else if current.isWord("like") || current.isWord("ilike") || current.isWord("contains") {
      help = "write '~' for 'contains' (it folds case and diacritics): indicator ~ \"läkemedel\""
    } else if current.isWord("between") {
      help = "write 'x >= low and x <= high'"
    } else if previous.isWord("by"), index >= 2, tokens[index - 2].kind == .comma {
      // `summarize n = count(), by kind`: the comma made `by` an item.
      help = "remove the ',' before 'by': summarize n = count() by \(current.value)"
    } else if stage?.keyword == "sort", current.kind == .identifier,
              let direction = Suggestion.bestMatch(for: current.value, in: ["asc", "desc"]) {
      help = "did you mean '\(direction)'?"
    } else if current.kind == .identifier || current.kind == .quotedIdentifier {
      switch stage?.keyword {
      case "where": help = "combine conditions with 'and' or 'or'"
      case "select", "derive", "summarize", "sort": help = "separate items with ','"
      default: break
      }
    } else if current.kind == .leftParen, stage?.keyword == "count" {
      help = "the 'count' stage takes no arguments; count() is the aggregate used in summarize"
    } else if current.kind == .comma, stage == nil {
      help = "a pipeline reads one source; combine sources with '| join SOURCE on col'"
    }
    throw error("expected '|' or the end of the statement after \(what), found \(current.displayName)", at: current.range, help: help)
  }

  /// `from NAME` or `search "text"`.
  mutating func parseSource() throws(ParseError) -> PipelineSource {
    let start = current.range.start
    if current.isWord("from") {
      advance()
      let name = try parseName("expected a source name after 'from'", help: "from facts, from goals, from sections or from reports")
      return PipelineSource(.named(name), range: range(from: start))
    }
    if current.isWord("search") {
      advance()
      let text = try expect(.string, "expected the text to search for after 'search'", help: "search \"antibiotika\"")
      return PipelineSource(.search(text: text.value, textRange: text.range), range: range(from: start))
    }
    throw statementStartError()
  }

  /// Explains what a statement starts with, guessing what was meant.
  func statementStartError() -> ParseError {
    let token = current
    let message = "expected 'from', 'search' or 'let' at the start of a statement, found \(token.displayName)"
    guard token.kind == .identifier else {
      return error(message, at: token.range, help: "a statement starts like this: from facts | take 5")
    }
    if let match = Suggestion.bestMatch(for: token.value, in: Keywords.statementStarts) {
      return error("unknown word '\(token.value)' at the start of a statement", at: token.range, help: "did you mean '\(match)'?")
    }
    if Keywords.stages.contains(token.value) || Keywords.stageAliases[token.value] != nil {
      return error(message, at: token.range, help: "a pipeline starts with its source: from facts | \(token.value) …")
    }
    if [.pipe, .newline, .semicolon, .endOfInput].contains(following.kind) {
      return error(message, at: token.range, help: "to read a source, write 'from \(token.value)'")
    }
    return error(message, at: token.range, help: "a statement starts like this: from facts | take 5")
  }

  /// A name: a bare word that is not reserved in expressions, or a backquoted name.
  mutating func parseName(_ message: String, help: String? = nil) throws(ParseError) -> Identifier {
    switch current.kind {
    case .identifier where !Keywords.expressionWords.contains(current.value):
      let token = take()
      return Identifier(token.value, range: token.range)
    case .quotedIdentifier:
      let token = take()
      return Identifier(token.value, range: token.range)
    case .identifier:
      throw error("\(message), found the reserved word '\(current.value)'", at: current.range, help: "write `\(current.value)` in backquotes to use it as a name")
    default:
      throw error("\(message), found \(current.displayName)", at: current.range, help: help)
    }
  }

  /// `name, name, …` (at least one).
  mutating func parseNameList(_ message: String, help: String? = nil) throws(ParseError) -> [Identifier] {
    var names = [try parseName(message, help: help)]
    while current.kind == .comma {
      advance()
      names.append(try parseName("expected a column name after ','", help: help))
    }
    return names
  }
}
