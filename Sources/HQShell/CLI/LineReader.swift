#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQDiagnostics

/// Lines from a file descriptor (standard input), read in 64 KiB chunks.
///
/// Unlike `Swift.readLine`, it survives signals (a read interrupted by one is retried; Ctrl-C
/// is polled between reads and ends the input), and it bounds what one line may hold: an
/// endless line (`hq < /dev/zero`) or a binary file is an error naming the line, not a process
/// that grows until memory runs out.
struct LineReader {
  /// Why reading stopped early.
  enum Failure: Error, Equatable {
    case interrupted
    /// Line `line` is longer than the limit.
    case lineTooLong(line: Int)
    /// A NUL byte at `line`, `column` (1-based, in display columns): not text.
    case notText(line: Int, column: Int)
    case system(Int32)
  }

  let descriptor: Int32
  let maxLineBytes: Int
  let isCancelled: () -> Bool
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// The 1-based number of the last line returned.
  private(set) var lineNumber = 0

  init(descriptor: Int32, maxLineBytes: Int, isCancelled: @escaping () -> Bool) {
    self.descriptor = descriptor
    self.maxLineBytes = maxLineBytes
    self.isCancelled = isCancelled
  }

  /// The next line without its `\n` (and a `\r` before it), or nil at the end of input.
  mutating func next() throws(Failure) -> String? {
    // How far past `start` has been searched (`fill` moves the bytes, not this distance).
    var searched = 0
    while true {
      if let stop = buffer[(start + searched)...].firstIndex(where: { $0 == UInt8(ascii: "\n") || $0 == 0 }) {
        if buffer[stop] == 0 {
          let before = String(decoding: buffer[start..<stop], as: UTF8.self)
          throw .notText(line: lineNumber + 1, column: DisplayWidth.column(after: before))
        }
        return take(upTo: stop, skipping: 1)
      }
      searched = buffer.count - start
      if searched > maxLineBytes { throw .lineTooLong(line: lineNumber + 1) }
      if atEnd {
        return searched > 0 ? take(upTo: buffer.count, skipping: 0) : nil
      }
      try fill()
    }
  }

  private mutating func take(upTo end: Int, skipping: Int) -> String {
    lineNumber += 1
    var bytes = buffer[start..<end]
    if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
    let line = String(decoding: bytes, as: UTF8.self)
    start = end + skipping
    return line
  }

  /// Reads one more chunk, dropping the lines already returned.
  private mutating func fill() throws(Failure) {
    if start > 0 {
      buffer.removeSubrange(0..<start)
      start = 0
    }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      if isCancelled() { throw .interrupted }
      let n = chunk.withUnsafeMutableBytes { readFrom(descriptor, $0.baseAddress, $0.count) }
      if n > 0 {
        buffer.append(contentsOf: chunk[0..<n])
        return
      }
      if n == 0 {
        atEnd = true
        return
      }
      if errno != EINTR { throw .system(errno) }
    }
  }
}

private func readFrom(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}
