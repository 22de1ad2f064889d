import HQData

/// Last checks on the table rows every reader produced, before they become facts: a row whose
/// numbers are not determined after all goes to `unread`, all of it (precision first).
///
/// - **Two numbers joined by the thousands rule**: under a header read with a column too few,
///   `Färjor -6 423 -6 996 573 8,2` reads as three numbers, `-6 996 573` one of them. A row
///   whose largest amount (no percentages) has three or more digits more in its whole part
///   than its smallest budget, outcome or forecast, in a line with a thousands group after a
///   space, is such a row: a deviation is no larger than what it deviates from by a thousand
///   times, and a budget and its outcome are of one magnitude.
/// - **A value taken into the label**: a label ending in a signed number (`Hamnar -5 877`,
///   `Hamnar -308`) holds one of the row's values; the numbers left are not placed.
enum RowChecks {
  /// The least difference in whole-part digits between a row's amounts that makes the largest
  /// a possible join of two numbers.
  static let joinedDigitGap = 3

  /// Moves the facts of undetermined table rows of `context` to its unread numbers.
  static func apply(_ context: inout RecognitionContext, lines: [String]) {
    // The table facts of each line and label, in order.
    var rows: [RowKey: [Int]] = [:]
    for (k, fact) in context.facts.enumerated() where !fact.table.isEmpty && fact.line >= 1 {
      rows[RowKey(line: fact.line, label: fact.indicator), default: []].append(k)
    }
    var removed = Set<Int>()
    for (key, indexes) in rows.sorted(by: { $0.key.line < $1.key.line }) {
      let text = key.line <= lines.count ? lines[key.line - 1] : ""
      let reason: String
      if labelEndsInValue(key.label) {
        reason = "the label ends in a number that may be one of the row's values"
      } else if mayJoinTwoNumbers(indexes.map { context.facts[$0] }, text: text) {
        reason = "a number may be two joined by the thousands rule: it is a thousand times the row's other amounts"
      } else {
        continue
      }
      let first = context.facts[indexes[0]]
      context.unread.append(UnreadNumber(
        report: first.report, section: first.section, table: first.table, line: key.line,
        text: text.trimmingSpaces, reason: reason))
      removed.formUnion(indexes)
    }
    guard !removed.isEmpty else { return }
    context.facts = context.facts.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
  }

  struct RowKey: Hashable {
    var line: Int
    var label: String
  }

  /// True when the row's amounts differ by ``joinedDigitGap`` digits or more and the line has
  /// a thousands group after a space that could have joined them.
  static func mayJoinTwoNumbers(_ facts: [Fact], text: String) -> Bool {
    let amounts = facts.filter { $0.unit != "%" && $0.value.mantissa != 0 }
    // The smallest level (a deviation may well be small), the largest of any amount.
    let levels = amounts.filter { [.budget, .utfall, .prognos].contains($0.kind) }.map { integerDigits($0.value) }
    let all = amounts.filter { [.budget, .utfall, .prognos, .avvikelse].contains($0.kind) }.map { integerDigits($0.value) }
    guard let low = levels.min(), let high = all.max(), high >= 5, high - low >= joinedDigitGap else { return false }
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
