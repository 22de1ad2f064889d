import HQData

/// Reads accessibility figures that compare the region with the national average:
///
///      Tillgänglighet till vård 2024
///      Telefontillgänglighe
///     t primärvård
///
///     90% har fått kontakt
///     inom 0 dagar jämfört
///
///     med 87% för riket i snitt
///     …
///     90% 88% 87% 73%
///
/// Rules:
/// - A statement starts on a line whose first word is a percentage followed by text
///   (`90% har fått …`). It goes on over the next lines (blank lines between them allowed) until
///   it says `jämfört med P%` followed, within four words, by a national reference (`riket`,
///   `rikets`, `rikssnittet`, `riksgenomsnittet`, `landet`, `Sverige`, `nationellt`). A line
///   that starts another percentage or a bullet, or eight lines without the comparison, end the
///   attempt and nothing is read.
/// - The label is the block of digit-free lines directly above the statement (one blank line
///   between them allowed), at most four lines, re-joined (`Telefontillgänglighe` +
///   `t primärvård` → `Telefontillgänglighet primärvård`). A line that starts a text box is the
///   label's first line. Without a label the statement is left alone.
/// - Each statement gives two facts for the label: the region's value (measure: the
///   organisation the report is about, ``FigureText/organisation(in:)``, e.g. `Region Halland`)
///   and the national value (measure `Riket`), both kind `utfall`, unit `%`. What the
///   percentage counts (`har fått kontakt inom 0 dagar`) stays in the text (the `search` source).
/// - The table is the caption above the first statement's label (`Tillgänglighet till vård
///   2024`), kept for the statements that follow it within six lines of each other. The year is
///   the caption's last year, else the report's year.
/// - A line of percentages alone after the statements that repeats the region's values in order
///   (the figure's chart labels) is claimed without new facts.
struct AccessibilityRecognizer: LineStartRecognizer {
  var name: String { "accessibility" }

  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext) {
    // Read once, and only for a text that has a statement.
    var knownOrganisation: String?
    var run = AccessibilityRun()
    var index = 0
    while index < text.lines.count {
      guard starts.mayStartStatement(index), !context.isClaimed(index),
        let statement = AccessibilityStatement(at: index, in: text.lines),
        let label = Self.label(above: index, in: text, context: context)
      else {
        index += 1
        continue
      }
      if run.lastLine < 0 || label.first - run.lastLine > 6 {
        finish(run, text: text, context: &context)
        run = AccessibilityRun(caption: FigureText.caption(above: label.first, in: text))
      }
      let organisation = knownOrganisation ?? FigureText.organisation(in: text, starts: starts)
      knownOrganisation = organisation
      emit(statement, label: label, organisation: organisation, run: run, text: text, context: &context)
      run.regionValues.append(statement.region)
      run.lastLine = statement.lastLine
      index = statement.lastLine + 1
    }
    finish(run, text: text, context: &context)
  }

  /// The label block above a statement starting at `index`: its text and first line.
  static func label(above index: Int, in text: ReportText, context: RecognitionContext) -> (text: String, first: Int)? {
    var i = index - 1
    if i >= 0 && text.cleaned[i].isEmpty { i -= 1 }
    var pieces: [Int] = []
    while i >= 0, pieces.count < 4, !context.isClaimed(i) {
      let cleaned = text.cleaned[i]
      guard !cleaned.isEmpty, !FigureText.hasDigit(cleaned), FigureText.hasAtMost(60, charactersIn: cleaned),
        FigureText.bullet(cleaned) == nil, !FigureText.endsWithFullStop(cleaned)
      else { break }
      pieces.insert(i, at: 0)
      if FigureText.startsBox(text.lines[i]) { break }
      i -= 1
    }
    guard let first = pieces.first else { return nil }
    let label = FigureLabel(lines: pieces).text(in: text)
    return label.isEmpty ? nil : (label, first)
  }

  private func emit(
    _ statement: AccessibilityStatement, label: (text: String, first: Int), organisation: String,
    run: AccessibilityRun, text: ReportText, context: inout RecognitionContext
  ) {
    let table = run.caption?.text ?? FigureText.section(text, label.first)
    let year = run.caption.flatMap { FigureText.years(in: $0.text).last } ?? text.reportYear
    for (measure, value, line) in [
      (organisation, statement.region, statement.firstLine), ("Riket", statement.national, statement.nationalLine),
    ] {
      context.facts.append(Fact(
        report: text.reportID, section: FigureText.section(text, line), table: table, indicator: label.text,
        measure: measure, kind: .utfall, year: year, value: value, unit: "%", line: line + 1))
    }
    context.claim(label.first...statement.lastLine)
    if let caption = run.caption { context.claim([caption.line]) }
  }

  /// Claims a chart-label line repeating the run's region values.
  private func finish(_ run: AccessibilityRun, text: ReportText, context: inout RecognitionContext) {
    guard run.regionValues.count >= 2 else { return }
    var i = run.lastLine + 1
    while i < text.lines.count && i <= run.lastLine + 4 {
      if !text.cleaned[i].isEmpty {
        let row = NumberRun.read(Substring(text.lines[i]), expectedCount: run.regionValues.count)
        if row.label.isEmpty, row.numbers.map(\.value) == run.regionValues, row.numbers.allSatisfy(\.isPercent) {
          context.claim([i])
        }
        return
      }
      i += 1
    }
  }
}

/// The statements of one figure, read so far.
struct AccessibilityRun {
  var caption: (text: String, line: Int)?
  var regionValues: [Number] = []
  /// The 0-based last line of the last statement, -1 before the first.
  var lastLine = -1
}

/// `90% har fått kontakt inom 0 dagar jämfört med 87% för riket i snitt`, gathered from its lines.
struct AccessibilityStatement: Sendable, Hashable {
  var region: Number
  var national: Number
  /// 0-based lines: where the statement starts, where the national value stands, where it ends.
  var firstLine: Int
  var nationalLine: Int
  var lastLine: Int

  /// A cheap test before ``init(at:in:)``, on the line's cleaned text: false unless its first
  /// word starts with a digit and is a percentage (`90%`) or is followed by `%` or `procent`.
  static func mayStart(_ cleaned: String) -> Bool {
    cleaned.utf8.withContiguousStorageIfAvailable(mayStart(bytes:)) ?? true
  }

  /// ``mayStart(_:)`` over a cleaned text's bytes.
  static func mayStart(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, first >= 0x30 && first <= 0x39,
      let space = ByteSearch.firstIndex(of: 0x20, in: bytes)
    else { return false }
    if bytes[space - 1] == UInt8(ascii: "%") { return true }
    let end = ByteSearch.firstIndex(of: 0x20, in: bytes, from: space + 1) ?? bytes.count
    let second = UnsafeBufferPointer(rebasing: bytes[(space + 1)..<end])
    return second.elementsEqual("%".utf8) || second.elementsEqual("procent".utf8)
  }

  /// Reads a statement starting at `index`; nil when the line does not start one.
  init?(at index: Int, in lines: [String]) {
    guard FigureText.startsWithDigit(lines[index]) else { return nil }
    let firstWords = NumberRun.words(in: Substring(lines[index])).map { String($0.text) }
    guard let (region, used) = Self.percent(firstWords, at: 0), used < firstWords.count,
      NumberWord.classify(Substring(firstWords[used])) == .other
    else { return nil }
    var words: [(text: String, line: Int)] = firstWords.map { ($0, index) }
    // Cheap test before the words are lower-cased and compared: `jämfört` holds `m` and `f`
    // side by side (in either case), and no other character lower-cases to either.
    var mayCompare = Self.mayMentionComparison(firstWords)
    var blanks = 0
    var i = index
    while true {
      if mayCompare, let (national, line) = Self.comparison(words) {
        self.region = region
        self.national = national
        self.firstLine = index
        self.nationalLine = line
        self.lastLine = i
        return
      }
      i += 1
      guard i < lines.count, i <= index + 8 else { return nil }
      let lineWords = NumberRun.words(in: Substring(lines[i])).map { String($0.text) }
      if lineWords.isEmpty {
        blanks += 1
        if blanks > 2 { return nil }
        continue
      }
      blanks = 0
      if Self.percent(lineWords, at: 0) != nil || FigureText.bullet(FigureText.clean(lines[i])) != nil { return nil }
      words += lineWords.map { ($0, i) }
      mayCompare = mayCompare || Self.mayMentionComparison(lineWords)
    }
  }

  /// False when no word holds the bytes `mf` in any case, so none lower-cases to `jämfört`.
  static func mayMentionComparison(_ words: [String]) -> Bool {
    words.contains { word in
      var previousM = false
      return !ByteSearch.allBytes(of: word) { byte in
        if previousM && byte | 0x20 == UInt8(ascii: "f") { return false }
        previousM = byte | 0x20 == UInt8(ascii: "m")
        return true
      }
    }
  }

  /// The percentage at `words[index]` (`90%`, `90 %`, `90 procent`) and the index after it.
  static func percent(_ words: [String], at index: Int) -> (Number, Int)? {
    guard index < words.count, case .digits(let digits) = NumberWord.classify(Substring(words[index])),
      let number = SwedishNumber.parse(words[index])
    else { return nil }
    if digits.percent { return (number.value, index + 1) }
    if index + 1 < words.count, words[index + 1] == "%" || words[index + 1] == "procent" {
      return (number.value, index + 2)
    }
    return nil
  }

  /// The national value of `… jämfört med P% för riket …` and its line, nil until the words hold one.
  static func comparison(_ words: [(text: String, line: Int)]) -> (Number, Int)? {
    let texts = words.map { $0.text.lowercased() }
    var i = 0
    while i + 2 < texts.count {
      if texts[i] == "jämfört", texts[i + 1] == "med", let (value, after) = percent(words.map(\.text), at: i + 2) {
        let reference = texts[after..<min(after + 4, texts.count)]
        if reference.contains(where: Self.isNationalReference) { return (value, words[i + 2].line) }
      }
      i += 1
    }
    return nil
  }

  /// `riket`, `rikets`, `rikssnittet`, `riksgenomsnittet`, `landet`, `sverige`, `nationellt`.
  static func isNationalReference(_ word: String) -> Bool {
    let word = String(FigureText.trimmingPunctuation(Substring(word)))
    return word.hasPrefix("rike") || word.hasPrefix("riks") || word == "landet" || word.hasPrefix("sverige")
      || word.hasPrefix("nationell")
  }
}
