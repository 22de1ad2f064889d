/// Spreading header lines written as one run of words (`Namn Utfall 2020 Utfall 2021 Utfall
/// 2022`, or a converter's header cell `Delår Delår Bokslut Budget<br>2024 2025 2024 2025`)
/// over a known number of columns.
///
/// Each line is spread on its own, by the first rule that fits it exactly:
///
/// 1. as many words as columns: one word per column;
/// 2. as many years as columns: the line cut at each year (a line starting with a year is cut
///    before the next year, `2020 -jun 2021 -jun` → `2020 -jun`, `2021 -jun`; otherwise after
///    each year, `Utfall 2020 Utfall 2021` → `Utfall 2020`, `Utfall 2021`);
/// 3. as many kind words (`Utfall`, `Budget`, `Delår`, …) as columns: cut before each;
/// 4. a multiple of the column count with the same kind of word at each place: cut evenly
///    (`Utfall jan Utfall jan` → `Utfall jan`, `Utfall jan`);
/// 5. only years, one fewer than the columns, the last column's header naming a deviation
///    or a target (`Mål`):
///    the years go to the other columns (`Delår Delår Budget Prognos Avvikelse` over
///    `2024 2025 2025 2025`), also each with the words of its cell (`2023 (tkr) jan–apr 2023
///    (tkr) 2023 (tkr)`).
///
/// Words before the first column's words on a line (`Namn`, `Miljoner kronor`) are the label
/// column's header. A line of such words only is the label column's header too. A line no rule
/// fits leaves the header undetermined (nil), and the table is not read.
enum HeaderLayout {
  struct Spread: Sendable, Hashable {
    /// The label column's header.
    var stub: String
    /// One header per column.
    var columns: [String]
  }

  static func spread(_ lines: [String], columns count: Int) -> Spread? {
    guard count > 0 else { return nil }
    var stub: [String] = []
    var columns = [[String]](repeating: [], count: count)
    // A `Not` column first: lines after the one naming it spread over the other columns.
    var noteColumn = false
    var yearsShort: (years: [String], trailing: [String], offset: Int)?
    var groupLine: [String]?
    for line in lines {
      let words = line.split(ascii: " ").map(String.init)
      guard !words.isEmpty else { continue }
      // A line of one word per column under lines that already name every column, each word
      // one that goes on from a column's header — a year, a period, a kind word in lower case
      // (`helår helår avvikelse 2025` under `Budget Prognos Budget- Utfall jan–apr`): each
      // word goes on its column's header (`Budget-` + `avvikelse` → `Budgetavvikelse`).
      // Each word may carry the column's unit (`helår, mnkr helår, mnkr avvikelse, mnkr 2023, mnkr`).
      if columns.allSatisfy({ !$0.isEmpty }), let cells = continuation(words, count) {
        for (c, cell) in cells.enumerated() { columns[c].append(cell) }
        continue
      }
      // Column groups (`Kommunen  Koncernen`): each spans an equal share of the columns after a
      // `Not` column.
      let groups = words.filter { Vocabulary.groupWords.contains(Vocabulary.letters($0)) }
      if !groups.isEmpty, groups.count == words.count, groups.count >= 2 {
        groupLine = groups
        continue
      }
      guard let firstHeader = words.firstIndex(where: { Vocabulary.startsColumnHeader($0) }) else {
        stub += words
        continue
      }
      let lead = Array(words[..<firstHeader])
      let rest = Array(words[firstHeader...])
      let offset = noteColumn ? 1 : 0
      let target = count - offset
      if offset == 0, count >= 2, Vocabulary.letters(rest[0]) == "not", let cells = cut(Array(rest.dropFirst()), count - 1) {
        // `Not  2024-12-31  Aug 2025`: the note column, then the others.
        stub += lead
        noteColumn = true
        columns[0].append(rest[0])
        for (c, cell) in cells.enumerated() { columns[c + 1].append(cell) }
      } else if let cells = cut(rest, target) {
        stub += lead
        for (c, cell) in cells.enumerated() { columns[c + offset].append(cell) }
        if offset == 0, Vocabulary.letters(cells[0]) == "not" { noteColumn = true }
      } else if offset == 0, let cells = cut(words, count) {
        for (c, cell) in cells.enumerated() { columns[c].append(cell) }
      } else if let open = completion(columns, rest, from: offset) {
        // A line completing the cells above that lack a year (`Prognos` / `2025`), one word each.
        stub += lead
        for (c, word) in zip(open, rest) { columns[c].append(word) }
      } else if yearsShort == nil, let split = yearsThenWords(rest), split.years.count == target - 1 {
        // Rule 5: years for all columns but the last, which names a deviation; words after
        // the years belong to it (`2023 2023 mot budget`).
        stub += lead
        yearsShort = (split.years, split.trailing, offset)
      } else if yearsShort == nil, let cells = structural(rest), cells.count == target - 1,
        cells.allSatisfy({ $0.split(ascii: " ").contains { Vocabulary.year(in: $0) != nil } })
      {
        // The same, each year with the words of its cell (`2023 (tkr) jan–apr 2023 (tkr) 2023
        // (tkr)` under `Budget Utfall Prognos Avvikelse (tkr)`).
        stub += lead
        yearsShort = (cells, [], offset)
      } else {
        return nil
      }
    }
    if let short = yearsShort {
      // The last column names a deviation, or a target, which has no year of its own
      // (`Bokslut Bokslut Bokslut Mål` over `2022 2023 2024`).
      guard let last = columns.last.map({ Vocabulary.letters($0.joined(separator: " ")) }),
        last.contains("avvik") || last == "mål" || last == "målvärde"
      else { return nil }
      for (c, year) in short.years.enumerated() { columns[c + short.offset].append(year) }
      if !short.trailing.isEmpty { columns[count - 1].append(short.trailing.joined(separator: " ")) }
    }
    if let groups = groupLine {
      let first = noteColumn ? 1 : 0
      let spanned = count - first
      guard spanned % groups.count == 0 else { return nil }
      let width = spanned / groups.count
      for (g, group) in groups.enumerated() {
        for c in (first + g * width)..<(first + (g + 1) * width) { columns[c].insert(group, at: 0) }
      }
    }
    let texts = columns.map { HeaderWords.join($0) }
    // Every column names at most one year; and either all name one, or only trailing
    // deviation columns name none.
    let years = texts.map { Set($0.split(ascii: " ").compactMap { Vocabulary.year(in: $0) }) }
    guard years.allSatisfy({ $0.count <= 1 }) else { return nil }
    // No column names two kinds (`inkl. ombudget Bokslut 2024`) but a deviation of them.
    for text in texts {
      // A kind word in lower case right after another qualifies it (`Prognos delår april`: the
      // forecast of the April report).
      let words = text.split(ascii: " ")
      let kindWords = words.indices.filter { k in
        Vocabulary.isKindWord(words[k])
          && !(k > 0 && words[k].first?.isLowercase == true && Vocabulary.isKindWord(words[k - 1]))
      }
      let kinds = Set(kindWords.compactMap { ColumnMeaning.kind(of: String(words[$0]).lowercased()) })
      guard kinds.count <= 1 || kinds.contains(.avvikelse) else { return nil }
    }
    // No column holds the start of another (`Utfall 2024 Snitt 3 år`): a sign of too few columns.
    for text in texts {
      let words = text.split(ascii: " ").map(String.init)
      let kindStarts = words.indices.filter { k in
        Vocabulary.isKindWord(words[k])
          && !(k > 0 && (Vocabulary.connectors.contains(Vocabulary.letters(words[k - 1])) || Vocabulary.isKindWord(words[k - 1])))
      }
      let starts = kindStarts.count + words.filter { Vocabulary.averageWords.contains(Vocabulary.letters($0)) }.count
      guard starts <= 1 else { return nil }
    }
    // A column without a year names at least what it holds (`Prognos helår`, `Avvikelse %`):
    // a column left with stray words only is a sign the words were spread wrongly.
    let first = noteColumn ? 1 : 0
    if years.contains(where: { !$0.isEmpty }) {
      for c in first..<count where years[c].isEmpty {
        let words = texts[c].split(ascii: " ")
        guard words.contains(where: { Vocabulary.isKindWord($0) || Vocabulary.letters($0) == "procent" || $0 == "%" })
        else { return nil }
      }
    }
    return Spread(stub: stub.joined(separator: " "), columns: texts)
  }

  /// The words cut into `count` cells of one word that goes on from a column's header
  /// (``goesOnFromColumn(_:)``) each, or of such a word and a unit (`helår, mnkr`); nil when
  /// they cannot be.
  static func continuation(_ words: [String], _ count: Int) -> [String]? {
    guard count > 0, words.count % count == 0, words.count / count <= 2 else { return nil }
    let size = words.count / count
    var cells: [String] = []
    for start in stride(from: 0, to: words.count, by: size) {
      let group = words[start..<(start + size)]
      var first = group[start]
      if size > 1, first.hasSuffix(",") { first.removeLast() }
      guard goesOnFromColumn(first), group.dropFirst().allSatisfy({ ColumnMeaning.unitWord($0) != nil }) else { return nil }
      cells.append(group.joined(separator: " "))
    }
    return cells
  }

  /// A word that goes on from a column's header on the line below it: a year, a month or
  /// period (`jan–apr`, `helår`, `delår`), `%`, `procent`, or a kind word in lower case
  /// (`avvikelse`, `prognos`).
  static func goesOnFromColumn(_ word: String) -> Bool {
    if Vocabulary.year(in: word) != nil || Vocabulary.isMonthToken(word) || word == "%" { return true }
    if ["helår", "delår", "procent"].contains(Vocabulary.letters(word)) { return true }
    return word.first?.isLowercase == true && Vocabulary.isKindWord(word)
  }

  /// Every way to spread the lines when one line holds a single complete cell (`Prognos 2025`,
  /// a header set on one line between others set on two) and the other lines spread over the
  /// remaining columns: the cell is put in each place in turn. The caller keeps the one the
  /// table's arithmetic confirms (``GridArithmetic``).
  static func insertions(_ lines: [String], columns count: Int) -> [Spread] {
    guard count >= 3 else { return [] }
    var result: [Spread] = []
    for (k, line) in lines.enumerated() {
      let words = line.split(ascii: " ").map(String.init)
      guard let first = words.firstIndex(where: { Vocabulary.startsColumnHeader($0) }) else { continue }
      let cell = words[first...].joined(separator: " ")
      guard structural(Array(words[first...]))?.count == 1, Vocabulary.isKindWord(words[first]) else { continue }
      var others = lines
      others.remove(at: k)
      guard let rest = spread(others, columns: count - 1) else { continue }
      for position in 0..<count {
        var columns = rest.columns
        columns.insert(cell, at: position)
        let stub = [rest.stub, words[..<first].joined(separator: " ")].filter { !$0.isEmpty }.joined(separator: " ")
        result.append(Spread(stub: stub, columns: columns))
      }
      break
    }
    return result
  }

  /// The columns a line of single words completes: as many words as columns (from `first`) that
  /// have a header without a year, in order; nil otherwise.
  private static func completion(_ columns: [[String]], _ words: [String], from first: Int) -> [Int]? {
    let open = columns.indices.filter { c in
      c >= first && !columns[c].isEmpty && !columns[c].contains { word in
        word.split(ascii: " ").contains { Vocabulary.year(in: $0) != nil }
      }
    }
    guard !open.isEmpty, open.count == words.count, open.count < columns.count - first else { return nil }
    return open
  }

  /// The indexes of the kind words that start a column: every kind word but one in lower
  /// case going on from a kind word or a connecting word (`Budget inkl. ombudget`,
  /// `Avvikelse mot budget`, `Budgetavvikelse prognos`).
  static func cellStarts(_ words: [String]) -> [Int] {
    words.indices.filter { k in
      guard Vocabulary.isKindWord(words[k]) else { return false }
      guard k > 0, words[k].first?.isLowercase == true else { return true }
      let previous = words[k - 1]
      return !(Vocabulary.connectors.contains(Vocabulary.letters(previous)) || Vocabulary.isKindWord(previous))
    }
  }

  /// The words cut where a column's header starts: at a kind word (``cellStarts(_:)``), at a
  /// date, and at a year, month or `helår` when the cell so far already has a year
  /// (`2024-08-31 2025-08-31 Budget 2025 Prognos Avvikelse` → five cells). nil when the words
  /// do not start with such a word.
  static func structural(_ words: [String]) -> [String]? {
    let kindStarts = Set(cellStarts(words))
    var cells: [[String]] = []
    var hasYear = false
    for (k, word) in words.enumerated() {
      let isYear = Vocabulary.year(in: word) != nil
      // `helår` after a year is the next column's (`2025 2025 helår prognos–budget` under
      // `Budget Prognos Avvikelse`: `Prognos helår`), as a month after a year is.
      let isPeriod = isYear || Vocabulary.isMonthToken(word) || Vocabulary.letters(word) == "helår"
      let starts = kindStarts.contains(k) || GridColumns.isDate(word) || isPeriod && hasYear
        || cells.isEmpty && (isYear || Vocabulary.isMonthToken(word))
      if starts {
        cells.append([word])
        hasYear = isYear
      } else if cells.isEmpty {
        return nil
      } else {
        cells[cells.count - 1].append(word)
        hasYear = hasYear || isYear
      }
    }
    return cells.map { $0.joined(separator: " ") }
  }

  /// A run of years followed by other words (`2023 2023 mot budget`), nil when the words do not
  /// start with years.
  private static func yearsThenWords(_ words: [String]) -> (years: [String], trailing: [String])? {
    let years = words.prefix { Vocabulary.year(in: $0) != nil }
    guard !years.isEmpty, !words.dropFirst(years.count).contains(where: { Vocabulary.year(in: $0) != nil }) else {
      return nil
    }
    return (Array(years), Array(words.dropFirst(years.count)))
  }

  /// The words cut into `count` cells by rules 1–4, nil when none fits.
  private static func cut(_ words: [String], _ count: Int) -> [String]? {
    // One word per column only when most words are words of column headers (not a caption's
    // `utfall, belopp i mnkr`) and none is a little word that heads no column (`Förändring av
    // helårsprognosen` is a caption, not three columns).
    if words.count == count {
      let columnWords = words.filter {
        Vocabulary.startsColumnHeader($0) || Vocabulary.isKindWord($0) || $0 == "%"
      }.count
      let little = words.contains { Vocabulary.functionWords.contains(Vocabulary.letters($0)) }
      return columnWords * 2 > count && !little ? words : nil
    }
    let years = words.indices.filter { Vocabulary.year(in: words[$0]) != nil }
    if years.count == count {
      // Each year ends a cell; a word before it belongs to it (`Utfall 2020`), a word starting
      // with a dash after it (`2020 -jun`), and words after the last year to the last cell.
      var cells: [String] = []
      var pending: [String] = []
      // A line starting with a year has its dash words after their years (`2020 -jun 2021
      // -jun`); otherwise before them (`-jun 2020 -jun 2021`).
      let dashAfter = Vocabulary.year(in: words[0]) != nil
      for word in words {
        if Vocabulary.year(in: word) != nil {
          cells.append((pending + [word]).joined(separator: " "))
          pending = []
        } else if !cells.isEmpty, pending.isEmpty,
          dashAfter && (word.hasPrefix("-") || word.hasPrefix("–"))
            || word.first?.isLowercase == true && !Vocabulary.isMonthToken(word)
        {
          // After a year: `2020 -jun`, `2024 inkl. ombudget`.
          cells[cells.count - 1] += " " + word
        } else {
          pending.append(word)
        }
      }
      if !pending.isEmpty, !cells.isEmpty { cells[cells.count - 1] += " " + pending.joined(separator: " ") }
      return cells
    }
    var kinds = cellStarts(words)
    if kinds.count == count, kinds[0] == 0 {
      // A capitalised word right before a kind word goes with it (`Periodens avvikelse`).
      for k in kinds.indices.dropFirst() {
        let before = kinds[k] - 1
        if before > kinds[k - 1], words[before].first?.isUppercase == true, Vocabulary.year(in: words[before]) == nil {
          kinds[k] = before
        }
      }
      return kinds.enumerated().map { k, start in
        words[start..<(k + 1 < kinds.count ? kinds[k + 1] : words.count)].joined(separator: " ")
      }
    }
    if let cells = structural(words), cells.count == count { return cells }
    if words.count > count, words.count % count == 0 {
      let size = words.count / count
      let groups = stride(from: 0, to: words.count, by: size).map { Array(words[$0..<($0 + size)]) }
      // The same kinds of words in each group: kind words, years, months.
      let shape = { (group: [String]) -> Set<Int> in
        var kinds = Set<Int>()
        for w in group {
          if Vocabulary.isKindWord(w) { kinds.insert(1) }
          if Vocabulary.year(in: w) != nil { kinds.insert(2) }
          if Vocabulary.isMonthToken(w) { kinds.insert(3) }
        }
        return kinds
      }
      let first = shape(groups[0])
      if !first.isEmpty, groups.allSatisfy({ shape($0) == first }) {
        return groups.map { $0.joined(separator: " ") }
      }
    }
    return nil
  }
}
