import HQData
import HQEngine
import HQSyntax
import Testing

/// The text, conversion and math functions, `%` and `case`, each value worked out by hand.
@Suite struct FunctionTests {
  /// One row of `select ITEMS` over the first goal of ``Fixture``.
  func one(_ items: String) throws -> [String] {
    try run("from goals | take 1 | select \(items)")
  }

  @Test func concatSubstrReplaceTrim() throws {
    // concat leaves nulls out and writes numbers and truth values as `text` does.
    #expect(try one("a = concat(\"x\", 1.50, null, true), b = concat(name, \"!\")") == ["a,b", "x1.5true,Nöjda patienter!"])
    // "Läkemedel": characters 2–4 are ä k e; from position 0, two positions cover only "L".
    #expect(try one("a = substr(\"Läkemedel\", 2, 3), b = substr(\"Läkemedel\", 0, 2), c = substr(\"Läkemedel\", 7)") == [
      "a,b,c", "äke,L,del",
    ])
    #expect(try one("a = substr(\"abc\", 5, 1), b = substr(\"abc\", 2, -1), c = substr(\"abc\", 1.5, 1)") == ["a,b,c", ",null,null"])
    #expect(try one("a = replace(\"a-b-c\", \"-\", \" + \"), b = replace(\"Vård\", \"vård\", \"x\"), c = replace(\"ab\", \"\", \"x\")") == [
      "a,b,c", "a + b + c,Vård,ab",
    ])
    #expect(try one("a = trim(\"  hej då \\t\"), b = length(trim(\"\\u{A0}x\\n\"))") == ["a,b", "hej då,1"])
  }

  @Test func splitPartCountsFromOneAndFromTheEnd() throws {
    #expect(try one("a = split_part(\"2023–2026\", \"–\", 2), b = split_part(\"a,b,c\", \",\", -1), c = split_part(\"a,b\", \",\", 5), d = split_part(\"a,,b\", \",\", 2)") == [
      "a,b,c,d", "2026,c,,",
    ])
  }

  @Test func regularExpressions() throws {
    #expect(try one("a = matches(\"Antal besök\", \"^Antal\"), b = matches(\"antal\", \"^Antal\"), c = matches(\"antal\", \"(?i)^ANTAL\")") == [
      "a,b,c", "true,false,true",
    ])
    #expect(try one("a = extract(\"Period 2023-2026\", \"(\\\\d+)-(\\\\d+)\", 2), b = extract(\"Period 2023-2026\", \"\\\\d+\"), c = extract(\"abc\", \"\\\\d\"), d = extract(\"ab\", \"(a)(x)?\", 2)") == [
      "a,b,c,d", "2026,2023,null,null",
    ])
    #expect(try one("a = regex_replace(\"a  b   c\", \"\\\\s+\", \" \"), b = regex_replace(\"2023-2026\", \"(\\\\d+)-(\\\\d+)\", \"\\\\2 till \\\\1\"), c = regex_replace(\"x\", \"y\", \"z\")") == [
      "a,b,c", "a b c,2026 till 2023,x",
    ])
  }

  @Test func regularExpressionErrorsAreFoundBeforeRunning() {
    #expect(failure("from goals | where matches(name, \"(abc\")").contains("error: invalid regular expression: expected ')'"))
    #expect(failure("from goals | where matches(name, name)").contains("error: the pattern of matches must be text written in the query"))
    #expect(failure("from goals | select extract(name, \"a\", -1)").contains("error: extract's group must be a whole number of at least 0"))
    #expect(failure("from goals | select matches(name)").contains("error: matches takes 2 arguments, but 1 was given"))
    #expect(failure("from goals | select substr(name, \"1\")").contains("error: substr needs a number here, but this is text"))
  }

  @Test func numberReadsPlainAndSwedishForms() throws {
    #expect(try one("a = number(\"1 204,1\"), b = number(\"−5,8\"), c = number(\"5,8 %\"), d = number(\"12 450,0 mnkr\"), e = number(\"2 381 640\")") == [
      "a,b,c,d,e", "1204.1,-5.8,5.8,12450,2381640",
    ])
    #expect(try one("a = number(\"-1204.1\"), b = number(\" 42 \"), c = number(\"1e3\"), d = number(\"90%\"), e = number(\"– 3\")") == [
      "a,b,c,d,e", "-1204.1,42,1000,90,-3",
    ])
    // Not numbers: words, badly grouped digits, a number glued to a word, two numbers.
    #expect(try one("a = number(\"abc\"), b = number(\"12 34\"), c = number(\"12abc\"), d = number(\"1,5 2\"), e = number(\"\")") == [
      "a,b,c,d,e", "null,null,null,null,null",
    ])
    #expect(try one("a = number(7), b = text(25.50), c = text(true), d = text(null), e = text(\"x\")") == ["a,b,c,d,e", "7,25.5,true,null,x"])
    #expect(failure("from goals | select number(true)").contains("error: number reads numbers from text, but this is a true/false value"))
  }

  @Test func mathFunctions() throws {
    // √2 = 1.41421356237309…, e = 2.71828182845904…, ln 10 = 2.30258509299404…
    #expect(try one("a = sqrt(2), b = sqrt(16), c = exp(1), d = ln(10), e = log10(1000), f = exp(0)") == [
      "a,b,c,d,e,f", "1.414213562373,4,2.718281828459,2.302585092994,3,1",
    ])
    // Whole exponents are exact: 1.1² = 1.21, 2⁻² = 0.25, 0.5¹⁰ = 0.0009765625.
    #expect(try one("a = pow(1.1, 2), b = pow(2, -2), c = pow(0.5, 10), d = pow(1.5, 0.5), e = pow(7, 0)") == [
      "a,b,c,d,e", "1.21,0.25,0.0009765625,1.224744871392,1",
    ])
    // Average annual growth from 100 to 121 over two years: √1.21 − 1 = 0.1.
    #expect(try one("g = pow(121 / 100, 1 / 2) - 1") == ["g", "0.1"])
    // Outside the domain: null.
    #expect(try one("a = sqrt(-1), b = ln(0), c = log10(-5), d = pow(0, -1), e = pow(-8, 0.5)") == ["a,b,c,d,e", "null,null,null,null,null"])
    #expect(failure("from goals | select exp(100)").contains("error: number overflow"))
    #expect(failure("from goals | select pow(10, 19)").contains("error: number overflow"))
  }

  @Test func remainderHasTheSignOfTheDividend() throws {
    #expect(try one("a = 7 % 3, b = -7 % 3, c = 7 % -3, d = 7.5 % 2, e = 5 % 0, f = mod(2024, 4), g = 1 + 7 % 4 * 2") == [
      "a,b,c,d,e,f,g", "1,-1,1,1.5,null,0,7",
    ])
    #expect(try run("from facts | where year % 2 == 1 | count") == ["count", "3"])
  }

  @Test func caseTakesTheFirstTrueBranch() throws {
    // Values 9.4 16.1 300 270 15 null 0 5: null matches no condition, so takes `else`.
    #expect(try run("from facts | select c = case when value >= 100 then \"high\" when value > 10 then \"mid\" else \"low\" end") == [
      "c", "low", "mid", "high", "high", "mid", "low", "low", "low",
    ])
    #expect(try run("from facts | where year == 2023 | select c = case when value > 100 then 1 end") == ["c", "null", "1", "null"])
    #expect(failure("from facts | select c = case when value > 1 then 1 else \"x\" end").contains(
      "error: the results of 'case' must have one type, but this is text after a number"))
    #expect(failure("from facts | select c = case when value then 1 end").contains("error: 'when' needs a true/false condition"))
  }
}

extension FunctionTests {
  @Test func numberTakesOneUnitWordNotASentence() throws {
    #expect(try one("a = number(\"184 kWh/m2\"), b = number(\"2024 inom till exempel\"), c = number(\"3 st.\")") == ["a,b,c", "184,null,3"])
  }
}

/// percentile, variance and list over ``Fixture/facts``: non-null values 9.4 16.1 300 270 15
/// 0 5 in row order (Öppenvård's value is null).
@Suite struct NewAggregateTests {
  @Test func percentileInterpolatesBetweenNeighbours() throws {
    // Sorted: 0 5 9.4 15 16.1 270 300 (n = 7, positions 0–6). p = 0.5 → position 3 → 15;
    // p = 0.9 → 5.4 → 270 + 0.4 × (300 − 270) = 282; p = 0.25 → 1.5 → 5 + 0.5 × 4.4 = 7.2;
    // 0 and 1 are the smallest and largest.
    #expect(try run("from facts | summarize a = percentile(value, 0.5), b = percentile(value, 0.9), c = percentile(value, 0.25), d = percentile(value, 0), e = percentile(value, 1)") == [
      "a,b,c,d,e", "15,282,7.2,0,300",
    ])
    // Per group: Läkemedel 9.4 16.1 15 → sorted 9.4 15 16.1, p = 0.75 → position 1.5 → 15.55;
    // Öppenvård has no value: null; ambulans 0 5 → 3.75.
    #expect(try run("from facts | summarize p = percentile(value, 0.75) by indicator") == [
      "indicator,p", "Läkemedel,15.55", "Antibiotika,292.5", "Öppenvård,null", "ambulans,3.75",
    ])
  }

  @Test func varianceIsTheExactSampleVariance() throws {
    // Läkemedel 9.4 16.1 15: mean 13.5, squared deviations 16.81 6.76 2.25 = 25.82, / 2 = 12.91.
    // Antibiotika 300 270: 450; ambulans 0 5: 12.5; one or no value: null.
    #expect(try run("from facts | summarize v = variance(value) by indicator") == [
      "indicator,v", "Läkemedel,12.91", "Antibiotika,450", "Öppenvård,null", "ambulans,12.5",
    ])
    // 1 2 2: mean 5/3, deviations² 4/9 1/9 1/9 = 2/3, / 2 = 1/3.
    let t = Fixture.table("t", [("x", .number)], [[.int(1)], [.int(2)], [.int(2)]])
    var engine = Engine(catalog: Catalog([t]))
    #expect(try run("from t | summarize v = variance(x)", engine: &engine) == ["v", "0.333333333333"])
  }

  @Test func listJoinsTheValuesInRowOrder() throws {
    #expect(try run("from facts | summarize names = list(indicator) by year") == [
      "year,names", "2023,Läkemedel, Antibiotika, ambulans", "2024,Läkemedel, Antibiotika, Läkemedel, Öppenvård, ambulans",
    ])
    #expect(try run("from facts | where indicator == \"Läkemedel\" | summarize v = list(value, \"+\"), k = list(kind, \"\")") == [
      "v,k", "9.4+16.1+15,utfallutfallbudget",
    ])
    #expect(try run("from facts | where value is null | summarize v = list(value)") == ["v", "null"])
  }

  @Test func newAggregatesInDeriveAndTheirErrors() throws {
    // The 2023 outcomes are 9.4, 300 and 0: the 50th percentile of the one group is 9.4.
    #expect(try run("from facts | where kind == \"utfall\" and year == 2023 | derive p = percentile(value, 0.5), all = list(indicator, \"|\") | select p, all") == [
      "p,all", "9.4,Läkemedel|Antibiotika|ambulans", "9.4,Läkemedel|Antibiotika|ambulans", "9.4,Läkemedel|Antibiotika|ambulans",
    ])
    #expect(failure("from facts | summarize p = percentile(value, 2)").contains("error: percentile's fraction must be a number from 0 to 1"))
    #expect(failure("from facts | summarize p = percentile(indicator, 0.5)").contains("error: percentile needs numbers, but this is text"))
    #expect(failure("from facts | summarize p = percentile(value, year)").contains("error: this argument must be a value written in the query"))
    #expect(failure("from facts | summarize l = list(indicator, 1)").contains("error: list's separator must be text written in the query"))
    #expect(failure("from facts | summarize v = variance()").contains("error: variance takes one argument, but 0 were given"))
  }
}

extension FunctionTests {
  @Test func extremeArgumentsGiveValuesOrErrorsNeverCrashes() throws {
    // Parts counted from the end stop at the first; 2⁻⁶⁴ = 5.4 × 10⁻²⁰ rounds to 0 at 12
    // decimals; 10⁻³ is exact.
    #expect(try one("a = split_part(\"a,b\", \",\", -9223372036854775807 - 1), b = pow(2, -64), c = pow(10, -3), d = substr(\"abc\", 9223372036854775807, 9223372036854775807)") == [
      "a,b,c,d", ",0,0.001,",
    ])
    let many = (0..<300).map { "when value == \($0) then \($0)" }.joined(separator: " ")
    #expect(failure("from facts | select case \(many) end").contains("error: 'case' has more than 256 branches"))
    // 250 branches are fine: ambulans's 0 and 5 take the branches doubling them; Antibiotika's
    // 300 and 270 match none, so `else`.
    let allowed = (0..<250).map { "when value == \($0) then \($0 * 2)" }.joined(separator: " ")
    #expect(try run("from facts | where indicator == \"ambulans\" | select c = case \(allowed) else -1 end") == ["c", "0", "10"])
    #expect(try run("from facts | where indicator == \"Antibiotika\" | select c = case \(allowed) else -1 end") == ["c", "-1", "-1"])
    var engine = Fixture.engine
    var script = "let f0(x) = x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x + x\n"
    for i in 1...8 { script += "let f\(i)(x) = f\(i - 1)(x) + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1\n" }
    _ = try? run(script, engine: &engine)
    #expect(failure("from facts | select f8(value)", engine: engine).contains("expands to an expression too deep to compute"))
  }
}
