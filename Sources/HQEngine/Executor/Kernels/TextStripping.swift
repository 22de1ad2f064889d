import HQData

extension Column {
  /// A text column with every case-insensitive occurrence of `labels` removed from each
  /// dictionary entry, spaces collapsed and trimmed (`Utfall 2023` → `Utfall` for the label
  /// `2023`). Works per dictionary entry; codes are unchanged.
  func removingText(_ labels: [String]) -> Column {
    guard case .text(let codes, let dictionary) = storage else { return self }
    let needles = labels.map { Array($0.lowercased()) }.filter { !$0.isEmpty }
    let stripped = dictionary.map { Self.remove(needles, from: $0) }
    return Column(name: name, type: type, storage: .text(codes: codes, dictionary: stripped), nulls: nulls, count: count)
  }

  private static func remove(_ needles: [[Character]], from text: String) -> String {
    let original = Array(text)
    let lowered = original.map { Character($0.lowercased()) }
    var keep = [Bool](repeating: true, count: original.count)
    for needle in needles where needle.count <= lowered.count {
      var i = 0
      while i + needle.count <= lowered.count {
        if lowered[i..<(i + needle.count)].elementsEqual(needle) {
          for j in i..<(i + needle.count) { keep[j] = false }
          i += needle.count
        } else {
          i += 1
        }
      }
    }
    var out = ""
    var pendingSpace = false
    for (c, k) in zip(original, keep) where k {
      if c == " " {
        pendingSpace = !out.isEmpty
      } else {
        if pendingSpace { out.append(" ") }
        pendingSpace = false
        out.append(c)
      }
    }
    return out
  }
}
