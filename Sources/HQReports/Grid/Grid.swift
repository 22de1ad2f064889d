import Synchronization

/// A table as read from one form of report text, before its numbers are given a meaning.
///
/// Every form a table comes in — Markdown pipe tables, a table of runs of numbers in reading
/// order, layout-preserving text, a PDF's word geometry turned into Markdown — is read into this
/// one shape, and one set of rules (``GridReading``) interprets it: the columns' meaning from the
/// whole header, each row's label and role, units, and which numbers are determined enough to
/// be facts. What the rules cannot determine goes to `unread`, with the reason.
///
///     caption      Driftredovisning
///     stub         Uppföljningsnivå (belopp i mkr) │ Bokslut 2023 │ Budget 2024 │ … ← header
///     rows         Verksamhetens intäkter          │ 110,5        │ 80,5        │ …
///                  varav personalkostnader         │ -93,3        │ -86,8       │ …
struct Grid: Sendable, Hashable {
  /// The form the table was read from (for warnings and tests).
  enum Form: String, Sendable, Hashable {
    case markdown
    case readingOrder
    case layout
  }

  var form: Form
  /// The line naming the table (`Drift (belopp mkr)`, `Balansräkning`), empty when none.
  var caption: String = ""
  /// The header of the label column (`Uppföljningsnivå (belopp i mkr)`, `Namn`, `Miljoner kronor`).
  var stub: String = ""
  /// The header rows, top to bottom; each cell says which value columns it spans.
  var header: [[HeaderSpan]] = []
  /// The number of value columns (the label column not counted).
  var columnCount: Int
  var rows: [GridRow] = []
  /// The 0-based lines the table was read from, header and caption included (they are not read
  /// again by another recognizer).
  var lines: [Int] = []
  /// The 0-based lines of the header as printed (layout tables; empty for other forms).
  var headerLines: [Int] = []
  /// The 0-based line of the table's first row, for warnings.
  var firstLine: Int
  /// Columns whose header the text leaves open (read more than one way), with the reason: their
  /// numbers are unread.
  var undetermined: [Int: String] = [:]
  /// The ways the header can be read when it is read more than one way (each one header per
  /// column), for the report's other tables to settle; empty otherwise. For a header placed over
  /// the rows' columns (``HeaderPlacement``), every consistent placement, even one, for the
  /// table's numbers to settle.
  var readings: [[String]] = []

  /// The rows whose numbers were split into cells.
  var readRows: Int { rows.filter { $0.unreadReason == nil && !$0.isLabelOnly }.count }
  /// The rows holding numbers, read or not.
  var numberedRows: Int { rows.filter { !$0.isLabelOnly }.count }

  /// The header text of value column `column`: the texts of every header cell over it, top to
  /// bottom, joined.
  func headerText(of column: Int) -> String {
    var pieces: [String] = []
    for row in header {
      for span in row where span.columns.contains(column) && !span.text.isEmpty {
        pieces.append(span.text)
      }
    }
    return HeaderWords.join(pieces)
  }
}

extension Grid {
  /// True when this grid, without a caption of its own, is the table `previous` going on after
  /// a page break with its header printed again (`Resultaträkning (belopp i tkr)` on one page,
  /// only `Utfall … Avvikelse` over the rows on the next): the same columns under the same
  /// headers and label-column header, and only blank lines, page furniture and page markers
  /// between them (a page's number too), at least one. It is named by `previous`'s
  /// caption, and so has its unit (Markdown and layout tables; a reading-order table passes
  /// over its repeated header itself).
  func continues(_ previous: Grid, lines: [String], furniture: Set<Int>) -> Bool {
    guard caption.isEmpty, !previous.caption.isEmpty, columnCount == previous.columnCount,
      stub.isEmpty || Vocabulary.letters(stub) == Vocabulary.letters(previous.stub),
      (0..<columnCount).allSatisfy({ headerText(of: $0) == previous.headerText(of: $0) })
    else { return false }
    return followsAfterPageBreak(previous, lines: lines, furniture: furniture)
  }

  /// True when only blank lines, page furniture, page markers, page numbers and lines naming
  /// the report stand between `previous` and this grid, at least one furniture line, marker or
  /// page number among them.
  func followsAfterPageBreak(_ previous: Grid, lines: [String], furniture: Set<Int>) -> Bool {
    guard let end = previous.lines.max(), let start = lines.indices.contains(self.lines.min() ?? -1) ? self.lines.min() : nil,
      end < start
    else { return false }
    var pageBreak = false
    for i in (end + 1)..<start {
      let trimmed = lines[i].trimmingSpaces.filter { $0 != "\u{0C}" }
      if trimmed.isEmpty { continue }
      // A page's number alone (`2`, `3 (4)`, `Sida 3 av 5`) is furniture however often it occurs;
      // a form feed before a line is no text.
      let cleaned = NumberRun.cleaned(Substring(trimmed))
      let pageNumber = cleaned.utf8.count <= 3 && cleaned.allSatisfy(\.isNumber) || PageFurniture.marker(cleaned) != nil
        || PageFurniture.marker(cleaned.filter { $0 != " " }) != nil
      if furniture.contains(i) || trimmed.hasPrefix("<!--") || pageNumber {
        pageBreak = true
        continue
      }
      // A line naming the report (`Kommunalförbundet Norra Dalarna   Budget 2023 med plan
      // 2024–2025`) is its running header, also where too few pages repeat it to be furniture.
      guard cleaned.utf8.count <= 160, ReportIdentity.namesReport(cleaned) else { return false }
    }
    return pageBreak
  }
}

/// One header cell: its text and the value columns it stands over.
struct HeaderSpan: Sendable, Hashable {
  var text: String
  var columns: Range<Int>

  /// One header row of one cell per column, in order.
  static func singles(_ texts: [String]) -> [HeaderSpan] {
    texts.enumerated().map { HeaderSpan(text: $0.element, columns: $0.offset..<($0.offset + 1)) }
  }
}

/// One row of a ``Grid``.
struct GridRow: Sendable, Hashable {
  /// The row label, re-joined (`Verksamhetens kostnader`), footnote marks still on.
  var label: String
  /// A group the row stands under (a group cell in its own row, or a row of a label alone
  /// above it), empty when none.
  var group: String = ""
  /// The 0-based line holding the row's numbers.
  var line: Int
  /// One entry per value column; nil for an empty cell.
  var cells: [GridCell?]
  /// Set when the row could be seen but not split into cells with certainty: its numbers go to
  /// `unread` with this reason.
  var unreadReason: String?
  /// The row's text as printed, for `unread`.
  var printed: String = ""
  /// For an unread row that may hold fewer numbers than the table has columns, its run of
  /// numbers, for a note under the table or a change the prose states to place
  /// (``ColumnNotes``, which reads it as fewer numbers only then); nil otherwise.
  var shortRun: RunReading.Run?

  /// True when the row holds no number: a label standing over the rows below it.
  var isLabelOnly: Bool { unreadReason == nil && cells.allSatisfy { $0 == nil } }
}

/// One way an unread row's numbers read as fewer than the table's columns.
struct ShortReading: Sendable, Hashable {
  var cells: [GridCell]
  var numbers: [SwedishNumber]
  /// True when no other count of numbers below the columns reads at all (`84,1 %  85,3 %
  /// 80,1 %`); false for a grouping of digits settled only by the numbers' magnitude
  /// (`135 349 136 691 127 000` as 135 349 and 136 691…), which only a stated change confirms.
  var isOnlyReading: Bool
}

/// One cell of a ``GridRow``: its text as printed (`-4 282,7`, `5,8 %`, `-`), not yet parsed.
struct GridCell: Sendable, Hashable {
  var text: String
}

/// Re-joining the pieces of a header or label broken over lines or `<br>`.
enum HeaderWords {
  /// Joins pieces with a space, except a word broken without a hyphen (`Budgetavvik` +
  /// `else 2024`, `N` + `o` + `t`) or at a hyphen (`Netto-` + `kostnader`), which is re-joined.
  static func join(_ pieces: [String], words: DocumentWords? = nil) -> String {
    var result = ""
    for piece in pieces {
      let text = piece.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }).joined(separator: " ")
      guard !text.isEmpty else { continue }
      if result.isEmpty {
        result = text
        continue
      }
      switch joint(result, text, words: words) {
      case .space: result += " " + text
      case .none: result += text
      case .dropHyphen:
        result.removeLast()
        result += text
      case .keepHyphen: result += text
      }
    }
    return result
  }

  /// True when a line of text alone goes on with the label above rather than naming a group of
  /// the rows below: it starts in lower case (`sjukvårdsnämnden`, `kr/inv`), with a parenthesis
  /// (`(enkät åk 5)`) or with a number followed by a lower-case word (`60 dagar eller mer
  /// (%)`); or the label above ends in a hyphen, a comma, `&` or a little word (`och`, `för`,
  /// `enligt`: ``labelGoesOnAfter``).
  static func continuesLabel(_ previous: String, with next: String) -> Bool {
    guard let first = next.first else { return false }
    if first.isLowercase || first == "(" { return true }
    if first.isNumber {
      let words = next.split(ascii: " ")
      if words.count >= 2, words[0].allSatisfy({ $0.isNumber || $0 == "," }), words[1].first?.isLowercase == true {
        return true
      }
    }
    let last = previous.trimmingSpaces
    let lastWord = last.split(ascii: " ").last.map { $0.lowercased() } ?? ""
    return last.hasSuffix("-") || last.hasSuffix(",") || last.hasSuffix("&")
      || Self.labelGoesOnAfter.contains(lastWord)
  }

  /// Words no label ends with: the label goes on on the next line (`Personer med insats enligt`
  /// / `LSS, antal`).
  static let labelGoesOnAfter: Set<String> = [
    "och", "o", "samt", "av", "för", "i", "till", "med", "enligt", "per", "inom", "om", "på", "vid", "mot", "från", "hos",
    "utan", "över", "bland", "eller",
  ]

  /// How `next` continues `previous` when both are pieces of one cell.
  static func joint(_ previous: String, _ next: String, words: DocumentWords?) -> LineJoining.Joint {
    guard let last = previous.last, let first = next.first else { return .space }
    let lastWord = previous.split(ascii: " ").last.map(String.init) ?? ""
    let nextWord = next.split(ascii: " ").first.map(String.init) ?? ""
    if last == "-" {
      guard lastWord.count > 1 else { return .space }  // a dash standing alone
      if nextWord == "och" || nextWord == "eller" || nextWord.hasPrefix(",") { return .space }
      if !first.isLowercase { return .keepHyphen }
      if Month.number(of: lastWord.dropLast()) != nil || Month.number(of: nextWord) != nil { return .keepHyphen }
      return .dropHyphen
    }
    guard last.isLetter, first.isLowercase, first.isLetter else { return .space }
    // A little word that starts a phrase (`medarbetare` / `per enhetschef`) starts a word.
    if Vocabulary.functionWords.contains(nextWord.lowercased()), next.contains(" ") { return .space }
    // A letter alone on its line (`N` / `o` / `t`, `Avvikels` / `e 2024`) ends the word before it.
    if nextWord.count == 1 { return .none }
    let fragment = nextWord.filter(\.isLetter).lowercased()
    guard !fragment.isEmpty else { return .space }
    // A word of the vocabulary broken without a hyphen (`Avvik` + `else`): it spans the break.
    let joinedWord = Array((lastWord + nextWord).lowercased())
    let breakAt = lastWord.count
    for vocabularyWord in Vocabulary.joinedWords {
      let w = Array(vocabularyWord)
      guard w.count <= joinedWord.count else { continue }
      for start in 0...(joinedWord.count - w.count) where start < breakAt && start + w.count > breakAt {
        if Array(joinedWord[start..<(start + w.count)]) == w { return .none }
      }
    }
    // Between lines of several words each (`Andel elever i åk 6 som uppnått` / `kunskapskraven
    // i alla ämnen`) a label wraps at a space; a cell broken inside a word holds a word or two.
    if previous.split(ascii: " ").count >= 3, next.split(ascii: " ").count >= 2 { return .space }
    // A little word or a report word that stands on its own (`per` / `enhetschef`, `Antal` /
    // `lärare`) ends there.
    let lastLower = lastWord.lowercased()
    if Vocabulary.functionWords.contains(lastLower) || Vocabulary.headerWords.contains(lastLower) { return .space }
    guard let words, words.isUseful else { return .space }
    // A word broken without a hyphen: the whole word is one the text uses (`budgetavvikelse`),
    // or the piece after the break is no word of the text (`else`, `varo`, `ning`) while the
    // piece before it is no whole word either.
    let previousPiece = lastWord.filter(\.isLetter).lowercased()
    if words.isKnown(previousPiece + fragment) { return .none }
    if words.isKnown(fragment) || words.isWord(previousPiece) { return .space }
    return .none
  }
}

/// The words the prose of a document uses (lower-cased), to tell a word broken over two lines
/// (`Korttidssjukfrån` + `varo`) from two words (`Andel kvinnor` + `som har deltid`).
struct DocumentWords: Sendable {
  /// The words, read from the lines on first use: most texts never need them.
  private let storage: Storage?

  init() { storage = nil }

  /// The words of the lines that read as prose (long lines of many words).
  init(lines: [String]) { storage = Storage(lines: lines) }

  private final class Storage: @unchecked Sendable {
    let lines: [String]
    private let lock = Mutex<Words?>(nil)

    struct Words {
      var sorted: [String]
      var known: Set<String>
    }

    init(lines: [String]) { self.lines = lines }

    var words: Words {
      lock.withLock { cached in
        if let cached { return cached }
        var known = Set<String>()
        for line in lines where line.utf8.count >= 50 && line.utf8.first != UInt8(ascii: "|") {
          let parts = line.split(whereSeparator: { !$0.isLetter })
          guard parts.count >= 7 else { continue }
          for part in parts { known.insert(Vocabulary.letters(part)) }
        }
        let words = Words(sorted: known.sorted(), known: known)
        cached = words
        return words
      }
    }
  }

  /// Enough prose to judge words by (a text of tables alone has none).
  var isUseful: Bool { (storage?.words.known.count ?? 0) >= 200 }

  /// True when the text uses `word` as a whole word.
  func isWord(_ word: String) -> Bool { storage?.words.known.contains(word) ?? false }

  /// True when the text uses `word`, or a word beginning with it (`verksamhet` in
  /// `verksamheten`); pieces shorter than four letters must be whole words.
  func isKnown(_ word: String) -> Bool {
    guard let words = storage?.words else { return false }
    if words.known.contains(word) { return true }
    guard word.count >= 4 else { return false }
    let sorted = words.sorted
    var low = 0
    var high = sorted.count
    while low < high {
      let mid = (low + high) / 2
      if sorted[mid] < word { low = mid + 1 } else { high = mid }
    }
    return low < sorted.count && sorted[low].hasPrefix(word)
  }
}
