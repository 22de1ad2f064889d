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

  /// Places the grid's short rows by the notes under it.
  static func place(_ grid: inout Grid, lines: [String], context: GridContext) {
    guard grid.rows.contains(where: { $0.shortCells != nil }), let last = grid.lines.max() else { return }
    let years = columnYears(grid)
    guard !years.isEmpty else { return }
    let notes = self.notes(after: last, lines: lines, context: context)
    guard !notes.isEmpty else { return }
    for r in grid.rows.indices {
      guard let short = grid.rows[r].shortCells, grid.rows[r].unreadReason != nil,
        let columns = placement(of: short.count, label: grid.rows[r].label, notes: notes, years: years)
      else { continue }
      var cells = [GridCell?](repeating: nil, count: grid.columnCount)
      for (k, c) in columns.enumerated() { cells[c] = short[k] }
      grid.rows[r].cells = cells
      grid.rows[r].unreadReason = nil
      grid.rows[r].shortCells = nil
    }
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
    guard Vocabulary.absencePhrases.contains(where: { ByteSearch.contains(lowered, $0) }) else { return nil }
    let words = lowered.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == ";" || $0 == ":" })
    var years = Set<Int>()
    var stems: [String] = []
    var named = false
    for (k, word) in words.enumerated() {
      if let range = yearRange(word) {
        // `v48 2024`, `vecka 48 2024`, `i november 2024`, `den 30 november 2024`: a date.
        let before = k > 0 ? words[k - 1] : ""
        if isDateWord(before) || k > 1 && Int(before) != nil && isDateWord(words[k - 2]) { continue }
        years.formUnion(range)
        continue
      }
      let w = Vocabulary.letters(word)
      guard w.count >= 4, !Vocabulary.noteFillerWords.contains(w),
        !Vocabulary.absencePhrases.contains(where: { ByteSearch.contains($0, w) })
      else { continue }
      named = true
      stems.append(contentsOf: Vocabulary.noteTopicStems[w] ?? [stem(w)])
    }
    guard !years.isEmpty else { return nil }
    return Note(years: years, stems: stems, everyRow: !named)
  }

  /// A word's stem for finding it in row labels: its first letters, without an inflection.
  static func stem(_ word: String) -> String {
    String(word.prefix(max(4, word.count - 2)))
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
