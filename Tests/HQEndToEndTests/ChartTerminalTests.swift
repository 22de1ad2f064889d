import Foundation
import Testing

/// The binary's chart output on a terminal, with `NO_COLOR`, and into a pipe.
@Suite struct ChartTerminalTests {
  static let query = "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" and unit == \"%\" | chart line value by year series indicator"

  /// Runs the query on a pseudo-terminal `columns` wide and returns what it wrote.
  func onTerminal(_ environment: [String: String], columns: UInt16 = 100) throws -> String {
    let shell = try PseudoTerminal(arguments: ["-c", Self.query], environment: environment, columns: columns)
    #expect(shell.waitForExit() == 0)
    return shell.transcript
  }

  @Test func colouredOnATerminal() throws {
    var environment = ["TERM": "xterm"]
    if ProcessInfo.processInfo.environment["NO_COLOR"] != nil { environment["NO_COLOR"] = "" }
    let text = try onTerminal(environment)
    // The three series in their colours (xterm 32 blue, 208 orange, 34 green).
    #expect(text.contains("\u{1B}[38;5;32m") && text.contains("\u{1B}[38;5;208m") && text.contains("\u{1B}[38;5;34m"))
    // It fits the terminal's 100 columns and uses them (the x axis runs to the last year).
    let lines = PseudoTerminal.plain(text).split(separator: "\n").map { $0.replacingOccurrences(of: "\r", with: "") }
    let axis = try #require(lines.first { $0.contains("└") })
    #expect(axis.count <= 100 && axis.count > 90, "\(axis)")
  }

  @Test func noColourWithNO_COLOR() throws {
    let text = try onTerminal(["NO_COLOR": "1"])
    #expect(text.contains("●") && text.contains("└"))
    #expect(!text.contains("\u{1B}[38;5;"))
  }

  @Test func plainTextIntoAPipe() throws {
    let result = try HQProcess.run(["-c", Self.query])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stdout.contains("\u{1B}"))
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("value (%)") })
    #expect(lines.allSatisfy { $0.count <= 80 })
  }
}
