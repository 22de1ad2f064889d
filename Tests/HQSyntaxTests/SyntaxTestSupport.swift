import HQSyntax
import Testing

/// Parses `text` and returns each statement printed by ``ASTPrinter``; records an issue
/// with the rendered diagnostics if parsing failed.
func printed(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
  let source = SourceFile(name: "t.hq", text: text)
  let result = Parser.parse(source)
  if result.hasErrors {
    let rendered = result.diagnostics.map { DiagnosticRenderer.render($0, in: source) }.joined(separator: "\n")
    Issue.record("unexpected errors:\n\(rendered)", sourceLocation: sourceLocation)
  }
  return result.statements.map(ASTPrinter.print)
}

/// The first statement printed, or "" when there is none.
func printedOne(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
  printed(text, sourceLocation: sourceLocation).first ?? ""
}

/// Parses `text`, which must fail, and returns its diagnostics rendered.
func errors(_ text: String, name: String = "t.hq", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
  let source = SourceFile(name: name, text: text)
  let result = Parser.parse(source)
  if !result.hasErrors { Issue.record("expected an error for: \(text)", sourceLocation: sourceLocation) }
  return result.diagnostics.map { DiagnosticRenderer.render($0, in: source) }.joined(separator: "\n")
}
