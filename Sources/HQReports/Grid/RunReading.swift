/// Reading a run of numbers (`-1 204,1 3 455 12,0`) as a given number of values, and only when
/// the reading is certain.
///
/// A space inside a number (a thousands separator) looks like the space between two numbers.
/// ``NumberRun`` reads a run greedily for prose and the bundled tables; a grid needs more:
/// when the table says how many values a row holds, every way of grouping the digits into that
/// many numbers is counted, and the row is read only when exactly one way exists
/// (`9 154 9 891 9 486` as three values has one reading; `135 349 136 691` as three has two,
/// and is left unread). Digits set apart by two or more spaces never belong to one number
/// (`753   231` is two values).
enum RunReading {
  /// A line split into the text before its trailing run of numbers and the run.
  struct Run: Sendable, Hashable {
    /// The text before the run, single-spaced (may be empty).
    var label: String
    var words: [NumberRun.Word]
    var atoms: [NumberRun.Atom]
    /// Empty cells a dash marks before the numbers (`–   103 001   102 355`: one).
    var leadingEmpty = 0
    /// True when a dash marks an empty cell between numbers: which cells the numbers fill is
    /// then not read.
    var innerEmpty = false
  }

  /// The line's trailing run of numbers and the label before it; with `parentheses`, amounts in
  /// parentheses (`(154 037)`) are numbers of the run (``NumberRun/mergingParentheses(_:)``).
  static func run(_ text: Substring, parentheses: Bool = false) -> Run {
    let words = NumberRun.words(in: text)
    let start = NumberRun.trailingRunStart(words, parentheses: parentheses)
    var atoms = start < words.count ? NumberRun.atoms(words, from: start, parentheses: parentheses) : []
    var leadingEmpty = 0
    var innerEmpty = false
    // A dash set apart from the digits after it by two or more spaces (`–   103 001`) marks an
    // empty cell, not a sign: the number after it is unsigned.
    for k in atoms.indices where atoms[k].digits.hasSign && atoms[k].endWord - atoms[k].firstWord >= 2 {
      let sign = words[atoms[k].firstWord].text
      let next = words[atoms[k].firstWord + 1].text
      guard sign.count == 1, "-–−".contains(sign), sign.endIndex <= next.startIndex,
        sign.base[sign.endIndex..<next.startIndex].count >= 2
      else { continue }
      atoms[k].digits.hasSign = false
      atoms[k].digits.negative = false
      atoms[k].firstWord += 1
      if k == 0 { leadingEmpty = 1 } else { innerEmpty = true }
    }
    // Two or more dashes standing alone before the numbers (`– – 4 258 4 349`): a minus sign
    // never repeats, so each marks an empty cell, and the number after them is unsigned.
    let isDash = { (word: Substring) in word.count == 1 && "-–−".contains(word) }
    if leadingEmpty == 0, let first = atoms.first, first.digits.hasSign, first.endWord - first.firstWord >= 2,
      isDash(words[first.firstWord].text), first.firstWord > 0, isDash(words[first.firstWord - 1].text)
    {
      var k = first.firstWord - 1
      while k >= 0, isDash(words[k].text) { k -= 1 }
      leadingEmpty = first.firstWord - k
      atoms[0].digits.hasSign = false
      atoms[0].digits.negative = false
      atoms[0].firstWord += 1
    }
    let labelEnd = (atoms.first?.firstWord ?? words.count) - leadingEmpty
    return Run(
      label: NumberRun.join(words[..<labelEnd]), words: words, atoms: atoms, leadingEmpty: leadingEmpty, innerEmpty: innerEmpty)
  }

  /// What reading `run` as `count` numbers gives.
  enum Reading: Sendable, Equatable {
    /// Exactly one way: the numbers, in order.
    case unique([SwedishNumber])
    /// Several ways (the grouping of digits into numbers is not determined).
    case ambiguous
    /// No way: the run holds fewer (or more) numbers than `count`.
    case impossible
  }

  /// Every grouping of the run's digit words into exactly `count` numbers, counted.
  static func read(_ run: Run, count: Int) -> Reading {
    switch groupings(run, count: count) {
    case .none: return .impossible
    case .some(.none): return .ambiguous
    case .some(.some(let spans)):
      var numbers: [SwedishNumber] = []
      for span in spans {
        guard let number = NumberRun.makeNumber(run.atoms[...], span: span) else { return .impossible }
        numbers.append(number)
      }
      return .unique(numbers)
    }
  }

  /// The atom ranges of the one grouping into `count` numbers; nil when there is not exactly one.
  static func spans(_ run: Run, count: Int) -> [Range<Int>]? {
    if case .some(.some(let spans)) = groupings(run, count: count) { return spans }
    return nil
  }

  /// nil: no grouping; `.some(nil)`: several; `.some(spans)`: exactly one.
  ///
  /// Of several groupings, the one whose numbers all have about as many digits (their whole
  /// parts differ by at most one digit: `1 055 1 015 870` as 1055, 1015, 870, not 1, 055…) is
  /// taken when exactly one such exists: a row's values of one measure over years or units are
  /// of one magnitude, and no other grouping is.
  private static func groupings(_ run: Run, count: Int) -> [Range<Int>]?? {
    switch groupings(run, count: count, digits: nil) {
    case .some(.none):
      return .some(magnitudeGrouping(run, count: count))
    case let other: return other
    }
  }

  /// The one grouping whose numbers' whole parts are within one digit of each other, else
  /// within two (`-76 … 1 200`); nil when there is not exactly one.
  private static func magnitudeGrouping(_ run: Run, count: Int) -> [Range<Int>]? {
    for width in 1...2 {
      var found: [Range<Int>]?
      for low in 1...15 {
        switch groupings(run, count: count, digits: low...(low + width)) {
        case .none: continue
        case .some(.none): return nil
        case .some(.some(let spans)):
          if let found, found != spans { return nil }
          found = spans
        }
      }
      if let found { return found }
    }
    return nil
  }

  /// The run with its first number moved into the label when the label ends in a number the
  /// run took for a value: a year (`Pensionsförpliktelser intjänade före 1998 25 -39 …`), or a
  /// whole number without the unit every other number of the run has (`andel av sjukfrånvaro
  /// 60 32 % 32,1 % …`) — and only when the run without it reads as `count` numbers in one way
  /// while the whole run does not; nil otherwise.
  ///
  /// Under a header of one kind over years (`Utfall 2020 … Utfall 2024`, `series`), a row's
  /// values are of one unit, so a bare whole number before percentages is the label's
  /// (`… (status efter 90 36 % 29 % 27 % 42 %`: `90 dagar`) even when the run would fill every
  /// column with it; the row then holds fewer values than columns.
  static func movingLeadingYear(_ run: Run, count: Int, series: Bool = false) -> Run? {
    guard let first = run.atoms.first, !run.label.isEmpty, first.digits.fractionDigits == 0, !first.digits.hasSign,
      first.unit.isEmpty, first.qualifier.isEmpty, !first.digits.percent, first.endWord - first.firstWord == 1
    else { return nil }
    let isYear = first.digits.integerDigits == 4 && Vocabulary.year(in: run.words[first.firstWord].text) != nil
    let others = run.atoms.dropFirst()
    let unitOfOthers = others.first.map { $0.digits.percent ? "%" : $0.unit } ?? ""
    let isBare = !unitOfOthers.isEmpty && others.allSatisfy { ($0.digits.percent ? "%" : $0.unit) == unitOfOthers }
    let percentSeries = series && isBare && unitOfOthers == "%" && others.count >= 2
    guard isYear || isBare, percentSeries || read(run, count: count) == .impossible else { return nil }
    var moved = run
    moved.atoms.removeFirst()
    if !percentSeries {
      guard case .unique = read(moved, count: count) else { return nil }
    }
    moved.label = NumberRun.join(run.words[..<first.endWord])
    return moved
  }

  /// ``groupings(_:count:)`` with every number's whole part of a number of digits in `digits`
  /// (any when nil).
  private static func groupings(_ run: Run, count: Int, digits: ClosedRange<Int>?) -> [Range<Int>]?? {
    let atoms = run.atoms
    let n = atoms.count
    guard count > 0, n > 0, n <= 96 else { return nil }
    // ways[i][c]: groupings of atoms i..<n into c numbers, capped at 2; next[i][c]: the length
    // of the first number of one such grouping.
    var ways = [[UInt8]](repeating: [UInt8](repeating: 0, count: count + 1), count: n + 1)
    var next = [[Int]](repeating: [Int](repeating: 0, count: count + 1), count: n + 1)
    ways[n][0] = 1
    for i in stride(from: n - 1, through: 0, by: -1) {
      guard atoms[i].canStart else { continue }
      var length = 1
      while true {
        let fits = digits.map { $0.contains(atoms[i].digits.integerDigits + 3 * (length - 1)) } ?? true
        for c in 1...count where fits && ways[i + length][c - 1] > 0 {
          let total = min(2, Int(ways[i][c]) + Int(ways[i + length][c - 1]))
          if ways[i][c] == 0 { next[i][c] = length }
          ways[i][c] = UInt8(total)
        }
        guard i + length < n, canExtend(atoms, run.words, i, i + length) else { break }
        length += 1
      }
    }
    switch ways[0][count] {
    case 0: return nil
    case 1:
      var spans: [Range<Int>] = []
      var i = 0
      var c = count
      while c > 0 {
        let length = next[i][c]
        guard length > 0 else { return nil }
        spans.append(i..<(i + length))
        i += length
        c -= 1
      }
      return .some(spans)
    default: return .some(nil)
    }
  }

  /// The grouping the run's spacing gives, when it sets numbers apart by two or more spaces
  /// somewhere: digits set apart by one space that may be a thousands group go on, every other
  /// gap ends a number (`1 106,4  1 564,3` → 1 106,4 and 1 564,3). nil when the run is spaced
  /// singly throughout, or a gap of one space cannot join its digits.
  static func spacedSpans(_ run: Run) -> [Range<Int>]? {
    let atoms = run.atoms
    guard atoms.count >= 2, (0..<(atoms.count - 1)).contains(where: { gap(run, after: $0) >= 2 }) else { return nil }
    var spans: [Range<Int>] = []
    var start = 0
    for k in 0..<atoms.count {
      guard atoms[start].canStart else { return nil }
      if k + 1 < atoms.count, gap(run, after: k) == 1 {
        guard canExtend(atoms, run.words, start, k + 1) else { return nil }
        continue
      }
      spans.append(start..<(k + 1))
      start = k + 1
    }
    return spans
  }

  /// The characters between atom `k` and the next, when they are only spaces (else 0).
  private static func gap(_ run: Run, after k: Int) -> Int {
    let before = run.words[run.atoms[k].endWord - 1].text
    let after = run.words[run.atoms[k + 1].firstWord].text
    guard before.endIndex <= after.startIndex else { return 0 }
    let between = before.base[before.endIndex..<after.startIndex]
    return between.allSatisfy { $0 == " " || $0 == "\u{00A0}" } ? between.count : 0
  }

  /// The ways a run reads as fewer than `count` numbers: the one count below `count` it reads
  /// as at all, in one way (`84,1 %  85,3 %  80,1 %  77,3 %` under five columns; only
  /// reading); else, per count from two on, the grouping of its digits into numbers of one
  /// magnitude when there is exactly one (`135 349 136 691 127 000 131 824` as four numbers of
  /// six digits, or two of twelve). Empty for a run with a dash marking an empty cell.
  static func shortReadings(_ run: Run, below count: Int) -> [(spans: [Range<Int>], numbers: [SwedishNumber], only: Bool)] {
    guard count > 1, !run.atoms.isEmpty, run.leadingEmpty == 0, !run.innerEmpty else { return [] }
    var readings: [(spans: [Range<Int>], numbers: [SwedishNumber], only: Bool)] = []
    var readable = 0
    for k in 1..<min(count, run.atoms.count + 1) {
      switch groupings(run, count: k, digits: nil) {
      case .none: continue
      case .some(.none):
        readable += 1
        guard k >= 2, let spans = magnitudeGrouping(run, count: k), let numbers = numbers(run, spans) else { continue }
        readings.append((spans, numbers, false))
      case .some(.some(let spans)):
        readable += 1
        guard let numbers = numbers(run, spans) else { continue }
        readings.append((spans, numbers, false))
      }
    }
    if readable == 1, readings.count == 1, groupings(run, count: count, digits: nil) == nil { readings[0].only = true }
    // Numbers set apart by two or more spaces, thousands by one (`1 178   1 279   1 272`): the
    // spacing gives the count, and its reading is the only one — when the numbers it makes are
    // of one magnitude (whole parts within one digit), as a row's values over years are.
    if let spans = spacedSpans(run), spans.count < count, let numbers = numbers(run, spans) {
      let digits = spans.map { run.atoms[$0.lowerBound].digits.integerDigits + 3 * ($0.count - 1) }
      if let low = digits.min(), let high = digits.max(), high - low <= 1 { return [(spans, numbers, true)] }
    }
    return readings
  }

  /// The printed text of the run's atoms `span` (`-4 282,7`, `5,8 %`).
  static func text(_ run: Run, _ span: Range<Int>) -> String {
    let start = run.words[run.atoms[span.lowerBound].firstWord].text
    let end = run.words[run.atoms[span.upperBound - 1].endWord - 1].text
    return String(start.base[start.startIndex..<end.endIndex])
  }

  private static func numbers(_ run: Run, _ spans: [Range<Int>]) -> [SwedishNumber]? {
    var numbers: [SwedishNumber] = []
    for span in spans {
      guard let number = NumberRun.makeNumber(run.atoms[...], span: span) else { return nil }
      numbers.append(number)
    }
    return numbers
  }

  /// The largest and smallest number of values the run can be read as.
  static func counts(_ run: Run) -> ClosedRange<Int>? {
    let n = run.atoms.count
    guard n > 0 else { return nil }
    let possible = (1...min(n, 24)).filter { read(run, count: $0) != .impossible }
    guard let low = possible.first, let high = possible.last else { return nil }
    return low...high
  }

  /// Whether atom `end` may continue the number made of atoms `start..<end`: a thousands group
  /// of three digits after a number of at most three leading digits, set apart by one space.
  private static func canExtend(_ atoms: [NumberRun.Atom], _ words: [NumberRun.Word], _ start: Int, _ end: Int) -> Bool {
    let head = atoms[start]
    let last = atoms[end - 1]
    let following = atoms[end]
    guard last.canBeContinued, following.canContinue, head.digits.integerDigits <= 3, head.canBeContinued else {
      return false
    }
    let before = words[last.endWord - 1].text
    let after = words[following.firstWord].text
    guard before.endIndex <= after.startIndex else { return false }
    // One separator character: a space, a no-break space, a thin or narrow no-break space.
    let between = before.base[before.endIndex..<after.startIndex]
    return between.count == 1 && between.first != "\t"
  }
}
