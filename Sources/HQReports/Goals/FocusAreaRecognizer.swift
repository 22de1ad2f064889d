/// Reads the focus areas (Fokusområden) of a report and how far each is met.
///
///      Fokusområde:
///     Nära och samman-
///     hållen vård
///
///     Uppfylls delvis
///
/// Rules:
/// - A title is a line starting `Fokusområde:` (or `Fokusområde –`, or the bare word). The name
///   is the rest of that line and the lines under it, re-joined (``LineJoining``), up to a blank
///   line, a bullet, a line that starts a new text box, a status line, a line with digits or
///   page furniture (`│`), or four lines. A title with no name is skipped.
/// - A status is a short line (at most six words) saying `uppfylls helt`, `uppfylls delvis`,
///   `uppfylls inte` or `uppfylls ej` (→ `inte`), in any case; or `uppfyllt`/`uppnått`
///   (→ `helt`), `delvis uppfyllt` (→ `delvis`), `ej`/`inte uppfyllt` (→ `inte`).
/// - Slides put the status after the title, sometimes after the focus area's bullets; some
///   layouts put it before. When the text's first status comes before its first title, each
///   title takes the nearest unused status before it (and after the previous title); otherwise
///   each title takes the first unused status after it and before the next title. A title that
///   finds none takes the other direction's nearest unused status, and without any it is
///   reported as a warning, not guessed.
/// - The goal's `line` is the line of the word `Fokusområde`.
struct FocusAreaRecognizer: LineStartRecognizer {
  var name: String { "focus-areas" }

  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext) {
    var titles: [FocusAreaTitle] = []
    // Cheap test first: a title line starts with `fo` in some case (no other character
    // lower-cases to `f` or `o`, and a combining mark after either would make it another).
    for index in text.cleaned.indices
    where starts.bytes[index] | 0x20 == UInt8(ascii: "f") && starts.secondBytes[index] | 0x20 == UInt8(ascii: "o") {
      if let title = FocusAreaTitle(at: index, in: text) { titles.append(title) }
    }
    guard !titles.isEmpty else { return }
    let statuses = text.lines.indices.compactMap { index in
      // Cheap test first (``mayStateStatus(_:)``, read with the line starts).
      starts.mayStateStatus(index)
        ? Self.status(of: text.lines[index], cleaned: text.cleaned[index]).map { (line: index, status: $0) } : nil
    }
    let statusFirst = (statuses.first?.line ?? Int.max) < titles[0].line
    var used: Set<Int> = []
    for (position, title) in titles.enumerated() {
      let previousEnd = position > 0 ? titles[position - 1].endLine : -1
      let nextStart = position + 1 < titles.count ? titles[position + 1].line : text.lines.count
      // Only the statuses between the neighbouring titles are looked at (linear overall).
      let afterWindow = statuses[Self.firstIndex(in: statuses, after: title.endLine)...].prefix { $0.line < nextStart }
      let beforeWindow = statuses[Self.firstIndex(in: statuses, after: previousEnd)...].prefix { $0.line < title.line }
      let after = afterWindow.first { !used.contains($0.line) }
      let before = beforeWindow.last { !used.contains($0.line) }
      guard let found = statusFirst ? before ?? after : after ?? before else {
        context.warnings.append(IngestWarning(
          file: text.source, line: title.line + 1,
          message: "focus area '\(title.name)' has no status (Uppfylls helt/delvis/inte)"))
        continue
      }
      used.insert(found.line)
      context.goals.append(Goal(report: text.reportID, name: title.name, status: found.status, line: title.line + 1))
    }
  }

  /// The index of the first status standing after `line` (binary search; statuses are in line order).
  static func firstIndex(in statuses: [(line: Int, status: GoalStatus)], after line: Int) -> Int {
    var low = 0
    var high = statuses.count
    while low < high {
      let middle = (low + high) / 2
      if statuses[middle].line <= line { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// True when the text contains `ppfyll`, `PPFYLL`, `ppnå` or `PPNÅ` (one pass over the bytes).
  static func mayStateStatus(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(mayStateStatus(bytes:))
      ?? ["ppfyll", "PPFYLL", "ppnå", "PPNÅ"].contains { ByteSearch.contains(text, $0) }
  }

  /// ``mayStateStatus(_:)`` over a text's UTF-8 bytes.
  static func mayStateStatus(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    var from = 0
    // Each `pp` or `PP`, found eight bytes at a time.
    while let i = ByteSearch.firstIndexOfPair(of: 0x70, in: bytes, from: from, orMask: 0x20), i + 4 <= n {
      from = i + 1
      let p = bytes[i]
      do {
        let upper = p == 0x50
        // `fyll` / `FYLL`, or `nå` / `NÅ` (å: C3 A5, Å: C3 85).
        if i + 6 <= n && bytes[i + 2] == (upper ? 0x46 : 0x66) && bytes[i + 3] == (upper ? 0x59 : 0x79)
          && bytes[i + 4] == (upper ? 0x4C : 0x6C) && bytes[i + 5] == (upper ? 0x4C : 0x6C)
        {
          return true
        }
        if i + 5 <= n && bytes[i + 2] == (upper ? 0x4E : 0x6E) && bytes[i + 3] == 0xC3
          && bytes[i + 4] == (upper ? 0x85 : 0xA5)
        {
          return true
        }
      }
    }
    return false
  }

  /// The status a line states, nil when it states none.
  static func status(of line: String) -> GoalStatus? {
    status(of: line, cleaned: FigureText.clean(line))
  }

  /// ``status(of:)`` for a line whose cleaned text is known.
  static func status(of line: String, cleaned: String) -> GoalStatus? {
    // Cheap test first: every status word holds `ppfyll` or `ppnå` in one case or the other.
    // The needles hold no separator byte, so the raw line holds one exactly when the cleaned does.
    guard line.utf8.count <= 120, mayStateStatus(cleaned), FigureText.certainWordBreaks(cleaned) < 6 else { return nil }
    let words = SimpleText.lowercased(cleaned).split(ascii: " ").map(FigureText.trimmingPunctuation)
    guard words.count <= 6 else { return nil }
    if let verb = words.firstIndex(of: "uppfylls"), verb + 1 < words.count {
      switch words[verb + 1] {
      case "helt": return .helt
      case "delvis": return .delvis
      case "inte", "ej": return .inte
      default: return nil
      }
    }
    // `Uppfyllt`, `Delvis uppfyllt`, `Ej uppfyllt`, `Målet är inte uppnått`.
    let participles: Set<Substring> = ["uppfyllt", "uppfylld", "uppfyllda", "uppnått", "uppnådd", "uppnådda"]
    guard let participle = words.firstIndex(where: { participles.contains($0) }) else { return nil }
    switch participle > 0 ? words[participle - 1] : "" {
    case "delvis": return .delvis
    case "inte", "ej", "icke": return .inte
    default: return .helt
    }
  }
}

/// A focus area's title: `Fokusområde:` and the name under it.
struct FocusAreaTitle: Sendable, Hashable {
  /// The 0-based line of the word `Fokusområde`.
  var line: Int
  /// The 0-based line the name ends on.
  var endLine: Int
  var name: String

  /// Reads the title starting at `index`; nil when the line does not start one.
  init?(at index: Int, in text: borrowing ReportText) {
    guard let rest = Self.rest(afterKeywordIn: text.lines[index]) else { return nil }
    let lines = text.lines
    var pieces: [String] = []
    if !FigureText.isBlank(rest) { pieces.append(rest) }
    var end = index
    var next = index + 1
    while next < lines.count && next <= index + 4
      && Self.continuesName(lines[next], cleaned: text.cleaned[next], after: pieces)
    {
      pieces.append(lines[next])
      end = next
      next += 1
    }
    let name = FigureText.join(pieces)
    guard !name.isEmpty else { return nil }
    self.line = index
    self.endLine = end
    self.name = name
  }

  /// The raw text after `Fokusområde:` when the line starts with the keyword, else nil.
  private static func rest(afterKeywordIn line: String) -> String? {
    // Cheap test first: the keyword's ASCII run, in any case.
    guard ByteSearch.containsFolded(line, "okusomr") else { return nil }
    let trimmed = line.drop(while: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
    let keyword = "fokusområde"
    guard trimmed.prefix(keyword.count).lowercased() == keyword else { return nil }
    var rest = trimmed.dropFirst(keyword.count)
    guard rest.isEmpty || rest.first == ":" || rest.first == " " || rest.first == "\u{00A0}" else { return nil }
    rest = rest.drop(while: { $0 == " " || $0 == "\u{00A0}" })
    if let mark = rest.first, mark == ":" || mark == "–" || mark == "-" {
      rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\u{00A0}" })
    } else if !rest.isEmpty {
      return nil  // `Fokusområden enligt …`, `Fokusområde Vård` without a colon reads as prose.
    }
    return String(rest)
  }

  /// True when `line` goes on with the name gathered so far.
  private static func continuesName(_ line: String, cleaned: String, after pieces: [String]) -> Bool {
    guard !cleaned.isEmpty, cleaned.count <= 60, !FigureText.hasDigit(cleaned), !ByteSearch.has(cleaned, "│"),
      FigureText.bullet(cleaned) == nil, FocusAreaRecognizer.status(of: line, cleaned: cleaned) == nil
    else { return false }
    return pieces.isEmpty || !FigureText.startsBox(line)
  }
}
