#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import HQData
import HQLoaders

/// The line on standard error that says a long load is still going:
///
///     loading facts.csv … 45 % of 1.5 GiB, 3 s
///
/// It appears only once a load has taken ``delay`` (a second; `HQ_PROGRESS_AFTER=SECONDS`
/// changes it), is redrawn four times a second in place (`\r`, erase to the end of the line),
/// and is erased when the load ends, so what follows is written where it began. The session
/// shows it only when standard error is a terminal (``Session/showsLoadProgress``).
///
/// It runs on a thread of its own, not on Dispatch's pool, which the load keeps busy.
final class ProgressLine: @unchecked Sendable {
  private let label: String
  private let total: Int?
  private let progress: LoadProgress
  private let delay: Double
  private let width: Int
  private let stop = DispatchSemaphore(value: 0)
  private var thread: pthread_t?

  /// - Parameters:
  ///   - label: what is loading (a file name, or `3 files`).
  ///   - total: the bytes of the regular files loading, when known.
  init(label: String, total: Int?, progress: LoadProgress, delay: Double, width: Int) {
    self.label = label
    self.total = total
    self.progress = progress
    self.delay = delay
    self.width = max(20, width)
  }

  /// The line for a load `seconds` in (without the escape codes around it).
  static func text(label: String, total: Int?, parsed: Int, received: Int, seconds: Int) -> String {
    var text = "loading \(label) …"
    if let total, total > 0, parsed > 0 {
      // The reader reports the last part when it is done with it: 99 % until the load ends.
      let percent = min(99, parsed / max(1, total / 100))
      text += " \(percent) % of \(ByteSize.describe(total)),"
    } else if received > 0 {
      text += " \(ByteSize.describe(received)) received,"
    }
    return text + " \(seconds) s"
  }

  /// Starts watching; ``finish()`` must follow.
  func start() {
    let context = Unmanaged.passRetained(self).toOpaque()
    var id = pthread_t()
    let created = pthread_create(&id, nil, { raw in
      guard let raw else { return nil }
      let line = Unmanaged<ProgressLine>.fromOpaque(raw).takeRetainedValue()
      line.run()
      return nil
    }, context)
    if created == 0 {
      thread = id
    } else {
      Unmanaged<ProgressLine>.fromOpaque(context).release()
    }
  }

  /// Stops the line and erases it if it was shown; returns once it is gone.
  func finish() {
    guard let thread else { return }
    stop.signal()
    pthread_join(thread, nil)
    self.thread = nil
  }

  private func run() {
    let clock = ContinuousClock()
    let start = clock.now
    var shown = false
    while stop.wait(timeout: .now() + .milliseconds(250)) == .timedOut {
      let elapsed = clock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      guard seconds >= delay else { continue }
      var text = Self.text(
        label: label, total: total, parsed: progress.parsed, received: progress.received, seconds: Int(seconds))
      if text.count >= width { text = String(text.prefix(width - 1)) }
      Self.writeError("\r" + text + "\u{1B}[K")
      shown = true
    }
    if shown { Self.writeError("\r\u{1B}[K") }
  }

  private static func writeError(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
      if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
    }
  }
}

extension Session {
  /// Runs `load` with a progress line on standard error when ``showsLoadProgress`` is set,
  /// handing it the ``LoadLimits`` to read with.
  func withProgress<T, E: Error>(loading paths: [String], _ load: (LoadLimits) throws(E) -> T) throws(E) -> T {
    guard showsLoadProgress, !paths.isEmpty else { return try load(loadLimits) }
    var limits = loadLimits
    let progress = LoadProgress()
    limits.progress = progress
    var total: Int? = 0
    for path in paths {
      var info = stat()
      if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { total? += Int(info.st_size) } else { total = nil }
    }
    let name = paths[0].split(separator: "/").last.map(String.init) ?? paths[0]
    let label = paths.count == 1 ? name : "\(paths.count) files"
    let delay = Terminal.environment("HQ_PROGRESS_AFTER").flatMap { Double($0) }.flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } ?? 1
    errors.flush()
    let line = ProgressLine(label: label, total: total, progress: progress, delay: delay, width: Terminal.width() ?? 80)
    line.start()
    defer { line.finish() }
    return try load(limits)
  }
}
