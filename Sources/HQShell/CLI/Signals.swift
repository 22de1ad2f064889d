#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQEngine
import HQLoaders
import Synchronization

/// Signal handling shared by the REPL and scripts.
///
/// | signal | what hq does |
/// |---|---|
/// | SIGINT (Ctrl-C) | sets ``interrupted`` and cancels ``token`` (no `SA_RESTART`, so a blocking `read` returns); the engine and every loader poll them: the statement or load stops, the shell returns to its prompt, a script exits 130; `pdftotext` is killed |
/// | SIGTERM, SIGHUP | kills a running `pdftotext`, puts the results of the finished statements into the `.output` file being written (see below), then dies of the signal as usual (status 143 / 129) |
/// | SIGBUS | a memory-mapped input file shrank under hq: the same as SIGTERM, then a one-line error and exit status 1 |
/// | SIGPIPE | ignored: a closed pipe is `EPIPE` to ``OutputSink``, which ends output quietly |
/// | SIGWINCH | libedit redraws at the new width while editing; otherwise ignored |
///
/// An open `.output FILE` is written under a temporary name and renamed into place when it is
/// complete (``FileDestination``). Between statements the session records how many bytes of it
/// are finished results (``outputCommitted(_:)``); the SIGTERM/SIGHUP/SIGBUS handler cuts the
/// temporary file to that length, syncs it and renames it over the destination — `ftruncate`,
/// `fsync`, `rename` and `kill` are async-signal-safe — so closing the terminal or `kill`ing hq
/// never leaves the results in a hidden `.NAME.PID.tmp`.
public enum Signals {
  /// The token passed to every `Engine.run`.
  public static let token = CancellationToken()
  /// Set by the handler; cleared by whoever reacts to it.
  public static let interrupted = Atomic<Bool>(false)

  /// The signals hq handles or relies on; a parent may have started hq with them blocked (the
  /// mask survives `exec`; libdispatch's threads block most of these), so they are unblocked.
  static let used: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGBUS, SIGWINCH, SIGTSTP, SIGCONT]

  /// Installs the handlers and ignores SIGPIPE.
  public static func install() {
    signal(SIGPIPE, SIG_IGN)
    handle(SIGINT) { _ in
      Signals.interrupted.store(true, ordering: .relaxed)
      Signals.token.cancel()
    }
    for terminating in [SIGTERM, SIGHUP] {
      handle(terminating) { signo in
        Signals.saveOutputAndStopChildren()
        signal(signo, SIG_DFL)
        raise(signo)
      }
    }
    // Files are memory-mapped while they load; one that shrinks under hq (another program
    // rewriting it) raises SIGBUS on the next page read. Say so instead of "Bus error".
    handle(SIGBUS) { _ in
      Signals.saveOutputAndStopChildren()
      let message: StaticString = "hq: error: a file shrank while it was being read (another program is writing it); load it again once it is complete\n"
      _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
      _exit(1)
    }
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for signo in used { sigaddset(&unblock, signo) }
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  private static func handle(_ signo: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = handler
    #else
    action.__sigaction_u.__sa_handler = handler
    #endif
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    sigaction(signo, &action, nil)
  }

  /// Clears a pending interrupt before the next statement.
  public static func reset() {
    interrupted.store(false, ordering: .relaxed)
    token.reset()
  }

  public static var wasInterrupted: Bool { interrupted.load(ordering: .relaxed) }

  // MARK: The open `.output` file

  /// What the handler needs of an `.output` file being written under a temporary name, as C
  /// strings made once, so the handler allocates nothing.
  final class PendingOutput: @unchecked Sendable {
    let descriptor: Int32
    let temporary: UnsafeMutablePointer<CChar>
    let target: UnsafeMutablePointer<CChar>

    init?(_ destination: FileDestination) {
      guard let temporaryPath = destination.temporaryPath, let temporary = strdup(temporaryPath),
        let target = strdup(destination.target)
      else { return nil }
      self.descriptor = destination.descriptor
      self.temporary = temporary
      self.target = target
    }
  }

  /// The `.output` file being written, if it is one that is renamed into place.
  private static let pendingOutput = Atomic<Unmanaged<PendingOutput>?>(nil)
  /// How many bytes of it are the results of finished statements.
  private static let committedBytes = Atomic<Int>(0)

  /// Starts protecting `destination` (nothing to do for one written in place).
  ///
  /// Each record is kept for the life of the process (a few bytes per `.output`): a handler
  /// running on another thread may still be reading the previous one.
  static func track(_ destination: FileDestination) {
    committedBytes.store(0, ordering: .relaxed)
    let record = PendingOutput(destination).map { Unmanaged.passRetained($0) }
    pendingOutput.store(record, ordering: .releasing)
  }

  /// Runs `body` (which closes the tracked file) with the handler no longer pointing at it,
  /// and SIGTERM/SIGHUP held until it is done, so the handler never touches a closed
  /// descriptor or a renamed file.
  static func untrack<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    var held = sigset_t()
    sigemptyset(&held)
    for signo in [SIGTERM, SIGHUP] { sigaddset(&held, signo) }
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &held, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    pendingOutput.store(nil, ordering: .releasing)
    return try body()
  }

  /// Records that the first `bytes` bytes of the tracked file are finished results.
  static func outputCommitted(_ bytes: Int) {
    committedBytes.store(bytes, ordering: .releasing)
  }

  /// The handlers' common part: only async-signal-safe calls.
  static func saveOutputAndStopChildren() {
    ChildProcess.killRunning(SIGKILL)
    guard let record = pendingOutput.exchange(nil, ordering: .acquiringAndReleasing) else { return }
    record._withUnsafeGuaranteedRef { file in
      _ = ftruncate(file.descriptor, off_t(committedBytes.load(ordering: .acquiring)))
      _ = fsync(file.descriptor)
      _ = rename(file.temporary, file.target)
    }
  }
}
