import Foundation
import Testing

@testable import HQLoaders

/// Where bytes come from: regular files are mapped, pipes read to their end, and anything else
/// refused by name.
@Suite struct FileBytesTests {
  @Test func aFIFOIsReadToItsEnd() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // 300,000 bytes, more than the first 64 KB buffer, so the buffer must grow; the writer
    // sends them in 4 KB pieces, so the reads return short.
    let bytes = (0..<300_000).map { UInt8($0 % 251) }
    let writer = try FIFO.serve(dir.path + "/pipe", bytes)
    let file = try FileBytes.read(dir.path + "/pipe")
    writer.wait()
    #expect(file.count == 300_000)
    #expect(Array(file.buffer) == bytes)
  }

  @Test func aFIFOClosedAtOnceIsEmpty() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let writer = try FIFO.serve(dir.path + "/pipe", [])
    let file = try FileBytes.read(dir.path + "/pipe")
    writer.wait()
    #expect(file.count == 0)
  }

  @Test func aRegularFileIsMappedWhole() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("a.csv", "a,b\n1,2\n")
    let file = try FileBytes.read(path)
    #expect(Array(file.buffer) == Array("a,b\n1,2\n".utf8))
  }

  /// Issue 12, item 12: /proc files say their size is 0 but have content; they were mapped
  /// as empty and loading one said "the file is empty". They are read to their end now.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/meminfo"), "needs Linux /proc"))
  func procFilesAreReadToTheirEnd() throws {
    var info = stat()
    #expect(stat("/proc/meminfo", &info) == 0 && info.st_size == 0, "the premise: /proc reports size 0")
    let file = try FileBytes.read("/proc/meminfo")
    let text = String(decoding: file.buffer, as: UTF8.self)
    #expect(text.hasPrefix("MemTotal:"))
    #expect(text.contains("\nMemFree:"))
    // Through the loader: one line per row, as a one-column CSV.
    guard case .table(_, let table, _) = try Loader.load(path: "/proc/meminfo", as: "meminfo.csv") else {
      Issue.record("expected a table")
      return
    }
    #expect(table.rowCount > 5)
    // A truly empty regular file is still empty.
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let empty = try dir.write("tom.csv", "")
    #expect(try FileBytes.read(empty).count == 0)
  }

  @Test func devicesAreRefusedByName() {
    #expect(throws: LoadError(file: "/dev/null", message: "is a device; expected a file or a pipe")) {
      try FileBytes.read("/dev/null")
    }
  }
}
