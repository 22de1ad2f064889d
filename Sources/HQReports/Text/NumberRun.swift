import HQData

/// Splits a report line into its label and the run of numbers that ends it, and decides where
/// one number ends and the next begins inside that run.
///
/// A table row in extracted text is `label n1 n2 … nk`, with every space kept. `2 381 640 98 712`
/// can be one, two or five numbers; only the layout (how many columns there are) and the rules
/// of thousands grouping tell. The rules, in the order they apply:
///
/// 1. A word is numeric when it is `[sign]digits[,digits][%]`; a lone sign, `%`, a unit word
///    (`mnkr`, `tkr`) or a comparison (`>`) may stand inside the run. Anything else — `2.3.7`,
///    `15(34)`, `(16`, `*` — ends the run, so section numbers, page markers and ranks are never
///    read as values.
/// 2. A word continues the number before it only when it has exactly three digits and no sign,
///    and the number before it has no decimals, percent sign or unit yet, and began with one to
///    three digits. Reading every such group as a continuation is the *greedy* reading: the one
///    a person makes when nothing says otherwise.
/// 3. With an expected count `k` (the number of columns or labels): when the greedy reading has
///    more than `k` numbers, the leading numbers belong to the label (`Total ram 2017 220 000`
///    with one column). When it has fewer and one of its numbers is implausibly long (four or
///    more groups: `98 712 196 465`), the run is re-split into exactly `k` numbers, breaking as
///    few groups as possible and keeping the numbers' lengths balanced
///    (`2 381 640 98 712 196 465 17 796` → `2381640, 98712, 196465, 17796`). Otherwise the row
///    simply has fewer values than columns.
/// 4. A leading year (`2017`) or date (`170831`) directly after label text, followed only by
///    numbers with decimals, belongs to the label (`Beslutade projektmedel 170831 15,5 10,6`).
enum NumberRun {
  /// One whitespace-separated word of a line and its 1-based UTF-8 column.
  struct Word: Sendable, Hashable {
    var text: Substring
    var column: Int
  }

  /// A digits word together with the sign, comparison and unit written around it.
  struct Atom: Sendable, Hashable {
    var digits: NumberWord.Digits
    var qualifier: String = ""
    var unit: String = ""
    /// The index of the first word (sign or qualifier included) and one past the last (unit
    /// included) in the word list the atom was built from.
    var firstWord: Int
    var endWord: Int
    var column: Int

    var canStart: Bool { digits.canStart || digits.hasSign || !qualifier.isEmpty }
    var canContinue: Bool { digits.canContinue && qualifier.isEmpty }
    var canBeContinued: Bool { digits.canBeContinued && unit.isEmpty }
  }

  /// How a line reads: the label before the numbers, and the numbers.
  struct Row: Sendable, Hashable {
    /// The label text, trimmed, spaces normalised to single ASCII spaces.
    var label: String
    var numbers: [SwedishNumber]
  }

  // MARK: Words

  /// The words of a line, split at spaces, tabs, no-break spaces (U+00A0), thin spaces
  /// (U+2009) and narrow no-break spaces (U+202F).
  static func words(in line: Substring) -> [Word] {
    let found = line.utf8.withContiguousStorageIfAvailable { bytes -> [Word] in
      var result: [Word] = []
      // Room for the words of usual text at once (a word and its space average over five bytes).
      result.reserveCapacity(bytes.count / 5 + 1)
      let utf8 = line.utf8
      let base = utf8.startIndex
      func word(_ from: Int, _ to: Int) -> Word {
        let start = utf8.index(base, offsetBy: from)
        let end = utf8.index(start, offsetBy: to - from)
        return Word(text: Substring(utf8[start..<end]), column: from + 1)
      }
      var i = 0
      var wordStart = -1
      while i < bytes.count {
        let width = mayBeSeparator(bytes[i]) ? separatorWidth(bytes, at: i) : 0
        if width > 0 {
          if wordStart >= 0 {
            result.append(word(wordStart, i))
            wordStart = -1
          }
          i += width
        } else {
          if wordStart < 0 { wordStart = i }
          i += 1
        }
      }
      if wordStart >= 0 { result.append(word(wordStart, bytes.count)) }
      return result
    }
    return found ?? slowWords(in: line)
  }

  /// The line's words joined by single ASCII spaces: the text of ``join(_:)`` over
  /// ``words(in:)``, built from the bytes directly.
  static func cleaned(_ line: Substring) -> String {
    let found = line.utf8.withContiguousStorageIfAvailable { bytes -> String in
      isClean(bytes) ? String(line) : rebuilt(bytes)
    }
    return found ?? join(words(in: line)[...])
  }

  /// ``cleaned(_:)`` of the line whose (valid UTF-8) bytes these are.
  static func cleaned(bytes: UnsafeBufferPointer<UInt8>) -> String {
    isClean(bytes) ? String(knownValidUTF8: bytes) : rebuilt(bytes)
  }

  /// The words of the bytes joined by single spaces. Separators are dropped; the bytes of words
  /// are copied as they are, so the result is valid UTF-8 when the line is.
  static func rebuilt(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { out -> String in
      var n = 0
      var i = 0
      var pendingSpace = false
      while i < bytes.count {
        let byte = bytes[i]
        let width = mayBeSeparator(byte) ? separatorWidth(bytes, at: i) : 0
        if width > 0 {
          pendingSpace = n > 0
          i += width
        } else {
          if pendingSpace {
            out[n] = 0x20
            n += 1
            pendingSpace = false
          }
          out[n] = byte
          n += 1
          i += 1
        }
      }
      return String(knownValidUTF8: UnsafeBufferPointer(rebasing: out[0..<n]))
    }
  }

  /// True when the line is words separated by single ASCII spaces, nothing before or after.
  static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var i = 0
    var previousSpace = true  // no separator at the start
    while i < bytes.count {
      let start = i
      // Eight bytes at a time while none begins a separator other than a space (no byte below
      // 0x20, no 0xC2, no 0xE2) and no two spaces stand in a row, counting the last byte of the
      // eight before: words and the single spaces between them, most of a line.
      while i &+ 8 <= bytes.count {
        // Lane k is byte i + k.
        let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
        guard nonzeroLanes(word & 0xE0E0_E0E0_E0E0_E0E0) & nonzeroLanes(word ^ 0xC2C2_C2C2_C2C2_C2C2)
          & nonzeroLanes(word ^ 0xE2E2_E2E2_E2E2_E2E2) == 0x8080_8080_8080_8080
        else { break }
        // The lanes that are spaces.
        let spaces = ~nonzeroLanes(word ^ 0x2020_2020_2020_2020) & 0x8080_8080_8080_8080
        if spaces & (spaces << 8) != 0 || (previousSpace && spaces & 0x80 != 0) { return false }
        previousSpace = spaces >> 63 != 0
        i &+= 8
      }
      // The bytes 0x21…0xC1 (most of a line: ASCII letters, digits, punctuation) begin no
      // separator: a run of them in one inner loop.
      let run = i
      while i < bytes.count, bytes[i] &- 0x21 < 0xA1 { i &+= 1 }
      if i > run { previousSpace = false }
      if i > start, i == bytes.count { break }
      let byte = bytes[i]
      if !mayBeSeparator(byte) {
        previousSpace = false
        i += 1
        continue
      }
      let width = separatorWidth(bytes, at: i)
      if width > 0 {
        if previousSpace || width != 1 || byte != 0x20 { return false }
        previousSpace = true
        i += width
      } else {
        previousSpace = false
        i += 1
      }
    }
    return !previousSpace || bytes.isEmpty
  }

  /// The high bit of each byte lane of `x` that is not zero (exact: no lane carries into the next).
  @inline(__always)
  private static func nonzeroLanes(_ x: UInt64) -> UInt64 {
    (((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
  }

  /// False for a byte that cannot begin a separator: the quick test before
  /// ``separatorWidth(_:at:)`` in the per-byte loops.
  @inline(__always)
  static func mayBeSeparator(_ byte: UInt8) -> Bool {
    byte <= 0x20 || byte == 0xC2 || byte == 0xE2
  }

  /// The first byte of the line's first word, nil when the line is blank.
  static func firstWordByte(_ line: Substring) -> UInt8? {
    let found = line.utf8.withContiguousStorageIfAvailable { bytes -> UInt8? in
      var i = 0
      while i < bytes.count {
        let width = separatorWidth(bytes, at: i)
        if width == 0 { return bytes[i] }
        i += width
      }
      return nil
    }
    return found ?? words(in: line).first?.text.utf8.first
  }

  /// True when the line holds no words (only separators).
  static func isBlank(_ line: Substring) -> Bool {
    let found = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var i = 0
      while i < bytes.count {
        let width = separatorWidth(bytes, at: i)
        if width == 0 { return false }
        i += width
      }
      return true
    }
    return found ?? words(in: line).isEmpty
  }

  /// The byte length of the separator at `i`, 0 when there is none.
  @inline(__always)
  static func separatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let byte = bytes[i]
    // A form feed (a page break glued to the page's first line) separates like a space.
    if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C { return 1 }
    if byte == 0xC2 {
      if i + 1 < bytes.count && bytes[i + 1] == 0xA0 { return 2 }
    } else if byte == 0xE2 {
      guard i + 1 < bytes.count, bytes[i + 1] == 0x80 else { return 0 }
      if i + 2 < bytes.count && (bytes[i + 2] == 0x89 || bytes[i + 2] == 0xAF) { return 3 }
    }
    return 0
  }

  /// ``words(in:)`` for text without contiguous UTF-8 storage (bridged strings).
  private static func slowWords(in line: Substring) -> [Word] {
    var result: [Word] = []
    let utf8 = line.utf8
    var index = utf8.startIndex
    var wordStart: Substring.UTF8View.Index?
    var offset = 0
    var wordColumn = 0
    while index < utf8.endIndex {
      let width = separatorWidth(utf8, at: index)
      if width > 0 {
        if let start = wordStart {
          result.append(Word(text: Substring(utf8[start..<index]), column: wordColumn))
          wordStart = nil
        }
        index = utf8.index(index, offsetBy: width)
        offset += width
      } else {
        if wordStart == nil {
          wordStart = index
          wordColumn = offset + 1
        }
        index = utf8.index(after: index)
        offset += 1
      }
    }
    if let start = wordStart {
      result.append(Word(text: Substring(utf8[start..<utf8.endIndex]), column: wordColumn))
    }
    return result
  }

  /// The byte length of the separator at `index`, 0 when there is none.
  @inline(__always)
  static func separatorWidth(_ utf8: Substring.UTF8View, at index: Substring.UTF8View.Index) -> Int {
    let byte = utf8[index]
    if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C { return 1 }
    if byte == 0xC2 {
      let next = utf8.index(after: index)
      if next < utf8.endIndex && utf8[next] == 0xA0 { return 2 }
    } else if byte == 0xE2 {
      let second = utf8.index(after: index)
      guard second < utf8.endIndex, utf8[second] == 0x80 else { return 0 }
      let third = utf8.index(after: second)
      if third < utf8.endIndex && (utf8[third] == 0x89 || utf8[third] == 0xAF) { return 3 }
    }
    return 0
  }

  // MARK: Lines

  /// Reads a line as `label n1 … nk`.
  ///
  /// - Parameters:
  ///   - line: one line of report text.
  ///   - expectedCount: how many numbers the layout says the line holds at most (the number of
  ///     columns), or nil when unknown.
  static func read(_ line: Substring, expectedCount: Int? = nil) -> Row {
    line.utf8.withContiguousStorageIfAvailable { read(bytes: $0, expectedCount: expectedCount) }
      ?? Array(line.utf8).withUnsafeBufferPointer { read(bytes: $0, expectedCount: expectedCount) }
  }

  /// ``read(_:expectedCount:)`` over the line's bytes: words are byte ranges, and only the
  /// label is made into a `String`. Every table row and number-ending line passes here.
  private static func read(bytes: UnsafeBufferPointer<UInt8>, expectedCount: Int?) -> Row {
    let run = ByteRun(bytes)
    let split = splitNumberRun(run.atoms, expectedCount: expectedCount)
    return Row(label: run.label(before: split.labelAtoms), numbers: split.numbers)
  }

  /// ``read(_:expectedCount:)`` with no expected count, and the run it split, for the shared
  /// line readings (``LineReadings``) to keep.
  static func readKeepingRun(_ line: String) -> (row: Row, run: Run) {
    var line = line
    return line.withUTF8 { bytes in
      let run = ByteRun(bytes)
      let split = splitNumberRun(run.atoms, expectedCount: nil)
      return (Row(label: run.label(before: split.labelAtoms), numbers: split.numbers), Run(atoms: run.atoms, starts: run.starts))
    }
  }

  /// The run of values that ends a line, as ``ByteRun`` read it: a table splits it again for
  /// its column count (``splitNumberRun(_:expectedCount:)``) without reading the line again.
  struct Run {
    var atoms: [Atom]
    /// The byte offset in the line where each of the run's words starts; atoms' word indexes
    /// count from the first.
    var starts: [Int]

    /// The label before atom `labelAtoms` of `line`, the line this run was read from
    /// (``ByteRun/label(before:)``).
    func label(before labelAtoms: Int, in line: String) -> String {
      var line = line
      return line.withUTF8 { Self.label(before: labelAtoms, atoms: atoms, starts: starts, bytes: $0) }
    }

    /// The line's words before atom `labelAtoms` (all of them when there is no such atom),
    /// joined by single spaces.
    static func label(before labelAtoms: Int, atoms: [Atom], starts: [Int], bytes: UnsafeBufferPointer<UInt8>) -> String {
      let end = labelAtoms < atoms.count ? starts[atoms[labelAtoms].firstWord] : bytes.count
      return NumberRun.cleaned(bytes: UnsafeBufferPointer(rebasing: bytes[0..<end]))
    }
  }

  /// The numeric run that ends a line, read backwards from the line's end: only the run's words
  /// are found and classified, and the label is the line's bytes before the values, cleaned.
  struct ByteRun {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The byte ranges of the run's words, in order; atoms' word indexes count from the first.
    private(set) var starts: [Int] = []
    private(set) var ends: [Int] = []
    private(set) var atoms: [Atom] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      var kinds: [NumberWord] = []
      var end = bytes.count
      while true {
        while end > 0, let width = NumberRun.separatorWidth(bytes, endingAt: end) { end -= width }
        guard end > 0 else { break }
        var start = end - 1
        while start > 0, NumberRun.separatorWidth(bytes, endingAt: start) == nil { start -= 1 }
        let kind = NumberWord.classify(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
        if case .other = kind { break }
        if kinds.isEmpty {
          // Room for a row's usual run at once, instead of growing element by element.
          kinds.reserveCapacity(8)
          starts.reserveCapacity(8)
          ends.reserveCapacity(8)
        }
        kinds.append(kind)
        starts.append(start)
        ends.append(end)
        end = start
      }
      kinds.reverse()
      starts.reverse()
      ends.reverse()
      let starts = starts
      atoms = NumberRun.atoms(kinds, firstWord: 0, columns: { starts[$0] + 1 })
    }

    /// The label: the line's words before atom `labelAtoms` (all of them when there is no such
    /// atom), joined by single spaces.
    func label(before labelAtoms: Int) -> String {
      Run.label(before: labelAtoms, atoms: atoms, starts: starts, bytes: bytes)
    }
  }

  /// The width of the separator that ends just before byte `end` (``separatorWidth(_:at:)``
  /// read backwards), nil when the byte before `end` ends no separator.
  @inline(__always)
  static func separatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
    let last = bytes[end - 1]
    if last == 0x20 || last == 0x09 || last == 0x0D { return 1 }
    if last == 0xA0 {
      return end >= 2 && bytes[end - 2] == 0xC2 ? 2 : nil
    }
    if last == 0x89 || last == 0xAF {
      return end >= 3 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2 ? 3 : nil
    }
    return nil
  }

  /// The words joined by single spaces.
  static func join(_ words: ArraySlice<Word>) -> String {
    if words.count == 1, let only = words.first { return String(only.text) }
    var bytes: [UInt8] = []
    for word in words {
      if !bytes.isEmpty { bytes.append(0x20) }
      bytes.append(contentsOf: word.text.utf8)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The index of the first word of the numeric run that ends the line.
  static func trailingRunStart(_ words: [Word], parentheses: Bool = false) -> Int {
    var start = words.count
    while start > 0 {
      if case .other = NumberWord.classify(words[start - 1].text, parentheses: parentheses) { break }
      start -= 1
    }
    guard start > 0, start < words.count else { return start }
    // `svenska åk 3`, `Ombyggnad etapp 2  4 322  2 658`, `LSS 9 § 9  104 788`: a small whole
    // number right after a word that numbers things (not `per klass`) belongs to the label, and
    // the run starts after it.
    let numbering = words[start - 1].text.hasSuffix("§")
      || Vocabulary.numberedWords.contains(Vocabulary.letters(words[start - 1].text))
        && !(start >= 2 && Vocabulary.letters(words[start - 2].text) == "per")
    let first = words[start].text
    if numbering, first.utf8.count <= 3, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return start + 1 }
    // `§ 165 …`: a paragraph of a decision, not a value.
    if words[start - 1].text.hasSuffix("§") { return words.count }
    return start
  }

  /// Builds atoms from the numeric words `words[start...]`: signs and comparisons attach to
  /// the digits after them, units to the digits before them. Words that cannot attach end the
  /// run at the left (they go back to the label).
  static func atoms(_ words: [Word], from start: Int, parentheses: Bool = false) -> [Atom] {
    guard parentheses else {
      let kinds = words[start...].map { NumberWord.classify($0.text) }
      return atoms(kinds, firstWord: start, columns: { words[$0].column })
    }
    let kinds = words[start...].map { NumberWord.classify($0.text, parentheses: true) }
    return mergingParentheses(atoms(kinds, firstWord: start, columns: { words[$0].column }))
  }

  /// The atoms with the words of each amount in parentheses made one atom (`(154` `037)` →
  /// `(154 037)`), whose value is negative; it neither continues nor is continued by another
  /// number. When the parentheses do not close around one well-grouped number (`(16 av 21)`,
  /// `(12 34)`), the atoms up to the last parenthesis are label text, as words with
  /// parentheses are without the option.
  static func mergingParentheses(_ atoms: [Atom]) -> [Atom] {
    func hasParen(_ atom: Atom) -> Bool { atom.digits.openParen || atom.digits.closeParen }
    guard let lastParen = atoms.lastIndex(where: { hasParen($0) }) else { return atoms }
    var result: [Atom] = []
    result.reserveCapacity(atoms.count)
    var k = 0
    while k < atoms.count {
      let head = atoms[k]
      guard hasParen(head) else {
        result.append(head)
        k += 1
        continue
      }
      // A sign or comparison before `(`, or a unit before the parenthesis closes: no amount.
      guard head.digits.openParen, !head.digits.hasSign, head.qualifier.isEmpty, head.unit.isEmpty || head.digits.closeParen
      else { return Array(atoms[(lastParen + 1)...]) }
      var end = k
      var integer = head.digits.integer
      var integerDigits = head.digits.integerDigits
      while !atoms[end].digits.closeParen {
        let next = end + 1
        guard next < atoms.count, atoms[end].unit.isEmpty, atoms[end].digits.fractionDigits == 0,
          atoms[next].digits.canContinue, atoms[next].qualifier.isEmpty, head.digits.integerDigits <= 3,
          integerDigits + 3 <= 18
        else { return Array(atoms[(lastParen + 1)...]) }
        integer = integer * 1000 + atoms[next].digits.integer
        integerDigits += 3
        end = next
      }
      let last = atoms[end]
      var merged = head
      merged.digits.integer = integer
      merged.digits.integerDigits = integerDigits
      merged.digits.fraction = last.digits.fraction
      merged.digits.fractionDigits = last.digits.fractionDigits
      merged.digits.openParen = true
      merged.digits.closeParen = true
      merged.unit = last.unit
      merged.endWord = last.endWord
      result.append(merged)
      k = end + 1
    }
    return result
  }

  /// ``atoms(_:from:)`` over words already classified: `kinds[k]` is word `firstWord + k`, whose
  /// column `columns` gives.
  static func atoms(_ kinds: [NumberWord], firstWord start: Int, columns: (Int) -> Int) -> [Atom] {
    var result: [Atom] = []
    if !kinds.isEmpty { result.reserveCapacity(kinds.count) }
    var pendingSign: (negative: Bool, word: Int)?
    var pendingQualifier: (text: String, word: Int)?
    for index in start..<(start + kinds.count) {
      switch kinds[index - start] {
      case .digits(var digits):
        let first = pendingQualifier?.word ?? pendingSign?.word ?? index
        if let sign = pendingSign, !digits.hasSign {
          digits.hasSign = true
          digits.negative = sign.negative
        }
        result.append(Atom(
          digits: digits, qualifier: pendingQualifier?.text ?? "", firstWord: first,
          endWord: index + 1, column: columns(first)))
        pendingSign = nil
        pendingQualifier = nil
      case .sign(let negative):
        pendingSign = (negative, index)
      case .qualifier(let text):
        pendingQualifier = (text, index)
      case .unit(let unit):
        if pendingSign == nil, pendingQualifier == nil, let last = result.last,
          last.endWord == index, last.unit.isEmpty, !last.digits.percent
        {
          result[result.count - 1].unit = unit
          result[result.count - 1].endWord = index + 1
        } else {
          // A unit with no number before it: everything so far is label text.
          result.removeAll()
          pendingSign = nil
          pendingQualifier = nil
        }
      case .other:
        result.removeAll()
      }
    }
    return result
  }

  // MARK: Splitting a run

  /// The result of splitting a run of atoms.
  struct Split: Sendable, Hashable {
    var numbers: [SwedishNumber]
    /// How many leading atoms were not read as values and belong to the label.
    var labelAtoms: Int
  }

  /// Splits a run of numeric words into numbers, using the expected count and the thousands
  /// grouping rules (see the type's documentation).
  static func splitNumberRun(_ tokens: [Substring], expectedCount: Int?) -> Split {
    let words = tokens.enumerated().map { Word(text: $0.element, column: $0.offset + 1) }
    return splitNumberRun(atoms(words, from: trailingRunStart(words)), expectedCount: expectedCount)
  }

  /// Splits atoms into numbers; see the type's documentation for the rules.
  static func splitNumberRun(_ atoms: [Atom], expectedCount: Int?) -> Split {
    guard !atoms.isEmpty else { return Split(numbers: [], labelAtoms: 0) }
    let limit = expectedCount.map { max($0, 0) } ?? Int.max
    // Rule 3a: drop leading atoms until the greedy reading fits.
    // A number has at most six groups (18 digits), so a longer suffix cannot fit the limit.
    var start = limit < atoms.count / 6 ? atoms.count - limit * 6 : 0
    var reading: [Range<Int>] = []
    while start < atoms.count {
      var failure = start
      if let greedy = greedyReading(atoms[start...], failure: &failure) {
        if greedy.count <= limit {
          reading = greedy
          break
        }
        start += 1
      } else {
        start = failure + 1
      }
    }
    guard !reading.isEmpty else { return Split(numbers: [], labelAtoms: atoms.count) }
    // Rule 3b: re-split an implausible reading to the expected count.
    if let k = expectedCount, reading.count < k,
      reading.contains(where: { $0.count >= 4 }),
      let exact = exactReading(atoms[start...], count: k)
    {
      reading = exact
    }
    // Rule 4: a leading year or date belongs to the label.
    if reading.count > 1, start == 0 || atoms[start - 1].endWord != atoms[start].firstWord,
      isYearOrDate(atoms, reading[0]),
      reading.dropFirst().allSatisfy({ atoms[$0.upperBound - 1].digits.fractionDigits > 0 })
    {
      reading.removeFirst()
    }
    let labelAtoms = reading.first?.lowerBound ?? atoms.count
    return Split(numbers: reading.compactMap { makeNumber(atoms[...], span: $0) }, labelAtoms: labelAtoms)
  }

  /// The reading that keeps every possible thousands group (rule 2), or nil when the atoms
  /// cannot be read as numbers at all (a run starting with `000`).
  static func greedyReading(_ atoms: ArraySlice<Atom>) -> [Range<Int>]? {
    var failure = 0
    return greedyReading(atoms, failure: &failure)
  }

  /// The greedy reading; on failure, `failure` is the index of the atom that cannot begin a number.
  static func greedyReading(_ atoms: ArraySlice<Atom>, failure: inout Int) -> [Range<Int>]? {
    var result: [Range<Int>] = []
    if !atoms.isEmpty { result.reserveCapacity(atoms.count) }
    var index = atoms.startIndex
    while index < atoms.endIndex {
      guard atoms[index].canStart else {
        failure = index
        return nil
      }
      var end = index + 1
      while end < atoms.endIndex && canExtend(atoms, index..<end) { end += 1 }
      result.append(index..<end)
      index = end
    }
    return result
  }

  /// Whether the atom after `span` may continue the number `span`.
  @inline(__always)
  private static func canExtend(_ atoms: ArraySlice<Atom>, _ span: Range<Int>) -> Bool {
    let head = atoms[span.lowerBound]
    return atoms[span.upperBound - 1].canBeContinued && atoms[span.upperBound].canContinue
      && head.digits.integerDigits <= 3 && head.canBeContinued
  }

  /// The best reading with exactly `count` numbers: fewest broken groups, then the most
  /// balanced lengths (smallest sum of squared group counts), then longer numbers first.
  static func exactReading(_ atoms: ArraySlice<Atom>, count: Int) -> [Range<Int>]? {
    let n = atoms.count
    guard count > 0, count <= n, n <= 64 else { return nil }
    let base = atoms.startIndex
    struct Cost: Comparable {
      var breaks: Int
      var squares: Int
      static func < (a: Cost, b: Cost) -> Bool { (a.breaks, a.squares) < (b.breaks, b.squares) }
    }
    // best[i][c]: the cost of reading atoms i..<n as c numbers, and the first span's length.
    var best = [[(cost: Cost, length: Int)?]](repeating: .init(repeating: nil, count: count + 1), count: n + 1)
    best[n][0] = (Cost(breaks: 0, squares: 0), 0)
    for i in stride(from: n - 1, through: 0, by: -1) {
      guard atoms[base + i].canStart else { continue }
      // The longest span starting at i.
      var maxLength = 1
      while i + maxLength < n && canExtend(atoms, (base + i)..<(base + i + maxLength)) { maxLength += 1 }
      for c in 1...count {
        for length in stride(from: maxLength, through: 1, by: -1) {
          guard let rest = best[i + length][c - 1] else { continue }
          let end = i + length
          let broken = end < n && length < maxLength ? 1 : 0
          let cost = Cost(breaks: rest.cost.breaks + broken, squares: rest.cost.squares + length * length)
          if let current = best[i][c], !(cost < current.cost) { continue }
          best[i][c] = (cost, length)
        }
      }
    }
    guard best[0][count] != nil else { return nil }
    var result: [Range<Int>] = []
    var i = 0
    var c = count
    while c > 0, let entry = best[i][c] {
      result.append((base + i)..<(base + i + entry.length))
      i += entry.length
      c -= 1
    }
    return result.count == count ? result : nil
  }

  /// True when the span is one unsigned whole number that reads as a year (1900–2099) or a
  /// date (`170831`, `20170831`).
  private static func isYearOrDate(_ atoms: [Atom], _ span: Range<Int>) -> Bool {
    guard span.count == 1 else { return false }
    let d = atoms[span.lowerBound].digits
    guard !d.hasSign, d.fractionDigits == 0, !d.percent, atoms[span.lowerBound].unit.isEmpty else {
      return false
    }
    switch d.integerDigits {
    case 4: return d.integer >= 1900 && d.integer <= 2099
    case 6, 8:
      let month = (d.integer / 100) % 100
      let day = d.integer % 100
      return month >= 1 && month <= 12 && day >= 1 && day <= 31
    default: return false
    }
  }

  /// The number a span of atoms spells (indexes are the atoms' own), nil on overflow.
  static func makeNumber(_ atoms: ArraySlice<Atom>, span: Range<Int>) -> SwedishNumber? {
    guard !span.isEmpty else { return nil }
    let head = atoms[span.lowerBound]
    let last = atoms[span.upperBound - 1]
    var integer = head.digits.integer
    var digits = head.digits.integerDigits
    for index in (span.lowerBound + 1)..<span.upperBound {
      digits += 3
      guard digits <= 18 else { return nil }
      integer = integer * 1000 + atoms[index].digits.integer
    }
    let fractionDigits = last.digits.fractionDigits
    guard digits + fractionDigits <= 18 else { return nil }
    var mantissa = integer
    for _ in 0..<fractionDigits { mantissa *= 10 }
    mantissa += last.digits.fraction
    if head.digits.negative || head.digits.openParen { mantissa = -mantissa }
    let unit = last.digits.percent ? "%" : last.unit
    var number = SwedishNumber(
      value: Number(mantissa: mantissa, scale: Int8(fractionDigits)), unit: unit,
      qualifier: head.qualifier, column: head.column)
    number.parenthesised = head.digits.openParen
    return number
  }
}
