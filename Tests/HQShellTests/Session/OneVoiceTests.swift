import Foundation
import HQData
import HQReports
import Testing
@testable import HQShell

/// Issue 14, item 4: every source of messages in the one shape — `NAME:LINE:COL: SEVERITY:
/// MESSAGE`, the line, a caret under the display column, then `note:`/`help:` — as the session
/// writes them to its error stream. Each expected text was written from that rule and the
/// input (columns counted by hand in the comments), not captured.
@Suite struct OneVoiceTests {
  private func makeSession() -> (Session, OutputSink, OutputSink) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: .csv, output: out, errors: err, outputIsTerminal: false)
    return (session, out, err)
  }

  private func write(_ name: String, _ text: String) throws -> (path: String, remove: () -> Void) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-voice-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return (path, { try? FileManager.default.removeItem(at: dir) })
  }

  /// A parse error at the prompt: "from facts | sort value " is 24 columns, so `decs` is at 25.
  @Test func aParseErrorAtThePrompt() {
    let (session, _, err) = makeSession()
    #expect(session.run("from facts | sort value decs", name: "<input>") == .failure)
    #expect(err.text == """
      <input>:1:25: error: expected '|' or the end of the statement after the 'sort' stage, found 'decs'
      from facts | sort value decs
                              ^~~~
      help: did you mean 'desc'?

      """)
  }

  /// A name error with a did-you-mean, after wide characters: 32 columns up to the text,
  /// `"Läkemedel 😀"` 14 (😀 is two), ` and ` 5: `vaule` is at column 52, the caret after 51
  /// spaces (51 characters, 56 bytes precede it).
  @Test func aCheckErrorAfterWideCharacters() {
    let (session, _, err) = makeSession()
    #expect(session.run("from facts | where indicator == \"Läkemedel 😀\" and vaule > 1", name: "<input>") == .failure)
    #expect(err.text == """
      <input>:1:52: error: unknown column 'vaule'
      from facts | where indicator == "Läkemedel 😀" and vaule > 1
                                                         ^~~~~
      help: did you mean 'value'?

      """)
  }

  /// A script names itself and the line in it: `yaer` is on line 3, after "| where " (8).
  @Test func aScriptErrorNamesTheFileAndLine() {
    let (session, _, err) = makeSession()
    #expect(session.run("# budget\nfrom facts\n| where yaer == 2024\n", name: "budget.hq") == .failure)
    #expect(err.text == """
      budget.hq:3:9: error: unknown column 'yaer'
      | where yaer == 2024
              ^~~~
      help: did you mean 'year'?

      """)
  }

  /// A ragged CSV row: "Varberg 😀,3," is 13 columns (😀 two), so the extra field is at 14.
  @Test func aBadCSVLoadShowsItsLine() throws {
    let (session, _, err) = makeSession()
    let file = try write("kommuner.csv", "kommun,belopp\nKungsbacka,12\nVarberg 😀,3,4\n")
    defer { file.remove() }
    #expect(session.run(".load \(file.path)", name: "<input>") == .failure)
    #expect(err.text == """
      \(file.path):3:14: error: expected 2 fields, got 3
      Varberg 😀,3,4
                   ^

      """)
  }

  /// A JSON model file with a syntax error: line 2, after `  "facts": [1` (13 columns).
  @Test func aBadJSONLoadShowsItsLine() throws {
    let (session, _, err) = makeSession()
    let file = try write("modell.json", "{\"format\": \"hq-model\",\n  \"facts\": [1 2]}\n")
    defer { file.remove() }
    #expect(session.run(".load \(file.path)", name: "<input>") == .failure)
    #expect(err.text == """
      \(file.path):2:15: error: expected ',' or ']' in the array, found '2'
        "facts": [1 2]}
                    ^

      """)
  }

  /// An ingestion warning (the report loads): the total row on line 8 does not add up; the
  /// caret underlines the row, whose 35 characters start in column 1.
  @Test func anIngestionWarningShowsTheReportLine() throws {
    let (session, _, err) = makeSession()
    let file = try write("nämnd.txt", """
      Nämndens årsredovisning 2031

      | Belopp i mnkr | Budget 2031 | Utfall 2031 |
      | --- | --- | --- |
      | Personal | -50,0 | -48,0 |
      | varav övertid | -2,0 | -3,5 |
      | Lokaler | -20,0 | -21,0 |
      | Summa kostnader | -70,0 | -70,0 |

      """)
    defer { file.remove() }
    #expect(session.run(".load \(file.path)", name: "<input>") == .success)
    let underline = "^" + String(repeating: "~", count: 34)
    #expect(err.text.hasPrefix("""
      \(file.path):8:1: warning: 'Summa kostnader' is -70 in column 'Utfall 2031', but the rows above it add up to -69
      | Summa kostnader | -70,0 | -70,0 |
      \(underline)
      loaded 1 report(s), 
      """), "\(err.text)")
  }

  /// A meta command's error is reported at its line like any other, the suggestion as help.
  @Test func aMetaCommandErrorInAScript() {
    let (session, _, err) = makeSession()
    #expect(session.run("from facts | count\n  .lod data.csv\n", name: "s.hq") == .failure)
    #expect(err.text == """
      s.hq:2:3: error: unknown command '.lod'
        .lod data.csv
        ^~~~
      help: did you mean '.load'?

      """)
  }

  /// On a terminal the renderer's colours reach the error stream (the sink cleans other text).
  @Test func colourOnlyWhenAsked() {
    let (session, _, err) = makeSession()
    session.colourDiagnostics = true
    #expect(session.run("from fakts", name: "<input>") == .failure)
    #expect(err.text.contains("\u{1B}[1;31merror:\u{1B}[0m"))
    let (plain, _, plainErr) = makeSession()
    #expect(plain.run("from fakts", name: "<input>") == .failure)
    #expect(!plainErr.text.contains("\u{1B}"))
    #expect(plainErr.text.hasPrefix("<input>:1:6: error: unknown source 'fakts'\nfrom fakts\n     ^~~~~\n"))
  }

  /// A statement after `;` is quoted on the script's real line (CRLF line ends too), its
  /// column counted there: `from goals | where name == "名" | count; from ` is 46 columns (名
  /// is two), so `fakts` is at 47. A tab before a statement stays a tab under the caret and is
  /// one column: `where 名` on line 2 is after "\tfrom facts | where " (20), at 21.
  @Test func statementsAfterASemicolonAndTabsAreQuotedAsWritten() {
    let (session, _, err) = makeSession()
    let script = "from goals | where name == \"名\" | count; from fakts\r\n\tfrom facts | where 名 > 1\r\n"
    #expect(session.run(script, name: "w.hq", keepGoing: true) == .failure)
    #expect(err.text.hasPrefix("""
      w.hq:1:47: error: unknown source 'fakts'
      from goals | where name == "名" | count; from fakts
                                                    ^~~~~
      help: did you mean 'facts'?
      w.hq:2:21: error: unknown column '名'
      \tfrom facts | where 名 > 1
      \t                   ^~

      """), "\(err.text)")
  }
}
