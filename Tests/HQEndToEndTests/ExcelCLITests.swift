import Foundation
import Testing

/// Excel in and out through the built binary: `--output FILE.xlsx`, `--format xlsx` refused
/// without a file, `--encoding` after `--load`, a failed write's status.
@Suite struct ExcelCLITests {
  private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hq-excel-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private var fixture: String {
    HQProcess.packageRoot.appendingPathComponent("docs/examples/halland.csv").path
  }

  @Test func outputWritesAWorkbookWithOneSheetPerStatement() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("bok.xlsx").path
    let run = try HQProcess.run(["-c", "from goals | count", "-c", "from reports | select id", "--output", path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let unzip = Process()
    unzip.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    unzip.arguments = ["-p", path, "xl/workbook.xml"]
    let pipe = Pipe()
    unzip.standardOutput = pipe
    try unzip.run()
    let workbook = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    unzip.waitUntilExit()
    #expect(workbook.contains("<sheet name=\"from goals | count\" sheetId=\"1\""))
    #expect(workbook.contains("<sheet name=\"from reports | select id\" sheetId=\"2\""))
  }

  @Test func xlsxIsNeverWrittenToStandardOutput() throws {
    let usage = try HQProcess.run(["-c", "from goals", "--format", "xlsx"])
    #expect(usage.status == 2)
    #expect(usage.stdout.isEmpty)
    #expect(usage.stderr.hasPrefix("hq: --format xlsx writes an Excel file, not standard output; name it with --output FILE.xlsx\n"))
    let device = try HQProcess.run(["-c", "from goals", "--output", "/dev/stdout", "--format", "xlsx"])
    #expect(device.status == 1)
    #expect(device.stdout.isEmpty)
    #expect(device.stderr.hasPrefix("hq: error: cannot write '/dev/stdout' as xlsx: an Excel workbook is a file"))
  }

  @Test func aWorkbookInAMissingDirectoryFails() throws {
    let run = try HQProcess.run(["-c", "from goals", "--output", "/nonexistent-hq-dir/bok.xlsx"])
    #expect(run.status == 1)
    #expect(run.stderr == "hq: error: cannot write '/nonexistent-hq-dir/bok.xlsx': No such file or directory\n")
  }

  @Test func encodingFollowsItsLoad() throws {
    let detected = try HQProcess.run(["--load", fixture, "-c", "from halland | summarize total = sum(Kostnad)"])
    #expect(detected.status == 0)
    // 12 450 + 41 234,5 + 9 204 + 7 005,25 tkr.
    #expect(detected.stdout == "total\n69893.75\n")
    #expect(detected.stderr.contains(":1:14: note: not UTF-8 (byte 0xE5), so the file was read as Windows-1252"))
    let named = try HQProcess.run(["--load", fixture, "--encoding", "cp1252", "-c", "from halland | select Kommun | take 1"])
    #expect(named.status == 0)
    #expect(named.stdout == "Kommun\nKungsbacka\n")
    #expect(named.stderr.isEmpty)
    let refused = try HQProcess.run(["--load", fixture, "--encoding", "utf-8", "-c", "from halland"])
    #expect(refused.status == 1)
    #expect(refused.stderr.hasSuffix(":1:14: error: invalid UTF-8; expected text encoded as UTF-8 (a file saved by Excel is often Windows-1252: load it with encoding=cp1252)\nKommun;Sjukfr\u{FFFD}nvaro;F\u{FFFD}r\u{FFFD}ndring;Kostnad;Inv\u{FFFD}nare\n             ^\n"))
    let misplaced = try HQProcess.run(["--encoding", "cp1252", "--load", fixture])
    #expect(misplaced.status == 2)
    #expect(misplaced.stderr.contains("--encoding ENC gives the encoding of the --load just before it"))
  }

  @Test func csvSVOnStandardOutputStartsWithTheMark() throws {
    let run = try HQProcess.run(["-c", "from facts | where table ~ \"Specifikation av FVIS\" | select value | take 2", "--format", "csv-sv"])
    #expect(run.status == 0)
    #expect(run.stdout == "\u{FEFF}value\n70,4\n51,4\n")
  }
}
