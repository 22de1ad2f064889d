#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQDiagnostics
import HQLoaders
import HQReports
import Testing

/// Hostile files through ``Loader/load(path:as:)``: each ends in data or a ``LoadError`` that
/// names the file (and the line and column where one is to blame), within bounded time.
@Suite struct PathologicalFileTests {
  /// A fresh directory under /tmp for one test's files, removed with them afterwards.
  final class Scratch {
    let path: String
    /// Everything made inside, removed in reverse order.
    private var made: [String] = []

    init() {
      var template = Array("/tmp/hq-harden-XXXXXX".utf8CString)
      let dir = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap(mkdtemp) }
      path = dir.map { String(cString: $0) } ?? "/tmp"
    }

    deinit {
      for entry in made.reversed() where unlink(entry) != 0 { rmdir(entry) }
      if path != "/tmp" { rmdir(path) }
    }

    /// Records `name` for removal and returns its path.
    func track(_ name: String) -> String {
      made.append(path + "/" + name)
      return path + "/" + name
    }

    /// Writes `bytes` to `name` in the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) -> String {
      let file = track(name)
      let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      if fd >= 0 {
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
      }
      return file
    }

    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
  }

  /// The load's error text, or "ok" with a summary of what loaded. A CSV file read column by
  /// column (projection pushdown) must give the same outcome, first reading none of its
  /// columns and then all of them.
  static func outcome(_ path: String) -> String {
    let whole = outcome(path, deferring: false)
    let deferred = outcome(path, deferring: true)
    #expect(deferred == whole, "read column by column")
    return whole
  }

  static func outcome(_ path: String, deferring: Bool) -> String {
    do {
      switch try Loader.load(path: path, deferring: deferring) {
      case .table(let name, let table, _): return "ok: table \(name) \(table.columns.count)x\(table.rowCount)"
      case .reports(let model, _): return "ok: \(model.reports.count) report(s), \(model.lines.count) lines"
      case .deferred(let name, let table):
        do throws(DiagnosticError) {
          _ = try table.columns([])
          let read = try table.table()
          return "ok: table \(name) \(read.columns.count)x\(read.rowCount)"
        } catch {
          return error.rendered
        }
      }
    } catch {
      return error.description
    }
  }

  // MARK: CSV

  @Test func csvWithTenThousandColumns() {
    let scratch = Scratch()
    let header = (1...10_000).map { "c\($0)" }.joined(separator: ",")
    let row = (1...10_000).map { String($0) }.joined(separator: ",")
    let path = scratch.write("wide.csv", header + "\n" + row + "\n" + row + "\n")
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result == "ok: table wide 10000x2")
    #expect(seconds < 10)
  }

  @Test func csvRaggedRowsAreLocated() {
    let scratch = Scratch()
    let short = scratch.write("short.csv", "a,b,c\n1,2,3\n4,5\n")
    #expect(Self.outcome(short) == "\(short):3:4: error: expected 3 fields, got 2\n4,5\n   ^")
    let long = scratch.write("long.csv", "a,b\n1,2\n3,4,5\n")
    #expect(Self.outcome(long) == "\(long):3:5: error: expected 2 fields, got 3\n3,4,5\n    ^")
  }

  @Test func csvQuoteNeverClosed() {
    let scratch = Scratch()
    let body = "name,value\n\"open," + String(repeating: "x", count: 1_000_000) + "\n"
    let path = scratch.write("open.csv", body)
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result.hasPrefix("\(path):2:1: error: unclosed quote"), "got: \(result)")
    #expect(seconds < 10)
  }

  @Test func csvInvalidUTF8IsLocated() {
    let scratch = Scratch()
    let path = scratch.write("bad.csv", Array("a,b\nok,".utf8) + [0xC3, 0x28] + Array("\n".utf8))
    // Read as Windows-1252 (Ã() when no encoding is named; refused, at the byte, as UTF-8.
    #expect(Self.outcome(path) == "ok: table bad 2x1")
    do {
      _ = try Loader.load(path: path, encoding: .utf8)
      Issue.record("expected the UTF-8 load to fail")
    } catch {
      #expect(error.description == "\(path):2:4: error: invalid UTF-8; expected text encoded as UTF-8 (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)\nok,\u{FFFD}(\n   ^")
    }
  }

  @Test func csvInvalidUTF8InAMillionRowsIsReadAsWindows1252() {
    let scratch = Scratch()
    var bytes = Array("a,b\n".utf8)
    bytes.reserveCapacity(4_000_010)
    for _ in 0..<1_000_000 { bytes += Array("x,y\n".utf8) }
    bytes += [0xC3, 0x28] + Array(",z\n".utf8)
    let path = scratch.write("late.csv", bytes)
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result == "ok: table late 2x1000001")
    #expect(seconds < 20)
  }

  @Test func csvOneMegabyteSingleLine() {
    let scratch = Scratch()
    let path = scratch.write("line.csv", "text\n" + String(repeating: "å", count: 500_000))
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result == "ok: table line 1x1")
    #expect(seconds < 10)
  }

  // MARK: Report texts and model files

  @Test func reportTextInvalidUTF8IsLocated() {
    let scratch = Scratch()
    let path = scratch.write("bad.txt", Array("Årsredovisning 2024\nrad ".utf8) + [0xFF] + Array(" mer\n".utf8))
    // Line 2, column 5: the byte after "rad ".
    #expect(Self.outcome(path) == "\(path):2:5: error: invalid UTF-8; expected text encoded as UTF-8\nrad \u{FFFD} mer\n    ^")
  }

  @Test func reportTextOneMegabyteSingleLine() {
    let scratch = Scratch()
    let line = String(repeating: "Kostnaden ökade med 12,5 mnkr 2024 ", count: 30_000)
    let path = scratch.write("line.txt", line)
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result == "ok: 1 report(s), 1 lines")
    #expect(seconds < 30)
  }

  @Test func reportTextOfNumbersOnly() {
    let scratch = Scratch()
    let rows = (0..<20_000).map { "\($0) \($0 * 7 % 1000),5 \($0 % 97) -\($0 % 13)" }.joined(separator: "\n")
    let path = scratch.write("numbers.txt", rows)
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result.hasPrefix("ok: 1 report(s)"))
    #expect(seconds < 60)
  }

  @Test func modelJSONNestedTenThousandDeep() {
    let scratch = Scratch()
    let path = scratch.write("deep.json", String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
    let result = Self.outcome(path)
    #expect(result.contains("nesting too deep"), "got: \(result)")
  }

  // MARK: Paths that are not regular, readable files

  @Test func pathIsADirectory() {
    let scratch = Scratch()
    mkdir(scratch.track("dir.csv"), 0o700)
    mkdir(scratch.track("dir.txt"), 0o700)
    #expect(Self.outcome(scratch.path + "/dir.csv") == "\(scratch.path)/dir.csv: error: is a directory; expected a file")
    #expect(Self.outcome(scratch.path + "/dir.txt") == "\(scratch.path)/dir.txt: error: is a directory; expected a file")
  }

  @Test func pathDoesNotExist() {
    let scratch = Scratch()
    let path = scratch.path + "/gone.csv"
    #expect(Self.outcome(path) == "\(path): error: cannot open the file: No such file or directory")
  }

  /// root reads any file, so this cannot be tested when running as root.
  @Test(.enabled(if: geteuid() != 0)) func pathIsUnreadable() {
    let scratch = Scratch()
    let path = scratch.write("secret.csv", "a\n1\n")
    chmod(path, 0)
    #expect(Self.outcome(path) == "\(path): error: cannot open the file: Permission denied")
  }

  @Test func pathIsACharacterDevice() {
    let scratch = Scratch()
    let path = scratch.track("zero.csv")
    symlink("/dev/zero", path)
    let (result, seconds) = Measure.time { Self.outcome(path) }
    #expect(result == "\(path): error: is a device; expected a file or a pipe")
    #expect(seconds < 5)
  }

  @Test func emptyFiles() {
    let scratch = Scratch()
    let csv = scratch.write("empty.csv", "")
    #expect(Self.outcome(csv) == "\(csv): error: the file is empty; expected a header row naming the columns")
    let txt = scratch.write("empty.txt", "")
    #expect(Self.outcome(txt).hasPrefix("ok: 1 report(s), 0 lines"))
  }
}
