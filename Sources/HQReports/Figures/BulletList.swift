/// One bullet item: the lines it was read from.
struct BulletItem: Sendable, Hashable {
  /// The 0-based lines the item was read from (the bullet line, and continuations when used).
  var lines: [Int]
  /// The 0-based line the item's amounts stand on (its last line).
  var amountLine: Int { lines.last ?? 0 }

  /// The item's text: its lines re-joined (``LineJoining``).
  func text(in text: ReportText) -> String {
    // The closure holds the two arrays, not a copy of the whole report text.
    let (raw, cleaned) = (text.lines, text.cleaned)
    return LineJoining.join(cleaned: lines.lazy.map { (raw: Substring(raw[$0]), cleaned: cleaned[$0]) })
  }

  /// False when no line of the item holds an ASCII digit: such an item holds no amount, and
  /// is not read further.
  func hasDigit(in text: ReportText) -> Bool {
    lines.contains { FigureText.hasDigit(text.cleaned[$0]) }
  }
}

/// A run of bullet items with the same mark, and the lines around it that say what its
/// numbers mean (see ``BulletAmountRecognizer``).
struct BulletList: Sendable, Hashable {
  var mark: String
  var items: [BulletItem]
  var firstLine: Int

  /// The lists of items in the text whose lines are not claimed.
  static func lists(in text: ReportText, starts: LineStarts, context: RecognitionContext) -> [BulletList] {
    var result: [BulletList] = []
    var current: BulletList?
    var previousEnd = -1
    for index in text.cleaned.indices where starts.mayStartWithBullet(index) {
      guard let mark = FigureText.bullet(text.cleaned[index]), !context.isClaimed(index) else { continue }
      let continuations = Self.continuations(after: index, in: text, context: context)
      let item = Self.item(at: index, continuations: continuations, in: text)
      let onlyBlanksBetween = previousEnd >= 0 && (previousEnd + 1..<index).allSatisfy { text.cleaned[$0].isEmpty }
      if var list = current, list.mark == mark, onlyBlanksBetween {
        list.items.append(item)
        current = list
      } else {
        if let list = current { result.append(list) }
        current = BulletList(mark: mark, items: [item], firstLine: index)
      }
      previousEnd = continuations.last ?? index
    }
    if let list = current { result.append(list) }
    return result
  }

  /// The short line right above the first item that heads the parenthesised column
  /// (`Oktober`), and the text of the item or line right above the list (and its header).
  func surroundings(in text: ReportText) -> (header: String?, leadIn: String?) {
    var above = firstLine - 1
    var blanks = 0
    while above >= 0 && text.cleaned[above].isEmpty && blanks < 2 {
      above -= 1
      blanks += 1
    }
    var header: String?
    if above >= 0, Self.isHeader(text.cleaned[above]) {
      header = text.cleaned[above]
      above -= 1
    }
    while above >= 0 && text.cleaned[above].isEmpty { above -= 1 }
    return (header, above >= 0 ? Self.itemText(endingAt: above, in: text) : nil)
  }

  /// Up to twelve cleaned lines above the list, nearest last.
  func context(in text: ReportText) -> [String] {
    text.cleaned[max(0, firstLine - 12)..<firstLine].filter { !$0.isEmpty }
  }

  /// One or two words, no bullet, no digits unless it is a single year.
  static func isHeader(_ cleaned: String) -> Bool {
    let words = cleaned.split(ascii: " ")
    guard !words.isEmpty, words.count <= 2, FigureText.bullet(cleaned) == nil else { return false }
    return !FigureText.hasDigit(cleaned) || (words.count == 1 && FigureText.year(words[0]) != nil)
  }

  /// The lines directly after a bullet line that go on with it: no blank between, no bullet, at most two.
  static func continuations(after index: Int, in text: ReportText, context: RecognitionContext) -> [Int] {
    var result: [Int] = []
    var next = index + 1
    while next < text.lines.count, result.count < 2, !context.isClaimed(next) {
      let cleaned = text.cleaned[next]
      guard !cleaned.isEmpty, FigureText.bullet(cleaned) == nil, !FigureText.startsBox(text.lines[next]) else { break }
      result.append(next)
      next += 1
    }
    return result
  }

  /// The item at a bullet line, with the continuation lines that go on with its sentence: those
  /// starting in lower case (`Ø Balanskravsresultatet … ökat i värde` + `med 167 mnkr under
  /// 2024`). A continuation starting otherwise (`Oktober` under an item) is not part of it.
  static func item(at index: Int, continuations: [Int], in text: ReportText) -> BulletItem {
    var all = [index]
    for line in continuations {
      guard let first = text.cleaned[line].first, first.isLowercase else { break }
      all.append(line)
    }
    return BulletItem(lines: all)
  }

  /// The text ending at `index`: the line, joined to the bullet line it continues when it does.
  static func itemText(endingAt index: Int, in text: ReportText) -> String {
    var start = index
    while start > 0, start > index - 2, FigureText.bullet(text.cleaned[start]) == nil, !text.cleaned[start - 1].isEmpty {
      start -= 1
    }
    guard FigureText.bullet(text.cleaned[start]) != nil else { return text.cleaned[index] }
    return BulletItem(lines: Array(start...index)).text(in: text)
  }

  /// The caption of the figure a list stands in: the nearest line above that is neither blank,
  /// a bullet line, nor a line going on directly from a bullet line (within 30 lines).
  static func caption(above index: Int, in text: ReportText) -> (text: String, line: Int)? {
    var i = index - 1
    while i >= 0 && index - i <= 30 {
      let cleaned = text.cleaned[i]
      if cleaned.isEmpty || FigureText.bullet(cleaned) != nil || Self.continuesBullet(i, in: text) {
        i -= 1
        continue
      }
      guard cleaned.count <= 90, !cleaned.hasSuffix(".") else { return nil }
      return (cleaned, i)
    }
    return nil
  }

  /// True when the line stands directly under a bullet line or under such a line's continuation.
  ///
  /// A blank line between does not end the item when the line above it stops in the middle of
  /// a sentence, on a word no sentence ends with (`… av Handlingsplan för`, blank, `Region
  /// Hallands interna klimat- och miljöarbete 2023-2026 (RS uppdrag)`).
  private static func continuesBullet(_ index: Int, in text: ReportText) -> Bool {
    var above = index - 1
    var bridgedBlank = false
    while above >= 0 && index - above <= 4 {
      let cleaned = text.cleaned[above]
      if cleaned.isEmpty {
        guard !bridgedBlank, above > 0, endsMidSentence(text.cleaned[above - 1]) else { return false }
        bridgedBlank = true
      } else if FigureText.bullet(cleaned) != nil {
        return true
      }
      above -= 1
    }
    return false
  }

  /// Words a sentence does not end with: prepositions and conjunctions.
  private static let openWords: Set<String> = [
    "för", "och", "i", "av", "med", "till", "på", "om", "från", "samt", "eller", "som", "att", "vid", "inom", "under",
  ]

  /// True when the text stops on a word no sentence ends with.
  static func endsMidSentence(_ cleaned: String) -> Bool {
    guard let last = cleaned.split(ascii: " ").last else { return false }
    return openWords.contains(last.lowercased())
  }
}
