extension Recognizers {
  /// The slide-figure and goal recognizers (``FigureRecognizers``). Owned by the figures work.
  static var figures: [any Recognizer] { [FigureRecognizers()] }
}

/// The slide-figure and goal recognizers, most specific first, over one reading of every line's
/// bytes (``LineStarts``): most of them reject a line by its first bytes or one whole-line byte
/// test, and reading those from each line's `String` in six separate scans cost more than the
/// recognizers' real work.
struct FigureRecognizers: Recognizer {
  var name: String { "figures" }

  /// The recognizers in the order the pass runs them, most specific first (each also runs
  /// alone, reading the ``LineStarts`` itself).
  static var members: [any LineStartRecognizer] {
    [
      IndicatorComparisonRecognizer(), AccessibilityRecognizer(), StaffFiguresRecognizer(), LabelledRunRecognizer(),
      BulletAmountRecognizer(), FocusAreaRecognizer(),
    ]
  }

  func recognize(in text: ReportText, context: inout RecognitionContext) {
    let starts = LineStarts(text)
    for member in Self.members {
      member.recognize(in: text, starts: starts, context: &context)
    }
  }
}

/// A recognizer that picks its candidate lines from the ``LineStarts`` before reading them; run
/// alone (tests) it reads the ``LineStarts`` itself.
protocol LineStartRecognizer: Recognizer {
  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext)
}

extension LineStartRecognizer {
  func recognize(in text: ReportText, context: inout RecognitionContext) {
    recognize(in: text, starts: LineStarts(text), context: &context)
  }
}
