/// Changes the prose states (`Kostnaden för undervisning per elev ökar med 4,5 % jämfört med
/// 2022`) that confirm how a table row's numbers stand under its year columns, when the row
/// alone does not say (fewer numbers than columns, or digits that group more than one way):
///
///     | Namn Utfall 2020 Utfall 2021 Utfall 2022 Utfall 2023 Utfall 2024 |
///     | Kostnad för<br>undervisning i<br>kommunal 62 502 65 337 68 215 71 309<br>… |
///
/// - A **stated change** is a sentence of a paragraph holding `jämfört med YEAR` (the year
///   within three words), one or more percentages (`4,5 %`, `3,8 % respektive 4,9 %`) and a
///   word of one direction only: up (`ökar`, `ökat`, `högre`, …) or down (`minskar`, `lägre`,
///   …; ``Vocabulary/increaseWords``, ``Vocabulary/decreaseWords``). It says: the row's latest
///   number is that much above (below) its number for YEAR.
/// - A row is **confirmed** when its label names what the sentence is about (a word of the
///   label other than generic ones — `undervisning` — found in the sentence) and exactly one
///   of its readings (``RunReading/shortReadings(_:below:)``: 62 502, 65 337, 68 215 and
///   71 309, or two numbers of twelve digits …) set over consecutive year columns gives that
///   change to the printed precision: 71 309 / 68 215 − 1 = 4,54 % → 4,5 %, so 68 215 is 2022
///   and the row fills 2020–2023.
/// - When every confirmed row of a table fills the same columns and no read row has a number
///   outside them, the table's other unread rows with a reading of as many numbers fill them
///   too (the column left out is empty in the table). Rows confirmed differently leave the
///   whole table as it was: no row is placed.
extension ColumnNotes {
  struct StatedChange: Sendable, Equatable {
    /// The change in per cent, signed by its direction.
    var percent: Double
    /// The decimals printed (`4,5` → 1): the change is confirmed to half a unit of the last.
    var decimals: Int
    var year: Int
    /// The sentence, lower case.
    var sentence: String
  }

  /// The most lines a paragraph is followed up or down from a line holding `jämfört`.
  static let maxParagraphReach = 6

  /// Every stated change of the report's prose.
  static func statedChanges(in lines: [String]) -> [StatedChange] {
    var result: [StatedChange] = []
    var done = -1
    for i in lines.indices where i > done && ByteSearch.contains(lines[i], "jämfört") {
      func isProseLine(_ k: Int) -> Bool {
        let text = lines[k].trimmingSpaces
        return !text.isEmpty && !text.hasPrefix("|") && !TextTables.isComment(text)
      }
      var first = i
      while first > 0, i - first < maxParagraphReach, isProseLine(first - 1) { first -= 1 }
      var last = i
      while last + 1 < lines.count, last - i < maxParagraphReach, isProseLine(last + 1) { last += 1 }
      done = last
      let paragraph = lines[first...last].map(\.trimmingSpaces).joined(separator: " ")
      for sentence in sentences(paragraph) {
        result.append(contentsOf: changes(in: sentence))
      }
    }
    return result
  }

  /// The changes one sentence states.
  static func changes(in sentence: String) -> [StatedChange] {
    let lowered = sentence.lowercased()
    let words = lowered.split(separator: " ")
    guard let compared = words.indices.first(where: { k in
      k + 1 < words.count && words[k].hasPrefix("jämfört") && words[k + 1] == "med"
    }) else { return [] }
    let yearWords = words[(compared + 2)...].prefix(3)
    guard let year = yearWords.lazy.compactMap({ yearRange($0.trimmingCharacters(".,;:")) }).first, year.count == 1 else { return [] }
    let letters = words.map { Vocabulary.letters($0) }
    let up = letters.contains { Vocabulary.increaseWords.contains($0) }
    let down = letters.contains { Vocabulary.decreaseWords.contains($0) }
    guard up != down else { return [] }
    var result: [StatedChange] = []
    for (k, word) in words.enumerated() {
      // `4,5 %`, `4,5%`.
      var digits = Substring(word)
      if word.hasSuffix("%") {
        digits = word.dropLast()
      } else if k + 1 < words.count, words[k + 1].hasPrefix("%") {
        digits = Substring(word)
      } else {
        continue
      }
      guard !digits.isEmpty, let number = SwedishNumber.parse(String(digits)) else { continue }
      let decimals = digits.split(separator: ",").dropFirst().first?.count ?? 0
      let magnitude = abs(number.value.doubleValue)
      result.append(StatedChange(percent: down ? -magnitude : magnitude, decimals: decimals, year: year.lowerBound, sentence: lowered))
    }
    return result
  }

  /// Places the grid's unread rows confirmed by stated changes, and by them the table's others.
  /// `readings`: the ways each unread short row reads as fewer numbers, by row.
  static func placeByChanges(_ grid: inout Grid, _ readings: [Int: [ShortReading]], _ changes: [StatedChange], years: [Int]) {
    var confirmed: [(row: Int, reading: ShortReading, columns: Range<Int>)] = []
    for (r, found) in readings.sorted(by: { $0.key < $1.key }) {
      let stems = labelStems(grid.rows[r].label)
      guard !stems.isEmpty else { continue }
      let about = changes.filter { change in stems.contains { ByteSearch.contains(change.sentence, $0) } }
      guard !about.isEmpty else { continue }
      var matches: [(reading: ShortReading, columns: Range<Int>)] = []
      for reading in found {
        let count = reading.numbers.count
        for start in 0...(years.count - count) {
          let columns = start..<(start + count)
          if about.contains(where: { holds($0, reading.numbers, years: Array(years[columns])) }) {
            matches.append((reading, columns))
          }
        }
      }
      if matches.count == 1 { confirmed.append((r, matches[0].reading, matches[0].columns)) }
    }
    guard let columns = confirmed.first?.columns, confirmed.allSatisfy({ $0.columns == columns }) else { return }
    for placed in confirmed {
      fill(&grid.rows[placed.row], placed.reading, columns: Array(columns), count: grid.columnCount)
    }
    // The others, when no read row has a number in a column left out.
    let outside = grid.rows.contains { row in
      row.unreadReason == nil && row.cells.enumerated().contains { c, cell in cell != nil && !columns.contains(c) }
    }
    guard !outside else { return }
    for (r, found) in readings where grid.rows[r].unreadReason != nil {
      let fitting = found.filter { $0.numbers.count == columns.count }
      guard fitting.count == 1 else { continue }
      fill(&grid.rows[r], fitting[0], columns: Array(columns), count: grid.columnCount)
    }
  }

  /// True when `numbers`, standing in `years`, give the change: the last number against the
  /// number of the change's year, to the printed precision.
  static func holds(_ change: StatedChange, _ numbers: [SwedishNumber], years: [Int]) -> Bool {
    guard let k = years.firstIndex(of: change.year), k < numbers.count - 1 else { return false }
    let base = numbers[k].value.doubleValue
    let latest = numbers[numbers.count - 1].value.doubleValue
    guard base != 0, base.isFinite, latest.isFinite else { return false }
    let percent = (latest / base - 1) * 100
    var tolerance = 0.5
    for _ in 0..<change.decimals { tolerance /= 10 }
    return abs(percent - change.percent) <= tolerance + 1e-9
  }

  /// The stems of a row label's words that may name what a sentence is about: five letters at
  /// least, no generic word (`kostnad`, `kommunal`, `andel`, ``Vocabulary/genericLabelWords``).
  static func labelStems(_ label: String) -> [String] {
    label.lowercased().split(whereSeparator: { !$0.isLetter }).compactMap { word in
      let w = String(word)
      guard w.count >= 5, !Vocabulary.genericLabelWords.contains(w) else { return nil }
      return stem(w)
    }
  }
}

extension Substring {
  fileprivate func trimmingCharacters(_ characters: String) -> Substring {
    var text = self
    while let last = text.last, characters.contains(last) { text = text.dropLast() }
    return text
  }
}
