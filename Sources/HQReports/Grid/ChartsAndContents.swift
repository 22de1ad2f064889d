/// Numbers that stand in a report text but are no table: a chart's residue and a table of
/// contents. Both are claimed so no table reader takes them for rows.
///
/// - A **chart** leaves its values and axis ticks one per line with no label (`500` / `400` /
///   `300` …), often followed by a line of years (the axis) and a legend (`Kvinnor  Män`). Which
///   value belongs to which bar is not shown, so its numbers go to `unread`.
/// - A **table of contents** is a run of lines `section number, title, page number`
///   (`2 Driftredovisning 7`, ``TextLines/isContentsEntry(_:_:)``); its page numbers are
///   neither facts nor unread.
enum ChartsAndContents {
  /// - Parameter shapes: ``ByteShape`` of each line.
  static func read(lines: [String], shapes: [ByteShape], context: GridContext, into recognition: inout RecognitionContext) {
    // Each line's numbers, worked out once: a chart is looked for at every line of a run of
    // lines of numbers.
    let numbers = lines.indices.map { recognition.isClaimed($0) ? nil : numbersOnly(lines[$0], shapes[$0]) }
    var index = 0
    while index < lines.count {
      if let chart = chart(at: index, lines, numbers, recognition) {
        for line in chart.numbers {
          recognition.unread.append(UnreadNumber(
            report: context.reportID, section: context.section(line), table: "", line: line + 1,
            text: lines[line].trimmingSpaces, reason: "a chart's value or axis tick: which bar or label it belongs to is not shown"))
        }
        recognition.claim(chart.lines)
        index = (chart.lines.max() ?? index) + 1
      } else if isNoteHeading(lines[index]), !recognition.isClaimed(index) {
        // `Not 3`: the heading of a note, its number no value.
        recognition.claim([index])
        index += 1
      } else if shapes[index].hasDigit, let contents = contents(at: index, lines, recognition) {
        // (A table of contents starts at a line starting with a digit.)
        recognition.claim(contents)
        index = (contents.max() ?? index) + 1
      } else {
        index += 1
      }
    }
  }

  /// A line holding only numbers (one to three), no letters.
  static func numbersOnly(_ line: String, _ shape: ByteShape) -> Int? {
    // On bytes: a digit, and no letter (ASCII, or the lead byte of å, ä, ö and the like).
    guard shape.hasDigit, !shape.hasLetterByte else { return nil }
    let text = line.trimmingSpaces
    // Letters outside ASCII (`µ`, `ª`) by `Character`; ASCII letters are already ruled out.
    guard !text.isEmpty, ByteSearch.allBytes(of: text, { $0 < 0x80 }) || !text.contains(where: \.isLetter) else { return nil }
    let run = RunReading.run(Substring(text))
    guard run.label.isEmpty, !run.atoms.isEmpty else { return nil }
    // The fewest values the run can be read as (``RunReading/counts(_:)``), when at most three.
    return (1...min(run.atoms.count, 3)).first { RunReading.read(run, count: $0) != .impossible }
  }

  /// The chart residue starting at `index`: three or more lines of lone numbers, with the axis
  /// of years and the legend after them.
  static func chart(
    at index: Int, _ lines: [String], _ counts: [Int?], _ recognition: RecognitionContext
  ) -> (lines: [Int], numbers: [Int])? {
    var numbers: [Int] = []
    var single = 0
    var i = index
    while i < lines.count, !recognition.isClaimed(i), let count = counts[i] {
      // A line of years only is the axis, not a value.
      if isYearsOnly(lines[i]) { break }
      numbers.append(i)
      if count == 1 { single += 1 }
      i += 1
    }
    guard numbers.count >= 3, single >= 3 else { return nil }
    var claimed = numbers
    if i < lines.count, isYearsOnly(lines[i]) {
      claimed.append(i)
      i += 1
    }
    // An axis title set sideways comes out reversed (`ronork`, `renojliM`): part of the chart.
    while i < lines.count, !recognition.isClaimed(i), isReversedAxisTitle(lines[i]) {
      claimed.append(i)
      i += 1
    }
    // A legend: short lines of a few words and no digits, one after another (after an axis
    // title, up to four: `Skattefinansierad verksamhet` / `Avgiftsfinansierad verksamhet` / …).
    let legendLines = claimed.last.map { isReversedAxisTitle(lines[$0]) } == true ? 4 : 1
    var legend = 0
    while legend < legendLines, i < lines.count, !recognition.isClaimed(i) {
      let text = lines[i].trimmingSpaces
      guard !text.isEmpty, text.count <= 60, !text.contains(where: \.isNumber), text.split(ascii: " ").count <= 6,
        !TextLines.isProse(text)
      else { break }
      claimed.append(i)
      legend += 1
      i += 1
    }
    return (claimed, numbers)
  }

  /// A line of one word that read backwards is a unit or an axis word (`ronork` → `kronor`,
  /// `renojliM` → `Miljoner`, `tnecorp` → `procent`): an axis title set sideways.
  static func isReversedAxisTitle(_ line: String) -> Bool {
    let text = line.trimmingSpaces
    guard !text.isEmpty, text.count <= 20, !text.contains(" ") else { return false }
    let reversed = String(text.reversed()).lowercased()
    return ColumnMeaning.unitWord(reversed) != nil || ["miljoner", "antal", "dagar", "timmar", "andel"].contains(reversed)
  }

  static func isYearsOnly(_ line: String) -> Bool {
    let words = SimpleText.words(line)
    return words.count >= 2 && words.allSatisfy { $0.count == 4 && Vocabulary.year(in: $0) != nil }
  }

  /// `Not 3`, `Not 12`: a note's heading.
  static func isNoteHeading(_ line: String) -> Bool {
    guard line.utf8.count <= 10, line.utf8.first == UInt8(ascii: "N") else { return false }
    let words = SimpleText.words(line)
    return words.count == 2 && Vocabulary.letters(words[0]) == "not" && words[1].count <= 2 && words[1].allSatisfy(\.isNumber)
  }

  /// A table of contents starting at `index`: its entries (``TextLines/isContentsEntry(_:_:)``)
  /// in a row, blank lines between allowed.
  static func contents(at index: Int, _ lines: [String], _ recognition: RecognitionContext) -> [Int]? {
    var found: [Int] = []
    var i = index
    while i < lines.count, !recognition.isClaimed(i) {
      // Cheap first, on bytes: a contents line starts with a digit.
      let isText = { (b: UInt8) in b != 0x20 && b != 0x09 }
      let bytes = lines[i].utf8
      guard let first = bytes.withContiguousStorageIfAvailable({ $0.first(where: isText) }) ?? bytes.first(where: isText) else {
        if found.isEmpty { return nil }
        i += 1
        continue
      }
      guard first >= 0x30 && first <= 0x39, TextLines.isContentsEntry(i, lines) else { break }
      found.append(i)
      i += 1
    }
    return found.isEmpty ? nil : found
  }
}
