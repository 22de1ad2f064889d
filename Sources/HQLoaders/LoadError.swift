import HQDiagnostics

/// Why a file could not be loaded, with the place in the file when there is one.
///
/// A producer of a ``Diagnostic``: ``diagnostic`` is what the shell renders, in the one shape
/// (`FILE:LINE:COL: error: MESSAGE`, the file's line, a caret under the display column; or
/// `FILE: error: MESSAGE` for the file as a whole), and the message says what was expected
/// (`expected 5 fields, got 4`). A load that throws has produced nothing: callers keep their
/// data exactly as it was.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path as the user gave it.
  public var file: String
  /// 1-based; nil when the error concerns the whole file (missing, unreadable, unknown kind).
  public var line: Int?
  /// 1-based, in display columns (``DisplayWidth/column(after:)``); nil with `line`.
  public var column: Int?
  public var message: String
  /// The text of ``line`` when it is at hand (nil for a line too long to quote); the caret
  /// goes under ``column``.
  public var lineText: String?
  /// The byte offset in ``lineText`` of the place the error points at.
  var offsetInLine = 0
  /// How many bytes from there are underlined (a cell), at most to the end of the line.
  var length = 0

  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// An error at byte `offset` of a file's `bytes`: its line, display column and line text
  /// are found here (only ever on an error path; one pass over the bytes before `offset`).
  ///
  /// A UTF-8 byte order mark at the start of the file is not part of the first line.
  init(file: String, offset: Int, length: Int = 0, in bytes: UnsafeRawBufferPointer, message: String) {
    let offset = max(0, min(offset, bytes.count))
    var line = 1
    var lineStart = 0
    for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
      line += 1
      lineStart = i + 1
    }
    if lineStart == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = min(3, offset) }
    var lineEnd = offset
    while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
    if lineEnd > lineStart && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
    // An offset at the line break (after a CR) points at the line's end.
    let at = min(offset, lineEnd)
    let before = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[lineStart..<at]), as: UTF8.self)
    self.init(file: file, line: line, column: DisplayWidth.column(after: before), message: message)
    // A line of megabytes (a one-line JSON file) is not copied into the error; the renderer
    // would show 160 bytes of it anyway.
    if lineEnd - lineStart <= Self.maxQuotedLine {
      lineText = before + String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<lineEnd]), as: UTF8.self)
      offsetInLine = before.utf8.count
      // The underlined bytes decoded as the line is, so a cell of å and 😀 is underlined whole.
      let spanEnd = min(lineEnd, at + max(0, length))
      self.length = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<spanEnd]), as: UTF8.self).utf8.count
    }
  }

  /// The longest line (in bytes) kept in an error to be quoted under its message.
  static let maxQuotedLine = 1 << 16

  /// The error as the one diagnostic type the shell renders.
  public var diagnostic: DiagnosticError {
    guard let line else { return DiagnosticError(file: file, message) }
    if let lineText {
      return DiagnosticError(file: file, line: line, text: lineText, offset: offsetInLine, length: length, message)
    }
    return DiagnosticError(file: file, line: line, column: column ?? 1, message)
  }

  /// The rendered diagnostic (``DiagnosticRenderer``), without colour.
  public var description: String { diagnostic.rendered }
}
