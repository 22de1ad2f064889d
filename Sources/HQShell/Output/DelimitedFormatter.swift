import HQData

/// The `csv` and `tsv` formats: a header row, then one line per row, no decoration.
///
/// - CSV follows RFC 4180: a field containing a comma, a double quote, CR or LF is enclosed
///   in double quotes, with inner quotes doubled. Lines end in LF (as Unix tools expect).
/// - TSV cannot quote, so tab, newline, carriage return and backslash inside a value are
///   written `\t`, `\n`, `\r`, `\\` (the PostgreSQL text-format convention).
///
/// Null is the empty field in both; numbers are written as ``Number`` prints them.
///
/// `csv-sv` is CSV as Swedish Excel reads it: `;` between fields (`,` is its decimal
/// separator), numbers with a decimal comma (`-1204,1`), and a UTF-8 byte order mark before
/// the header, without which Excel reads the bytes as Windows-1252 and shows `Ã¥` for `å`. The
/// mark is written only at the very start of the output, so several results in one file
/// (`.output`) share one.
public struct DelimitedFormatter: Sendable {
  public enum Quoting: Sendable {
    case rfc4180
    case backslashEscapes
  }

  public var delimiter: Character
  public var quoting: Quoting
  /// Numbers with `,` as the decimal separator.
  public var decimalComma = false
  /// A UTF-8 byte order mark (EF BB BF) before the first byte of the output.
  public var byteOrderMark = false

  public static let csv = DelimitedFormatter(delimiter: ",", quoting: .rfc4180)
  public static let tsv = DelimitedFormatter(delimiter: "\t", quoting: .backslashEscapes)
  public static let swedishCSV = DelimitedFormatter(delimiter: ";", quoting: .rfc4180, decimalComma: true, byteOrderMark: true)

  public func write(_ table: Table, to out: OutputSink) {
    let separator = String(delimiter)
    if byteOrderMark && out.totalBytes == 0 { out.write("\u{FEFF}") }
    out.write(table.columns.map { field($0.name) }.joined(separator: separator) + "\n")
    let cells = table.columns.map { CellRenderer($0, spelling: decimalComma ? .decimalComma : .plain, escape: field) }
    for row in 0..<table.rowCount {
      if out.shouldStop { return }
      var line = ""
      for c in cells.indices {
        if c > 0 { line += separator }
        line += cells[c](row)
      }
      line += "\n"
      out.write(line)
    }
  }

  func field(_ text: String) -> String {
    switch quoting {
    case .rfc4180:
      let needsQuotes = text.utf8.contains { byte in
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
          || byte == delimiter.asciiValue
      }
      guard needsQuotes else { return text }
      return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    case .backslashEscapes:
      guard text.utf8.contains(where: { [9, 10, 13, 92].contains($0) }) else { return text }
      var escaped = ""
      for character in text {
        switch character {
        case "\t": escaped += "\\t"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        case "\\": escaped += "\\\\"
        default: escaped.append(character)
        }
      }
      return escaped
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced (Foundation-free).
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
