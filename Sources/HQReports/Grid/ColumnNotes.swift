/// Notes under a table that say which of its year columns hold no value, so that a row with
/// fewer numbers than columns is placed:
///
///     Namn                          Utfall 2020  Utfall 2021  Utfall 2022  Utfall 2023  Utfall 2024
///     Andel elever som klarat alla delprov          70 %         67 %
///     Genomsnittligt meritvärde     245,7  239,2  237  236,5
///     Utfall för nationella prov och betyg för 2024 publiceras v48 2024. 2020-2021 genomfördes
///     inte nationella prov pga pandemin.
///
/// - A **note** is a sentence of the lines right under the table (before a blank line after
///   them, a heading or another table; page furniture and the last row's label going on in
///   lower case passed over) that names years and says
///   their values are not there: `publiceras` (later), `saknas`, `finns inte`, `genomfördes
///   inte`, … (``Vocabulary/absencePhrases``). A year right after a week or a month (`v48 2024`,
///   `i november 2024`) is a date, not a year the note is about; what follows a cause (`pga`,
///   `på grund av`, `eftersom`) is not read.
/// - Its **scope**: the rows whose label names what the note is about (`nationella prov och
///   betyg` covers `delprov`, `provbetyg` and what grades give, `meritvärde`, `behöriga`,
///   ``Vocabulary/noteTopicStems``); a note naming nothing but generic words (`Uppgifter för
///   2024 saknas`) covers every row.
/// - A row holding `k` numbers in one reading (``RunReading/shortReading(_:below:)``) under
///   year columns is placed when exactly one choice of the notes covering it leaves exactly `k`
///   columns: above, the two numbers of `delprov` go to 2022 and 2023 (both notes), the four of
///   `meritvärde` to 2020–2023 (only the grade note covers it). A row no note places, or two
///   choices place differently, stays unread.
enum ColumnNotes {
  /// What one note says: the years without values and the row-label stems it is about.
  struct Note: Sendable, Equatable {
    var years: Set<Int>
    var stems: [String]
    /// True when the note names no topic (only generic words): it is about every row.
    var everyRow: Bool

    func covers(_ label: String) -> Bool {
      if everyRow { return true }
      let lowered = label.lowercased()
      return stems.contains { ByteSearch.contains(lowered, $0) }
    }
  }

  /// The most lines under a table read for its notes.
  static let maxNoteLines = 4

  /// Places the grid's short rows by the notes under it, then by the changes the prose states
  /// (`changes`, worked out once per report when first needed).
  static func place(_ grid: inout Grid, lines: [String], context: GridContext, changes: inout [StatedChange]?) {
    guard grid.rows.contains(where: { $0.shortRun != nil && $0.unreadReason != nil }), let last = grid.lines.max() else { return }
    let years = columnYears(grid)
    guard !years.isEmpty else { return }
    let notes = self.notes(after: last, lines: lines, context: context)
    if changes == nil { changes = statedChanges(in: lines) }
    let stated = changes ?? []
    guard !notes.isEmpty || !stated.isEmpty else { return }
    // The ways each short row reads as fewer numbers, worked out only now.
    var readings: [Int: [ShortReading]] = [:]
    for (r, row) in grid.rows.enumerated() where row.unreadReason != nil {
      guard let run = row.shortRun else { continue }
      let found = RunReading.shortReadings(run, below: grid.columnCount).map { reading in
        ShortReading(cells: reading.spans.map { GridCell(text: RunReading.text(run, $0)) }, numbers: reading.numbers, isOnlyReading: reading.only)
      }
      if !found.isEmpty { readings[r] = found }
    }
    for (r, found) in readings where !notes.isEmpty {
      guard found.count == 1, found[0].isOnlyReading,
        let columns = placement(of: found[0].cells.count, label: grid.rows[r].label, notes: notes, years: years)
      else { continue }
      fill(&grid.rows[r], found[0], columns: columns, count: grid.columnCount)
      readings[r] = nil
    }
    if !readings.isEmpty, !stated.isEmpty { placeByChanges(&grid, readings, stated, years: years) }
  }

  static func fill(_ row: inout GridRow, _ reading: ShortReading, columns: [Int], count: Int) {
    var cells = [GridCell?](repeating: nil, count: count)
    for (k, c) in columns.enumerated() { cells[c] = reading.cells[k] }
    row.cells = cells
    row.unreadReason = nil
    row.shortRun = nil
  }

  /// The year of each value column, when every column names exactly one and no two the same;
  /// empty otherwise.
  static func columnYears(_ grid: Grid) -> [Int] {
    var years: [Int] = []
    for c in 0..<grid.columnCount {
      let found = Set(grid.headerText(of: c).split(ascii: " ").compactMap { Vocabulary.year(in: $0) })
      guard found.count == 1, let year = found.first, !years.contains(year) else { return [] }
      years.append(year)
    }
    return years
  }

  /// The columns `count` numbers of a row labelled `label` stand in: those left when the years of
  /// exactly one choice of the notes covering the row are taken away; nil when no choice or
  /// several leave `count` columns.
  static func placement(of count: Int, label: String, notes: [Note], years: [Int]) -> [Int]? {
    var sets: [Set<Int>] = []
    for note in notes where note.covers(label) {
      let named = note.years.intersection(years)
      if !named.isEmpty, !sets.contains(named) { sets.append(named) }
    }
    guard !sets.isEmpty, sets.count <= 8 else { return nil }
    var found: [Int]?
    for mask in 1..<(1 << sets.count) {
      var absent = Set<Int>()
      for (k, set) in sets.enumerated() where mask & (1 << k) != 0 { absent.formUnion(set) }
      let left = years.indices.filter { !absent.contains(years[$0]) }
      guard left.count == count else { continue }
      if let found, found != left { return nil }
      found = left
    }
    return found
  }

  /// The notes in the lines right under line `last`.
  static func notes(after last: Int, lines: [String], context: GridContext) -> [Note] {
    var text: [String] = []
    var i = last + 1
    while i < lines.count, text.count < maxNoteLines {
      let line = lines[i].trimmingSpaces
      if context.furniture.contains(i) || TextTables.isComment(line) {
        i += 1
        continue
      }
      if line.isEmpty {
        if !text.isEmpty { break }
        i += 1
        continue
      }
      if context.headings.contains(i) || line.hasPrefix("|") || line.hasPrefix("[") { break }
      // A line in lower case before the note goes on with the last row's label.
      if text.isEmpty, line.first?.isLowercase == true {
        i += 1
        continue
      }
      text.append(line)
      i += 1
    }
    guard !text.isEmpty else { return [] }
    return sentences(text.joined(separator: " ")).compactMap(note(in:))
  }

  /// The sentences of a note's text: split after a period and a space.
  static func sentences(_ text: String) -> [String] {
    var result: [String] = []
    var current: [Substring] = []
    for word in text.split(ascii: " ") {
      current.append(word)
      if word.hasSuffix("."), !Vocabulary.isAbbreviation(word) {
        result.append(current.joined(separator: " "))
        current = []
      }
    }
    if !current.isEmpty { result.append(current.joined(separator: " ")) }
    return result
  }

  /// The note one sentence makes, nil when it names no year or does not say values are absent.
  static func note(in sentence: String) -> Note? {
    var lowered = sentence.lowercased()
    // What follows a cause (`pga pandemin`) is not what the note is about.
    for cause in Vocabulary.causeWords {
      if let range = wordRange(of: cause, in: lowered) { lowered = String(lowered[..<range.lowerBound]) }
    }
    let words = lowered.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == ";" || $0 == ":" })
    guard let absence = absence(in: words) else { return nil }
    var years = Set<Int>()
    for (k, word) in words.enumerated() {
      guard let range = yearRange(word) else { continue }
      // `v48 2024`, `vecka 48 2024`, `i november 2024`, `den 30 november 2024`: a date.
      let before = k > 0 ? words[k - 1] : ""
      if isDateWord(before) || k > 1 && Int(before) != nil && isDateWord(words[k - 2]) { continue }
      years.formUnion(range)
    }
    guard !years.isEmpty else { return nil }
    // The topic: the words before the phrase (`Utfall för nationella prov … publiceras`), else
    // those right after it up to a preposition (`genomfördes inte nationella prov`; not `i
    // årsredovisningen`, `av SCB`: where, not what).
    var topic = words[..<absence.lowerBound].filter(isTopicWord)
    if topic.isEmpty {
      topic = words[absence.upperBound...].prefix { !Vocabulary.notePrepositions.contains(String($0)) && yearRange($0) == nil }
        .filter(isTopicWord)
    }
    let stems = topic.flatMap { word -> [String] in
      let w = Vocabulary.letters(word)
      return Vocabulary.noteTopicStems[w] ?? [stem(w)]
    }
    return Note(years: years, stems: stems, everyRow: topic.isEmpty)
  }

  /// The words of the first phrase of absence in `words` (``Vocabulary/absencePhrases``).
  static func absence(in words: [Substring]) -> Range<Int>? {
    for k in words.indices {
      for phrase in Vocabulary.absencePhrases {
        let parts = phrase.split(separator: " ")
        if k + parts.count <= words.count, zip(words[k...], parts).allSatisfy({ $0 == $1 }) { return k..<(k + parts.count) }
      }
    }
    return nil
  }

  /// A word that may name what a note is about: four letters at least, no generic word.
  static func isTopicWord(_ word: Substring) -> Bool {
    let w = Vocabulary.letters(word)
    return w.count >= 4 && !Vocabulary.noteFillerWords.contains(w)
  }

  /// A word's stem for finding it in row labels: without its inflection (`simkunnighet` →
  /// `simkunnig`, `badmätningar` → `badmätning`), four letters at least.
  static func stem(_ word: String) -> String {
    for suffix in Vocabulary.inflectionSuffixes where word.hasSuffix(suffix) && word.count - suffix.count >= 4 {
      return String(word.dropLast(suffix.count))
    }
    return word
  }

  /// `2024`, `2020-2021`, `2020–2021`: the years a word names; nil for any other word.
  static func yearRange(_ word: Substring) -> ClosedRange<Int>? {
    let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" })
    guard (1...2).contains(parts.count), parts.allSatisfy({ $0.count == 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let first = Int(parts[0]), let last = Int(parts[parts.count - 1]), (1990...2099).contains(first), first <= last,
      last - first <= 30
    else { return nil }
    return first...last
  }

  /// A week or month word a date's year follows (`v48`, `vecka`, `november`).
  static func isDateWord(_ word: Substring) -> Bool {
    if word == "v" || word == "v." || word == "vecka" { return true }
    if word.hasPrefix("v"), word.count > 1, word.dropFirst().allSatisfy(\.isNumber) { return true }
    return Vocabulary.isMonthToken(word)
  }

  private static func wordRange(of phrase: String, in text: String) -> Range<String.Index>? {
    var search = text.startIndex
    while let range = text[search...].firstRange(of: phrase) {
      let startsWord = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " "
      let endsWord = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
      if startsWord && endsWord { return range }
      search = range.upperBound
    }
    return nil
  }
}
