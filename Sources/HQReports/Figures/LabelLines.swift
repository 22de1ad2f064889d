/// The label lines of a slide figure, gathered upwards from its values line: the walk that
/// ``LabelledRunRecognizer`` and ``BreakdownLabels`` share.
///
/// From the line above the values, label lines are taken upwards, with up to two blank lines
/// between them, until a line that is no label line (``LabelledRunRecognizer/isLabelLine(_:cleaned:)``),
/// three blank lines in a row, a claimed line, `limit` label lines, or a line that starts a text
/// box (taken as the first label line). Blank lines cut the label lines into groups.
///
/// With `readsInlineParts`, a line that is all inline parts (`Kvinnor (2,93%) Män (2,09%)`,
/// ``BreakdownLabels/inlineParts(_:line:)``) is set aside and cuts the groups too.
struct LabelLines {
  /// The groups of label lines, top first, each in line order and not empty.
  var groups: [[Int]] = []
  /// The lines of inline parts met, nearest to the values line first.
  var inline: [(line: Int, parts: [BreakdownPart])] = []

  init(
    above index: Int, in text: borrowing ReportText, context: borrowing RecognitionContext, limit: Int,
    readsInlineParts: Bool
  ) {
    var groups: [[Int]] = [[]]
    var blanks = 0
    var i = index - 1
    var count = 0
    while i >= 0, count < limit, !context.isClaimed(i) {
      let cleaned = text.cleaned[i]
      if cleaned.isEmpty {
        blanks += 1
        if blanks > 2 { break }
        if !(groups.last ?? []).isEmpty { groups.append([]) }
      } else if readsInlineParts, let parts = BreakdownLabels.inlineParts(cleaned, line: i) {
        blanks = 0
        inline.append((i, parts))
        if !(groups.last ?? []).isEmpty { groups.append([]) }
      } else {
        guard LabelledRunRecognizer.isLabelLine(text.lines[i], cleaned: cleaned) else { break }
        blanks = 0
        groups[groups.count - 1].append(i)  // bottom up: each group is reversed below
        count += 1
        if FigureText.startsBox(text.lines[i]) { break }
      }
      i -= 1
    }
    self.groups = groups.filter { !$0.isEmpty }.reversed().map { $0.reversed() }
  }

  /// The labels: a group starting with a lower-case letter goes on with the label before it.
  func labels(in text: ReportText) -> [FigureLabel] {
    var merged: [[Int]] = []
    for group in groups {
      let first = text.cleaned[group[0]].first
      if let first, first.isLowercase, !merged.isEmpty {
        merged[merged.count - 1] += group
      } else {
        merged.append(group)
      }
    }
    return merged.map { FigureLabel(lines: $0) }
  }
}
