#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cheap facts about single lines of extracted report text, shared by the document reader and
/// the table recognizer.
///
/// Everything here is linear in the line's length and never traps: report text can be anything,
/// including binary garbage or one line of a megabyte.
enum TextLines {
  /// Splits the text into lines at `\n`, dropping a `\r` before it. Line 1 is index 0.
  ///
  /// - Complexity: O(n) over the UTF-8 bytes; no grapheme breaking.
  static func split(_ text: String) -> [String] {
    split(text, bytes: 0..<text.utf8.count)
  }

  /// The lines of the text's bytes in `range`, which begins at a line's start.
  private static func split(_ text: String, bytes range: Range<Int>) -> [String] {
    var text = text
    return text.withUTF8 { bytes -> [String] in
      guard let base = bytes.baseAddress else { return [] }
      var lines: [String] = []
      lines.reserveCapacity(range.count / 40 + 1)
      var start = range.lowerBound
      let end = range.upperBound
      while start < end {
        // memchr finds the next line feed many bytes at a time.
        let rest = UnsafeRawPointer(base + start)
        let found: UnsafeMutableRawPointer? = memchr(rest, Int32(0x0A), end - start)
        let newline = found.map { start + (UnsafeRawPointer($0) - rest) } ?? end
        var lineEnd = newline
        if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        // Cut at a line feed (and a carriage return before it): ASCII bytes, so the line is
        // valid UTF-8 as the text is.
        lines.append(String(knownValidUTF8: UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])))
        start = newline + 1
      }
      return lines
    }
  }

  /// The line's words joined by single ASCII spaces (no-break and thin spaces count as spaces).
  static func clean(_ line: some StringProtocol) -> String {
    NumberRun.cleaned(Substring(line))
  }

  /// ``clean(_:)`` for a whole line: a line that is already clean is returned as it is,
  /// sharing its storage instead of copying it.
  static func clean(_ line: String) -> String {
    var line = line
    return line.withUTF8 { bytes -> String? in
      // Most lines that are not clean only end in spaces: then the words are the bytes before.
      var end = bytes.count
      while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
      let words = UnsafeBufferPointer(rebasing: bytes[..<end])
      if NumberRun.isClean(words) { return end == bytes.count ? nil : String(knownValidUTF8: words) }
      return NumberRun.rebuilt(bytes)
    } ?? line
  }

  /// True when the line holds no words.
  static func isBlank(_ line: some StringProtocol) -> Bool {
    NumberRun.isBlank(Substring(line))
  }

  /// True when the line ends in a space: the extraction ended it between two words of the same
  /// cell or sentence, so the text goes on on the next line.
  static func hasTrailingSpace(_ line: some StringProtocol) -> Bool {
    guard let last = line.unicodeScalars.last else { return false }
    return LineJoining.isSpace(last)
  }

  /// The first letter or digit of the line, skipping spaces and opening punctuation.
  static func firstSignificant(_ line: some StringProtocol) -> Character? {
    line.first { $0.isLetter || $0.isNumber }
  }

  /// True when the line begins (after spaces) with an upper-case letter or a digit: the start
  /// of a new cell or sentence rather than the rest of a word.
  static func startsNewUnit(_ line: some StringProtocol) -> Bool {
    // On bytes when the first byte that is no space or tab is ASCII and so is the byte after
    // it: that byte is then a character of its own.
    let quick = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      var i = 0
      while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
      guard i < bytes.count else { return false }
      let b = bytes[i]
      guard b < 0x80, b != 0x0D, i + 1 == bytes.count || bytes[i + 1] < 0x80 else { return nil }
      return (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
    }
    if let quick = quick ?? nil { return quick }
    guard let first = line.first(where: { !($0 == " " || $0 == "\u{00A0}" || $0 == "\t") }) else {
      return false
    }
    return first.isUppercase || first.isNumber
  }

  /// Page furniture: a page marker (`15(34)`, `Sida 3`), or a running footer with a vertical
  /// bar and a page number (`Region X │Bästa livsplatsen 10`).
  static func isPageFurniture(_ cleaned: String) -> Bool {
    var cleaned = cleaned
    return cleaned.withUTF8 { utf8 -> Bool in
      var previous2: UInt8 = 0
      var previous: UInt8 = 0
      for byte in utf8 {
        // `|`, or `│` (U+2502, E2 94 82).
        if byte == 0x7C || (previous2 == 0xE2 && previous == 0x94 && byte == 0x82) { return true }
        previous2 = previous
        previous = byte
      }
      guard utf8.count <= 12, !utf8.isEmpty else { return false }
      // digits ( digits )
      var i = 0
      func digits() -> Bool {
        let start = i
        while i < utf8.count, utf8[i] >= 0x30, utf8[i] <= 0x39 { i += 1 }
        return i > start
      }
      guard digits(), i < utf8.count, utf8[i] == UInt8(ascii: "(") else { return false }
      i += 1
      guard digits(), i < utf8.count, utf8[i] == UInt8(ascii: ")") else { return false }
      return i == utf8.count - 1
    }
  }

  /// True when the line could end in a number: its last word holds a digit or is a unit word
  /// (`mnkr`, `%`). A cheap test that spares most prose lines the full number reading.
  static func mayEndInNumber(_ line: String) -> Bool {
    var line = line
    return line.withUTF8 { bytes -> Bool in
      // The width of the space (``LineJoining/isSpace(_:)``) that ends just before `end`, or 0.
      func spaceWidth(endingAt end: Int) -> Int {
        guard end > 0 else { return 0 }
        let last = bytes[end - 1]
        if last == 0x20 || last == 0x09 { return 1 }
        if last == 0xA0, end >= 2, bytes[end - 2] == 0xC2 { return 2 }
        if (last == 0x89 || last == 0xAF), end >= 3, bytes[end - 2] == 0x80, bytes[end - 3] == 0xE2 { return 3 }
        return 0
      }
      var end = bytes.count
      while end > 0 {
        let width = spaceWidth(endingAt: end)
        if width > 0 {
          end -= width
        } else if bytes[end - 1] == 0x0D {
          end -= 1
        } else {
          break
        }
      }
      var start = end
      var hasDigit = false
      while start > 0, spaceWidth(endingAt: start) == 0 {
        start -= 1
        if bytes[start] >= 0x30 && bytes[start] <= 0x39 { hasDigit = true }
      }
      guard start < end else { return false }
      if hasDigit { return true }
      if case .unit = NumberWord.classify(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
      return false
    }
  }

  /// True when the line holds two spaces in a row after its first word (cells set apart).
  static func hasWideGap(_ line: String) -> Bool {
    var line = line
    return line.withUTF8 { bytes -> Bool in
      // Two spaces anywhere after the first byte that is no space or tab (memchr finds the
      // spaces many bytes at a time).
      guard let base = bytes.baseAddress, var i = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else {
        return false
      }
      let end = bytes.count
      while i < end - 1, let found = memchr(base + i, 0x20, end - i) {
        let space = UnsafeRawPointer(found) - UnsafeRawPointer(base)
        if space + 1 < end, bytes[space + 1] == 0x20 { return true }
        i = space + 1
      }
      return false
    }
  }

  /// True when the line is an entry of a table of contents: `section number, title, page number`
  /// (`2.1 Resultaträkning 7`, `3 Personal ........ 12`) with dot leaders before the page
  /// number, or beside another such line (a blank line between allowed). The heading itself
  /// comes later in the text, and the page number is no fact.
  static func isContentsEntry(_ index: Int, _ lines: [String]) -> Bool {
    guard lines.indices.contains(index), isContentsLine(lines[index].trimmingSpaces) else { return false }
    let words = contentsWords(lines[index])
    if words.count >= 2, words[words.count - 2].count >= 3, words[words.count - 2].allSatisfy({ $0 == "." || $0 == "…" }) {
      return true
    }
    if ByteSearch.has(lines[index], "....") { return true }
    // Beside another entry, both numbers going up from the upper line to the lower (a ranking,
    // `1 Halland 85` / `2 Skåne 80`, has its values going down).
    func numbers(_ i: Int) -> (section: [Int], page: Int)? {
      let words = contentsWords(lines[i])
      guard let first = words.first, let last = words.last, let page = Int(last) else { return nil }
      return (first.split(separator: ".").compactMap { Int($0) }, page)
    }
    guard let here = numbers(index) else { return false }
    for neighbour in [index - 2, index - 1, index + 1, index + 2] where lines.indices.contains(neighbour) {
      // Two lines apart only across a blank line.
      if abs(neighbour - index) == 2, !isBlank(lines[(neighbour + index) / 2]) { continue }
      guard isContentsLine(lines[neighbour].trimmingSpaces), let there = numbers(neighbour) else { continue }
      let (upper, lower) = neighbour < index ? (there, here) : (here, there)
      if upper.section.lexicographicallyPrecedes(lower.section), upper.page <= lower.page { return true }
    }
    return false
  }

  /// `2.1 Resultaträkning 7`, `3 Personal ........ 12`: a section number, words, a page number
  /// of at most three digits.
  static func isContentsLine(_ text: String) -> Bool {
    guard let first = text.utf8.first, first >= 0x30 && first <= 0x39, let last = text.utf8.last, last >= 0x30 && last <= 0x39
    else { return false }
    let words = contentsWords(text)
    guard words.count >= 3, let first = words.first, let last = words.last,
      first.allSatisfy({ $0.isNumber || $0 == "." }), first.first?.isNumber == true,
      last.count <= 3, last.allSatisfy(\.isNumber)
    else { return false }
    return words.dropFirst().dropLast().contains { $0.first?.isLetter == true }
  }

  /// The words of a contents line, set apart by spaces or tabs (a word processor's contents
  /// writes `3.1 Resultat<tab>9`).
  private static func contentsWords(_ text: String) -> [Substring] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" })
  }

  /// True when the cleaned line reads as running prose rather than a cell of a table: it ends
  /// a sentence, holds a sentence break, or is longer than any table cell.
  static func isProse(_ cleaned: String) -> Bool {
    if cleaned.utf8.count > 80 { return true }
    if cleaned.hasSuffix(".") && !cleaned.hasSuffix("..") {
      // A header cell ending in an abbreviation (`Budget inkl.`) is no sentence.
      let last = cleaned.split(ascii: " ").last ?? ""
      return !(cleaned.utf8.count <= 40 && Vocabulary.isAbbreviation(last))
    }
    return cleaned.utf8.count > 30 && hasSentenceBreak(cleaned)
  }

  /// A period, a space and a word starting in upper case (`… 2023. Det beror …`), the word
  /// before the period no abbreviation: one sentence ends and another starts. A period before
  /// a number or a word in lower case ends an abbreviation of a label (`elever i åk. 9 som
  /// uppnått`, `Elever folkbokf. i kommunen`), no sentence.
  static func hasSentenceBreak(_ cleaned: String) -> Bool {
    guard ByteSearch.has(cleaned, ". ") else { return false }
    let words = cleaned.split(ascii: " ")
    for k in words.indices.dropLast() where words[k].hasSuffix(".") && words[k].utf8.count > 1 {
      guard let initial = words[k + 1].first, initial.isUppercase else { continue }
      // `Tabell 12. Resultaträkning`: the number of a caption, no sentence's end.
      if k > 0, words[k].dropLast().allSatisfy(\.isNumber), Vocabulary.captionWords.contains(Vocabulary.letters(words[k - 1])) {
        continue
      }
      if !Vocabulary.isAbbreviation(words[k]) { return true }
    }
    return false
  }

  /// The bullet marks slide decks start list items with (`●`, `•`, `▪`, `■`, and the Wingdings
  /// arrow and check mark the extraction turns into `Ø` and `ü`).
  static func startsWithBullet(_ cleaned: String) -> Bool {
    // Cheap test first: the first byte of every mark or of a text canonically equal to one
    // (`u` + U+0308 for `ü`, U+0387 for `·`).
    guard let byte = cleaned.utf8.first, byte == 0xE2 || byte == 0xC3 || byte == 0xC2 || byte == 0xCE || byte == 0x75
    else { return false }
    // A word starting with `u` is a mark only as `u` + U+0308 (CC 88).
    if byte == 0x75, cleaned.utf8.dropFirst().first != 0xCC { return false }
    guard let first = cleaned.split(separator: " ", maxSplits: 1).first else { return false }
    return ["●", "•", "▪", "■", "Ø", "ü", "·"].contains(first)
  }
}
