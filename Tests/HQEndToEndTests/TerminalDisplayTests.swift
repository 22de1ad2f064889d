import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What a person at a terminal sees of long results and long loads (issue 14, item 7).
@Suite struct TerminalDisplayTests {
  @Test func longResultsAreCutOnATerminalAndWholeInAPipe() throws {
    // The bundled reports have 543 facts (`from facts | count`).
    let shell = try PseudoTerminal(arguments: ["-c", "from facts | select line"])
    #expect(shell.waitForExit() == 0)
    let screen = PseudoTerminal.plain(shell.transcript).replacingOccurrences(of: "\r", with: "")
    #expect(screen.contains("… 503 more rows; .maxrows 0 shows all\n(543 rows)\n"), "\(screen.suffix(300))")
    #expect(screen.split(separator: "\n").count == 2 + 40 + 2)

    let piped = try HQProcess.run(["--format", "table", "-c", "from facts | select line"])
    #expect(piped.status == 0)
    #expect(piped.stdout.hasSuffix("\n(543 rows)\n") && !piped.stdout.contains("more rows"))
    #expect(piped.stdout.split(separator: "\n").count == 2 + 543 + 1)
  }

  @Test func aSlowLoadShowsAProgressLineThatIsErasedWhenItEnds() throws {
    let fifo = "/tmp/hq-progress-\(getpid()).fifo"
    unlink(fifo)
    #expect(mkfifo(fifo, 0o600) == 0)
    defer { unlink(fifo) }
    let shell = try PseudoTerminal(
      arguments: ["--load", fifo, "--as", "t.csv", "-c", "from t | count"], environment: ["HQ_PROGRESS_AFTER": "0.2"])
    // A producer that sends a header and a row, waits, then the rest: the load takes over a second.
    let writer = Thread {
      let fd = open(fifo, O_WRONLY)
      guard fd >= 0 else { return }
      let first = Array("a,b\n1,2\n".utf8)
      _ = first.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      usleep(1_500_000)
      let rest = Array("3,4\n".utf8)
      _ = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
      close(fd)
    }
    writer.start()
    #expect(shell.wait(for: "8 bytes received") != nil, "\(shell.transcript)")
    // Everything written, up to the result's footer, before the transcript is read.
    #expect(shell.wait(for: "(1 row)") != nil, "\(shell.transcript)")
    #expect(shell.waitForExit() == 0)
    let text = shell.transcript
    // The line is redrawn in place and erased before the result is written.
    let lastLine = try #require(text.range(of: "loading hq-progress-\(getpid()).fifo … 8 bytes received, ", options: .backwards))
    let erase = try #require(text.range(of: "\r\u{1B}[K", range: lastLine.upperBound..<text.endIndex))
    let result = try #require(text.range(of: "count"))
    #expect(erase.upperBound <= result.lowerBound)
    #expect(PseudoTerminal.plain(text).replacingOccurrences(of: "\r", with: "").hasSuffix("count\n─────\n    2\n(1 row)\n"))
  }

  @Test func noProgressLineWhenStandardErrorIsNotATerminal() throws {
    let result = try HQProcess.run(["-c", "from facts | count"], environment: ["HQ_PROGRESS_AFTER": "0"])
    #expect(result.status == 0)
    #expect(!result.stderr.contains("loading"))
  }
}
