extension Recognizers {
  /// The slide-figure and goal recognizers, most specific first. Owned by the figures work.
  static var figures: [any Recognizer] {
    [
      IndicatorComparisonRecognizer(), AccessibilityRecognizer(), StaffFiguresRecognizer(), LabelledRunRecognizer(),
      BulletAmountRecognizer(), FocusAreaRecognizer(),
    ]
  }
}
