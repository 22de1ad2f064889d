import Foundation
import HQData
import Testing
@testable import HQShell
import HQDiagnostics

@Suite struct DelimitedFormatterTests {
  @Test func csvRoundTripsThroughAnRFC4180Parser() {
    let rows = TestCSV.parse(Fixtures.render(Fixtures.awkward(), .csv))
    #expect(rows == [
      ["indicator", "year", "value", "note"],
      ["Läkemedel", "2023", "25.5", "plain"],
      ["Tandvård, barn", "2024", "-1204.1", "says \"hej\""],
      ["Åtgärd\tflik", "", "0.05", "two\nlines"],
      ["x|y", "2017", "", ""],
    ])
  }

  @Test func csvQuotesOnlyWhatNeedsIt() {
    let text = Fixtures.render(Fixtures.awkward(), .csv)
    #expect(text.hasPrefix("indicator,year,value,note\nLäkemedel,2023,25.5,plain\n\"Tandvård, barn\",2024,-1204.1,\"says \"\"hej\"\"\"\n"))
  }

  @Test func tsvEscapesTabsNewlinesAndBackslashes() {
    let lines = Fixtures.render(Fixtures.awkward(), .tsv).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "indicator\tyear\tvalue\tnote")
    #expect(lines[3] == "Åtgärd\\tflik\t\t0.05\ttwo\\nlines")
    #expect(lines.count == 6)
  }
}

@Suite struct JSONFormatterTests {
  @Test func jsonParsesBackWithNumbersAsNumbers() throws {
    let text = Fixtures.render(Fixtures.awkward(), .json)
    let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
    let rows = try #require(parsed)
    #expect(rows.count == 4)
    #expect(rows[0]["indicator"] as? String == "Läkemedel")
    #expect((rows[0]["year"] as? NSNumber)?.intValue == 2023)
    #expect(rows[1]["note"] as? String == "says \"hej\"")
    #expect(rows[2]["note"] as? String == "two\nlines")
    #expect(rows[2]["year"] is NSNull)
    #expect(rows[3]["value"] is NSNull)
    // Spelled exactly as Number prints them, never a binary-float artefact.
    #expect(text.contains("\"value\":25.5,"))
    #expect(text.contains("\"value\":-1204.1,"))
    #expect(text.contains("\"value\":0.05,"))
  }

  @Test func jsonKeepsColumnOrder() {
    let text = Fixtures.render(Fixtures.awkward(), .json)
    #expect(text.contains("{\"indicator\":\"Läkemedel\",\"year\":2023,\"value\":25.5,\"note\":\"plain\"}"))
  }

  @Test func ndjsonIsOneObjectPerLine() throws {
    let lines = Fixtures.render(Fixtures.awkward(), .ndjson).split(separator: "\n")
    #expect(lines.count == 4)
    for line in lines {
      #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }
  }

  @Test func emptyResultIsAnEmptyArray() {
    let empty = TableBuilder(name: "e", schema: Schema([Field("a", .text)])).build()
    #expect(Fixtures.render(empty, .json) == "[]\n")
    #expect(Fixtures.render(empty, .csv) == "a\n")
  }
}

@Suite struct TableFormatterTests {
  @Test func alignsColumnsNumbersRightWithFooter() {
    var builder = TableBuilder(name: "t", schema: Schema([Field("indicator", .text), Field("value", .number)]))
    try? builder.append([.text("Läkemedel"), .number(Number(mantissa: 255, scale: 1))])
    try? builder.append([.text("Öl"), .int(1204)])
    let text = Fixtures.render(builder.build(), .table)
    #expect(text == """
      indicator  value
      ─────────  ─────
      Läkemedel   25.5
      Öl          1204
      (2 rows)

      """)
  }

  @Test func countsSwedishLettersAsOneColumnEvenDecomposed() {
    #expect(DisplayWidth.of("Läkemedel") == 9)
    #expect(DisplayWidth.of("La\u{0308}kemedel") == 9)
    #expect(DisplayWidth.of("日本") == 4)
  }

  @Test func fitsWideTablesIntoTheTerminal() {
    var builder = TableBuilder(name: "t", schema: Schema([Field("text", .text), Field("n", .number)]))
    try? builder.append([.text(String(repeating: "å", count: 100)), .int(7)])
    let text = Fixtures.render(builder.build(), .table, width: 40)
    for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40) }
    #expect(text.contains("…"))
    #expect(text.contains("  7\n"))
  }

  @Test func oneRowFooterAndControlCharactersReplaced() {
    var builder = TableBuilder(name: "t", schema: Schema([Field("a", .text)]))
    try? builder.append([.text("two\nlines")])
    #expect(Fixtures.render(builder.build(), .table) == "a\n─────────\ntwo lines\n(1 row)\n")
  }
}

@Suite struct OtherFormatterTests {
  @Test func markdownEscapesPipesAndAlignsNumbers() {
    let lines = Fixtures.render(Fixtures.awkward(), .markdown).split(separator: "\n")
    #expect(lines[0] == "| indicator | year | value | note |")
    #expect(lines[1] == "| --- | --: | --: | --- |")
    #expect(lines[3] == "| Tandvård, barn | 2024 | -1204.1 | says \"hej\" |")
    #expect(lines[5] == "| x\\|y | 2017 |  |  |")
  }

  @Test func lineFormatShowsOneFieldPerLine() {
    let text = Fixtures.render(Fixtures.awkward(), .line)
    #expect(text.hasPrefix("-[ RECORD 1 ]"))
    #expect(text.contains("\nindicator | Läkemedel\nyear      | 2023\nvalue     | 25.5\nnote      | plain\n"))
    #expect(text.contains("note      | two\n          | lines\n"))
  }
}
