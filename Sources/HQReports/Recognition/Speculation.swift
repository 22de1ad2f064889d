/// Runs a sequence of recognizers two at a time without changing what the sequence finds.
///
/// Each recognizer sees the lines the ones before it claimed, so the sequence is a chain. But a
/// recognizer depends on the claims only through the lines it asks about
/// (``RecognitionContext/isClaimed(_:)``), and asks about few of the lines the one before it
/// claims. So the second of each pair runs on another thread at the same time as the first,
/// against the claims as they were before the first, recording every line it asks about. When
/// the first is done, the second's work is kept if none of those lines was claimed by the first
/// (every answer it got is the answer it would have got after it), else it is thrown away and
/// the second runs again in its turn, paired with the one after it. Either way the results, their order included, are those
/// of running the recognizers one after the other.
///
/// Sound only for recognizers that read nothing of the context but claims, which holds for the
/// figure recognizers (they append facts, goals and warnings and never read them).
enum Speculation {
  /// Runs `count` steps in order; `step(k, &context)` runs recognizer `k`.
  static func runInPairs(
    _ count: Int, context: inout RecognitionContext, concurrently: Bool = true,
    _ step: @escaping @Sendable (Int, inout RecognitionContext) -> Void
  ) {
    guard concurrently else {
      for k in 0..<count { step(k, &context) }
      return
    }
    var k = 0
    while k < count {
      guard k + 1 < count else {
        step(k, &context)
        break
      }
      let before = context.claimed
      var ahead = context.startingApart()
      ahead.claimReads = ClaimReads()
      let first = k
      let (_, speculated) = Alongside.run({
        step(first, &context)
      }, alongside: { [ahead] in
        var ahead = ahead
        step(first + 1, &ahead)
        return ahead
      })
      let asked = speculated.claimReads?.lines ?? LineSet()
      if context.claimed.addedLines(since: before).allSatisfy({ !asked.contains($0) }) {
        var kept = speculated
        kept.claimReads = nil
        context.append(kept)
        k += 2
      } else {
        // Thrown away: the second runs in its turn, as the first of the next pair.
        k += 1
      }
    }
  }
}

/// The lines a recognizer running ahead asked about (see ``Speculation``).
///
/// Written without a lock: one recognizer on one thread writes it, and it is read only after
/// that thread is done (``Alongside/run(_:alongside:)`` waits for it), which orders the writes
/// before the read. A lock per question would cost as much as the question.
final class ClaimReads: @unchecked Sendable {
  var lines = LineSet()
}
