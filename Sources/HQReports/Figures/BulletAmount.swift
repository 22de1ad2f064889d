import HQData

/// One labelled amount read from a bullet item: `Generella statsbidrag och utjämning +423 mnkr
/// (+423 mnkr)` → label, amount, parenthesised amount.
struct BulletAmount: Sendable, Hashable {
  /// The label, first letter upper-cased, a closing connector (`uppgick till`, `:`) taken off.
  var label: String
  var value: SwedishNumber
  /// The amount written in parentheses after the value, nil when none.
  var parenthesised: SwedishNumber?
  /// A year written in the label (`Budgeten för 2024`), nil when none.
  var labelYear: Int?

  /// Reads the amounts of one item's text (bullet mark included or not). An empty result means
  /// the item holds no unambiguous labelled amount.
  ///
  /// The item splits at ` - ` / ` – `; each segment must be `label amount [(amount)]`
  /// optionally followed by a parenthesised comment without digits. The amount needs a unit
  /// (`mnkr`, `tkr`, `kr`, `mdkr`, `%`) and must end the segment. The label has at most eight
  /// words, no digits except whole years, and does not end in a preposition (`minskade med 10 %`
  /// is a change, not a labelled amount). A segment without any digits starts the next one's label.
  static func read(_ itemText: String) -> [BulletAmount] {
    let text = FigureText.withoutBullet(FigureText.clean(itemText))
    var result: [BulletAmount] = []
    var carry = ""
    for segment in segments(of: text) {
      let whole = carry.isEmpty ? segment : carry + " – " + segment
      if let amount = BulletAmount(segment: whole) {
        result.append(amount)
        carry = ""
      } else {
        carry = FigureText.hasDigit(segment) ? "" : whole
      }
    }
    return result
  }

  /// The text cut at dashes standing between spaces.
  static func segments(of text: String) -> [String] {
    var result: [String] = []
    var current: [Substring] = []
    for word in text.split(separator: " ") {
      if word == "-" || word == "–" {
        result.append(current.joined(separator: " "))
        current = []
      } else {
        current.append(word)
      }
    }
    result.append(current.joined(separator: " "))
    return result.filter { !$0.isEmpty }
  }

  /// Reads one segment; nil when it is not `label amount [(amount)]`.
  init?(segment: String) {
    var rest = Substring(segment)
    var parenthesised: SwedishNumber?
    if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
      let inside = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]
      if let number = SwedishNumber.parse(inside), !number.unit.isEmpty {
        parenthesised = number
      } else if FigureText.hasDigit(inside) {
        return nil
      }
      rest = rest[..<open]
    }
    let row = NumberRun.read(rest, expectedCount: 1)
    guard row.numbers.count == 1, let value = row.numbers.first, !value.unit.isEmpty, value.qualifier.isEmpty,
      let label = Self.label(row.label)
    else { return nil }
    self.label = label
    self.value = value
    self.parenthesised = parenthesised
    self.labelYear = FigureText.years(in: label).last
  }

  /// Phrases that join a label to its amount and are not part of the label.
  private static let connectors: [[String]] = [
    ["uppgick", "till"], ["uppgår", "till"], ["landade", "på"], ["landar", "på"], ["uppgick"], ["uppgår"],
    ["blev"], ["var"], ["är"],
  ]

  /// Words a label may not end in once connectors are taken off: the amount is then part of a sentence.
  private static let prepositions: Set<String> = [
    "med", "av", "på", "från", "till", "om", "för", "i", "inom", "under", "än", "cirka", "ca", "drygt", "knappt",
  ]

  /// The cleaned label, nil when it is not one.
  static func label(_ raw: String) -> String? {
    var words = raw.split(separator: " ").map(String.init)
    if let last = words.last, last.hasSuffix(":") {
      words[words.count - 1] = String(last.dropLast())
      if words[words.count - 1].isEmpty { words.removeLast() }
    }
    for connector in connectors where words.count > connector.count && Array(words.suffix(connector.count)) == connector {
      words.removeLast(connector.count)
      break
    }
    guard !words.isEmpty, words.count <= 8, let last = words.last, !prepositions.contains(last.lowercased()),
      words.allSatisfy({ !FigureText.hasDigit($0) || FigureText.year(FigureText.trimmingPunctuation(Substring($0))) != nil }),
      words.contains(where: { $0.contains(where: \.isLetter) })
    else { return nil }
    return FigureText.capitalized(words.joined(separator: " "))
  }
}
