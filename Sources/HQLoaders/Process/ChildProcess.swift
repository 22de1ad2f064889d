#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Runs an external tool (only `pdftotext`) with an argument vector and collects what it
/// writes, in a way that survives signals and can be stopped.
///
/// - The child is started with `posix_spawn`: no shell, and the signal dispositions hq changed
///   (SIGPIPE ignored, SIGINT handled) are back to their defaults in the child.
/// - One loop on the calling thread `poll`s the child's standard output and error (and, when
///   there is input, its standard input), so a large output cannot fill a pipe and stall. Every
///   system call that a signal can interrupt (`poll`, `read`, `write`, `waitpid`) is retried on
///   `EINTR` — Foundation's `readDataToEndOfFile` traps on `EINTR`, which is how Ctrl-C during
///   a PDF load used to crash hq.
/// - Every 100 ms the loop checks `isCancelled` and the deadline; either kills the child
///   (SIGKILL) and reaps it before throwing, so no `pdftotext` is left running.
/// - The running child's id is kept in ``ChildProcess/running``, so a SIGTERM or SIGHUP
///   handler can kill it before hq exits (``killRunning(_:)``).
public enum ChildProcess {
  struct Result {
    /// The exit status, or 128 + the signal number when the child was killed by a signal.
    var status: Int32
    var output: [UInt8]
    var errors: [UInt8]
  }

  enum Failure: Error {
    case cannotStart(Int32)
    case interrupted
    case timedOut
    /// The child wrote more than `maxOutput` bytes.
    case outputTooLarge
    case system(String, Int32)
  }

  /// The ids of the running children (0 for a free slot): at most one per loading thread.
  private static let slots: [Slot] = (0..<16).map { _ in Slot() }

  private final class Slot: Sendable {
    let pid = Atomic<Int32>(0)
  }

  /// Sends `signal` to every running child. Only atomics and `kill`: safe in a signal handler.
  public static func killRunning(_ signal: Int32) {
    for slot in slots {
      let pid = slot.pid.load(ordering: .relaxed)
      if pid > 0 { kill(pid, signal) }
    }
  }

  /// Runs `tool arguments…` and returns its status and output.
  ///
  /// - Parameters:
  ///   - input: given to the child's standard input (else `/dev/null`).
  ///   - timeout: seconds until the child is killed and ``Failure/timedOut`` is thrown.
  ///   - maxOutput: the most bytes of standard output kept before ``Failure/outputTooLarge``.
  static func run(
    _ tool: String, arguments: [String], environment: [String: String], input: UnsafeRawBufferPointer? = nil,
    timeout: Double, maxOutput: Int = Int.max, isCancelled: () -> Bool
  ) throws(Failure) -> Result {
    var outPipe: [Int32] = [-1, -1]
    var errPipe: [Int32] = [-1, -1]
    var inPipe: [Int32] = [-1, -1]
    func closeAll() {
      for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) }
    }
    // Pipes are made and marked close-on-exec under one lock with the spawn, so a child
    // started on another loading thread cannot inherit this child's pipe ends (which would
    // keep them open and hide the end of this child's output).
    let spawned: Swift.Result<pid_t, Failure> = spawnLock.withLock { _ in
      guard makePipe(&outPipe), makePipe(&errPipe), input == nil || makePipe(&inPipe) else {
        let code = errno
        closeAll()
        return .failure(.system("cannot create a pipe", code))
      }
      do throws(Failure) {
        return .success(
          try spawn(
            tool, arguments: arguments, environment: environment, stdin: input == nil ? nil : inPipe[0],
            stdout: outPipe[1], stderr: errPipe[1]))
      } catch {
        closeAll()
        return .failure(error)
      }
    }
    let pid = try spawned.get()
    // The parent keeps only its ends.
    close(outPipe[1])
    close(errPipe[1])
    if input != nil { close(inPipe[0]) }
    let slot = claimSlot(pid)
    defer { slot?.pid.store(0, ordering: .relaxed) }

    var collector = Collector(
      output: outPipe[0], errors: errPipe[0], input: input == nil ? -1 : inPipe[1], bytes: input,
      maxOutput: maxOutput)
    let deadline = Clock.now + timeout
    let outcome = withSIGPIPEBlocked { collector.run(deadline: deadline, isCancelled: isCancelled) }
    collector.closeAll()
    if let outcome {
      kill(pid, SIGKILL)
      _ = reap(pid)
      throw outcome
    }
    // Both pipes are at their end; the child is exiting (or closed them early and runs on).
    let status = waitForExit(pid, deadline: deadline, isCancelled: isCancelled)
    switch status {
    case .exited(let code):
      // Ctrl-C on a terminal reaches the child too (one process group): it is an interruption,
      // whatever status the child died with.
      if isCancelled() { throw .interrupted }
      return Result(status: code, output: collector.outputBytes, errors: collector.errorBytes)
    case .failed(let failure):
      kill(pid, SIGKILL)
      _ = reap(pid)
      throw failure
    }
  }

  // MARK: Starting

  private static let spawnLock = Mutex(())

  /// `pipe` with both ends close-on-exec.
  private static func makePipe(_ fds: inout [Int32]) -> Bool {
    guard pipe(&fds) == 0 else { return false }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return true
  }

  private static func spawn(
    _ tool: String, arguments: [String], environment: [String: String], stdin: Int32?, stdout: Int32, stderr: Int32) throws(Failure) -> pid_t {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdin {
      posix_spawn_file_actions_adddup2(&actions, stdin, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    posix_spawn_file_actions_adddup2(&actions, stderr, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGBUS] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noneBlocked = sigset_t()
    sigemptyset(&noneBlocked)
    posix_spawnattr_setsigmask(&attributes, &noneBlocked)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv: [UnsafeMutablePointer<CChar>?] = ([tool] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for string in argv + envp { free(string) } }
    var pid: pid_t = 0
    // A tool just written is busy (ETXTBSY) while a process forked meanwhile still holds the
    // writer's descriptor: that passes in moments, so try again for up to a second.
    var code = posix_spawn(&pid, tool, &actions, &attributes, argv, envp)
    var attempts = 0
    while code == ETXTBSY, attempts < 20 {
      attempts += 1
      usleep(50_000)
      code = posix_spawn(&pid, tool, &actions, &attributes, argv, envp)
    }
    guard code == 0 else { throw .cannotStart(code) }
    return pid
  }

  private static func claimSlot(_ pid: pid_t) -> Slot? {
    for slot in slots where slot.pid.compareExchange(expected: 0, desired: pid, ordering: .relaxed).exchanged {
      return slot
    }
    return nil
  }

  // MARK: Waiting

  private enum Exit {
    case exited(Int32)
    case failed(Failure)
  }

  /// `waitpid` without blocking, every 10 ms, until the child exits, the deadline passes or
  /// the load is cancelled.
  private static func waitForExit(_ pid: pid_t, deadline: Double, isCancelled: () -> Bool) -> Exit {
    while true {
      var status: Int32 = 0
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { return .exited(decode(status)) }
      if result < 0 && errno != EINTR { return .failed(.system("cannot wait for the tool", errno)) }
      if isCancelled() { return .failed(.interrupted) }
      if Clock.now > deadline { return .failed(.timedOut) }
      usleep(10_000)
    }
  }

  /// Waits for a killed child, retrying on `EINTR`.
  private static func reap(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return decode(status)
  }

  private static func decode(_ status: Int32) -> Int32 {
    let signal = status & 0x7f
    return signal == 0 ? (status >> 8) & 0xff : 128 + signal
  }

  /// Runs `body` with SIGPIPE blocked on this thread, then discards a SIGPIPE it raised (a
  /// child that exits before reading all its input), so a process that does not ignore
  /// SIGPIPE (a test runner) is not killed by it; the write sees `EPIPE` instead.
  private static func withSIGPIPEBlocked<T>(_ body: () -> T) -> T {
    var block = sigset_t()
    sigemptyset(&block)
    sigaddset(&block, SIGPIPE)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &block, &previous)
    let result = body()
    var pending = sigset_t()
    sigpending(&pending)
    if sigismember(&pending, SIGPIPE) == 1 {
      var zero = timespec(tv_sec: 0, tv_nsec: 0)
      _ = sigtimedwait(&block, nil, &zero)
    }
    pthread_sigmask(SIG_SETMASK, &previous, nil)
    return result
  }

  /// Seconds on the monotonic clock.
  enum Clock {
    static var now: Double {
      var time = timespec()
      clock_gettime(CLOCK_MONOTONIC, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
  }
}

/// The poll loop over the child's pipes.
private struct Collector {
  var output: Int32
  var errors: Int32
  var input: Int32
  let bytes: UnsafeRawBufferPointer?
  let maxOutput: Int
  var written = 0
  var outputBytes: [UInt8] = []
  var errorBytes: [UInt8] = []

  init(output: Int32, errors: Int32, input: Int32, bytes: UnsafeRawBufferPointer?, maxOutput: Int) {
    self.output = output
    self.errors = errors
    self.input = input
    self.bytes = bytes
    self.maxOutput = maxOutput
    if input >= 0 { _ = fcntl(input, F_SETFL, fcntl(input, F_GETFL) | O_NONBLOCK) }
  }

  /// Reads and writes until both output pipes are at their end. Returns nil then, or why it stopped.
  mutating func run(deadline: Double, isCancelled: () -> Bool) -> ChildProcess.Failure? {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while output >= 0 || errors >= 0 {
      if isCancelled() { return .interrupted }
      if ChildProcess.Clock.now > deadline { return .timedOut }
      if input >= 0, let bytes, written >= bytes.count { closeInput() }
      var fds = [pollfd(fd: output, events: Int16(POLLIN), revents: 0), pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
        pollfd(fd: input, events: Int16(POLLOUT), revents: 0)]
      let ready = poll(&fds, nfds_t(fds.count), 100)
      if ready < 0 {
        if errno == EINTR { continue }
        return .system("cannot wait for the tool's output", errno)
      }
      if ready == 0 { continue }
      if fds[0].revents != 0 {
        switch drain(output, into: &outputBytes, chunk: &chunk) {
        case .open: break
        case .ended: close(output); output = -1
        case .failed(let code): return .system("cannot read the tool's output", code)
        }
        if outputBytes.count > maxOutput { return .outputTooLarge }
      }
      if fds[1].revents != 0 {
        switch drain(errors, into: &errorBytes, chunk: &chunk) {
        case .open: break
        case .ended: close(errors); errors = -1
        case .failed(let code): return .system("cannot read the tool's errors", code)
        }
        // Only the first lines of a tool's complaints are shown.
        if errorBytes.count > 1 << 16 { errorBytes.removeLast(errorBytes.count - (1 << 16)) }
      }
      if fds[2].revents != 0 { feed() }
    }
    return nil
  }

  private enum ReadState {
    case open
    case ended
    case failed(Int32)
  }

  /// One `read` (the pipe was reported ready); `EINTR` and `EAGAIN` leave it open.
  private func drain(_ fd: Int32, into bytes: inout [UInt8], chunk: inout [UInt8]) -> ReadState {
    let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
    if n > 0 {
      bytes.append(contentsOf: chunk[0..<n])
      return .open
    }
    if n == 0 { return .ended }
    let code = errno
    return code == EINTR || code == EAGAIN ? .open : .failed(code)
  }

  /// Writes what the pipe takes; a child that stopped reading (`EPIPE`) gets no more.
  private mutating func feed() {
    guard input >= 0, let bytes, let base = bytes.baseAddress else { return closeInput() }
    let n = systemWrite(input, base + written, min(bytes.count - written, 1 << 16))
    if n > 0 {
      written += n
    } else if n < 0 && errno != EINTR && errno != EAGAIN {
      closeInput()
    }
  }

  private mutating func closeInput() {
    if input >= 0 { close(input) }
    input = -1
  }

  mutating func closeAll() {
    for fd in [output, errors, input] where fd >= 0 { close(fd) }
    output = -1
    errors = -1
    input = -1
  }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
  read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
