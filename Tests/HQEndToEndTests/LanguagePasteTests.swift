import Foundation
import Testing

/// Every example of docs/LANGUAGE.md pasted at the shell's prompt, as a reader copies it from
/// the page: all its lines arrive at once, and what the terminal shows between the echoed lines
/// and the next prompt is the documented output. Examples that first set a parameter, load a
/// file or choose a format on the command line (`# hq --set …`), or whose
/// documented text is a diagnostic (rendered for a source named `query`, where the prompt
/// names its own), are left to ``LanguageDocTests``.
@Suite(.serialized) struct LanguagePasteTests {
  @Test func everyExamplePastedAtThePromptPrintsItsDocumentedOutput() throws {
    // (docs/CHARTS.md's examples are drawn 80 columns wide there, this terminal is 400.)
    let examples = DocExample.all.filter { example in
      example.document == "LANGUAGE.md" && !example.isError && !example.expected.contains("warning")
        && !example.query.split(separator: "\n").contains { $0.hasPrefix("# hq --") }
    }
    try #require(examples.count >= 40, "LANGUAGE.md has \(examples.count) examples to paste")
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shell = try PseudoTerminal(
      environment: ["HQ_HISTORY": dir.appendingPathComponent("history").path, "NO_COLOR": "1"], columns: 400)
    try #require(shell.waitForPrompt() != nil, "no prompt: \(shell.plainText)")
    for example in examples {
      var lines = example.query.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
      // A paste: every line and its Enter in one write.
      shell.send(lines.joined(separator: "\r") + "\r")
      guard let seen = shell.wait(for: "\nhq> ", timeout: 30) else {
        Issue.record("LANGUAGE.md:\(example.line): no prompt after the pasted example\n\(shell.plainText.suffix(2000))")
        return
      }
      usleep(100_000)
      // What was seen: the echoed lines (the first after the prompt, the others after `...> `),
      // the output, then the next prompt.
      var shown = seen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      shown.removeLast()
      let echoed = shown.prefix(lines.count)
      #expect(
        echoed.dropFirst().allSatisfy { $0.hasPrefix("...> ") },
        "LANGUAGE.md:\(example.line): the pasted lines were not read as one entry\n\(seen)")
      let output = shown.dropFirst(lines.count).joined(separator: "\n")
      #expect(
        DocExample.normalized(output) == DocExample.normalized(example.expected),
        "LANGUAGE.md:\(example.line): pasted at the prompt, the output differs\n--- expected\n\(example.expected)\n--- shown\n\(output)")
    }
    shell.send("\u{4}")
    #expect(shell.waitForExit() == 0)
  }
}

/// The README's short session typed into the shell line by line, as a person would: the screen
/// shows what the README shows.
@Suite(.serialized) struct ReadmeSessionTests {
  static let readmePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("README.md").path

  @Test func theShortSessionIsTrueAsTyped() throws {
    let readme = try String(contentsOfFile: Self.readmePath, encoding: .utf8)
    let start = try #require(readme.range(of: "## A short session\n\n```text\n$ Scripts/shell\n"))
    let end = try #require(readme[start.upperBound...].range(of: "\n```\n"))
    let documented = String(readme[start.upperBound..<end.lowerBound])
    let typed = documented.split(separator: "\n").compactMap { line -> String? in
      if line.hasPrefix("hq> ") { return String(line.dropFirst(4)) }
      if line.hasPrefix("...> ") { return String(line.dropFirst(5)) }
      return nil
    }
    try #require(typed.count >= 5)
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let shell = try PseudoTerminal(
      environment: ["HQ_HISTORY": dir.appendingPathComponent("history").path, "NO_COLOR": "1"], columns: 130)
    try #require(shell.waitForPrompt() != nil, "no prompt: \(shell.plainText)")
    for line in typed {
      shell.send(line + "\r")
      // The next prompt (or the continuation prompt) before the next line is typed.
      try #require(shell.waitForPrompt(line.hasSuffix("|") ? "...> " : "hq> ") != nil, "\(shell.plainText)")
    }
    var screen = shell.plainText
    if screen.hasSuffix("hq> ") { screen.removeLast(4) }
    #expect(
      DocExample.normalized(screen) == DocExample.normalized(documented + "\n"),
      "README.md's short session differs from the screen\n--- README\n\(documented)\n--- screen\n\(screen)")
    shell.send("\u{4}")
    #expect(shell.waitForExit() == 0)
  }
}
