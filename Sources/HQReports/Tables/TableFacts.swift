import HQData

extension TableScan {
  /// The numbers of one row read for `expected` columns, and whether thousands groups joined
  /// some of them.
  struct RowNumbers {
    var label: String
    var numbers: [SwedishNumber]
    var grouped: Bool
    /// The same numbers with every digit group read as a number of its own, when possible.
    var ungrouped: [SwedishNumber]?
  }

  /// The numbers of line `index` read for `expected` columns: the run of values the shared line
  /// readings found at its end (``LineReadings/run(_:)``), split again for that count.
  func readRow(_ index: Int, expected: Int) -> RowNumbers {
    let run = text.readings.run(index)
    let atoms = run.atoms
    let split = NumberRun.splitNumberRun(atoms, expectedCount: expected)
    let valueAtoms = split.labelAtoms..<atoms.count
    let grouped = split.numbers.count < valueAtoms.count
    var ungrouped: [SwedishNumber]?
    if grouped, valueAtoms.count <= expected, valueAtoms.allSatisfy({ atoms[$0].canStart }) {
      ungrouped = valueAtoms.compactMap { NumberRun.makeNumber(atoms[...], span: $0..<($0 + 1)) }
    }
    return RowNumbers(
      label: run.label(before: split.labelAtoms, in: lines[index]), numbers: split.numbers, grouped: grouped,
      ungrouped: ungrouped)
  }

  /// Rule 6 of ``ColumnTableRecognizer``: one fact per number.
  mutating func emit(
    _ rows: [TableRow], layout: TableLayout, headingCaption: String?, context: inout RecognitionContext
  ) {
    let columns = layout.measures.count
    let captionContext = [layout.caption, layout.stub, headingCaption ?? ""].joined(separator: " ")
    let meaningContext = ColumnMeaning.Context(
      caption: captionContext, reportYear: text.reportYear, reportPeriod: text.reportPeriod,
      documentUnit: text.documentUnit)
    var known = meaningCache[meaningContext] ?? [:]
    let meanings = layout.measures.map { header in
      if let meaning = known[header] { return meaning }
      let meaning = ColumnMeaning(header: header, context: meaningContext)
      known[header] = meaning
      return meaning
    }
    meaningCache[meaningContext] = known
    let name = tableName(layout, headingCaption: headingCaption, firstLine: rows.first?.valueLine ?? 0)

    var readings = rows.map { readRow($0.valueLine, expected: columns - ($0.textCell == nil ? 0 : 1)) }
    let usesGroups = zip(rows, readings).contains { row, reading in
      reading.grouped && reading.numbers.count == columns - (row.textCell == nil ? 0 : 1)
    }
    if !usesGroups {
      for i in readings.indices where readings[i].numbers.count < columns {
        if let ungrouped = readings[i].ungrouped { readings[i].numbers = ungrouped }
      }
    }

    // A row whose label ends in a decimal number (`Antal timavlönade 41,5 44,0` read for one
    // column), or in three digit groups or more (`Nettoomsättning 1 188 907 189 296 …` read for
    // one column under a lost header), holds more numbers than the header has columns: the
    // columns are not known, and a row's groups joined into one number (`318 322 329`) would be
    // a wrong value.
    if rows.count >= 2, !layout.measures.allSatisfy(\.isEmpty), readings.contains(where: { reading in
      let words = reading.label.split(ascii: " ")
      if words.suffix(3).count == 3, words.suffix(3).allSatisfy({ word in
        word.contains(where: \.isNumber) && word.allSatisfy { $0.isNumber || "()−–-".contains($0) }
      }) {
        return true
      }
      // The bytes first: a comma in the last word is a comma byte in the label.
      guard reading.label.utf8.contains(UInt8(ascii: ",")), let last = words.last else { return false }
      return last.contains(",") && SwedishNumber.parse(String(last)) != nil
    }) {
      for row in rows {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: section(row.valueLine), table: "", line: row.valueLine + 1,
          text: text.cleaned[row.valueLine], reason: "the rows hold more numbers than the header has columns (\(columns))"))
      }
      return
    }

    let thousands = meanings.allSatisfy(\.unitFromDocument) && text.documentUnit == "mnkr"
      && proseQuotesInMillions(readings.flatMap(\.numbers), near: rows[0].valueLine)
    // The grid reader's unit rules (``GridReading``): a row label's unit (`Antal …` → `st`), and
    // no document unit for a row naming a measure or in a table of measures.
    let splitLabels = zip(rows, readings).map { row, reading in
      // A label on the value line alone is cleaned already (``NumberRun/ByteRun/label(before:)``).
      let label =
        row.labelLines.isEmpty
        ? reading.label : LineJoining.join(row.labelLines.map { Substring(lines[$0]) } + [Substring(reading.label)])
      return FigureText.splitUnit(Self.cleanLabel(label))
    }
    // Each label's unit, read once for both rules.
    let labelUnits = splitLabels.map { GridReading.unit(ofLabel: $0.0) }
    let ofMeasures = labelUnits.contains { unit in !unit.isEmpty && !GridReading.moneyUnits.contains(unit) }

    for (index, row) in rows.enumerated() {
      let reading = readings[index]
      var (label, labelUnit) = splitLabels[index]
      if label.isEmpty, columns == 1, rows.count > 1 {
        // A lone number with no label in a one-column table (a chart's tick): not a fact.
        context.unread.append(UnreadNumber(
          report: text.reportID, section: section(row.valueLine), table: name, line: row.valueLine + 1,
          text: text.cleaned[row.valueLine], reason: "the row has no label"))
        continue
      }
      if label.isEmpty {
        if rows.count == 1 {
          label = name
        } else if index == rows.count - 1, reading.numbers.count == columns {
          label = "Totalt"
          context.warnings.append(IngestWarning(
            file: text.source, line: row.valueLine + 1,
            message: "last row of table '\(name)' has no label; read as its total"))
        } else {
          context.warnings.append(IngestWarning(
            file: text.source, line: row.valueLine + 1, message: "row of table '\(name)' has no label"))
        }
      }
      if label.isEmpty {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: section(row.valueLine), table: name, line: row.valueLine + 1,
          text: text.cleaned[row.valueLine], reason: "the row has no label"))
        continue
      }
      let indicator = row.subheading.isEmpty ? label : "\(row.subheading) – \(label)"
      // A label that is running text (sentences above a lone number: a page number or a chart's
      // residue after a paragraph) names no row.
      if Self.isRunningText(label) {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: section(row.valueLine), table: name, line: row.valueLine + 1,
          text: text.cleaned[row.valueLine], reason: "the row's label is running text"))
        continue
      }
      let offset = row.textCell == nil ? 0 : 1
      // Precision first: numbers whose columns are not known are not facts. A short row fills
      // the first columns only when every column it leaves empty is a budget, a deviation or
      // an average standing after the outcomes it fills: a row may lack a plan or a derived
      // figure (`Rekvisitionsläkemedel 134 121,4` under outcome, outcome, budget, deviation),
      // but which outcome is missing is never shown.
      let filled = reading.numbers.count + offset
      let shortRowFits = filled >= columns
        || (filled >= 1 && meanings[filled...].allSatisfy { $0.kind == .budget || $0.kind == .avvikelse || $0.isAverage })
      let unknown: String? =
        columns >= 2 && layout.measures.allSatisfy(\.isEmpty)
        ? "the table has no header naming its \(columns) columns"
        : (shortRowFits ? nil : "the row holds \(filled) numbers for \(columns) columns; which are missing is not shown")
      if let unknown {
        context.unread.append(UnreadNumber(
          report: text.reportID, section: section(row.valueLine), table: name, line: row.valueLine + 1,
          text: text.cleaned[row.valueLine], reason: unknown))
        continue
      }
      // What the row's label says about the kind, read at most once per row; its unit and
      // whether it names a measure, once per row.
      var labelKind: FactKind??
      // (A row with no label of its own was given one above: its unit is read here.)
      let rowUnit =
        !labelUnit.isEmpty ? labelUnit : (splitLabels[index].0.isEmpty ? GridReading.unit(ofLabel: label) : labelUnits[index])
      let namesMeasure = ofMeasures || Vocabulary.namesMeasure(label)
      for (k, number) in reading.numbers.enumerated() where offset + k < columns {
        let meaning = meanings[offset + k]
        let kind: FactKind
        if meaning.kind != .värde || meaning.isAverage {
          kind = meaning.kind
        } else {
          if labelKind == nil { labelKind = .some(ColumnMeaning.kind(of: SimpleText.lowercased(indicator))) }
          kind = (labelKind ?? nil) ?? .värde
        }
        let documentOnly = meaning.unitFromDocument && namesMeasure
        let unit = !number.unit.isEmpty
          ? number.unit : (!rowUnit.isEmpty ? rowUnit : (thousands ? "tkr" : (documentOnly ? "" : meaning.unit)))
        context.facts.append(Fact(
          report: text.reportID, section: section(row.valueLine), table: name, indicator: indicator,
          measure: meaning.measure, kind: kind, period: meaning.period, year: meaning.year,
          value: number.value, unit: unit, line: row.valueLine + 1))
      }
    }
  }

  /// The caption; else a label-column header that names something (two words or more, not a
  /// unit); else the heading right above; else a short standalone line a few lines above;
  /// else the section's title.
  private mutating func tableName(_ layout: TableLayout, headingCaption: String?, firstLine: Int) -> String {
    if !layout.caption.isEmpty { return Self.cleanLabel(layout.caption) }
    let stubWords = layout.stub.split(ascii: " ")
    if stubWords.count >= 2, let first = stubWords.first, ColumnMeaning.unitWord(String(first)) == nil {
      return Self.cleanLabel(layout.stub)
    }
    if let headingCaption, !headingCaption.isEmpty { return headingCaption }
    if layout.stub.isEmpty, layout.measures.allSatisfy(\.isEmpty), let nearby = nearbyCaption(above: firstLine) {
      return nearby
    }
    return section(firstLine)
  }

  /// A short line standing alone between blank lines within twelve lines above, in the same
  /// section (a sub-heading over prose that introduces a header-less table).
  private mutating func nearbyCaption(above index: Int) -> String? {
    var i = index - 1
    while i > 0, index - i <= 12, !isHeading(i) {
      let cleaned = cleaned(i)
      if !cleaned.isEmpty, cleaned.count <= 70, !TextLines.isProse(cleaned), !TextLines.hasTrailingSpace(lines[i]),
        !ByteSearch.has(cleaned, ","), TextLines.isBlank(lines[i - 1]),
        i + 1 < lines.count, TextLines.isBlank(lines[i + 1]), let first = cleaned.first, first.isUppercase,
        text.row(i).numbers.isEmpty
      {
        return cleaned
      }
      i -= 1
    }
    return nil
  }

  /// True when the prose of the table's section quotes one of the table's whole numbers in
  /// millions (`191 052` in the table, `191,1 mnkr` in the text): the table is in thousands
  /// (`tkr`) although the document's unit is `mnkr`.
  private mutating func proseQuotesInMillions(_ numbers: [SwedishNumber], near index: Int) -> Bool {
    guard numbers.allSatisfy({ $0.value.scale == 0 && $0.unit.isEmpty }) else { return false }
    let whole = numbers.filter { abs($0.value.mantissa) >= 1000 }
    guard !whole.isEmpty else { return false }
    let rounded = Set(whole.map { ($0.value.mantissa + ($0.value.mantissa >= 0 ? 50 : -50)) / 100 })
    let title = section(index)
    var i = index
    while i > 0, index - i < 200, section(i - 1) == title { i -= 1 }
    var end = index
    while end + 1 < lines.count, end - index < 200, section(end + 1) == title { end += 1 }
    for line in i...end where mentionsMnkr(line) {
      let words = NumberRun.words(in: Substring(lines[line]))
      // The bytes first: a word whose letters are `mnkr` starts with them.
      for k in words.indices.dropLast()
      where words[k + 1].text.utf8.starts(with: "mnkr".utf8) && words[k + 1].text.prefix(while: \.isLetter) == "mnkr" {
        guard let n = SwedishNumber.parse(words[k].text), n.value.scale == 1 else { continue }
        if rounded.contains(abs(n.value.mantissa)) || rounded.contains(n.value.mantissa) { return true }
      }
    }
    return false
  }

  /// True when the line is at most 400 bytes and holds `mnkr`; worked out once per line.
  private mutating func mentionsMnkr(_ line: Int) -> Bool {
    if mnkrCache[line] == 0 {
      mnkrCache[line] = lines[line].utf8.count <= 400 && ByteSearch.contains(lines[line], "mnkr") ? 1 : 2
    }
    return mnkrCache[line] == 1
  }

  func section(_ index: Int) -> String {
    text.sectionTitles.indices.contains(index) ? text.sectionTitles[index] : ""
  }

  /// A label without footnote marks (`Läkemedel utom förmån *` → `Läkemedel utom förmån`) or a
  /// trailing colon.
  /// The grid reader's one rule (``GridReading/cleanLabel(_:)``: `*` and footnote digits glued
  /// to a word taken off, `Tekniska nämnden1` → `Tekniska nämnden`, no trailing colon), with
  /// a byte test first that most labels pass unchanged.
  static func cleanLabel(_ label: String) -> String {
    if isCleanLabel(label) { return label }
    return GridReading.cleanLabel(label)
  }

  /// True when ``cleanLabel(_:)`` would return the label as it is: no `*`, no space at either
  /// end or twice in a row, no trailing colon, no digit right after a letter. Most labels are;
  /// this spares them the split.
  private static func isCleanLabel(_ label: String) -> Bool {
    var previous: UInt8 = 0x20
    for byte in label.utf8 {
      if byte == 0x2A || (byte == 0x20 && previous == 0x20) { return false }
      // A digit after a letter (ASCII or the last byte of a UTF-8 letter): maybe a footnote.
      if byte >= 0x30 && byte <= 0x39 && (previous | 0x20 >= 0x61 && previous | 0x20 <= 0x7A || previous >= 0x80) {
        return false
      }
      previous = byte
    }
    return previous != 0x20 && previous != 0x3A
  }

  /// True when a label is running text rather than a row's name: it holds a sentence end
  /// followed by another sentence (`… i april 2025. Skulden för …`). Length alone says nothing:
  /// row names run long (`Faktiska kostnader FVIS-införandet - resurser förvaltningarna …`).
  static func isRunningText(_ label: String) -> Bool {
    // Cheap test first: such a label holds the bytes `. ` (most labels do not).
    var previous: UInt8 = 0
    guard label.utf8.contains(where: { byte in
      defer { previous = byte }
      return byte == 0x20 && previous == 0x2E
    }) else { return false }
    let words = label.split(ascii: " ")
    return zip(words, words.dropFirst()).contains { $0.hasSuffix(".") && $0.count >= 4 && $1.first?.isUppercase == true }
  }
}
