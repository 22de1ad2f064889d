import HQData

/// The `json` and `ndjson` formats.
///
/// `json` is one array of objects (`[{"year":2023,"value":25.5}, …]`), `ndjson` one object
/// per line. Keys keep the column order. Numbers are JSON numbers spelled exactly as
/// ``Number`` prints them (`25.5`, `-1204.1`, `0.05`: never a binary-float artefact), text
/// is a JSON string with the required escapes, null is `null`, truth values `true`/`false`.
public struct JSONFormatter: Sendable {
  public enum Style: Sendable {
    case array
    case lines
  }

  public var style: Style

  public init(style: Style) {
    self.style = style
  }

  public func write(_ table: Table, to out: OutputSink) {
    let keys = table.columns.map { Self.string($0.name) + ":" }
    let cells = table.columns.map { CellRenderer($0, nullText: "null", escape: Self.string) }
    if style == .array { out.write(table.rowCount == 0 ? "[]\n" : "[\n") }
    for row in 0..<table.rowCount {
      if out.shouldStop { return }
      var object = style == .array ? "  {" : "{"
      for c in cells.indices {
        if c > 0 { object += "," }
        object += keys[c]
        object += cells[c](row)
      }
      object += "}"
      if style == .array && row < table.rowCount - 1 { object += "," }
      out.write(object + "\n")
    }
    if style == .array && table.rowCount > 0 { out.write("]\n") }
  }

  static func value(_ value: Value) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): b ? "true" : "false"
    case .number(let n): n.description
    case .text(let s): string(s)
    }
  }

  /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
  static func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
