/// A piece of hq source text: a script, a `-c` argument, or a statement typed at the prompt.
///
/// Positions are UTF-8 byte offsets into `text`; line and column are computed only when a
/// diagnostic is rendered. `firstLine` lets a statement cut out of a larger script report
/// the script's own line numbers (`report.hq:12:7`).
public struct SourceFile: Sendable {
  /// Shown in diagnostics: a file path, `<command>` for `-c`, `<stdin>`, or `<input>` at the prompt.
  public var name: String
  public var text: String
  /// The line number of the first line of `text` in the file it came from.
  public var firstLine: Int
  /// Byte offsets at which each line starts.
  public let lineStarts: [Int]

  public init(name: String, text: String, firstLine: Int = 1) {
    self.name = name
    self.text = text
    self.firstLine = firstLine
    var starts = [0]
    var offset = 0
    for byte in text.utf8 {
      offset += 1
      if byte == UInt8(ascii: "\n") { starts.append(offset) }
    }
    self.lineStarts = starts
  }

  /// The 1-based line and display column of a byte offset: the column is
  /// ``DisplayWidth/column(after:)`` of the line's text before the offset, so it is where a
  /// caret under the line is drawn (`日本` then `x`: `x` is at column 5).
  public func location(at offset: Int) -> SourceLocation {
    let index = lineIndex(at: offset)
    let utf8 = text.utf8
    let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
    let target = utf8.index(utf8.startIndex, offsetBy: max(lineStarts[index], min(offset, lineEnd(index))))
    return SourceLocation(line: index + firstLine, column: DisplayWidth.column(after: text[lineStart..<target]))
  }

  /// The text of the line containing `offset`, without its line break (`\n` or `\r\n`).
  public func lineText(at offset: Int) -> Substring {
    let index = lineIndex(at: offset)
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
    return text[start..<utf8.index(utf8.startIndex, offsetBy: lineEnd(index))]
  }

  /// The byte offset where line `index`'s text ends, before its `\n`, `\r\n` or final `\r`.
  func lineEnd(_ index: Int) -> Int {
    let utf8 = text.utf8
    // The last line ends at the end of the text, or before a final CR.
    let newline = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : utf8.count
    if newline > lineStarts[index], utf8[utf8.index(utf8.startIndex, offsetBy: newline - 1)] == UInt8(ascii: "\r") {
      return newline - 1
    }
    return newline
  }

  /// The byte offset of `offset` from the start of the line of `lineOf` (default: its own
  /// line), at most that line's length: where a range ending on a later line is cut.
  public func lineOffset(of offset: Int, onLineOf lineOf: Int? = nil) -> Int {
    let index = lineIndex(at: lineOf ?? offset)
    let length = lineText(at: lineOf ?? offset).utf8.count
    return max(0, min(offset - lineStarts[index], length))
  }

  /// The 0-based index in ``lineStarts`` of the line containing `offset`.
  func lineIndex(at offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }
}

/// A 1-based line and column; the column in display columns (``DisplayWidth/column(after:)``).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// A half-open range of UTF-8 byte offsets into a ``SourceFile``.
public struct SourceRange: Sendable, Hashable {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }
}
