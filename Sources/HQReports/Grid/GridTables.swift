/// The table recognizer over the one table model: finds the tables of every form it reads,
/// builds their ``Grid``s and interprets them (``GridReading``).
enum GridTables {
  static func read(lines: [String], context: GridContext, into recognition: inout RecognitionContext) {
    // Pipe tables only exist in text that has `|` at the start of a line; most texts have none.
    guard lines.contains(where: { $0.first == "|" || $0.hasPrefix(" |") }) else { return }
    let builder = MarkdownGrid(lines: lines, words: context.words, furniture: [])
    for grid in builder.grids() {
      GridReading.read(grid, context: context, into: &recognition)
    }
  }
}
