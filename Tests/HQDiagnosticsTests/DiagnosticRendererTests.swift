import HQDiagnostics
import Testing

/// The one shape every message of hq has, checked character by character. The expected texts
/// were written from the rule (`FILE:LINE:COL: SEVERITY: MESSAGE`, the line, a caret under the
/// display column, then `note:` and `help:` lines), not captured from the renderer.
@Suite struct DiagnosticRendererTests {
  /// The byte range of the first `word` in `text`.
  private func range(of word: String, in text: String) -> SourceRange {
    let bytes = Array(text.utf8)
    let needle = Array(word.utf8)
    let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle } ?? 0
    return SourceRange(start, start + needle.count)
  }

  /// Before `vaule`: 32 ASCII columns, `"`, `Läkemedel` with a combining diaeresis (9 columns,
  /// 10 scalars), a space, 😀 (2 columns), `"`, ` and ` — 51 columns, so `vaule` is in column
  /// 52 and the caret follows 51 spaces. (Counted in characters it would be 51, in bytes 56.)
  @Test func caretUnderWideCharactersAndCombiningMarks() {
    let text = "from facts | where indicator == \"La\u{308}kemedel 😀\" and vaule > 1"
    let source = SourceFile(name: "q.hq", text: text)
    let diagnostic = Diagnostic.error("unknown column 'vaule'", at: range(of: "vaule", in: text), help: "did you mean 'value'?")
    #expect(DiagnosticRenderer.render(diagnostic, in: source) == """
      q.hq:1:52: error: unknown column 'vaule'
      from facts | where indicator == "La\u{308}kemedel 😀" and vaule > 1
                                                         ^~~~~
      help: did you mean 'value'?
      """)
  }

  /// A caret under a wide character is two columns wide (`^~`).
  @Test func caretUnderAWideCharacterCoversBothColumns() {
    let text = "where 名前 > 1"
    let diagnostic = Diagnostic.error("unknown column '名前'", at: range(of: "名前", in: text))
    #expect(DiagnosticRenderer.render(diagnostic, in: SourceFile(name: "q.hq", text: text)) == """
      q.hq:1:7: error: unknown column '名前'
      where 名前 > 1
            ^~~~
      """)
  }

  @Test func notesComeBeforeTheHelp() {
    let text = "from facts | compare year 2019 vs 2024"
    let diagnostic = Diagnostic(
      .warning, "no row has year 2019, so the column '2019' is empty", at: range(of: "2019", in: text),
      notes: ["year has 2022, 2023 and 2024"], help: "did you mean 2029?")
    #expect(DiagnosticRenderer.render(diagnostic, in: SourceFile(name: "<input>", text: text)) == """
      <input>:1:27: warning: no row has year 2019, so the column '2019' is empty
      from facts | compare year 2019 vs 2024
                                ^~~~
      note: year has 2022, 2023 and 2024
      help: did you mean 2029?
      """)
  }

  @Test func aWholeFileHasNoLine() {
    #expect(DiagnosticError(file: "data.csv", "cannot open the file: no such file").rendered
      == "data.csv: error: cannot open the file: no such file")
    #expect(DiagnosticError(file: "", "nothing to run").rendered == "error: nothing to run")
  }

  /// A place whose line is not at hand (bytes in another encoding) shows only `FILE:LINE:COL`.
  @Test func aPlaceWithoutItsLine() {
    #expect(DiagnosticError(file: "a.csv", line: 3, column: 7, .note, "read as Windows-1252").rendered
      == "a.csv:3:7: note: read as Windows-1252")
  }

  /// A line of another file: the caret at a byte offset in it, the line numbered as in the file.
  @Test func aLineOfALoadedFile() {
    let error = DiagnosticError(
      file: "budget.csv", line: 14, text: "Kungsbacka;12 4x0;2024", offset: 11, length: 5,
      "expected a number in column 'belopp'")
    #expect(error.rendered == """
      budget.csv:14:12: error: expected a number in column 'belopp'
      Kungsbacka;12 4x0;2024
                 ^~~~~
      """)
  }

  /// Colour only when asked (a terminal): the place and message bold, the severity red, the
  /// caret and `help:` green. The text between the escapes is the plain rendering.
  @Test func colourWhenAsked() {
    let diagnostic = Diagnostic.error("bad", at: SourceRange(0, 1), help: "fix")
    let coloured = DiagnosticRenderer.render(diagnostic, in: SourceFile(name: "q", text: "x"), colour: true)
    let bold = "\u{1B}[1m"
    let off = "\u{1B}[0m"
    #expect(coloured == """
      \(bold)q:1:1: \(off)\u{1B}[1;31merror:\(off) \(bold)bad\(off)
      x
      \u{1B}[1;32m^\(off)
      \u{1B}[1;32mhelp:\(off) fix
      """)
    #expect(DiagnosticRenderer.render(diagnostic, in: SourceFile(name: "q", text: "x")) == "q:1:1: error: bad\nx\n^\nhelp: fix")
  }

  /// The one definition of a column: 1-based, each character its width on a terminal.
  @Test func displayColumns() {
    #expect(DisplayWidth.column(after: "") == 1)
    #expect(DisplayWidth.column(after: "abc") == 4)
    #expect(DisplayWidth.column(after: "日本") == 5)
    #expect(DisplayWidth.column(after: "a\u{308}") == 2)
    #expect(DisplayWidth.column(after: "😀") == 3)
    #expect(DisplayWidth.column(after: "👩‍👩‍👧") == 3)
    // A tab and a control character are one column each (the control is shown as a space).
    #expect(DisplayWidth.column(after: "\t\u{1B}") == 3)
  }

  /// Line and column of an offset in a source, in display columns; `firstLine` numbers the
  /// lines of a statement cut out of a script.
  @Test func sourceLocationsAreInDisplayColumns() {
    let source = SourceFile(name: "s.hq", text: "from t\n| where 名 == \"😀\" and x", firstLine: 12)
    let x = range(of: "x", in: source.text).start
    #expect(source.location(at: x).description == "13:24")
  }
}

/// No range crashes the renderer, and the column it names is where it draws the caret: for
/// every start and end (also inside a multi-byte character, reversed, or out of the text) over
/// a text of wide characters, combining marks and emoji sequences.
@Suite struct DiagnosticRendererRobustnessTests {
  @Test func everyRangeRendersWithTheCaretAtTheNamedColumn() {
    let text = "a日\u{308}😀b\n👩‍👩‍👧 x é\u{301}\r\n\n名 = \"å\""
    let source = SourceFile(name: "q", text: text)
    let count = text.utf8.count
    for start in -2...(count + 2) {
      for end in (start - 1)...(count + 2) {
        let rendered = DiagnosticRenderer.render(.error("m", at: SourceRange(start, end)), in: source)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ":")
        #expect(header.count >= 4, "\(start)..<\(end): \(rendered)")
        guard header.count >= 4, let column = Int(header[2]) else { continue }
        // A blank line is not quoted; otherwise the caret stands at the named column.
        guard lines.count == 3 else { continue }
        let caret = lines[2]
        let indent = caret.prefix { $0 == " " }.count
        #expect(indent + 1 == column, "\(start)..<\(end): \(rendered)")
        #expect(caret.dropFirst(indent).first == "^")
      }
    }
  }
}
