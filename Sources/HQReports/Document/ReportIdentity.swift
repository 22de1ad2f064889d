/// What a report says about itself: its kind, number, year, period, organisation, title, the
/// unit its amounts are in, and the short id built from them.
///
/// Rules (all read from the text, never from a file name):
///
/// - **Kind**: the first report-kind word of the text, preferring one in the first five
///   non-blank lines (the title): `årsredovisning` or `bokslut`/`årsbokslut` → `årsredovisning`
///   (id `ar`), `delårsrapport` (`dr`), `uppföljningsrapport` (`up`), `månadsrapport` (`mr`),
///   `verksamhetsberättelse` (`vb`), `delårsbokslut` (`dr`). A small number directly after the
///   word is the report's number (`Uppföljningsrapport 2` → `up2`).
/// - **Year**: a year within three words after the kind word; else the year the text names
///   most often.
/// - **Period**: `helår` for annual reports; else a month range after the word `perioden`
///   (`perioden januari-augusti 2017` → `jan–aug`); else empty.
/// - **Organisation**: the `Region X` / `Landstinget X` the text names most often (a genitive
///   `Region Xs` counts for `Region X`).
/// - **Id**: the organisation's initials, the kind's short form with the number, and the year:
///   `rh-up2-2017`, `rh-ar-2024`.
/// - **Document unit**: from a sentence saying which unit amounts are given in (`Samtliga
///   belopp redovisas i miljoner kronor (mnkr)` → `mnkr`).
struct ReportIdentity: Sendable, Hashable {
  var id: String
  var title: String
  var organisation: String
  var kind: String
  var number: Int?
  var year: Int?
  var period: String
  var documentUnit: String

  private static let kinds: [(word: String, kind: String, short: String)] = [
    ("årsredovisning", "årsredovisning", "ar"),
    ("delårsrapport", "delårsrapport", "dr"),
    ("delårsbokslut", "delårsrapport", "dr"),
    ("årsbokslut", "årsredovisning", "ar"),
    ("bokslut", "årsredovisning", "ar"),
    ("uppföljningsrapport", "uppföljningsrapport", "up"),
    ("månadsrapport", "månadsrapport", "mr"),
    ("verksamhetsberättelse", "verksamhetsberättelse", "vb"),
  ]

  /// Reads the identity from the report's lines.
  static func read(_ lines: [String]) -> ReportIdentity {
    let kindMatch = findKind(lines)
    let yearFromKind = kindMatch?.year
    let year = yearFromKind ?? mostFrequentYear(lines)
    let organisation = mostFrequentOrganisation(lines)
    let kind = kindMatch?.kind ?? ""
    let period = kind == "årsredovisning" ? "helår" : (periodStatement(lines) ?? "")
    let title = kindMatch.flatMap { $0.inTitle ? $0.line : nil }
      ?? [kind.isEmpty ? "Rapport" : capitalized(kind), year.map(String.init) ?? "", organisation.isEmpty ? "" : "– \(organisation)"]
      .filter { !$0.isEmpty }.joined(separator: " ")
    var idParts = [initials(organisation).isEmpty ? "rapport" : initials(organisation)]
    if let match = kindMatch { idParts.append(match.short + (match.number.map(String.init) ?? "")) }
    if let year { idParts.append(String(year)) }
    return ReportIdentity(
      id: idParts.joined(separator: "-"), title: title, organisation: organisation, kind: kind,
      number: kindMatch?.number, year: year, period: period, documentUnit: documentUnit(lines))
  }

  // MARK: Kind

  private struct KindMatch {
    var kind: String
    var short: String
    var number: Int?
    var year: Int?
    var line: String
    var inTitle: Bool
  }

  private static func findKind(_ lines: [String]) -> KindMatch? {
    var nonBlank = 0
    var firstAnywhere: KindMatch?
    for line in lines where line.utf8.count <= 400 && !TextLines.isBlank(line) {
      nonBlank += 1
      // Past the title only the first match counts.
      if nonBlank > 5, let firstAnywhere { return firstAnywhere }
      guard mayNameKind(line) else { continue }
      if let match = kind(in: line, inTitle: nonBlank <= 5) {
        if match.inTitle { return match }
        if firstAnywhere == nil { firstAnywhere = match }
      }
    }
    return firstAnywhere
  }

  /// A byte-level pre-filter for ``kind(in:inTitle:)``: every kind word contains one of these
  /// ASCII stems, so a line without any of them names no kind.
  private static func mayNameKind(_ line: String) -> Bool {
    ByteSearch.containsFolded(line, "rapport") || ByteSearch.containsFolded(line, "redovisning")
      || ByteSearch.containsFolded(line, "bokslut") || ByteSearch.containsFolded(line, "ttelse")
  }

  private static func kind(in line: String, inTitle: Bool) -> KindMatch? {
    let words = TextLines.clean(line).split(separator: " ")
    for (index, word) in words.enumerated() {
      let lower = word.lowercased()
      guard let entry = kinds.first(where: { lower.hasPrefix($0.word) }) else { continue }
      // `uppföljningsrapporten omfattar…` names the report, but only as the title does it count
      // as the kind's own line; both are accepted.
      var number: Int?
      var year: Int?
      for next in words.dropFirst(index + 1).prefix(3) {
        if let y = FigureYear.year(next) {
          year = y
          break
        }
        if number == nil, next.utf8.count <= 2, let n = Int(next), n > 0 { number = n }
      }
      return KindMatch(
        kind: entry.kind, short: entry.short, number: number, year: year,
        line: TextLines.clean(line), inTitle: inTitle)
    }
    return nil
  }

  // MARK: Year, period, organisation, unit

  /// The year (1900–2099) written most often as a word of its own; the later year on a tie.
  static func mostFrequentYear(_ lines: [String]) -> Int? {
    var counts: [Int: Int] = [:]
    for line in lines where ByteSearch.hasDigitRun(line, 4) {
      for word in NumberRun.words(in: Substring(line)) where word.text.utf8.count == 4 {
        if let year = FigureYear.year(word.text) { counts[year, default: 0] += 1 }
      }
    }
    return counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key
  }

  /// `perioden januari-augusti 2017` → `jan–aug`.
  static func periodStatement(_ lines: [String]) -> String? {
    for line in lines.prefix(400) where line.utf8.count <= 400 && ByteSearch.containsFolded(line, "perioden") {
      let words = TextLines.clean(line).split(separator: " ")
      for (index, word) in words.enumerated() where word.lowercased() == "perioden" && index + 1 < words.count {
        if let range = MonthRange.read(words[index + 1]) { return range }
      }
    }
    return nil
  }

  /// The organisation named most often as `Region X` or `Landstinget X`.
  static func mostFrequentOrganisation(_ lines: [String]) -> String {
    var counts: [String: Int] = [:]
    for line in lines where line.utf8.count <= 2000 {
      var line = line
      let simple = line.withUTF8 { bytes -> Bool in
        guard ByteSearch.isSimpleText(bytes) else { return false }
        organisations(in: bytes) { counts[$0, default: 0] += 1 }
        return true
      }
      guard !simple, ByteSearch.contains(line, "Region") || ByteSearch.contains(line, "Landstinget") else { continue }
      let words = NumberRun.words(in: Substring(line))
      guard words.count >= 2 else { continue }
      for index in 0..<(words.count - 1) where words[index].text == "Region" || words[index].text == "Landstinget" {
        let name = words[index + 1].text.filter { $0.isLetter || $0 == "-" }
        guard let first = name.first, first.isUppercase else { continue }
        counts["\(words[index].text) \(name)", default: 0] += 1
      }
    }
    // Fold a genitive (`Region Hallands`) into its base form when the base form occurs.
    var folded: [String: Int] = [:]
    for (name, count) in counts {
      if name.hasSuffix("s"), counts[String(name.dropLast())] != nil {
        folded[String(name.dropLast()), default: 0] += count
      } else {
        folded[name, default: 0] += count
      }
    }
    return folded.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? ""
  }

  /// The `Region X` / `Landstinget X` names in one line of simple text
  /// (``ByteSearch/isSimpleText(_:)``), read from the bytes: the word `Region` or `Landstinget`,
  /// then the next word's letters and hyphens, which must begin with a capital letter.
  private static func organisations(in bytes: UnsafeBufferPointer<UInt8>, _ found: (String) -> Void) {
    var i = 0
    while i < bytes.count {
      // Only a word's first byte can begin a match; `R` and `L` are rare enough to look for.
      let b = bytes[i]
      guard b == 0x52 || b == 0x4C, i == 0 || NumberRun.separatorWidth(bytes, endingAt: i) != nil else {
        i += 1
        continue
      }
      var end = i
      while end < bytes.count, NumberRun.separatorWidth(bytes, at: end) == 0 { end += 1 }
      let word = UnsafeBufferPointer(rebasing: bytes[i..<end])
      guard word.elementsEqual("Region".utf8) || word.elementsEqual("Landstinget".utf8) else {
        i = end
        continue
      }
      var next = end
      while next < bytes.count, NumberRun.separatorWidth(bytes, at: next) > 0 { next += NumberRun.separatorWidth(bytes, at: next) }
      var nextEnd = next
      while nextEnd < bytes.count, NumberRun.separatorWidth(bytes, at: nextEnd) == 0 { nextEnd += 1 }
      if next < nextEnd {
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[next..<nextEnd]), as: UTF8.self)
        let kept = name.unicodeScalars.filter { $0 == "-" || Character($0).isLetter }
        if let first = kept.first, Character(first).isUppercase {
          found(String(decoding: word, as: UTF8.self) + " " + String(String.UnicodeScalarView(kept)))
        }
      }
      i = end
    }
  }

  /// The unit a sentence like `Samtliga belopp redovisas i miljoner kronor (mnkr)` declares.
  static func documentUnit(_ lines: [String]) -> String {
    for line in lines where line.utf8.count <= 400 && ByteSearch.containsFolded(line, "belopp") {
      let lower = line.lowercased()
      guard ByteSearch.has(lower, "belopp"), ByteSearch.has(lower, "redovisas i") || ByteSearch.has(lower, "anges i") else {
        continue
      }
      if ByteSearch.has(lower, "(mnkr)") || ByteSearch.has(lower, "miljoner kronor") { return "mnkr" }
      if ByteSearch.has(lower, "(tkr)") || ByteSearch.has(lower, "tusen kronor") { return "tkr" }
      if ByteSearch.has(lower, "(mdkr)") || ByteSearch.has(lower, "miljarder kronor") { return "mdkr" }
      if ByteSearch.has(lower, "kronor") { return "kr" }
    }
    return ""
  }

  /// `Region Halland` → `rh` (the lower-cased first letters of the words, folded to ASCII).
  static func initials(_ name: String) -> String {
    String(name.split(separator: " ").compactMap(\.first).map(asciiFold)).lowercased()
  }

  private static func asciiFold(_ c: Character) -> Character {
    switch c {
    case "Å", "Ä": "A"
    case "Ö": "O"
    case "å", "ä": "a"
    case "ö": "o"
    default: c
    }
  }

  private static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}

/// Years written as words.
enum FigureYear {
  /// The word as a year 1900–2099, nil unless exactly four ASCII digits in that range.
  static func year(_ word: some StringProtocol) -> Int? {
    guard word.utf8.count == 4, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(word),
      value >= 1900, value <= 2099
    else { return nil }
    return value
  }
}

/// Month ranges as reports write them in headers and periods.
enum MonthRange {
  /// `januari-augusti`, `jan-aug`, `jan–augusti` → `jan–aug`; a single month → `jan`;
  /// nil when the word is not a month or month range.
  static func read(_ word: some StringProtocol) -> String? {
    let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map {
      String($0.filter(\.isLetter))
    }
    guard (1...2).contains(parts.count) else { return nil }
    var months: [Int] = []
    for part in parts {
      guard let month = Month.number(of: part) else { return nil }
      months.append(month)
    }
    return months.map(Month.abbreviation).joined(separator: "–")
  }
}
