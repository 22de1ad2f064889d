/// The registry the driver runs, in order.
///
/// Figure recognizers (slide-style captions, labelled amounts, goals) run before the generic
/// column-table recognizer: their shapes are more specific, and a line they claim must not be
/// read again as a table row.
enum Recognizers {
  static var all: [any Recognizer] { figures + tables }
}
