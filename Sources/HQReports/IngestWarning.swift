import HQDiagnostics

/// Something in a report text that looked like data but could not be read; ingestion goes on.
///
/// A producer of a ``Diagnostic`` (``diagnostic``), rendered by the one renderer as
/// `FILE:LINE:COL: warning: MESSAGE`, the report's line and a caret under what was not read.
/// A loader's remark that is no problem (a CSV file read as Windows-1252) is a
/// ``Severity/note`` in the same shape: `FILE:LINE:COL: note: MESSAGE`.
public struct IngestWarning: Sendable, Hashable, CustomStringConvertible {
  /// How serious the message is, as its rendering names it.
  public enum Severity: String, Sendable, Hashable {
    case warning
    case note
  }

  public var file: String
  public var line: Int
  /// 1-based, in display columns (``DisplayWidth/column(after:)``).
  public var column: Int
  public var message: String
  public var severity: Severity
  /// The text of ``line``, quoted under the message with a caret, when it is at hand
  /// (``quoting(_:)``; nil for a line in another encoding).
  public var lineText: String?

  public init(file: String, line: Int, column: Int = 1, message: String, severity: Severity = .warning) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.severity = severity
  }

  /// The warning about a whole line, with the line's text: the column becomes that of its
  /// first character that is not a space (the caret underlines the line's text).
  public func quoting(_ text: String) -> IngestWarning {
    var quoted = self
    let trimmed = text.hasSuffix("\r") ? String(text.dropLast()) : text
    quoted.lineText = trimmed
    let leading = trimmed.prefix { $0 == " " || $0 == "\t" }
    quoted.column = DisplayWidth.column(after: leading)
    return quoted
  }

  /// The warning as the one diagnostic type the shell renders. With its line, the caret is
  /// at ``column`` and underlines the rest of the line's text.
  public var diagnostic: DiagnosticError {
    let severity: Diagnostic.Severity = self.severity == .note ? .note : .warning
    guard let lineText else { return DiagnosticError(file: file, line: line, column: column, severity, message) }
    let start = Self.offset(ofColumn: column, in: lineText)
    var end = lineText.utf8.count
    while end > start, lineText.utf8[lineText.utf8.index(lineText.utf8.startIndex, offsetBy: end - 1)] == UInt8(ascii: " ") { end -= 1 }
    return DiagnosticError(file: file, line: line, text: lineText, offset: start, length: end - start, severity, message)
  }

  /// The byte offset in `text` of display column `column` (its end when the text is shorter).
  static func offset(ofColumn column: Int, in text: String) -> Int {
    var offset = 0
    var at = 1
    for character in text {
      if at >= column { break }
      at += DisplayWidth.of(character)
      offset += character.utf8.count
    }
    return offset
  }

  /// The rendered diagnostic (``DiagnosticRenderer``), without colour.
  public var description: String { diagnostic.rendered }
}
