#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQLoaders

/// Reads a whole file as UTF-8 text (scripts for `.run` and `hq FILE`).
///
/// A device is refused (`hq /dev/zero` would read forever, `hq /dev/tty` would wait on the
/// keyboard); a pipe (`hq <(gen)`) is read to its end, polling Ctrl-C and stopping at
/// `limits.maxPipedBytes`. Reads interrupted by a signal are retried.
enum TextFile {
  static func read(_ path: String, limits: LoadLimits) throws(ShellError) -> String {
    var fd: Int32
    repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR && !limits.isCancelled()
    guard fd >= 0 else { throw ShellError("cannot read '\(path)': \(OutputFile.reason(errno))") }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFDIR: throw ShellError("cannot read '\(path)': it is a directory")
      case S_IFCHR, S_IFBLK:
        throw ShellError("cannot read '\(path)': it is a device; expected a script file (to type statements, run hq without a script)")
      default: break
      }
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      if limits.isCancelled() { throw ShellError("cannot read '\(path)': interrupted") }
      if bytes.count > limits.maxPipedBytes {
        throw ShellError(
          "cannot read '\(path)': it is longer than \(LoadLimits.describe(bytes: limits.maxPipedBytes)); expected a script (allow more with HQ_MAX_PIPE_INPUT=SIZE)")
      }
      let n = chunk.withUnsafeMutableBytes { readBytes(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw ShellError("cannot read '\(path)': \(OutputFile.reason(errno))")
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

/// `read(2)`, named apart from `TextFile.read`.
private func readBytes(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
