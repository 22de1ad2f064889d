#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQEngine
import Synchronization

/// Ctrl-C handling shared by the REPL and scripts.
///
/// A `SIGINT` handler (installed without `SA_RESTART`, so a blocking `read` returns) sets
/// ``interrupted`` and cancels ``token``; the engine polls the token while it executes, so a
/// long statement stops and the shell returns to its prompt, or a script exits 130.
public enum Signals {
  /// The token passed to every `Engine.run`.
  public static let token = CancellationToken()
  /// Set by the handler; cleared by whoever reacts to it.
  public static let interrupted = Atomic<Bool>(false)

  /// Installs the SIGINT handler and ignores SIGPIPE (a closed pipe is seen as `EPIPE`
  /// by ``OutputSink`` and ends output quietly).
  public static func install() {
    signal(SIGPIPE, SIG_IGN)
    var action = sigaction()
    #if canImport(Glibc)
    action.__sigaction_handler.sa_handler = { _ in
      Signals.interrupted.store(true, ordering: .relaxed)
      Signals.token.cancel()
    }
    #else
    action.__sigaction_u.__sa_handler = { _ in
      Signals.interrupted.store(true, ordering: .relaxed)
      Signals.token.cancel()
    }
    #endif
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    sigaction(SIGINT, &action, nil)
    // Files are memory-mapped while they load; one that shrinks under hq (another program
    // rewriting it) raises SIGBUS on the next page read. Say so instead of "Bus error".
    signal(SIGBUS) { _ in
      let message: StaticString = "hq: error: a file shrank while it was being read (another program is writing it); load it again once it is complete\n"
      _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
      _exit(1)
    }
    // A parent may have started hq with SIGINT blocked (the mask survives exec).
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
  }

  /// Clears a pending interrupt before the next statement.
  public static func reset() {
    interrupted.store(false, ordering: .relaxed)
    token.reset()
  }

  public static var wasInterrupted: Bool { interrupted.load(ordering: .relaxed) }
}
