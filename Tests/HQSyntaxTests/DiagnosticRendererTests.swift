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
