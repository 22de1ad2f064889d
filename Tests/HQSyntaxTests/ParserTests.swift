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
  }
}
