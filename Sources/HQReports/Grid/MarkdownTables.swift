/// Reads Markdown pipe tables (`| a | b |`), as PDF-to-Markdown converters and hq's own PDF
/// reader write them, into ``Grid``s.
///
/// What converters do to tables, and how each is read:
///
/// - `<br>` inside a cell breaks its lines; a cell is a list of *parts*. Backslash escapes
///   (`\|`, `1\)`) are undone.
/// - The first row is the header (a `| --- |` separator line follows it; a table without one is
///   read the same). A header row may have **swallowed the first data row**: every value cell
///   then ends in a number part (`Bokslut 2023<br>110,5`), and the label cell ends in the first
///   row's label (`Uppföljningsnivå (belopp i tkr)<br>Verksamhetens intäkter`). The last parts
///   become the first data row.
/// - A header row holding no header word at all (no year, kind, month or unit word) is a data
///   row: the table continues one above it (a page break), whose header it takes when the
///   number of columns is the same; else a header line of text just above it is looked for.
/// - **Stacked rows**: label and value cells holding several parts each
///   (`Verksamhetens intäkter<br>Verksamhetens kostnader | 874,2<br>-4 282,7`) are as many rows
///   when every value cell holds the same number of number parts and the label parts make that
///   many labels; otherwise the row is unread.
/// - **Collapsed rows**: a table whose rows hold all their text in the first cell (`| Andel
///   deltid 9,5 % 8,6 % 7,2 % |  |`) is a table of text lines: the first cell's parts are read
///   as lines, label before and after the run of numbers.
/// - Columns that only hold text (`Intäkt`, `Kostnad`, `Netto` under a group cell) are label
///   columns: the row's label is `group – text`.
/// - A column with no header next to one with a header, never both filled in one row, is the
///   same column shifted by the converter (`| Förvaltningsledning | -11,1 |  | -12,1 |`).
enum MarkdownTables {
  /// A table's lines: the 0-based index of each row line and its cells' parts.
  struct RawTable {
    var rows: [(line: Int, cells: [[String]])]
    var lines: [Int]
  }

  /// Every pipe table in `lines` (0-based indexes), in order.
  static func find(in lines: [String]) -> [RawTable] {
    var tables: [RawTable] = []
    var index = 0
    while index < lines.count {
      guard isPipeRow(lines[index]) else {
        index += 1
        continue
      }
      var rows: [(line: Int, cells: [[String]])] = []
      var used: [Int] = []
      while index < lines.count, isPipeRow(lines[index]) {
        used.append(index)
        if !isSeparator(lines[index]) {
          rows.append((index, cells(of: lines[index])))
        }
        index += 1
      }
      if !rows.isEmpty { tables.append(RawTable(rows: rows, lines: used)) }
    }
    return tables
  }

  /// True for a line that starts and ends with `|` (spaces aside).
  static func isPipeRow(_ line: String) -> Bool {
    // On bytes: the first and last bytes that are no space are `|`, and they are two.
    let bytes = line.utf8
    guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), bytes[first] == UInt8(ascii: "|"),
      let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }), bytes[last] == UInt8(ascii: "|")
    else { return false }
    return first < last
  }

  /// `| --- | :---: |`
  static func isSeparator(_ line: String) -> Bool {
    let trimmed = line.trimmingSpaces
    guard trimmed.contains("-") else { return false }
    return trimmed.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
  }

  /// The cells of a row, each as its parts (split at `<br>`), escapes undone, trimmed.
  static func cells(of line: String) -> [[String]] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    var started = false
    for character in line.trimmingSpaces {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "|":
        if started { cells.append(current) }
        started = true
        current = ""
      default: current.append(character)
      }
    }
    return cells.map(parts)
  }

  /// A cell's text split at `<br>` (any spelling), each part single-spaced and without the
  /// emphasis a converter sets around it (`**Årets resultat**`, `**-6,2**`, `*2,4*`).
  static func parts(_ cell: String) -> [String] {
    var text = cell
    for form in ["<br />", "<br/>", "<BR>", "<br>"] { text = text.replacingAll(form, with: "\u{1}") }
    return text.split(separator: "\u{1}", omittingEmptySubsequences: false).map {
      unemphasised($0.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }).joined(separator: " "))
    }.filter { !$0.isEmpty }
  }

  /// The text inside Markdown emphasis around all of it (`**…**`, `__…__`, `*…*`, `_…_`); a
  /// footnote star on one side only (`Tandvård*`) stays.
  static func unemphasised(_ text: String) -> String {
    for mark in ["**", "__", "*", "_"] where text.count > 2 * mark.count && text.hasPrefix(mark) && text.hasSuffix(mark) {
      let inner = text.dropFirst(mark.count).dropLast(mark.count)
      guard let first = inner.first, let last = inner.last, first != " ", last != " " else { continue }
      return String(inner)
    }
    return text
  }
}

extension String {
  /// The text without spaces, tabs or no-break spaces at either end.
  var trimmingSpaces: String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" || $0 == "\r" || $0 == "\u{0C}" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(self[first...last])
  }

  /// Every occurrence of `target` replaced.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
