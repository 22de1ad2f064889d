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

  /// The 1-based line and column (in characters, as editors count) of a byte offset.
  public func location(at offset: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    let utf8 = text.utf8
    let lineStart = utf8.index(utf8.startIndex, offsetBy: lineStarts[low])
    let target = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
    let column = text[lineStart..<target].count + 1
    return SourceLocation(line: low + firstLine, column: column)
  }

  /// The text of the line containing `offset`, without its newline.
  public func lineText(at offset: Int) -> Substring {
    let loc = location(at: offset)
    let index = loc.line - firstLine
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[index])
    let end = index + 1 < lineStarts.count
      ? utf8.index(utf8.startIndex, offsetBy: lineStarts[index + 1] - 1) : utf8.endIndex
    return text[start..<end]
  }
}

/// A 1-based line and column.
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
