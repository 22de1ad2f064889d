extension Recognizers {
  /// The table recognizers, most specific first. Owned by the table work.
  static var tables: [any Recognizer] {
    [BlockTableRecognizer(), ColumnTableRecognizer()]
  }
}
