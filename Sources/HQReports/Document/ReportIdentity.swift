/// What a report says about itself: its organisation and committee, kind, number, year,
/// period, title, the unit its amounts are in, and the short id built from them.
///
/// Everything is read from the text, never from a file name, and from the places a report
/// names itself — its running headers and footers (``PageFurniture``) and its title — before
/// any other line, so one passing mention in prose (`årsbokslutet`, `Region Halland`) never
/// decides. The first rule that gives an answer wins:
///
/// - **Kind**, with its number, months and year (``kind(in:atStart:allowTitleOnly:line:text:)``):
///   1. a running header or footer naming a kind anywhere in it (`Nämndens årsredovisning
///      2024`, `Kungsbacka kommun    Delårsbokslut 2025    25`, `Apriluppföljning 2025`);
///   2. a title line among the first ``titleLines`` non-blank lines that are no page furniture,
///      opening with the kind word (or one genitive before it: `Nämndens årsredovisning 2024`)
///      and holding a year within ``kindWindow`` words, or no more than four words when the
///      word heads no sections (`Årsredovisning`, not `Budget` or `Bokslut`);
///   3. a heading anywhere: a line after a blank line, at most 80 characters, no cells set
///      apart, opening with the kind word and a year, no other number but the report's number
///      (`Bokslut 2024 - sammanfattning`).
///
///   Kind words (``kindWords``, matched whole, not the definite `-en` form of prose):
///   `årsredovisning`, `årsbokslut`, `bokslut` → `årsredovisning` (`ar`); `delårsrapport`,
///   `delårsbokslut`, `delårsredovisning` → `delårsrapport` (`dr`); `uppföljningsrapport`, or
///   `uppföljning` with a month (`Apriluppföljning`, `Uppföljning och prognos april 2025`) →
///   `uppföljningsrapport` (`up`); `månadsrapport`, `månadsuppföljning` → `månadsrapport`
///   (`mr`); `verksamhetsberättelse` (`vb`); `kommunbudget`, `regionbudget`, `regionplan`, `budgetunderlag`, and `budget` in a
///   running header or title → `budget` (`budget`). A small number right after the word is the
///   report's number (`Uppföljningsrapport 2` → `up2`).
/// - **Year**: the year after the kind word; else the year the text names most often.
/// - **Period**: `helår` for an årsredovisning or budget; else the months the kind's words name
///   (`Delårsrapport Augusti 2024`, `Apriluppföljning` → `jan–apr`); else a statement
///   `perioden januari-augusti` / `perioden januari till augusti`; else `jan–aug` for a
///   delårsrapport (the usual delår of kommuner and regioner); else empty.
/// - **Organisation** (``organisations(in:bolag:)``), the region, kommun, bolag or förbund (a förbund and
///   a bolag only by rules 1 and 2):
///   1. the first one a running header or footer names;
///   2. one the title line names, or a title line that is only a name (`Kungsbacka kommun`);
///   3. the region or kommun named most often in the text, at least twice and more often than
///      any other, a mention in a title line that is no prose counting twice
///      (``mostNamedOrganisation(_:titleLines:)``).
/// - **Committee**, the nämnd or styrelse whose report it is (``committee(in:)``): named in a
///   running header or footer (`Nämnden för Teknik`), or a title line that is only its name;
///   empty for a report of the whole organisation. Never read from prose.
/// - **Id**: the organisation's short form, the committee's, the kind's short form with the
///   number (or, for an uppföljningsrapport or månadsrapport without a number, the period's last
///   month), and the year: `rh-up2-2017`, `rh-ar-2024`, `kungsbacka-teknik-ar-2024`,
///   `kungsbacka-dr-2025`, `kungsbacka-up-apr-2025`. Parts not found are left out; a report
///   without an organisation starts with `rapport`.
/// - **Title**: the title line when the kind came from one; else the running header's kind
///   cell, or `Kind year`, followed by ` – committee, organisation` when they are not in it.
/// - **Document unit**: from a sentence saying which unit amounts are given in (`Samtliga
///   belopp redovisas i miljoner kronor (mnkr)` → `mnkr`).
///
/// - Complexity: linear in the text's length.
struct ReportIdentity: Sendable, Hashable {
  var id: String
  var title: String
  var organisation: String
  /// The nämnd or styrelse whose report this is (`Nämnden för Teknik`), empty for a report of
  /// the whole organisation.
  var committee: String
  var kind: String
  var number: Int?
  var year: Int?
  var period: String
  var documentUnit: String
  /// The 0-based line the kind was read from, else the first running header or footer; nil
  /// when neither is known.
  var line: Int?

  /// How many non-blank lines at the start of the text are its title lines.
  static let titleLines = 5

  /// Reads the identity from the report's lines.
  static func read(_ lines: [String]) -> ReportIdentity {
    read(lines, furniture: PageFurniture.find(in: lines))
  }

  /// Reads the identity from the report's lines and their page furniture.
  static func read(_ lines: [String], furniture: PageFurniture) -> ReportIdentity {
    let running = furniture.runningTexts.map { (line: $0, cells: cells(of: lines[$0])) }
    let skipped = furniture.lineIndexes
    let title = titleLineIndexes(lines, skipping: skipped)

    let kindMatch = kindFromFurniture(running) ?? kindFromTitle(lines, title) ?? kindFromHeadings(lines, skipping: skipped)
    let year = kindMatch?.match.year ?? mostFrequentYear(lines)
    let kind = kindMatch?.match.kind ?? ""

    let organisation = organisationFromFurniture(running)
      ?? organisationFromTitle(lines, title, titleMatch: kindMatch?.source == .title ? kindMatch?.match : nil)
      ?? mostNamedOrganisation(lines, titleLines: title).nonEmpty.map { name in
        OrganisationName(name: name, kind: name.hasPrefix("Region") || name.hasPrefix("Landstinget") ? .region : .kommun)
      }
    let committee = running.lazy.flatMap(\.cells).compactMap { Self.committee(in: $0) }.first
      ?? title.sorted().lazy.compactMap { standaloneCommittee(lines[$0]) }.first ?? ""

    let period = periodOf(kind: kind, match: kindMatch?.match, lines: lines)
    return ReportIdentity(
      id: makeID(organisation: organisation, committee: committee, match: kindMatch?.match, period: period, year: year),
      title: makeTitle(kindMatch, kind: kind, year: year, committee: committee, organisation: organisation?.name ?? ""),
      organisation: organisation?.name ?? "", committee: committee, kind: kind, number: kindMatch?.match.number,
      year: year, period: period, documentUnit: documentUnit(lines), line: kindMatch?.match.line ?? running.first?.line)
  }

  /// True when a cleaned line names a report: an organisation or committee, or a report kind
  /// with its year. ``PageFurniture`` asks this of lines repeating in a text without page marks.
  static func namesReport(_ cleaned: String) -> Bool {
    guard mayNameReport(cleaned) else { return false }
    let words = cleaned.split(ascii: " ")
    let named = organisations(in: words, bolag: true)
    if !named.isEmpty || committee(in: words, organisations: named) != nil { return true }
    return kind(in: words, atStart: false, allowTitleOnly: true, line: 0, text: cleaned)?.year != nil
  }

  /// A byte-level pre-filter for ``namesReport(_:)``: every organisation, committee and kind
  /// word holds one of these ASCII stems (`nämnd` holds `mnd`, `uppföljning` holds `uppf`).
  private static func mayNameReport(_ text: String) -> Bool {
    ByteSearch.contains(text, "AB") || ByteSearch.containsAnyFolded(text, reportStems)
  }

  private static let reportStems = ByteSearch.FoldedNeedles([
    "kommun", "region", "landsting", "stad", "mnd", "styrelse", "rapport", "redovisning", "bokslut", "ttelse",
    "budget", "uppf", "rbundet",
  ])

  // MARK: Sources

  /// The cells of a running line: its parts set apart by two or more spaces, a tab or a
  /// vertical bar, each cleaned and split into words.
  static func cells(of line: String) -> [[Substring]] {
    var cells: [[Substring]] = []
    var current = ""
    var spaces = 0
    func flush() {
      let words = TextLines.clean(current).split(ascii: " ")
      if !words.isEmpty { cells.append(words) }
      current = ""
    }
    for c in line {
      if c == " " || c == "\u{00A0}" {
        spaces += 1
        continue
      }
      if c == "\t" || c == "|" || c == "│" || spaces >= 2 { flush() }
      if spaces == 1 { current.append(" ") }
      spaces = 0
      if !(c == "\t" || c == "|" || c == "│") { current.append(c) }
    }
    flush()
    return cells
  }

  /// The 0-based indexes of the first ``titleLines`` non-blank lines that are no page furniture.
  private static func titleLineIndexes(_ lines: [String], skipping skipped: Set<Int>) -> Set<Int> {
    var result: Set<Int> = []
    for index in lines.indices {
      guard result.count < titleLines else { break }
      guard !skipped.contains(index), lines[index].utf8.count <= 400, !TextLines.isBlank(lines[index]) else { continue }
      result.insert(index)
    }
    return result
  }

  private static func kindFromFurniture(_ running: [(line: Int, cells: [[Substring]])]) -> (match: KindMatch, source: KindSource)? {
    for (line, cells) in running {
      for words in cells {
        let text = words.joined(separator: " ")
        if let match = kind(in: words, atStart: false, allowTitleOnly: true, line: line, text: text) {
          return (match, .pageFurniture)
        }
      }
    }
    return nil
  }

  private static func kindFromTitle(_ lines: [String], _ title: Set<Int>) -> (match: KindMatch, source: KindSource)? {
    for index in title.sorted() {
      let cleaned = TextLines.clean(lines[index])
      let words = cleaned.split(ascii: " ")
      // A line of column words (`Bokslut 2023 Budget 2024 Avvikelse`) heads a table, not the report.
      guard cleaned.utf8.count <= 120, words.filter({ Vocabulary.isKindWord($0) }).count < 3,
        let match = kind(in: words, atStart: true, allowTitleOnly: true, line: index, text: cleaned),
        match.year != nil || (words.count <= 4 && !match.generic)
      else { continue }
      return (match, .title)
    }
    return nil
  }

  private static func kindFromHeadings(_ lines: [String], skipping skipped: Set<Int>) -> (match: KindMatch, source: KindSource)? {
    for index in lines.indices where index == 0 || TextLines.isBlank(lines[index - 1]) {
      let raw = lines[index]
      guard !skipped.contains(index), raw.utf8.count <= 200, ByteSearch.hasDigitRun(raw, 4) else { continue }
      if let match = headingKind(raw, cleaned: TextLines.clean(raw), line: index) { return (match, .heading) }
    }
    return nil
  }

  private static func organisationFromFurniture(_ running: [(line: Int, cells: [[Substring]])]) -> OrganisationName? {
    for (_, cells) in running {
      for words in cells {
        if let found = organisations(in: words, bolag: true).first { return found.name }
      }
    }
    return nil
  }

  /// The organisation the title line names, or a title line that is only an organisation's name.
  private static func organisationFromTitle(_ lines: [String], _ title: Set<Int>, titleMatch: KindMatch?) -> OrganisationName? {
    if let titleMatch, let found = organisations(in: titleMatch.text.split(ascii: " "), bolag: true).first {
      return found.name
    }
    for index in title.sorted() {
      let words = TextLines.clean(lines[index]).split(ascii: " ")
      if let found = organisations(in: words, bolag: true).first, found.index == 0, found.end == words.count {
        return found.name
      }
    }
    return nil
  }

  /// A title line that is only a committee's name.
  private static func standaloneCommittee(_ line: String) -> String? {
    let cleaned = TextLines.clean(line)
    guard cleaned.utf8.count <= 80, let name = committee(in: cleaned.split(ascii: " ")), name == cleaned else { return nil }
    return name
  }

  // MARK: Period, id, title

  private static func periodOf(kind: String, match: KindMatch?, lines: [String]) -> String {
    // A verksamhetsberättelse (`Verksamhetsberättelse och bokslut 2024`) tells the whole year.
    if kind == "årsredovisning" || kind == "budget" || kind == "verksamhetsberättelse" { return "helår" }
    if let months = match?.months { return months }
    if let statement = periodStatement(lines) { return statement }
    return kind == "delårsrapport" ? monthsTo(8) : ""
  }

  private static func makeID(
    organisation: OrganisationName?, committee: String, match: KindMatch?, period: String, year: Int?
  ) -> String {
    var parts = [organisationSlug(organisation)]
    if !committee.isEmpty { parts.append(committeeSlug(committee)) }
    if let match {
      parts.append(match.short + (match.number.map(String.init) ?? ""))
      if match.number == nil, match.kind == "uppföljningsrapport" || match.kind == "månadsrapport",
        let last = period.split(separator: "–").last, !last.isEmpty
      {
        parts.append(String(last))
      }
    }
    if let year { parts.append(String(year)) }
    return parts.filter { !$0.isEmpty }.joined(separator: "-")
  }

  private static func makeTitle(
    _ kindMatch: (match: KindMatch, source: KindSource)?, kind: String, year: Int?, committee: String,
    organisation: String
  ) -> String {
    if let kindMatch, kindMatch.source == .title { return kindMatch.match.text }
    var head: String
    if let kindMatch, kindMatch.source == .pageFurniture {
      head = kindMatch.match.text
      // A footer's page number is no part of the title.
      if let (rest, _) = PageFurniture.splitPageNumber(head), !rest.isEmpty { head = rest }
    } else {
      head = [kind.isEmpty ? "Rapport" : capitalized(kind), year.map(String.init) ?? ""].filter { !$0.isEmpty }
        .joined(separator: " ")
    }
    let names = [committee, organisation].filter { !$0.isEmpty && !head.contains($0) }
    return names.isEmpty ? head : head + " – " + names.joined(separator: ", ")
  }

  // MARK: Year, unit

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

  private static func capitalized(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}

extension String {
  /// nil for the empty string.
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
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
    if let read = word.utf8.withContiguousStorageIfAvailable(readSimple), let read { return read }
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

  /// ``read(_:)`` on the bytes of a word of ASCII, Latin-1 letters (C3 xx) and en or em dashes,
  /// each of them a character of its own: `.some(result)`, or nil for any other word (the
  /// `Character` reading above). A Latin-1 letter lower-cases to no ASCII letter, so a part
  /// holding one is no month name.
  private static func readSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
    // The parts between dashes, empty ones left out: their ASCII letters lower-cased, and
    // whether they hold a letter outside ASCII.
    var parts: [(letters: [UInt8], latin: Bool)] = []
    var inPart = false
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      var width = 1
      var isDash = false
      var letter: UInt8?
      var latin = false
      if b < 0x80 {
        isDash = b == UInt8(ascii: "-")
        if (b | 0x20) &- 0x61 < 26 { letter = b | 0x20 }
      } else if b == 0xC3, i + 1 < bytes.count, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0xBF {
        width = 2
        latin = bytes[i + 1] != 0x97 && bytes[i + 1] != 0xB7  // all but × and ÷ are letters
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 {
        width = 3
        isDash = true
      } else {
        return nil
      }
      i += width
      if isDash {
        inPart = false
        continue
      }
      if !inPart {
        parts.append(([], false))
        inPart = true
      }
      if let letter { parts[parts.count - 1].letters.append(letter) }
      if latin { parts[parts.count - 1].latin = true }
    }
    guard (1...2).contains(parts.count) else { return .some(nil) }
    var months: [Int] = []
    for part in parts {
      // ``Month/number(of:)`` of the part's letters.
      let letters = part.letters
      guard !part.latin, letters.count >= 3,
        let month = Month.names.firstIndex(where: { name in
          name.utf8.elementsEqual(letters) || (letters.count <= 4 && name.utf8.starts(with: letters))
        })
      else { return .some(nil) }
      months.append(month + 1)
    }
    return .some(months.map(Month.abbreviation).joined(separator: "–"))
  }
}
