/// What a column header says about the numbers under it: kind, period, year and unit.
///
/// The rules (documented in docs/MODEL.md, "Ingestion and kinds"):
///
/// - **Kind**, first match wins, over the column header, then (for a header that says nothing
///   and is no average) the row label: `avvikelse`/`diff` → `avvikelse`; `prognos` → `prognos`; `faktisk` (actual) → `utfall`; `budget`/`ram` → `budget`; `mål`/`målvärde` → `mål`; `utfall`/`resultat`/`bokslut` → `utfall`; a header
///   that is only a year no later than the report's → `utfall`; anything else → `värde`.
/// - **Year**: a year written in the header (`Budget 2017`); `föregående år` → the report's
///   year − 1; a range (`2019-2024`, `från 2019 till 2024`) or an average (`Snitt 3 år`) →
///   none; a target without a year → none; otherwise the report's year.
/// - **Period**: a month range (`jan-augusti` → `jan–aug`); `helår`, `helårs` or `årsprognos`
///   → `helår`; `ackumulerat` or `periodens` (in the header or the table's caption) → the
///   report's period; a year range → that range (`2019–2024`); a forecast or budget, or any
///   header with a year, or a deviation, in an annual report → `helår`; otherwise empty.
/// - **Unit**: the unit written with the number (`90%`, `112 677 mnkr`); else one the header
///   names (`%`, `(%)`, `mnkr`, `tkr`, `kr`); else one the table's caption names (`Mnkr
///   (ackumulerat)`, `(mnkr)`, `(%)`); else the document's unit.
/// - **Measure**: the header re-joined (``LineJoining``), footnote marks (`*`) and unit words
///   taken off, month ranges written with an en dash (`Resultat jan–augusti`).
struct ColumnMeaning: Sendable, Hashable {
  var measure: String
  var kind: FactKind
  var period: String
  var year: Int?
  var unit: String
  /// True when the header names an average (`Snitt 3 år`): its numbers keep the kind `värde`
  /// whatever the row label says.
  var isAverage: Bool = false
  /// True when nothing in the table named the unit and it is the document's.
  var unitFromDocument: Bool = false

  /// What the table around the column says: its caption and the report's defaults.
  struct Context: Sendable, Hashable {
    var caption: String {
      didSet { readCaption() }
    }
    var reportYear: Int?
    var reportPeriod: String = ""
    var documentUnit: String = ""
    /// What the caption says, read once per table rather than once per column.
    private(set) var captionLower = ""
    private(set) var captionUnit = ""
    private(set) var captionRange: String?

    init(caption: String = "", reportYear: Int? = nil, reportPeriod: String = "", documentUnit: String = "") {
      self.caption = caption
      self.reportYear = reportYear
      self.reportPeriod = reportPeriod
      self.documentUnit = documentUnit
      readCaption()
    }

    private mutating func readCaption() {
      captionLower = SimpleText.lowercased(caption)
      // Unit words are never empty, so an empty result means the caption names none.
      captionUnit = ColumnMeaning.unit(inCaption: caption, default: "")
      captionRange = FigureYearWords.range(in: caption)
    }
  }

  init(measure: String, kind: FactKind, period: String, year: Int?, unit: String) {
    self.measure = measure
    self.kind = kind
    self.period = period
    self.year = year
    self.unit = unit
  }

  /// Reads a column header in its table's context.
  init(header: String, context: Context) {
    let (measure, headerUnit) = Self.cleanMeasure(header)
    let lower = SimpleText.lowercased(measure)
    let captionLower = context.captionLower
    let kind = Self.kind(of: lower) ?? Self.yearOnlyKind(measure, context.reportYear) ?? .värde
    let years = FigureYearWords.years(in: measure)
    let measureRange = FigureYearWords.range(in: measure)
    let captionRange = years.isEmpty ? context.captionRange : nil
    let range = measureRange ?? captionRange
    let captionUnit = context.captionUnit
    let isAverage = lower.hasPrefix("snitt") || ByteSearch.has(lower, "genomsnitt")
    var year: Int?
    if measureRange != nil {
      year = nil
    } else if years.count == 1 {
      year = years[0]
    } else if ByteSearch.has(lower, "föregående år") || ByteSearch.has(lower, "fg år") {
      year = context.reportYear.map { $0 - 1 }
    } else if captionRange != nil || isAverage || kind == .mål {
      year = nil
    } else {
      year = context.reportYear
    }
    self.init(
      measure: measure, kind: kind,
      period: Self.period(lower, captionLower, kind: kind, hasYear: !years.isEmpty, range: range, context: context),
      year: year,
      unit: headerUnit.isEmpty ? (captionUnit.isEmpty ? context.documentUnit : captionUnit) : headerUnit)
    self.isAverage = isAverage
    self.unitFromDocument = headerUnit.isEmpty && captionUnit.isEmpty
  }

  /// The kind a text's words give (lower-cased input), nil when they say nothing.
  static func kind(of lower: String) -> FactKind? {
    if ByteSearch.has(lower, "avvik") || ByteSearch.has(lower, "diff") || hasWord(lower, "förändring") { return .avvikelse }
    if ByteSearch.has(lower, "prognos") || hasWord(lower, "uppföljning") { return .prognos }
    if ByteSearch.has(lower, "faktisk") { return .utfall }
    if ByteSearch.has(lower, "budget") || hasWord(lower, "ram") || hasWord(lower, "plan") { return .budget }
    // A fund's balance (`Resultatfond 2025`) is no outcome.
    if ByteSearch.has(lower, "resultatfond") { return nil }
    if hasWord(lower, "mål") || hasWord(lower, "målvärde") || hasWord(lower, "målvärden") { return .mål }
    if ByteSearch.has(lower, "utfall") || ByteSearch.has(lower, "resultat") || ByteSearch.has(lower, "bokslut")
      || ByteSearch.has(lower, "delår")
    {
      return .utfall
    }
    return nil
  }

  /// True when `word` is one of the text's words (runs of letters).
  private static func hasWord(_ text: String, _ word: StaticString) -> Bool {
    var text = text
    if let found = text.withUTF8({ SimpleText.hasWord($0, word) }) { return found }
    return text.split(whereSeparator: { !$0.isLetter }).contains { $0 == word.description }
  }

  /// A header that is only a year (`2023`) holds that year's actual figures.
  private static func yearOnlyKind(_ measure: String, _ reportYear: Int?) -> FactKind? {
    guard let year = FigureYear.year(measure) else { return nil }
    if let reportYear, year > reportYear { return nil }
    return .utfall
  }

  private static func period(
    _ lower: String, _ captionLower: String, kind: FactKind, hasYear: Bool, range: String?, context: Context
  ) -> String {
    for word in lower.split(ascii: " ") {
      if ByteSearch.has(word, "-") || ByteSearch.has(word, "–"), let months = MonthRange.read(word), ByteSearch.has(months, "–") {
        return months
      }
    }
    if ByteSearch.has(lower, "helår") || ByteSearch.has(lower, "årsprognos") { return "helår" }
    if ByteSearch.has(lower, "ackumul") || lower.hasPrefix("periodens") || ByteSearch.has(captionLower, "ackumul") {
      return context.reportPeriod
    }
    if let range { return range }
    if kind == .prognos || kind == .budget || ByteSearch.has(lower, "prognos") { return "helår" }
    if hasYear && context.reportPeriod == "helår" { return "helår" }
    // A deviation without a year in an annual report compares the year's columns.
    if kind == .avvikelse && context.reportPeriod == "helår" && !ByteSearch.has(captionLower, "delår") { return "helår" }
    return ""
  }

  // MARK: Measure and unit

  /// The header cleaned for the `measure` column, and a unit it names.
  static func cleanMeasure(_ header: String) -> (String, String) {
    var text = header
    if let fast = text.withUTF8({ simpleCleanMeasure($0) }) { return fast }
    var words = header.split(ascii: " ").map(String.init)
    var unit = ""
    words = words.compactMap { word in
      var w = word
      while w.hasSuffix("*") { w.removeLast() }
      while w.hasPrefix("*") { w.removeFirst() }
      if let u = unitWord(w) {
        if unit.isEmpty { unit = u }
        return nil
      }
      return w.isEmpty ? nil : dashMonths(w)
    }
    if !unit.isEmpty { words = words.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty } }
    return (words.joined(separator: " "), unit)
  }

  /// ``cleanMeasure(_:)`` on the bytes of simple text (``ByteSearch/isSimpleText(_:)``), where
  /// a space and a `*` are characters of their own and a unit word is ASCII; nil for other text.
  private static func simpleCleanMeasure(_ bytes: UnsafeBufferPointer<UInt8>) -> (String, String)? {
    guard let words = SimpleText.spaceWords(bytes) else { return nil }
    var unit = ""
    var kept: [String] = []
    for word in words {
      var start = word.lowerBound
      var end = word.upperBound
      while end > start && bytes[end - 1] == 0x2A { end -= 1 }
      while start < end && bytes[start] == 0x2A { start += 1 }
      let trimmed = UnsafeBufferPointer(rebasing: bytes[start..<end])
      if let u = unitWord(bytes: trimmed) {
        if unit.isEmpty { unit = u }
        continue
      }
      guard start < end else { continue }
      let w = String(decoding: trimmed, as: UTF8.self)
      kept.append(trimmed.contains(0x2D) ? dashMonths(w) : w)
    }
    // The comma that set the unit off (`Budget helår, mnkr`) goes with it.
    if !unit.isEmpty { kept = kept.map { $0.hasSuffix(",") ? String($0.dropLast()) : $0 }.filter { !$0.isEmpty } }
    return (kept.joined(separator: " "), unit)
  }

  /// `(mnkr)`, `mnkr`, `Mnkr`, `(%)`, `%`, `tkr`, `(tkr)`, `kr` → the unit; nil for other words.
  static func unitWord(_ word: String) -> String? {
    // Lower-cased by Unicode first (a Kelvin sign is a `k`), then read as bytes.
    var lower = word.lowercased()
    return lower.withUTF8 { unitWord(bytes: $0) }
  }

  /// The first unit word of a caption (`Mnkr (ackumulerat)` → `mnkr`), else `default`.
  static func unit(inCaption caption: String, default documentUnit: String) -> String {
    // `tusen kronor`, `Tusental kronor`, `miljarder kronor`: a scale of money, though `kronor`
    // alone is `kr`.
    let lower = SimpleText.lowercased(caption)
    for (scale, unit) in Self.moneyScales where ByteSearch.contains(lower, scale + " kr") { return unit }
    var text = caption
    let fast = text.withUTF8 { bytes -> String? in
      guard let words = SimpleText.spaceWords(bytes) else { return nil }
      for word in words {
        if let unit = unitWord(bytes: UnsafeBufferPointer(rebasing: bytes[word])) { return unit }
      }
      return documentUnit
    }
    if let fast { return fast }
    for word in caption.split(ascii: " ") {
      if let unit = unitWord(String(word)) { return unit }
    }
    return documentUnit
  }

  /// Words scaling `kronor` (`Tusental kronor` → `tkr`), with the unit they make.
  static let moneyScales: [(String, String)] = [
    ("tusen", "tkr"), ("tusental", "tkr"), ("tusentals", "tkr"), ("miljoner", "mnkr"), ("miljarder", "mdkr"),
  ]

  /// Words that scale a count as well as money (`Resor, miljoner`; `Besök, tusentals`): a unit
  /// of money only with `kronor` after them.
  static let scaleWords: Set<String> = ["miljoner", "tusentals"]

  /// ``unitWord(_:)`` for the bytes of one word of simple text: unit words are ASCII, so a word
  /// with any other byte is none, and lower-casing is ASCII folding.
  static func unitWord(bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var start = 0
    var end = bytes.count
    func trimmed(_ b: UInt8) -> Bool { b == 0x28 || b == 0x29 || b == 0x3A || b == 0x2C }
    while start < end && trimmed(bytes[start]) { start += 1 }
    while end > start && trimmed(bytes[end - 1]) { end -= 1 }
    guard end - start <= 9 else { return nil }
    var bare: [UInt8] = []
    for k in start..<end {
      let b = bytes[k]
      guard b < 0x80 else { return nil }
      bare.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
    }
    switch String(decoding: bare, as: UTF8.self) {
    case "mnkr", "mkr", "miljoner": return "mnkr"
    case "tkr", "tusentals": return "tkr"
    case "kr", "kronor": return "kr"
    case "mdkr", "mdr": return "mdkr"
    case "%", "procent": return "%"
    default: return nil
    }
  }

  /// `jan-augusti` → `jan–augusti`: a hyphen between two month names is a range.
  private static func dashMonths(_ word: String) -> String {
    guard ByteSearch.has(word, "-"), MonthRange.read(word)?.contains("–") == true else { return word }
    return word.replacing(char: "-", with: "–")
  }
}

extension String {
  /// Every `target` replaced by `replacement`.
  fileprivate func replacing(char target: Character, with replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}

/// Years and year ranges written in headers and captions.
enum FigureYearWords {
  /// The whole-word years in the text, in order.
  static func years(in text: String) -> [Int] {
    var copy = text
    let fast = copy.withUTF8 { bytes -> [Int]? in
      guard ByteSearch.isSimpleText(bytes) else { return nil }
      var result: [Int] = []
      var start = -1
      for i in 0...bytes.count {
        let separator = i == bytes.count || bytes[i] == 0x20 || bytes[i] == 0x28 || bytes[i] == 0x29 || bytes[i] == 0x2C
        if separator {
          if start >= 0, let year = SimpleText.year(bytes, start..<i) { result.append(year) }
          start = -1
        } else if start < 0 {
          start = i
        }
      }
      return result
    }
    if let fast { return fast }
    return text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "," }).compactMap {
      FigureYear.year($0)
    }
  }

  /// A year range (`2022-2024`, `2022–2024`, `från 2019 till 2024`) as `2019–2024`, else nil.
  static func range(in text: String) -> String? {
    // A range needs a year: most captions and headers have none.
    guard ByteSearch.hasDigitRun(text, 4) else { return nil }
    let words = text.split(ascii: " ")
    for (index, word) in words.enumerated() {
      // Two parts need a `-` or `–` (each only ever spelt with its own bytes).
      if word.utf8.contains(UInt8(ascii: "-")) || ByteSearch.has(word, "–") {
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" })
        if parts.count == 2, let a = FigureYear.year(parts[0]), let b = FigureYear.year(parts[1]), a < b {
          return "\(a)–\(b)"
        }
      }
      // (`till` lower-cased is four ASCII bytes, and only four ASCII bytes lower-case to it.)
      if word.utf8.count == 4, word.lowercased() == "till", index >= 1, index + 1 < words.count,
        let a = FigureYear.year(words[index - 1]), let b = FigureYear.year(words[index + 1]), a < b
      {
        return "\(a)–\(b)"
      }
    }
    return nil
  }
}
