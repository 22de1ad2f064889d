/// The heuristic limits of the PDF layout step, in one place. Lengths are shares of a word's
/// box height (about 0.93 of the font size in pdftotext's boxes) unless they say points.
enum PDFLimits {
  /// Two words of a row are one segment when the gap between them is under this share of the
  /// taller word's height: a space is 0.3 of it, a column gutter several times more.
  static let segmentGap = 0.5
  /// Two words are written without a space between them when the gap is under this share of
  /// the height of the first word of their line or segment: pdftotext's own rule (0.03 of the
  /// font size), so a raised footnote digit stays glued (`2022` + `1` → `20221`).
  static let glueGap = 0.03
  /// A table header cell has at most this many words; a longer line is prose above the table.
  static let headerWords = 6
  /// A word joins a row when its middle is within this share of the smaller height from the
  /// middle of the row's first word.
  static let rowMiddle = 0.45
  /// Running headers, footers and page numbers are looked for in this share of the page height
  /// at the top and at the bottom of each page.
  static let furnitureBand = 0.1
  /// The rows of a table, and the lines of its header, follow each other with at most this many
  /// row heights of empty space between them.
  static let rowGap = 2.0
  /// At most this many rows without two numbers (wrapped labels, group rows) stand between two
  /// rows of a table.
  static let rowsBetweenData = 2
  /// A table header has at most this many lines.
  static let headerLines = 6
  /// Points a segment may stick out of a column's region and still be in it.
  static let tolerance = 2.0
  /// Points within which two header lines count as aligned (on the left, the middle or the right).
  static let alignment = 1.0
  /// Among the column ranges a header cell may span, a wider one is preferred when its middle is
  /// within this share of the mean column pitch of the best one's.
  static let spanPreference = 0.15
  /// A header cell centred on one column spans its neighbours only when it is this much wider
  /// than that column's numbers (so `Budget` over `2024` never spreads into the columns next to it).
  static let spanWidth = 1.2
}

/// Words at one height on a page, left to right, cut into segments at wide gaps.
struct PDFRow: Sendable {
  /// Indices into the page's words, left to right.
  var words: [Int]
  var top: Double
  var bottom: Double
  var segments: [PDFSegment]
  /// A running header or footer, or a page number.
  var isFurniture = false

  var height: Double { bottom - top }
  var text: String { segments.map(\.text).joined(separator: " ") }
  var numberCount: Int { segments.count(where: { $0.kind != .text }) }

  /// At least two numbers, not all of them years, and no text between the first and the last:
  /// a row of a table's body (`Bibliotek | 2,3 | -44,1`, not `2 | CARD16 | VERSION | 1`).
  var isData: Bool {
    guard let first = segments.firstIndex(where: { $0.kind != .text }),
      let last = segments.lastIndex(where: { $0.kind != .text })
    else { return false }
    return numberCount >= 2 && segments.contains { $0.kind == .number }
      && segments[first...last].allSatisfy { $0.kind != .text }
  }
}

/// Words of a row with no wide gap between them: one table cell, or a phrase of prose.
struct PDFSegment: Sendable {
  enum Kind: Sendable { case text, number, year }

  var left: Double
  var right: Double
  var text: String
  var kind: Kind

  var middle: Double { (left + right) / 2 }
  var width: Double { right - left }
}

extension PDFLayout {
  /// The page's words grouped into rows by height, top to bottom.
  ///
  /// - Complexity: O(n log n) for the sort by height, then O(n).
  static func rows(of page: PDFPage) -> [PDFRow] {
    let words = page.words
    let order = words.indices.sorted {
      (words[$0].middle, words[$0].left) < (words[$1].middle, words[$1].left)
    }
    var rows: [PDFRow] = []
    var current: [Int] = []
    for index in order {
      let word = words[index]
      if let first = current.first {
        let anchor = words[first]
        if abs(word.middle - anchor.middle) <= PDFLimits.rowMiddle * min(word.height, anchor.height)
        {
          current.append(index)
          continue
        }
        rows.append(row(current, of: words))
      }
      current = [index]
    }
    if !current.isEmpty { rows.append(row(current, of: words)) }
    return rows
  }

  static func row(_ indices: [Int], of words: [PDFWord]) -> PDFRow {
    let sorted = indices.sorted { words[$0].left < words[$1].left }
    var segments: [PDFSegment] = []
    var start = 0
    for position in sorted.indices.dropFirst() {
      let previous = words[sorted[position - 1]]
      let word = words[sorted[position]]
      if word.left - previous.right > PDFLimits.segmentGap * max(word.height, previous.height) {
        segments.append(segment(sorted[start..<position], of: words))
        start = position
      }
    }
    segments.append(segment(sorted[start...], of: words))
    let top = sorted.lazy.map { words[$0].top }.min() ?? 0
    let bottom = sorted.lazy.map { words[$0].bottom }.max() ?? 0
    return PDFRow(words: sorted, top: top, bottom: bottom, segments: segments)
  }

  static func segment(_ indices: ArraySlice<Int>, of words: [PDFWord]) -> PDFSegment {
    let text = joined(indices.map { words[$0] })
    let left = indices.lazy.map { words[$0].left }.min() ?? 0
    let right = indices.lazy.map { words[$0].right }.max() ?? 0
    return PDFSegment(left: left, right: right, text: text, kind: PDFNumber.kind(of: text))
  }

  /// Words written as pdftotext writes a line: a space between two words, none where they
  /// (nearly) touch.
  static func joined(_ words: [PDFWord]) -> String {
    var text = ""
    var previous: PDFWord?
    let space = PDFLimits.glueGap * (words.first?.height ?? 0)
    for word in words {
      if let previous, word.left - previous.right >= space {
        text += " "
      }
      text += word.text
      previous = word
    }
    return text
  }
}

/// The forms a table cell's number takes in a Swedish report: `-1 204,1`, `5,8 %`, `12`,
/// `−3,5`, `+2,0`, `0,0*`, a lone dash for an empty value; and years (`2023`, or `20221` with a
/// footnote digit glued on), which head columns rather than fill them.
enum PDFNumber {
  /// Spaces a PDF may print between groups of thousands: no-break, thin, narrow no-break.
  static let groupSpaces: [Character] = ["\u{00A0}", "\u{2009}", "\u{202F}"]

  static func kind(of text: String) -> PDFSegment.Kind {
    var bytes = Array(text.utf8)[...]
    if bytes.contains(where: { $0 >= 0x80 }), text.contains(where: groupSpaces.contains) {
      bytes = Array(String(text.map { groupSpaces.contains($0) ? " " : $0 }).utf8)[...]
    }
    if isDash(bytes) { return .number }
    var signed = false
    if let length = signLength(bytes) {
      bytes = bytes.dropFirst(length)
      signed = true
    }
    // Digits in groups: the first of 1–3 digits when more groups follow, then groups of 3.
    var groups: [Int] = []
    var count = 0
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if isDigit(byte) {
        count += 1
      } else if byte == UInt8(ascii: " "), count > 0, index + 1 < bytes.endIndex,
        isDigit(bytes[index + 1])
      {
        groups.append(count)
        count = 0
      } else {
        break
      }
      index += 1
    }
    guard count > 0 else { return .text }
    groups.append(count)
    if groups.count > 1 {
      guard groups[0] <= 3, groups.dropFirst().allSatisfy({ $0 == 3 }) else { return .text }
    }
    var decimals = false
    if index < bytes.endIndex,
      bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ".")
    {
      index += 1
      let start = index
      while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
      guard index > start else { return .text }
      decimals = true
    }
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index += 1 }
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "%") { index += 1 }
    while index < bytes.endIndex, bytes[index] == UInt8(ascii: "*") { index += 1 }
    guard index == bytes.endIndex else { return .text }
    let isYear =
      !signed && !decimals && groups.count == 1 && (groups[0] == 4 || groups[0] == 5)
      && (bytes.starts(with: "19".utf8) || bytes.starts(with: "20".utf8))
      && !text.hasSuffix("%")
    return isYear ? .year : .number
  }

  static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// `-`, `+`, `−` (U+2212) or `–` (U+2013) before a number: its length in bytes.
  static func signLength(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard let first = bytes.first else { return nil }
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return 1 }
    if bytes.starts(with: [0xE2, 0x88, 0x92]) || bytes.starts(with: [0xE2, 0x80, 0x93]) {
      return 3
    }
    return nil
  }

  /// A cell holding only a dash: `-`, `–` or `—`.
  static func isDash(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.elementsEqual("-".utf8) || bytes.elementsEqual("–".utf8) || bytes.elementsEqual("—".utf8)
      || bytes.elementsEqual("−".utf8)
  }
}
