import HQData

/// Last checks on the table rows every reader produced, before they become facts: a row whose
/// numbers are not determined after all goes to `unread`, all of it (precision first).
///
/// - **Two numbers joined by the thousands rule**: under a header read with a column too few,
///   `Färjor -6 423 -6 996 573 8,2` reads as three numbers, `-6 996 573` one of them. A row
///   whose largest amount (no percentages) has three or more digits more in its whole part
///   than its smallest budget, outcome or forecast (two or more from six digits on), in a line
///   with a thousands group after a space, is such a row (or one the rule split: `2 051 2 693`
///   as 2 051, 2 and 693): a deviation is no larger than what it deviates from by a thousand
///   times, and a budget and its outcome are of one magnitude. A cell of the row left unread
///   (its column not determined) counts too: `–5 048 128 602` there makes the rest doubtful.
/// - **A value taken into the label**: a label ending in a signed number (`Hamnar -5 877`,
///   `Hamnar -308`) holds one of the row's values; the numbers left are not placed.
enum RowChecks {
  /// The least difference in whole-part digits between a row's amounts that makes the largest
  /// a possible join of two numbers.
  static let joinedDigitGap = 3

  /// Moves the facts of undetermined table rows of `context` to its unread numbers.
  static func apply(_ context: inout RecognitionContext, lines: [String]) {
    // A reader appends a row's facts one after another: each run of table facts of one line
    // and label is a row.
    var removed: [Range<Int>] = []
    var start = 0
    let facts = context.facts
    // The cells of table rows left unread (a column not determined), by line: a join there
    // makes the row's read cells doubtful too.
    var unreadCells: [Int: [Number]] = [:]
    for number in context.unread where !number.table.isEmpty {
      if let n = SwedishNumber.parse(number.text) { unreadCells[number.line, default: []].append(n.value) }
    }
    while start < facts.count {
      var end = start + 1
      while end < facts.count, facts[end].line == facts[start].line, facts[end].indicator == facts[start].indicator,
        facts[end].table == facts[start].table
      {
        end += 1
      }
      defer { start = end }
      let first = facts[start]
      guard !first.table.isEmpty, first.line >= 1, first.line <= lines.count else { continue }
      let reason: String
      if labelEndsInValue(first.indicator) {
        reason = "the label ends in a number that may be one of the row's values"
      } else if mayJoinTwoNumbers(facts[start..<end], unread: unreadCells[first.line] ?? [], text: lines[first.line - 1]) {
        reason = "a number may be two joined by the thousands rule: it is a thousand times the row's other amounts"
      } else {
        continue
      }
      context.unread.append(UnreadNumber(
        report: first.report, section: first.section, table: first.table, line: first.line,
        text: lines[first.line - 1].trimmingSpaces, reason: reason))
      removed.append(start..<end)
    }
    for range in removed.reversed() { context.facts.removeSubrange(range) }
  }

  /// True when the row's amounts differ by ``joinedDigitGap`` digits or more and the line has
  /// a thousands group after a space that could have joined them.
  static func mayJoinTwoNumbers(_ facts: ArraySlice<Fact>, unread: [Number] = [], text: String) -> Bool {
    // The smallest level (a deviation may well be small), the largest of any amount.
    var low = Int.max
    var high = 0
    for fact in facts where fact.unit != "%" && fact.value.mantissa != 0 {
      let digits = integerDigits(fact.value)
      switch fact.kind {
      case .budget, .utfall, .prognos:
        low = min(low, digits)
        high = max(high, digits)
      case .avvikelse: high = max(high, digits)
      default: continue
      }
    }
    for number in unread { high = max(high, integerDigits(number)) }
    // Three digits apart from four digits on, or two apart from six on (`10 083 9 836 247`: a
    // budget of seven digits beside an outcome of five).
    guard low != .max, high >= 4 && high - low >= joinedDigitGap || high >= 6 && high - low >= joinedDigitGap - 1
    else { return false }
    return hasSpacedGroup(text)
  }

  /// The digits of a number's whole part (0 for a number under 1).
  static func integerDigits(_ n: Number) -> Int {
    var m = n.mantissa.magnitude
    var count = 0
    while m > 0 {
      m /= 10
      count += 1
    }
    return max(0, count - Int(n.scale))
  }

  /// True when a digit, a space of any width (``LineJoining/isSpace(_:)``) and three digits
  /// follow each other in the text.
  static func hasSpacedGroup(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    let isDigit = { (s: Unicode.Scalar) in s.value >= 0x30 && s.value <= 0x39 }
    guard scalars.count >= 5 else { return false }
    for i in 1...(scalars.count - 4) where LineJoining.isSpace(scalars[i]) && isDigit(scalars[i - 1]) {
      if isDigit(scalars[i + 1]) && isDigit(scalars[i + 2]) && isDigit(scalars[i + 3]) { return true }
    }
    return false
  }

  /// True when a label's last words are a signed number (`Hamnar -5 877`, `Hamnar -308`,
  /// `Hamnar -5,5`): a value taken into the label.
  static func labelEndsInValue(_ label: String) -> Bool {
    // Cheap first: a label ending in a letter or a bracket (most) ends in no number.
    guard let end = label.utf8.last, end >= 0x30 && end <= 0x39 else { return false }
    let words = NumberRun.words(in: Substring(label)).map(\.text)
    guard words.count >= 2, let last = words.last else { return false }
    let digits = { (word: Substring) in !word.isEmpty && word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    let signed = { (word: Substring) -> Substring? in
      guard let first = word.first, first == "-" || first == "−" || first == "–" else { return nil }
      return word.dropFirst()
    }
    // `… -5 877`: a group after a signed number of one to three digits.
    if last.count == 3, digits(last), let rest = signed(words[words.count - 2]) {
      return (1...3).contains(rest.count) && digits(rest)
    }
    // `… -308`, `… -5,5`
    guard let rest = signed(last) else { return false }
    return digits(Substring(rest.filter { $0 != "," }))
  }
}
