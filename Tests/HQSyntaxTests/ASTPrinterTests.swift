import Foundation
import HQSyntax
import Testing

@Suite struct ASTPrinterTests {
  @Test func namesAndText() {
    #expect(ASTPrinter.printName("value") == "value")
    #expect(ASTPrinter.printName("år") == "år")
    #expect(ASTPrinter.printName("antal patienter") == "`antal patienter`")
    #expect(ASTPrinter.printName("2023") == "`2023`")
    #expect(ASTPrinter.printName("null") == "`null`")
    #expect(ASTPrinter.quote("a \"b\"\n\\") == #""a \"b\"\n\\""#)
  }

  /// Every statement in the language reference prints to text that parses back to the same
  /// tree (compared through the printed form, which ignores ranges).
  @Test func languageDocExamplesRoundTrip() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/LANGUAGE.md").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var examples = 0
    for block in text.components(separatedBy: "```hq\n").dropFirst() {
      guard let query = block.components(separatedBy: "\n```").first else { continue }
      let result = Parser.parse(SourceFile(name: "doc", text: query))
      for statement in result.statements {
        let printed = ASTPrinter.print(statement)
        let again = Parser.parse(SourceFile(name: "printed", text: printed))
        #expect(again.statements.map(ASTPrinter.print) == [printed], "\(query)")
        examples += 1
      }
    }
    #expect(examples > 40)
  }
}
