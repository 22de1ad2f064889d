/// Builds a PDF's text from the geometry of its words (`pdftotext -tsv`), so that a table whose
/// cells are separate text objects reads as a table.
///
/// Reading-order `pdftotext` writes such a table one cell per line. Here the words of each page
/// are grouped into rows by height and cut into segments at wide gaps; rows with numbers in two
/// or more aligned columns make a table (``PDFTables``), written as a Markdown pipe table. All
/// other text keeps pdftotext's reading order, line for line as `pdftotext -enc UTF-8 FILE -`
/// writes it (a word split by a hyphen at a line end is re-joined, a blank line ends each flow).
///
/// ```
/// <!-- sida 1 -->
///
/// Driftredovisning (mnkr)
///
/// | Verksamhet | Bokslut 2023<br>Intäkter | Budget<br>2024 |
/// | --- | --- | --- |
/// | Gator och vägar | 38,6 | -968,5 |
/// ```
///
/// - Each page starts with `<!-- sida N -->` (N 1-based) and a blank line.
/// - Header row: per column, the header lines above the first data row that fall in it, top to
///   bottom, joined with `<br>`; a header cell spanning several columns is repeated in each; the
///   first cell is the label column's header (the stub), possibly empty. A caption line above
///   the table (`Belopp i mnkr`) stays a text line.
/// - Body rows: the label first (a wrapped label re-joined), then one cell per column as
///   printed; an empty cell is blank; a row naming a group has only its label.
/// - Running headers and footers (rows repeating on most pages, digits aside) and page numbers
///   are never part of a table; they stay text lines where pdftotext reads them.
/// - A table broken by a page break is one table, written where it starts; the next page's
///   repeated header is dropped, and that page's other text (a `forts.` caption too) follows its
///   marker as usual.
enum PDFLayout {
  /// The text of `pages` (from ``PDFWords/parse(_:)``).
  ///
  /// - Complexity: O(n log n) in the number of words (the sort of each page's words by height).
  static func text(of pages: [PDFPage]) -> String {
    var rows = pages.map(rows(of:))
    markFurniture(&rows, pages: pages)
    let tables = PDFTables.find(pages: pages, rows: rows)
    var owner = pages.map { [Int](repeating: -1, count: $0.words.count) }
    for (number, table) in tables.enumerated() {
      for block in table.blocks {
        for row in block.header + block.body {
          for word in rows[block.page][row].words { owner[block.page][word] = number }
        }
      }
    }
    var writer = TextWriter()
    for (index, page) in pages.enumerated() {
      writer.marker(page: page.number)
      let starting = Set(tables.indices.filter { tables[$0].blocks[0].page == index })
      writer.write(
        items(of: page, owner: owner[index], starting: starting), tables: tables, rows: rows,
        pages: pages)
    }
    return writer.text
  }

  /// A page in pdftotext's reading order: its text lines, the ends of flows and the places
  /// where tables start.
  enum Item: Equatable {
    case line(String, flow: Int)
    case flowEnd
    case table(Int)
  }

  /// - Parameters:
  ///   - owner: per word, the table it belongs to, or -1.
  ///   - starting: the tables that start on this page; the words of a table continued from an
  ///     earlier page are left out (the table was written there).
  static func items(of page: PDFPage, owner: [Int], starting: Set<Int>) -> [Item] {
    var items: [Item] = []
    var placed = Set<Int>()
    var start = 0
    let words = page.words
    while start < words.count {
      var end = start + 1
      while end < words.count, words[end].flow == words[start].flow,
        words[end].block == words[start].block,
        words[end].line == words[start].line
      {
        end += 1
      }
      var text: [PDFWord] = []
      for index in start..<end {
        if owner[index] < 0 {
          text.append(words[index])
        } else if starting.contains(owner[index]), placed.insert(owner[index]).inserted {
          if !text.isEmpty {
            items.append(.line(joined(text), flow: words[start].flow))
            text = []
          }
          items.append(.table(owner[index]))
        }
      }
      if !text.isEmpty { items.append(.line(joined(text), flow: words[start].flow)) }
      if end == words.count || words[end].flow != words[start].flow { items.append(.flowEnd) }
      start = end
    }
    return items
  }

  // MARK: - Page furniture

  /// Marks running headers and footers (a row near the top or bottom of the page whose text,
  /// digits aside, repeats on at least half the pages and on two or more) and page numbers.
  static func markFurniture(_ rows: inout [[PDFRow]], pages: [PDFPage]) {
    var seen: [String: Int] = [:]
    var keys: [[(row: Int, key: String)]] = []
    for (index, page) in pages.enumerated() {
      var pageKeys: [(row: Int, key: String)] = []
      var distinct = Set<String>()
      for (number, row) in rows[index].enumerated() where inBand(row, page: page) {
        let key = furnitureKey(row.text)
        pageKeys.append((number, key))
        distinct.insert(key)
      }
      for key in distinct { seen[key, default: 0] += 1 }
      keys.append(pageKeys)
    }
    for (index, pageKeys) in keys.enumerated() {
      for (row, key) in pageKeys {
        let count = seen[key] ?? 0
        if (count >= 2 && count * 2 >= pages.count) || isPageNumber(rows[index][row].text) {
          rows[index][row].isFurniture = true
        }
      }
    }
  }

  static func inBand(_ row: PDFRow, page: PDFPage) -> Bool {
    guard page.height > 0 else { return false }
    let band = page.height * PDFLimits.furnitureBand
    return row.bottom <= band || row.top >= page.height - band
  }

  /// The row's text with every run of digits as `#`, so `Sida 3 av 12` matches `Sida 4 av 12`.
  static func furnitureKey(_ text: String) -> String {
    var key = ""
    var inDigits = false
    for character in text {
      if character.isNumber {
        if !inDigits { key.append("#") }
        inDigits = true
      } else {
        key.append(character)
        inDigits = false
      }
    }
    return key
  }

  /// `7`, `Sida 7`, `sida 7 av 12`, `7 av 12`, `7 (12)`, `7(12)`, `7/12`, `- 7 -`.
  static func isPageNumber(_ text: String) -> Bool {
    var words = text.lowercased().split(whereSeparator: {
      $0 == " " || $0 == "(" || $0 == ")" || $0 == "/"
    })
    .map(String.init)
    if words.first == "sida" || words.first == "page" { words.removeFirst() }
    if words.count == 3, ["-", "–", "—"].contains(words[0]), words[0] == words[2] {
      words = [words[1]]
    }
    let isNumber = { (word: String) in
      (1...4).contains(word.count) && word.allSatisfy(\.isASCII) && word.allSatisfy(\.isNumber)
    }
    switch words.count {
    case 1: return isNumber(words[0])
    case 2: return isNumber(words[0]) && isNumber(words[1])
    case 3:
      return isNumber(words[0]) && (words[1] == "av" || words[1] == "of") && isNumber(words[2])
    default: return false
    }
  }
}

/// Writes the items of each page: text lines (re-joining a word split by a hyphen at the end of
/// a line, as pdftotext does within a flow), a blank line after each flow, tables with a blank
/// line before and after.
struct TextWriter {
  var text = ""
  private var lineSinceBlank = false

  mutating func marker(page: Int) {
    blankLine()
    text += "<!-- sida \(page) -->\n\n"
    lineSinceBlank = false
  }

  mutating func write(
    _ items: [PDFLayout.Item], tables: [PDFTable], rows: [[PDFRow]], pages: [PDFPage]
  ) {
    var pending = ""
    for (index, item) in items.enumerated() {
      switch item {
      case .line(let line, let flow):
        pending += line
        if case .line(_, let nextFlow) = items[safe: index + 1], nextFlow == flow,
          line.hasSuffix("-")
        {
          pending.removeLast()
          continue
        }
        text += pending + "\n"
        pending = ""
        lineSinceBlank = true
      case .flowEnd:
        if lineSinceBlank { blankLine() }
      case .table(let number):
        blankLine()
        text += tables[number].markdown(rows: rows, pages: pages)
        text += "\n"
        lineSinceBlank = false
      }
    }
    if !pending.isEmpty { text += pending + "\n" }
  }

  private mutating func blankLine() {
    if !text.isEmpty, !text.hasSuffix("\n\n") { text += "\n" }
    lineSinceBlank = false
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
