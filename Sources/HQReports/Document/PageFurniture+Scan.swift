#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData

extension PageFurniture {
  /// One pass over the lines, then the rules over what it collected. Lines are compared by
  /// their cleaned bytes (interned in a ``ByteDictionary``), never as `String`s, whose hashing
  /// normalises every non-ASCII line.
  struct Scan {
    let lines: [String]
    /// Each line's words joined by single spaces (``TextLines/clean(_:)``), as the driver
    /// cleaned them.
    let cleaned: [String]
    /// Page markers; the HTML-comment and form-feed ones also start a page (`hardBreaks`).
    var markers: [Int] = []
    var hardBreaks: [Int] = []
    /// The texts around a page number (`Kungsbacka kommun Delårsbokslut 2025` of `… 25`; empty
    /// for a number alone), and every line holding one: (key code, line, number).
    var numberedKeys = ByteDictionary()
    var numbered: [(key: UInt32, line: Int, number: Int)] = []
    /// Whole cleaned lines, and every such line but table syntax (`|`, `` ` ``): (code, line).
    var texts = ByteDictionary()
    var textLines: [(key: UInt32, line: Int)] = []
    /// For each line, whether it was found to be furniture so far.
    var isFurniture: [Bool]
    /// For each line, whether it holds no words (a line too long to be furniture counts as
    /// holding some).
    var isBlank: [Bool]

    init(lines: [String], cleaned: [String]) {
      self.lines = lines
      self.cleaned = cleaned
      isBlank = Array(repeating: false, count: lines.count)
      isFurniture = Array(repeating: false, count: lines.count)
    }

    mutating func collect() {
      for index in lines.indices where lines[index].utf8.count <= maximumLineBytes {
        // A form feed is a separator the cleaned line no longer shows; it also breaks the page.
        var line = lines[index]
        let formFeed = line.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0x0C, bytes.count) != nil } ?? false }
        if formFeed { hardBreaks.append(index) }
        var text = cleaned[index]
        guard !text.isEmpty else {
          isBlank[index] = true
          if formFeed { markers.append(index) }
          continue
        }
        text.withUTF8 { read($0, line: index) }
      }
    }

    /// Files one cleaned, non-empty line.
    private mutating func read(_ cleaned: UnsafeBufferPointer<UInt8>, line index: Int) {
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
      if cleaned[0] != UInt8(ascii: "|"), cleaned[0] != UInt8(ascii: "`") {
        textLines.append((texts.intern(base, cleaned.count, isNew: &isNew), index))
      }
    }

    /// Page numbers, per text around the number: a run counting up by one, or (around a text
    /// naming the report) numbers that only increase.
    mutating func findPageNumbers(into result: inout PageFurniture) {
      // Pages cut at the page markers only, so a run's numbers can be told to stand on
      // different pages; without such markers every line is on page 0.
      let pages = Pages(isBlank: isBlank, breaks: hardBreaks, ignoring: markers)
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
        for line in members { isFurniture[line] = true }
      }
    }

    /// Repeated lines at the page edges (or, without page markers, repeated lines naming the
    /// report).
    mutating func findRunningLines(into result: inout PageFurniture) {
      let found = markers + result.pageNumbers + result.running
      let breaks = hardBreaks.isEmpty ? found.sorted() : hardBreaks
      let pages = Pages(isBlank: isBlank, breaks: breaks, ignoring: found)
      for (code, group) in PageFurniture.groups(textLines.map { (key: $0.key, value: $0.line) }, keyCount: texts.count) {
        let occurrences = group
        // A line of numbers alone (`2 000` on two charts) is no header.
        guard texts.withBytes(of: code, { PageFurniture.mayHoldLetter(UnsafeBufferPointer(start: $0, count: $1)) }),
          !occurrences.contains(where: { isFurniture[$0] })
        else { continue }
        // Page numbers alone do not say where a page ends (a converter may put a page's
        // tables after its number): there, a line failing the edge rule may still pass the
        // rule for unmarked text.
        let isRunning = (!breaks.isEmpty && pages.repeatsAtEdges(occurrences))
          || (hardBreaks.isEmpty && repeatsUnmarked(code, occurrences))
        guard isRunning, !isRepeatedTableHeader(code), !occurrences.allSatisfy(headsATable) else { continue }
        result.running += occurrences
        result.runningTexts.append(occurrences[0])
        for line in occurrences { isFurniture[line] = true }
      }
    }

    /// True when the line is a table's column header printed again on the next page
    /// (`Utfall  Budget  Prognos  Avvikelse`, `Not  jan–sep 2024  2025  prognos`, `Bokslut 2025
    /// Bokslut 2024`): column words only, and naming no report, or two years (a running header
    /// names one: `Delårsrapport augusti 2025`). Such a line repeats at the pages' edges where a
    /// table goes on over a page break, and is the table's, not the page's.
    func isRepeatedTableHeader(_ code: Int) -> Bool {
      let key = texts.withBytes(of: code) { String(decoding: UnsafeBufferPointer(start: $0, count: $1), as: UTF8.self) }
      return Self.readsAsTableHeader(key)
    }

    /// ``isRepeatedTableHeader(_:)`` of a cleaned line.
    static func readsAsTableHeader(_ cleaned: String) -> Bool {
      let words = cleaned.split(ascii: " ")
      let years = { (words: ArraySlice<Substring>) in words.count(where: { Vocabulary.year(in: $0) != nil }) }
      guard Vocabulary.isColumnHeaderLine(cleaned) else {
        // The label column's header before the column words (`Resultaträkning  2025  2024`):
        // one to three words without digits, then column words naming two years or more, and
        // the line names no report (`Göteborgs Stad  Budget 2025` is a running header).
        guard let first = words.firstIndex(where: { Vocabulary.startsColumnHeader($0) }), (1...3).contains(first),
          !words[..<first].contains(where: { $0.contains(where: \.isNumber) }),
          years(words[first...]) >= 2, Vocabulary.isColumnHeaderLine(words[first...].joined(separator: " "))
        else { return false }
        // Column words opening with a `Not` column or naming three kinds or more (`Resultaträkning
        // Not  Utfall jan–jun 2023  …  Budget 2024  Prognos 2024  Avvikelse prognos`,
        // `Resultaträkning  Not  Bokslut 2024  Bokslut 2025`) are a table's, though `Budget 2024`
        // names a report, unless the words before them name one too.
        if Vocabulary.letters(words[first]) == "not" || words[first...].count(where: { Vocabulary.isKindWord($0) }) >= 3 {
          return !ReportIdentity.namesReport(words[..<first].joined(separator: " "))
        }
        return !ReportIdentity.namesReport(cleaned)
      }
      return !ReportIdentity.namesReport(cleaned) || years(words[...]) >= 2
    }

    /// True when the next line with words under `line` is a table's column header
    /// (``Vocabulary/isColumnHeaderLine(_:)``), alone or with the line right under it (the
    /// years of `Investeringsprojekt  Budget  Utfall  Prognos` / `2023  jan-aug 2023  2023`): a
    /// caption repeated with its table's header on the next page (`Tabell 12. Resultaträkning,
    /// belopp i mkr` over `Bokslut 2025  Bokslut 2024`) is the table's, not the page's.
    func headsATable(_ line: Int) -> Bool {
      var next = line + 1
      while next < lines.count, isBlank[next] { next += 1 }
      guard next < lines.count, next - line <= 2, lines[next].utf8.count <= maximumLineBytes else { return false }
      let words = { (i: Int) in
        lines[i].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }).joined(separator: " ")
      }
      if Self.readsAsTableHeader(words(next)) { return true }
      guard next + 1 < lines.count, !isBlank[next + 1], lines[next + 1].utf8.count <= maximumLineBytes else { return false }
      return Self.readsAsKindsOverYears(words(next), words(next + 1))
    }

    /// True for a table's header over two lines: kind words, after at most three words heading
    /// the label column (`Investeringsprojekt  Budget  Utfall  Prognos  Avvikelse`), over a
    /// line of column words with their years (`2023  jan-aug 2023  2023`); neither names the
    /// report.
    static func readsAsKindsOverYears(_ kinds: String, _ years: String) -> Bool {
      let words = kinds.split(ascii: " ")
      guard let first = words.firstIndex(where: { Vocabulary.startsColumnHeader($0) }), first <= 3,
        !words[..<first].contains(where: { $0.contains(where: \.isNumber) }),
        words[first...].count(where: { Vocabulary.isKindWord($0) }) >= 2,
        Vocabulary.isColumnHeaderLine(words[first...].joined(separator: " ")), !ReportIdentity.namesReport(kinds)
      else { return false }
      return readsAsTableHeader(years)
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
  static func groups<Value>(_ filed: [(key: UInt32, value: Value)], keyCount: Int) -> [(Int, [Value])] {
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

  /// True when the bytes may hold a letter: an ASCII letter or a character outside ASCII
  /// other than Latin-1 punctuation and spaces.
  static func mayHoldLetter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.contains { ($0 | 0x20) &- 0x61 < 26 || $0 >= 0xC3 }
  }

  /// The pages of a text cut at its page breaks, and which lines stand at a page's edge.
  ///
  /// A break line starts a new page. The furniture already found (markers, page numbers) is
  /// no content of a page, so a header stands at the page's edge however many marks surround
  /// it.
  struct Pages {
    /// For each line, its page (0-based).
    var pageOf: [Int]
    /// For each line, whether it is among the first or last ``edgeLines`` non-blank lines of
    /// its page.
    var atEdge: [Bool]
    /// Pages holding at least one non-blank line.
    var count = 0

    init(isBlank: [Bool], breaks: [Int], ignoring ignoredLines: [Int]) {
      pageOf = Array(repeating: 0, count: isBlank.count)
      atEdge = Array(repeating: false, count: isBlank.count)
      var isBreak = Array(repeating: false, count: isBlank.count)
      for b in breaks where b < isBlank.count { isBreak[b] = true }
      var ignored = Array(repeating: false, count: isBlank.count)
      for line in ignoredLines where line >= 0 && line < isBlank.count { ignored[line] = true }
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
        if !isBlank[index] && !ignored[index] { pageLines.append(index) }
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
}
