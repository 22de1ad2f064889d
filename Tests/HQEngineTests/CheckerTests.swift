import HQData
import HQEngine
import Testing

/// Name and type errors, reported before anything runs, rendered with line, column, caret
/// and help exactly as the shell prints them.
@Suite struct CheckerTests {
  @Test func unknownColumnSuggestsTheNearestName() {
    #expect(failure("from facts | where vaule > 5") == """
      <test>:1:20: error: unknown column 'vaule'
      from facts | where vaule > 5
                         ^~~~~
      help: did you mean 'value'?
      """)
  }

  @Test func unknownSourceSuggestsTheNearestSource() {
    #expect(failure("from fact | count") == """
      <test>:1:6: error: unknown source 'fact'
      from fact | count
           ^~~~
      help: did you mean 'facts'?
      """)
  }

  @Test func unknownFunction() {
    #expect(failure("from facts | summarize t = sume(value)") == """
      <test>:1:28: error: unknown function 'sume'
      from facts | summarize t = sume(value)
                                 ^~~~
      help: did you mean 'sum'?
      """)
  }

  @Test func wrongNumberOfArguments() {
    #expect(failure("from facts | select x = abs(value, 1)") == """
      <test>:1:25: error: abs takes one argument, but 2 were given
      from facts | select x = abs(value, 1)
                              ^~~~~~~~~~~~~
      help: write abs(delta)
      """)
  }

  @Test func wrongArgumentTypes() {
    #expect(failure("from facts | where year == \"2024\"") == """
      <test>:1:20: error: cannot compare a number with text using '=='
      from facts | where year == "2024"
                         ^~~~~~~~~~~~~~
      help: write it without quotes: 2024
      """)
    #expect(failure("from facts | select x = lower(value)").contains("error: lower needs text here, but this is a number"))
    #expect(failure("from facts | where value").contains("error: 'where' needs a true/false condition, but this is a number"))
  }

  @Test func aggregateOutsideSummarize() {
    #expect(failure("from facts | where sum(value) > 5") == """
      <test>:1:20: error: the aggregate 'sum' can only be used in 'summarize' and 'derive'
      from facts | where sum(value) > 5
                         ^~~~~~~~~~
      help: for example: summarize total = sum(value) by indicator, or derive x = sum(value) by indicator
      """)
  }

  @Test func columnOutsideAggregateInSummarize() {
    #expect(failure("from facts | summarize n = count(), unit by kind").contains(
      "error: column 'unit' is neither in 'by' nor inside an aggregate"))
  }

  @Test func parameterNotSet() {
    #expect(failure("from facts | where year == $year") == """
      <test>:1:28: error: parameter '$year' is not set
      from facts | where year == $year
                                 ^~~~~
      help: set it with --set year=VALUE on the command line, or .set year VALUE in the shell
      """)
  }

  @Test func errorsComeBeforeAnyStageRuns() {
    // The misspelled name is in the last stage: nothing runs, the checker reports it.
    #expect(failure("from facts | sort value | summarize n = count() by kind | where nn > 1").contains("did you mean 'n'?"))
  }

  @Test func compareNeedsAValueColumn() {
    #expect(failure("from goals | compare status uppfyllt vs ej").contains(
      "error: compare puts the 'value' column side by side, but there is no 'value' column here"))
  }

  @Test func joinKeyMustExistOnBothSides() {
    #expect(failure("from facts | join goals on unit").contains("error: the joined source 'goals' has no column 'unit'"))
  }
}
