import HQData

/// Rows of a reading-order table that hold fewer numbers than the table has columns, placed by
/// the total under them:
///
///     Belopp i mnkr                Utfall 2023  Budget 2024  Prognos 2024  Plan 2025
///     Inköp av inventarier             -40          -52          -49         -55
///     Nya verksamhetslokaler                        -310         -290       -405
///     Försäljning av fastigheter 6
///     Summa investeringar              -34         -362         -339        -460
///
/// - A row is **laid out** when its numbers stand apart from its label by two or more spaces
///   (`Nya verksamhetslokaler      -310`): the numbers are the row's values, in columns. A row
///   whose numbers follow its label after one space (`Försäljning av fastigheter 6`) may end
///   in a note reference, or its value's column is not shown; it is never placed here.
/// - A **total** is a read row every value column of which is the sum of the rows right above
///   it from the table's first row, from under a label standing alone or from under a `Summa`
///   row (a cell without a number counts as zero), within the rounding of the total's printed
///   numbers; two columns at least compare, and no row above has a number under a column the
///   total leaves empty.
/// - Each short row above a total may stand in any columns that keep its numbers in order (a
///   row not laid out may also hold no value at all). A laid-out row is placed when every
///   choice of columns for the short rows that makes the total add up puts it in the same
///   columns: above, `-310 -290 -405` in Budget 2024 to Plan 2025 (−40 + 6 = −34 puts the lone
///   6 under Utfall 2023, which is not placed: its line does not show its column). Totals that
///   place a row differently leave it unread.
extension TextTables {
  /// The most short rows one total places together.
  static let maxSumOpenRows = 6
  /// The most rows above a total that its sum may take.
  static let maxSumBlock = 16
  /// The most choices of columns tried for one block of rows.
  static let maxSumChoices = 200_000

  /// One way a short row may stand: its numbers by column (nil for an empty cell).
  private struct SumWay {
    var values: [Double?]
    var cells: [GridCell?]
  }

  /// Places the laid-out short rows of `rows` (each of `columns` value columns) by the totals
  /// under them.
  static func placeShortRowsBySums(_ rows: inout [GridRow], columns: Int) {
    guard columns >= 2 else { return }
    // The ways each unread short row may stand, and whether it is laid out.
    var ways: [Int: [SumWay]] = [:]
    var laidOut: Set<Int> = []
    for (r, row) in rows.enumerated() where row.unreadReason != nil {
      guard let run = row.shortRun, let found = sumWays(run, columns: columns) else { continue }
      let spaced = isLaidOut(run)
      ways[r] = spaced ? found : found + [SumWay(values: Array(repeating: nil, count: columns), cells: Array(repeating: nil, count: columns))]
      if spaced { laidOut.insert(r) }
    }
    guard !laidOut.isEmpty else { return }
    var placed: [Int: Int] = [:]
    var contested: Set<Int> = []
    for total in rows.indices where rows[total].unreadReason == nil {
      guard let expected = amounts(rows[total].cells, columns: columns), expected.filter({ $0 != nil }).count >= 2 else { continue }
      var start = total - 1
      while start >= 0, total - start <= maxSumBlock {
        let row = rows[start]
        guard row.unreadReason == nil || ways[start] != nil else { break }
        defer { start -= 1 }
        // A sum starts at the table's first row, under a label standing alone (`Investerings-
        // verksamheten`) or under a total (`Summa …`).
        guard start == 0 || rows[start - 1].isLabelOnly || Self.namesTotal(rows[start - 1].label) else { continue }
        let block = Array(start..<total)
        let open = block.filter { ways[$0] != nil }
        guard open.contains(where: { laidOut.contains($0) }) else { continue }
        guard open.count <= maxSumOpenRows else { break }
        let choices = open.reduce(1) { $0 * (ways[$1]?.count ?? 1) }
        guard choices <= maxSumChoices else { break }
        // The fixed rows' sum and the columns they fill.
        var fixed = [Double](repeating: 0, count: columns)
        var filled = [Bool](repeating: false, count: columns)
        var readable = true
        for r in block where ways[r] == nil {
          guard let values = amounts(rows[r].cells, columns: columns) else {
            readable = false
            break
          }
          for c in 0..<columns {
            if let v = values[c] {
              fixed[c] += v
              filled[c] = true
            }
          }
        }
        guard readable else { break }
        guard let agreed = agreedWays(open, ways, fixed: fixed, filled: filled, expected: expected, total: rows[total].cells) else {
          continue
        }
        for (r, way) in agreed where laidOut.contains(r) {
          if let earlier = placed[r], earlier != way { contested.insert(r) }
          placed[r] = way
        }
      }
    }
    for (r, way) in placed where !contested.contains(r) {
      guard let chosen = ways[r]?[way] else { continue }
      rows[r].cells = chosen.cells
      rows[r].unreadReason = nil
      rows[r].shortRun = nil
    }
  }

  /// True when a row label names a total (`Summa …`, `Totalt`, `S:a …`).
  static func namesTotal(_ label: String) -> Bool {
    let lower = SimpleText.lowercased(label)
    return lower.hasPrefix("summa") || lower.hasPrefix("totalt") || lower.hasPrefix("total ") || lower.hasPrefix("s:a")
  }

  /// For the open rows of one block, the way each stands in when every choice that makes the
  /// total add up agrees on it (rows the choices disagree on left out); nil when no choice adds
  /// up. The choices are walked depth first with the column sums kept as they go.
  private static func agreedWays(
    _ open: [Int], _ ways: [Int: [SumWay]], fixed: [Double], filled: [Bool], expected: [Double?], total: [GridCell?]
  ) -> [Int: Int]? {
    let columns = fixed.count
    let tolerance = (0..<columns).map { c -> Double in
      guard let text = total[c]?.text, let n = SwedishNumber.parse(text, parentheses: true) else { return 0 }
      var unit = 1.0
      for _ in 0..<Int(n.value.scale) { unit /= 10 }
      return unit * 1.01
    }
    // Each way as the columns it fills and their values.
    let options: [[[(column: Int, value: Double)]]] = open.map { r in
      (ways[r] ?? []).map { way in way.values.enumerated().compactMap { c, v in v.map { (c, $0) } } }
    }
    var sum = fixed
    var count = filled.map { $0 ? 1 : 0 }
    var index = [Int](repeating: 0, count: open.count)
    var agreed: [Int]?
    var differs = [Bool](repeating: false, count: open.count)
    func check() {
      var compared = 0
      for c in 0..<columns {
        if let e = expected[c] {
          guard abs(sum[c] - e) <= tolerance[c] else { return }
          if count[c] > 0 { compared += 1 }
        } else if count[c] > 0 {
          return
        }
      }
      guard compared >= 2 else { return }
      if let earlier = agreed {
        for k in index.indices where earlier[k] != index[k] { differs[k] = true }
      } else {
        agreed = index
      }
    }
    func walk(_ k: Int) {
      guard k < open.count else {
        check()
        return
      }
      for (i, way) in options[k].enumerated() {
        index[k] = i
        for (c, v) in way {
          sum[c] += v
          count[c] += 1
        }
        walk(k + 1)
        for (c, v) in way {
          sum[c] -= v
          count[c] -= 1
        }
      }
    }
    walk(0)
    guard let agreed else { return nil }
    var result: [Int: Int] = [:]
    for k in agreed.indices where !differs[k] { result[open[k]] = agreed[k] }
    return result
  }

  /// The row's cells as amounts; nil when a cell is no number or a percentage (they do not add).
  private static func amounts(_ cells: [GridCell?], columns: Int) -> [Double?]? {
    if cells.isEmpty { return Array(repeating: nil, count: columns) }
    guard cells.count == columns else { return nil }
    var result: [Double?] = []
    for cell in cells {
      guard let cell else {
        result.append(nil)
        continue
      }
      guard let n = SwedishNumber.parse(cell.text, parentheses: true), n.unit != "%" else { return nil }
      result.append(n.value.doubleValue)
    }
    return result
  }

  /// Every way the run's numbers may stand in `columns` columns, in order: each reading of it
  /// as fewer numbers (``RunReading/shortReadings(_:below:)``) in each choice of columns; nil
  /// when it reads no way or holds a percentage.
  private static func sumWays(_ run: RunReading.Run, columns: Int) -> [SumWay]? {
    let readings = RunReading.shortReadings(run, below: columns)
    guard !readings.isEmpty else { return nil }
    var result: [SumWay] = []
    for reading in readings {
      guard reading.numbers.allSatisfy({ $0.unit != "%" }) else { return nil }
      let texts = reading.spans.map { RunReading.text(run, $0) }
      for chosen in choices(of: reading.numbers.count, in: columns) {
        var values = [Double?](repeating: nil, count: columns)
        var cells = [GridCell?](repeating: nil, count: columns)
        for (k, c) in chosen.enumerated() {
          values[c] = reading.numbers[k].value.doubleValue
          cells[c] = GridCell(text: texts[k])
        }
        result.append(SumWay(values: values, cells: cells))
      }
    }
    return result.isEmpty ? nil : result
  }

  /// The increasing choices of `count` columns among `columns`.
  static func choices(of count: Int, in columns: Int) -> [[Int]] {
    guard count > 0, count <= columns else { return count == 0 ? [[]] : [] }
    var result: [[Int]] = []
    var current: [Int] = []
    func extend(from first: Int) {
      if current.count == count {
        result.append(current)
        return
      }
      let left = count - current.count
      guard first <= columns - left else { return }
      for c in first...(columns - left) {
        current.append(c)
        extend(from: c + 1)
        current.removeLast()
      }
    }
    extend(from: 0)
    return result
  }

  /// True when the run's numbers stand apart from a label before them by two or more spaces.
  static func isLaidOut(_ run: RunReading.Run) -> Bool {
    guard let first = run.atoms.first, first.firstWord > 0 else { return false }
    let before = run.words[first.firstWord - 1].text
    let after = run.words[first.firstWord].text
    guard before.endIndex <= after.startIndex else { return false }
    let between = before.base[before.endIndex..<after.startIndex]
    return between.count >= 2 && between.allSatisfy { $0 == " " || $0 == "\u{00A0}" }
  }
}
