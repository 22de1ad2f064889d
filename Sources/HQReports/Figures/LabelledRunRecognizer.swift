import HQData

/// Reads slide figures whose labels stand in text boxes above one line of numbers, one number
/// per label in the labels' order (production figures):
///
///     Produktion under 2024
///      Antal besök i
///     öppenvård
///
///     Besök vid Hallands
///     sjukhus
///
///     akutmottagningar
///     …
///     2 381 640 98 712 196 465 17 796
///
/// Rules:
/// - The numbers line holds numbers only (no label words), not years only (`2020 2021` heads
///   columns), and is not claimed.
/// - Above it, label lines are gathered upwards, with up to two blank lines between them, until
///   a line that ends in a number (a caption such as `Produktion under 2024`), a bullet, a
///   sentence (ending in `.` or longer than 60 characters), a claimed line, or twelve lines. A
///   line that starts a text box is the first label line. Label lines may hold digits inside
///   (`inom 30 dagar`) but not at their end. When the labels are one more than the numbers and
///   the first is a single line starting a box with a blank line under it (` Medarbetare`), it
///   is the caption, not a label.
/// - Blank lines cut the label lines into groups. A group starting with a lower-case letter goes
///   on with the label before it (`Besök vid Hallands sjukhus` + `akutmottagningar`,
///   `röntgenundersöknin` + `gar`); any other group starts a new label. Labels are re-joined
///   with ``LineJoining``.
/// - At least two labels are needed (one label over one number is too weak a layout to trust),
///   at most eight. The run is split with ``NumberRun/splitNumberRun(_:expectedCount:)`` using
///   the number of labels; when it does not give exactly one number per label, nothing is read
///   here (the shape is then some other figure or a table row, left to the table recognizers).
/// - Each label gives one fact: indicator the label (a parenthesised unit taken off), measure
///   empty (the figure has no column header), kind from the label's words, else from the
///   caption's, else `utfall` (counts a report shows for a year are outcomes), year the
///   caption's last year or the report's, unit from the label or the cell (`%`, `mnkr`), table
///   the caption above the labels (else the section).
struct LabelledRunRecognizer: LineStartRecognizer {
  var name: String { "labelled-run" }

  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext) {
    for index in text.lines.indices where FigureText.mayStartWithDigit(byte: starts.bytes[index], orSign: true) {
      guard starts.mayBeNumbersOnly(index), !context.isClaimed(index),
        let run = Self.numbersOnly(text.lines[index])
      else { continue }
      var labels = Self.labels(above: index, in: text, context: context)
      // Two to eight labels, one number each: anything else is some other shape.
      guard labels.count >= 2 else { continue }
      var split = NumberRun.splitNumberRun(run, expectedCount: labels.count)
      var caption: (text: String, line: Int)?
      if split.numbers.count != labels.count {
        // A one-line box above the labels may be the figure's caption.
        let fewer = labels.splittingCaption(forValues: labels.count - 1, in: text)
        if let boxCaption = fewer.caption {
          labels = fewer.labels
          caption = boxCaption
          split = NumberRun.splitNumberRun(run, expectedCount: labels.count)
        }
      }
      // Another shape (a table row under wrapped headers, a lone number): left to the
      // table recognizers, which warn about what they cannot align.
      guard labels.count >= 2, labels.count <= 8, split.numbers.count == labels.count, split.labelAtoms == 0 else {
        continue
      }
      emit(split.numbers, labels: labels, caption: caption, at: index, text: text, context: &context)
    }
  }

  /// The number atoms of a line made of numbers only, nil when the line holds anything else.
  static func numbersOnly(_ line: String) -> [NumberRun.Atom]? {
    guard FigureText.startsWithDigit(line, orSign: true) else { return nil }
    let words = NumberRun.words(in: Substring(line))
    guard !words.isEmpty, NumberRun.trailingRunStart(words) == 0 else { return nil }
    let atoms = NumberRun.atoms(words, from: 0)
    guard atoms.first?.firstWord == 0 else { return nil }
    // A line of years only (`2020 2021`) heads columns; it holds no values.
    if words.allSatisfy({ Vocabulary.year(in: $0.text) != nil && $0.text.count == 4 }) { return nil }
    return atoms
  }

  /// The labels above the numbers line at `index`, in order, each with its 0-based lines.
  static func labels(above index: Int, in text: ReportText, context: RecognitionContext) -> [FigureLabel] {
    LabelLines(above: index, in: text, context: context, limit: 12, readsInlineParts: false).labels(in: text)
  }

  /// True when a line may be part of a label: short, no bullet, not a sentence, not ending in a number.
  static func isLabelLine(_ raw: String, cleaned: String) -> Bool {
    guard FigureText.hasAtMost(60, charactersIn: cleaned), !FigureText.endsWithFullStop(cleaned),
      FigureText.bullet(cleaned) == nil
    else { return false }
    // A line without digits, or whose last word is no part of a number, holds no number.
    return (!FigureText.hasDigit(cleaned) || FigureText.lastWordIsText(cleaned)
      || NumberRun.read(Substring(raw)).numbers.isEmpty) && !FigureText.hasBoxBar(cleaned)
  }

  private func emit(
    _ numbers: [SwedishNumber], labels: [FigureLabel], caption boxCaption: (text: String, line: Int)?, at index: Int,
    text: ReportText, context: inout RecognitionContext
  ) {
    let firstLabelLine = labels.first?.lines.first ?? index
    let caption = boxCaption ?? FigureText.caption(above: firstLabelLine, in: text)
    let captionYear = caption.flatMap { FigureText.years(in: $0.text).last }
    let captionKind = caption.flatMap { FigureText.kind(ofLabel: $0.text) }
    for (label, number) in zip(labels, numbers) {
      let labelText = label.text(in: text)
      let (indicator, labelUnit) = FigureText.splitUnit(labelText)
      context.facts.append(Fact(
        report: text.reportID, section: FigureText.section(text, index),
        table: caption?.text ?? FigureText.section(text, firstLabelLine), indicator: indicator,
        measure: "",
        kind: FigureText.kind(ofLabel: labelText) ?? captionKind ?? .utfall, year: captionYear ?? text.reportYear,
        value: number.value, unit: labelUnit.isEmpty ? number.unit : labelUnit, line: index + 1))
      context.claim(label.lines)
    }
    context.claim([index])
    if let caption { context.claim([caption.line]) }
  }
}

/// A label of a slide figure: the 0-based lines it was gathered from.
struct FigureLabel: Sendable, Hashable {
  var lines: [Int]

  /// The label's text: its lines re-joined (``LineJoining``).
  func text(in text: ReportText) -> String {
    // The closure holds the two arrays, not a copy of the whole report text.
    let (raw, cleaned) = (text.lines, text.cleaned)
    return LineJoining.join(cleaned: lines.lazy.map { (raw: Substring(raw[$0]), cleaned: cleaned[$0]) })
  }

  /// True when the label may be the figure's caption rather than a label: one line, starting a
  /// text box, followed by a blank line, without digits (` Medarbetare` above the labels).
  func mayBeCaption(in text: ReportText) -> Bool {
    guard self.lines.count == 1, let line = self.lines.first, line + 1 < text.lines.count else { return false }
    return FigureText.startsBox(text.lines[line]) && text.cleaned[line + 1].isEmpty
      && !FigureText.hasDigit(text.cleaned[line])
  }
}

extension [FigureLabel] {
  /// The labels without a caption-like first one when there are more labels than `count`
  /// values, and the caption taken off (see ``FigureLabel/mayBeCaption(in:)``).
  func splittingCaption(forValues count: Int, in text: ReportText) -> (labels: [FigureLabel], caption: (text: String, line: Int)?) {
    guard self.count > count, let first, first.mayBeCaption(in: text), let line = first.lines.first else {
      return (self, nil)
    }
    return (Array(dropFirst()), (text.cleaned[line], line))
  }
}
