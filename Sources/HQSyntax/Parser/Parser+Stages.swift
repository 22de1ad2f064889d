extension Parser {
  /// One stage after `|`, dispatched on its keyword.
  mutating func parseStage() throws(ParseError) -> Stage {
    let keyword = current
    let start = keyword.range.start
    guard keyword.kind == .identifier else { throw missingStageError() }
    let kind: Stage.Kind
    switch keyword.value {
    case "where":
      advance()
      kind = .where(try parseExpression())
    case "select":
      advance()
      kind = .select(try parseItems(after: "select", example: "select indicator, year, value"))
    case "derive":
      advance()
      kind = try parseDerive()
    case "summarize":
      advance()
      kind = try parseSummarize()
    case "sort":
      advance()
      kind = .sort(try parseSortKeys(after: "sort", example: "sort year desc, indicator"))
    case "take":
      advance()
      kind = .take(try parseCount(after: "take"))
    case "distinct":
      advance()
      kind = .distinct(atStageEnd ? [] : try parseNameList("expected column names after 'distinct'", help: "distinct indicator, year"))
    case "count":
      advance()
      kind = .count
    case "describe":
      advance()
      kind = .describe
    case "top":
      advance()
      let count = try parseCount(after: "top")
      let countText = previous.kind == .parameter ? "$" + previous.value : previous.value
      _ = try expectWord("by", "expected 'by' after 'top \(countText)'", help: "top \(countText) by value")
      let keys = try parseSortKeys(after: "top … by", example: "top 5 by value")
      var per: [Identifier] = []
      if current.isWord("per") {
        advance()
        per = try parseNameList("expected the columns of a group after 'per'", help: "top \(countText) by value per report")
      }
      kind = .top(count, by: keys, per: per)
    case "compare":
      advance()
      kind = try parseCompare()
    case "pivot":
      advance()
      kind = try parsePivot()
    case "join":
      advance()
      kind = try parseJoin(.inner)
    case "left", "right", "full", "semi", "anti":
      let side = take()
      _ = try expectWord("join", "expected 'join' after '\(side.value)'", help: "\(side.value) join goals on indicator")
      kind = try parseJoin(JoinKind(rawValue: side.value) ?? .inner)
    case "union":
      advance()
      let start = current.range.start
      let name = try parseName("expected a source name after 'union'", help: "union facts2023")
      kind = .union(source: PipelineSource(.named(name), range: range(from: start)))
    case "unpivot":
      advance()
      kind = try parseUnpivot()
    case "chart":
      advance()
      kind = .chart(try parseChart())
    default:
      throw unknownStageError(keyword)
    }
    return Stage(kind, keywordRange: SourceRange(start, keywordEnd(start: start)), range: range(from: start))
  }

  /// The end of the stage keyword (`left join` is two words).
  func keywordEnd(start: Int) -> Int {
    var position = index
    while position > 0, tokens[position - 1].range.start > start { position -= 1 }
    let first = tokens[position - 1]
    if JoinKind(rawValue: first.value) != nil, first.kind == .identifier, position < tokens.count, tokens[position].isWord("join") {
      return tokens[position].range.end
    }
    return first.range.end
  }

  func missingStageError() -> ParseError {
    error("expected a stage after '|', found \(current.displayName)", at: current.range, help: "a stage is one of \(Keywords.stageList)")
  }

  func unknownStageError(_ token: Token) -> ParseError {
    let word = token.value
    if let alias = Keywords.stageAliases[word.lowercased()] {
      return error("unknown stage '\(word)'", at: token.range, help: "did you mean '\(alias)'?")
    }
    if following.binaryOperator?.isComparison == true || following.isWord("in") || following.isWord("is") {
      return error("unknown stage '\(word)'", at: token.range, help: "to keep the rows that match, write '| where \(word) …'")
    }
    let singleWords = Keywords.stages.filter { !$0.contains(" ") }
    if let match = Suggestion.bestMatch(for: word, in: singleWords) {
      return error("unknown stage '\(word)'", at: token.range, help: "did you mean '\(match)'?")
    }
    return error("unknown stage '\(word)'", at: token.range, help: "a stage is one of \(Keywords.stageList)")
  }

  // MARK: - Items

  /// `item, item, …` where an item is `expr` or `name = expr`.
  mutating func parseItems(after keyword: String, example: String) throws(ParseError) -> [SelectItem] {
    if atStageEnd {
      throw error("expected a column or expression after '\(keyword)', found \(current.displayName)", at: current.range, help: example)
    }
    var items = [try parseItem()]
    while current.kind == .comma {
      advance()
      items.append(try parseItem())
    }
    return items
  }

  mutating func parseItem() throws(ParseError) -> SelectItem {
    let start = current.range.start
    var name: Identifier?
    if current.kind == .identifier || current.kind == .quotedIdentifier, following.kind == .assign {
      name = try parseName("expected a column name")
      advance()
    }
    let expr = try parseExpression()
    return SelectItem(name: name, expr: expr, range: range(from: start))
  }

  /// `derive name = expr, … [by col, …] [sort key, …]` (`by` and `sort` in either order).
  mutating func parseDerive() throws(ParseError) -> Stage.Kind {
    let items = try parseItems(after: "derive", example: "derive share = value / total")
    if let unnamed = items.first(where: { $0.name == nil }) {
      throw error("'derive' needs a name for each new column", at: unnamed.range, help: "write NAME = EXPR, e.g. derive share = value / total")
    }
    var by: [Identifier]?
    var sort: [SortKey]?
    while current.isWord("by") || current.isWord("sort") {
      let word = take()
      if word.value == "by" {
        if by != nil { throw error("'by' is written twice in this 'derive'", at: word.range, help: "list every column once: by indicator, unit") }
        by = try parseNameList("expected the columns of a group after 'by'", help: "derive share = value / sum(value) by year")
      } else {
        if sort != nil { throw error("'sort' is written twice in this 'derive'", at: word.range, help: "list every key once: sort year, value desc") }
        sort = try parseSortKeys(after: "sort", example: "derive previous = lag(value) by indicator sort year")
      }
    }
    return .derive(items, by: by ?? [], sort: sort ?? [])
  }

  /// `summarize [name = AGG(expr), …] [by item, …]`; at least one of the two lists.
  mutating func parseSummarize() throws(ParseError) -> Stage.Kind {
    var aggregates: [SelectItem] = []
    if !current.isWord("by") {
      aggregates = try parseItems(after: "summarize", example: "summarize n = count(), total = sum(value) by year")
    }
    var by: [SelectItem] = []
    if current.isWord("by") {
      advance()
      by = try parseItems(after: "by", example: "summarize total = sum(value) by year, indicator")
    }
    return .summarize(aggregates: aggregates, by: by)
  }

  /// `expr [asc|desc], …`.
  mutating func parseSortKeys(after keyword: String, example: String) throws(ParseError) -> [SortKey] {
    if atStageEnd {
      throw error("expected a column or expression after '\(keyword)', found \(current.displayName)", at: current.range, help: example)
    }
    if current.isWord("by"), following.kind == .identifier || following.kind == .quotedIdentifier {
      throw error("'\(keyword)' takes the sort keys directly, without 'by'", at: current.range, help: example)
    }
    var keys: [SortKey] = []
    repeat {
      if !keys.isEmpty { advance() }
      let start = current.range.start
      let expr = try parseExpression()
      var direction: SortDirection?
      if current.kind == .identifier, let written = SortDirection(rawValue: current.value) {
        direction = written
        advance()
      } else if current.isWord("descending") || current.isWord("ascending") {
        throw error("write '\(current.value.prefix(current.value.hasPrefix("desc") ? 4 : 3))', not '\(current.value)'", at: current.range)
      }
      keys.append(SortKey(expr: expr, direction: direction, range: range(from: start)))
    } while current.kind == .comma
    return keys
  }

  /// The N of `take N` / `top N`: a whole number or `$parameter`.
  mutating func parseCount(after keyword: String) throws(ParseError) -> StageCount {
    let token = current
    switch token.kind {
    case .number where !token.value.contains("."):
      advance()
      guard let value = Int(token.value) else {
        throw error("the number \(token.value) is too large for '\(keyword)'", at: token.range)
      }
      return StageCount(.literal(value), range: token.range)
    case .parameter:
      advance()
      return StageCount(.parameter(token.value), range: token.range)
    default:
      throw error("expected a whole number after '\(keyword)', found \(token.displayName)", at: token.range, help: "\(keyword) 10")
    }
  }

  // MARK: - compare, pivot, join

  /// `compare COLUMN A vs B [value EXPR] [by col, …]`.
  mutating func parseCompare() throws(ParseError) -> Stage.Kind {
    let example = "compare year 2023 vs 2024"
    let column = try parseName("expected the column to compare after 'compare'", help: example)
    let first = try parseCompareOperand(example: example)
    _ = try expectWord("vs", "expected 'vs' between the two values of 'compare'", help: example)
    let second = try parseCompareOperand(example: example)
    var value: Expr?
    if current.isWord("value") {
      let word = take()
      // `compare … value` and `compare … value by …` name the `value` column itself.
      value = atStageEnd || current.isWord("by") ? Expr(.column("value"), range: word.range) : try parseExpression()
    }
    var by: [Identifier]?
    if current.isWord("by") {
      advance()
      by = try parseNameList("expected key columns after 'by'", help: "compare kind budget vs utfall by table, indicator")
    }
    return .compare(column: column, first: first, second: second, value: value, by: by)
  }

  /// A number (possibly negative), text, a bare word read as text, `true`/`false`, or `$param`.
  mutating func parseCompareOperand(example: String) throws(ParseError) -> CompareOperand {
    let token = current
    switch token.kind {
    case .number:
      advance()
      return CompareOperand(value: Expr(.literal(.number(token.value)), range: token.range), label: token.value)
    case .minus where following.kind == .number:
      advance()
      let number = take()
      let literal = Expr(.literal(.number(number.value)), range: number.range)
      let range = SourceRange(token.range.start, number.range.end)
      return CompareOperand(value: Expr(.unary(.negate, literal), range: range), label: "-" + number.value)
    case .string:
      advance()
      return CompareOperand(value: Expr(.literal(.string(token.value)), range: token.range), label: token.value)
    case .parameter:
      advance()
      return CompareOperand(value: Expr(.parameter(token.value), range: token.range), label: "$" + token.value)
    case .identifier where token.value == "true" || token.value == "false":
      advance()
      return CompareOperand(value: Expr(.literal(.bool(token.value == "true")), range: token.range), label: token.value)
    case .identifier where token.value != "vs" && token.value != "by" && !Keywords.expressionWords.contains(token.value):
      advance()
      return CompareOperand(value: Expr(.literal(.string(token.value)), range: token.range), label: token.value)
    default:
      throw error("expected a value to compare (a number, \"text\" or a word), found \(token.displayName)", at: token.range, help: example)
    }
  }

  /// `pivot COLUMN [value EXPR] [by col, …]`.
  mutating func parsePivot() throws(ParseError) -> Stage.Kind {
    let column = try parseName("expected the column to pivot after 'pivot'", help: "pivot year by indicator")
    var value: Expr?
    if current.isWord("value") {
      let word = take()
      // `pivot year value` and `pivot year value by …` name the `value` column itself.
      value = atStageEnd || current.isWord("by") ? Expr(.column("value"), range: word.range) : try parseExpression()
    }
    var by: [Identifier]?
    if current.isWord("by") {
      advance()
      by = try parseNameList("expected key columns after 'by'", help: "pivot year by indicator")
    }
    return .pivot(column: column, value: value, by: by)
  }

  /// `join SOURCE on key, …` (the keyword is consumed); a key is `col` or `col == col`.
  mutating func parseJoin(_ kind: JoinKind) throws(ParseError) -> Stage.Kind {
    let start = current.range.start
    let name = try parseName("expected a source name after 'join'", help: "join goals on indicator")
    let source = PipelineSource(.named(name), range: range(from: start))
    _ = try expectWord("on", "expected 'on' and the columns to join on", help: "join \(name.name) on indicator")
    var keys: [JoinKey] = []
    repeat {
      if !keys.isEmpty { advance() }
      let message = keys.isEmpty ? "expected the columns to join on after 'on'" : "expected a column name after ','"
      let left = try parseName(message, help: "join \(name.name) on indicator, year")
      var right = left
      if current.kind == .equal {
        advance()
        right = try parseName("expected the column of '\(name.name)' after '=='", help: "join \(name.name) on report == id")
      } else if current.kind == .assign {
        let other = following.kind == .identifier || following.kind == .quotedIdentifier ? following.value : "COLUMN"
        throw error("'=' does not compare", at: current.range, help: "to join on columns with different names, write 'on \(left.name) == \(other)'")
      }
      keys.append(JoinKey(left: left, right: right))
    } while current.kind == .comma
    return .join(kind, source: source, on: keys)
  }

  /// `unpivot col, … into NAME, VALUE`.
  mutating func parseUnpivot() throws(ParseError) -> Stage.Kind {
    let example = "unpivot `2023`, `2024` into year, value"
    let columns = try parseNameList("expected the columns to unpivot after 'unpivot'", help: example)
    _ = try expectWord("into", "expected 'into' and the names of the two new columns", help: example)
    let name = try parseName("expected the name of the column for the column names after 'into'", help: example)
    _ = try expect(.comma, "expected ',' and the name of the column for the values", help: example)
    let value = try parseName("expected the name of the column for the values", help: example)
    return .unpivot(columns: columns, name: name, value: value)
  }
}
