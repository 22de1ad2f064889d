/// Finds the headings of a report text.
///
/// Two kinds of documents, two rules:
///
/// - **Numbered headings** (`2.3.7 Läkemedel`): a line that starts with a section number of one
///   to four parts of one or two digits, followed by a word starting with a capital letter. The
///   number must follow the previous heading's number in document order (a first child `.1`,
///   the next sibling, or the next number of an ancestor, skipping at most one), so a line of
///   prose that starts with a number (`6 månaders förskjutning`, `21 cancerprocesser`) is not a
///   heading. Entries of a table of contents (`2 Finansiella rapporter ..... 3`) are none. A
///   title the extraction broke (`2 Redovisning av resurser (ekonomi och ` + `medarbetare)`)
///   continues on up to two directly following lines that start in lower case.
/// - **Slide titles**, used only when the text has fewer than two numbered headings: a short
///   line (3–70 characters, at most ten words) standing alone between blank lines (or opening a
///   text box, marked by one to four leading spaces), starting with a capital letter, not a bullet, not
///   ending in punctuation or a number, not page furniture, and not a goal status
///   (`Uppfylls delvis`).
struct SectionHeadings {
  /// One heading.
  struct Heading: Sendable, Hashable {
    var number: String
    var title: String
    var level: Int
    /// The 0-based index of the heading's first line.
    var line: Int
    /// One past the 0-based index of the heading's last line.
    var endLine: Int
  }

  /// Finds the headings of `lines`, in order.
  static func find(in lines: [String]) -> [Heading] {
    find(in: lines, cleaned: lines.map { TextLines.clean($0) })
  }

  /// ``find(in:)`` of lines whose cleaned text (``TextLines/clean(_:)``) is already known.
  static func find(in lines: [String], cleaned: [String]) -> [Heading] {
    let numbered = numberedHeadings(lines)
    return numbered.count >= 2 ? numbered : slideTitles(lines, cleaned: cleaned)
  }

  // MARK: Numbered

  static func numberedHeadings(_ lines: [String]) -> [Heading] {
    var result: [Heading] = []
    var previous: [Int]?
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      let raw = lines[index]
      guard raw.utf8.count <= 200,
        let firstByte = raw.utf8.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0xC2 && $0 != 0xA0 }),
        firstByte >= 0x30, firstByte <= 0x39
      else { continue }
      let words = NumberRun.words(in: Substring(raw))
      guard words.count >= 2, let number = sectionNumber(words[0].text),
        let first = words[1].text.first, first.isUppercase, first.isLetter
      else { continue }
      guard follows(number, previous), !TextLines.isContentsEntry(index, lines) else { continue }
      var pieces = [Substring(raw)[words[1].text.startIndex...]]
      var end = index + 1
      while end < lines.count, end <= index + 2, TextLines.hasTrailingSpace(lines[end - 1]),
        let next = TextLines.firstSignificant(lines[end]), next.isLowercase,
        lines[end].utf8.count <= 80
      {
        pieces.append(Substring(lines[end]))
        end += 1
      }
      let title = LineJoining.join(pieces)
      guard !title.isEmpty else { continue }
      result.append(Heading(
        number: number.map(String.init).joined(separator: "."), title: title, level: number.count,
        line: index, endLine: end))
      previous = number
      index = end - 1
    }
    return result
  }

  /// `2.3.7` → [2, 3, 7]; nil unless one to four parts of one or two digits (a trailing dot is
  /// allowed: `2.`).
  static func sectionNumber(_ word: Substring) -> [Int]? {
    // On bytes: every byte of a section number is an ASCII digit or dot, each its own character.
    var bytes = word.utf8[...]
    if bytes.last == UInt8(ascii: ".") { bytes = bytes.dropLast() }
    var result: [Int] = []
    var value = 0
    var digits = 0
    for byte in bytes {
      if byte == UInt8(ascii: ".") {
        guard (1...2).contains(digits), result.count < 3 else { return nil }
        result.append(value)
        value = 0
        digits = 0
      } else if byte >= 0x30 && byte <= 0x39 {
        value = value * 10 + Int(byte - 0x30)
        digits += 1
        guard digits <= 2 else { return nil }
      } else {
        return nil
      }
    }
    guard (1...2).contains(digits) else { return nil }
    result.append(value)
    return result
  }

  /// Whether `number` may follow `previous` in document order.
  static func follows(_ number: [Int], _ previous: [Int]?) -> Bool {
    guard let previous else { return number.count == 1 || number == [1, 1] }
    if number == previous + [1] { return true }
    for level in 1...previous.count where number.count == level {
      guard Array(number.prefix(level - 1)) == Array(previous.prefix(level - 1)) else { return false }
      let step = number[level - 1] - previous[level - 1]
      return step == 1 || step == 2
    }
    return false
  }

  // MARK: Slide titles

  /// The length, first and last character, number and word tests of ``isSlideTitle(_:)`` on
  /// the bytes of simple text (``ByteSearch/isSimpleText(_:)``), where a character is one
  /// scalar; nil for other text, or when a word holds a character outside ASCII and a digit
  /// could hide in it.
  private static func simpleSlideTitle(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard bytes.count >= 3, bytes.count <= 280, ByteSearch.isSimpleText(bytes) else {
      return bytes.count < 3 ? false : nil
    }
    var count = 0
    for b in bytes where b & 0xC0 != 0x80 { count += 1 }
    guard count >= 3, count <= 70 else { return false }
    let first = bytes[0]
    if first < 0x80 {
      guard first >= 0x41 && first <= 0x5A else { return false }
    } else {
      // Latin-1 capitals (U+00C0…U+00DE but ×); any other first letter takes the slow path.
      guard first == 0xC3, bytes[1] >= 0x80, bytes[1] <= 0x9E else { return nil }
      guard bytes[1] != 0x97 else { return false }
    }
    let last = bytes[bytes.count - 1]
    guard last != 0x2E && last != 0x2C && last != 0x3B && last != 0x3A else { return false }
    guard let words = SimpleText.spaceWords(bytes) else { return nil }
    for word in words {
      var digit = false
      for k in word {
        let b = bytes[k]
        if b >= 0x30 && b <= 0x39 {
          digit = true
        } else if b == 0xC2, k + 1 < bytes.count, [0xB2, 0xB3, 0xB9, 0xBC, 0xBD, 0xBE].contains(bytes[k + 1]) {
          digit = true  // ² ³ ¹ ¼ ½ ¾: numbers to `Character.isNumber`
        } else if b == 0xE2, k + 2 < bytes.count,
          (bytes[k + 1] == 0x9D && bytes[k + 2] >= 0xB6) || (bytes[k + 1] == 0x9E && bytes[k + 2] <= 0x93)
        {
          digit = true  // the dingbat digits ❶…➓ (U+2776…U+2793)
        }
      }
      // A year is four ASCII digits, so a word with any other number is none.
      if digit && SimpleText.year(bytes, word) == nil { return false }
    }
    return words.count <= 10
  }

  static func slideTitles(_ lines: [String]) -> [Heading] {
    slideTitles(lines, cleaned: lines.map { TextLines.clean($0) })
  }

  /// ``slideTitles(_:)`` of lines whose cleaned text is already known.
  static func slideTitles(_ lines: [String], cleaned texts: [String]) -> [Heading] {
    var result: [Heading] = []
    for index in lines.indices {
      let raw = lines[index]
      guard raw.utf8.count <= 120 else { continue }
      let cleaned = texts[index]
      guard isSlideTitle(cleaned) else { continue }
      // A text box opens with a space or a few; a line set far in (a header cell of layout
      // text, `Plan` over its columns) opens none.
      let indent = raw.prefix(while: { $0 == " " || $0 == "\u{00A0}" }).count
      let opensBox = indent >= 1 && indent <= maxTextBoxIndent
      let blankBefore = index == 0 || TextLines.isBlank(lines[index - 1]) || opensBox
      guard blankBefore, endsBlock(lines, texts, after: index), !hasInnerGap(raw) else { continue }
      result.append(Heading(number: "", title: cleaned, level: 1, line: index, endLine: index + 1))
    }
    return result
  }

  /// The most leading spaces of a line opening a text box in a slide deck's text.
  static let maxTextBoxIndent = 4

  /// True when the line after `index` ends the title's block: a blank line, the end of the
  /// text, a line opening a new text box (leading space), or a bullet.
  private static func endsBlock(_ lines: [String], _ cleaned: [String], after index: Int) -> Bool {
    guard index + 1 < lines.count else { return true }
    let next = lines[index + 1]
    if TextLines.isBlank(next) { return true }
    if next.first == " " || next.first == "\u{00A0}" { return true }
    return TextLines.startsWithBullet(cleaned[index + 1])
  }

  /// True when the words of the line are spaced apart by runs of two or more spaces: the cells
  /// of a table header, not a title.
  private static func hasInnerGap(_ raw: String) -> Bool {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }
    // Characters off either end, looking at the ends only.
    var trimmed = raw[...]
    while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
    while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
    var previousSpace = false
    for c in trimmed {
      let space = isSpace(c)
      if space && previousSpace { return true }
      previousSpace = space
    }
    return false
  }

  static func isSlideTitle(_ cleaned: String) -> Bool {
    var text = cleaned
    if let simple = text.withUTF8({ simpleSlideTitle($0) }) {
      guard simple else { return false }
      return !TextLines.startsWithBullet(cleaned) && !TextLines.isPageFurniture(cleaned)
        && !ByteSearch.has(cleaned, ". ") && !cleaned.hasPrefix("Uppfylls")
    }
    let count = cleaned.count
    guard count >= 3, count <= 70, let first = cleaned.first, first.isUppercase, first.isLetter else {
      return false
    }
    guard let last = cleaned.last, !".,;:".contains(last) else { return false }
    // Digits only as whole years (`Produktion under 2024`), never counts, amounts or ranges.
    for word in cleaned.split(ascii: " ") where word.contains(where: \.isNumber) {
      guard FigureYear.year(word) != nil else { return false }
    }
    guard !TextLines.startsWithBullet(cleaned), !TextLines.isPageFurniture(cleaned),
      !ByteSearch.has(cleaned, ". "), !cleaned.hasPrefix("Uppfylls")
    else { return false }
    return cleaned.split(ascii: " ").count <= 10
  }
}
