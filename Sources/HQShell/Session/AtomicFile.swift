#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written under a temporary name next to its destination and renamed into place
/// when complete, so a full disk or a crash never leaves a truncated `.save` or `.output`
/// file: the destination holds either its old content or the whole new one.
final class AtomicFile {
  let path: String
  let temporaryPath: String
  let sink: OutputSink
  private let descriptor: Int32

  /// Creates the temporary file. The corresponding C call is `open(O_CREAT|O_EXCL)`.
  init(path: String) throws(ShellError) {
    self.path = path
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    guard !name.isEmpty else { throw ShellError("'\(path)' is a directory, not a file name") }
    temporaryPath = directory + ".\(name).\(getpid()).tmp"
    // The name is predictable: remove whatever is there (a stale file, or a symlink planted
    // to redirect the write) and create a fresh file, never following a link.
    unlink(temporaryPath)
    let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ShellError("cannot write '\(path)': \(Self.reason(errno))") }
    descriptor = fd
    sink = OutputSink(descriptor: fd, closeWhenDone: true)
  }

  /// Flushes, closes and renames into place; on any failure removes the temporary file.
  ///
  /// The data is forced to disk (`fsync`) before the rename: without it, a power cut right
  /// after the rename can leave an empty file under the destination's name on some file systems.
  func commit() throws(ShellError) {
    sink.flush()
    let synced = sink.isBroken || fsync(descriptor) == 0
    let syncError = errno
    sink.close()
    if !synced {
      unlink(temporaryPath)
      throw ShellError("cannot write '\(path)': \(Self.reason(syncError))")
    }
    if sink.isBroken {
      unlink(temporaryPath)
      throw ShellError("cannot write '\(path)': \(Self.reason(sink.failure))")
    }
    guard rename(temporaryPath, path) == 0 else {
      let reason = Self.reason(errno)
      unlink(temporaryPath)
      throw ShellError("cannot write '\(path)': \(reason)")
    }
  }

  /// Writes `text` to `path` atomically.
  static func write(_ text: String, to path: String) throws(ShellError) {
    let file = try AtomicFile(path: path)
    file.sink.write(text)
    try file.commit()
  }

  static func reason(_ code: Int32) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }
}

/// Reads a whole file as UTF-8 text (scripts for `.run` and `hq FILE`).
enum TextFile {
  static func read(_ path: String) throws(ShellError) -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw ShellError("cannot read '\(path)': \(AtomicFile.reason(errno))") }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      throw ShellError("cannot read '\(path)': it is a directory")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ShellError("cannot read '\(path)': \(AtomicFile.reason(errno))")
      }
      if n == 0 { break }
      bytes += chunk[0..<n]
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ShellError("cannot read '\(path)': it is not UTF-8 text")
    }
    return text
  }
}

/// A shell-level failure (a meta command, a file), shown as one error line.
public struct ShellError: Error, Sendable, CustomStringConvertible {
  public var message: String
  /// True when `message` is already a whole `FILE:LINE:COL: error: …` line (a load error
  /// pointing into the loaded file), which is shown as is.
  public var isLocated: Bool

  public init(_ message: String, isLocated: Bool = false) {
    self.message = message
    self.isLocated = isLocated
  }

  public var description: String { message }
}

/// `read(2)`, named apart from `TextFile.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
