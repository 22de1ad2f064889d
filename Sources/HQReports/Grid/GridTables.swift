/// The table recognizer over the one table model: finds the tables of every form it reads,
/// builds their ``Grid``s and interprets them (``GridReading``): Markdown pipe tables first
/// (their form is unambiguous), then tables written as text in reading order.
enum GridTables {
  static func read(lines: [String], context: GridContext, into recognition: inout RecognitionContext) {
    // Pipe tables only exist in text that has `|` at the start of a line; most texts have none.
    if lines.contains(where: { $0.first == "|" || $0.hasPrefix(" |") }) {
      let builder = MarkdownGrid(lines: lines, words: context.words, furniture: context.furniture)
      for grid in builder.grids() {
        GridReading.read(grid, context: context, into: &recognition)
      }
    }
    let claimed = recognition.claimed
    let text = TextTables(
      lines: lines, words: context.words, furniture: context.furniture, headings: context.headings,
      claimed: { claimed.contains($0) })
    for grid in text.grids() {
      GridReading.read(grid, context: context, into: &recognition)
    }
  }
}
