import HQData

/// Reads key figures shown with their breakdown, as staff slides show them: headline labels in
/// boxes, one line of headline percentages, then the parts, each a name over a number.
///
///      Medarbetare
///     Personalomsättning
///     minskar
///
///     Sjukfrånvaro
///     oförändrad
///     …
///     5,8% 3,5%10,5%
///
///     Extern
///     5,9%
///     …
///     Kort
///     2,8%
///
/// The extraction writes the headline values in the order of the chart's positions, not of the
/// labels (`5,8%` is the sick leave, `10,5%` the staff turnover), so the order alone cannot be
/// trusted. The parts decide: a group of consecutive parts whose sum equals a headline value
/// within rounding (5,9 + 2,7 + 1,8 = 10,4 ≈ 10,5) is that value's breakdown.
///
/// Rules:
/// - The values line holds two or more percentages only; percentages written together
///   (`3,5%10,5%`) are split after each `%`.
/// - Labels are gathered upwards from it as for ``LabelledRunRecognizer`` (blank-separated
///   groups, a lower-case group going on with the label before it). A line of inline parts
///   (`Kvinnor (2,93%) Män (2,09%)`) among them is the breakdown of the label above it. There
///   must be at least as many labels as values. With more labels than values, a first label of
///   one line that starts a box with a blank line under it (` Medarbetare`) is the caption.
/// - Parts are read downwards from the values line: a short name line (at most three words,
///   no digits) over a line with one number, blank lines between allowed. At least two parts
///   (inline or below) are needed; without them the shape is left to ``LabelledRunRecognizer``.
/// - Parts are grouped from the first: the shortest run of two or more consecutive parts in
///   `%` whose sum equals an unused headline value within rounding (half a unit of the last
///   decimal of every number added up) is that value's group; a part that starts no group is
///   left over. Groups take the labels without inline parts, in order; values without a group
///   take the labels still without a value, in order; left-over parts go to the first label
///   still without a value or parts. When fewer than all but one of the values are placed by
///   a sum, the order is not trusted: a warning names the values line and only the parts are read.
/// - Facts: a headline value has the label as indicator (trailing trend words such as
///   `minskar`, `oförändrad`, `fortsatt låg` taken off) and an empty measure; a part has the
///   same indicator and its name as measure (`Extern`, `Kort`, `Kvinnor`, `HME`). Kind `utfall`,
///   unit from the number, year the caption's last year else the report's, table the caption
///   above the labels (`Medarbetare`, `Medarbetare Regionkontoret`).
struct StaffFiguresRecognizer: LineStartRecognizer {
  var name: String { "staff-figures" }

  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext) {
    for index in text.lines.indices where FigureText.mayStartWithDigit(byte: starts.bytes[index], orSign: true) {
      // Cheap test first: a line of percentages holds `%` (the raw line's bytes are its cleaned text's and separators).
      guard starts.hasPercent(index), !context.isClaimed(index),
        let values = Self.percentages(text.lines[index]), values.count >= 2
      else {
        continue
      }
      var above = BreakdownLabels(above: index, in: text, context: context)
      let split = above.labels.splittingCaption(forValues: values.count, in: text)
      if let caption = split.caption {
        above.labels = split.labels
        above.caption = caption
        above.inlineParts = above.inlineParts.compactMap { $0.label == 0 ? nil : ($0.label - 1, $0.parts) }
      }
      let parts = Self.parts(below: index, in: text, context: context)
      let inlineCount = above.inlineParts.reduce(0) { $0 + $1.parts.count }
      guard above.labels.count >= values.count, parts.count + inlineCount >= 2 else { continue }
      let plan = BreakdownPlan(values: values, labels: above.labels.count, inline: above.inlineParts.map(\.label), parts: parts)
      emit(plan, values: values, above: above, parts: parts, at: index, text: text, context: &context)
    }
  }

  private func emit(
    _ plan: BreakdownPlan, values: [SwedishNumber], above: BreakdownLabels, parts: [BreakdownPart], at index: Int,
    text: ReportText, context: inout RecognitionContext
  ) {
    let firstLine = above.labels.first?.lines.first ?? index
    let caption = above.caption ?? FigureText.caption(above: firstLine, in: text)
    let year = caption.flatMap { FigureText.years(in: $0.text).last } ?? text.reportYear
    let table = caption?.text ?? FigureText.section(text, firstLine)
    let indicators = above.labels.map { Self.withoutTrend($0.text(in: text)) }
    func fact(_ label: Int, _ measure: String, _ number: SwedishNumber, _ line: Int) -> Fact {
      Fact(
        report: text.reportID, section: FigureText.section(text, line), table: table,
        indicator: indicators[label], measure: measure, kind: .utfall, year: year,
        value: number.value, unit: number.unit, line: line + 1)
    }
    if plan.trusted {
      for (valueIndex, label) in plan.valueLabels.enumerated() {
        guard let label else { continue }
        context.facts.append(fact(label, "", values[valueIndex], index))
      }
    } else {
      context.warnings.append(IngestWarning(
        file: text.source, line: index + 1,
        message: "the \(values.count) values cannot be matched to their labels; only their breakdown is read"))
    }
    for inline in above.inlineParts {
      for part in inline.parts { context.facts.append(fact(inline.label, part.name, part.value, part.line)) }
      context.claim([inline.parts.first?.line ?? index])
    }
    for (partIndex, part) in parts.enumerated() {
      guard let label = plan.partLabels[partIndex] else { continue }
      context.facts.append(fact(label, part.name, part.value, part.line))
      context.claim([part.nameLine, part.line])
    }
    context.claim(above.labels.flatMap(\.lines) + [index])
    if let caption { context.claim([caption.line]) }
  }

  /// The percentages of a line that holds nothing else (`5,8% 3,5%10,5%` → three), nil otherwise.
  static func percentages(_ line: String) -> [SwedishNumber]? {
    guard FigureText.startsWithDigit(line, orSign: true), line.utf8.contains(UInt8(ascii: "%")) else { return nil }
    var result: [SwedishNumber] = []
    for word in NumberRun.words(in: Substring(line)) {
      var pieces = word.text.split(separator: "%", omittingEmptySubsequences: false)
      guard pieces.last == "" else { return nil }
      pieces.removeLast()
      for piece in pieces {
        guard let number = SwedishNumber.parse(piece + "%") else { return nil }
        result.append(number)
      }
    }
    return result.isEmpty ? nil : result
  }

  /// The parts under the values line: a name line over a one-number line, repeated.
  static func parts(below index: Int, in text: ReportText, context: RecognitionContext) -> [BreakdownPart] {
    var result: [BreakdownPart] = []
    var i = index + 1
    while true {
      guard let name = nextNonBlank(from: i, in: text, blanks: 2), !context.isClaimed(name) else { break }
      let nameText = text.cleaned[name]
      guard nameText.split(ascii: " ").count <= 3, !FigureText.hasDigit(nameText), FigureText.bullet(nameText) == nil,
        let valueLine = nextNonBlank(from: name + 1, in: text, blanks: 1), !context.isClaimed(valueLine),
        let number = SwedishNumber.parse(text.cleaned[valueLine])
      else { break }
      result.append(BreakdownPart(name: nameText, value: number, nameLine: name, line: valueLine))
      i = valueLine + 1
    }
    return result
  }

  private static func nextNonBlank(from index: Int, in text: ReportText, blanks: Int) -> Int? {
    var i = index
    while i < text.cleaned.count && i <= index + blanks {
      if !text.cleaned[i].isEmpty { return i }
      i += 1
    }
    return nil
  }

  /// Words that say how a figure moved, not what it is.
  private static let trendWords: Set<String> = [
    "minskar", "minskat", "minskade", "ökar", "ökat", "ökade", "oförändrad", "oförändrat", "fortsatt", "låg", "lågt",
    "hög", "högt", "stabil", "stabilt", "förbättrad", "förbättrat", "försämrad", "försämrat",
  ]

  /// The label without trailing trend words (`Sjukfrånvaro fortsatt låg` → `Sjukfrånvaro`).
  static func withoutTrend(_ label: String) -> String {
    var words = label.split(ascii: " ")
    while words.count > 1, let last = words.last, trendWords.contains(last.lowercased()) { words.removeLast() }
    return words.joined(separator: " ")
  }
}

/// One part of a breakdown: `Extern` over `5,9%`, or `Kvinnor (2,93%)`.
struct BreakdownPart: Sendable, Hashable {
  var name: String
  var value: SwedishNumber
  /// 0-based lines of the name and of the value.
  var nameLine: Int
  var line: Int
}
