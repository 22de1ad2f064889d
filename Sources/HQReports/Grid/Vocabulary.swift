/// The Swedish words report tables are read by, in one place: what makes a line a header, what
/// a column header says about its numbers, what makes a row a total, which words are a unit.
/// Words are compared lower-cased, letters only.
enum Vocabulary {
  // MARK: Header words

  /// Words that name what a column's numbers are (`Bokslut`, `Budgetavvikelse`, `Delår`).
  static func isKindWord(_ word: some StringProtocol) -> Bool {
    isKindWord(bytes: letterBytes(word), word: word)
  }

  /// Stems found inside longer words (`budgetavvikelse`, `helårsprognos`, `årsutfall`).
  static let kindStems = ["utfall", "bokslut", "budget", "prognos", "avvik", "delår"]
  /// Whole words only (`ram` but not `ramavtal`).
  static let kindWords: Set<String> = ["plan", "ram", "mål", "målvärde", "förändring", "avvikelse", "utfall", "uppföljning"]

  /// True when the text names a deviation from a budget: `avvikelse` in any form (`avviker`,
  /// `budgetavvikelsen`), `överskott` or `underskott`, in any case. Read on the bytes: the
  /// parts `avvik`, `verskott`, `nderskott` with ASCII letters folded.
  static func namesDeviation(_ text: some StringProtocol) -> Bool {
    ByteSearch.containsAnyFolded(text, deviationParts)
  }

  private static let deviationParts = ByteSearch.FoldedNeedles(["avvik", "verskott", "nderskott"])

  /// Words a column header may hold besides kind words and years: months, units, `Not`,
  /// `Procent`, `Antal`, `År`, `Belopp`, `Totalt`.
  static func isHeaderWord(_ word: some StringProtocol) -> Bool {
    if isKindWord(word) || year(in: word) != nil || isMonthToken(word) { return true }
    let w = letters(word)
    return headerWords.contains(w) || ColumnMeaning.unitWord(String(word)) != nil
  }

  /// True when every word of the line is a column word (``isHeaderWord(_:)``, or a connector:
  /// `mot budget`) and it names two columns' kinds or years at least: `Utfall  Budget  Prognos  Avvikelse`, `Not  jan–sep 2024
  /// jan–sep 2025  prognos`, `2022  2023  2024`.
  static func isColumnHeaderLine(_ line: String) -> Bool {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" })
    // A range is read by its ends (`jan–sep`, `prognos–budget`).
    // The label column's header may name the rows (`Projekt`, `Nämnd/verksamhet`) or state the
    // unit in words (`Tusental kronor`, `Miljoner kronor`).
    let isColumnWord = { (word: Substring) in
      isHeaderWord(word) || letters(word).isEmpty || connectors.contains(letters(word)) || moneyWords.contains(letters(word))
        || word.split(whereSeparator: { $0 == "-" || $0 == "–" }).allSatisfy { isHeaderWord($0) }
        || word.split(separator: "/").allSatisfy { stubWords.contains(letters($0)) }
    }
    guard words.count >= 2, words.allSatisfy(isColumnWord) else { return false }
    return words.count(where: { isKindWord($0) || year(in: $0) != nil }) >= 2
  }

  /// Words stating an amount's scale in words: `Tusental kronor`, `Miljoner kronor`.
  static let moneyWords: Set<String> = ["kronor", "tusen", "tusental", "tusentals", "miljoner", "miljarder"]

  /// A word a value column's header starts with: a kind word, a year, a month, `Not`, `År`.
  /// Words before it on a header line (`Namn`, `Miljoner kronor`) head the label column.
  static func startsColumnHeader(_ word: some StringProtocol) -> Bool {
    if year(in: word) != nil { return true }
    let w = letterBytes(word)
    guard w.count >= 2 else { return false }
    if w == notBytes || w == årBytes || w == procentBytes { return true }
    if isKindWord(bytes: w, word: word) { return true }
    // Every month name starts with one of these letters.
    guard let first = w.first, monthInitials[Int(first)] else { return false }
    return isMonthToken(word)
  }

  private static let notBytes = Array("not".utf8)
  private static let årBytes = Array("år".utf8)
  private static let procentBytes = Array("procent".utf8)
  private static let kindStemBytes = kindStems.map { Array($0.utf8) }
  private static let kindWordBytes = Set(kindWords.map { Array($0.utf8) })

  /// ``isKindWord(_:)`` on the word's lower-cased letters as bytes (``letterBytes(_:)``).
  static func isKindWord(bytes w: [UInt8], word: some StringProtocol) -> Bool {
    guard w.count >= 3 else { return false }
    for stem in kindStemBytes where contains(w, stem) { return true }
    if isWholeKindWord(w) { return true }
    // A compound written with a hyphen (`April-uppföljning`): its last part.
    if word.utf8.contains(UInt8(ascii: "-")), let last = word.split(ascii: "-").last {
      return isWholeKindWord(letterBytes(last))
    }
    return false
  }

  /// Whether the lower-cased letters are one of ``kindWords``: on the first letter first, before
  /// the bytes are hashed.
  private static func isWholeKindWord(_ w: [UInt8]) -> Bool {
    guard let first = w.first, kindWordInitials[Int(first)] else { return false }
    return kindWordBytes.contains(w)
  }

  /// For each byte, whether a word of ``kindWords`` starts with it.
  private static let kindWordInitials: [Bool] = {
    var initials = [Bool](repeating: false, count: 256)
    for word in kindWordBytes { initials[Int(word[0])] = true }
    return initials
  }()

  /// The word's letters lower-cased, as UTF-8 bytes: `Array(letters(word).utf8)`.
  static func letterBytes(_ word: some StringProtocol) -> [UInt8] {
    let fast = word.utf8.withContiguousStorageIfAvailable { bytes -> [UInt8]? in
      var ok = true
      let result = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
        count = 0
        ok = writeLetters(bytes) { byte in
          out[count] = byte
          count += 1
        }
      }
      return ok ? result : nil
    }
    return (fast ?? nil) ?? Array(letters(word).utf8)
  }

  /// Writes the lower-cased letters of these bytes as ``letters(_:)`` reads them, for ASCII and
  /// U+0080–U+00FF (capitals and × lower-cased by 0x20, other characters below U+00C0 and ß
  /// dropped); false, having written part, when the bytes hold any other character.
  @inline(__always)
  private static func writeLetters(_ bytes: UnsafeBufferPointer<UInt8>, _ emit: (UInt8) -> Void) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      switch b {
      case 0x41...0x5A: emit(b | 0x20)
      case 0x61...0x7A: emit(b)
      case 0xC2, 0xC3:
        guard i + 1 < n else { return false }
        let c = bytes[i + 1]
        if b == 0xC3 {
          switch c {
          case 0x80...0x9E:
            emit(0xC3)
            emit(c + 0x20)
          case 0xA0...0xBF:
            emit(0xC3)
            emit(c)
          default: break  // ß
          }
        }
        i += 2
        continue
      case 0x80...0xFF: return false  // another script: the full reading
      default: break
      }
      i += 1
    }
    return true
  }

  /// True when `needle` occurs in `text`.
  static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= text.count else { return needle.isEmpty }
    outer: for start in 0...(text.count - needle.count) {
      for k in needle.indices where text[start + k] != needle[k] { continue outer }
      return true
    }
    return false
  }

  static let headerWords: Set<String> = [
    "not", "nr", "procent", "antal", "år", "belopp", "totalt", "total", "ack", "ackumulerat", "tom",
    "period", "helår", "inkl", "ombudget", "kommunen", "koncernen", "kommun", "koncern", "summa",
  ]

  /// Words of report headers and labels that converters break over lines without a hyphen
  /// (`Budgetavvik` / `else`); a piece that makes one of them with the piece before it is
  /// joined to it even where the text has no prose to tell by.
  static let joinedWords = [
    "avvikelse", "prognos", "budget", "bokslut", "utfall", "kostnad", "intäkt", "resultat", "verksamhet",
    "sjukfrånvaro", "frisknärvaro", "personalomsättning", "sysselsättningsgrad", "pensionsavgång", "anläggning",
    "investering", "tillgång", "skulder", "avsättning", "medarbetare",
  ]

  /// The money unit a word after a number names, with the word after it (both lower-case
  /// letters): `miljoner (kronor)`, `mnkr`, `mkr` → `mnkr`; `tkr`, `tusen kronor` → `tkr`;
  /// `miljarder (kronor)`, `mdkr`, `mdr` → `mdkr`; and how many words it takes. nil for any other
  /// word (`kronor` alone, `%`: no scale of money). The prose's amounts and the evidence of a
  /// table's unit read units by this one rule; headers and captions by
  /// ``ColumnMeaning/unitWord(_:)``, which it builds on.
  /// False when ``moneyUnit(_:next:)`` of the word's lower-cased letters is surely nil: every
  /// money unit word has an `m` or a `t` (and nothing but `M`, `m`, `T`, `t` lower-cases to one).
  static func mayNameMoneyUnit(_ word: some StringProtocol) -> Bool {
    !ByteSearch.allBytes(of: word) { $0 | 0x20 != UInt8(ascii: "m") && $0 | 0x20 != UInt8(ascii: "t") }
  }

  static func moneyUnit(_ word: String, next: String) -> (unit: String, words: Int)? {
    switch word {
    case "miljoner", "miljon": return ("mnkr", next == "kronor" || next == "kr" ? 2 : 1)
    case "miljarder", "miljard": return ("mdkr", next == "kronor" || next == "kr" ? 2 : 1)
    case "tusen": return next.hasPrefix("kr") ? ("tkr", 2) : nil
    case "mn", "mkronor": return ("mnkr", 1)
    default:
      guard let unit = ColumnMeaning.unitWord(word), unit == "mnkr" || unit == "tkr" || unit == "mdkr" else { return nil }
      return (unit, 1)
    }
  }

  /// Little words that are whole words, never the first piece of a word broken over two lines
  /// (unless the whole is a report word, ``joinedWords``).
  static let functionWords: Set<String> = [
    "per", "i", "och", "av", "för", "med", "mot", "om", "på", "till", "från", "vid", "över", "under", "än", "som",
    "samt", "eller", "inom", "hos", "efter", "före", "utan", "mellan", "inkl", "exkl", "sedan", "enligt",
  ]

  /// True when a row label names a measure rather than an amount of money: a ratio (`Barn per
  /// årsarbetare`), a share (`Andel …`) or a count (`Antal …`, `…, antal`).
  static func namesMeasure(_ label: String) -> Bool {
    // One pass over the bytes: this runs for every row of every table. Words are set apart by
    // spaces and commas; a word's letters are its ASCII letters lower-cased and every byte of a
    // non-ASCII character (none lower-cases to a letter of these words), packed into one
    // integer while there are at most five.
    let per: UInt64 = 0x72_65_70, antal: UInt64 = 0x6C_61_74_6E_61, andel: UInt64 = 0x6C_65_64_6E_61
    func isMeasureWord(_ letters: UInt64, _ count: Int, first: Bool) -> Bool {
      (count == 3 && letters == per) || (count == 5 && (letters == antal || (first && letters == andel)))
    }
    var isFirst = true
    var inWord = false
    var letters: UInt64 = 0
    var count = 0  // above five, no word matches
    for byte in label.utf8 {
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") {
        if inWord {
          if isMeasureWord(letters, count, first: isFirst) { return true }
          isFirst = false
          inWord = false
          letters = 0
          count = 0
        }
        continue
      }
      inWord = true
      if byte >= 0x80 {
        count = 6
      } else if (byte | 0x20) &- 0x61 < 26, count < 6 {
        if count < 5 { letters |= UInt64(byte | 0x20) << (8 * count) }
        count += 1
      }
    }
    return inWord && isMeasureWord(letters, count, first: isFirst)
  }

  /// Abbreviations ending in a full stop (`inkl.`, `t.ex.`): no sentence ends with them.
  /// Words a caption's number follows (`Tabell 12. Resultaträkning`, `Figur 3.`).
  static let captionWords: Set<String> = ["tabell", "figur", "diagram", "bild", "graf"]

  static let abbreviations: Set<String> = [
    "ca.", "t.ex.", "bl.a.", "inkl.", "exkl.", "kr.", "resp.", "s.k.", "m.m.", "dvs.", "jfr.", "st.", "t.o.m.", "fr.o.m.",
  ]

  static func isAbbreviation(_ word: some StringProtocol) -> Bool { abbreviations.contains(word.lowercased()) }

  // MARK: Notes under tables (``ColumnNotes``)

  /// Phrases of a note saying a year's values are not in the table (lower case).
  static let absencePhrases = [
    "publiceras", "redovisas senare", "finns ännu inte", "finns inte", "finns ej", "saknas", "genomfördes inte",
    "genomfördes ej", "genomfördes inga", "har inte genomförts", "ej genomförts", "mättes inte", "mäts inte",
    "inte tillgänglig", "ej tillgänglig", "inte klar", "ej klar", "ingen mätning", "inga mätningar",
  ]
  /// Words after which a note gives a cause (`pga pandemin`): not what the note is about.
  static let causeWords = ["pga", "p.g.a.", "på grund av", "eftersom", "beroende på", "med anledning av"]
  /// Words of a note that name no topic: a note of only these is about every row.
  static let noteFillerWords: Set<String> = [
    "utfall", "utfallet", "uppgift", "uppgifter", "uppgiften", "värde", "värden", "värdet", "data", "siffror",
    "statistik", "statistiken", "resultat", "resultaten", "mätning", "mätningen", "mätningar", "nyckeltal", "mått",
    "måtten", "året", "åren", "samtliga", "alla", "vissa", "några", "ännu", "ingen", "inga", "inte", "under", "senare",
    "efter", "från", "till", "eller", "samt", "detta", "dessa", "tabellen", "tabell", "kolumnen", "kommer", "vecka",
  ]
  /// Words after a note's phrase of absence that start saying where or when, not what
  /// (`publiceras i december`, `redovisas senare av SCB`).
  static let notePrepositions: Set<String> = [
    "i", "av", "på", "under", "till", "vecka", "v", "den", "senare", "efter", "från", "med", "inom", "förrän", "hos", "när",
  ]
  /// Words of a sentence stating a change upwards or downwards (``ColumnNotes/changes(in:)``).
  static let increaseWords: Set<String> = [
    "ökar", "ökat", "ökade", "ökning", "ökningen", "högre", "stiger", "stigit", "steg", "växer", "vuxit",
  ]
  static let decreaseWords: Set<String> = [
    "minskar", "minskat", "minskade", "minskning", "minskningen", "lägre", "sjunker", "sjunkit", "sjönk",
  ]
  /// Words of row labels too common to say what a sentence is about (`Kostnad per inskrivet
  /// barn, kommunal förskola`: only `förskola` does).
  static let genericLabelWords: Set<String> = [
    "kostnad", "kostnader", "kostnaden", "kostnaderna", "inskrivet", "inskrivna", "kommunal", "kommunalt", "kommunala",
    "andel", "andelen", "antal", "antalet", "elever", "eleverna", "totalt", "summa", "varav", "övriga", "övrigt",
    "utfall", "budget", "prognos", "avvikelse", "procent", "kronor", "årsarbetare", "invånare",
  ]
  /// Words a small number after them belongs to (`åk 3`, `årskurs 9`, `klass 2`): a label's
  /// words, no value.
  static let numberedWords: Set<String> = [
    "åk", "årskurs", "klass", "nivå", "steg", "etapp", "fas", "kapitel", "bilaga", "hus", "zon", "område",
  ]
  /// Endings of Swedish nouns and adjectives, longest first, taken off a word to find its other
  /// forms (`skolor` → `skol`).
  static let inflectionSuffixes = [
    "heten", "erna", "arna", "orna", "het", "ens", "en", "et", "na", "ar", "er", "or", "n", "s", "a", "e",
  ]
  /// The row-label stems a note's topic word covers: what a Swedish school report derives from
  /// grades and national tests (`meritvärde`, `behöriga`, `kunskapskraven` are grade measures).
  static let noteTopicStems: [String: [String]] = [
    "betyg": ["betyg", "meritvärde", "kunskapskrav", "behörig", "målen i alla ämnen", "målen i samtliga ämnen"],
    "betygen": ["betyg", "meritvärde", "kunskapskrav", "behörig", "målen i alla ämnen", "målen i samtliga ämnen"],
    "prov": ["prov"],
    "proven": ["prov"],
    "nationella": [],
  ]

  /// Words naming a balance at the end of the year (`Fond UB 2025`, `Utgående balans`).
  static let closingBalanceWords: Set<String> = ["ub", "utgående"]

  /// Words naming an average over years (`Snitt 3 år`), which head a column of their own.
  static let averageWords: Set<String> = ["snitt", "genomsnitt", "medel", "medelvärde", "rikssnitt"]

  /// Stems of the column headers of a net and its parts: `Nettokostnader` is the sum of
  /// `Intäkter` and `Kostnader` (``GridArithmetic/partsHold(_:_:)``).
  static let netStem = "netto"
  static let incomeStem = "intäkt"
  static let costStem = "kostnad"

  /// True when a column header names a column of note references (`Not`, `Not nr`, `Noter`).
  static func namesNoteColumn(_ header: some StringProtocol) -> Bool {
    ["not", "notnr", "noter"].contains(letters(header))
  }

  /// Words naming a group of columns (`Kommunen` over its columns, `Koncernen` over others).
  static let groupWords: Set<String> = [
    "kommunen", "koncernen", "kommun", "koncern", "nämnden", "förvaltningen", "regionen", "staden", "kommunkoncernen",
    "regionkoncernen", "stadskoncernen", "moderbolaget",
  ]

  /// Words that join a kind word to the one before it in one column header (`Budget inkl.
  /// ombudget`, `Avvikelse mot budget`).
  static let connectors: Set<String> = [
    "inkl", "inklusive", "exkl", "exklusive", "mot", "för", "av", "och", "efter", "före", "enligt", "i",
  ]

  /// A word naming the label column rather than a value column (`Namn`, `Nämnd`, `Mått`).
  static let stubWords: Set<String> = [
    "namn", "nämnd", "mått", "uppföljningsnivå", "verksamhet", "verksamhetsområde", "resultatområde",
    "nämndförvaltning", "förvaltning", "nyckeltal", "indikator", "styrelse", "enhet", "område", "projekt",
  ]

  /// A month name or abbreviation, possibly with a dash before it (`-jun`) or a year glued
  /// (`2022-jun`).
  static func isMonthToken(_ word: some StringProtocol) -> Bool {
    if let read = word.utf8.withContiguousStorageIfAvailable(isMonthToken(bytes:)), let read { return read }
    let pieces = word.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" })
    return pieces.contains { monthForms.contains(letters($0)) }
  }

  /// The letters month names start with, either case (`j f m a s o n d`), by byte.
  private static let monthInitials = initials(monthForms)
  /// The letters stub and group words start with, either case, by byte.
  static let stubInitials = initials(stubWords)
  static let groupInitials = initials(groupWords)

  /// The first bytes of `words` (lower-case ASCII), either case, by byte.
  private static func initials(_ words: Set<String>) -> [Bool] {
    let firsts = Set(words.compactMap { $0.utf8.first })
    precondition(firsts.allSatisfy { $0 >= 0x61 && $0 <= 0x7A })
    return (0..<256).map { firsts.contains(UInt8($0) | 0x20) && UInt8($0) | 0x20 >= 0x61 && UInt8($0) | 0x20 <= 0x7A }
  }

  /// ``isMonthToken(_:)`` from the bytes of a word of ASCII letters, digits, marks, dashes and
  /// Latin-1 characters (none of which joins a neighbour): the pieces between dashes, each one's
  /// ASCII letters lower-cased; a piece with a Latin-1 letter is no month form. nil for any other
  /// word.
  private static func isMonthToken(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    var piece: [UInt8] = []
    var latinLetter = false
    var found = false
    func endPiece() {
      if !latinLetter, piece.count >= 3, monthFormBytes.contains(piece) { found = true }
      piece.removeAll(keepingCapacity: true)
      latinLetter = false
    }
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b < 0x80 {
        if b == 0x2D {
          endPiece()
        } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
          piece.append(b | 0x20)
        }
        i += 1
      } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 {
        endPiece()
        i += 3
      } else if (b == 0xC2 || b == 0xC3), i + 1 < bytes.count {
        // U+0080–U+00FF: `letters(_:)` keeps all from U+00C0 but ß.
        if b == 0xC3 && bytes[i + 1] != 0x9F { latinLetter = true }
        i += 2
      } else {
        return nil
      }
    }
    endPiece()
    return found
  }

  private static let monthFormBytes = Set(monthForms.map { Array($0.utf8) })

  /// Month names and the three- and four-letter beginnings ``Month/number(of:)`` accepts.
  static let monthForms: Set<String> = {
    var forms = Set<String>()
    for name in Month.names {
      forms.insert(name)
      forms.insert(String(name.prefix(3)))
      if name.count >= 4 { forms.insert(String(name.prefix(4))) }
    }
    return forms
  }()

  /// The year a header token names: `2024`, `2024-jun`, `20221` (2022 with footnote 1),
  /// `2024-08-31`; nil for anything else.
  static func year(in word: some StringProtocol) -> Int? {
    // Cheap first: the first byte that is no bracket or dash is a 1 or a 2.
    let isLead = { (b: UInt8) in b != UInt8(ascii: "(") && b != UInt8(ascii: "-") && b != 0xE2 && b != 0x80 && b != 0x93 }
    let found = word.utf8.withContiguousStorageIfAvailable { $0.first(where: isLead) }
    guard let lead = found ?? word.utf8.first(where: isLead), lead == UInt8(ascii: "1") || lead == UInt8(ascii: "2")
    else { return nil }
    if let read = word.utf8.withContiguousStorageIfAvailable(asciiYear(in:)), let read { return read }
    let trimmed = word.drop(while: { $0 == "(" || $0 == "-" || $0 == "–" })
    let digits = trimmed.prefix(while: \.isNumber)
    let rest = trimmed.dropFirst(digits.count)
    guard digits.count == 4 || digits.count == 5, let value = Int(digits.prefix(4)), (1990...2099).contains(value)
    else { return nil }
    // A fifth digit is a footnote mark (`20221`); only a plain word may carry one.
    if digits.count == 5 { return rest.isEmpty || rest == ")" || rest == "*" ? value : nil }
    guard let next = rest.first else { return value }
    // `1993:387` is a law's number in the statute book (SFS), no year.
    if next == ":", rest.dropFirst().first?.isNumber == true { return nil }
    return next == "-" || next == "–" || next == ")" || next == "*" || next == "," || next == ":" ? value : nil
  }

  /// ``year(in:)`` of a word of ASCII bytes (each byte one `Character`): `.some(nil)` when it
  /// names no year; nil for any other word.
  private static func asciiYear(in word: UnsafeBufferPointer<UInt8>) -> Int?? {
    guard word.allSatisfy({ $0 < 0x80 }) else { return nil }
    var i = 0
    while i < word.count, word[i] == UInt8(ascii: "(") || word[i] == UInt8(ascii: "-") { i += 1 }
    let start = i
    var value = 0
    while i < word.count, word[i] >= 0x30 && word[i] <= 0x39 {
      if i - start < 4 { value = value * 10 + Int(word[i] - 0x30) }
      i += 1
    }
    let digits = i - start
    guard digits == 4 || digits == 5, (1990...2099).contains(value) else { return .some(nil) }
    let rest = word.count - i
    // A fifth digit is a footnote mark (`20221`); only a plain word may carry one.
    if digits == 5 {
      return rest == 0 || rest == 1 && (word[i] == UInt8(ascii: ")") || word[i] == UInt8(ascii: "*")) ? value : .some(nil)
    }
    guard rest > 0 else { return value }
    switch word[i] {
    case UInt8(ascii: ":"):
      // `1993:387`: a law's number in the statute book (SFS), no year.
      return i + 1 < word.count && word[i + 1] >= 0x30 && word[i + 1] <= 0x39 ? .some(nil) : value
    case UInt8(ascii: "-"), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: ","): return value
    default: return .some(nil)
    }
  }

  // MARK: Row roles

  /// The role a row's label gives it: `part` for `varav …` (and `därav`, `- varav`), `total`
  /// for a sum (`Summa …`, `Totalt`, `Total`, `Netto`, `Nettoinvesteringar` alone, a label
  /// opening with `=`), nil when
  /// the label says nothing.
  static func rowRole(ofLabel label: String) -> RowRole? {
    // `= Årets resultat efter balanskravsjusteringar`: the result of the rows above.
    if label.utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "=") { return .total }
    let words = label.lowercased().split(whereSeparator: { !$0.isLetter })
    guard let first = words.first else { return nil }
    if first == "varav" || first == "därav" { return .part }
    if first == "summa" || first == "totalt" || first == "total" || first == "totala" { return .total }
    if words.count == 1, first == "netto" || first == "nettoinvesteringar" { return .total }
    return nil
  }

  // MARK: Helpers

  /// The word lower-cased, letters only.
  static func letters(_ word: some StringProtocol) -> String {
    // ASCII and U+0080–U+00FF from the bytes.
    let fast = word.utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var ok = true
      let result = String(unsafeUninitializedCapacity: bytes.count) { out in
        var count = 0
        ok = writeLetters(bytes) { byte in
          out[count] = byte
          count += 1
        }
        return count
      }
      return ok ? result : nil
    }
    if let fast = fast ?? nil { return fast }
    // Other scripts by their scalars: far cheaper than Character properties.
    var result = String.UnicodeScalarView()
    for scalar in word.unicodeScalars {
      switch scalar.value {
      case 0x41...0x5A: result.append(Unicode.Scalar(scalar.value + 0x20)!)
      case 0x61...0x7A, 0xE0...0xFF: result.append(scalar)
      case 0xC0...0xDE: result.append(Unicode.Scalar(scalar.value + 0x20)!)
      default:
        if scalar.value > 0xFF, scalar.properties.isAlphabetic {
          for lower in scalar.properties.lowercaseMapping.unicodeScalars { result.append(lower) }
        }
      }
    }
    return String(result)
  }

  /// The needles of ``mayHeadColumns(_:)``: the kind stems and words, the three-letter month
  /// forms and `not`.
  private static let headerNeedles: [[UInt8]] =
    (kindStems + kindWords.sorted() + monthForms.filter { $0.count == 3 }.sorted() + ["not"]).map { Array($0.utf8) }

  /// True when the line's letters (``letterBytes(_:)``) hold a kind word's stem, a kind word,
  /// a three-letter month form or `not`: the words a header line without a year needs.
  static func mayHeadColumns(_ line: some StringProtocol) -> Bool {
    let lower = letterBytes(line)
    return lower.withUnsafeBufferPointer { lower in
      for start in lower.indices where startsHeaderNeedle[Int(lower[start])] {
        for needle in headerNeedlesByFirstByte[Int(lower[start])] where lower.count - start >= needle.count {
          var k = 1
          while k < needle.count, lower[start + k] == needle[k] { k += 1 }
          if k == needle.count { return true }
        }
      }
      return false
    }
  }

  /// For each byte, whether a needle of ``mayHeadColumns(_:)`` starts with it.
  private static let startsHeaderNeedle: [Bool] = (0..<256).map { !headerNeedlesByFirstByte[$0].isEmpty }

  /// ``headerNeedles`` by their first byte.
  private static let headerNeedlesByFirstByte: [[[UInt8]]] = {
    var table = [[[UInt8]]](repeating: [], count: 256)
    for needle in headerNeedles { table[Int(needle[0])].append(needle) }
    return table
  }()
}
