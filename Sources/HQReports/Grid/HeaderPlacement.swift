/// Reading a header that reading-order text flattened, over a number of value columns known
/// from the table's rows. A PDF's header cells stand in rows of their own; in reading order each
/// row of the header becomes one line, and the words of different columns run together:
///
///     Verksamhet Bokslut 2023 Budget Prognos Avvikelse          ← `Bokslut 2023` spans three
///     Intäkter Kostnader Netto- 2024 helår mot budget              columns; `2024` goes on
///     kostnader 2024                                               `Budget`, `helår` on `Prognos`
///     Politisk verksamhet 0,4 -6,2 -5,8 -6,0 -6,1 -0,1          ← six values: six columns
///
/// Each header line is cut into **cells** (``segmentations(_:)``), and every **placement** of
/// each line's cells over the columns is tried (``readings(_:columns:)``): a cell stands over a
/// run of adjacent columns, the cells of a line in order. A placement is kept only when it is
/// consistent:
///
/// - a cell spanning several columns is split on the next line: a cell stands under each of
///   its columns (`Intäkter`, `Kostnader`, `Netto-` under `Bokslut 2023`);
/// - a cell on a lower line stands within the run of one cell on the line above (a sub-column),
///   or, starting with a kind word, over columns with nothing above (a header set lower in its
///   cell); a column's pieces are on adjacent lines;
/// - a continuation — a year, a month, a word in lower case (`helår`, `mot budget`, `%`) —
///   continues the cell above it: it stands over that cell's whole run or one column of it;
/// - a word broken at a hyphen (`Netto-`) goes on in lower case on the next line in its column
///   (`kostnader`);
/// - no two columns read alike;
/// - every column names what it holds: a kind word, a year or `%`; at most one year and one
///   kind (a deviation names the kinds it compares); when any column names a year, every column
///   but a deviation, a percentage and a `Not` column does.
///
/// A line with exactly as many cells as columns therefore fixes the columns. The placements
/// left are then checked against the table's arithmetic (``settle(_:context:)``): a deviation
/// is the difference of two columns, `Netto` the sum of `Intäkter` and `Kostnader`. Where the
/// placements left disagree on what a column holds (kind, year, period, unit or what it counts),
/// the column is undetermined and its numbers unread, with the readings as the reason.
enum HeaderPlacement {
  /// The most value columns a placed header may have.
  static let maxColumns = 16
  /// The most placements tried for one header before it is left unread.
  static let searchLimit = 10_000
  /// The most placements tried for all the headers of one text: a text of many header-like
  /// lines that no placement fits stays fast.
  static let textBudget = 100_000
  /// The most readings kept for one header before it is left unread.
  static let readingLimit = 64

  /// The label column's header and every consistent reading of the lines over `count` value
  /// columns (one header per column), nil when none is consistent or the search is too large.
  ///
  /// - Parameter limit: the most placements to try; `steps` is set to those tried.
  static func readings(
    _ lines: [String], columns count: Int, limit: Int = searchLimit, steps: inout Int
  ) -> (stub: String, readings: [[String]])? {
    steps = 0
    guard count >= 2, count <= maxColumns else { return nil }
    var texts = lines.map { $0.split(ascii: " ").map(String.init) }.filter { !$0.isEmpty }
    guard let first = texts.first, let start = first.firstIndex(where: { Vocabulary.startsColumnHeader($0) }) else {
      return nil
    }
    let stub = first[..<start].joined(separator: " ")
    texts[0] = Array(first[start...])
    let stated = statedUnit(&texts, columns: count)
    let lineAtoms = texts.map(atoms)
    // Each column names at most one year and starts with at most one head word.
    let all = lineAtoms.joined()
    guard all.filter({ $0.role == .year }).count <= count, all.filter({ $0.role == .head }).count <= count else {
      return nil
    }
    var search = Search(count: count, limit: limit)
    defer { steps = search.steps }
    var columns = [Column](repeating: Column(), count: count)
    var lineSegmentations: [[[Cell]]] = []
    for atoms in lineAtoms {
      let cuts = segmentations(atoms).filter { $0.count <= count }
      guard !cuts.isEmpty else { return nil }
      lineSegmentations.append(cuts)
    }
    search.place(lineSegmentations, line: 0, columns: &columns)
    guard !search.exhausted, !search.found.isEmpty, search.found.count <= readingLimit else { return nil }
    guard let stated else { return (stub, search.found) }
    let withUnit = search.found.map { reading in
      reading.map { text in text.split(ascii: " ").contains(where: namesPercent) ? text : text + " (\(stated))" }
    }
    return (stub, withUnit)
  }

  /// A money unit written with every column's header but a percentage's (`Budget 2024 (mnkr)`,
  /// `Utfall jan–aug 2024 (mnkr)`, … flattened to `Budget Utfall … (mnkr)` / `2024 (mnkr) jan-aug
  /// 2024 (mnkr) …`): which flattened word goes with which column does not matter, as every
  /// column has the unit. The unit words are taken out of `texts` (a comma before one with
  /// them) and the unit returned; nil, and `texts` unchanged, when the header's money units are
  /// not one per column or not all the same.
  static func statedUnit(_ texts: inout [[String]], columns count: Int) -> String? {
    let words = texts.joined()
    let units = words.compactMap { word in ColumnMeaning.unitWord(word).flatMap { $0 == "%" ? nil : $0 } }
    let percentages = words.count(where: namesPercent)
    guard let unit = units.first, Set(units).count == 1, units.count + percentages == count else { return nil }
    texts = texts.map { line in
      var kept: [String] = []
      for word in line {
        if let u = ColumnMeaning.unitWord(word), u != "%" {
          if let last = kept.last, last.hasSuffix(",") { kept[kept.count - 1] = String(last.dropLast()) }
          continue
        }
        kept.append(word)
      }
      return kept
    }.filter { !$0.isEmpty }
    return unit
  }

  static func readings(_ lines: [String], columns count: Int) -> (stub: String, readings: [[String]])? {
    var steps = 0
    return readings(lines, columns: count, steps: &steps)
  }

  // MARK: Cells

  /// A word or a group of words of a header line that no column boundary cuts.
  struct Atom: Hashable {
    enum Role: Hashable {
      /// Starts a column's header: a kind word (`Budget`, `Periodens avvikelse`), a date, `Not`.
      case head
      /// A year (`2024`, `20221`).
      case year
      /// A month or a span of months (`jan–aug`).
      case month
      /// Another word in capitals (`Intäkter`, `Helår`, `Netto-`): a sub-column's header or a
      /// word of the cell above.
      case capital
      /// A word in lower case, a connector with its word (`mot budget`), `%`.
      case lower
    }

    var text: String
    var role: Role
    /// Ends in a hyphen (`Netto-`): goes on in its column on the next line.
    var isFragment: Bool { text.count >= 3 && text.hasSuffix("-") && text.first?.isLetter == true }
  }

  /// A header line's words as atoms: a connector joins the word after it (`mot budget`, `inkl.
  /// ombudget`), a capitalised word joins a kind word after it in lower case (`Periodens
  /// avvikelse`), a hyphen fragment joins a word in lower case after it (`Netto- kostnader`).
  static func atoms(_ words: [String]) -> [Atom] {
    var result: [Atom] = []
    var k = 0
    while k < words.count {
      var text = words[k]
      var role = role(of: text)
      k += 1
      while k < words.count {
        let next = words[k]
        let connector = Vocabulary.connectors.contains(Vocabulary.letters(text.split(ascii: " ").last ?? ""))
        let lowerNext = next.first?.isLowercase == true
        if connector && !text.contains(" ") && role == .lower || text.hasSuffix("-") && lowerNext && text.count >= 3 {
          text = HeaderWords.join([text, next])
        } else if role == .capital, lowerNext, Vocabulary.isKindWord(next), !text.hasSuffix("-") {
          text += " " + next
          role = .head
        } else {
          break
        }
        k += 1
      }
      result.append(Atom(text: text, role: role))
    }
    return result
  }

  private static func role(of word: String) -> Atom.Role {
    let letters = Vocabulary.letters(word)
    if GridColumns.isDate(word) || letters == "not" { return .head }
    if Vocabulary.year(in: word) != nil, word.first?.isNumber == true { return .year }
    if Vocabulary.isMonthToken(word) { return .month }
    if Vocabulary.isKindWord(word) { return word.first?.isLowercase == true ? .lower : .head }
    return word.first?.isUppercase == true ? .capital : .lower
  }

  /// One cell of a line: its atoms, the first one's role deciding where it may stand.
  struct Cell: Hashable {
    private(set) var atoms: [Atom]
    private(set) var text: String
    private(set) var years = 0
    private(set) var heads = 0
    private(set) var months = 0
    /// The kinds its words name, and whether it names a percentage.
    private(set) var kinds: Set<FactKind> = []
    private(set) var percent = false

    init(atoms first: Atom) {
      atoms = []
      text = ""
      append(first)
    }

    mutating func append(_ atom: Atom) {
      atoms.append(atom)
      text = text.isEmpty ? atom.text : HeaderWords.join([text, atom.text])
      if atom.role == .year || GridColumns.isDate(atom.text) { years += 1 }
      if atom.role == .head { heads += 1 }
      if atom.role == .month { months += 1 }
      for word in atom.text.split(ascii: " ") {
        if Vocabulary.isKindWord(word), let kind = ColumnMeaning.kind(of: word.lowercased()) { kinds.insert(kind) }
        if HeaderPlacement.namesPercent(word) { percent = true }
      }
    }

    var role: Atom.Role { atoms[0].role }
    /// A year, a month or a word in lower case: it continues the cell above it.
    var isContinuation: Bool { role == .year || role == .month || role == .lower }
  }

  /// True when a header line may top a flattened header: it names at least two columns' kinds
  /// (two words starting a column's header, after the label column's words).
  static func mayTopHeader(_ line: String) -> Bool {
    let words = line.split(ascii: " ").map(String.init)
    guard let start = words.firstIndex(where: { Vocabulary.startsColumnHeader($0) }) else { return false }
    return atoms(Array(words[start...])).filter { $0.role == .head }.count >= 2
  }

  /// Every way to cut a line's atoms into cells. A head atom starts a cell; a year or a month
  /// joins a head cell of its line that has none (`Bokslut 2023`, `Utfall jan–aug`), and starts
  /// a cell after one that has; a capital word starts a cell, but a header word (`Helår`,
  /// `Totalt`) may also join the cell before it; any other atom may join the cell before it or
  /// start one — except after a hyphen fragment, which a word in lower case goes on.
  static func segmentations(_ atoms: [Atom]) -> [[Cell]] {
    guard let first = atoms.first else { return [] }
    var result: [[Cell]] = [[Cell(atoms: first)]]
    for atom in atoms.dropFirst() {
      var next: [[Cell]] = []
      for cells in result {
        guard let current = cells.last else { continue }
        let last = current.atoms[current.atoms.count - 1]
        var join = false
        var start = false
        switch atom.role {
        case .head:
          start = true
        case .year:
          if current.years > 0 || last.isFragment { start = true }
          else if current.role == .head && current.months == 0 { join = true }
          else { join = true; start = true }
        case .month:
          if current.years > 0 || current.months > 0 || last.isFragment { start = true }
          else if current.role == .head { join = true }
          else { join = true; start = true }
        case .capital:
          start = true
          join = Vocabulary.headerWords.contains(Vocabulary.letters(atom.text)) && !last.isFragment && !atom.isFragment
        case .lower:
          if last.isFragment { join = true }
          else { join = true; start = true }
        }
        if join {
          var joined = cells
          joined[joined.count - 1].append(atom)
          next.append(joined)
        }
        if start { next.append(cells + [Cell(atoms: atom)]) }
      }
      result = next
      if result.count > 256 { return [] }
    }
    return result
  }

  // MARK: Placement

  /// What a column holds so far.
  struct Column {
    var pieces: [String] = []
    /// The header line of the last piece, -1 when none.
    var lastLine = -1
    /// The cell (line and first column) the last piece belongs to.
    var lastCell: (line: Int, start: Int, end: Int) = (-1, -1, -1)
    var years = 0
    var heads = 0
    var months = 0
    var fragment = false
    var kinds: Set<FactKind> = []
    var percent = false
  }

  private struct Search {
    let count: Int
    let limit: Int
    var steps = 0
    var exhausted = false
    var found: [[String]] = []
    var seen: Set<[String]> = []
    var headsBelow: [Int] = []

    init(count: Int, limit: Int) {
      self.count = count
      self.limit = limit
    }

    /// Tries every segmentation of line `line` and every placement of its cells.
    mutating func place(_ lines: [[[Cell]]], line: Int, columns: inout [Column]) {
      guard !exhausted else { return }
      if headsBelow.isEmpty {
        // Per line, the most kind words the lines below it hold (a line's segmentations all
        // hold the same atoms).
        headsBelow = lines.indices.map { l in
          lines[(l + 1)...].map { $0.first?.reduce(0) { $0 + $1.heads } ?? 0 }.reduce(0, +)
        }
      }
      if line == lines.count {
        finish(columns)
        return
      }
      for cells in lines[line] {
        placeCells(cells, 0, from: 0, lines, line: line, columns: &columns)
        if exhausted { return }
      }
    }

    private mutating func placeCells(
      _ cells: [Cell], _ k: Int, from: Int, _ lines: [[[Cell]]], line: Int, columns: inout [Column]
    ) {
      steps += 1
      if steps > limit { exhausted = true }
      guard !exhausted else { return }
      if k == cells.count {
        // A hyphen fragment goes on on the next line; a cell spanning columns is split by it.
        for column in columns[from...] where mustGoOn(column, line: line) { return }
        // A column still empty gets a kind word of a line below.
        let empty = columns.filter { $0.lastLine < 0 }.count
        if empty > 0, empty > headsBelow[line] { return }
        place(lines, line: line + 1, columns: &columns)
        return
      }
      let cell = cells[k]
      let remaining = cells.count - k - 1
      let isLastLine = line == lines.count - 1
      for start in from..<count {
        // Room for the cells after it.
        guard count - start - 1 >= remaining else { break }
        // A column left out before it must need nothing on this line.
        if start > from, mustGoOn(columns[start - 1], line: line) { break }
        for end in (start + 1)...count {
          guard count - end >= remaining else { break }
          if end - start > 1 && isLastLine { break }
          guard fits(cell, start..<end, line: line, columns) else { continue }
          let saved = Array(columns[start..<end])
          for c in start..<end { add(cell, to: &columns[c], line: line, run: start..<end) }
          placeCells(cells, k + 1, from: end, lines, line: line, columns: &columns)
          columns.replaceSubrange(start..<end, with: saved)
          if exhausted { return }
        }
      }
    }

    /// True when the column needs a piece on `line`: it ends in a hyphen fragment or under a
    /// cell spanning columns on the line above.
    private func mustGoOn(_ column: Column, line: Int) -> Bool {
      column.lastCell.line == line - 1 && (column.fragment || column.lastCell.end - column.lastCell.start > 1)
    }

    /// True when `cell` may stand over `run` on `line`, given what the columns hold.
    private func fits(_ cell: Cell, _ run: Range<Int>, line: Int, _ columns: [Column]) -> Bool {
      let filled = run.filter { columns[$0].lastLine >= 0 }
      if filled.isEmpty {
        // Over columns with nothing above: a header set lower in its cell, starting with a
        // kind word (`Avvikelse`); on the first line, any cell.
        return line == 0 || cell.role == .head
      }
      guard filled.count == run.count else { return false }
      // Within one cell of the line above, on the next line.
      let parent = columns[run.lowerBound].lastCell
      guard parent.line == line - 1, run.allSatisfy({ columns[$0].lastCell == parent }) else { return false }
      // A continuation stands over the whole cell above or one column of it.
      if cell.isContinuation, run.count > 1, run != parent.start..<parent.end { return false }
      for c in run {
        let column = columns[c]
        if column.fragment && (cell.role != .lower || run.count != 1) { return false }
        if column.years + cell.years > 1 || column.heads + cell.heads > 1 || column.months + cell.months > 1 {
          return false
        }
      }
      return true
    }

    private func add(_ cell: Cell, to column: inout Column, line: Int, run: Range<Int>) {
      column.pieces.append(cell.text)
      column.lastLine = line
      column.lastCell = (line, run.lowerBound, run.upperBound)
      column.years += cell.years
      column.heads += cell.heads
      column.months += cell.months
      column.fragment = cell.atoms.last?.isFragment ?? false
      column.kinds.formUnion(cell.kinds)
      column.percent = column.percent || cell.percent
    }

    /// Keeps the reading when every column is complete and names what it holds.
    private mutating func finish(_ columns: [Column]) {
      // Checking a complete placement costs a step per column.
      steps += count
      if steps > limit { exhausted = true }
      guard !exhausted, columns.allSatisfy({ !$0.pieces.isEmpty && !$0.fragment }) else { return }
      // What ``namesEveryColumn(_:)`` checks, first on what the columns hold so far.
      let isNote = columns.map { $0.pieces.count == 1 && Vocabulary.letters($0.pieces[0]) == "not" }
      let anyYear = columns.contains { $0.years > 0 }
      for (c, column) in columns.enumerated() where !isNote[c] {
        let deviation = column.kinds.contains(.avvikelse)
        guard !column.kinds.isEmpty || column.years > 0 || column.percent,
          column.kinds.count <= 1 || deviation,
          !anyYear || column.years > 0 || deviation || column.percent
        else { return }
      }
      guard Set(columns.map(\.pieces)).count == count else { return }
      let texts = columns.map { HeaderWords.join($0.pieces) }
      guard Set(texts).count == texts.count, HeaderPlacement.namesEveryColumn(texts), !seen.contains(texts) else { return }
      seen.insert(texts)
      found.append(texts)
      if found.count > HeaderPlacement.readingLimit { exhausted = true }
    }
  }

  /// True when every column names what it holds: a `Not` column first only; every other column
  /// a kind word, a year or a percentage; at most one kind unless it is a deviation (which names
  /// the kinds it compares); and when any column names a year, every column that is no
  /// deviation, percentage or `Not` column names one.
  static func namesEveryColumn(_ texts: [String]) -> Bool {
    let words = texts.map { $0.split(ascii: " ").map(String.init) }
    let isNote = words.map { $0.count == 1 && Vocabulary.letters($0[0]) == "not" }
    guard !isNote.dropFirst().contains(true) else { return false }
    let years = words.map { $0.contains { Vocabulary.year(in: $0) != nil || GridColumns.isDate($0) } }
    let percent = words.map { $0.contains { namesPercent($0) } }
    var deviation = [Bool](repeating: false, count: texts.count)
    for (c, column) in words.enumerated() where !isNote[c] {
      let kinds = Set(column.filter { Vocabulary.isKindWord($0) }.compactMap { ColumnMeaning.kind(of: $0.lowercased()) })
      deviation[c] = kinds.contains(.avvikelse)
      guard !kinds.isEmpty || years[c] || percent[c] else { return false }
      guard kinds.count <= 1 || deviation[c] else { return false }
    }
    if years.contains(true) {
      for c in texts.indices where !years[c] && !isNote[c] && !deviation[c] && !percent[c] { return false }
    }
    return true
  }

  /// `%`, `(%)`, `Procent`: the column holds percentages.
  static func namesPercent(_ word: some StringProtocol) -> Bool {
    word == "%" || word == "(%)" || Vocabulary.letters(word) == "procent"
  }

  // MARK: Settling by the table's numbers

  /// Settles a grid whose header was placed (its ``Grid/readings``): the readings the table's
  /// arithmetic contradicts go (``GridArithmetic/holds(_:_:context:)``); the first one left
  /// becomes the header, and every column the others read with another meaning is
  /// undetermined, the readings named in the reason. When none is left, every column is.
  static func settle(_ grid: inout Grid, context: GridContext) {
    guard !grid.readings.isEmpty else { return }
    let numbers = grid.rows.filter { $0.unreadReason == nil }.map { row in
      (0..<grid.columnCount).map { c in c < row.cells.count ? row.cells[c].flatMap { SwedishNumber.parse($0.text) } : nil }
    }
    let kept = grid.readings.filter { GridArithmetic.holds($0, numbers, context: context) }
    let readings = grid.readings
    grid.readings = []
    guard let first = kept.first else {
      let reason = "no reading of the header agrees with the table's numbers: "
        + readings.prefix(3).map { "'" + $0.joined(separator: " | ") + "'" }.joined(separator: " or ")
      grid.undetermined = Dictionary(uniqueKeysWithValues: (0..<grid.columnCount).map { ($0, reason) })
      return
    }
    grid.header = [HeaderSpan.singles(first)]
    let caption = [grid.caption, grid.stub].filter { !$0.isEmpty }.joined(separator: " ")
    let meanings = kept.map { reading -> [ColumnKey] in
      var candidate = grid
      candidate.header = [HeaderSpan.singles(reading)]
      return GridColumns.read(candidate, caption: caption, context: context).map(ColumnKey.init)
    }
    for c in 0..<grid.columnCount {
      var texts: [String] = []
      var keys: Set<ColumnKey> = []
      for (reading, meaning) in zip(kept, meanings) {
        keys.insert(meaning[c])
        if !texts.contains(reading[c]) { texts.append(reading[c]) }
      }
      if keys.count > 1 {
        grid.undetermined[c] = "the header could be read as " + texts.sorted().map { "'\($0)'" }.joined(separator: " or ")
      }
    }
  }

  /// What a column holds, as far as readings of its header must agree: kind, year, period,
  /// unit, a `Not` column, and the words naming what it counts (`Intäkter`, `Kostnader`).
  struct ColumnKey: Hashable {
    var kind: FactKind
    var year: Int?
    var period: String
    var unit: String
    var isNote: Bool
    var undetermined: Bool
    var words: Set<String>

    init(_ column: GridColumn) {
      kind = column.meaning.kind
      year = column.meaning.year
      period = column.meaning.period
      unit = column.meaning.unit
      isNote = column.isNote
      undetermined = column.undetermined != nil
      words = Set(column.header.split(ascii: " ").compactMap { word -> String? in
        let letters = Vocabulary.letters(word)
        guard letters.count >= 2, !Vocabulary.isKindWord(word), Vocabulary.year(in: word) == nil,
          !Vocabulary.isMonthToken(word), !Vocabulary.headerWords.contains(letters),
          !Vocabulary.connectors.contains(letters), ColumnMeaning.unitWord(String(word)) == nil
        else { return nil }
        return letters
      })
    }
  }
}
