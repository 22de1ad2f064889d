import HQData

/// The labels above a breakdown figure's values line, and the inline parts among them
/// (`Kvinnor (2,93%) Män (2,09%)` under `Sjukfrånvaro fortsatt låg`).
struct BreakdownLabels {
  var labels: [FigureLabel] = []
  /// For each line of inline parts: the index of the label above it, and the parts.
  var inlineParts: [(label: Int, parts: [BreakdownPart])] = []
  /// The caption when the top label turned out to be one (set by the recognizer).
  var caption: (text: String, line: Int)?

  /// Gathers the labels upwards from the values line at `index` (see ``StaffFiguresRecognizer``).
  init(above index: Int, in text: borrowing ReportText, context: borrowing RecognitionContext) {
    let walk = LabelLines(above: index, in: text, context: context, limit: 14, readsInlineParts: true)
    labels = walk.labels(in: text)
    for inline in walk.inline.reversed() {
      // The label whose lines end nearest above the inline line.
      guard let label = labels.lastIndex(where: { ($0.lines.last ?? Int.max) < inline.line }) else { continue }
      inlineParts.append((label, inline.parts))
    }
  }

  /// `Kvinnor (2,93%) Män (2,09%)` → two parts; nil unless the whole line is such pairs.
  static func inlineParts(_ cleaned: String, line: Int) -> [BreakdownPart]? {
    var parts: [BreakdownPart] = []
    var name: [Substring] = []
    for word in cleaned.split(ascii: " ") {
      if word.hasPrefix("("), word.hasSuffix(")"), word.count > 2 {
        guard !name.isEmpty, let number = SwedishNumber.parse(word.dropFirst().dropLast()), !number.unit.isEmpty
        else { return nil }
        parts.append(BreakdownPart(name: name.joined(separator: " "), value: number, nameLine: line, line: line))
        name = []
      } else {
        guard !FigureText.hasDigit(word), name.count < 3 else { return nil }
        name.append(word)
      }
    }
    return name.isEmpty && !parts.isEmpty ? parts : nil
  }
}

/// Which label each headline value and each part of a breakdown figure belongs to, decided by
/// the sums of the parts (see ``StaffFiguresRecognizer``).
struct BreakdownPlan: Sendable, Hashable {
  /// For each headline value, its label's index; nil when it has none.
  var valueLabels: [Int?]
  /// For each part, its label's index; nil when it has none.
  var partLabels: [Int?]
  /// False when too few values were placed by a sum for their order to be trusted.
  var trusted: Bool

  init(values: [SwedishNumber], labels: Int, inline: [Int], parts: [BreakdownPart]) {
    valueLabels = Array(repeating: nil, count: values.count)
    partLabels = Array(repeating: nil, count: parts.count)
    var groups: [(parts: Range<Int>, value: Int)] = []
    var leftovers: [Int] = []
    var used: Set<Int> = []
    var i = 0
    while i < parts.count {
      if let group = Self.group(startingAt: i, parts: parts, values: values, used: used) {
        groups.append(group)
        used.insert(group.value)
        i = group.parts.upperBound
      } else {
        leftovers.append(i)
        i += 1
      }
    }
    trusted = groups.count >= values.count - 1
    guard trusted else { return }
    let inlineLabels = Set(inline)
    var free = (0..<labels).filter { !inlineLabels.contains($0) }[...]
    for group in groups {
      guard let label = free.popFirst() else { break }
      valueLabels[group.value] = label
      for part in group.parts { partLabels[part] = label }
    }
    for value in values.indices where valueLabels[value] == nil {
      valueLabels[value] = (0..<labels).first { !valueLabels.contains($0) }
    }
    let withParts = inlineLabels.union(partLabels.compactMap { $0 })
    if let rest = (0..<labels).first(where: { !valueLabels.contains($0) && !withParts.contains($0) }) {
      for part in leftovers { partLabels[part] = rest }
    }
  }

  /// The shortest run of two or more parts from `start` whose sum equals an unused percentage
  /// value within rounding.
  static func group(
    startingAt start: Int, parts: [BreakdownPart], values: [SwedishNumber], used: Set<Int>
  ) -> (parts: Range<Int>, value: Int)? {
    var sum = Number.zero
    var tolerance = Number.zero
    for end in start..<parts.count {
      let part = parts[end].value
      guard part.isPercent, let next = sum.adding(part.value), let slack = tolerance.adding(halfUnit(part.value))
      else { return nil }
      sum = next
      tolerance = slack
      guard end > start else { continue }
      for (index, value) in values.enumerated() where !used.contains(index) && value.isPercent {
        guard let allowed = tolerance.adding(halfUnit(value.value)), let difference = sum.subtracting(value.value)
        else { continue }
        let distance = difference < .zero ? Number.zero.subtracting(difference) ?? difference : difference
        if distance <= allowed { return (start..<end + 1, index) }
      }
    }
    return nil
  }

  /// Half a unit of the number's last written decimal: `5,9` → `0,05`.
  static func halfUnit(_ number: Number) -> Number {
    Number(mantissa: 5, scale: min(number.scale + 1, Number.maxScale))
  }
}
