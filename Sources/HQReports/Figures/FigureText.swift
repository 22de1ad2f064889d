import HQData

/// Small readings of slide-style report text that the figure and goal recognizers share.
///
/// Summaries such as an annual report's slide deck are not tables: a figure is a caption, a
/// label broken over a few lines and a number on a line of its own. The extraction marks where a
/// text box of the slide began by indenting its first line with a space (` Fokusområde:`,
/// ` Tillgänglighet till vård 2024`); the recognizers use that as the boundary between a caption
/// and the label under it.
enum FigureText {
  /// The line's words joined by single ASCII spaces (no-break spaces included), trimmed.
  static func clean(_ line: String) -> String {
    NumberRun.cleaned(Substring(line))
  }

  /// True when the line holds no words.
  static func isBlank(_ line: String) -> Bool {
    NumberRun.isBlank(Substring(line))
  }

  /// True when the line begins a new text box of the slide: it starts with a space or a
  /// no-break space and is not blank.
  static func startsBox(_ line: String) -> Bool {
    guard let first = line.unicodeScalars.first, LineJoining.isSpace(first) else { return false }
    return !isBlank(line)
  }

  /// True when the line's first non-space character is an ASCII digit (or, with `orSign`, a
  /// sign `+`, `-`, `−`, `–`): a cheap test before a line is read as numbers.
  static func startsWithDigit(_ line: String, orSign: Bool = false) -> Bool {
    guard let first = line.unicodeScalars.first(where: { !LineJoining.isSpace($0) }) else { return false }
    if first.value >= 48 && first.value <= 57 { return true }
    return orSign && (first == "+" || first == "-" || first == "−" || first == "–")
  }

  /// The first UTF-8 byte of the text, nil when it is empty. Cheaper than `utf8.first` (a call
  /// through the general `Collection` code): recognizers ask it of every line.
  @inline(__always)
  static func firstByte(of text: String) -> UInt8? {
    let utf8 = text.utf8
    return utf8.isEmpty ? nil : utf8[utf8.startIndex]
  }

  /// How many spaces of the text stand between two ASCII bytes that are not spaces: each is a
  /// `Character` of its own with a word ending before it and one starting after it, so
  /// `split(separator: " ")` gives more words than this (also after lower-casing, which keeps
  /// ASCII ASCII). A cheap bound before the text is split.
  static func certainWordBreaks(_ text: String) -> Int {
    var count = 0
    var previous: UInt8 = 0x80
    var spaceAfterWord = false
    _ = ByteSearch.allBytes(of: text) { byte in
      if spaceAfterWord && byte < 0x80 && byte != 0x20 { count += 1 }
      spaceAfterWord = byte == 0x20 && previous < 0x80 && previous != 0x20
      previous = byte
      return true
    }
    return count
  }


  /// A cheap test before a line is read as numbers only (every word a number, sign, unit or
  /// comparison, ``NumberWord``): false when a byte of its cleaned text can stand in none of
  /// them — a letter outside the unit words (`mnkr`, `tkr`, `kr`, `mdkr`, `mdr`, `st.`,
  /// `procent`, in the cases ``NumberWord`` reads), or a character outside ASCII other than the
  /// signs and comparisons `−`, `–`, `≥`, `≤` (all starting with byte E2).
  static func mayBeNumbersOnly(_ cleaned: String) -> Bool {
    ByteSearch.allBytes(of: cleaned, mayStandInNumbers)
  }

  /// ``mayBeNumbersOnly(_:)`` over a cleaned text's bytes.
  static func mayBeNumbersOnly(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes where !mayStandInNumbers(byte) { return false }
    return true
  }

  /// True for a byte that may stand in a number, sign, unit word or comparison.
  @inline(__always)
  private static func mayStandInNumbers(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x25, 0x2B, 0x2C, 0x2D, 0x2E, 0x30...0x39, 0x3C, 0x3E: true
    case UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "k"), UInt8(ascii: "r"), UInt8(ascii: "t"),
      UInt8(ascii: "d"), UInt8(ascii: "s"), UInt8(ascii: "p"), UInt8(ascii: "o"), UInt8(ascii: "c"),
      UInt8(ascii: "e"), UInt8(ascii: "M"), UInt8(ascii: "N"), UInt8(ascii: "K"), UInt8(ascii: "R"),
      UInt8(ascii: "T"):
      true
    case 0x80...0xBF, 0xE2: true
    default: false
    }
  }

  /// True when the last word of a cleaned line is no number, sign, unit or comparison
  /// (``NumberWord/other``): then the line ends in no number run, and ``NumberRun/read(_:expectedCount:)``
  /// finds no numbers in it.
  static func lastWordIsText(_ cleaned: String) -> Bool {
    let utf8 = cleaned.utf8
    let start = utf8.lastIndex(of: 0x20).map { utf8.index(after: $0) } ?? utf8.startIndex
    return NumberWord.classify(Substring(utf8[start...])) == .other
  }

  /// A cheap test before ``startsWithDigit(_:orSign:)``, on the line's cleaned text: false when
  /// its first byte is no ASCII digit (nor, with `orSign`, `+`, `-` or the first byte of `−`/`–`).
  /// The spaces ``startsWithDigit(_:orSign:)`` skips are all separators the cleaning drops.
  static func mayStartWithDigit(_ cleaned: String, orSign: Bool = false) -> Bool {
    mayStartWithDigit(byte: firstByte(of: cleaned) ?? 0, orSign: orSign)
  }

  /// ``mayStartWithDigit(_:orSign:)`` from the cleaned text's first byte (``LineStarts``).
  @inline(__always)
  static func mayStartWithDigit(byte first: UInt8, orSign: Bool = false) -> Bool {
    if first >= 0x30 && first <= 0x39 { return true }
    return orSign && (first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == 0xE2)
  }

  /// False when a cleaned text starting with this byte cannot start with a bullet mark
  /// (``bullet(_:)``): the first bytes of the marks, and `u` for `u` + U+0308 (`ü`).
  @inline(__always)
  static func mayStartWithBullet(byte: UInt8) -> Bool {
    byte == 0xE2 || byte == 0xC3 || byte == 0x2D || byte == 0x6F || byte == 0x75
  }

  /// `text.count <= limit`, counting no further than `limit` characters, and not at all when
  /// the byte count decides (a text never has more characters than bytes).
  static func hasAtMost(_ limit: Int, charactersIn text: String) -> Bool {
    if text.utf8.count <= limit { return true }
    guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex) else { return true }
    return end == text.endIndex
  }

  /// `text.hasSuffix(".")`, from the last two bytes when they decide: a last byte other than `.`
  /// cannot end in a full stop, and a `.` after an ASCII byte is a `Character` of its own.
  static func endsWithFullStop(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard let last = utf8.last, last == UInt8(ascii: ".") else { return false }
    let count = utf8.count
    if count == 1 || utf8[utf8.index(utf8.startIndex, offsetBy: count - 2)] < 0x80 { return true }
    return text.hasSuffix(".")
  }

  /// `ByteSearch.has(text, "│")` (page furniture): U+2502 is canonically equal to nothing
  /// else, so a text without its bytes cannot contain it.
  static func hasBoxBar(_ text: String) -> Bool {
    ByteSearch.contains(text, "│") && ByteSearch.has(text, "│")
  }

  /// True when `line` contains `needle`, compared byte for byte (a cheap test before a line is
  /// split into words).
  static func contains(_ line: String, _ needle: String) -> Bool {
    ByteSearch.contains(line, needle)
  }

  /// True when the text contains an ASCII digit.
  static func hasDigit(_ text: some StringProtocol) -> Bool {
    !ByteSearch.allBytes(of: text) { $0 < UInt8(ascii: "0") || $0 > UInt8(ascii: "9") }
  }

  /// The bullet characters slide decks start list items with: `●`, `•`, `▪`, `■`, the
  /// Wingdings arrow and check mark that extraction turns into `Ø` and `ü`, and a dash.
  static let bulletMarks: Set<String> = ["●", "•", "▪", "■", "Ø", "ü", "-", "–", "o", "◦"]

  /// The bullet mark a cleaned line starts with (`● Årets resultat` → `●`), nil when none.
  /// A mark must stand as a word of its own, so `-4,1` and `Övrigt` are not bullets, and a
  /// dash must not stand before numbers alone (`- 431 437`).
  static func bullet(_ cleaned: String) -> String? {
    // Cheap test first: the first byte of every mark or of a text canonically equal to one
    // (`u` + U+0308 for `ü`).
    guard let byte = firstByte(of: cleaned), mayStartWithBullet(byte: byte) else { return nil }
    let mark: String?
    switch cleaned.utf8.withContiguousStorageIfAvailable(bulletFromBytes) {
    case .mark(let found): mark = found
    case .noMark: return nil
    case .undecided, nil:
      guard let space = cleaned.firstIndex(of: " ") else { return nil }
      let word = String(cleaned[..<space])
      mark = bulletMarks.contains(word) ? word : nil
    }
    // A dash before numbers alone (`-  431 437  456`) is a minus sign or a table's empty cell,
    // no bullet (an item goes on with words: `- 1 250 solpaneler`).
    if let mark, mark == "-" || mark == "–" {
      let rest = cleaned.dropFirst(mark.count).drop { $0 == " " }
      if rest.first?.isNumber == true, !rest.contains(where: \.isLetter) { return nil }
    }
    return mark
  }

  /// The marks' UTF-8 bytes, each with the mark as a `String`.
  private static let bulletMarkBytes: [(bytes: [UInt8], mark: String)] = bulletMarks.map { (Array($0.utf8), $0) }

  /// ``bullet(_:)`` answered from the bytes of a cleaned line, nil when they cannot decide.
  ///
  /// The text before the first space byte is the mark by `Character`s too when that space is a
  /// `Character` of its own: no mark ends in a scalar that joins the next one, and a space
  /// followed by an ASCII byte (a cleaned line holds no CR) stands alone. A text before the
  /// first space byte that is not a mark's bytes (or `u` + U+0308) is no mark whatever the
  /// `Character`s: the only mark canonically equal to other bytes is `ü`, and a mark holds no space.
  private static func bulletFromBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> BulletDecision {
    var space = 0
    while space < bytes.count && bytes[space] != 0x20 { space += 1 }
    guard space < bytes.count else { return .noMark }
    let prefix = UnsafeBufferPointer(rebasing: bytes[0..<space])
    var mark: String?
    if let known = bulletMarkBytes.first(where: { $0.bytes.elementsEqual(prefix) }) {
      mark = known.mark
    } else if prefix.elementsEqual([0x75, 0xCC, 0x88]) {
      mark = String(decoding: prefix, as: UTF8.self)
    }
    guard let mark else { return .noMark }
    guard space + 1 < bytes.count, bytes[space + 1] < 0x80 else { return .undecided }
    return .mark(mark)
  }

  /// What the bytes of a line say about its bullet mark.
  private enum BulletDecision {
    case mark(String)
    case noMark
    case undecided
  }

  /// The text after the bullet mark, or the whole text when there is none.
  static func withoutBullet(_ cleaned: String) -> String {
    guard bullet(cleaned) != nil, let space = cleaned.firstIndex(of: " ") else { return cleaned }
    return String(cleaned[cleaned.index(after: space)...])
  }

  /// Re-joins a label the extraction broke over several lines (see ``LineJoining``).
  static func join(_ lines: [String]) -> String {
    LineJoining.join(lines.map { Substring($0) })
  }

  /// The years (1900–2099) written as whole words in the text, in order. Punctuation around a
  /// word (`2025.`, `(2023)`) does not hide the year.
  static func years(in text: String) -> [Int] {
    NumberRun.words(in: Substring(text)).compactMap { year(trimmingPunctuation($0.text)) }
  }

  /// The word without the punctuation a sentence puts around it (`2025.` → `2025`).
  static func trimmingPunctuation(_ word: Substring) -> Substring {
    // Cheap test first: a word whose first and last bytes cannot end a mark has nothing to trim.
    // A `Character` equal to a mark is that ASCII byte alone, or U+037E (CD BE), which is
    // canonically `;`.
    let utf8 = word.utf8
    guard let firstByte = utf8.first, let lastByte = utf8.last else { return word }
    if !isMarkByte(firstByte) && firstByte != 0xCD && !isMarkByte(lastByte) && lastByte != 0xBE { return word }
    var trimmed = word
    while let first = trimmed.first, punctuationMarks.contains(first) { trimmed = trimmed.dropFirst() }
    while let last = trimmed.last, punctuationMarks.contains(last) { trimmed = trimmed.dropLast() }
    return trimmed
  }

  /// The marks ``trimmingPunctuation(_:)`` takes off a word.
  private static let punctuationMarks: Set<Character> = [".", ",", ";", ":", "(", ")", "!", "?", "\"", "*"]

  /// True for the bytes of the ASCII marks in ``punctuationMarks``.
  @inline(__always)
  private static func isMarkByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("),
      UInt8(ascii: ")"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\""), UInt8(ascii: "*"):
      return true
    default: return false
    }
  }

  /// The word as a year 1900–2099, nil when it is not exactly four digits in that range.
  static func year(_ word: some StringProtocol) -> Int? {
    guard word.utf8.count == 4, word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(word),
      (1900...2099).contains(value)
    else { return nil }
    return value
  }

  /// A year range written in the text (`2023-2026`, `2023–2026`, `2023 - 2026`), as
  /// `2023–2026` with an en dash, or nil when there is none.
  static func yearRange(in text: String) -> String? {
    let words = NumberRun.words(in: Substring(text)).map { String($0.text) }
    for (index, word) in words.enumerated() {
      for dash in ["-", "–"] {
        let parts = word.split(separator: Character(dash), omittingEmptySubsequences: false)
        if parts.count == 2, let from = year(parts[0]), let to = year(parts[1].prefix(4)), from < to {
          return "\(from)–\(to)"
        }
      }
      if index + 2 < words.count, let from = year(word), words[index + 1] == "-" || words[index + 1] == "–",
        let to = year(words[index + 2].prefix(4)), from < to
      {
        return "\(from)–\(to)"
      }
    }
    return nil
  }

  /// The text with its first letter upper-cased (`balanskrav` → `Balanskrav`).
  static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }

  /// Unit words a label may end with in parentheses, lower-cased.
  private static let unitWords: Set<String> = [
    "kr", "tkr", "mnkr", "mdkr", "st", "antal", "kwh", "mwh", "gwh", "kg", "ton", "dagar", "procent",
    "km", "m2", "kvm", "timmar", "år",
  ]

  /// Splits a unit written in parentheses at the end of a label off it:
  /// `Energianvändning i lokaler (kWh/m2)` → (`Energianvändning i lokaler`, `kWh/m2`),
  /// `Avfallsåtervinning i sjukhusfastigheter(%)` → (`… sjukhusfastigheter`, `%`).
  ///
  /// A parenthesised ending is a unit when it holds `%` or `/`, or starts with a unit word;
  /// anything else (`(RS uppdrag)`) stays in the label.
  static func splitUnit(_ label: String) -> (label: String, unit: String) {
    guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return (label, "") }
    let inside = clean(String(label[label.index(after: open)..<label.index(before: label.endIndex)]))
    let firstWord = inside.split(ascii: " ").first.map { $0.lowercased() } ?? ""
    guard !inside.isEmpty, inside.count <= 24,
      ByteSearch.has(inside, "%") || ByteSearch.has(inside, "/") || unitWords.contains(firstWord)
    else { return (label, "") }
    let unit = inside.lowercased() == "procent" ? "%" : inside
    return (clean(String(label[..<open])), unit)
  }

  /// The kind a label's own words give a figure, nil when they say nothing: the one rule of
  /// ``ColumnMeaning/kind(of:)`` (column headers and figure labels name kinds alike).
  static func kind(ofLabel label: String) -> FactKind? {
    ColumnMeaning.kind(of: SimpleText.lowercased(label))
  }


  /// The section title of a 0-based line, empty when the driver gave none.
  static func section(_ text: ReportText, _ index: Int) -> String {
    text.sectionTitles.indices.contains(index) ? text.sectionTitles[index] : ""
  }

  /// The caption standing directly above `index`: the nearest non-blank line, when it reads as
  /// a caption (short, no bullet, not a sentence ending in a full stop). Nil otherwise.
  static func caption(above index: Int, in text: ReportText, within limit: Int = 4) -> (text: String, line: Int)? {
    var i = index - 1
    while i >= 0 && index - i <= limit {
      let cleaned = text.cleaned[i]
      if !cleaned.isEmpty {
        guard cleaned.count <= 90, bullet(cleaned) == nil, !cleaned.hasSuffix(".") else { return nil }
        return (cleaned, i)
      }
      i -= 1
    }
    return nil
  }

  /// The byte ranges of the words that follow a word `Region` in a cleaned line. A word equals
  /// `Region` only byte for byte: no other text is canonically equal to it.
  static func wordsAfterRegion(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var from = 0
    while let r = ByteSearch.firstIndex(of: UInt8(ascii: "R"), in: bytes, from: from) {
      from = r + 1
      guard r == 0 || bytes[r - 1] == 0x20, r + 7 < bytes.count, bytes[r + 6] == 0x20,
        bytes[r + 1] == UInt8(ascii: "e"), bytes[r + 2] == UInt8(ascii: "g"), bytes[r + 3] == UInt8(ascii: "i"),
        bytes[r + 4] == UInt8(ascii: "o"), bytes[r + 5] == UInt8(ascii: "n")
      else { continue }
      var end = r + 7
      while end < bytes.count && bytes[end] != 0x20 { end += 1 }
      result.append(r + 7..<end)
    }
    return result
  }

  /// ``wordsAfterRegion(_:)`` for text without contiguous UTF-8 storage.
  private static func slowWordsAfterRegion(_ line: String) -> [Range<Int>] {
    Array(line.utf8).withUnsafeBufferPointer(wordsAfterRegion)
  }

  /// The word's letters and hyphens, in order; from the bytes when the word is ASCII (where
  /// the letters are `A`–`Z` and `a`–`z`, each a `Character` of its own).
  private static func lettersAndHyphens(_ word: Substring) -> String {
    guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return word.filter { $0.isLetter || $0 == "-" } }
    let kept = word.utf8.filter { byte in
      byte == UInt8(ascii: "-") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
    return String(decoding: kept, as: UTF8.self)
  }

  /// The organisation a report is about, as its text names it most often (`Region Halland`):
  /// the most frequent `Region X` with a capitalised X (a genitive `Region Hallands` counts for
  /// `Region Halland`). `Regionen` when the text names none.
  static func organisation(in text: ReportText) -> String {
    organisation(in: text, starts: LineStarts(text))
  }

  /// ``organisation(in:)`` reading only the lines the ``LineStarts`` say name a region.
  static func organisation(in text: ReportText, starts: LineStarts) -> String {
    var counts: [String: Int] = [:]
    for index in text.cleaned.indices where starts.namesRegion(index) {
      let line = text.cleaned[index]
      // The cleaned line's words are the raw line's (``NumberRun/words(in:)``), one space apart.
      let names = line.utf8.withContiguousStorageIfAvailable(wordsAfterRegion) ?? slowWordsAfterRegion(line)
      let utf8 = line.utf8
      for range in names {
        let word = Substring(
          utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        var name = lettersAndHyphens(word)
        guard let first = name.first, first.isUppercase, name.count > 1 else { continue }
        if name.hasSuffix("s") && counts[String(name.dropLast())] != nil { name.removeLast() }
        counts["Region " + name, default: 0] += 1
      }
    }
    // Fold genitives seen before their base form (`Region Hallands` before `Region Halland`).
    for (name, count) in counts where name.hasSuffix("s") {
      let base = String(name.dropLast())
      if counts[base] != nil {
        counts[base, default: 0] += count
        counts[name] = nil
      }
    }
    let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }
    return best?.key ?? "Regionen"
  }
}
