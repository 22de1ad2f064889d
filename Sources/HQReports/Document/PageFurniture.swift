import HQData

/// The lines of a report text that belong to the printed page rather than to the report:
/// page markers, page numbers, and running headers and footers.
///
/// A text converted from PDF repeats the page's furniture on every page: a header such as
/// `Nämnden för Teknik                 Kungsbacka kommun` + `Nämndens årsredovisning 2024`, a
/// footer such as `Kungsbacka kommun    Delårsbokslut 2025    25`, or a page number alone
/// (`41`). Such lines are neither data nor prose. The rules, all read from the text alone:
///
/// - **Page markers**: `<!-- sida 12 -->` (any HTML comment naming a `sida` or `page`), a line
///   that is only a form feed, `15(34)`, `Sida 3`, `Sida 3 av 40`.
/// - **Page numbers**: a number of one to three digits, alone on its line or as the first or
///   last word of a line, that continues a run of at least ``minimumRun`` such numbers, each
///   one more than the one before, at least ``minimumPageLines`` lines apart and, when the text
///   has page markers, each on a later page, on lines whose other words are the same (`41`,
///   `42`, `43`; `… Delårsbokslut 2025 25`, `… 26`). Chart ticks (`0`, `500`, `1 000`) and
///   years never count up by one page after page. When the other words name the report
///   (``ReportIdentity/namesReport(_:)``) two or more lines whose numbers only increase are
///   enough (`Region Halland │Halland – Bästa livsplatsen 10`, `… 15`); when they do not, only a
///   run across page markers counts, of two or more words at the pages' edges, so numbered
///   headings (`Not 1`, `Not 2`, …) are no footer.
/// - **Running headers and footers**: a line (compared after trimming and collapsing spaces)
///   that repeats on the pages. When the text marks its pages (a page marker, or else the page
///   numbers found above), the line must stand within ``edgeLines`` non-blank lines of a page's
///   start or end at least two times in three, on at least two pages and on at least half of
///   them, so a table header repeated on a few pages is not furniture. A text with no page
///   markers (page numbers at most) may instead show the line at least three times, at least
///   ``minimumUnmarkedGap`` lines apart, and the line must then be no sentence
///   (``TextLines/isProse(_:)``) and name the report (an organisation or a report kind with its
///   year, ``ReportIdentity/namesReport(_:)``), since nothing else tells a running header from a
///   repeated table header there. A footer carrying a page number counts by the page-number
///   rule above.
///
/// Only lines up to ``maximumLineBytes`` long are considered: furniture is short.
///
/// - Complexity: linear in the number of lines (one hash-table entry per short line).
struct PageFurniture: Sendable, Hashable {
  /// 0-based indexes of the page-marker lines, in order.
  var markers: [Int] = []
  /// 0-based indexes of the lines that hold only a page number, in order.
  var pageNumbers: [Int] = []
  /// 0-based indexes of the running header and footer lines (with or without a page number),
  /// in order.
  var running: [Int] = []
  /// For each distinct running line, the index of its first occurrence, in order: the lines
  /// ``ReportIdentity`` reads the organisation, kind and period from.
  var runningTexts: [Int] = []

  /// Every furniture line: markers, page numbers, running headers and footers.
  var lineIndexes: Set<Int> { Set(markers).union(pageNumbers).union(running) }

  /// Lines longer than this (in UTF-8 bytes) are never furniture.
  static let maximumLineBytes = 160
  /// Page numbers of a run stand at least this many lines apart (chart ticks are adjacent).
  static let minimumPageLines = 5
  /// A running line must stand within this many non-blank lines of a page's start or end.
  static let edgeLines = 3
  /// In a text without page marks, a repeated line's occurrences stand at least this many
  /// lines apart.
  static let minimumUnmarkedGap = 10
  /// A page-number run holds at least this many numbers.
  static let minimumRun = 3

  /// The 0-based indexes of every page-furniture line of `lines`: page markers, page numbers
  /// and running headers and footers. Table and prose readers skip these lines.
  ///
  ///     PageFurniture.lineIndexes(in: TextLines.split(text))
  ///
  /// - Complexity: O(n) in the number of lines.
  static func lineIndexes(in lines: [String]) -> Set<Int> {
    find(in: lines).lineIndexes
  }

  /// Finds the page furniture of `lines` (see the type's rules).
  static func find(in lines: [String]) -> PageFurniture {
    var scan = Scan(lines: lines)
    scan.collect()
    var result = PageFurniture()
    result.markers = scan.markers
    scan.findPageNumbers(into: &result)
    scan.findRunningLines(into: &result)
    result.pageNumbers.sort()
    result.running.sort()
    result.runningTexts.sort()
    return result
  }
}

extension PageFurniture {
  /// One pass over the lines, then the rules over what it collected. Lines are compared by
  /// their cleaned bytes (interned in a ``ByteDictionary``), never as `String`s, whose hashing
  /// normalises every non-ASCII line.
  fileprivate struct Scan {
    let lines: [String]
    /// Page markers; the HTML-comment and form-feed ones also start a page (`hardBreaks`).
    var markers: [Int] = []
    var hardBreaks: [Int] = []
    /// The texts around a page number (`Kungsbacka kommun Delårsbokslut 2025` of `… 25`; empty
    /// for a number alone), and every line holding one: (key code, line, number).
    var numberedKeys = ByteDictionary()
    var numbered: [(key: UInt32, line: Int, number: Int)] = []
    /// Whole cleaned lines holding a letter, and every such line: (code, line).
    var texts = ByteDictionary()
    var textLines: [(key: UInt32, line: Int)] = []
    var furniture: Set<Int> = []
    /// For each line, whether it holds no words (a line too long to be furniture counts as
    /// holding some).
    var isBlank: [Bool]

    init(lines: [String]) {
      self.lines = lines
      isBlank = Array(repeating: false, count: lines.count)
    }

    mutating func collect() {
      var buffer = [UInt8](repeating: 0, count: maximumLineBytes)
      for index in lines.indices where lines[index].utf8.count <= maximumLineBytes {
        var line = lines[index]
        line.withUTF8 { bytes in
          buffer.withUnsafeMutableBufferPointer { out in
            let cleaned = PageFurniture.clean(bytes, into: out)
            if cleaned.formFeed { hardBreaks.append(index) }
            guard cleaned.length > 0 else {
              isBlank[index] = true
              if cleaned.formFeed { markers.append(index) }
              return
            }
            read(UnsafeBufferPointer(rebasing: out[0..<cleaned.length]), hasLetter: cleaned.hasLetter, line: index)
          }
        }
      }
    }

    /// Files one cleaned, non-empty line.
    private mutating func read(_ cleaned: UnsafeBufferPointer<UInt8>, hasLetter: Bool, line index: Int) {
      guard let base = cleaned.baseAddress else { return }
      switch PageFurniture.marker(bytes: cleaned) {
      case .startsPage?:
        markers.append(index)
        hardBreaks.append(index)
        return
      case .marksPage?:
        markers.append(index)
        return
      case nil:
        break
      }
      var isNew = false
      if let (key, number) = PageFurniture.splitPageNumber(bytes: cleaned) {
        let code = numberedKeys.intern(base + key.lowerBound, key.count, isNew: &isNew)
        numbered.append((code, index, number))
      }
      if hasLetter, cleaned[0] != UInt8(ascii: "|"), cleaned[0] != UInt8(ascii: "`") {
        textLines.append((texts.intern(base, cleaned.count, isNew: &isNew), index))
      }
    }

    /// Page numbers, per text around the number: a run counting up by one, or (around a text
    /// naming the report) numbers that only increase.
    mutating func findPageNumbers(into result: inout PageFurniture) {
      // Pages cut at the page markers only, so a run's numbers can be told to stand on
      // different pages; without such markers every line is on page 0.
      let pages = Pages(isBlank: isBlank, breaks: hardBreaks, ignoring: Set(markers))
      let page = pages.pageOf
      let distinctPages = !hardBreaks.isEmpty
      for (code, group) in PageFurniture.groups(numbered.map { (key: $0.key, value: $0) }, keyCount: numberedKeys.count) {
        let entries = group.map { (line: $0.line, number: $0.number) }
        var members = PageFurniture.pageNumberRuns(entries, page: page, distinctPages: distinctPages)
        let key = numberedKeys.withBytes(of: code) { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
        if key.isEmpty {
          result.pageNumbers += members
        } else {
          // `Not 1`, `Not 2`, … on pages of their own would pass for a footer with the page
          // number: around a text that does not name the report, only a run across page marks
          // counts, of two or more words, at the pages' edges.
          let namesReport = ReportIdentity.namesReport(key)
          if !namesReport, !distinctPages || !key.contains(" ") || !members.allSatisfy({ pages.atEdge[$0] }) {
            members = []
          }
          if namesReport && members.isEmpty && PageFurniture.increases(entries, page: page, distinctPages: distinctPages) {
            members = entries.map(\.line)
          }
          guard !members.isEmpty else { continue }
          result.running += members
          result.runningTexts.append(members[0])
        }
        furniture.formUnion(members)
      }
    }

    /// Repeated lines at the page edges (or, without page markers, repeated lines naming the
    /// report).
    mutating func findRunningLines(into result: inout PageFurniture) {
      let found = markers + result.pageNumbers + result.running
      let breaks = hardBreaks.isEmpty ? found.sorted() : hardBreaks
      let pages = Pages(isBlank: isBlank, breaks: breaks, ignoring: Set(found))
      for (code, group) in PageFurniture.groups(textLines.map { (key: $0.key, value: $0.line) }, keyCount: texts.count) {
        let occurrences = group
        guard !occurrences.contains(where: { furniture.contains($0) }) else { continue }
        // Page numbers alone do not say where a page ends (a converter may put a page's
        // tables after its number): there, a line failing the edge rule may still pass the
        // rule for unmarked text.
        let isRunning = (!breaks.isEmpty && pages.repeatsAtEdges(occurrences))
          || (hardBreaks.isEmpty && repeatsUnmarked(code, occurrences))
        guard isRunning else { continue }
        result.running += occurrences
        result.runningTexts.append(occurrences[0])
        furniture.formUnion(occurrences)
      }
    }

    /// The rule for a text without page markers: three or more occurrences far apart, naming
    /// the report.
    func repeatsUnmarked(_ code: Int, _ occurrences: [Int]) -> Bool {
      guard occurrences.count >= 3 else { return false }
      for (a, b) in zip(occurrences, occurrences.dropFirst()) where b - a < minimumUnmarkedGap { return false }
      let key = texts.withBytes(of: code) { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
      // A header or footer is no sentence.
      return !TextLines.isProse(key) && ReportIdentity.namesReport(key)
    }
  }

  /// The values filed under keys that occur two or more times, grouped by key in the order of
  /// the keys' codes (first occurrence), each group in filing order.
  ///
  /// - Complexity: O(n + keyCount), a counting sort.
  fileprivate static func groups<Value>(_ filed: [(key: UInt32, value: Value)], keyCount: Int) -> [(Int, [Value])] {
    var counts = [Int](repeating: 0, count: keyCount)
    for entry in filed { counts[Int(entry.key)] += 1 }
    var slots = [Int](repeating: -1, count: keyCount)
    var result: [(Int, [Value])] = []
    for entry in filed where counts[Int(entry.key)] >= 2 {
      let key = Int(entry.key)
      if slots[key] < 0 {
        slots[key] = result.count
        result.append((key, []))
        result[result.count - 1].1.reserveCapacity(counts[key])
      }
      result[slots[key]].1.append(entry.value)
    }
    return result
  }

  /// Writes the line's words into `out`, joined by single spaces, form feeds dropped, and says
  /// how long they are (0 for a blank line), whether the line held a form feed, and whether it
  /// may hold a letter (an ASCII letter or any character outside ASCII). `out` holds at least
  /// as many bytes as the line.
  fileprivate static func clean(
    _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>
  ) -> (length: Int, formFeed: Bool, hasLetter: Bool) {
    var n = 0
    var i = 0
    var pendingSpace = false
    var formFeed = false
    var hasLetter = false
    while i < bytes.count {
      let b = bytes[i]
      if NumberRun.mayBeSeparator(b) {
        let width = NumberRun.separatorWidth(bytes, at: i)
        if width > 0 || b == 0x0C {
          formFeed = formFeed || b == 0x0C
          pendingSpace = n > 0
          i += max(width, 1)
          continue
        }
      }
      if pendingSpace {
        out[n] = 0x20
        n += 1
        pendingSpace = false
      }
      hasLetter = hasLetter || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b >= 0xC3
      out[n] = b
      n += 1
      i += 1
    }
    return (n, formFeed, hasLetter)
  }

  /// The pages of a text cut at its page breaks, and which lines stand at a page's edge.
  ///
  /// A break line starts a new page. The furniture already found (markers, page numbers) is
  /// no content of a page, so a header stands at the page's edge however many marks surround
  /// it.
  fileprivate struct Pages {
    /// For each line, its page (0-based).
    var pageOf: [Int]
    /// For each line, whether it is among the first or last ``edgeLines`` non-blank lines of
    /// its page.
    var atEdge: [Bool]
    /// Pages holding at least one non-blank line.
    var count = 0

    init(isBlank: [Bool], breaks: [Int], ignoring ignored: Set<Int>) {
      pageOf = Array(repeating: 0, count: isBlank.count)
      atEdge = Array(repeating: false, count: isBlank.count)
      var isBreak = Array(repeating: false, count: isBlank.count)
      for b in breaks where b < isBlank.count { isBreak[b] = true }
      var page = 0
      var pageLines: [Int] = []
      func close() {
        guard !pageLines.isEmpty else { return }
        count += 1
        for k in pageLines.prefix(edgeLines) { atEdge[k] = true }
        for k in pageLines.suffix(edgeLines) { atEdge[k] = true }
        pageLines.removeAll(keepingCapacity: true)
      }
      for index in isBlank.indices {
        if isBreak[index] {
          close()
          page += 1
        }
        pageOf[index] = page
        if !isBlank[index] && !ignored.contains(index) { pageLines.append(index) }
      }
      close()
    }

    /// The rule for a text with page marks: mostly at page edges, on two or more pages and on
    /// at least half of them.
    func repeatsAtEdges(_ occurrences: [Int]) -> Bool {
      let atEdges = occurrences.count { atEdge[$0] }
      guard atEdges * 3 >= occurrences.count * 2 else { return false }
      // Occurrences are in line order, so their pages never decrease.
      var pages = 0
      var lastPage = -1
      for k in occurrences where atEdge[k] && pageOf[k] != lastPage {
        pages += 1
        lastPage = pageOf[k]
      }
      return pages >= 2 && pages * 2 >= count
    }
  }

  /// What kind of page marker a cleaned line is.
  enum Marker {
    /// `<!-- sida 12 -->`: a new page starts here.
    case startsPage
    /// `15(34)`, `Sida 3`, `Sida 3 av 40`: marks a page, at its top or bottom.
    case marksPage
  }

  /// The marker a cleaned line is, nil for any other line.
  static func marker(_ cleaned: String) -> Marker? {
    var cleaned = cleaned
    return cleaned.withUTF8 { marker(bytes: $0) }
  }

  /// ``marker(_:)`` on a cleaned line's bytes.
  static func marker(bytes: UnsafeBufferPointer<UInt8>) -> Marker? {
    // Most lines are ruled out by their first bytes and their length.
    guard let first = bytes.first, let last = bytes.last else { return nil }
    let comment = first == UInt8(ascii: "<") && bytes.starts(with: "<!--".utf8)
    let sida = bytes.count <= 20 && (first | 0x20) == UInt8(ascii: "s") && bytes.dropFirst().starts(with: "ida ".utf8)
    let parenthesised = bytes.count <= 12 && last == UInt8(ascii: ")") && isDigit(first)
    guard comment || sida || parenthesised else { return nil }
    let cleaned = String(decoding: bytes, as: UTF8.self)
    if cleaned.hasPrefix("<!--") && cleaned.hasSuffix("-->") {
      let lower = cleaned.lowercased()
      return ByteSearch.has(lower, "sida") || ByteSearch.has(lower, "page") ? .startsPage : nil
    }
    let words = cleaned.split(separator: " ")
    if words.first?.lowercased() == "sida", words.count == 2 || (words.count == 4 && words[2].lowercased() == "av"),
      words.dropFirst().allSatisfy({ $0.lowercased() == "av" || isDigits($0) })
    {
      return .marksPage
    }
    if words.count == 1, cleaned.utf8.count <= 12, cleaned.hasSuffix(")"),
      let open = cleaned.firstIndex(of: "("), isDigits(cleaned[..<open]),
      isDigits(cleaned[cleaned.index(after: open)..<cleaned.index(before: cleaned.endIndex)])
    {
      return .marksPage
    }
    return nil
  }

  /// The line's text without a page number standing as its first or last word, and the number:
  /// `Kungsbacka kommun Delårsbokslut 2025 25` → (`Kungsbacka kommun Delårsbokslut 2025`, 25);
  /// `41` → (``, 41); `- 7 -` → (``, 7). Nil when neither end is a number of one to three digits.
  static func splitPageNumber(_ cleaned: String) -> (key: String, number: Int)? {
    var cleaned = cleaned
    return cleaned.withUTF8 { bytes in
      splitPageNumber(bytes: bytes).map { (String(decoding: UnsafeBufferPointer(rebasing: bytes[$0.key]), as: UTF8.self), $0.number) }
    }
  }

  /// ``splitPageNumber(_:)`` on a cleaned line's bytes: the byte range of the text around the
  /// number, and the number.
  static func splitPageNumber(bytes: UnsafeBufferPointer<UInt8>) -> (key: Range<Int>, number: Int)? {
    let n = bytes.count
    guard n > 0 else { return nil }
    // `- 7 -`, `– 7 –`
    for dash in [[UInt8(ascii: "-")], [0xE2, 0x80, 0x93]] as [[UInt8]] where n > 2 * dash.count + 2 {
      let d = dash.count
      if bytes.prefix(d).elementsEqual(dash), bytes.suffix(d).elementsEqual(dash), bytes[d] == 0x20, bytes[n - d - 1] == 0x20,
        let number = pageNumber(bytes, d + 1..<n - d - 1)
      {
        return (0..<0, number)
      }
    }
    // The last word, then the first.
    var start = n
    while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
    if let number = pageNumber(bytes, start..<n) { return (0..<max(0, start - 1), number) }
    var end = 0
    while end < n, bytes[end] != 0x20 { end += 1 }
    if end < n, let number = pageNumber(bytes, 0..<end) { return (end + 1..<n, number) }
    return nil
  }

  /// The number `bytes[range]` is when one to three ASCII digits not starting with 0.
  private static func pageNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
    guard (1...3).contains(range.count), bytes[range.lowerBound] != 0x30 else { return nil }
    var value = 0
    for i in range {
      guard isDigit(bytes[i]) else { return nil }
      value = value * 10 + Int(bytes[i] - 0x30)
    }
    return value
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private static func isDigits(_ text: Substring) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
  }

  /// The entries that belong to a run of at least ``minimumRun`` page numbers, each one more
  /// than the one before, at least ``minimumPageLines`` lines after it and, when
  /// `distinctPages`, on a later page.
  ///
  /// - Complexity: O(n): each entry extends the latest run ending one below its number.
  static func pageNumberRuns(_ entries: [(line: Int, number: Int)], page: [Int], distinctPages: Bool) -> [Int] {
    var latestEnding: [Int: Int] = [:]  // number → entry index ending the latest run there
    var previous = Array(repeating: -1, count: entries.count)
    var length = Array(repeating: 1, count: entries.count)
    for (k, entry) in entries.enumerated() {
      if let p = latestEnding[entry.number - 1], follows(entry, entries[p], page: page, distinctPages: distinctPages) {
        previous[k] = p
        length[k] = length[p] + 1
      }
      latestEnding[entry.number] = k
    }
    var member = Array(repeating: false, count: entries.count)
    for k in entries.indices.reversed() where length[k] >= minimumRun && !member[k] {
      var p = k
      while p >= 0 && !member[p] {
        member[p] = true
        p = previous[p]
      }
    }
    return entries.indices.filter { member[$0] }.map { entries[$0].line }
  }

  /// True when the numbers only increase, from entry to entry far enough apart (and, when
  /// `distinctPages`, each on a later page).
  static func increases(_ entries: [(line: Int, number: Int)], page: [Int], distinctPages: Bool) -> Bool {
    zip(entries, entries.dropFirst()).allSatisfy { a, b in
      b.number > a.number && follows(b, a, page: page, distinctPages: distinctPages)
    }
  }

  private static func follows(
    _ entry: (line: Int, number: Int), _ earlier: (line: Int, number: Int), page: [Int], distinctPages: Bool
  ) -> Bool {
    entry.line - earlier.line >= minimumPageLines && (!distinctPages || page[entry.line] > page[earlier.line])
  }
}
