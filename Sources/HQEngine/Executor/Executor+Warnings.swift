import HQData
import HQSyntax

extension Executor {
  /// After a `where` that keeps no row: each `column == "text"` (and each text of an `in`
  /// list) of its predicate whose text no row of the input holds is named in a warning, with
  /// the nearest values the column has: the same text folded as `~` folds it (`jan-aug` for
  /// `jan–aug`), then texts containing it, then a likely typo.
  ///
  /// Only comparisons joined by `and` / `or` are read; the input is read only when the
  /// result is empty, so a `where` that keeps rows costs nothing more.
  func warnAboutMissingTexts(_ predicate: BoundExpr, _ input: Table) {
    guard input.rowCount > 0 else { return }
    var seen = Set<String>()
    for (index, text, range) in textEqualities(predicate) where seen.insert("\(index)\u{0}\(text)").inserted {
      let column = input.columns[index]
      let values = distinctTexts(column)
      if values.contains(text) { continue }
      let shown = "\(column.name) \"\(text)\""
      let near = nearest(text, in: values)
      if !near.isEmpty {
        let list = near.map { "\"\($0)\"" }
        let joined = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " or " + list[list.count - 1]
        warnings.warn("no row has \(shown); did you mean \(joined)?", at: range)
      } else if values.isEmpty {
        warnings.warn("no row has \(shown)", at: range, help: "there are no rows with a value in '\(column.name)' here")
      } else if values.count <= 12 {
        let sorted = values.sorted(by: Collation.areInIncreasingOrder).map { "\"\($0)\"" }
        warnings.warn("no row has \(shown)", at: range, help: "\(column.name) here is one of \(sorted.joined(separator: ", "))")
      } else {
        warnings.warn("no row has \(shown)", at: range, help: "list the values with `distinct \(column.name)`, or search with `~`")
      }
    }
  }

  /// The `column == "text"` comparisons of a predicate, through `and` and `or`.
  private func textEqualities(_ e: BoundExpr) -> [(Int, String, SourceRange)] {
    switch e.kind {
    case .and(let x, let y), .or(let x, let y):
      return textEqualities(x) + textEqualities(y)
    case .comparison(.equal, let x, let y):
      if let i = x.columnIndex, case .literal(.text(let t)) = y.kind { return [(i, t, y.range)] }
      if let i = y.columnIndex, case .literal(.text(let t)) = x.kind { return [(i, t, x.range)] }
      return []
    default:
      return []
    }
  }

  /// The distinct non-null texts of a column (at most 10,000), in order of first appearance.
  private func distinctTexts(_ column: Column) -> [String] {
    if case .text(let codes, let dictionary) = column.storage {
      var used = [Bool](repeating: false, count: dictionary.count)
      var out: [String] = []
      for r in 0..<column.count where out.count < 10_000 && column.nulls?[r] != true {
        let code = Int(codes[r])
        if code < used.count, !used[code] {
          used[code] = true
          out.append(dictionary[code])
        }
      }
      return out
    }
    var seen = Set<String>()
    var out: [String] = []
    for r in 0..<column.count where out.count < 10_000 {
      if let t = column.value(at: r).text, seen.insert(t).inserted { out.append(t) }
    }
    return out
  }

  /// Up to three values near `text`: equal once folded, else containing it, else one typo away.
  private func nearest(_ text: String, in values: [String]) -> [String] {
    let pattern = FoldPattern(text)
    let equal = values.filter { pattern.matchesWhole($0) }
    if !equal.isEmpty { return Array(equal.prefix(3)) }
    if !pattern.isEmpty {
      let containing = values.filter { pattern.matches(in: $0) }
      if !containing.isEmpty { return Array(containing.sorted(by: Collation.areInIncreasingOrder).prefix(3)) }
    }
    // A typo is at most two edits away, so only texts of about the same length are measured.
    let length = text.count
    return Suggestion.bestMatch(for: text, in: values.lazy.filter { abs($0.count - length) <= 2 }).map { [$0] } ?? []
  }
}
