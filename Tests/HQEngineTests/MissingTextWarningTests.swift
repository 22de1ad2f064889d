import HQData
import HQEngine
import HQSyntax
import Testing

/// Issue 13 item 9: a `where` that keeps no row because no row holds a compared text says so,
/// naming the nearest values (hand-picked table; each expectation worked out from it).
@Suite struct MissingTextWarningTests {
  static var engine: Engine {
    let t = Fixture.table(
      "t", [("period", .text), ("kind", .text), ("year", .number)],
      [
        [.text("jan–aug"), .text("utfall"), .int(2023)],
        [.text("helår"), .text("budget"), .int(2024)],
        [.text("Jan–Aug"), .text("utfall"), .int(2024)],
        [.null, .text("mål"), .int(2024)],
      ])
    return Engine(catalog: Catalog([t]))
  }

  func warnings(_ query: String) throws -> [String] {
    var engine = Self.engine
    var out: [String] = []
    try engine.run(SourceFile(name: "<test>", text: query)) { warning in
      out.append(warning.rendered)
    } output: { _ in }
    return out
  }

  @Test func theNearestValuesAreNamed() throws {
    // Both dash forms differ from "jan-aug" only by the dash and case: both are named.
    #expect(try warnings("from t | where period == \"jan-aug\"") == ["""
      <test>:1:26: warning: no row has period "jan-aug"; did you mean "jan–aug" or "Jan–Aug"?
      from t | where period == "jan-aug"
                               ^~~~~~~~~
      """])
    // A plain letter finds its accented form.
    #expect(try warnings("from t | where \"helar\" == period | count") == ["""
      <test>:1:16: warning: no row has period "helar"; did you mean "helår"?
      from t | where "helar" == period | count
                     ^~~~~~~
      """])
    // Containing the text, then a typo.
    #expect(try warnings("from t | where period == \"hel\"").first?.contains("did you mean \"helår\"?") == true)
    #expect(try warnings("from t | where kind == \"utfal\"").first?.contains("did you mean \"utfall\"?") == true)
  }

  @Test func withoutANearValueTheValuesAreListed() throws {
    #expect(try warnings("from t | where kind in [\"prognos\", \"utfall\"] and year == 2030") == ["""
      <test>:1:25: warning: no row has kind "prognos"
      from t | where kind in ["prognos", "utfall"] and year == 2030
                              ^~~~~~~~~
      help: kind here is one of "budget", "mål", "utfall"
      """])
    #expect(try warnings("from t | where year == 1 | where kind == \"x\"") == [])
  }

  @Test func noWarningWhenTheTextExistsOrRowsAreKept() throws {
    // "utfall" exists; the year removes every row: no text is missing.
    #expect(try warnings("from t | where kind == \"utfall\" and year == 2030").isEmpty)
    // Rows are kept (the `or`), so nothing is read.
    #expect(try warnings("from t | where kind == \"prognos\" or year == 2024").isEmpty)
    // `!=` and `~` are not equality tests of a text that must exist.
    #expect(try warnings("from t | where kind != \"budget\" and year == 2030").isEmpty)
    #expect(try warnings("from t | where period ~ \"jan-aug\" | count").isEmpty)
  }
}
