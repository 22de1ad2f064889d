/// Rebuilds words, headers and labels that the PDF extraction broke over several lines.
///
/// The extraction ends a line wherever the typeset cell or column ended. What the line's end
/// looks like tells how the pieces go together:
///
/// - A line ending in a space (or no-break space) ended between words: join with one space
///   (`Totalt Regionstyrelsens ` + `verksamheter`).
/// - A line ending in a letter ended inside a word: join without a space
///   (`Prognos` + `tiserad ` → `Prognostiserad`, `ackumule` + `rat` → `ackumulerat`).
/// - A line ending in a hyphen split a word at a hyphenation point: drop the hyphen
///   (`samman-` + `hållen` → `sammanhållen`), except where the hyphen is part of the text:
///   a Swedish compound dash (`hälso-` + `och sjukvård`, also before `eller` and `,`), a range
///   (`jan-` + `augusti`), or a word going on in a digit or a capital letter (`E-` + `plan`,
///   `PET-` + `CT`), where the hyphen is kept and no space added.
/// - A line ending in any other character (digit, punctuation) ended a word: join with a space.
enum LineJoining {
  /// How two consecutive pieces of text are put together.
  enum Joint: Sendable, Hashable {
    case space
    case none
    case dropHyphen
    case keepHyphen
  }

  /// Joins the pieces into one line of text, single-spaced and trimmed.
  ///
  ///     LineJoining.join(["Prognos", "tiserad ", "avvikelse mot ", "budget för 2017"])
  ///     // "Prognostiserad avvikelse mot budget för 2017"
  static func join(_ pieces: some Sequence<Substring>) -> String {
    join(cleaned: pieces.lazy.map { (raw: $0, cleaned: NumberRun.cleaned($0)) })
  }

  /// ``join(_:)`` over lines whose cleaned text (``TextLines/clean(_:)``) is already known.
  static func join(cleaned pieces: some Sequence<(raw: Substring, cleaned: String)>) -> String {
    var result = ""
    var previous: Substring?
    for (piece, text) in pieces {
      guard !text.isEmpty else { continue }
      if let previous, !result.isEmpty {
        let quick = previous.utf8.withContiguousStorageIfAvailable { last in
          text.utf8.withContiguousStorageIfAvailable { next in byteJoint(last, next) } ?? nil
        } ?? nil
        switch quick ?? joint(previous, Substring(text)) {
        case .space: result += " "
        case .none, .keepHyphen: break
        case .dropHyphen: result.removeLast()
        }
      }
      result += text
      previous = piece
    }
    return result
  }

  /// ``join(cleaned:)`` of the lines `range` (raw lines and their cleaned text), built
  /// as bytes in one buffer: the section texts join every line of a report, and appending line
  /// after line to a `String` and asking ``joint(_:_:)`` through `Substring`s cost more.
  static func join(lines: [String], cleaned: [String], _ range: Range<Int>) -> String {
    var capacity = 0
    for i in range { capacity += cleaned[i].utf8.count + 1 }
    guard capacity > 0 else { return "" }
    // Whole cleaned lines, ASCII spaces and whole characters dropped: valid UTF-8 as the lines are.
    let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
    defer { out.deallocate() }
    var n = 0
    var previous = -1
    for i in range {
      var text = cleaned[i]
      guard !text.isEmpty else { continue }
      if previous >= 0, n > 0 {
        var raw = lines[previous]
        let quick = raw.withUTF8 { last in text.withUTF8 { next in byteJoint(last, next) } }
        switch quick ?? joint(Substring(lines[previous]), Substring(text)) {
        case .space:
          out[n] = 0x20
          n += 1
        case .none, .keepHyphen: break
        case .dropHyphen: n = droppingLastCharacter(out, n)
        }
      }
      text.withUTF8 { bytes in
        if let source = bytes.baseAddress, let target = out.baseAddress {
          (target + n).update(from: source, count: bytes.count)
        }
        n += bytes.count
      }
      previous = i
    }
    return String(knownValidUTF8: UnsafeBufferPointer(rebasing: out[0..<n]))
  }

  /// ``joint(_:_:)`` from the bytes at the joint: a line's last scalar and the next cleaned
  /// text's first (a cleaned text starts with no space); nil when they do not decide it. They
  /// do when the line ends in a space (``isSpace(_:)``), or in an ASCII or Latin-1 scalar other
  /// than a hyphen and the next text starts with a scalar whose case the bytes show
  /// (``isLowercase(startingAt:)``).
  @inline(__always)
  private static func byteJoint(_ previous: UnsafeBufferPointer<UInt8>, _ next: UnsafeBufferPointer<UInt8>) -> Joint? {
    guard let last = previous.last else { return .space }
    if endsInSpace(previous) { return .space }
    guard let lastIsLetter = isLatin1Letter(endingAt: previous) else { return nil }
    guard let first = next.first else { return .space }
    guard first != 0x20, first != 0x09, last != UInt8(ascii: "-"), let firstIsLower = isLowercase(startingAt: next)
    else { return nil }
    return lastIsLetter && firstIsLower ? Joint.none : .space
  }

  /// ``isSpace(_:)`` of the last scalar of the bytes: a space, tab, no-break space (C2 A0),
  /// thin space (E2 80 89) or narrow no-break space (E2 80 AF).
  @inline(__always)
  private static func endsInSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = bytes.count
    guard n > 0 else { return false }
    let last = bytes[n - 1]
    if last == 0x20 || last == 0x09 { return true }
    if last == 0xA0 { return n >= 2 && bytes[n - 2] == 0xC2 }
    if last == 0x89 || last == 0xAF { return n >= 3 && bytes[n - 2] == 0x80 && bytes[n - 3] == 0xE2 }
    return false
  }

  /// `isAlphabetic` of the last scalar of the bytes when it is ASCII or U+00C0–U+00FF (all
  /// letters but × and ÷); nil for any other scalar.
  @inline(__always)
  private static func isLatin1Letter(endingAt bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let last = bytes.last else { return nil }
    if last < 0x80 { return (last >= 0x41 && last <= 0x5A) || (last >= 0x61 && last <= 0x7A) }
    guard last <= 0xBF, bytes.count >= 2, bytes[bytes.count - 2] == 0xC3 else { return nil }
    return last != 0x97 && last != 0xB7
  }

  /// `isLowercase` of the first scalar of the bytes when the bytes show it: ASCII (`a`–`z`),
  /// U+00C0–U+00FF (`ß` to `ÿ` but `÷`), and scalars no lower-case letter is among: general
  /// punctuation U+2000–U+203F, box drawing and geometric shapes U+2500–U+25FF (`●`), the
  /// private use area U+E000–U+F8FF (symbol-font bullets). Nil for any other scalar.
  @inline(__always)
  private static func isLowercase(startingAt bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let first = bytes.first else { return nil }
    if first < 0x80 { return first >= 0x61 && first <= 0x7A }
    guard bytes.count >= 2 else { return nil }
    let second = bytes[1]
    switch first {
    case 0xC3: return second >= 0x80 && second <= 0xBF ? second >= 0x9F && second != 0xB7 : nil
    case 0xE2: return second == 0x80 || (second >= 0x94 && second <= 0x97) ? false : nil
    case 0xEE: return false
    case 0xEF: return second >= 0x80 && second <= 0xA3 ? false : nil
    default: return nil
    }
  }

  /// The byte count `n` of `out` without its last `Character`, which ends in an ASCII byte
  /// (a hyphen): that byte alone, unless the scalar before it may join it into one character
  /// (a prepended mark, U+0600 and above), where the `String` decides.
  private static func droppingLastCharacter(_ out: UnsafeMutableBufferPointer<UInt8>, _ n: Int) -> Int {
    var lead = n - 2
    while lead >= 0, out[lead] & 0xC0 == 0x80 { lead -= 1 }
    if out[n - 1] < 0x80, out[n - 1] != 0x0A, lead < 0 || out[lead] < 0xD8 { return n - 1 }
    var text = String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
    text.removeLast()
    return text.utf8.count
  }

  /// How `next` continues `previous` (both raw lines, trailing spaces kept).
  static func joint(_ previous: Substring, _ next: Substring) -> Joint {
    if let joint = asciiJoint(previous, next) { return joint }
    guard let last = previous.unicodeScalars.last else { return .space }
    if isSpace(last) { return .space }
    let nextTrimmed = next.drop(while: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
    guard let nextFirst = nextTrimmed.unicodeScalars.first else { return .space }
    if last == "-" {
      return hyphenJoint(previous, nextTrimmed, nextFirst)
    }
    if last.properties.isAlphabetic && nextFirst.properties.isLowercase { return .none }
    return .space
  }

  /// ``joint(_:_:)`` from the bytes when the characters that decide it are ASCII (nearly
  /// always); nil when a character outside ASCII or a hyphen decides, and the full reading runs.
  private static func asciiJoint(_ previous: Substring, _ next: Substring) -> Joint? {
    guard let last = previous.utf8.withContiguousStorageIfAvailable({ $0.last }) ?? previous.utf8.last else {
      return .space
    }
    guard last < 0x80 else { return nil }
    if last == 0x20 || last == 0x09 { return .space }
    let isText = { (byte: UInt8) in byte != 0x20 && byte != 0x09 }
    let first = next.utf8.withContiguousStorageIfAvailable { $0.first(where: isText) } ?? next.utf8.first(where: isText)
    // Spaces followed by ASCII are characters of their own, so skipping them by bytes is
    // skipping them by `Character`s.
    guard let first else { return .space }
    guard first < 0x80, last != UInt8(ascii: "-") else { return nil }
    let lastIsLetter = (last >= 0x41 && last <= 0x5A) || (last >= 0x61 && last <= 0x7A)
    return lastIsLetter && first >= 0x61 && first <= 0x7A ? Joint.none : .space
  }

  /// The joint after a line ending in a hyphen.
  private static func hyphenJoint(_ previous: Substring, _ next: Substring, _ nextFirst: Unicode.Scalar) -> Joint {
    let beforeHyphen = previous.dropLast()
    // `hälso-` directly followed by `och`, `eller`, `,`: a compound dash; keep it and a space.
    // (Each starts with the scalar `o`, `e` or `,`.)
    if nextFirst == "o" || nextFirst == "e" || nextFirst == ",",
      next.hasPrefix("och ") || next == "och" || next.hasPrefix("eller ") || next.hasPrefix(",")
    {
      return .space
    }
    // A lone dash between words (`Kostnad -`) is a dash, not a hyphenation. (An ASCII letter
    // or digit after an ASCII byte, or first, is a character of its own and no space.)
    let utf8 = beforeHyphen.utf8
    let endsInWord = utf8.last.map { last in
      (last | 0x20) &- 0x61 < 26 || last &- 0x30 < 10
    } == true && (utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80)
    if !endsInWord,
      beforeHyphen.isEmpty || beforeHyphen.last.map(\.isWhitespace) == true || beforeHyphen.last == "\u{00A0}"
    {
      return .space
    }
    if nextFirst.isASCII ? !(nextFirst.value &- 0x61 < 26) : !nextFirst.properties.isLowercase { return .keepHyphen }
    if mayStartMonth(lastWordStart(of: beforeHyphen)), isMonth(lastWord(of: beforeHyphen)) { return .keepHyphen }
    if mayStartMonth(nextFirst.isASCII ? UInt8(nextFirst.value) : nil), isMonth(firstWord(of: next)) { return .keepHyphen }
    return .dropHyphen
  }

  /// False when a word starting with this byte (nil: unknown) is surely no month: an ASCII
  /// first letter must begin one (``Month/number(of:)``).
  private static func mayStartMonth(_ byte: UInt8?) -> Bool {
    guard let byte, byte < 0x80 else { return true }
    return "jfmasondJFMASOND".utf8.contains(byte)
  }

  /// The first byte of ``lastWord(of:)`` when the text is simple (a space byte is then a space
  /// character), nil when unknown.
  private static func lastWordStart(of text: Substring) -> UInt8? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> UInt8? in
      guard ByteSearch.isSimpleText(bytes) else { return nil }
      var start = bytes.count
      while start > 0, bytes[start - 1] != 0x20, !(bytes[start - 1] == 0xA0 && start >= 2 && bytes[start - 2] == 0xC2) {
        start -= 1
      }
      return start < bytes.count ? bytes[start] : 0
    } ?? nil
  }

  /// True for the space characters the extraction leaves at line ends.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\u{00A0}" || scalar == "\t" || scalar == "\u{2009}" || scalar == "\u{202F}"
  }

  private static func lastWord(of text: Substring) -> Substring {
    let start = text.lastIndex(where: { $0 == " " || $0 == "\u{00A0}" }).map { text.index(after: $0) }
    return text[(start ?? text.startIndex)...]
  }

  private static func firstWord(of text: Substring) -> Substring {
    text.prefix(while: { $0.isLetter })
  }

  /// Swedish month names and their usual abbreviations, lower-case (`jan`, `augusti`).
  static func isMonth(_ word: Substring) -> Bool {
    Month.number(of: word) != nil
  }
}

/// Swedish month names as reports write them in periods (`januari-augusti`, `jan-aug`).
enum Month {
  static let names = [
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december",
  ]

  /// 1…12 for a month name or its three-letter abbreviation (any case), nil otherwise.
  static func number(of word: some StringProtocol) -> Int? {
    // Cheap test first: an ASCII first letter must begin a month name (another first byte may
    // still lower-case to one, as the Kelvin sign does to `k`).
    guard let first = word.utf8.first else { return nil }
    if first < 0x80 && !"jfmasondJFMASOND".utf8.contains(first) { return nil }
    let lower = word.lowercased()
    guard lower.count >= 3 else { return nil }
    for (index, name) in names.enumerated() where name == lower || (lower.count <= 4 && name.hasPrefix(lower)) {
      return index + 1
    }
    return nil
  }

  /// The three-letter abbreviation of month 1…12 (`aug`).
  static func abbreviation(_ month: Int) -> String {
    guard month >= 1 && month <= 12 else { return "" }
    return String(names[month - 1].prefix(3))
  }
}
