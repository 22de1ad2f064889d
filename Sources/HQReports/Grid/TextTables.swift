import HQData

/// Reads tables written as text in reading order — a header of column words, then rows of a
/// label and a run of numbers — into ``Grid``s:
///
///     Namn                       Utfall  Utfall  Utfall Utfall Utfall      ← header: the words
///     2020   2021    2022  2023    2024                                      spread over columns
///     Antal elever inom SFI       576     488     404      521    498        (``HeaderLayout``)
///     Deltagare som anvisats till kommunala                               ← a label wrapped
///     447     276     259      254     301                                   around its numbers
///     arbetsmarknadsåtgärder, antal
///
/// - The **header** is one to four short lines holding column words (kind words, years,
///   months) that ``HeaderLayout`` spreads over a number of columns: the most kind words on a
///   line, else the most years. A line that is a word broken at a hyphen (`April-`) joins the
///   next line's first word that goes on in lower case (`uppföljning`).
/// - **Rows**: a line ending in a run of numbers is a row; lines of text around it are its
///   label. A piece starting in lower case continues the label before it (`arbetsmarknads-
///   åtgärder, antal` after its numbers). Pieces before a row's numbers are its label when the
///   numbers have no text of their own; when they do, a piece in upper case before them names a
///   group of rows. Of several pieces before the numbers, all but the last starting in upper
///   case end the row above (`Kvinnor` after `… 60 dagar eller mer 46,4 % …`).
/// - A row's numbers are read as exactly as many values as the header has columns, and only
///   when the digits group into that many numbers in one way (``RunReading``); otherwise the row
///   is unread (fewer values than columns: which column is empty is not shown).
/// - The table ends at a heading, a line of prose, two blank lines, a table link, a pipe
///   table, or a new header (which starts the next table). Page furniture, page markers and
///   the fences of a ```` ``` ```` block are passed over.
struct TextTables {
  let lines: [String]
  /// Each line's words joined by single spaces (``TextLines/clean(_:)``), as the driver cleaned them.
  let cleaned: [String]
  let words: DocumentWords
  let furniture: Set<Int>
  let headings: Set<Int>
  /// Lines already read (pipe tables, figures): never part of a text table.
  let claimed: (Int) -> Bool
  /// The report's context, for settling a placed header by the table's numbers
  /// (``HeaderPlacement/settle(_:context:)``); without it, no header is placed.
  var context: GridContext?
  /// Whether there is a ``context``: without one, no header is placed.
  private let placesHeaders: Bool

  /// The placements of flattened headers the text has left to try (``HeaderPlacement/textBudget``).
  private let placementBudget = Budget(HeaderPlacement.textBudget)

  final class Budget {
    var remaining: Int
    init(_ remaining: Int) { self.remaining = remaining }
  }

  /// What each line may be in a header, worked out once per line.
  private let kinds: [HeaderLineKind]
  /// What ``columnCount(_:)`` reads from each line that may be in a header, worked out once.
  private let counts: [LineCounts]

  struct HeaderLineKind: OptionSet, Sendable {
    let rawValue: UInt8
    static let header = HeaderLineKind(rawValue: 1)
    static let hyphenFragment = HeaderLineKind(rawValue: 2)
    static let stub = HeaderLineKind(rawValue: 4)
    static let group = HeaderLineKind(rawValue: 8)
    /// What a header's first line is.
    static let startsHeader: HeaderLineKind = [.header, .hyphenFragment, .group]
  }

  /// - Parameters:
  ///   - cleaned: ``TextLines/clean(_:)`` of each line.
  ///   - shapes: ``ByteShape`` of each line.
  init(
    lines: [String], cleaned: [String], shapes: [ByteShape], words: DocumentWords, furniture: Set<Int>,
    headings: Set<Int>, context: GridContext? = nil, claimed: @escaping (Int) -> Bool
  ) {
    self.context = context
    self.placesHeaders = context != nil
    self.lines = lines
    self.cleaned = cleaned
    self.words = words
    self.furniture = furniture
    self.headings = headings
    self.claimed = claimed
    var kinds = [HeaderLineKind](repeating: [], count: lines.count)
    // A header stands at most six lines above a row: a short line ending in a number (a line
    // of prose ending in one is long).
    var rowBelow = [Bool](repeating: false, count: lines.count + 1)
    var distance = Int.max
    for i in lines.indices.reversed() {
      let row = (Self.endsInNumber(lines[i]) || Self.endsInParenthesisedNumber(lines[i])) && shapes[i].words <= 16
      distance = row ? 0 : (distance == Int.max ? distance : distance + 1)
      rowBelow[i] = distance <= 6
    }
    func kind(_ i: Int) -> HeaderLineKind {
      // Cheap first, on bytes: a header line has at most 20 words and ends in no full stop.
      let shape = shapes[i]
      guard lines[i].utf8.count <= 200, !claimed(i), shape.words > 0, shape.words <= 20, !shape.endsWithFullStop else {
        return []
      }
      let text = lines[i]
      // A fence (```` ```osaker-tabell ````) opens or closes a block; it is no header word.
      if text.utf8.starts(with: "```".utf8) { return [] }
      var kind: HeaderLineKind = []
      if Self.isHeaderLine(text, lines[i], cleaned: cleaned[i]) { kind.insert(.header) }
      if shape.words <= 4 {
        let clean = cleaned[i]
        if shape.words == 1, Self.isHyphenFragment(clean) { kind.insert(.hyphenFragment) }
        if shape.words <= 3, Self.isStubLine(clean) { kind.insert(.stub) }
        if shape.words >= 2, Self.isGroupLine(clean) { kind.insert(.group) }
      }
      return kind
    }
    for i in lines.indices where rowBelow[i] { kinds[i] = kind(i) }
    // A header line right above one within reach of the rows is the same header's, however far
    // the rows' last numbers stand (rows all ending in `(22 601)`, furniture between): a header
    // is never read from its lower lines alone.
    for i in lines.indices.dropLast().reversed() where !rowBelow[i] && kinds[i + 1].contains(.header) {
      kinds[i] = kind(i).intersection(.header)
    }
    self.kinds = kinds
    self.counts = lines.indices.map { kinds[$0].isEmpty ? LineCounts() : Self.counts(cleaned[$0]) }
  }

  /// An HTML comment (`<!-- … -->`, a page marker of the converter): on its first byte first.
  static func isComment(_ text: String) -> Bool {
    text.utf8.first == UInt8(ascii: "<") && text.hasPrefix("<!--")
  }

  /// True when the line's last byte that is no space is a digit or `%`.
  static func endsInNumber(_ line: String) -> Bool {
    let isText = { (b: UInt8) in b != 0x20 && b != 0x09 && b != 0x0D }
    let found = line.utf8.withContiguousStorageIfAvailable { $0.last(where: isText) }
    guard let last = found ?? line.utf8.last(where: isText) else { return false }
    return last >= 0x30 && last <= 0x39 || last == UInt8(ascii: "%")
  }

  /// True when the line ends in a digit and a closing parenthesis (`(22 601)`, an amount in
  /// parentheses a row may end in).
  static func endsInParenthesisedNumber(_ line: String) -> Bool {
    let bytes = Array(line.utf8.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }.prefix(2))
    return bytes.count == 2 && bytes[0] == UInt8(ascii: ")") && bytes[1] >= 0x30 && bytes[1] <= 0x39
  }

  func grids() -> [Grid] {
    var result: [Grid] = []
    var index = 0
    while index < lines.count {
      if let table = table(at: index) {
        result.append(table.grid)
        index = table.end
      } else {
        index += 1
      }
    }
    return result
  }

  /// The table whose header starts at `index`. Its header is read by its words
  /// (``header(at:)``); when these name another number of columns than the rows hold, so that
  /// most rows are unread, the header's cells are placed over the rows' columns instead
  /// (``placedHeader(at:block:)``), and the placements settled by the table's numbers. When no
  /// placement holds, the table is as the words read it.
  private func table(at index: Int) -> (grid: Grid, end: Int)? {
    guard mayStartHeader(index) else { return nil }
    // The lines the header may hold, found once for both readings.
    let block = headerBlock(at: index)
    var byWords: (grid: Grid, end: Int)?
    if let header = header(block) { byWords = table(header) }
    if let byWords, byWords.grid.readRows * 2 >= byWords.grid.numberedRows { return byWords }
    guard placesHeaders, let placed = placedHeader(at: index, block: block) else { return byWords }
    return placedTable(placed, byWords: byWords)
  }

  /// ``table(at:)`` for a header placed over the rows' columns. Apart, so that the context is
  /// only read (copied) here: ``table(at:)`` runs at every line.
  @inline(never)
  private func placedTable(_ placed: Header, byWords: (grid: Grid, end: Int)?) -> (grid: Grid, end: Int)? {
    // A header starting on a later line of the block that reads its rows by its words is that
    // table's (`Ekonomiskt utfall` is a caption above `Årsutfall 2025 Budget 2025 …`).
    for later in placed.lines.dropFirst() {
      if let header = header(at: later), let table = table(header), table.grid.readRows * 2 >= table.grid.numberedRows {
        return byWords
      }
    }
    guard let context, var table = table(placed), table.grid.readRows > (byWords?.grid.readRows ?? 0) else { return byWords }
    HeaderPlacement.settle(&table.grid, context: context)
    guard table.grid.undetermined.count < table.grid.columnCount else { return byWords }
    return table
  }

  // MARK: Header

  struct Header {
    var lines: [Int]
    var spread: HeaderLayout.Spread
    var columns: Int
    /// For a header placed over the rows' columns, every consistent reading (one header per
    /// column), for the table's numbers to settle; empty for a header read by its words.
    var readings: [[String]] = []
  }

  /// A header starting at `index`, nil when none does.
  func header(at index: Int) -> Header? {
    mayStartHeader(index) ? header(headerBlock(at: index)) : nil
  }

  /// True when a header may start at `index`: an unclaimed line that may be a header's first.
  private func mayStartHeader(_ index: Int) -> Bool {
    kinds[index].rawValue & HeaderLineKind.startsHeader.rawValue != 0 && !claimed(index)
  }

  /// ``header(at:)`` from the lines the header may hold (``headerBlock(at:)``).
  private func header(_ candidate: [Int]) -> Header? {
    var block = candidate
    // Try the longest block first: a header's last lines are often its years.
    while !block.isEmpty {
      let cleaned = block.map { clean($0) }
      let texts = joinedFragments(cleaned)
      let lineCounts = texts == cleaned ? block.map { counts[$0] } : texts.map(Self.counts)
      if let columns = Self.columnCount(lineCounts), columns >= 2, let spread = HeaderLayout.spread(texts, columns: columns),
        spread.columns.allSatisfy({ !$0.isEmpty })
      {
        return Header(lines: block, spread: spread, columns: columns)
      }
      block.removeLast()
    }
    return nil
  }

  /// The lines a header starting at `index` may hold: up to four lines that may be in a header,
  /// together (page furniture may come between them).
  private func headerBlock(at index: Int) -> [Int] {
    var block: [Int] = []
    var i = index
    while i < lines.count, block.count < 4 {
      if furniture.contains(i) || Self.isComment(clean(i)) {
        i += 1
        continue
      }
      guard !kinds[i].isEmpty, !claimed(i) else { break }
      block.append(i)
      i += 1
    }
    return block
  }

  /// A header of two to four lines starting at `index` (`block` is ``headerBlock(at:)``), its
  /// cells placed over as many columns as the rows under it hold values (``HeaderPlacement``);
  /// nil when the rows do not say how many, or no placement is consistent. The readings left
  /// are settled against the table's numbers when the grid is read
  /// (``HeaderPlacement/settle(_:context:)``).
  func placedHeader(at index: Int, block candidate: [Int]) -> Header? {
    guard kinds[index].contains(.header), !claimed(index) else { return nil }
    var block = candidate
    guard block.allSatisfy({ kinds[$0].contains(.header) }) else { return nil }
    // A line of sub-column words after it (`Intäkter Kostnader Netto`).
    if block.count < 4, let last = block.last, last + 1 < lines.count, Self.isSubColumnLine(clean(last + 1)),
      !claimed(last + 1), !furniture.contains(last + 1)
    {
      block.append(last + 1)
    }
    guard block.count >= 2, placementBudget.remaining > 0, HeaderPlacement.mayTopHeader(clean(index)),
      let last = block.last
    else { return nil }
    // The counts most rows read as, best first: where the header's cells cannot be placed over
    // the first (every digit group a number of its own, `−47  260  −47  697  437` as seven
    // values under four kind words), the next. Two counts read by as many rows that both place
    // the header leave it unplaced.
    var found: (header: Header, rows: Int)?
    for (count, rows) in rowValueCounts(after: last) where placementBudget.remaining > 0 {
      if let found, rows < found.rows { break }
      var steps = 0
      let limit = min(HeaderPlacement.searchLimit, placementBudget.remaining)
      let placed = HeaderPlacement.readings(block.map { clean($0) }, columns: count, limit: limit, steps: &steps)
      placementBudget.remaining -= steps
      guard let placed, let first = placed.readings.first else { continue }
      if found != nil { return nil }
      found = (
        Header(
          lines: block, spread: HeaderLayout.Spread(stub: placed.stub, columns: first), columns: count,
          readings: placed.readings), rows
      )
    }
    return found?.header
  }

  /// A line of two to eight words each starting in upper case (`Intäkter Kostnader Netto`), no
  /// number: the headers of the columns under a spanning cell.
  static func isSubColumnLine(_ text: String) -> Bool {
    let words = text.split(ascii: " ")
    return (2...8).contains(words.count)
      && words.allSatisfy { $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }
  }

  /// How many values the rows under line `last` may hold: each count more than half of the
  /// first eight rows read as in exactly one way (``RunReading``), with how many rows do, the
  /// count most rows read first.
  private func rowValueCounts(after last: Int) -> [(count: Int, rows: Int)] {
    var runs: [RunReading.Run] = []
    var others = 0
    var i = last + 1
    while i < lines.count, runs.count < 8, others <= 3 {
      let text = clean(i)
      if furniture.contains(i) || text.isEmpty || Self.isComment(text) || isPageNumber(text) {
        i += 1
        continue
      }
      if headings.contains(i) || claimed(i) || TextLines.isProse(text) { break }
      let run = RunReading.run(Substring(text))
      if !run.atoms.isEmpty, isRowRun(run) { runs.append(run) } else { others += 1 }
      i += 1
    }
    // A row of N values has at least N numbers' atoms.
    let most = min(HeaderPlacement.maxColumns, runs.map(\.atoms.count).max() ?? 0)
    guard most >= 2 else { return [] }
    let votes = (2...most).map { count in
      let rows = runs.filter { if case .unique = RunReading.read($0, count: count) { return true } else { return false } }
      return (count: count, rows: rows.count)
    }
    return votes.filter { $0.rows * 2 > runs.count }.sorted { $0.rows > $1.rows || $0.rows == $1.rows && $0.count < $1.count }
  }

  /// The number of columns a header names: the most kind words on one line, else the most
  /// years on one line.
  static func columnCount(_ header: [String]) -> Int? {
    columnCount(header.map(counts))
  }

  /// What ``columnCount(_:)`` reads from one header line: its kind words' column starts and
  /// its years (with the kind words after the last year), each with a `Not` column before them
  /// counted.
  struct LineCounts {
    var kinds = 0
    var notes = 0
    var years = 0
  }

  static func counts(_ line: String) -> LineCounts {
    let words = SimpleText.words(line)
    // A `Not` column before the column words counts as a column.
    var notes = 0
    // `not` needs an `n` (no other character lower-cases to one).
    if let index = words.firstIndex(where: { $0.utf8.contains { $0 | 0x20 == UInt8(ascii: "n") } && Vocabulary.letters($0) == "not" }) {
      notes = words[..<index].contains { Vocabulary.isKindWord($0) || Vocabulary.year(in: $0) != nil } ? 0 : 1
    }
    let strings = words.map(String.init)
    let kinds = HeaderLayout.cellStarts(strings).count + notes
    let isYear = { (word: Substring) in Vocabulary.year(in: word) != nil && word.prefix(4).allSatisfy(\.isNumber) }
    var years = words.filter(isYear).count + notes
    // Kind words after the last year head columns of their own (`2025 2024 2023 Mål`: four).
    if years > notes, let last = words.lastIndex(where: isYear) {
      years += HeaderLayout.cellStarts(Array(strings[(last + 1)...])).count
    }
    return LineCounts(kinds: kinds, notes: notes, years: years)
  }

  static func columnCount(_ header: [LineCounts]) -> Int? {
    let kinds = header.map(\.kinds).max() ?? 0
    if kinds >= 2 + (header.map(\.notes).max() ?? 0) { return kinds }
    let years = header.map(\.years).max() ?? 0
    return years >= 2 ? years : (kinds == 1 ? 1 : nil)
  }

  /// A short line of column words, no run of numbers that is not years, no sentence.
  private static func isHeaderLine(_ text: String, _ raw: String, cleaned: String) -> Bool {
    // On bytes first: a line ending in a number that is no year or date is a row.
    guard text.utf8.count <= 200, text.utf8.last != UInt8(ascii: "."), !MarkdownTables.isPipeRow(raw) else { return false }
    if endsInNumber(text), lastWordHasDigit(text), !endsInYearOrDate(text) { return false }
    // Cheap first: a header holds a year (`19..`, `20..` then two digits), a month or a kind
    // word's stem.
    guard Self.hasYearLikeRun(text) || Vocabulary.mayHeadColumns(text) else { return false }
    let tokens = SimpleText.words(text)
    // A line ending in a number that is no year (`… 12,4`, `… 85 %`) is a row.
    if endsInNumber(text), let last = tokens.last, last.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
      Vocabulary.year(in: last) == nil, !GridColumns.isDate(last)
    {
      return false
    }
    guard tokens.contains(where: { Vocabulary.startsColumnHeader($0) }) else { return false }
    // A caption naming a span of years (`… från 2019 till 2024`) heads no columns.
    let years = tokens.filter { Vocabulary.year(in: $0) != nil }.count
    if years == 2, !tokens.contains(where: { Vocabulary.isKindWord($0) }), FigureYearWords.range(in: cleaned) != nil {
      return false
    }
    // Numbers other than years make it a row, not a header.
    let run = RunReading.run(Substring(cleaned))
    // A year may carry a footnote digit (`Bokslut 20231`) when the line names another year.
    let isYear = { (atom: NumberRun.Atom, digits: Int) in
      atom.digits.integerDigits == digits && atom.digits.fractionDigits == 0 && !atom.digits.hasSign
        && atom.unit.isEmpty && (1990...2099).contains(Int(atom.digits.integer) / (digits == 5 ? 10 : 1))
    }
    let plainYears = run.atoms.filter { isYear($0, 4) }.count
    return run.atoms.allSatisfy { isYear($0, 4) || plainYears >= 1 && isYear($0, 5) }
  }

  /// True when the line's last word has a digit (`12,4`, not `%`).
  static func lastWordHasDigit(_ line: String) -> Bool {
    lastWord(line) { word in word.contains { $0 >= 0x30 && $0 <= 0x39 } }
  }

  /// True when the line's last word is a year (`2024`, `20221`) or a date (`2024-08-31`).
  static func endsInYearOrDate(_ line: String) -> Bool {
    lastWord(line) { bytes in
      let digits = bytes.filter { $0 >= 0x30 && $0 <= 0x39 }.count
      guard bytes.count >= 4, bytes[0] == UInt8(ascii: "1") || bytes[0] == UInt8(ascii: "2") else { return false }
      if digits == bytes.count { return digits == 4 || digits == 5 }
      return bytes.count == 10 && digits == 8 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
    }
  }

  /// `body` of the bytes of the line's last word: after the spaces, tabs and carriage returns at
  /// its end, back to a space or tab.
  private static func lastWord<R>(_ line: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    func read(_ bytes: UnsafeBufferPointer<UInt8>) -> R {
      var end = bytes.count
      while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
      var start = end
      while start > 0, bytes[start - 1] != 0x20 && bytes[start - 1] != 0x09 { start -= 1 }
      return body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }
    return line.utf8.withContiguousStorageIfAvailable(read) ?? Array(line.utf8).withUnsafeBufferPointer(read)
  }

  /// True when four digits in a row start with 19 or 20.
  static func hasYearLikeRun(_ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable(hasYearLikeRun(bytes:)) ?? hasYearLikeRun(bytes: Array(text.utf8))
  }

  private static func hasYearLikeRun(bytes: some Sequence<UInt8>) -> Bool {
    var run = 0
    var first: UInt8 = 0
    var second: UInt8 = 0
    for b in bytes {
      if b >= 0x30 && b <= 0x39 {
        run += 1
        if run == 1 { first = b }
        if run == 2 { second = b }
        if run == 4, first == 0x31 && second == 0x39 || first == 0x32 && second == 0x30 { return true }
      } else {
        run = 0
      }
    }
    return false
  }

  /// `April-`: a word broken at a hyphen, alone on its line.
  private static func isHyphenFragment(_ text: String) -> Bool {
    text.utf8.last == UInt8(ascii: "-") && !text.contains(" ") && text.hasSuffix("-") && text.count >= 3 && text.first?.isLetter == true
  }

  /// A line of column-group words only (`Kommunen  Koncernen`).
  private static func isGroupLine(_ text: String) -> Bool {
    // Cheap first: the first word's first letter is one a group word starts with.
    guard Self.firstWordMayStart(text, Vocabulary.groupInitials) else { return false }
    let tokens = SimpleText.words(text)
    return tokens.count >= 2 && tokens.allSatisfy { Vocabulary.groupWords.contains(Vocabulary.letters($0)) }
  }

  /// A line of label-column words only (`Namn`).
  private static func isStubLine(_ text: String) -> Bool {
    guard Self.firstWordMayStart(text, Vocabulary.stubInitials) else { return false }
    let tokens = SimpleText.words(text)
    // `Nämnd/styrelse`, `Verksamhet/enhet`: each part a stub word.
    return !tokens.isEmpty && tokens.count <= 3
      && tokens.allSatisfy { $0.split(ascii: "/").allSatisfy { Vocabulary.stubWords.contains(Vocabulary.letters($0)) } }
  }

  /// False when the first word's first letter is an ASCII letter not in `initials`:
  /// ``Vocabulary/letters(_:)`` of it starts with none of them.
  private static func firstWordMayStart(_ text: String, _ initials: [Bool]) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { bytes in
      for b in bytes {
        if b == 0x20 || b == 0x09 || b >= 0x80 { return true }  // no letter yet: the full test
        if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { return initials[Int(b)] }
      }
      return true
    } ?? true
  }

  /// Header lines with a hyphen fragment line joined to the next line's first lower-case word
  /// after its column words (`April-` + `… uppföljning …` → `… April-uppföljning …`).
  private func joinedFragments(_ texts: [String]) -> [String] {
    var result: [String] = []
    var pending: String?
    for text in texts {
      if text.utf8.last == UInt8(ascii: "-"), text.hasSuffix("-"), !text.contains(" ") {
        pending = text
        continue
      }
      if let fragment = pending {
        var words = text.split(ascii: " ").map(String.init)
        let lower = words.indices.filter { words[$0].first?.isLowercase == true && words[$0].first?.isLetter == true }
        // The word it continues: a kind word going on in lower case (`uppföljning`), else the
        // first word in lower case.
        if let k = lower.first(where: { Vocabulary.isKindWord(words[$0]) }) ?? lower.first {
          words[k] = fragment + words[k]
        }
        result.append(words.joined(separator: " "))
        pending = nil
      } else {
        result.append(text)
      }
    }
    return result
  }

  // MARK: Rows

  /// The table under `header`: its grid and the line after it; nil when no row follows.
  private func table(_ header: Header) -> (grid: Grid, end: Int)? {
    var rows: [GridRow] = []
    // Rows holding more numbers than the header names columns, however their digits group.
    var overfull = 0
    // Rows whose first number may be a note reference or the first digits of a number: their
    // cells read both ways.
    var noteChoices: [Int: [[GridCell?]]] = [:]
    var pending: [String] = []
    var group = ""
    var used = header.lines
    var blanks = 0
    // One kind over years (`Utfall 2020 … Utfall 2024`): every column's words but its year alike.
    let isSeries = header.columns >= 2 && {
      let parts = header.spread.columns.map { text in
        (years: text.split(ascii: " ").compactMap { Vocabulary.year(in: $0) },
         words: text.split(ascii: " ").filter { Vocabulary.year(in: $0) == nil }.map { $0.lowercased() })
      }
      return parts.allSatisfy { $0.years.count == 1 && $0.words == parts[0].words }
        && Set(parts.map { $0.years[0] }).count == parts.count
    }()
    var i = (header.lines.last ?? 0) + 1
    var end = i
    while i < lines.count {
      if claimed(i) || headings.contains(i) { break }
      let raw = lines[i]
      let text = clean(i)
      if text.isEmpty {
        blanks += 1
        if blanks >= 2 { break }
        i += 1
        continue
      }
      if furniture.contains(i) || Self.isComment(text) || text.hasPrefix("```") || isPageNumber(text) {
        // The blank lines around a page break (its marker, running header or footer, page
        // number) are no gap in the table.
        blanks = 0
        i += 1
        continue
      }
      blanks = 0
      if text.hasPrefix("[Tabell") || MarkdownTables.isPipeRow(raw) { break }
      // A repeated header (a page break) is passed over; another header ends the table.
      if repeatsHeader(at: i, header) {
        used += header.lines.indices.map { i + $0 }
        i += header.lines.count
        continue
      }
      if let next = self.header(at: i) {
        // The same columns under another stub (`KASSAFLÖDESANALYS` after `RESULTATRÄKNING`)
        // head another table.
        guard next.columns == header.columns,
          next.spread.columns == header.spread.columns || repeatsYears(next, of: header),
          next.spread.stub.isEmpty || header.spread.stub.isEmpty || next.spread.stub == header.spread.stub
        else { break }
        used += next.lines
        i = (next.lines.last ?? i) + 1
        continue
      }
      var run = RunReading.run(Substring(raw))
      if raw.contains("("), let parenthesised = Self.parenthesisedRun(raw, plain: run, header: header) { run = parenthesised }
      if let moved = RunReading.movingLeadingYear(run, count: header.columns, series: isSeries) { run = moved }
      if run.atoms.isEmpty || !isRowRun(run) || endsLabelBeforeItsNumbers(i, run, columns: header.columns)
        || goesOnWithLabel(run, text, after: pending.isEmpty ? rows.last?.label : nil, columns: header.columns)
      {
        // A piece of a label.
        if TextLines.isProse(text) || text.count > 90 { break }
        if pending.isEmpty, let last = rows.last, HeaderWords.continuesLabel(last.label, with: text) {
          rows[rows.count - 1].label = join([rows[rows.count - 1].label, text])
          used.append(i)
        } else {
          pending.append(text)
          used.append(i)
        }
        if pending.count > 4 { break }
        i += 1
        continue
      }
      // A row.
      var labelPieces: [String] = []
      if run.label.isEmpty || run.label.first?.isLowercase == true {
        // Pieces before the last one starting in upper case end the row above.
        if let lastUpper = pending.lastIndex(where: { $0.first?.isUppercase == true }), lastUpper > 0, !rows.isEmpty {
          rows[rows.count - 1].label = join([rows[rows.count - 1].label] + pending[..<lastUpper])
          labelPieces = Array(pending[lastUpper...])
        } else {
          labelPieces = pending
        }
        labelPieces.append(run.label)
      } else {
        for piece in pending {
          if let last = rows.last, HeaderWords.continuesLabel(last.label, with: piece) {
            rows[rows.count - 1].label = join([rows[rows.count - 1].label, piece])
          } else {
            group = piece
          }
        }
        labelPieces = [run.label]
      }
      pending = []
      let label = join(labelPieces)
      var row = GridRow(label: label, group: group, line: i, cells: [], printed: raw.trimmingSpaces)
      // A row without a note reference leaves the `Not` column empty.
      let noteFirst = Self.isNoteHeader(header.spread.columns[0])
      // A dash marking an empty first cell (`–   103 001   102 355`): the numbers fill the
      // cells after it; a dash between numbers leaves their cells open.
      var skipped = run.leadingEmpty
      var reading = run.innerEmpty || run.leadingEmpty > 0 && noteFirst
        ? .impossible : RunReading.read(run, count: header.columns - run.leadingEmpty)
      if noteFirst, header.columns > 1, run.leadingEmpty == 0, !run.innerEmpty {
        // With a note, its reference is the first word, a small whole number; without, the
        // numbers fill the other columns. When both readings are possible (`1 412,5`: note 1
        // and 412,5, or 1 412,5 and no note), the row is not determined.
        var rest = run
        rest.atoms = Array(run.atoms.dropFirst())
        // A first number the row's spacing joins to the next (`1 106,4  1 564,3`) is no note
        // reference.
        let spaced = RunReading.spacedSpans(run)
        let joined = spaced.map { $0.count == header.columns - 1 && $0[0].count > 1 } ?? false
        let withNote = run.atoms.first.map(Self.mayBeNoteReference) == true && !joined
          ? RunReading.read(rest, count: header.columns - 1) : .impossible
        let withoutNote = RunReading.read(run, count: header.columns - 1)
        switch (withNote, withoutNote) {
        case (.unique, .unique):
          reading = .ambiguous
          // Both ways are kept for the table's totals to settle.
          if var noted = cells(rest, count: header.columns - 1, columns: header.columns, from: 1),
            let plain = cells(run, count: header.columns - 1, columns: header.columns, from: 1), let note = run.atoms.first
          {
            noted[0] = GridCell(text: run.words[note.firstWord].text.description)
            noteChoices[rows.count] = [noted, plain]
          }
        case (.unique, .ambiguous):
          // With the note the digits group one way, without it several (`1 71 885 74 902 …`):
          // the note's way is kept for the table's totals to confirm, the other is none.
          reading = .ambiguous
          if var noted = cells(rest, count: header.columns - 1, columns: header.columns, from: 1), let note = run.atoms.first {
            noted[0] = GridCell(text: run.words[note.firstWord].text.description)
            noteChoices[rows.count] = [noted, Array(repeating: nil, count: header.columns)]
          }
        case (.unique, _): reading = RunReading.read(run, count: header.columns)
        case (_, .unique):
          reading = withoutNote
          skipped = 1
        case (.ambiguous, _), (_, .ambiguous): reading = .ambiguous
        default: reading = .impossible
        }
      }
      switch reading {
      case .unique(let numbers):
        row.cells = cells(run, count: numbers.count, columns: header.columns, from: skipped)
          ?? Array(repeating: nil, count: header.columns)
      case .ambiguous:
        row.unreadReason = "the digits can be grouped into \(header.columns) numbers in more than one way"
      case .impossible:
        row.unreadReason = "the row does not hold one number for each of the \(header.columns) columns; which are missing is not shown"
        if run.leadingEmpty == 0, !run.innerEmpty, let fewest = RunReading.counts(run)?.lowerBound, fewest > header.columns {
          overfull += 1
        }
      }
      if row.unreadReason != nil, !noteFirst, run.leadingEmpty == 0, !run.innerEmpty { row.shortRun = run }
      rows.append(row)
      used.append(i)
      i += 1
      end = i
    }
    guard !rows.isEmpty else { return nil }
    // Rows that hold more numbers than the header names columns, however their digits group
    // (`56 860 59 047 –2 187 86 566` under three), show that the header was not read whole (a
    // column broken over lines, `Helårs-` / `prognos`): a row it reads would be read only by
    // grouping its digits to fit (`36 461 995` as one number). Two such rows, a third of the
    // table's, leave every row unread.
    let numbered = rows.filter { !$0.isLabelOnly }.count
    if overfull >= 2, overfull * 3 >= numbered {
      for r in rows.indices where !rows[r].isLabelOnly && rows[r].unreadReason == nil {
        rows[r].unreadReason = "other rows hold more numbers than the header's \(header.columns) columns: the header is not read whole"
        rows[r].shortRun = nil
      }
      noteChoices = [:]
    }
    Self.settleNoteReferences(&rows, noteChoices, from: header.columns > 1 && Self.isNoteHeader(header.spread.columns[0]) ? 1 : 0)
    Self.placeShortRowsBySums(&rows, columns: header.columns)
    Self.placeShortRowsByColumns(&rows, columns: header.columns, lines: lines)
    // Trailing label pieces after the last row that start in lower case were taken; others are
    // not part of the table.
    let columns = HeaderSpan.singles(header.spread.columns)
    var grid = Grid(
      form: .readingOrder, stub: header.spread.stub, header: [columns], columnCount: header.columns, rows: rows,
      lines: used.filter { $0 < end }, firstLine: rows.first?.line ?? end)
    grid.readings = header.readings
    // Kind words over the header's years that this reader did not take into it (`Bokslut   Budget
    // Plan` set apart over five years) say that the columns hold outcomes and plans, not which
    // one each: a column whose own header names no kind is not read as its year alone would be.
    if let kindLine = kindWordsLine(above: header.lines[0]) {
      let kindless = (0..<header.columns).filter { c in
        !header.spread.columns[c].split(ascii: " ").contains(where: { Vocabulary.isKindWord($0) })
      }
      for c in kindless {
        grid.undetermined[c] = "kind words over the header ('\(kindLine)') are not placed over its columns"
      }
    }
    if let caption = caption(above: header.lines[0]) {
      grid.caption = caption.text
      grid.lines.append(caption.line)
    }
    return (grid, end)
  }

  /// True when the lines from `i` on repeat the header's lines word for word (a header
  /// printed again after a page break).
  private func repeatsHeader(at i: Int, _ header: Header) -> Bool {
    guard header.lines.count >= 2, i + header.lines.count <= lines.count else { return false }
    return header.lines.enumerated().allSatisfy { k, line in clean(i + k) == clean(line) }
  }

  /// True when `next` is a line of the header's years only, in the same order (`2020 2021 …`
  /// at the head of a block under a full header).
  private func repeatsYears(_ next: Header, of header: Header) -> Bool {
    let years = { (texts: [String]) -> [Int?] in
      texts.map { text in Set(text.split(ascii: " ").compactMap { Vocabulary.year(in: $0) }).first }
    }
    let nextYears = years(next.spread.columns)
    return nextYears.allSatisfy { $0 != nil } && nextYears == years(header.spread.columns)
      && next.spread.columns.allSatisfy { $0.split(ascii: " ").count == 1 }
  }

  /// The line naming a table, right above its header (a blank line or page furniture between
  /// at most): short, no sentence, no bullet, no numbers but years; nil when there is none.
  private func caption(above index: Int) -> (text: String, line: Int)? {
    var i = index - 1
    var skipped = 0
    while i >= 0, skipped <= 2 {
      let text = clean(i)
      if text.isEmpty || furniture.contains(i) {
        i -= 1
        skipped += 1
        continue
      }
      // A line naming only the unit (`(mnkr)`, `Tkr`) between the caption and the header
      // belongs to the caption above it, or is the caption when there is none.
      if !claimed(i), text.split(ascii: " ").count == 1, ColumnMeaning.unitWord(text) != nil {
        if let above = caption(above: i) { return (above.text + " " + text, above.line) }
        return (text, i)
      }
      guard !claimed(i), text.count <= 100, !TextLines.isProse(text),
        !TextLines.startsWithBullet(text), text.first?.isLetter == true, !MarkdownTables.isPipeRow(lines[i]),
        !text.hasPrefix("[")
      else { return nil }
      let run = RunReading.run(Substring(text))
      guard run.atoms.isEmpty || !isRowRun(run) else { return nil }
      // The label column's header on a line of its own (`Nämnd/styrelse`) may stand between
      // the caption and the header: the line above it, when it is a caption, names the table.
      if kinds[i].contains(.stub), i > 0, !kinds[i - 1].contains(.stub), let above = caption(above: i), above.line == i - 1 {
        return above
      }
      // Kind words over the header's years (`Bokslut   Budget   Plan`) are a header line this
      // reader did not take, no caption: the line right above them names the table.
      if Self.namesKindsOnly(text) {
        guard i > 0, let above = caption(above: i), above.line == i - 1 else { return nil }
        return above
      }
      return (text, i)
    }
    return nil
  }

  /// The text of the line above `index` (a blank line or page furniture between at most, as
  /// for ``caption(above:)``) when it holds kind words only (`Bokslut   Budget   Plan` over a
  /// header of years): a header line this reader did not take.
  private func kindWordsLine(above index: Int) -> String? {
    var i = index - 1
    while i >= 0, i >= index - 3, clean(i).isEmpty || furniture.contains(i) { i -= 1 }
    guard i >= 0, i >= index - 3, !claimed(i), Self.namesKindsOnly(clean(i)) else { return nil }
    return clean(i)
  }

  /// True for two or more words, kind words all (`Bokslut Budget Plan`).
  static func namesKindsOnly(_ text: String) -> Bool {
    let words = text.split(ascii: " ")
    return words.count >= 2 && words.allSatisfy { Vocabulary.isKindWord($0) }
  }

  /// True for a line of text ending in a number that cannot be the row's numbers (`Simlärare
  /// per 1000`, `… i årskurs 4`) when the next line is numbers alone that can: the line is
  /// the start of that row's label.
  /// True when a line reading as too few numbers for the columns goes on with the label of the
  /// row above, which ends in a word no label ends with (`Sjukfrånvaro, andel av` / numbers /
  /// `sjukfrånvaro 60` / `dagar eller mer`): the number is the label's (`60` days), no cell.
  private func goesOnWithLabel(_ run: RunReading.Run, _ text: String, after label: String?, columns: Int) -> Bool {
    guard let label, run.label.first?.isLowercase == true, RunReading.read(run, count: columns) == .impossible,
      let last = label.split(ascii: " ").last.map({ $0.lowercased() }), HeaderWords.labelGoesOnAfter.contains(last)
    else { return false }
    return true
  }

  private func endsLabelBeforeItsNumbers(_ i: Int, _ run: RunReading.Run, columns: Int) -> Bool {
    guard !run.label.isEmpty, RunReading.read(run, count: columns) == .impossible else { return false }
    var next = i + 1
    while next < lines.count, clean(next).isEmpty { next += 1 }
    guard next < lines.count, next <= i + 2 else { return false }
    let following = RunReading.run(Substring(clean(next)))
    return following.label.isEmpty && !following.atoms.isEmpty && RunReading.read(following, count: columns) != .impossible
  }

  /// The row's run read with amounts in parentheses (`Rörelsens kostnader 2 (640,1) (604,2) …`),
  /// when that run, and not the plain one, holds one number for each of the header's columns
  /// (or for each but a `Not` column); nil otherwise. Whether the parentheses mean minus is the
  /// table's to say (``GridReading/parenthesesMeanMinus(_:columns:)``).
  static func parenthesisedRun(_ raw: String, plain: RunReading.Run, header: Header) -> RunReading.Run? {
    let run = RunReading.run(Substring(raw), parentheses: true)
    guard run.atoms.count > plain.atoms.count, run.atoms.contains(where: { $0.digits.openParen }) else { return nil }
    let counts = isNoteHeader(header.spread.columns[0]) && header.columns > 1
      ? [header.columns, header.columns - 1] : [header.columns]
    let fills = { (run: RunReading.Run) in
      counts.contains { if case .unique = RunReading.read(run, count: $0) { true } else { false } }
    }
    return !fills(plain) && fills(run) ? run : nil
  }

  /// A word that may be a note reference: a whole number from 1 to 99, no sign, no unit.
  static func mayBeNoteReference(_ atom: NumberRun.Atom) -> Bool {
    let d = atom.digits
    return !d.hasSign && d.fractionDigits == 0 && !d.percent && atom.unit.isEmpty && d.integerDigits <= 2
      && d.integer >= 1 && atom.qualifier.isEmpty && !d.openParen
  }

  private static func isNoteHeader(_ header: String) -> Bool { Vocabulary.letters(header) == "not" }

  /// The cells of the unique reading of `run` as `count` numbers, each number's printed text from
  /// its first word to its last, in `columns` cells from column `first` on; nil when the reading
  /// is not unique.
  private func cells(_ run: RunReading.Run, count: Int, columns: Int, from first: Int) -> [GridCell?]? {
    guard let spans = RunReading.spans(run, count: count), first + spans.count <= columns else { return nil }
    var cells = [GridCell?](repeating: nil, count: columns)
    for (k, span) in spans.enumerated() {
      cells[first + k] = GridCell(text: RunReading.text(run, span))
    }
    return cells
  }

  /// Settles the rows read two ways — with a note reference (`1` and `412,5`) and without
  /// (`1 412,5`) — by the table's totals: a row equal, in every column where it and the rows
  /// right above it from some row on all have numbers (two columns at least), to their sum.
  /// When exactly one choice of ways for the unsettled rows among them (the total too) adds up,
  /// those rows take it (`Verksamhetens intäkter 1 412,5 …` under `Verksamhetens nettokostnader`
  /// is note 1 and 412,5); a row two totals settle differently stays unread. Rows settled so
  /// may settle others in turn.
  static func settleNoteReferences(_ rows: inout [GridRow], _ choices: [Int: [[GridCell?]]], from firstValue: Int) {
    var open = choices
    while !open.isEmpty {
      let chosen = settledWays(rows, open, from: firstValue)
      guard !chosen.isEmpty else { return }
      for (r, way) in chosen {
        guard let ways = open[r] else { continue }
        rows[r].cells = ways[way]
        rows[r].unreadReason = nil
        open[r] = nil
      }
    }
  }

  /// One round of ``settleNoteReferences(_:_:from:)``: the way each row is settled in, by the
  /// rows read so far.
  private static func settledWays(_ rows: [GridRow], _ choices: [Int: [[GridCell?]]], from firstValue: Int) -> [Int: Int] {
    var chosen: [Int: Int] = [:]
    var contested: Set<Int> = []
    let value = { (cells: [GridCell?], c: Int) -> Number? in
      c < cells.count ? cells[c].flatMap { SwedishNumber.parse($0.text, parentheses: true)?.value } : nil
    }
    let isRead = { (r: Int) in rows[r].unreadReason == nil || choices[r] != nil }
    for total in rows.indices where isRead(total) {
      for start in stride(from: total - 1, through: 0, by: -1) {
        let block = Array(start..<total)
        guard isRead(start) else { break }
        let open = (block + [total]).filter { choices[$0] != nil }
        guard !open.isEmpty else { continue }
        guard open.count <= maxOpenRows else { break }
        var confirmed: [Int] = []
        for combination in 0..<(1 << open.count) {
          let cells = { (r: Int) -> [GridCell?] in
            guard let k = open.firstIndex(of: r), let ways = choices[r] else { return rows[r].cells }
            return ways[(combination >> k) & 1]
          }
          let totalCells = cells(total)
          var compared = 0
          var holds = true
          for c in firstValue..<totalCells.count {
            guard let expected = value(totalCells, c) else { continue }
            var sum = Number(mantissa: 0, scale: 0)
            var complete = true
            for r in block {
              guard let v = value(cells(r), c), let added = sum.adding(v) else {
                complete = false
                break
              }
              sum = added
            }
            guard complete else { continue }
            compared += 1
            if !GridReading.closeEnough(expected, sum, rows: block.count) {
              holds = false
              break
            }
          }
          if holds, compared >= 2 { confirmed.append(combination) }
        }
        guard confirmed.count == 1, let combination = confirmed.first else { continue }
        for (k, r) in open.enumerated() {
          let way = (combination >> k) & 1
          if let earlier = chosen[r], earlier != way { contested.insert(r) }
          chosen[r] = way
        }
      }
    }
    for r in contested { chosen[r] = nil }
    return chosen
  }

  /// The most rows read two ways (a total among them) that one total settles together.
  static let maxOpenRows = 4

  /// A run that is a row's numbers: not only years (a header), not a lone small integer
  /// standing for a page number.
  private func isRowRun(_ run: RunReading.Run) -> Bool {
    // (`svenska åk 3`: a number after a word it numbers is the label's, ``NumberRun/trailingRunStart(_:)``.)
    let years = run.atoms.filter { atom in
      atom.digits.integerDigits == 4 && atom.digits.fractionDigits == 0 && !atom.digits.hasSign
        && (1990...2099).contains(Int(atom.digits.integer)) && atom.unit.isEmpty
    }
    return years.count < run.atoms.count
  }

  private func isPageNumber(_ text: String) -> Bool {
    text.count <= 3 && text.allSatisfy(\.isNumber)
  }

  private func isSkippable(_ i: Int) -> Bool {
    let text = clean(i)
    return text.isEmpty || furniture.contains(i) || Self.isComment(text)
  }

  /// The line's words joined by single spaces (``TextLines/clean(_:)``, the one cleaning rule).
  private func clean(_ i: Int) -> String { cleaned[i] }

  private func join(_ pieces: [String]) -> String {
    HeaderWords.join(pieces.filter { !$0.isEmpty }, words: words)
  }
}
