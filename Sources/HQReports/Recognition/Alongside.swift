import Dispatch
import Synchronization

/// Runs two independent pieces of the ingestion at once, one on this thread and one on another.
///
/// Ingesting one report is mostly a sequence (each recognizer sees the lines earlier ones
/// claimed), but some work reads only the text: cleaning lines beside reading the document's
/// identity, building the sections while the figures are recognized. The machine hq targets has
/// two cores; this puts the second one to use without changing any result, since neither side
/// sees the other's work until both are done.
enum Alongside {
  /// Runs `foreground` here and `background` on another thread; returns when both are done.
  /// With `concurrently` false, runs them one after the other here.
  static func run<A, B: Sendable>(
    _ foreground: () -> A, alongside background: @escaping @Sendable () -> B, concurrently: Bool = true
  ) -> (A, B) {
    guard concurrently else { return (foreground(), background()) }
    let result = Slot<B>()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) {
      let value = background()
      result.value.withLock { $0 = value }
    }
    let a = foreground()
    group.wait()
    // The background closure always stores its value before leaving the group.
    let b = result.value.withLock { $0.take() } ?? background()
    return (a, b)
  }

  private final class Slot<B: Sendable>: Sendable {
    let value = Mutex<B?>(nil)
  }
}
