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
    find(in: lines, cleaned: lines.map { TextLines.clean($0) })
  }

  /// ``find(in:)`` of lines whose cleaned text (``TextLines/clean(_:)``) is already known.
  static func find(in lines: [String], cleaned: [String]) -> PageFurniture {
    var scan = Scan(lines: lines, cleaned: cleaned)
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
  /// What kind of page marker a cleaned line is.
  enum Marker {
    /// `<!-- sida 12 -->`: a new page starts here.
    case startsPage
    /// `15(34)`, `15 (34)`, `Sida 3`, `Sida 3 av 40`: marks a page, at its top or bottom.
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
    let words = cleaned.split(ascii: " ")
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
    // `1 (4)`: the same with a space, the page no later than the count.
    if words.count == 2, isDigits(words[0]), words[1].count >= 3, words[1].hasPrefix("("), words[1].hasSuffix(")"),
      isDigits(words[1].dropFirst().dropLast()), let page = Int(words[0]), let count = Int(words[1].dropFirst().dropLast()),
      page >= 1, page <= count
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
    // `- 7 -`, `– 7 –` (E2 80 93)
    if n > 4, bytes[0] == UInt8(ascii: "-"), bytes[n - 1] == UInt8(ascii: "-"), bytes[1] == 0x20, bytes[n - 2] == 0x20,
      let number = pageNumber(bytes, 2..<n - 2)
    {
      return (0..<0, number)
    }
    if n > 8, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0x93, bytes[n - 3] == 0xE2, bytes[n - 2] == 0x80,
      bytes[n - 1] == 0x93, bytes[3] == 0x20, bytes[n - 4] == 0x20, let number = pageNumber(bytes, 4..<n - 4)
    {
      return (0..<0, number)
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
