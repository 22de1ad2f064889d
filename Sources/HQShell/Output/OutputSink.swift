#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQEngine
import HQSyntax

/// Where formatted output goes: a file descriptor (stdout, a `.output` file) or memory (tests).
///
/// Writes are buffered and flushed in large chunks (one `write(2)` per 64 KiB), because a
/// million-row result must not cost a million system calls. When the reader of a pipe goes
/// away (`hq … | head -1`), `write` fails with `EPIPE`; the sink then marks itself
/// ``isBroken`` and drops everything after, so hq can stop quietly instead of printing an
/// error (SIGPIPE is ignored by the CLI so the process is not killed first).
public final class OutputSink: TextOutputStream {
  private enum Target {
    case descriptor(Int32, closeWhenDone: Bool)
    case memory
  }

  private var target: Target
  private var buffer: [UInt8] = []
  /// Everything written so far, for a memory sink.
  public private(set) var captured: [UInt8] = []
  /// True once a write failed (closed pipe, full disk); later writes are dropped.
  public private(set) var isBroken = false
  /// When set and cancelled (Ctrl-C), formatters stop writing rows: a million-row result
  /// scrolling past can be interrupted like a running statement.
  public var cancellation: CancellationToken?
  /// True when formatters should write no more rows: the sink is broken or Ctrl-C was pressed.
  public var shouldStop: Bool { isBroken || (cancellation?.isCancelled ?? false) }
  /// The `errno` of the failed write, if any.
  public private(set) var failure: Int32 = 0
  /// Set once the failure has been shown to the user, so it is reported once.
  public var failureReported = false

  /// True for standard error: control characters in what is written (a file name or a CSV
  /// header quoted in a message can carry an escape sequence) become spaces, by the one rule
  /// in ``HQSyntax/TerminalText``; line breaks and tabs stay. Results never pass through here.
  public var showsOnlyVisibleText = false

  private static let chunk = 64 * 1024

  /// A sink writing to an open file descriptor. The descriptor is closed by ``close()``
  /// only when `closeWhenDone` is true.
  public init(descriptor: Int32, closeWhenDone: Bool = false) {
    target = .descriptor(descriptor, closeWhenDone: closeWhenDone)
    buffer.reserveCapacity(Self.chunk)
  }

  /// A sink that keeps everything in memory; read it back with ``text``.
  public init() {
    target = .memory
  }

  /// The text written so far to a memory sink.
  public var text: String {
    flush()
    return String(decoding: captured, as: UTF8.self)
  }

  /// How many bytes were handed to ``write(_:)`` so far.
  public private(set) var totalBytes = 0

  public func write(_ string: String) {
    guard !isBroken else { return }
    let string = showsOnlyVisibleText ? TerminalText.visible(string, keeping: ["\n", "\t"]) : string
    totalBytes += string.utf8.count
    buffer.append(contentsOf: string.utf8)
    if buffer.count >= Self.chunk { flush() }
  }

  /// Writes bytes as they are (a PNG image), bypassing ``showsOnlyVisibleText``.
  public func write(bytes: [UInt8]) {
    guard !isBroken else { return }
    totalBytes += bytes.count
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.chunk { flush() }
  }

  /// Writes the buffered bytes out.
  public func flush() {
    guard !buffer.isEmpty else { return }
    switch target {
    case .memory:
      captured.append(contentsOf: buffer)
    case .descriptor(let fd, _):
      if !isBroken { writeAll(fd) }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a sink that owns its descriptor, closes it.
  public func close() {
    flush()
    if case .descriptor(let fd, true) = target {
      posixClose(fd)
      target = .memory
    }
  }

  /// The corresponding C call is `write(2)`, repeated until every byte is out.
  private func writeAll(_ fd: Int32) {
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = posixWrite(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          failure = n < 0 ? errno : EIO
          isBroken = true
          return
        }
      }
    }
  }
}

/// Free functions so the sink's own `close()` does not shadow the C call.
private func posixClose(_ fd: Int32) { _ = close(fd) }

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, bytes, count)
}
