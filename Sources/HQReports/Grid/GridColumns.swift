/// What each value column of a ``Grid`` means, read from its whole header: every header cell
/// over the column, top to bottom, joined (`Bokslut 2023` over `Netto-` / `kostnader` →
/// `Bokslut 2023 Nettokostnader`).
///
/// On top of ``ColumnMeaning`` (kind, year, period and unit from a header):
///
/// - A `Not` / `Not nr` column holds note references: never facts.
/// - Footnote digits glued to a year are a footnote: `Utfall 20221` is 2022.
/// - Months anywhere in the header make its period: `Utfall jan 2020 -jun 2020` → `jan–jun`,
///   `Jan – apr 2025` → `jan–apr`; a single month with a year is the period up to that month
///   (`Aug 2025`, `2025-08-31`, `tom aug` → `jan–aug`).
/// - `Delår`, `Periodens …` and `ackumulerat` are the report's part of the year; `Bokslut`, `Budget`, `Prognos`, `Plan` are the
///   whole year; an outcome of a year before the report's is the whole year.
/// - `Totalt`/`projekt` with a kind (`Totalbudget`, `Prognos för projekt`, `Utfall totalt tom
///   dec 2024`) is a project total: no year, no period.
/// - A column is **undetermined** (its numbers go to `unread`) when its header is empty, when
///   it names two different years, or when it is a bare year whose kind the report does not
///   settle: a year is an outcome (`utfall`) only when it is closed at the time of the report —
///   before the report's year, or the report's year in an annual report; in a budget, only up
///   to two years before it. A header with words of its own that name no kind (`Fond IB 2025`,
///   `Resultatfond 2025`) is a value (`värde`) of its year, not undetermined.
struct GridColumn: Sendable, Hashable {
  var header: String
  var meaning: ColumnMeaning
  var isNote = false
  /// Why the column's numbers are not facts; nil when they are.
  var undetermined: String?
}

/// What the report says that column headers are read against.
struct GridContext: Sendable {
  var reportID: String
  var source: String
  var reportYear: Int?
  /// `jan–aug`, `helår`, …
  var reportPeriod: String
  /// `årsredovisning`, `delårsrapport`, `budget`, …
  var reportKind: String
  var documentUnit: String
  var words: DocumentWords
  /// For each 0-based line, the title of its section.
  var sectionTitles: [String]
  /// The 0-based lines that are headings.
  var headings: Set<Int> = []
  /// The 0-based lines that are page furniture (running headers and footers, page numbers).
  var furniture: Set<Int> = []
  /// The amounts the prose states with a unit.
  var unitEvidence = UnitEvidence()

  func section(_ line: Int) -> String { sectionTitles.indices.contains(line) ? sectionTitles[line] : "" }
}

enum GridColumns {
  static func read(_ grid: Grid, caption: String, context: GridContext) -> [GridColumn] {
    let meaningContext = ColumnMeaning.Context(
      caption: caption, reportYear: context.reportYear, reportPeriod: context.reportPeriod,
      documentUnit: context.documentUnit)
    return (0..<grid.columnCount).map { column($0 < grid.columnCount ? grid.headerText(of: $0) : "", meaningContext, context) }
  }

  static func column(_ rawHeader: String, _ meaningContext: ColumnMeaning.Context, _ context: GridContext) -> GridColumn {
    let words = rawHeader.split(ascii: " ").map(String.init)
    // Footnote digits on years (`20221` → `2022`) and marks (`2024*`) go.
    let header = words.map { word -> String in
      if let year = Vocabulary.year(in: word), word.prefix(while: \.isNumber).count == 5 { return String(year) }
      return word
    }.joined(separator: " ")
    var meaning = ColumnMeaning(header: header, context: meaningContext)
    var column = GridColumn(header: header, meaning: meaning)
    let letters = Vocabulary.letters(header)
    if letters.isEmpty && Vocabulary.year(in: header) == nil {
      column.undetermined = "the column has no header"
      return column
    }
    if Vocabulary.namesNoteColumn(header) {
      column.isNote = true
      return column
    }
    // A header breaking off in a word (`Budget-` whose `avvikelse` was not read with it) names
    // only part of the word: what the column holds is not read from the part.
    if let last = words.last, last.count >= 3, last.hasSuffix("-"), last.dropLast().last?.isLetter == true {
      column.undetermined = "the header '\(header)' breaks off in a word"
      return column
    }
    // A year range (`Snitt 2022-2024`, `2019 till 2024`): no year; ColumnMeaning gives the
    // range as the period.
    if FigureYearWords.range(in: header) != nil {
      column.meaning = meaning
      return column
    }
    let years = Set(words.compactMap { Vocabulary.year(in: $0) })
    let months = monthsIn(words)
    let kindNamed = words.contains { Vocabulary.isKindWord($0) }
    if years.count > 1 && FigureYearWords.range(in: header) == nil {
      column.undetermined = "the header names \(years.count) years"
      return column
    }
    let year = years.first
    // A project total: no year, no period.
    if kindNamed, letters.contains("total") || letters.contains("projekt") {
      meaning.year = nil
      meaning.period = ""
      column.meaning = meaning
      return column
    }
    // A period with a year and no kind word (`Jan–apr 2025`) is that period's outcome.
    if !kindNamed, year != nil, !months.isEmpty {
      meaning.kind = .utfall
    } else if !kindNamed, let year {
      if isClosed(year, context) {
        meaning.kind = .utfall
      } else if meaning.kind == .utfall || meaning.kind == .värde {
        // Words of its own that name no kind (`Fond IB 2025`, `Resultatfond 2025`, `Återställas
        // senast 2026`): a value of that year, what the header names; a balance at the year's
        // end (`UB`) is of the whole year.
        let own = words.filter { word in
          let letters = Vocabulary.letters(word)
          return Vocabulary.year(in: word) == nil && letters.count >= 2 && !Vocabulary.headerWords.contains(letters)
            && !Vocabulary.stubWords.contains(letters) && !Vocabulary.connectors.contains(letters)
            && ColumnMeaning.unitWord(word) == nil && Month.number(of: letters) == nil
        }
        guard !own.isEmpty else {
          column.undetermined = "a column headed \(year) alone: whether it holds outcomes or plans is not stated"
          return column
        }
        meaning.kind = .värde
        meaning.year = year
        meaning.period = own.contains { Vocabulary.closingBalanceWords.contains(Vocabulary.letters($0)) } ? "helår" : ""
        column.meaning = meaning
        return column
      }
    }
    // Period.
    if months.count >= 2 {
      meaning.period = "\(Month.abbreviation(months[0]))–\(Month.abbreviation(months[months.count - 1]))"
    } else if meaning.kind == .budget || meaning.kind == .prognos || meaning.kind == .mål && year != nil {
      meaning.period = "helår"
    } else if months.count == 1 {
      // A month alone (`augusti`, under a `Prognos` the layout set over another column) says
      // neither what the column holds nor of which year.
      if !kindNamed, year == nil, meaning.year == nil || meaning.year == context.reportYear {
        column.undetermined = "a column headed '\(header)' alone: whether it holds outcomes or forecasts is not stated"
        return column
      }
      meaning.period = months[0] == 12 ? "helår" : "jan–\(Month.abbreviation(months[0]))"
      if !kindNamed { meaning.kind = .utfall }
    } else if letters.contains("delår") || letters.hasPrefix("periodens") || letters.contains("ackumul") {
      meaning.period = context.reportPeriod == "helår" ? "" : context.reportPeriod
    } else if letters.contains("bokslut") || meaning.kind == .avvikelse {
      meaning.period = "helår"
    } else if meaning.kind == .utfall,
      year != nil || meaning.year.map({ $0 < (context.reportYear ?? Int.max) }) == true
    {
      // An outcome of a year, no months named: the year's (`Utfall 2020` in a series).
      meaning.period = "helår"
    }
    if let year { meaning.year = year }
    column.meaning = meaning
    return column
  }

  /// True when `year` is over at the time of the report: before the report's year, or the
  /// report's own year in an annual report; in a budget, two years before or earlier.
  static func isClosed(_ year: Int, _ context: GridContext) -> Bool {
    guard let reportYear = context.reportYear else { return false }
    if context.reportKind == "budget" { return year <= reportYear - 2 }
    if year < reportYear { return true }
    return year == reportYear && context.reportPeriod == "helår"
  }

  /// `2024-08-31`, `31.12.2024`: a date.
  static func isDate(_ word: some StringProtocol) -> Bool {
    let parts = word.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" })
    return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
  }

  /// The months a header names, in order (`jan`, `-jun` → 1, 6; `2024-08-31` → 8).
  static func monthsIn(_ words: [String]) -> [Int] {
    var months: [Int] = []
    for word in words {
      // A date: 2024-08-31.
      let parts = word.split(whereSeparator: { $0 == "-" || $0 == "–" })
      if parts.count == 3, parts[0].count == 4, let month = Int(parts[1]), (1...12).contains(month),
        parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
      {
        months.append(month)
        continue
      }
      for part in parts {
        let letters = String(part.filter(\.isLetter))
        if letters.count >= 3, let month = Month.number(of: letters) { months.append(month) }
      }
    }
    return months
  }
}
