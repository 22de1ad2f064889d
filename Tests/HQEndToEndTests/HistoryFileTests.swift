import Foundation
import Testing

/// The shell's history file (issue 12, item 11): appended entry by entry, never rewritten, and
/// never a file it was not meant to be.
@Suite(.serialized) struct HistoryFileTests {
  private func shell(history: URL) throws -> PseudoTerminal {
    let shell = try PseudoTerminal(environment: ["HQ_HISTORY": history.path])
    try #require(shell.waitForPrompt() != nil, "no prompt: \(shell.plainText)")
    return shell
  }

  private func run(_ statement: String, in shell: PseudoTerminal) {
    shell.send(statement + "\r")
    #expect(shell.waitForPrompt() != nil, "\(shell.plainText)")
  }

  /// Two shells open on one history file, typing in turn: every statement of both is kept, in
  /// the order typed, and a third shell recalls them with Up. libedit's save rewrote the whole
  /// file from each session's memory, so the last shell to save dropped the other's entries.
  @Test func twoShellsOnOneHistoryFileKeepEveryEntry() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let history = dir.appendingPathComponent("history")
    let first = try shell(history: history)
    let second = try shell(history: history)
    run(".set a 1", in: first)
    run(".format csv", in: second)
    run(".tables", in: first)
    run(".set c \"x\\\\y  z\"", in: second)
    first.send("\u{4}")
    #expect(first.waitForExit() == 0)
    second.send("\u{4}")
    #expect(second.waitForExit() == 0)

    let text = try String(contentsOf: history, encoding: .utf8)
    #expect(text == "_HiStOrY_V2_\n.set\\040a\\0401\n.format\\040csv\n.tables\n.set\\040c\\040\"x\\\\\\\\y\\040\\040z\"\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: history.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)

    // libedit reads what was appended: Up recalls the entries newest first, unchanged. (libedit
    // redraws only what changed, so each wait is for the part after the shared ".".)
    let third = try shell(history: history)
    third.send("\u{1B}[A")
    #expect(third.wait(for: ".set c \"x\\\\y  z\"") != nil, "\(third.plainText)")
    third.send("\u{1B}[A")
    #expect(third.wait(for: "tables") != nil, "\(third.plainText)")
    third.send("\u{1B}[A")
    #expect(third.wait(for: "format csv") != nil, "\(third.plainText)")
    third.send("\u{3}")
    #expect(third.waitForPrompt() != nil)
    third.send("\u{4}")
    #expect(third.waitForExit() == 0)
  }

  /// `~/.hq_history` as a symbolic link: libedit's save wrote through it, replacing the file it
  /// points to and making it 0600. Now the link is refused with a message; the target keeps
  /// its content and mode, and the shell works on.
  @Test func aSymbolicLinkIsRefusedAndItsTargetKept() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("notes.txt")
    try "precious notes\n".write(to: target, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: target.path)
    let link = dir.appendingPathComponent("history")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)

    let shell = try shell(history: link)
    #expect(shell.plainText.contains("is a symbolic link; hq does not follow it"), "\(shell.plainText)")
    run(".format csv", in: shell)
    shell.send(".format\r")
    #expect(shell.wait(for: "csv") != nil)
    #expect(shell.waitForPrompt() != nil)
    shell.send("\u{4}")
    #expect(shell.waitForExit() == 0)

    #expect(try String(contentsOf: target, encoding: .utf8) == "precious notes\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: target.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o644)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
    #expect(shell.plainText.components(separatedBy: "warning:").count == 2, "one warning, not one per statement")
  }

  /// A file that is not a libedit history file (HQ_HISTORY pointed at the wrong file) was
  /// overwritten by the first statement. Now it is refused and left as it is.
  @Test func aFileThatIsNoHistoryIsRefusedAndKept() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("data.csv")
    try "kommun,år\nHalmstad,2024\n".write(to: file, atomically: true, encoding: .utf8)

    let shell = try shell(history: file)
    #expect(shell.plainText.contains("is not an hq history file"), "\(shell.plainText)")
    run(".format json", in: shell)
    shell.send("\u{4}")
    #expect(shell.waitForExit() == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == "kommun,år\nHalmstad,2024\n")
  }
}
