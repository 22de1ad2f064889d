/// Rebuilds the cells of a table header (or of the label lines between rows) from the pieces
/// the PDF extraction broke them into.
///
/// The rules, in order:
///
/// 1. Inside one line, a run of two or more spaces separates cells
///    (`  Finansiering  Belopp`).
/// 2. Across lines, blank lines are ignored, and a new cell begins at a line when the line
///    before it ends without a space and without a hyphen (the typeset cell ended there) and
///    the line begins with a capital letter or a digit. Otherwise the line goes on the same
///    cell, re-joined by ``LineJoining`` (`Prognos` + `tiserad ` → `Prognostiserad`).
/// 3. A cell is split again before a capitalised column word (`Utfall`, `Resultat`, `Budget`,
///    `Prognos…`, `Avvik…`, `Diff`, `Periodens`, `Snitt`, `Mål`, `Belopp`, `Kostnad`) unless a
///    modifier (`Netto`, `Brutto`) stands before it, and before a year when the cell so far is
///    only a year (`2022 2023 2024` → three cells, but `Budget 2017` stays one).
struct HeaderCell: Sendable, Hashable {
  var text: String
  /// The 0-based indexes of the first and last line the cell came from.
  var firstLine: Int
  var lastLine: Int
  /// True when the cell is one of several rule 1 or rule 3 found in one line.
  var sharesLine: Bool

  /// The cell's text, lower-cased with letters and digits only, for comparing repeated headers.
  var key: String { Self.key(of: text) }

  /// `text.lowercased()` keeping letters and digits. Header cells are short ASCII or Latin-1
  /// text, read byte by byte; anything else (a combining mark, another script) takes the
  /// Unicode path, which gives the same result for every text.
  static func key(of text: String) -> String {
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        if b < 0x80 {
          if b >= 0x41 && b <= 0x5A {
            out.append(b | 0x20)
          } else if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
            out.append(b)
          }
          i += 1
        } else if b == 0xC3, i + 1 < bytes.count {
          // U+00C0…U+00FF: letters except × (U+00D7) and ÷ (U+00F7); capitals U+00C0…U+00DE.
          let c = bytes[i + 1]
          guard c >= 0x80 && c <= 0xBF else { return nil }
          if c != 0x97 && c != 0xB7 {
            out.append(0xC3)
            out.append(c >= 0x80 && c <= 0x9E ? c + 0x20 : c)
          }
          i += 2
        } else {
          return nil
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
    if let fast = fast ?? nil { return fast }
    return String(text.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}

enum HeaderCells {
  /// The cells of the given lines (0-based indexes into `lines`, in order; blank lines allowed).
  /// `cleaned`, when given, is each line's ``TextLines/clean(_:)``, read instead of cleaning again.
  static func cells(_ indexes: [Int], in lines: [String], cleaned: [String]? = nil) -> [HeaderCell] {
    var result: [HeaderCell] = []
    var pieces: [Int] = []
    var first = -1
    var last = -1
    var previous: Substring?
    func flush() {
      guard !pieces.isEmpty else { return }
      let text = LineJoining.join(cleaned: pieces.lazy.map { index in
        (raw: Substring(lines[index]), cleaned: cleaned?[index] ?? NumberRun.cleaned(Substring(lines[index])))
      })
      result += split(text, firstLine: first, lastLine: last)
      pieces = []
    }
    for index in indexes where index >= 0 && index < lines.count {
      let raw = Substring(lines[index])
      guard !TextLines.isBlank(raw) else { continue }
      let parts = gapParts(raw)
      if parts.count > 1 {
        flush()
        for part in parts {
          for cell in split(TextLines.clean(part), firstLine: index, lastLine: index) {
            result.append(HeaderCell(text: cell.text, firstLine: index, lastLine: index, sharesLine: true))
          }
        }
        previous = nil
        continue
      }
      if let previous, isBoundary(previous, raw) { flush() }
      if pieces.isEmpty { first = index }
      pieces.append(index)
      last = index
      previous = raw
    }
    flush()
    return result
  }

  /// Whether a new cell begins at `next` after the line `previous` (rule 2).
  static func isBoundary(_ previous: Substring, _ next: Substring) -> Bool {
    guard !TextLines.hasTrailingSpace(previous), !endsWithHyphen(previous) else { return false }
    return TextLines.startsNewUnit(next)
  }

  /// `text.last == "-"`, on bytes when the byte before the hyphen is ASCII (the hyphen is then
  /// a character of its own).
  private static func endsWithHyphen(_ text: Substring) -> Bool {
    let utf8 = text.utf8
    guard let last = utf8.last, last == UInt8(ascii: "-") else { return false }
    if utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 { return true }
    return text.last == "-"
  }

  /// The parts of a line separated by runs of two or more spaces, trimmed.
  static func gapParts(_ raw: Substring) -> [Substring] {
    let fast = raw.utf8.withContiguousStorageIfAvailable { bytes -> [Substring]? in
      // Spaces here are ` `, U+00A0 and tab as whole characters; a byte that may start a
      // combining mark (U+0300 and up) could join a space into another character: slow path.
      var parts: [Substring] = []
      var start = -1
      var spaceRun = 0
      var lastNonSpaceEnd = 0
      var i = 0
      let base = raw.utf8.startIndex
      func part(_ from: Int, _ to: Int) -> Substring {
        let utf8 = raw.utf8
        let s = utf8.index(base, offsetBy: from)
        return Substring(utf8[s..<utf8.index(s, offsetBy: to - from)])
      }
      while i < bytes.count {
        let b = bytes[i]
        var width = 0
        if b == 0x20 || b == 0x09 {
          width = 1
        } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 {
          width = 2
        } else if b >= 0xCC || b == 0x0D {
          return nil
        }
        if width > 0 {
          spaceRun += 1
          if spaceRun == 2, start >= 0 {
            parts.append(part(start, lastNonSpaceEnd))
            start = -1
          }
          i += width
        } else {
          if start < 0 { start = i }
          spaceRun = 0
          // Continuation bytes belong to the character they continue.
          i += 1
          while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
          lastNonSpaceEnd = i
        }
      }
      if start >= 0 { parts.append(part(start, lastNonSpaceEnd)) }
      return parts
    }
    if let fast = fast ?? nil { return fast }
    return slowGapParts(raw)
  }

  /// ``gapParts(_:)`` by characters, for text the byte scan does not take.
  private static func slowGapParts(_ raw: Substring) -> [Substring] {
    var parts: [Substring] = []
    var start: Substring.Index?
    var spaceRun = 0
    var lastNonSpace = raw.startIndex
    var index = raw.startIndex
    while index < raw.endIndex {
      let c = raw[index]
      if c == " " || c == "\u{00A0}" || c == "\t" {
        spaceRun += 1
        if spaceRun == 2, let s = start {
          parts.append(raw[s..<raw.index(after: lastNonSpace)])
          start = nil
        }
      } else {
        if start == nil { start = index }
        spaceRun = 0
        lastNonSpace = index
      }
      index = raw.index(after: index)
    }
    if let s = start { parts.append(raw[s..<raw.index(after: lastNonSpace)]) }
    return parts
  }

  // MARK: Rule 3

  private static let columnWords = [
    "utfall", "resultat", "budget", "prognos", "avvik", "diff", "periodens", "snitt", "mål", "belopp",
    "kostnad",
  ]
  private static let modifiers: Set<String> = ["netto", "brutto"]

  /// Splits a cell's text before capitalised column words and between bare years (rule 3).
  static func split(_ text: String, firstLine: Int, lastLine: Int) -> [HeaderCell] {
    let whole = text
    var text = text
    if let cells = text.withUTF8({ fastSplit($0, whole: whole, firstLine: firstLine, lastLine: lastLine) }) { return cells }
    let words = text.split(ascii: " ")
    guard !words.isEmpty else { return [] }
    var groups: [[Substring]] = [[words[0]]]
    for word in words.dropFirst() {
      let current = groups[groups.count - 1]
      let startsColumn = isColumnWord(word) && !modifiers.contains(current.last.map { $0.lowercased() } ?? "")
      let startsYear = FigureYear.year(word) != nil && current.allSatisfy { FigureYear.year($0) != nil }
      if startsColumn || startsYear {
        groups.append([word])
      } else {
        groups[groups.count - 1].append(word)
      }
    }
    return groups.map {
      HeaderCell(
        text: $0.joined(separator: " "), firstLine: firstLine, lastLine: lastLine, sharesLine: groups.count > 1)
    }
  }

  /// ``split(_:firstLine:lastLine:)`` on bytes, for text of simple characters
  /// (``ByteSearch/isSimpleText(_:)``), where every space is a `Character` of its own and
  /// lower-casing a column word is ASCII and Latin-1 folding. Nil for other text.
  private static func fastSplit(
    _ bytes: UnsafeBufferPointer<UInt8>, whole: String, firstLine: Int, lastLine: Int
  ) -> [HeaderCell]? {
    guard let words = SimpleText.spaceWords(bytes) else { return nil }
    guard let firstWord = words.first else { return [] }
    func isYear(_ word: Range<Int>) -> Bool { SimpleText.year(bytes, word) != nil }
    // The index of each group's first word; a group runs to the next one's.
    var groupStarts = [0]
    var allYears = isYear(firstWord)
    for k in words.indices.dropFirst() {
      let word = words[k]
      let startsColumn = isColumnWord(bytes, word) && !isModifier(bytes, words[k - 1])
      let year = isYear(word)
      if startsColumn || (year && allYears) {
        groupStarts.append(k)
        allYears = year
      } else {
        allYears = allYears && year
      }
    }
    // A group's words joined by single spaces: where single spaces already part them, the
    // bytes from its first word to its last (the whole text when it is one such group).
    func text(_ group: Range<Int>) -> String {
      let start = words[group.lowerBound].lowerBound
      let end = words[group.upperBound - 1].upperBound
      let singleSpaced = group.dropFirst().allSatisfy { words[$0].lowerBound == words[$0 - 1].upperBound + 1 }
      if singleSpaced {
        if start == 0, end == bytes.count { return whole }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      }
      var out: [UInt8] = []
      for word in group.map({ words[$0] }) {
        if !out.isEmpty { out.append(0x20) }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[word]))
      }
      return String(decoding: out, as: UTF8.self)
    }
    return groupStarts.indices.map { g in
      let end = g + 1 < groupStarts.count ? groupStarts[g + 1] : words.count
      return HeaderCell(
        text: text(groupStarts[g]..<end), firstLine: firstLine, lastLine: lastLine, sharesLine: groupStarts.count > 1)
    }
  }

  /// The word's bytes lower-cased (ASCII and Latin-1 capitals), for simple text only.
  private static func lowerBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(word.count)
    var previous: UInt8 = 0
    for k in word {
      let b = bytes[k]
      if b >= 0x41 && b <= 0x5A {
        out.append(b | 0x20)
      } else if previous == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97 {
        out.append(b + 0x20)
      } else {
        out.append(b)
      }
      previous = b
    }
    return out
  }

  private static func isColumnWord(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    // Every column word begins with an ASCII letter, so only an ASCII capital can begin one.
    guard let first = word.first, bytes[first] >= 0x41, bytes[first] <= 0x5A else { return false }
    let lower = lowerBytes(bytes, word)
    return columnWordBytes.contains { lower.starts(with: $0) } && !lower.starts(with: notAColumnWordBytes)
  }

  private static func isModifier(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
    let lower = lowerBytes(bytes, word)
    return modifierBytes.contains(lower)
  }

  private static let columnWordBytes = columnWords.map { Array($0.utf8) }
  private static let notAColumnWordBytes = Array("kostnadsutveckling".utf8)
  private static let modifierBytes = modifiers.map { Array($0.utf8) }

  private static func isColumnWord(_ word: Substring) -> Bool {
    // Every column word begins with an ASCII letter, so only an ASCII capital can begin one.
    guard let byte = word.utf8.first, byte >= 0x41, byte <= 0x5A else { return false }
    guard let first = word.first, first.isUppercase else { return false }
    let lower = word.lowercased()
    return columnWords.contains { lower.hasPrefix($0) } && !lower.hasPrefix("kostnadsutveckling")
  }
}
