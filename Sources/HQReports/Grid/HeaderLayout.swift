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
/// 5. only years, one fewer than the columns, the last column's header naming a deviation:
///    the years go to the other columns (`Delår Delår Budget Prognos Avvikelse` over
///    `2024 2025 2025 2025`).
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
    var yearsOnlyShort: [String]?
    for line in lines {
      let words = line.split(separator: " ").map(String.init)
      guard !words.isEmpty else { continue }
      guard let firstHeader = words.firstIndex(where: { Vocabulary.startsColumnHeader($0) }) else {
        stub += words
        continue
      }
      let lead = Array(words[..<firstHeader])
      let rest = Array(words[firstHeader...])
      if let cells = cut(rest, count) {
        stub += lead
        for (c, cell) in cells.enumerated() { columns[c].append(cell) }
      } else if let cells = cut(words, count) {
        for (c, cell) in cells.enumerated() { columns[c].append(cell) }
      } else if rest.allSatisfy({ Vocabulary.year(in: $0) != nil }), rest.count == count - 1, yearsOnlyShort == nil {
        stub += lead
        yearsOnlyShort = rest
      } else {
        return nil
      }
    }
    if let years = yearsOnlyShort {
      // Rule 5: the last column names a deviation and takes no year.
      guard let last = columns.last, Vocabulary.letters(last.joined(separator: " ")).contains("avvik") else { return nil }
      for (c, year) in years.enumerated() { columns[c].append(year) }
    }
    return Spread(stub: stub.joined(separator: " "), columns: columns.map { $0.joined(separator: " ") })
  }

  /// The words cut into `count` cells by rules 1–4, nil when none fits.
  private static func cut(_ words: [String], _ count: Int) -> [String]? {
    if words.count == count { return words }
    let years = words.indices.filter { Vocabulary.year(in: words[$0]) != nil }
    if years.count == count {
      var cells: [String] = []
      if years[0] == 0 {
        for (k, start) in years.enumerated() {
          let end = k + 1 < years.count ? years[k + 1] : words.count
          cells.append(words[start..<end].joined(separator: " "))
        }
      } else {
        var start = 0
        for end in years {
          cells.append(words[start...end].joined(separator: " "))
          start = end + 1
        }
        // Words after the last year belong to the last column (`2024 avvikelse`).
        if start < words.count { cells[cells.count - 1] += " " + words[start...].joined(separator: " ") }
      }
      return cells
    }
    let kinds = words.indices.filter { Vocabulary.isKindWord(words[$0]) }
    if kinds.count == count, kinds[0] == 0 {
      return kinds.enumerated().map { k, start in
        words[start..<(k + 1 < kinds.count ? kinds[k + 1] : words.count)].joined(separator: " ")
      }
    }
    if words.count > count, words.count % count == 0 {
      let size = words.count / count
      let groups = stride(from: 0, to: words.count, by: size).map { Array(words[$0..<($0 + size)]) }
      // The same shape at each place: kind word where a kind word is, year where a year is.
      let shape = { (w: String) -> Int in
        Vocabulary.isKindWord(w) ? 1 : (Vocabulary.year(in: w) != nil ? 2 : (Vocabulary.isMonthToken(w) ? 3 : 0))
      }
      let first = groups[0].map(shape)
      if first.contains(where: { $0 != 0 }), groups.allSatisfy({ $0.map(shape) == first }) {
        return groups.map { $0.joined(separator: " ") }
      }
    }
    return nil
  }
}
