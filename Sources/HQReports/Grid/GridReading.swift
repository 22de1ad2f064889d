import HQData

/// Interprets a ``Grid``: every number whose row and column meaning are determined becomes a
/// ``Fact``; every other number goes to `unread` with the reason; nothing is dropped silently.
///
/// - The columns' meaning comes from ``GridColumns``; `Not` columns hold note references and
///   are skipped; an undetermined column's numbers are unread.
/// - A row's label is re-joined and loses footnote marks (`Finansverksamheten1`,
///   `Exploatering*`); a label that repeats within the table is qualified by its group
///   (`Maskiner och inventarier – Ingående bokfört värde`). A row with numbers but no label is
///   unread.
/// - A cell is one number (`-4 282,7`, `5,8 %`); `-`, `–` and `..` mean no value; a cell
///   holding anything else with digits (`-2,7 (-1,3)`) is unread.
/// - Units: the cell's own (`5,8 %`), else the row label's (`…, kr/inv`, `andel (%)`,
///   `…, antal` → `st`), else the column header's, else the caption's, else the document's —
///   but not for a row naming a measure (`Barn per årsarbetare`) or in a table whose rows name
///   units other than money (a table of measures).
/// - Row roles: `varav …` rows are parts; `Summa …`, `Totalt`, `Netto` rows and rows equal to
///   the sum of the detail rows above them (in every column) are totals; a total followed by
///   another is a subtotal. Every total whose column does not add up is a warning naming its line.
enum GridReading {
  static func read(_ grid: Grid, context: GridContext, into recognition: inout RecognitionContext) {
    let captionText = [grid.caption, grid.stub].filter { !$0.isEmpty }.joined(separator: " ")
    var columns = GridColumns.read(grid, caption: captionText, context: context)
    for (c, reason) in grid.undetermined where c < columns.count { columns[c].undetermined = reason }
    markSameMeaning(&columns)
    // The document's unit (`Belopp anges i miljoner kronor`) is for amounts, not for a row naming
    // a ratio, a share or a count (`Barn per årsarbetare`): columns whose unit only it gives.
    let captionStatesUnit = !ColumnMeaning.unit(inCaption: captionText, default: "").isEmpty
    let fromDocument = columns.map { column in
      !captionStatesUnit && !column.meaning.unit.isEmpty && column.meaning.unit == context.documentUnit
        && !column.header.split(ascii: " ").contains { ColumnMeaning.unitWord(String($0)) != nil }
    }
    let name = tableName(grid, context: context)
    let section = context.section(grid.firstLine)

    // Labels, qualified by their group where the label alone repeats.
    var labels = grid.rows.map { cleanLabel($0.label) }
    // A table of one row without a label is about what its caption names.
    if labels.count == 1, labels[0].isEmpty, !grid.caption.isEmpty { labels[0] = cleanLabel(grid.caption) }
    var counts: [String: Int] = [:]
    for label in labels where !label.isEmpty { counts[label.lowercased(), default: 0] += 1 }
    for i in labels.indices where counts[labels[i].lowercased(), default: 0] > 1 && !grid.rows[i].group.isEmpty {
      labels[i] = cleanLabel(grid.rows[i].group) + " – " + labels[i]
    }

    // Numbers per row and column (nil: none), before roles are known.
    let parentheses = parenthesesMeanMinus(grid, columns: columns)
    var values = [[SwedishNumber?]](repeating: [SwedishNumber?](repeating: nil, count: grid.columnCount), count: grid.rows.count)
    for (r, row) in grid.rows.enumerated() where row.unreadReason == nil {
      for (c, cell) in row.cells.enumerated() where c < grid.columnCount {
        guard let cell, !isNoValue(cell.text) else { continue }
        values[r][c] = SwedishNumber.parse(cell.text, parentheses: parentheses)
      }
    }
    // A table whose rows name units of their own other than money (`…, antal`, `(%)`,
    // `kr/inv`) is a table of measures: a row naming none there (`Nöjd kund-index, NKI`) is
    // not given the document's unit either.
    let ofMeasures = labels.contains { label in
      let unit = unit(ofLabel: label)
      return !unit.isEmpty && !Self.moneyUnits.contains(unit)
    }
    let roles = rowRoles(grid, labels: labels, values: values, columns: columns, context: context, recognition: &recognition)
    // The unit the prose gives the table's amounts, when it is clear, over a missing or
    // contradicted money unit.
    let deviations = Set(values.flatMap { row in
      row.indices.compactMap { c in
        c < columns.count && columns[c].meaning.kind == .avvikelse ? row[c]?.value.magnitude.normalized : nil
      }
    })
    if let stated = context.unitEvidence.unit(of: values.flatMap { $0.compactMap { $0 } }, deviations: deviations) {
      for c in columns.indices where Self.moneyUnits.contains(columns[c].meaning.unit) {
        columns[c].meaning.unit = stated
      }
    }

    for (r, row) in grid.rows.enumerated() {
      let line = row.line + 1
      if let reason = row.unreadReason {
        if row.printed.contains(where: \.isNumber) {
          recognition.unread.append(UnreadNumber(
            report: context.reportID, section: section, table: name, line: line, text: row.printed, reason: reason))
        }
        continue
      }
      let label = labels[r]
      let labelUnit = unit(ofLabel: label)
      let namesMeasure = ofMeasures || Vocabulary.namesMeasure(label)
      for (c, cell) in row.cells.enumerated() where c < columns.count {
        guard let cell, !isNoValue(cell.text), !columns[c].isNote else { continue }
        func unread(_ reason: String) {
          recognition.unread.append(UnreadNumber(
            report: context.reportID, section: section, table: name, line: line, text: cell.text, reason: reason))
        }
        guard let number = values[r][c] else {
          if SwedishNumber.parse(cell.text, parentheses: true)?.parenthesised == true {
            unread("an amount in parentheses in a table that does not settle that parentheses mean minus")
          } else if cell.text.contains(where: \.isNumber) {
            unread("the cell holds no single number")
          }
          continue
        }
        if label.isEmpty {
          unread("the row has no label")
          continue
        }
        if let reason = columns[c].undetermined {
          unread(reason)
          continue
        }
        let meaning = columns[c].meaning
        let unit = !number.unit.isEmpty ? number.unit
          : (!labelUnit.isEmpty ? labelUnit : (fromDocument[c] && namesMeasure ? "" : meaning.unit))
        recognition.facts.append(Fact(
          report: context.reportID, section: section, table: name, indicator: label, measure: meaning.measure,
          kind: meaning.kind, period: meaning.period, year: meaning.year, value: number.value, unit: unit,
          line: line, rowRole: roles[r]))
      }
    }
    recognition.claim(grid.lines)
  }

  /// True when the table writes its negative amounts in parentheses (`(154 037)`, `(49,7)`), as
  /// a bolag's resultaträkning does, so that every such cell is read as minus its amount. The
  /// convention must be the table's beyond doubt:
  /// - at least two cells of its value columns (no `Not` column) are an amount in parentheses
  ///   alone, and at least one is a number without them;
  /// - no value cell writes a minus sign (a table writing both has not said what its
  ///   parentheses are) or holds a parenthesis otherwise (`-2,7 (-1,3)`, `(16 av 21)`: a
  ///   comparison, a rank);
  /// - no column's amounts in parentheses are all it holds and small whole numbers (`(1)`,
  ///   `(2)`: note references written so).
  /// Otherwise a cell in parentheses is unread.
  static func parenthesesMeanMinus(_ grid: Grid, columns: [GridColumn]) -> Bool {
    var parenthesised = 0
    var plain = 0
    var columnParenthesised = [Int](repeating: 0, count: grid.columnCount)
    var columnSmall = [Int](repeating: 0, count: grid.columnCount)
    var columnPlain = [Int](repeating: 0, count: grid.columnCount)
    for row in grid.rows where row.unreadReason == nil {
      for (c, cell) in row.cells.enumerated() where c < grid.columnCount && !(c < columns.count && columns[c].isNote) {
        guard let cell, !isNoValue(cell.text) else { continue }
        let text = cell.text.trimmingSpaces
        if let number = SwedishNumber.parse(text, parentheses: true), number.parenthesised {
          parenthesised += 1
          columnParenthesised[c] += 1
          if number.value.scale == 0, abs(number.value.mantissa) < 100 { columnSmall[c] += 1 }
          continue
        }
        if text.contains("(") || text.contains(")") { return false }
        guard let number = SwedishNumber.parse(text) else { continue }
        if let first = text.first, "-−–".contains(first) || number.value.mantissa < 0 { return false }
        plain += 1
        columnPlain[c] += 1
      }
    }
    guard parenthesised >= 2, plain >= 1 else { return false }
    for c in 0..<grid.columnCount where columnParenthesised[c] > 0 && columnPlain[c] == 0
      && columnSmall[c] == columnParenthesised[c]
    {
      return false
    }
    return true
  }

  /// Units a table's amounts may be read in again from the prose.
  static let moneyUnits: Set<String> = ["", "mnkr", "tkr", "kr", "mdkr"]

  /// `-`, `–`, `—`, `..`, `x`: a cell with no value.
  /// Two columns read as the same measure, kind, period and year (`Bokslut | Bokslut` over
  /// `20231 | 2024` when the years were not read; `Utfall jan–jun` given the report's year 2025
  /// beside `Utfall jan–jun 2025`) would give each row two facts saying the same thing with
  /// different numbers: the header did not determine them, and both are unread.
  static func markSameMeaning(_ columns: inout [GridColumn]) {
    var first: [ColumnMeaning: Int] = [:]
    for c in columns.indices where !columns[c].isNote && columns[c].undetermined == nil {
      // Columns of different units (`Avvikelse 2025` in mnkr, `Avvikelse procent`) differ.
      var key = columns[c].meaning
      key.unitFromDocument = false
      // A year the header names or the report's year given to a header without one: the same.
      key.measure = key.measure.split(ascii: " ").filter { Vocabulary.year(in: $0) == nil }.joined(separator: " ")
      guard let earlier = first[key] else {
        first[key] = c
        continue
      }
      let reason = "columns \(earlier + 1) and \(c + 1) are both read as '\(columns[c].header)'"
      if columns[earlier].undetermined == nil { columns[earlier].undetermined = reason }
      columns[c].undetermined = reason
    }
  }

  static func isNoValue(_ text: String) -> Bool {
    let t = text.trimmingSpaces
    return t.isEmpty || t == "-" || t == "–" || t == "—" || t == ".." || t == "x" || t == "X"
  }

  /// The caption; else the label column's header when it names something (not only a unit or
  /// a word like `Namn`); else the section's title.
  static func tableName(_ grid: Grid, context: GridContext) -> String {
    if !grid.caption.isEmpty { return grid.caption }
    var stub = grid.stub
    // `(belopp i mkr)` and other parenthesised asides go.
    while let open = stub.firstIndex(of: "("), let close = stub[open...].firstIndex(of: ")") {
      stub.removeSubrange(open...close)
    }
    let words = stub.split(ascii: " ").filter { word in
      ColumnMeaning.unitWord(String(word)) == nil && !Vocabulary.stubWords.contains(Vocabulary.letters(word))
        && !["belopp", "i", "källa"].contains(Vocabulary.letters(word))
        && !Vocabulary.groupWords.contains(Vocabulary.letters(word))
        && !word.allSatisfy { $0.isNumber || $0 == "." }  // a section number
    }
    if words.count >= 1, words.joined().count >= 4 { return words.joined(separator: " ") }
    return context.section(grid.firstLine)
  }

  /// A label without footnote marks: `Finansverksamheten1` → `Finansverksamheten`,
  /// `Exploateringsverksamhet*` → `Exploateringsverksamhet`, and no trailing colon.
  static func cleanLabel(_ label: String) -> String {
    var words = label.split(ascii: " ").map(String.init)
    for i in words.indices {
      var w = words[i]
      while w.hasSuffix("*") { w.removeLast() }
      while w.hasPrefix("*") { w.removeFirst() }
      // One digit glued to a word of letters is a footnote mark.
      if w.count >= 4, let last = w.last, last.isNumber, w.dropLast().last?.isLetter == true,
        w.dropLast().allSatisfy({ $0.isLetter || $0 == "/" || $0 == "-" })
      {
        w.removeLast()
      }
      words[i] = w
    }
    // A footnote digit standing after a parenthesis (`… (%) 1`).
    if words.count >= 2, let last = words.last, last.count == 1, last.first?.isNumber == true,
      words[words.count - 2].hasSuffix(")")
    {
      words.removeLast()
    }
    var result = words.filter { !$0.isEmpty }.joined(separator: " ")
    while result.hasSuffix(":") { result.removeLast() }
    return result.trimmingSpaces
  }

  /// The unit a row label names: `(%)`, `(kWh/m2)`, `…, kr/inv`, `… kr/elev`, `…, antal`.
  static func unit(ofLabel label: String) -> String {
    if label.utf8.last == UInt8(ascii: ")") {
      let (_, parenthesised) = FigureText.splitUnit(label)
      if !parenthesised.isEmpty { return parenthesised == "procent" ? "%" : parenthesised }
    }
    // On the bytes of the label lower-cased once, words set apart by spaces and commas: this
    // runs for every row of every table.
    var lower = SimpleText.lowercased(label)
    enum Found {
      case none, unit(String), lastWord
    }
    let found = lower.withUTF8 { b -> Found in
      let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") }
      func word(_ range: Range<Int>, is text: StaticString) -> Bool {
        range.count == text.utf8CodeUnitCount && range.enumerated().allSatisfy { b[$0.element] == text.utf8Start[$0.offset] }
      }
      func word(_ range: Range<Int>, startsWith text: StaticString) -> Bool {
        range.count >= text.utf8CodeUnitCount && word(range.lowerBound..<(range.lowerBound + text.utf8CodeUnitCount), is: text)
      }
      // The words in one pass, keeping what the rules below ask about them (no array per label).
      var firstWord: Range<Int>?
      var lastWord: Range<Int>?
      var wordCount = 0
      var hasPer = false
      var hasIProcent = false
      var i = 0
      while i < b.count {
        while i < b.count, isSeparator(b[i]) { i += 1 }
        let start = i
        while i < b.count, !isSeparator(b[i]) { i += 1 }
        guard i > start else { continue }
        let current = start..<i
        if firstWord == nil { firstWord = current }
        if word(current, is: "per") { hasPer = true }
        if let previous = lastWord, word(previous, is: "i"), word(current, is: "procent") { hasIProcent = true }
        lastWord = current
        wordCount += 1
      }
      guard let first = firstWord, let last = lastWord else { return .none }
      if word(last, is: "antal") { return .unit("st") }
      // `Antal tillsvidareanställda` counts; `Antal medarbetare per chef` is a ratio.
      if word(first, is: "antal"), wordCount >= 2, !hasPer { return .unit("st") }
      if word(last, startsWith: "kr/") || word(last, startsWith: "tkr/") || word(last, startsWith: "mnkr/") { return .lastWord }
      // `Resultat i procent av skatter och statsbidrag`, `Avvikelse i procent`.
      if hasIProcent { return .unit("%") }
      // A unit after a comma ending the label (`Lokalkostnad per kvadratmeter, kr`).
      if last.upperBound == b.count, last.lowerBound >= 2, b[last.lowerBound - 1] == UInt8(ascii: " "),
        b[last.lowerBound - 2] == UInt8(ascii: ",")
      {
        return .lastWord
      }
      return .none
    }
    switch found {
    case .none: return ""
    case .unit(let unit): return unit
    case .lastWord:
      let lastWord = label.split(ascii: " ").last.map { $0.split(ascii: ",").last ?? $0 } ?? ""
      if lastWord.lowercased().hasPrefix("kr/") || lastWord.lowercased().hasPrefix("tkr/") || lastWord.lowercased().hasPrefix("mnkr/") {
        return String(lastWord)
      }
      // `Resor med kollektivtrafiken, miljoner`: millions of trips, no money.
      if ColumnMeaning.scaleWords.contains(lastWord.lowercased()) { return "" }
      return ColumnMeaning.unitWord(String(lastWord)) ?? ""
    }
  }

  // MARK: Row roles

  static func rowRoles(
    _ grid: Grid, labels: [String], values: [[SwedishNumber?]], columns: [GridColumn], context: GridContext,
    recognition: inout RecognitionContext
  ) -> [RowRole] {
    var roles = labels.map { Vocabulary.rowRole(ofLabel: $0) }
    var detailsSince: [Int] = []
    var totals: [Int] = []
    for r in grid.rows.indices {
      let numbered = values[r].contains { $0 != nil }
      // A group's label starts a new run of rows to add up.
      if grid.rows[r].isLabelOnly { detailsSince = [] }
      guard numbered else { continue }
      if roles[r] == .part { continue }
      // A row opening with `=` goes on from the last total (`Årets resultat` 311, `-
      // Realisationsvinster` -1, `= Årets resultat efter balanskravsjusteringar` 310).
      let added = labels[r].utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "=")
        ? (totals.last.map { [$0] } ?? []) + detailsSince : detailsSince
      let sums = columnSums(added, values: values, columns: columns)
      // A row of zeros is no sum of the rows above by arithmetic: zeros match small sums within
      // their rounding (`-/+ Orealiserade vinster` 0 under -1 and 0).
      let addsUp = added.count >= 2 && matches(values[r], sums, columns)
        && values[r].contains { $0.map { $0.value.mantissa != 0 } ?? false }
      if roles[r] == .total || addsUp {
        roles[r] = .total
        totals.append(r)
        if roles[r] == .total, added.count >= 2, !addsUp {
          warnMismatch(r, labels[r], values[r], sums, columns, grid, context, &recognition)
        }
        detailsSince = []
      } else {
        roles[r] = .detail
        detailsSince.append(r)
      }
    }
    // A total with another total after it (and rows between) is a subtotal.
    for (k, r) in totals.enumerated() where k + 1 < totals.count { roles[r] = .subtotal }
    return roles.map { $0 ?? .detail }
  }

  /// Per column, the sum of the rows' numbers (nil where a row has none or the column is no
  /// determined column).
  private static func columnSums(_ rows: [Int], values: [[SwedishNumber?]], columns: [GridColumn]) -> [Number?] {
    guard !rows.isEmpty else { return [] }
    return columns.indices.map { c -> Number? in
      // Percentages do not add up.
      guard columns[c].undetermined == nil, !columns[c].isNote, columns[c].meaning.unit != "%" else { return nil }
      var sum = Number(mantissa: 0, scale: 0)
      var any = false
      for r in rows {
        guard let n = values[r][c] else { continue }
        guard n.unit != "%", let added = sum.adding(n.value) else { return nil }
        sum = added
        any = true
      }
      return any ? sum : nil
    }
  }

  /// True when every number of the row equals the column's sum within rounding, and at least
  /// two columns compare.
  private static func matches(_ row: [SwedishNumber?], _ sums: [Number?], _ columns: [GridColumn]) -> Bool {
    guard !sums.isEmpty else { return false }
    var compared = 0
    for c in columns.indices {
      guard let n = row[c], let sum = sums[c] else { continue }
      guard closeEnough(n.value, sum, rows: 1) else { return false }
      compared += 1
    }
    return compared >= 2
  }

  /// Equal within the rounding of the printed numbers (half a unit of the last decimal per
  /// row summed, at least one unit).
  static func closeEnough(_ a: Number, _ b: Number, rows: Int) -> Bool {
    guard let diff = a.subtracting(b) else { return false }
    let scale = max(Int(a.scale), Int(b.scale))
    var unit = 1.0
    for _ in 0..<scale { unit /= 10 }
    return abs(diff.doubleValue) <= unit * 1.01
  }

  private static func warnMismatch(
    _ r: Int, _ label: String, _ row: [SwedishNumber?], _ sums: [Number?], _ columns: [GridColumn], _ grid: Grid,
    _ context: GridContext, _ recognition: inout RecognitionContext
  ) {
    for c in columns.indices {
      guard let n = row[c], c < sums.count, let sum = sums[c], !closeEnough(n.value, sum, rows: 1) else { continue }
      recognition.warnings.append(IngestWarning(
        file: context.source, line: grid.rows[r].line + 1,
        message: "'\(label)' is \(n.value) in column '\(columns[c].header)', but the rows above it add up to \(sum)"))
    }
  }
}
