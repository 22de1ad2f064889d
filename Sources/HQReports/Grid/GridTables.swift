/// The table recognizers over the one table model: find the tables of every form they read,
/// build their ``Grid``s and interpret them (``GridReading``). Markdown pipe tables are read
/// first (their form is unambiguous); tables written as text in reading order after the figure
/// recognizers, which know the slide figures better.
enum GridTables {
  /// Markdown pipe tables. `changes` are the changes the report's prose states
  /// (``ColumnNotes/statedChanges(in:)``), worked out once per report when a table first needs
  /// them and shared with ``readText(lines:cleaned:shapes:context:changes:into:)``.
  static func readMarkdown(
    lines: [String], context: GridContext, changes: inout [ColumnNotes.StatedChange]?,
    into recognition: inout RecognitionContext
  ) {
    // Pipe tables only exist in text that has `|` at the start of a line; most texts have none.
    // On the first byte first: a `|` or a space.
    guard lines.contains(where: { line in
      let first = line.utf8.first
      return first == UInt8(ascii: "|") && line.first == "|" || first == 0x20 && line.hasPrefix(" |")
    }) else { return }
    let builder = MarkdownGrid(lines: lines, words: context.words, furniture: context.furniture, context: context)
    var previous: Grid?
    for var grid in builder.grids() {
      // A table going on after a page break, its header repeated without its caption.
      if let previous, grid.continues(previous, lines: lines, furniture: context.furniture) { grid.caption = previous.caption }
      previous = grid
      ColumnNotes.place(&grid, lines: lines, context: context, changes: &changes)
      GridReading.read(grid, context: context, into: &recognition)
    }
  }

  /// Tables of text in reading order, in the lines no recognizer has claimed.
  /// Tables of layout-preserving text (columns by character position), before the figure
  /// recognizers: positions settle what words alone cannot.
  static func readLayout(
    lines: [String], shapes: [ByteShape], context: GridContext, into recognition: inout RecognitionContext
  ) {
    let taken = recognition.claimed
    let layout = LayoutTables(
      lines: lines, shapes: shapes, words: context.words, furniture: context.furniture, headings: context.headings,
      claimed: { taken.contains($0) })
    for grid in layout.grids() {
      GridReading.read(grid, context: context, into: &recognition)
    }
  }

  static func readText(
    lines: [String], cleaned: [String], shapes: [ByteShape], context: GridContext,
    changes: inout [ColumnNotes.StatedChange]?, into recognition: inout RecognitionContext
  ) {
    let claimed = recognition.claimed
    let text = TextTables(
      lines: lines, cleaned: cleaned, shapes: shapes, words: context.words, furniture: context.furniture, headings: context.headings,
      context: context, claimed: { claimed.contains($0) })
    for var grid in text.grids() {
      ColumnNotes.place(&grid, lines: lines, context: context, changes: &changes)
      GridReading.read(grid, context: context, into: &recognition)
    }
  }
}
