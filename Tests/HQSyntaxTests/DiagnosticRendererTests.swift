import HQSyntax
import Testing

@Suite struct DiagnosticRendererTests {
  @Test func caretUnderTheRange() {
    let source = SourceFile(name: "q.hq", text: "from facts\n| where vaule > 1")
    let diagnostic = Diagnostic.error("unknown column 'vaule'", at: SourceRange(19, 24), help: "did you mean 'value'?")
    #expect(DiagnosticRenderer.render(diagnostic, in: source) == """
      q.hq:2:9: error: unknown column 'vaule'
      | where vaule > 1
              ^~~~~
      help: did you mean 'value'?
      """)
  }

  /// Issue 12, item 13: a name from data (a CSV header, a file name) quoted in a message, or
  /// a control character in the source line, reached the terminal raw: ESC sequences could
  /// clear the screen or retitle the window. Each control becomes one space (the caret stays
  /// in place); tabs and line breaks of the rendering itself stay.
  @Test func controlCharactersFromDataAreNotPassedToTheTerminal() {
    let source = SourceFile(name: "q\u{1B}[2J.hq", text: "from t | where \u{1B}]0;x\u{7}a > 1\u{9B}31m")
    let diagnostic = Diagnostic.error(
      "unknown column '\u{1B}]0;x\u{7}a'", at: SourceRange(15, 22), help: "did you mean '\u{1B}[31mred'?")
    let rendered = DiagnosticRenderer.render(diagnostic, in: source)
    #expect(rendered == """
      q [2J.hq:1:16: error: unknown column ' ]0;x a'
      from t | where  ]0;x a > 1 31m
                     ^~~~~~~
      help: did you mean ' [31mred'?
      """)
    #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  @Test func terminalTextKeepsOnlyWhatItIsTold() {
    #expect(TerminalText.visible("a\u{1B}[1mb\u{7F}c\u{85}d") == "a [1mb c d")
    #expect(TerminalText.visible("line\r\nnext\tcol", keeping: ["\n", "\t"]) == "line \nnext\tcol")
    #expect(TerminalText.visible("Läkemedel – ökning") == "Läkemedel – ökning")
  }

  /// A statement of a megabyte on one line shows the part around the error, cut with `…`.
  @Test func aLongLineIsShownAroundTheCaret() {
    let a = String(repeating: "a", count: 500)
    let b = String(repeating: "b", count: 500)
    let source = SourceFile(name: "q.hq", text: a + "BAD" + b)
    let rendered = DiagnosticRenderer.render(.error("bad", at: SourceRange(500, 503)), in: source)
    let window = "…" + String(repeating: "a", count: 40) + "BAD" + String(repeating: "b", count: 40) + "…"
    #expect(rendered == "q.hq:1:501: error: bad\n" + window + "\n" + String(repeating: " ", count: 41) + "^~~")
    // Near the start of the line only the end is cut.
    let early = DiagnosticRenderer.render(.error("bad", at: SourceRange(3, 4)), in: SourceFile(name: "q.hq", text: a))
    #expect(early == "q.hq:1:4: error: bad\n" + String(repeating: "a", count: 44) + "…\n   ^")
  }

  @Test func tabsAreKeptBeforeTheCaret() {
    let source = SourceFile(name: "q.hq", text: "from facts\n\t| whre x")
    let result = Parser.parse(source)
    #expect(result.diagnostics.map { DiagnosticRenderer.render($0, in: source) } == [
      "q.hq:2:4: error: unknown stage 'whre'\n\t| whre x\n\t  ^~~~\nhelp: did you mean 'where'?",
    ])
  }

  @Test func firstLineOffsetsLineNumbers() {
    let source = SourceFile(name: "s.hq", text: "from a | take x", firstLine: 12)
    let result = Parser.parse(source)
    #expect(result.diagnostics.map { DiagnosticRenderer.render($0, in: source) }.first?.hasPrefix("s.hq:12:15: error:") == true)
  }

  @Test func multiLineRangeIsCutAtTheEndOfTheLine() {
    let source = SourceFile(name: "q", text: "search \"abc\ndef")
    let diagnostic = Diagnostic.error("x", at: SourceRange(7, 15))
    #expect(DiagnosticRenderer.render(diagnostic, in: source) == "q:1:8: error: x\nsearch \"abc\n       ^~~~")
  }
}
