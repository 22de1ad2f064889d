/// Report kinds as titles, running headers and footers name them.
extension ReportIdentity {
  /// One word that names a report kind.
  struct KindWord: Sendable {
    /// The word, lower case, exactly as a title writes it (`delårsrapport`, not the definite
    /// `delårsrapporten` prose uses).
    var word: String
    /// The kind it names (`delårsrapport`).
    var kind: String
    /// The kind's short form in ids (`dr`).
    var short: String
    /// The word names the kind only together with a month (`Uppföljning april 2025`,
    /// `Apriluppföljning`): `Uppföljning 2024` alone is a heading, not a report.
    var needsMonth = false
    /// The word names the kind only in a running header or footer or in the title, never in a
    /// heading further down (`Budget 2025` heads a section of every kind of report).
    var titleOnly = false
    /// The word also heads sections (`Bokslut`, `Budget`): a title line names the kind with it
    /// only together with a year.
    var generic = false
  }

  /// Every kind word. Checked in this order; a word matches exactly, or as a month followed by
  /// the word (`apriluppföljning`).
  static let kindWords: [KindWord] = [
    KindWord(word: "årsredovisning", kind: "årsredovisning", short: "ar"),
    KindWord(word: "årsbokslut", kind: "årsredovisning", short: "ar"),
    KindWord(word: "bokslut", kind: "årsredovisning", short: "ar", generic: true),
    KindWord(word: "delårsrapport", kind: "delårsrapport", short: "dr"),
    KindWord(word: "delårsbokslut", kind: "delårsrapport", short: "dr"),
    KindWord(word: "delårsredovisning", kind: "delårsrapport", short: "dr"),
    KindWord(word: "uppföljningsrapport", kind: "uppföljningsrapport", short: "up"),
    KindWord(word: "uppföljning", kind: "uppföljningsrapport", short: "up", needsMonth: true),
    KindWord(word: "månadsrapport", kind: "månadsrapport", short: "mr"),
    KindWord(word: "månadsuppföljning", kind: "månadsrapport", short: "mr"),
    KindWord(word: "verksamhetsberättelse", kind: "verksamhetsberättelse", short: "vb"),
    KindWord(word: "budget", kind: "budget", short: "budget", titleOnly: true, generic: true),
    KindWord(word: "kommunbudget", kind: "budget", short: "budget"),
    KindWord(word: "regionbudget", kind: "budget", short: "budget"),
    KindWord(word: "regionplan", kind: "budget", short: "budget"),
    KindWord(word: "verksamhetsplan", kind: "budget", short: "budget", titleOnly: true),
    KindWord(word: "budgetunderlag", kind: "budget", short: "budget"),
  ]

  /// How many words after the kind word may hold its number, month and year
  /// (`Uppföljning och prognos april 2025`, `Delårsbokslut per den 31 augusti 2025`).
  static let kindWindow = 5

  /// Where a kind was read from, most trusted first.
  enum KindSource: Sendable, Comparable {
    /// A running header or footer (``PageFurniture``).
    case pageFurniture
    /// A title line among the first ``titleLines`` non-blank lines.
    case title
    /// A standalone heading further down (`Bokslut 2024 - sammanfattning`).
    case heading
  }

  /// A kind word with what stands after it.
  struct KindMatch: Sendable, Hashable {
    var kind: String
    var short: String
    /// `Uppföljningsrapport 2` → 2.
    var number: Int?
    var year: Int?
    /// The months the words name, as a period: `Delårsrapport Augusti 2024` → `jan–aug`,
    /// `Apriluppföljning` → `jan–apr`, `januari–juni` → `jan–jun`; nil when none.
    var months: String?
    /// The cleaned text of the cell or line the kind was read from.
    var text: String
    /// The 0-based line it was read from.
    var line: Int
    /// The kind word also heads sections (``KindWord/generic``).
    var generic = false
  }

  /// The kind named by `words` (a cell or a line, cleaned), nil when none.
  ///
  /// - Parameter atStart: the kind word must open the words, or follow one genitive
  ///   (`Nämndens årsredovisning 2024`), as in a title or heading; otherwise (a running header
  ///   or footer) it may stand anywhere.
  static func kind(in words: [Substring], atStart: Bool, allowTitleOnly: Bool, line: Int, text: String) -> KindMatch? {
    // A title may name its organisation first (`Lunneby kommun Delårsrapport augusti 2024`,
    // `Lidbo Energi AB Årsredovisning 2025`).
    let named = atStart ? organisations(in: Array(words.prefix(4)), bolag: true).first { $0.index == 0 }?.end ?? 0 : 0
    for index in words.indices {
      if atStart && index > max(1, named) { break }
      if atStart && index == 1 && named == 0 && !isGenitiveName(words[0]) { break }
      if atStart && index > 0 && index < named { continue }
      guard let (entry, compoundMonth) = kindWord(words[index]) else { continue }
      if entry.titleOnly && !allowTitleOnly { continue }
      var match = KindMatch(kind: entry.kind, short: entry.short, text: text, line: line, generic: entry.generic)
      if let compoundMonth { match.months = monthsTo(compoundMonth) }
      for (offset, next) in words.dropFirst(index + 1).prefix(kindWindow).enumerated() {
        let bare = trimmedWord(next)
        if let year = FigureYear.year(bare) {
          match.year = year
          break
        }
        if offset == 0, bare.utf8.count <= 2, let n = Int(bare), n > 0 {
          match.number = n
        } else if match.months == nil, let months = MonthRange.read(bare) {
          match.months = months.contains("–") ? months : Month.number(of: bare).map(monthsTo)
        }
      }
      if entry.needsMonth && match.months == nil { continue }
      return match
    }
    return nil
  }

  /// The kind word `word` is, exactly or after a month (`Apriluppföljning`), with that month.
  private static func kindWord(_ word: Substring) -> (KindWord, Int?)? {
    guard word.utf8.count >= 6 else { return nil }
    let lower = SimpleText.lowercased(String(trimmedWord(word)))
    if let entry = kindWords.first(where: { $0.word == lower }) { return (entry, nil) }
    for (index, month) in Month.names.enumerated() where lower.hasPrefix(month) {
      let rest = lower.dropFirst(month.count)
      if let entry = kindWords.first(where: { $0.word == rest && $0.kind != "budget" }) { return (entry, index + 1) }
    }
    return nil
  }

  /// `Nämndens`, `Kommunens`: a capitalised word in the genitive, which may stand before the
  /// kind word of a title.
  private static func isGenitiveName(_ word: Substring) -> Bool {
    guard let first = word.first, first.isUppercase, word.count >= 4 else { return false }
    return word.hasSuffix("s")
  }

  /// The period of a report covering the year up to `month`: 8 → `jan–aug`, 1 → `jan`.
  static func monthsTo(_ month: Int) -> String {
    month <= 1 ? Month.abbreviation(1) : Month.abbreviation(1) + "–" + Month.abbreviation(month)
  }

  /// The word without the punctuation a title may put around it (`2025,`, `(april)`).
  static func trimmedWord(_ word: Substring) -> Substring {
    func isPunctuation(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "("),
        UInt8(ascii: ")"), UInt8(ascii: "\""):
        true
      default: false
      }
    }
    // `”` and `“` are E2 80 9D and E2 80 9C.
    func endsInQuote(_ utf8: Substring.UTF8View) -> Bool {
      utf8.count >= 3 && (utf8.last == 0x9D || utf8.last == 0x9C) && utf8.dropLast().last == 0x80 && utf8.dropLast(2).last == 0xE2
    }
    var word = word
    while let last = word.utf8.last, isPunctuation(last) || endsInQuote(word.utf8) { word = word.dropLast() }
    while let first = word.utf8.first, isPunctuation(first) || (first == 0xE2 && word.hasPrefix("“")) { word = word.dropFirst() }
    return word
  }

  /// True when a cleaned heading line names a report kind with its year the way a heading does:
  /// at most 80 characters, no cells set apart, the kind word first (`Bokslut 2024 -
  /// sammanfattning`), and no number but the year and the report's number.
  static func headingKind(_ raw: String, cleaned: String, line: Int) -> KindMatch? {
    guard cleaned.utf8.count <= 80, !TextLines.hasWideGap(raw.trimmingEdges()),
      ByteSearch.hasDigitRun(cleaned, 4)
    else { return nil }
    let words = cleaned.split(ascii: " ")
    guard let match = kind(in: words, atStart: true, allowTitleOnly: false, line: line, text: cleaned),
      match.year != nil
    else { return nil }
    let numbers = words.filter { $0.contains(where: \.isNumber) }
    return numbers.count <= (match.number == nil ? 1 : 2) ? match : nil
  }

  // MARK: Period

  /// The period a statement like `perioden januari-augusti 2017` or `perioden januari till
  /// augusti` names (`jan–aug`); nil when the first 400 lines hold none. A single month after
  /// `perioden` (`under perioden januari ökade …`) or a year range (`perioden 2025–2028`)
  /// names no period.
  static func periodStatement(_ lines: [String]) -> String? {
    for line in lines.prefix(400) where line.utf8.count <= 400 && ByteSearch.containsFolded(line, "perioden") {
      let words = TextLines.clean(line).split(ascii: " ")
      for (index, word) in words.enumerated() where word.lowercased() == "perioden" && index + 1 < words.count {
        if let range = MonthRange.read(trimmedWord(words[index + 1])), range.contains("–") { return range }
        // `perioden januari till augusti`, `perioden januari - augusti`
        guard index + 3 < words.count, let first = Month.number(of: trimmedWord(words[index + 1])),
          ["till", "-", "–"].contains(words[index + 2].lowercased()),
          let last = Month.number(of: trimmedWord(words[index + 3])), first < last
        else { continue }
        return Month.abbreviation(first) + "–" + Month.abbreviation(last)
      }
    }
    return nil
  }
}

extension String {
  /// The string without spaces and tabs at either end.
  fileprivate func trimmingEdges() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" }
    // Characters off either end, looking at the ends only (not reversing the whole line twice).
    var trimmed = self[...]
    while let first = trimmed.first, isSpace(first) { trimmed.removeFirst() }
    while let last = trimmed.last, isSpace(last) { trimmed.removeLast() }
    return String(trimmed)
  }
}
