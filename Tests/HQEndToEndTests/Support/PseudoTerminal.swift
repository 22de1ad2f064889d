import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `hq` running on a pseudo-terminal, driven like a person at a keyboard: keys in, screen
/// text out. Every read waits for expected text with a deadline, so a slow machine makes
/// the test slower, not flaky, and a hang fails instead of blocking the suite.
final class PseudoTerminal {
  let pid: pid_t
  let fd: Int32
  /// Everything read so far (escape sequences included).
  private(set) var transcript = ""
  /// How many characters of ``plainText`` earlier waits have consumed.
  private var consumed = 0

  init(arguments: [String] = [], environment: [String: String] = [:], columns: UInt16 = 100) throws {
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm"
    env["LANG"] = "C.UTF-8"
    for (key, value) in environment { env[key] = value }
    let argv = ([HQProcess.binary] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    let program = HQProcess.binary
    var size = winsize(ws_row: 30, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    var master: Int32 = -1
    let child = forkpty(&master, nil, nil, &size)
    if child == 0 {
      // A terminal's shell starts programs with no signal blocked; the test's thread may
      // block some (libdispatch workers block SIGWINCH, SIGINT, SIGTERM, …), and exec keeps
      // the mask, which would hide resizes and signals from hq.
      var none = sigset_t()
      sigemptyset(&none)
      sigprocmask(SIG_SETMASK, &none, nil)
      execve(program, argv, envp)
      _exit(127)
    }
    guard child > 0 else { throw POSIXError(.EAGAIN) }
    pid = child
    fd = master
  }

  deinit {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    close(fd)
  }

  /// Sends keys: text, `\t` for Tab, `\u{3}` for Ctrl-C, `\u{4}` for Ctrl-D, `\u{1B}[A` for Up.
  func send(_ keys: String) {
    let bytes = Array(keys.utf8)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
  }

  /// Changes the terminal's size, as dragging a terminal window's corner does: the kernel
  /// sends SIGWINCH to the program in the foreground.
  func resize(columns: UInt16, rows: UInt16 = 30) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(fd, UInt(TIOCSWINSZ), &size)
  }

  /// Reads until the screen text (escape sequences removed) since the last successful wait
  /// contains `text`.
  /// - Returns: the text read up to and including `text`, or nil on timeout.
  @discardableResult
  func wait(for text: String, timeout: Double = 20) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let plain = plainText
      let start = plain.index(plain.startIndex, offsetBy: min(consumed, plain.count))
      if let range = plain[start...].range(of: text) {
        let seen = String(plain[start..<range.upperBound])
        consumed = plain.distance(from: plain.startIndex, to: range.upperBound)
        return seen
      }
      let remaining = deadline.timeIntervalSinceNow
      if remaining <= 0 { return nil }
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      let ready = poll(&poller, 1, Int32(min(remaining, 0.2) * 1000))
      if ready > 0 {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { return nil }
        transcript += String(decoding: buffer[0..<n], as: UTF8.self)
      }
    }
  }

  /// Waits for a prompt (`hq> ` or `...> `), then lets libedit finish switching the tty to
  /// its editing mode: a key that arrives within that switch can be read in the wrong mode,
  /// which a person typing never hits but a test writing at once can.
  @discardableResult
  func waitForPrompt(_ prompt: String = "hq> ", timeout: Double = 20) -> String? {
    let seen = wait(for: prompt, timeout: timeout)
    usleep(100_000)
    return seen
  }

  /// Waits for the process to exit and returns its exit status (or -1 on timeout).
  func waitForExit(timeout: Double = 20) -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    while Date() < deadline {
      // Drain output so the child never blocks on a full pty.
      _ = wait(for: "\u{0}never\u{0}", timeout: 0.05)
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid {
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
      }
    }
    return -1
  }

  /// The transcript with escape sequences and carriage returns removed, for readable checks.
  var plainText: String { Self.plain(transcript) }

  static func plain(_ text: String) -> String {
    var out = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\u{1B}" {
        // CSI: ESC [ params final-byte
        if let next = iterator.next(), next == "[" {
          while let c = iterator.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
        }
        continue
      }
      if scalar == "\r" || scalar == "\u{7}" { continue }
      out.unicodeScalars.append(scalar)
    }
    return out
  }
}
