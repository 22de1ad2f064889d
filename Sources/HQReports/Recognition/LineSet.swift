/// A set of 0-based line indexes, stored as one flag per line.
///
/// Recognizers ask "is this line claimed / a heading?" for nearly every line they pass, so the
/// question is an array read rather than a hash lookup. Indexes are dense (0 up to the line
/// count), which makes the flags no larger than a hash set of the same lines.
struct LineSet: Sendable, Equatable {
  private var flags: [Bool] = []
  /// How many lines are in the set.
  private(set) var count = 0

  init() {}

  init(_ lines: some Sequence<Int>) {
    insert(contentsOf: lines)
  }

  var isEmpty: Bool { count == 0 }

  /// Two sets are equal when they hold the same lines, however far their flags reach.
  static func == (a: LineSet, b: LineSet) -> Bool {
    a.count == b.count && a.flags.indices.allSatisfy { !a.flags[$0] || b.contains($0) }
  }

  func contains(_ line: Int) -> Bool {
    line >= 0 && line < flags.count && flags[line]
  }

  mutating func insert(_ line: Int) {
    guard line >= 0 else { return }
    if line >= flags.count {
      flags.append(contentsOf: repeatElement(false, count: max(line + 1 - flags.count, flags.count)))
    }
    if !flags[line] {
      flags[line] = true
      count += 1
    }
  }

  mutating func insert(contentsOf lines: some Sequence<Int>) {
    for line in lines { insert(line) }
  }

  mutating func formUnion(_ other: LineSet) {
    for line in other.flags.indices where other.flags[line] { insert(line) }
  }
}
