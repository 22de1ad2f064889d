import Foundation
import Testing

@testable import HQLoaders

/// Where the hand-made fixture files live.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Loaders").path

  static func path(_ name: String) -> String { directory + "/" + name }

  /// The report PDFs, texts and truth files made by Scripts/make-table-pdfs.
  static let reports = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent("Reports").path

  static func report(_ name: String) -> String { reports + "/" + name }
}

/// A fresh temporary directory per test, so tests can write files with exact bytes.
struct TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "hq-loaders-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `name` in the directory and returns the file's path.
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The error a load must fail with, or a test failure saying what came back instead.
func loadError(_ path: String, encoding: TextEncoding? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
  do {
    _ = try Loader.load(path: path, as: nil, encoding: encoding)
    Issue.record("expected the load to fail", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error.description
  }
}

/// A named pipe (`mkfifo`) and a thread that writes to it, the way a producer feeds
/// `hq --load f.csv` from another process.
enum FIFO {
  /// Makes a FIFO at `path` and starts a writer that waits (up to 10 s) for a reader, writes
  /// `bytes` in pieces of `piece` bytes and closes; wait on the returned group for it to end.
  /// The writer never blocks forever: if no reader comes, it gives up and removes nothing.
  static func serve(_ path: String, _ bytes: [UInt8], piece: Int = 4096) throws -> DispatchGroup {
    guard mkfifo(path, 0o600) == 0 else { throw FIFOError(path: path) }
    signal(SIGPIPE, SIG_IGN)  // a reader that stops early gives EPIPE, not a dead test run
    let group = DispatchGroup()
    group.enter()
    Thread.detachNewThread {
      defer { group.leave() }
      // Non-blocking open fails (ENXIO) until a reader has the FIFO open.
      var fd: Int32 = -1
      for _ in 0..<10_000 {
        fd = open(path, O_WRONLY | O_NONBLOCK)
        if fd >= 0 { break }
        usleep(1_000)
      }
      guard fd >= 0 else { return }
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
      var offset = 0
      while offset < bytes.count {
        let end = min(offset + piece, bytes.count)
        let written = bytes[offset..<end].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if written <= 0 { break }
        offset += written
      }
      close(fd)
    }
    return group
  }

  struct FIFOError: Error {
    var path: String
  }
}
