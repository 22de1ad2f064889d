import Testing
@testable import HQShell

private struct FakeProvider: CompletionProvider {
  var sourceNames = ["facts", "goals", "sections", "reports"]
  var parameterNames = ["year"]

  func columns(afterPipelinePrefix prefix: String) -> [String] {
    prefix.contains("goals") ? ["report", "name", "status", "line"] : ["indicator", "year", "value", "antal patienter"]
  }

  func values(of column: String, afterPipelinePrefix prefix: String) -> [String] {
    column == "indicator" ? ["Läkemedel", "Läkarbesök", "Tandvård", "lakan"] : []
  }
}

@Suite struct CompletionTests {
  private func complete(_ text: String) -> Completion.Result {
    Completion.complete(text, using: FakeProvider())
  }

  @Test func statementStartsAndSources() {
    #expect(complete("fr").candidates == ["from"])
    #expect(complete("from g").candidates == ["goals"])
    #expect(complete("from g").replaceFrom == 5)
    #expect(complete("from facts | join s").candidates == ["sections"])
  }

  @Test func stagesAfterAPipe() {
    #expect(complete("from facts | s").candidates == ["select", "summarize", "sort", "semi"])
    #expect(complete("from facts |\n  wh").candidates == ["where"])
    #expect(complete("from facts | cha").candidates == ["chart"])
    #expect(complete("from facts | chart l").candidates == ["line"])
    #expect(complete("from facts | summarize t = spa").candidates == ["spark("])
  }

  @Test func columnsOfThePipelineAndFunctions() {
    // Aggregates only where they are allowed.
    #expect(complete("from goals | where st").candidates == ["status", "startswith("])
    #expect(complete("from goals | summarize s = st").candidates == ["status", "startswith(", "stddev("])
    #expect(complete("from facts | where year == $y").candidates == ["year"])
    #expect(complete("from facts | summarize n = count() by ye").candidates == ["year"])
    #expect(complete("from facts | select an").candidates == ["`antal patienter`"])
    #expect(complete("from facts | derive x = ro").candidates == ["round(", "row_number("])
    #expect(complete("from facts | derive x = rou").suffix == "")
    // Window functions only in derive.
    #expect(complete("from facts | derive x = la").candidates == ["last(", "lag("])
    #expect(complete("from facts | select x = la").candidates == [])
  }

  @Test func valuesInsideQuotesFoldCaseAndDiacritics() {
    let result = complete("from facts | where indicator == \"lak")
    #expect(result.candidates == ["lakan", "Läkarbesök", "Läkemedel"])
    #expect(result.suffix == "\"")
    #expect(result.replaceFrom == "from facts | where indicator == \"".utf8.count)
    #expect(complete("from facts | where indicator ~ \"TAND").candidates == ["Tandvård"])
    #expect(complete("from facts | where indicator in [\"Tandvård\", \"läke").candidates == ["Läkemedel"])
  }

  @Test func metaCommandsAndTheirArguments() {
    #expect(complete(".sc").candidates == [".schema"])
    #expect(complete(".format js").candidates == ["json"])
    #expect(complete(".schema fa").candidates == ["facts"])
    #expect(complete(".help summ").candidates == ["summarize"])
    #expect(complete(".num").candidates == [".numbers"])
    #expect(complete(".numbers s").candidates == ["sv"])
    #expect(complete(".maxrows a").candidates == ["all"])
  }

  @Test func formatsAfterAnOutputFileAndEncodingsAfterALoad() {
    #expect(complete(".format csv").candidates == ["csv", "csv-sv"])
    #expect(complete(".output bok.dat x").candidates == ["xlsx"])
    #expect(complete(".once r.txt ").candidates.contains("csv-sv"))
    #expect(complete(".load export.csv enc").candidates == ["encoding=utf-8", "encoding=cp1252"])
    #expect(complete(".help xl").candidates == ["xlsx"])
  }

  @Test func filePathsAfterLoad() {
    let result = complete(".load /us")
    #expect(result.candidates == ["/usr/"])
    #expect(result.suffix == "")
  }

  @Test func filePathsFirstAfterOutputAndOnce() {
    // The file comes first; formats only after it (a `where` once applied to `once` only).
    #expect(complete(".output /us").candidates == ["/usr/"])
    #expect(complete(".once /us").candidates == ["/usr/"])
  }

  @Test func commonPrefixAndColumns() {
    #expect(Completion.commonPrefix(["Läkemedel", "Läkarbesök"]) == "Läk")
    #expect(Completion.columns(["a", "bb", "ccc"], width: 10) == "a    bb\nccc\n")
  }
}
