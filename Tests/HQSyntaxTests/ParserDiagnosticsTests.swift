import HQSyntax
import Testing

/// Rendered syntax errors, checked character by character: position, caret span, help.
@Suite struct ParserDiagnosticsTests {
  @Test func misspelledStage() {
    #expect(errors("from facts | whree x > 1") == """
      t.hq:1:14: error: unknown stage 'whree'
      from facts | whree x > 1
                   ^~~~~
      help: did you mean 'where'?
      """)
    #expect(errors("from facts | sumarize n = count()").hasSuffix("help: did you mean 'summarize'?"))
    #expect(errors("from facts | pivto year").hasSuffix("help: did you mean 'pivot'?"))
  }

  @Test func stageWordsFromOtherLanguages() {
    #expect(errors("from facts | limit 5").hasSuffix("help: did you mean 'take'?"))
    #expect(errors("from facts | filter x > 1").hasSuffix("help: did you mean 'where'?"))
    #expect(errors("from facts | group by year").hasSuffix("help: did you mean 'summarize'?"))
  }

  @Test func missingStageAfterPipe() {
    #expect(errors("from facts |\n") == """
      t.hq:1:13: error: expected a stage after '|', found the end of the input
      from facts |
                  ^
      help: a stage is one of where, select, derive, summarize, sort, take, distinct, count, top, compare, pivot, join, left join, right join, full join, semi join, anti join, union, unpivot, describe, chart
      """)
    #expect(errors("from facts | xyzzy").hasSuffix(
      "help: a stage is one of where, select, derive, summarize, sort, take, distinct, count, top, compare, pivot, join, left join, right join, full join, semi join, anti join, union, unpivot, describe, chart"))
  }

  @Test func statementStart() {
    #expect(errors("form facts") == """
      t.hq:1:1: error: unknown word 'form' at the start of a statement
      form facts
      ^~~~
      help: did you mean 'from'?
      """)
    #expect(errors("facts | take 3").hasSuffix("help: to read a source, write 'from facts'"))
    #expect(errors("select x from facts").hasSuffix("help: a pipeline starts with its source: from facts | select …"))
  }

  @Test func lineAndColumnInLaterLines() {
    #expect(errors("from facts | take 1\n\nfrom goals\n  | whre x", name: "report.hq") == """
      report.hq:4:5: error: unknown stage 'whre'
        | whre x
          ^~~~
      help: did you mean 'where'?
      """)
  }

  @Test func columnsCountCharactersNotBytes() {
    #expect(errors("from fakta | where år ~ \"ö\" | whre").hasPrefix("t.hq:1:31: error: unknown stage 'whre'"))
  }

  @Test func comparisonSlips() {
    #expect(errors("from facts | where year = 2024") == """
      t.hq:1:25: error: '=' does not compare
      from facts | where year = 2024
                              ^
      help: to compare, write '=='
      """)
    #expect(errors("from facts | where x == null") == """
      t.hq:1:22: error: '== null' is never true: a comparison with null is null
      from facts | where x == null
                           ^~~~~~~
      help: write 'is null'
      """)
    #expect(errors("from facts | where x != null").hasSuffix("help: write 'is not null'"))
    #expect(errors("from facts | where a < b < c").hasSuffix("help: write 'a < b and b < c'"))
    #expect(errors("from facts | where a <> b").hasSuffix("help: write '!=' for 'not equal'"))
  }

  @Test func stagesWithoutPipe() {
    #expect(errors("from facts | where x > 1 take 5") == """
      t.hq:1:26: error: expected '|' or the end of the statement after the 'where' stage, found 'take'
      from facts | where x > 1 take 5
                               ^~~~
      help: separate stages with '|': … | take …
      """)
  }

  @Test func unclosedBrackets() {
    #expect(errors("from facts | where (a > 1") == """
      t.hq:1:26: error: expected ')' to close the '(' at 1:20, found the end of the input
      from facts | where (a > 1
                               ^
      """)
    #expect(errors("from facts | where x in [1 2]").hasPrefix(
      "t.hq:1:28: error: expected ',' or ']' in the list opened at 1:25, found the number 2"))
  }

  @Test func quotes() {
    #expect(errors("from facts | where a == \"abc") == """
      t.hq:1:25: error: unterminated text; the closing '"' is missing
      from facts | where a == "abc
                              ^
      help: end the text with '"'
      """)
    #expect(errors("from facts | where x == 'Läk'") == """
      t.hq:1:25: error: text is written in straight double quotes
      from facts | where x == 'Läk'
                              ^~~~~
      help: write "Läk"
      """)
    #expect(errors("from facts | where x == “a”").hasSuffix("help: write \"a\""))
    #expect(errors(#"from facts | where a == "x\q""#).contains("error: unknown escape '\\q' in text"))
  }

  @Test func stageArguments() {
    #expect(errors("from facts | take 2.5").hasPrefix("t.hq:1:19: error: expected a whole number after 'take', found the number 2.5"))
    #expect(errors("from facts | top 5 value").hasPrefix("t.hq:1:20: error: expected 'by' after 'top 5', found 'value'"))
    #expect(errors("from facts | compare year 2023 2024").hasSuffix("help: compare year 2023 vs 2024"))
    #expect(errors("from facts | derive x").hasPrefix("t.hq:1:21: error: 'derive' needs a name for each new column"))
    #expect(errors("from facts | select").hasSuffix("help: select indicator, year, value"))
    #expect(errors("from facts | count()").hasSuffix("help: the 'count' stage takes no arguments; count() is the aggregate used in summarize"))
    #expect(errors("from facts | summarize count(*)").hasSuffix("help: write count() to count rows"))
    #expect(errors("from facts | join goals").hasPrefix("t.hq:1:24: error: expected 'on' and the columns to join on, found the end of the input"))
    #expect(errors("from facts | left goals").hasPrefix("t.hq:1:19: error: expected 'join' after 'left', found 'goals'"))
    #expect(errors("let x == from facts").hasPrefix("t.hq:1:7: error: write '=' after the name of a let, not '=='"))
    #expect(errors("from").hasPrefix("t.hq:1:5: error: expected a source name after 'from', found the end of the input"))
    #expect(errors("search antibiotika").hasSuffix("help: search \"antibiotika\""))
  }

  @Test func reservedWords() {
    #expect(errors("from facts | where and").hasSuffix("help: to use 'and' as a column name, write `and`"))
    #expect(errors("from facts | distinct null").hasSuffix("help: write `null` in backquotes to use it as a name"))
  }

  @Test func oneErrorPerStatement() {
    let text = "from a | whre x\nfrom b | take 1\nform c"
    let result = Parser.parse(SourceFile(name: "t", text: text))
    #expect(result.diagnostics.map(\.message) == ["unknown stage 'whre'", "unknown word 'form' at the start of a statement"])
    #expect(result.statements.isEmpty)
  }

  @Test func statementsBeforeTheFirstErrorAreKept() {
    let result = Parser.parse(SourceFile(name: "t", text: "from a\nfrom b | take x"))
    #expect(result.statements.map(ASTPrinter.print) == ["from a"])
    #expect(result.hasErrors)
  }

  @Test func statementsBeforeALexicalErrorAreKept() {
    let result = Parser.parse(SourceFile(name: "t", text: "from a\nfrom b | where x == 'y'\nfrom c"))
    #expect(result.statements.map(ASTPrinter.print) == ["from a"])
    #expect(result.diagnostics.map(\.message) == ["text is written in straight double quotes"])
  }

  @Test func parseOrThrow() {
    #expect(throws: DiagnosticError.self) { try Parser.parseOrThrow(SourceFile(name: "t", text: "from")) }
  }
}

@Suite struct ParserHabitTests {
  @Test func habitsFromSQL() {
    #expect(errors("from facts | where a > 1 AND b").hasSuffix("help: hq keywords are lowercase: 'and'"))
    #expect(errors("from facts | WHERE a > 1").hasSuffix("help: did you mean 'where'?"))
    #expect(errors("from facts | where a like \"x\"").hasSuffix(
      "help: write '~' for 'contains' (it folds case and diacritics): indicator ~ \"läkemedel\""))
    #expect(errors("from facts | where x between 1 and 2").hasSuffix("help: write 'x >= low and x <= high'"))
    #expect(errors("from facts | sort by year") == """
      t.hq:1:19: error: 'sort' takes the sort keys directly, without 'by'
      from facts | sort by year
                        ^~
      help: sort year desc, indicator
      """)
    #expect(errors("from facts | select *").hasSuffix(
      "help: every column is kept unless you select some; list them: select indicator, value"))
    #expect(errors("from facts | where a > 1 b").hasSuffix("help: combine conditions with 'and' or 'or'"))
    #expect(errors("from facts | select a b").hasSuffix("help: separate items with ','"))
  }
}

@Suite struct ParserSlipTests {
  @Test func conditionWithoutWhere() {
    #expect(errors("from facts | year > 2020") == """
      t.hq:1:14: error: unknown stage 'year'
      from facts | year > 2020
                   ^~~~
      help: to keep the rows that match, write '| where year …'
      """)
    #expect(errors("from facts | indicator in [\"a\"]").hasSuffix("help: to keep the rows that match, write '| where indicator …'"))
  }

  /// The hints issue 14 found misleading: a stray ',' before `by` (was "separate items with
  /// ','"), a misspelled sort direction, a meta command inside a pipeline (was "a decimal
  /// number starts with a digit").
  @Test func aCommaBeforeByAMisspelledDirectionAndACommandInAPipeline() {
    #expect(errors("from goals | summarize n = count(), by status") == """
      t.hq:1:40: error: expected '|' or the end of the statement after the 'summarize' stage, found 'status'
      from goals | summarize n = count(), by status
                                             ^~~~~~
      help: remove the ',' before 'by': summarize n = count() by status
      """)
    #expect(errors("from facts | sort value decs").hasSuffix("help: did you mean 'desc'?"))
    #expect(errors("from facts | sort year asd, value").hasSuffix("help: did you mean 'asc'?"))
    #expect(!Parser.parse(SourceFile(name: "t.hq", text: "from facts | sort year desc, value")).hasErrors)
    #expect(errors("from facts | take 2 | .format csv") == """
      t.hq:1:23: error: unexpected character '.'
      from facts | take 2 | .format csv
                            ^
      help: commands such as .format go on a line of their own, not inside a statement
      """)
    #expect(errors("from facts | where value > .5").hasSuffix("help: a decimal number starts with a digit: 0.5"))
  }

  @Test func groupByAndJoinConditions() {
    #expect(errors("from facts | summarize n = count() group by year").hasSuffix("help: write 'by' alone: summarize n = count() by year"))
    #expect(errors("from goals | join reports on report = id").hasSuffix(
      "help: to join on columns with different names, write 'on report == id'"))
  }

  /// Issue 14: SQL's `case value when …`, an uppercase `CASE WHEN` and a `when` without its
  /// condition were read as a column followed by a stray word ("separate items with ','").
  @Test func caseWithoutItsWhen() {
    #expect(errors("from facts | derive s = case value when 1 then \"a\" end") == """
      t.hq:1:30: error: expected 'when' after 'case', found 'value'
      from facts | derive s = case value when 1 then "a" end
                                   ^~~~~
      help: hq's case compares in each branch: case when value == 100 then "high" else "low" end
      """)
    #expect(errors("from facts | derive s = CASE WHEN value > 1 THEN 2 END") == """
      t.hq:1:25: error: 'CASE WHEN' is not a case expression
      from facts | derive s = CASE WHEN value > 1 THEN 2 END
                              ^~~~~~~~~
      help: hq keywords are lowercase: case when value > 100 then "high" else "low" end
      """)
    #expect(errors("from facts | derive s = case when value > 1 then 2 when else 3 end") == """
      t.hq:1:57: error: expected a condition after 'when', found 'else'
      from facts | derive s = case when value > 1 then 2 when else 3 end
                                                              ^~~~
      help: case when value > 100 then "high" else "low" end
      """)
  }

  /// A column may still be called `case`: only `case` before an operand is taken for the keyword.
  @Test func aColumnCalledCase() {
    #expect(Parser.parse(SourceFile(name: "t.hq", text: "from t | where case > 1 | select case")).diagnostics.isEmpty)
  }
}
