import Foundation
import Synchronization
import Testing

@testable import HQLoaders

/// Ctrl-C, time limits and size limits while loading (issue 12, items 1 and 10): a load that
/// is interrupted or runs past a bound stops with an error naming the file, kills the child
/// it started, and never traps.
@Suite struct LoadInterruptionTests {
  /// A stand-in for `pdftotext` that records its process id and then sleeps for 30 s.
  static func slowTool(in dir: TemporaryDirectory) throws -> (tool: String, pidFile: String) {
    let pidFile = dir.path + "/child.pid"
    let tool = try dir.write("slow-pdftotext", "#!/bin/sh\necho $$ > \(pidFile)\nexec sleep 30\n")
    chmod(tool, 0o755)
    return (tool, pidFile)
  }

  /// The tool's process id once it has written it (nil after 10 s).
  static func childPID(_ pidFile: String) -> pid_t? {
    for _ in 0..<1000 {
      if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      usleep(10_000)
    }
    return nil
  }

  static func environment(tool: String) -> [String: String] {
    ["HQ_PDFTOTEXT": tool, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
  }

  /// Found: Ctrl-C during a PDF load crashed hq (Foundation's `readDataToEndOfFile` traps on
  /// EINTR) and left pdftotext running. Now the load polls the flag, kills the tool and says so.
  @Test func ctrlCWhilePdftotextRunsKillsItAndSaysSo() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let (tool, pidFile) = try Self.slowTool(in: dir)
    let pdf = try dir.write("rapport.pdf", "%PDF-1.4\n")
    let cancelled = Atomic<Bool>(false)
    let started = ChildProcess.Clock.now
    Thread.detachNewThread {
      _ = Self.childPID(pidFile)
      cancelled.store(true, ordering: .relaxed)
    }
    let limits = LoadLimits(isCancelled: { cancelled.load(ordering: .relaxed) })
    do {
      _ = try PDFText.extract(path: pdf, environment: Self.environment(tool: tool), limits: limits)
      Issue.record("expected the load to be interrupted")
    } catch {
      #expect(error.description == "\(pdf): error: interrupted while pdftotext was reading the PDF; nothing was loaded")
    }
    #expect(ChildProcess.Clock.now - started < 10, "the 30 s tool was not stopped")
    let pid = try #require(Self.childPID(pidFile))
    // Killed and reaped: no such process any more.
    #expect(kill(pid, 0) == -1 && errno == ESRCH)
  }

  @Test func pdftotextThatRunsPastItsTimeLimitIsStopped() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let (tool, pidFile) = try Self.slowTool(in: dir)
    let pdf = try dir.write("stor.pdf", "%PDF-1.4\n")
    let limits = LoadLimits(toolTimeout: 0.5)
    do {
      _ = try PDFText.extract(path: pdf, environment: Self.environment(tool: tool), limits: limits)
      Issue.record("expected a time-out")
    } catch {
      #expect(error.description == "\(pdf): error: pdftotext did not finish within 0.5 s and was stopped; nothing was loaded (allow longer with HQ_PDFTOTEXT_TIMEOUT=SECONDS)")
    }
    let pid = try #require(Self.childPID(pidFile))
    #expect(kill(pid, 0) == -1 && errno == ESRCH)
  }

  /// A tool that exits without reading its input (or reads part of it) must not kill the
  /// caller with SIGPIPE; the failure is reported like any other.
  @Test func aToolThatStopsReadingItsInputIsAnOrdinaryFailure() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let tool = try dir.write("quitter", "#!/bin/sh\necho 'no PDF here' >&2\nexit 3\n")
    chmod(tool, 0o755)
    let input = [UInt8](repeating: 0x41, count: 4 << 20)
    let result = try input.withUnsafeBytes { bytes in
      try ChildProcess.run(tool, arguments: [], environment: Self.environment(tool: tool), input: bytes, timeout: 10, isCancelled: { false })
    }
    #expect(result.status == 3)
    #expect(String(decoding: result.errors, as: UTF8.self) == "no PDF here\n")
  }

  /// Found: `cat /dev/zero | hq --load /dev/stdin --as z.csv` read until memory ran out.
  @Test func endlessPipeStopsAtTheLimitWithAClearError() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let fifo = dir.path + "/endless"
    #expect(mkfifo(fifo, 0o600) == 0)
    signal(SIGPIPE, SIG_IGN)
    let stop = Atomic<Bool>(false)
    Thread.detachNewThread {
      let fd = open(fifo, O_WRONLY)
      guard fd >= 0 else { return }
      let zeros = [UInt8](repeating: 0, count: 65536)
      while !stop.load(ordering: .relaxed), zeros.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
      close(fd)
    }
    defer { stop.store(true, ordering: .relaxed) }
    do {
      _ = try Loader.load(path: fifo, as: "z.csv", limits: LoadLimits(maxPipedBytes: 1 << 20))
      Issue.record("expected the size limit")
    } catch {
      #expect(error.description == "\(fifo): error: more than 1 MiB arrived through the pipe and reading stopped; nothing was loaded (save the data to a file and load that, or allow more with HQ_MAX_PIPE_INPUT=SIZE)")
    }
  }

  /// Found: Ctrl-C was ignored while an endless pipe was read (a pipe that always has data
  /// never blocks, so no read is ever interrupted).
  @Test func ctrlCStopsReadingAnEndlessPipe() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let fifo = dir.path + "/endless"
    #expect(mkfifo(fifo, 0o600) == 0)
    signal(SIGPIPE, SIG_IGN)
    let stop = Atomic<Bool>(false)
    let cancelled = Atomic<Bool>(false)
    Thread.detachNewThread {
      let fd = open(fifo, O_WRONLY)
      guard fd >= 0 else { return }
      let zeros = [UInt8](repeating: 0, count: 65536)
      var sent = 0
      while !stop.load(ordering: .relaxed), zeros.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {
        sent += 1
        if sent == 64 { cancelled.store(true, ordering: .relaxed) }
      }
      close(fd)
    }
    defer { stop.store(true, ordering: .relaxed) }
    do {
      _ = try Loader.load(path: fifo, as: "z.csv", limits: LoadLimits(isCancelled: { cancelled.load(ordering: .relaxed) }))
      Issue.record("expected the load to be interrupted")
    } catch {
      #expect(error.description == "\(fifo): error: interrupted while reading; nothing was loaded")
    }
  }

  @Test func ctrlCStopsALargeCSVLoad() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let csv = try dir.write("stor.csv", "a,b\n" + String(repeating: "1,x\n", count: 200_000))
    do {
      _ = try Loader.load(path: csv, as: nil, limits: LoadLimits(isCancelled: { true }))
      Issue.record("expected the load to be interrupted")
    } catch {
      #expect(error.description == "\(csv): error: interrupted while reading; nothing was loaded")
    }
    // Uncancelled, the same file loads.
    guard case .table(_, let table, _) = try Loader.load(path: csv, as: nil) else {
      Issue.record("expected a table")
      return
    }
    #expect(table.rowCount == 200_000)
  }

  /// Issue 12, item 14: a report text (`.txt`, `.md`, and a PDF's text) was read into the model
  /// without a look at Ctrl-C, however large. The ingester now asks between its stages; a
  /// Ctrl-C at any of them ends the load with nothing loaded.
  @Test func ctrlCStopsAReportTextLoadBetweenStages() throws {
    let report = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Fixtures/Reports/lunneby-delarsrapport-2024.txt").path
    let polls = Atomic<Int>(0)
    guard case .reports(let model, _) = try Loader.load(
      path: report, limits: LoadLimits(isCancelled: { polls.add(1, ordering: .relaxed); return false }))
    else {
      Issue.record("expected reports")
      return
    }
    #expect(model.facts.count > 10)
    let stages = polls.load(ordering: .relaxed)
    #expect(stages >= 9, "the ingester asks between each of its stages, to the prose amounts at the end")
    for stop in 1...max(stages, 1) {
      let seen = Atomic<Int>(0)
      let limits = LoadLimits(isCancelled: { seen.add(1, ordering: .relaxed).newValue >= stop })
      #expect(throws: LoadError(file: report, message: "interrupted while reading the report; nothing was loaded")) {
        _ = try Loader.load(path: report, limits: limits)
      }
    }
  }

  @Test func sizesAndEnvironmentSettings() throws {
    #expect(LoadLimits.parseSize("512") == 512)
    #expect(LoadLimits.parseSize("64k") == 65536)
    #expect(LoadLimits.parseSize("2G") == 2 << 30)
    #expect(LoadLimits.parseSize("1MB") == 1 << 20)
    #expect(LoadLimits.parseSize("99999999999999T") == nil)
    #expect(LoadLimits.parseSize("lots") == nil)
    #expect(LoadLimits.describe(bytes: 3 << 29) == "1.5 GiB")
    let limits = try LoadLimits.fromEnvironment(["HQ_MAX_PIPE_INPUT": "10M", "HQ_PDFTOTEXT_TIMEOUT": "2.5"], isCancelled: { false })
    #expect(limits.maxPipedBytes == 10 << 20)
    #expect(limits.toolTimeout == 2.5)
    #expect(throws: LoadError.self) { try LoadLimits.fromEnvironment(["HQ_PDFTOTEXT_TIMEOUT": "-1"], isCancelled: { false }) }
  }
}
