import HQSyntax
import Testing

@Suite struct ParserTests {
  @Test func sources() {
    #expect(printedOne("from facts") == "from facts")
    #expect(printedOne("from `my table`") == "from `my table`")
    #expect(printedOne("search \"antibiotika\"") == "search \"antibiotika\"")
    #expect(printedOne("let recent = from facts | where year >= 2023") == "let recent = from facts | where (year >= 2023)")
  }

  @Test func whereAndPrecedence() {
    #expect(printedOne("from facts | where a or b and c") == "from facts | where (a or (b and c))")
    #expect(printedOne("from facts | where not a == 1 and b") == "from facts | where ((not (a == 1)) and b)")
    #expect(printedOne("from facts | where 1 + 2 * 3 - 4 / 5 > 0") == "from facts | where (((1 + (2 * 3)) - (4 / 5)) > 0)")
    #expect(printedOne("from facts | where -x * 2 < -3") == "from facts | where (((-x) * 2) < (-3))")
    #expect(printedOne("from facts | where (a + b) * c == 1") == "from facts | where (((a + b) * c) == 1)")
    #expect(printedOne("from facts | where a + b % 4 * 2 == 1") == "from facts | where ((a + ((b % 4) * 2)) == 1)")
    #expect(printedOne("from facts | select x = case when a > 1 then \"big\" when a > 0 then \"small\" else \"none\" end")
      == "from facts | select x = case when (a > 1) then \"big\" when (a > 0) then \"small\" else \"none\" end")
    #expect(printedOne("from facts | select x = case when a then 1 end, case") == "from facts | select x = case when a then 1 end, case")
    #expect(printedOne("from facts\n  | select x = case\n    when a > 1 then\n      \"big\"\n    else\n      \"small\"\n    end")
      == "from facts | select x = case when (a > 1) then \"big\" else \"small\" end")
    let unclosed = Parser.parse(SourceFile(name: "t", text: "from facts | select case when a then 1"))
    #expect(unclosed.diagnostics.first?.message == "expected 'when', 'else' or 'end' to close the 'case' at 1:21, found the end of the input")
  }
}

@Suite struct StageParsingTests {
  @Test func selectDeriveSummarize() {
    #expect(printedOne("from facts | select indicator, y = year, v = value * 2")
      == "from facts | select indicator, y = year, v = (value * 2)")
    #expect(printedOne("from facts | derive share = value / total, `per 1000` = value * 1000")
      == "from facts | derive share = (value / total), `per 1000` = (value * 1000)")
    #expect(printedOne("from facts | summarize n = count(), total = sum(value) by year, indicator")
      == "from facts | summarize n = count(), total = sum(value) by year, indicator")
    #expect(printedOne("from facts | summarize avg(value)") == "from facts | summarize avg(value)")
    #expect(printedOne("from facts | summarize by year") == "from facts | summarize by year")
    #expect(printedOne("from facts | summarize n = count_distinct(indicator) by decade = year / 10")
      == "from facts | summarize n = count_distinct(indicator) by decade = (year / 10)")
  }

  @Test func deriveWithGroupsAndOrder() {
    #expect(printedOne("from facts | derive p = lag(value) by indicator sort year")
      == "from facts | derive p = lag(value) by indicator sort year")
    #expect(printedOne("from facts | derive r = rank() sort value desc, year by table, unit")
      == "from facts | derive r = rank() by table, unit sort value desc, year")
    #expect(printedOne("from facts | derive s = value / sum(value) by `my table`")
      == "from facts | derive s = (value / sum(value)) by `my table`")
  }

  @Test func derivesClausesAreWrittenOnce() {
    let twice = Parser.parse(SourceFile(name: "t", text: "from facts | derive p = lag(value) by a by b"))
    #expect(twice.diagnostics.first?.message == "'by' is written twice in this 'derive'")
    let sorted = Parser.parse(SourceFile(name: "t", text: "from facts | derive p = lag(value) sort a sort b"))
    #expect(sorted.diagnostics.first?.message == "'sort' is written twice in this 'derive'")
    let empty = Parser.parse(SourceFile(name: "t", text: "from facts | derive p = lag(value) by"))
    #expect(empty.diagnostics.first?.message == "expected the columns of a group after 'by', found the end of the input")
  }

  @Test func topPerGroup() {
    #expect(printedOne("from facts | top 3 by value desc per report") == "from facts | top 3 by value desc per report")
    #expect(printedOne("from facts | top $n by value per report, year") == "from facts | top $n by value per report, year")
    let missing = Parser.parse(SourceFile(name: "t", text: "from facts | top 3 by value per"))
    #expect(missing.diagnostics.first?.message == "expected the columns of a group after 'per', found the end of the input")
  }

  @Test func sortTakeDistinctCountTop() {
    #expect(printedOne("from facts | sort year desc, indicator, value asc")
      == "from facts | sort year desc, indicator, value asc")
    #expect(printedOne("from facts | take 10") == "from facts | take 10")
    #expect(printedOne("from facts | take $n") == "from facts | take $n")
    #expect(printedOne("from facts | distinct") == "from facts | distinct")
    #expect(printedOne("from facts | distinct indicator, year") == "from facts | distinct indicator, year")
    #expect(printedOne("from facts | count") == "from facts | count")
    #expect(printedOne("from facts | top 5 by value") == "from facts | top 5 by value")
    #expect(printedOne("from facts | top 3 by abs(delta) asc, year") == "from facts | top 3 by abs(delta) asc, year")
  }

  @Test func compareAndPivot() {
    #expect(printedOne("from facts | compare year 2023 vs 2024") == "from facts | compare year 2023 vs 2024")
    #expect(printedOne("from facts | compare kind budget vs utfall by table, indicator")
      == "from facts | compare kind \"budget\" vs \"utfall\" by table, indicator")
    #expect(printedOne("from facts | compare region \"Halland\" vs $other")
      == "from facts | compare region \"Halland\" vs $other")
    #expect(printedOne("from facts | compare year 2023 vs 2024 value rank by indicator")
      == "from facts | compare year 2023 vs 2024 value rank by indicator")
    #expect(printedOne("from facts | compare year 2023 vs 2024 value value * 2")
      == "from facts | compare year 2023 vs 2024 value (value * 2)")
    #expect(printedOne("from facts | compare year 2023 vs 2024 value by indicator")
      == "from facts | compare year 2023 vs 2024 value value by indicator")
    #expect(printedOne("from facts | pivot year") == "from facts | pivot year")
    #expect(printedOne("from facts | pivot year value round(value, 1) by indicator")
      == "from facts | pivot year value round(value, 1) by indicator")
  }

  @Test func compareLabels() throws {
    let statement = try #require(Parser.parse(SourceFile(name: "t", text: "from facts | compare kind budget vs -3")).statements.first)
    guard case .compare(let column, let first, let second, _, let by) = statement.pipeline?.stages[0].kind else {
      Issue.record("not a compare stage")
      return
    }
    #expect(column.name == "kind")
    #expect(first.label == "budget")
    #expect(first.value.kind == .literal(.string("budget")))
    #expect(second.label == "-3")
    #expect(by == nil)
  }

  @Test func joins() {
    #expect(printedOne("from facts | join goals on indicator") == "from facts | join goals on indicator")
    #expect(printedOne("from facts | join reports on report == id, year") == "from facts | join reports on report == id, year")
    #expect(printedOne("from facts | full join t on a") == "from facts | full join t on a")
    #expect(printedOne("from facts | right join t on a == `b c`") == "from facts | right join t on a == `b c`")
    #expect(printedOne("from facts | semi join t on a") == "from facts | semi join t on a")
    #expect(printedOne("from facts | anti join t on a") == "from facts | anti join t on a")
    #expect(printedOne("from facts | union t") == "from facts | union t")
    #expect(printedOne("from t | unpivot `2023`, `2024` into year, value") == "from t | unpivot `2023`, `2024` into year, value")
    let missing = Parser.parse(SourceFile(name: "t", text: "from t | unpivot a, b into year"))
    #expect(missing.diagnostics.first?.message == "expected ',' and the name of the column for the values, found the end of the input")
    #expect(printedOne("from facts | left join goals on indicator, year")
      == "from facts | left join goals on indicator, year")
  }

  @Test func stageRanges() throws {
    let text = "from facts | left join goals on indicator | take 3"
    let statement = try #require(Parser.parse(SourceFile(name: "t", text: text)).statements.first)
    let join = try #require(statement.pipeline?.stages[0])
    #expect(join.keywordRange == SourceRange(13, 22))
    #expect(join.range == SourceRange(13, 41))
    #expect(statement.pipeline?.stages[1].range == SourceRange(44, 50))
    #expect(statement.range == SourceRange(0, 50))
  }
}

@Suite struct ExpressionParsingTests {
  @Test func literals() {
    #expect(printedOne("from t | where x == 9.4") == "from t | where (x == 9.4)")
    #expect(printedOne("from t | where x == 0.125") == "from t | where (x == 0.125)")
    #expect(printedOne(#"from t | where x == "a \"b\" \\ c\n""#) == #"from t | where (x == "a \"b\" \\ c\n")"#)
    #expect(printedOne(#"from t | where x == "\u{E5}""#) == #"from t | where (x == "å")"#)
    #expect(printedOne("from t | where x == true or y == false or z is null")
      == "from t | where (((x == true) or (y == false)) or (z is null))")
  }

  @Test func numberKeepsDigits() throws {
    let expr = try Parser.expression(SourceFile(name: "t", text: "12345678901234567890.000001"))
    #expect(expr.kind == .literal(.number("12345678901234567890.000001")))
  }

  @Test func namesAndParameters() {
    #expect(printedOne("from t | where `antal patienter` > $min") == "from t | where (`antal patienter` > $min)")
    #expect(printedOne("from t | where år == 2024 and område ~ \"Läk\"") == "from t | where ((år == 2024) and (område ~ \"Läk\"))")
    #expect(printedOne("from t | where `and` == 1") == "from t | where (`and` == 1)")
    #expect(printedOne("from t | select value, by = 1, count = 2") == "from t | select value, by = 1, count = 2")
  }

  @Test func containsInIsNull() {
    #expect(printedOne("from t | where a ~ \"x\" and b !~ \"y\"") == "from t | where ((a ~ \"x\") and (b !~ \"y\"))")
    #expect(printedOne("from t | where year in [2023, 2024]") == "from t | where (year in [2023, 2024])")
    #expect(printedOne("from t | where year not in []") == "from t | where (year not in [])")
    #expect(printedOne("from t | where a is not null and not b is null")
      == "from t | where ((a is not null) and (not (b is null)))")
  }

  @Test func calls() {
    #expect(printedOne("from t | where coalesce(a, 0) + abs(-b) > round(c, 2)")
      == "from t | where ((coalesce(a, 0) + abs((-b))) > round(c, 2))")
    #expect(printedOne("from t | derive x = if(a > 1, \"high\", \"low\")") == "from t | derive x = if((a > 1), \"high\", \"low\")")
  }

  @Test func ranges() throws {
    let expr = try Parser.expression(SourceFile(name: "t", text: "a + (b * 2)"))
    #expect(expr.range == SourceRange(0, 11))
    guard case .binary(.add, let lhs, let rhs, let opRange) = expr.kind else {
      Issue.record("not an addition")
      return
    }
    #expect(lhs.range == SourceRange(0, 1))
    #expect(opRange == SourceRange(2, 3))
    #expect(rhs.range == SourceRange(4, 11))
    #expect(rhs.unparenthesized.range == SourceRange(5, 10))
  }
}

@Suite struct StatementSplittingTests {
  @Test func linesAndSemicolons() {
    #expect(printed("from a\nfrom b; from c\n\n# comment\nfrom d # trailing") == ["from a", "from b", "from c", "from d"])
  }

  @Test func shebang() {
    #expect(printed("#!/usr/bin/env hq\nfrom facts | count\n") == ["from facts | count"])
  }

  @Test func continuationRules() {
    // Trailing pipe, leading pipe, trailing operator, open bracket, open string.
    #expect(printed("from facts |\n  where year == 2024") == ["from facts | where (year == 2024)"])
    #expect(printed("from facts\n  | where year == 2024\n\n  | take 1") == ["from facts | where (year == 2024) | take 1"])
    #expect(printed("from facts | where year == 2024 and\n value > 1") == ["from facts | where ((year == 2024) and (value > 1))"])
    #expect(printed("from facts | where value >\n 1") == ["from facts | where (value > 1)"])
    #expect(printed("from facts | where year in [2023,\n 2024]") == ["from facts | where (year in [2023, 2024])"])
    #expect(printed("from facts | select a,\n b") == ["from facts | select a, b"])
    #expect(printed("from facts | where (a\n > 1)") == ["from facts | where (a > 1)"])
    #expect(printed("search \"two\nlines\"") == ["search \"two\\nlines\""])
    #expect(printed("let x =\n from facts") == ["let x = from facts"])
  }

  @Test func chartStagePrintsBack() {
    #expect(printed("from t | chart bar v by k") == ["from t | chart bar v by k"])
    #expect(printed("from t | chart line `2023`, `2024` by indicator width 60 swedish title \"Ut\\\"fall\"") == [
      "from t | chart line `2023`, `2024` by indicator title \"Ut\\\"fall\" swedish width 60",
    ])
    #expect(printed("from t | chart bar v by k series s") == ["from t | chart bar v by k series s"])
  }

  @Test func lineEndsStatementOtherwise() {
    #expect(printed("from a | take 1\nfrom b") == ["from a | take 1", "from b"])
  }
}

@Suite struct KeywordListTests {
  /// Every stage keyword listed for completion and `.help` is one the parser accepts.
  @Test(arguments: Keywords.stages)
  func stageKeywordIsParsed(_ keyword: String) {
    let rest: [String: String] = [
      "where": "x", "select": "x", "derive": "y = x", "summarize": "n = count()", "sort": "x", "take": "1",
      "distinct": "", "count": "", "top": "1 by x", "compare": "k a vs b", "pivot": "k", "join": "t on x",
      "left join": "t on x", "right join": "t on x", "full join": "t on a == b", "semi join": "t on x",
      "anti join": "t on x", "union": "t", "unpivot": "a, b into k, v", "describe": "",
      "chart": "bar v by k",
    ]
    let text = "from t | \(keyword) \(rest[keyword] ?? "")"
    let result = Parser.parse(SourceFile(name: "t", text: text))
    #expect(!result.hasErrors, "\(text)")
    #expect(result.statements.first?.pipeline?.stages.first?.keyword == keyword)
  }

  @Test func aliasesPointAtRealStages() {
    for (_, stage) in Keywords.stageAliases { #expect(Keywords.stages.contains(stage)) }
    #expect(Set(Functions.names).isDisjoint(with: Functions.aggregates))
    #expect(Set(Functions.windows).isDisjoint(with: Functions.names + Functions.aggregates))
    #expect(Functions.all.count == Functions.names.count + Functions.aggregates.count + Functions.windows.count)
  }
}
