import HQData
import HQEngine
import Testing

/// Functions, operators and SQL null semantics, each on one row.
@Suite struct EvaluatorTests {
  private func value(_ expression: String) throws -> String {
    let out = try run("from facts | take 1 | select x = \(expression)")
    return out.count == 2 ? out[1] : "<\(out)>"
  }

  @Test(arguments: [
    ("round(2.345, 2)", "2.35"), ("round(-2.5)", "-3"), ("round(1234, -2)", "1200"), ("round(value)", "9"),
    ("floor(-1.5)", "-2"), ("ceil(1.2)", "2"), ("abs(-3.5)", "3.5"), ("abs(value - 10)", "0.6"),
    ("1 / 3", "0.333333333333"), ("2 / 3", "0.666666666667"), ("10 / 4", "2.5"), ("-7 / 2", "-3.5"),
    ("1 / 0", "null"), ("value * 1.5", "14.1"), ("-value", "-9.4"),
  ])
  func numbers(expression: String, expected: String) throws {
    #expect(try value(expression) == expected)
  }

  @Test(arguments: [
    ("lower(\"ÅÄÖ Läk\")", "åäö läk"), ("upper(indicator)", "LÄKEMEDEL"), ("length(indicator)", "9"),
    // contains, startswith, endswith are exact (issue 13 item 10); `~` folds.
    ("contains(indicator, \"LAKE\")", "false"), ("contains(indicator, \"kemed\")", "true"),
    ("contains(indicator, \"\")", "true"), ("startswith(indicator, \"lak\")", "false"),
    ("startswith(indicator, \"Läk\")", "true"), ("startswith(indicator, \"läk\")", "false"),
    ("endswith(indicator, \"DEL\")", "false"), ("endswith(indicator, \"del\")", "true"),
    ("endswith(indicator, \"lak\")", "false"),
    ("indicator ~ \"LAKE\"", "true"), ("indicator ~ \"läke\"", "true"), ("indicator ~ \"lake\"", "true"),
    ("indicator ~ \"låke\"", "false"), ("\"Läkemedel\" ~ \"LÄK\"", "true"),
    ("coalesce(null, 2)", "2"), ("coalesce(null, null)", "null"), ("if(value > 2, \"big\", \"small\")", "big"),
    ("if(null, 1, 2)", "2"),
  ])
  func textAndConditionals(expression: String, expected: String) throws {
    #expect(try value(expression) == expected)
  }

  @Test(arguments: [
    ("null < 1", "null"), ("value + null > 1", "null"), ("value > null", "null"),
    ("null and false", "false"), ("null and true", "null"), ("null or true", "true"), ("null or false", "null"),
    ("not null", "null"), ("null is null", "true"), ("1 + null", "null"), ("\"a\" ~ null", "null"),
    ("1 in [2, null]", "null"), ("1 in [1, null]", "true"), ("1 not in [2, null]", "null"),
    ("\"b\" < \"å\"", "true"), ("\"Z\" < \"ä\"", "true"), ("\"a\" == \"A\"", "false"),
  ])
  func nullsAndComparisons(expression: String, expected: String) throws {
    #expect(try value(expression) == expected)
  }

  @Test func overflowIsAnErrorNotATrap() {
    #expect(failure("from facts | take 1 | select x = 9000000000000000000 * 10") == """
      <test>:1:34: error: number overflow: the result does not fit in 18 significant digits
      from facts | take 1 | select x = 9000000000000000000 * 10
                                       ^~~~~~~~~~~~~~~~~~~~~~~~
      help: divide before multiplying, or round to fewer decimals
      """)
  }

  /// Issue 12, item 12: `round` past 18 digits clamped its places to -18 and gave 1e18 for
  /// `round(999999999999999999, -19)`, and a result that did not fit came back unrounded.
  @Test(arguments: [
    ("round(999999999999999999, -19)", "0"), ("round(-999999999999999999, -19)", "0"),
    ("round(999999999999999999, -18)", "1000000000000000000"), ("round(4999999999999999999, -19)", "0"),
    ("round(123.456, -40)", "0"), ("round(1.5, -9000000000000000000)", "0"), ("round(0.000000000000000005, 17)", "0.00000000000000001"),
    ("round(2.5, 9000000000000000000)", "2.5"),
  ])
  func roundingFarOutIsExact(expression: String, expected: String) throws {
    #expect(try value(expression) == expected)
  }

  @Test(arguments: ["round(9223372036854775807, -1)", "round(5000000000000000000, -19)", "round(-9000000000000000000, -19)"])
  func roundingThatDoesNotFitIsAnError(expression: String) {
    #expect(failure("from facts | take 1 | select x = \(expression)").contains("error: number overflow"))
  }

  /// `~` row by row (every text distinct, so no dictionary path): the pattern's plain letters
  /// find accented forms, its å ä ö only themselves (issue 13 item 10; hand-counted).
  @Test func containsFoldsOneWayRowByRow() throws {
    let stems = ["Vård", "Värde", "vardag", "VÅRDCENTRAL", "va\u{30A}rd"]
    let rows = (0..<500).map { i -> [Value] in [.text("\(stems[i % 5]) \(i)"), .int(i)] }
    var engine = Engine(catalog: Catalog([Fixture.table("t", [("name", .text), ("v", .number)], rows)]))
    #expect(try run("from t | where name ~ \"vård\" | count", engine: &engine) == ["count", "300"])
    #expect(try run("from t | where name ~ \"vard\" | count", engine: &engine) == ["count", "500"])
    #expect(try run("from t | where name ~ \"VÄRD\" | count", engine: &engine) == ["count", "100"])
    #expect(try run("from t | where name !~ \"vård\" | count", engine: &engine) == ["count", "200"])
    #expect(try run("from t | where contains(name, \"Vård\") | count", engine: &engine) == ["count", "100"])
    #expect(try run("from t | where name ~ \"vård 1\" | count", engine: &engine) == ["count", "44"])
  }

  /// Over many rows, expressions on one text column run once per dictionary entry; they
  /// must give what the row-by-row path gives on the fixture (checked above by hand).
  @Test func dictionaryPathAgreesWithRowPath() throws {
    let names: [Value] = [.text("Läkemedel"), .text("Antibiotika"), .null, .text("läkemedelsförmån")]
    let big = Fixture.table("big", [("name", .text), ("v", .number)], (0..<400).map { [names[$0 % 4], .int($0)] })
    var engine = Engine(catalog: Catalog([big]))
    // 100 rows of each name; two of the names contain "lakemedel".
    #expect(try run("from big | where name ~ \"lakemedel\" | count", engine: &engine) == ["count", "200"])
    #expect(try run("from big | where name !~ \"lakemedel\" | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where name ~ \"läkemedel\" | count", engine: &engine) == ["count", "200"])
    #expect(try run("from big | where name ~ \"LÄKEMEDELSFÖRMÅN\" | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where name ~ \"lakemedelsformån\" | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where name ~ \"lakemedelsförman\" | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where name ~ \"låkemedel\" | count", engine: &engine) == ["count", "0"])
    #expect(try run("from big | where contains(name, \"läkemedel\") | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where startswith(name, \"Läk\") | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where lower(name) == \"läkemedel\" | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where name is null | count", engine: &engine) == ["count", "100"])
    #expect(try run("from big | where length(name) > 9 | count", engine: &engine) == ["count", "200"])
    #expect(try run("from big | summarize n = count() by u = upper(name) | sort u", engine: &engine) == [
      "u,n", "ANTIBIOTIKA,100", "LÄKEMEDEL,100", "LÄKEMEDELSFÖRMÅN,100", "null,100",
    ])
  }

  /// Sums of many one-decimal values stay exact: 0.1 × 10 000 = 1000.
  @Test func manySmallDecimalsSumExactly() throws {
    let tenths = Fixture.table("t", [("v", .number)], (0..<10_000).map { _ in [Fixture.n("0.1")] })
    var engine = Engine(catalog: Catalog([tenths]))
    #expect(try run("from t | summarize s = sum(v), a = avg(v)", engine: &engine) == ["s,a", "1000,0.1"])
  }
}
