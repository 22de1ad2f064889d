/// "Did you mean …?" for misspelled keywords and names.
public enum Suggestion {
  /// The candidate closest to `word` by edit distance (case-insensitive), if it is close
  /// enough to be a likely typo: at most 2 edits, and fewer edits than the word has letters.
  public static func bestMatch(for word: String, in candidates: some Sequence<String>) -> String? {
    let lowered = Array(word.lowercased())
    guard !lowered.isEmpty else { return nil }
    let limit = min(2, max(1, lowered.count / 3))
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(lowered, Array(candidate.lowercased()))
      if distance <= limit, distance < lowered.count, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// The Damerau–Levenshtein distance (optimal string alignment): insertions, deletions,
  /// substitutions and swaps of adjacent characters each count 1, so `whree` is 1 from `where`.
  ///
  /// - Complexity: O(a × b); used on short words only.
  public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
