extension Recognizers {
  /// The slide-figure and goal recognizers (``FigureRecognizers``). Owned by the figures work.
  static var figures: [any Recognizer] { [FigureRecognizers()] }
}

/// The slide-figure and goal recognizers, most specific first, over one reading of the lines'
/// first bytes (``LineStarts``): most of them reject a line by its first byte alone, and
/// reading it from each line's `String` six times over cost more than the tests themselves.
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

/// A recognizer that tests each line's first byte before reading the line; run alone (tests)
/// it reads the ``LineStarts`` itself.
protocol LineStartRecognizer: Recognizer {
  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext)
}

extension LineStartRecognizer {
  func recognize(in text: ReportText, context: inout RecognitionContext) {
    recognize(in: text, starts: LineStarts(text), context: &context)
  }
}

/// The first byte of each line's cleaned text, 0 for a blank line; read once per text.
struct LineStarts {
  var bytes: [UInt8]

  init(_ text: ReportText) {
    bytes = text.cleaned.map { FigureText.firstByte(of: $0) ?? 0 }
  }
}
