import Dispatch
import Synchronization

/// Independent pieces of work done at the same time, one per core: the loaders' CSV parts, the
/// shell's files, the report model's tables. One place, so every caller gets results in order
/// and none re-invents the slots.
public enum Parallel {
  /// `(0..<count).map(work)`, with the items worked on at the same time, one per core.
  public static func map<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(work) }
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { index in
      let value = work(index)
      results.withLock { $0[index] = value }
    }
    // concurrentPerform returns only once every iteration has stored its value; taking the
    // array out of the lock leaves the results owned by the caller alone.
    let stored = results.withLock { slots in
      let taken = slots
      slots = []
      return taken
    }
    return stored.enumerated().map { $0.element ?? work($0.offset) }
  }
}
