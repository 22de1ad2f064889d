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

  @Test func devicesAreRefusedByName() {
    #expect(throws: LoadError(file: "/dev/null", message: "is a device; expected a file or a pipe")) {
      try FileBytes.read("/dev/null")
    }
  }
}
