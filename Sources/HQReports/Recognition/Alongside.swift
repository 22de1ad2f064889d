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

/// Per-item work cut into chunks that whichever thread is free takes next, so two threads that
/// start at different times still finish together. The results come back in item order.
final class ChunkQueue<T: Sendable>: Sendable {
  private let count: Int
  private let chunkSize: Int
  private let next = Atomic<Int>(0)
  private let results: Mutex<[[T]?]>

  init(count: Int, chunkSize: Int) {
    self.count = count
    self.chunkSize = max(chunkSize, 1)
    results = Mutex(Array(repeating: nil, count: (count + self.chunkSize - 1) / self.chunkSize))
  }

  /// Takes chunks until none is left; `work` maps a range of item indexes to their results.
  func drain(_ work: (Range<Int>) -> [T]) {
    while true {
      let chunk = next.add(1, ordering: .relaxed).oldValue
      let start = chunk * chunkSize
      guard start < count else { return }
      let done = work(start..<min(start + chunkSize, count))
      results.withLock { $0[chunk] = done }
    }
  }

  /// Every item's result in order, once every thread's `drain` has returned; a chunk nobody
  /// took (none, after the drains) is worked out here.
  func collected(_ work: (Range<Int>) -> [T]) -> [T] {
    let chunks = results.withLock { $0 }
    var all: [T] = []
    all.reserveCapacity(count)
    for (k, chunk) in chunks.enumerated() {
      all += chunk ?? work((k * chunkSize)..<min((k + 1) * chunkSize, count))
    }
    return all
  }
}
