import HQData

/// One labelled amount read from a bullet item: `Generella statsbidrag och utjämning +423 mnkr
/// (+423 mnkr)` → label, amount, parenthesised amount.
struct BulletAmount: Sendable, Hashable {
  /// The label, first letter upper-cased, a closing connector (`uppgick till`, `:`) taken off.
  var label: String
  var value: SwedishNumber
  /// The amount written in parentheses after the value, nil when none.
  var parenthesised: SwedishNumber?
  /// What the parenthesis says its amount is.
  var parenthesisedRole: ParenthesisRole = .unexplained

  /// What a parenthesised amount is, as far as the parenthesis itself says.
  enum ParenthesisRole: Sendable, Hashable {
    /// A bare amount (`(+423 mnkr)`): the list's setting decides.
    case unexplained
    /// `(mål 70 %)`: the target for the figure.
    case target
    /// `(varav 44 poolbilar)`: a part of the figure, named by the words after the amount.
    case part(String)
  }
  /// A year written in the label (`Budgeten för 2024`) or after the amount (`32 % 2024`), nil
  /// when none.
  var labelYear: Int?
  /// The kind the item's own words give the amount (`mål 70 % 2025` → `mål`), nil when the
  /// list's setting decides.
  var kind: FactKind?

  /// Reads the amounts of one item's text (bullet mark included or not). An empty result means
  /// the item holds no unambiguous labelled amount.
  ///
  /// The item splits at ` - ` / ` – `; each segment must be `label amount [(amount)]`
  /// optionally followed by a parenthesised comment without digits. The amount needs a unit
  /// (`mnkr`, `tkr`, `kr`, `mdkr`, `%`) and must end the segment. The label has at most eight
  /// words, no bare numbers except whole years (names such as `HVO100` are words), and does not
  /// end in a preposition (`minskade med 10 %` is a change, not a labelled amount). A segment
  /// without bare numbers starts the next one's label; the segment after such a label may be a
  /// list of dated amounts (see ``dated(_:label:)``). An item's first segment that does not read
  /// this way may start with its amount instead (see ``init(numberFirst:)``).
  static func read(_ itemText: String) -> [BulletAmount] {
    let text = FigureText.withoutBullet(FigureText.clean(itemText))
    guard text.utf8.withContiguousStorageIfAvailable(mayHoldAmount) ?? true else { return [] }
    var result: [BulletAmount] = []
    var carry = ""
    for (position, segment) in segments(of: text).enumerated() {
      let whole = carry.isEmpty ? segment : carry + " – " + segment
      // Every reading below needs a digit: a segment without one only carries its label on.
      let digits = FigureText.hasDigit(segment)
      let wholeDigits = digits || FigureText.hasDigit(carry)
      if let amount = (wholeDigits ? BulletAmount(segment: whole) : nil)
        ?? (position == 0 && digits ? BulletAmount(numberFirst: segment) : nil)
      {
        result.append(amount)
        carry = ""
      } else if digits, !carry.isEmpty, let label = label(carry), let amounts = dated(segment, label: label) {
        result += amounts
        carry = ""
      } else {
        carry = digits && hasBareNumber(segment) ? "" : whole
      }
    }
    return result
  }

  /// True when a word of the text is a number on its own (`2025`, `32`), not part of a name (`HVO100`).
  static func hasBareNumber(_ text: String) -> Bool {
    NumberRun.words(in: Substring(text)).contains {
      if case .digits = NumberWord.classify($0.text) { return true }
      return false
    }
  }

  /// Reads `32 % 2024, mål 70 % 2025` after the label `Successiv övergång till HVO100 i
  /// ambulanserna`: comma-separated parts, each an amount with a unit, optionally led by `mål`
  /// (→ kind `mål`) and followed by the year it is about. Nil unless every part reads so.
  static func dated(_ segment: String, label: String) -> [BulletAmount]? {
    var parts: [[Substring]] = [[]]
    for word in segment.split(ascii: " ") {
      if word.hasSuffix(","), word.count > 1 {
        parts[parts.count - 1].append(word.dropLast())
        parts.append([])
      } else {
        parts[parts.count - 1].append(word)
      }
    }
    var result: [BulletAmount] = []
    for var words in parts where !words.isEmpty {
      var kind: FactKind?
      if let first = words.first?.lowercased(), first == "mål" || first == "målet" || first == "målvärde" {
        kind = .mål
        words.removeFirst()
      }
      var year: Int?
      if words.count > 1, let last = words.last, let written = FigureText.year(last) {
        year = written
        words.removeLast()
      }
      guard let number = SwedishNumber.parse(words.joined(separator: " ")), !number.unit.isEmpty else { return nil }
      result.append(BulletAmount(label: label, value: number, labelYear: year, kind: kind))
    }
    return result.isEmpty ? nil : result
  }

  /// An amount read from dated parts.
  private init(label: String, value: SwedishNumber, labelYear: Int?, kind: FactKind?) {
    self.label = label
    self.value = value
    self.labelYear = labelYear
    self.kind = kind
  }

  /// The cleaned text cut at dashes standing between spaces.
  static func segments(of text: String) -> [String] {
    // Cheap test first: a word that is a dash by `Character`s is one between space bytes, so
    // without such a word there is one segment, and the words of a cleaned text re-joined by
    // single spaces are the text itself.
    if !(text.utf8.withContiguousStorageIfAvailable(hasDashWord) ?? true) { return text.isEmpty ? [] : [text] }
    // In simple text (``ByteSearch/isSimpleText(_:)``) every scalar is a `Character` of its
    // own, so the words split at space bytes are the words split at `" "`.
    if let simple = text.utf8.withContiguousStorageIfAvailable(simpleSegments), let simple { return simple }
    var result: [String] = []
    var current: [Substring] = []
    for word in text.split(ascii: " ") {
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

  /// ``segments(of:)`` read from the bytes of simple text, nil for other text.
  private static func simpleSegments(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    guard ByteSearch.isSimpleText(bytes) else { return nil }
    var result: [String] = []
    var current: [UInt8] = []
    var start = 0
    while start <= bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x20 { end += 1 }
      let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
      if word.elementsEqual("-".utf8) || word.elementsEqual("–".utf8) {
        result.append(String(decoding: current, as: UTF8.self))
        current = []
      } else if !word.isEmpty {
        if !current.isEmpty { current.append(0x20) }
        current.append(contentsOf: word)
      }
      start = end + 1
    }
    result.append(String(decoding: current, as: UTF8.self))
    return result.filter { !$0.isEmpty }
  }

  /// The unit words ``NumberWord`` reads (`%` aside).
  private static let unitWords: [[UInt8]] = ["mnkr", "Mnkr", "MNKR", "tkr", "Tkr", "kr", "mdkr", "mdr", "st", "st.", "procent"]
    .map { Array($0.utf8) }

  /// A cheap test before an item is read: false when no reading can find an amount in the
  /// cleaned item text (bullet mark taken off).
  ///
  /// A labelled or dated amount needs a unit: a `%`, or a word that is a unit word once the
  /// reading cuts it at a `(` or drops a trailing `,` (so a space-separated word starting with
  /// the unit word and going on with nothing, `(` or `,`). An amount written first needs the
  /// first word that is no dash to start as a number does (a digit, `+`, `-`, `<`, `>`, or the
  /// first byte of `−`, `–`, `≥`, `≤`).
  static func mayHoldAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if ByteSearch.firstIndex(of: UInt8(ascii: "%"), in: bytes) != nil { return true }
    var start = 0
    var firstWord = true
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x20 { end += 1 }
      let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
      if firstWord && !word.isEmpty && !word.elementsEqual("-".utf8) && !word.elementsEqual("–".utf8) {
        firstWord = false
        switch word[0] {
        case 0x30...0x39, UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xE2: return true
        default: break
        }
      }
      for unit in unitWords where word.count >= unit.count && word.starts(with: unit) {
        if word.count == unit.count || word[unit.count] == UInt8(ascii: "(") || word[unit.count] == UInt8(ascii: ",") {
          return true
        }
      }
      start = end + 1
    }
    return false
  }

  /// True when a word of the bytes (between spaces) is `-` or `–` (E2 80 93).
  private static func hasDashWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func isWord(_ start: Int, _ end: Int) -> Bool {
      (start == 0 || bytes[start - 1] == 0x20) && (end == bytes.count || bytes[end] == 0x20)
    }
    var from = 0
    while let i = ByteSearch.firstIndex(of: UInt8(ascii: "-"), in: bytes, from: from) {
      if isWord(i, i + 1) { return true }
      from = i + 1
    }
    from = 0
    while let i = ByteSearch.firstIndex(of: 0xE2, in: bytes, from: from) {
      if i + 3 <= bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93, isWord(i, i + 3) { return true }
      from = i + 1
    }
    return false
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

  /// Reads a segment that starts with its amount: `32 % HVO100 i ambulanser (mål 70 %)`,
  /// `319 bilar totalt`, `65 elbilar (varav 44 poolbilar)`. Only an item's first segment may,
  /// and the amount may not be a bare year (`2032 antogs i fullmäktige`).
  ///
  /// The words after the amount are the label: one to six words, the first not a preposition
  /// or article (`68 procent av hallänningarna …` is a sentence), no bare numbers, no commas,
  /// no finite verbs (`har`, `är`, `blev` …), not ending in a full stop. A parenthesis may
  /// name a target (`mål 70 %`) or a part (`varav 44 poolbilar`); any other parenthesis with
  /// digits makes the segment unclear, and one without digits is a comment.
  init?(numberFirst segment: String) {
    guard !segment.hasSuffix(".") else { return nil }
    var rest = Substring(segment)
    var second: (SwedishNumber, ParenthesisRole)?
    if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
      let inside = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
      if FigureText.hasDigit(inside) {
        guard let explained = Self.explainedParenthesis(inside) else { return nil }
        second = explained
      }
      rest = rest[..<open]
    }
    let words = NumberRun.words(in: rest)
    var end = 0
    while end < words.count, NumberWord.classify(words[end].text) != .other { end += 1 }
    let atoms = NumberRun.atoms(Array(words[..<end]), from: 0)
    guard end > 0, atoms.first?.firstWord == 0, atoms.last?.endWord == end,
      let reading = NumberRun.greedyReading(atoms[...]), reading.count == 1,
      let value = NumberRun.makeNumber(atoms[...], span: reading[0]), value.qualifier.isEmpty,
      !(value.unit.isEmpty && value.value.scale == 0 && FigureText.year(words[0].text) != nil)
    else { return nil }
    let labelWords = words[end...].map { String($0.text) }
    guard let label = Self.nounPhrase(labelWords) else { return nil }
    self.label = label
    self.value = value
    self.parenthesised = second?.0
    self.parenthesisedRole = second?.1 ?? .unexplained
    self.labelYear = nil
  }

  /// `mål 70 %` → (70 %, target); `varav 44 poolbilar` → (44, part `poolbilar`); nil otherwise.
  static func explainedParenthesis(_ inside: String) -> (SwedishNumber, ParenthesisRole)? {
    let words = inside.split(ascii: " ").map(String.init)
    guard let first = words.first?.lowercased() else { return nil }
    let rest = words.dropFirst()
    if first == "mål" || first == "mål:" || first == "målvärde" {
      guard let number = SwedishNumber.parse(rest.joined(separator: " ")) else { return nil }
      return (number, .target)
    }
    if first == "varav", let amount = rest.first, let number = SwedishNumber.parse(amount),
      let name = nounPhrase(Array(rest.dropFirst()), part: true)
    {
      return (number, .part(name.lowercased()))
    }
    return nil
  }

  /// Words that make a phrase a sentence rather than a label.
  private static let verbs: Set<String> = [
    "har", "hade", "är", "var", "blev", "blir", "ska", "skall", "kan", "kommer", "fick", "får", "finns", "fanns",
    "togs", "tas", "gjordes", "görs", "ökade", "minskade", "ökar", "minskar",
  ]

  /// Words a label may not start with.
  private static let leading: Set<String> = ["av", "i", "på", "för", "med", "till", "från", "om", "en", "ett", "och", "som"]

  /// The words as a label (`bilar totalt` → `Bilar totalt`), nil when they read as a sentence.
  /// The name of a part (`varav 300 på sjukhusen`) may start with a preposition.
  static func nounPhrase(_ words: [String], part: Bool = false) -> String? {
    guard (1...6).contains(words.count), let first = words.first, first.first?.isLetter == true,
      part || !leading.contains(first.lowercased()),
      words.allSatisfy({ !verbs.contains($0.lowercased()) && !$0.contains(",") && $0.contains(where: \.isLetter) })
    else { return nil }
    return FigureText.capitalized(words.joined(separator: " "))
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
    // Cheap test first: a label has at most eight words once a connector (two words at most)
    // and a lone `:` are taken off, and the text has more words than its certain word breaks.
    guard FigureText.certainWordBreaks(raw) <= 10 else { return nil }
    var words = raw.split(ascii: " ").map(String.init)
    if let last = words.last, last.hasSuffix(":") {
      words[words.count - 1] = String(last.dropLast())
      if words[words.count - 1].isEmpty { words.removeLast() }
    }
    for connector in connectors where words.count > connector.count && words.suffix(connector.count).elementsEqual(connector) {
      words.removeLast(connector.count)
      break
    }
    guard !words.isEmpty, words.count <= 8, let last = words.last, !prepositions.contains(last.lowercased()),
      words.allSatisfy({
        !FigureText.hasDigit($0) || $0.contains(where: \.isLetter)
          || FigureText.year(FigureText.trimmingPunctuation(Substring($0))) != nil
      }),
      words.contains(where: { $0.contains(where: \.isLetter) })
    else { return nil }
    return FigureText.capitalized(words.joined(separator: " "))
  }
}
