/// Organisations and committees as reports name them, and the short names ids are built from.
extension ReportIdentity {
  /// What kind of organisation a name is; it decides the name's short form in ids.
  enum OrganisationKind: Sendable, Hashable {
    /// `Region Halland`, `Landstinget Halland`.
    case region
    /// `Kungsbacka kommun`, `Göteborgs Stad`.
    case kommun
    /// `Eksta Bostads AB`.
    case bolag
    /// `Räddningstjänstförbundet Mitt`, `Kommunalförbundet Norra Dalarna`,
    /// `Samordningsförbundet Västra Skaraborg`.
    case forbund
  }

  /// An organisation named in a line.
  struct OrganisationName: Sendable, Hashable {
    var name: String
    var kind: OrganisationKind
  }

  /// Capitalised words that stand before `kommun` without naming one (`Varje kommun`).
  static let notKommunNames: Set<String> = [
    "Varje", "Vår", "Denna", "Den", "Hela", "Egen", "Egna", "Samma", "En", "Ett", "Annan", "Alla",
    "Ingen", "Någon", "Vilken", "Vilka", "Sveriges", "Övriga", "Respektive", "Aktuell", "Berörd",
  ]

  /// Words that begin a two-word place name (`Upplands Väsby kommun`, `Region Västra Götaland`).
  static let namePrefixes: Set<String> = ["Upplands", "Lilla", "Stora", "Östra", "Västra", "Norra", "Södra"]

  // MARK: Organisations

  /// The organisations `words` name, in order: `Region X` / `Landstinget X`, `X kommun` /
  /// `X stad` (a genitive `kommuns`, `Region Xs` read as the base form only when asked, see
  /// ``organisationMentions(_:)``), and, when `bolag` is true, `X AB` and a förbund
  /// (``forbund(in:at:)``) — the organisations read only from a running header or a title.
  static func organisations(in words: [Substring], bolag: Bool) -> [(index: Int, end: Int, name: OrganisationName)] {
    var found: [(index: Int, end: Int, name: OrganisationName)] = []
    for (k, raw) in words.enumerated() {
      guard mayBeOrganisationWord(raw, bolag: bolag) else { continue }
      let word = trimmedWord(raw)
      if bolag, let end = forbund(in: words, at: k) {
        let name = words[k..<end].map { String(trimmedWord($0)) }.joined(separator: " ")
        found.append((k, end, OrganisationName(name: name, kind: .forbund)))
        continue
      }
      switch word {
      case "Region", "Landstinget":
        guard k + 1 < words.count, var name = placeName(words[k + 1]) else { continue }
        var end = k + 2
        if namePrefixes.contains(name), k + 2 < words.count, let second = placeName(words[k + 2]) {
          name += " " + second
          end += 1
        }
        // `Region Kalmar län`, `Region Örebro län`: the county is part of the name.
        if end < words.count, trimmedWord(words[end]) == "län" {
          name += " län"
          end += 1
        }
        found.append((k, end, OrganisationName(name: "\(word) \(name)", kind: .region)))
      case "kommun", "kommuns", "stad", "Stad", "stads", "Stads":
        guard k >= 1, let name = placeName(words[k - 1]), !notKommunNames.contains(name),
          trimmedWord(words[k - 1]).count == words[k - 1].count
        else { continue }
        var start = k - 1
        var full = name
        if k >= 2, let first = placeName(words[k - 2]), namePrefixes.contains(first) {
          full = first + " " + name
          start -= 1
        }
        let base = word.hasSuffix("s") ? String(word.dropLast()) : String(word)
        found.append((start, k + 1, OrganisationName(name: "\(full) \(base)", kind: .kommun)))
      case "AB" where bolag:
        var start = k
        while start > 0, start > k - 4, let name = placeName(words[start - 1]), !name.isEmpty { start -= 1 }
        guard start < k else { continue }
        let name = words[start...k].map { String(trimmedWord($0)) }.joined(separator: " ")
        found.append((start, k + 1, OrganisationName(name: name, kind: .bolag)))
      default:
        continue
      }
    }
    return found
  }

  /// A förbund named from word `k`: a compound ending in `förbundet` written with a capital
  /// (`Räddningstjänstförbundet`, `Kommunalförbundet`, `Samordningsförbundet`; not `Förbundet`
  /// alone) and the one to three capitalised words of its name after it, up to a word naming
  /// a report kind (`Kommunalförbundet Norra Dalarna Budget 2023` → `Kommunalförbundet Norra
  /// Dalarna`). The end of the name (one past its last word), nil when `k` starts none: a
  /// förbund without a name after it (`Samordningsförbundet har …`) is prose.
  static func forbund(in words: [Substring], at k: Int) -> Int? {
    let word = trimmedWord(words[k])
    guard word.count > "förbundet".count + 2, word.first?.isUppercase == true, word.count == words[k].count,
      SimpleText.lowercased(String(word)).hasSuffix("förbundet")
    else { return nil }
    var end = k + 1
    while end < words.count, end <= k + 3, placeName(words[end]) != nil, kindWord(in: words[end]) == nil {
      end += 1
      // A name word followed by punctuation (`Mitt,`) ends the name.
      if trimmedWord(words[end - 1]).count != words[end - 1].count { break }
    }
    return end > k + 1 ? end : nil
  }

  /// False when the word's trimmed form (``trimmedWord(_:)``, a part of its bytes) cannot be one
  /// of the words ``organisations(in:bolag:)`` looks for: each is ASCII without `K`, `;` or
  /// `` ` `` (the only ASCII characters another spelling is canonically equal to), so a word
  /// equal to one holds its bytes.
  private static func mayBeOrganisationWord(_ word: Substring, bolag: Bool) -> Bool {
    word.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      func at(_ i: Int, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard i + count <= bytes.count else { return false }
        for k in 0..<count where bytes[i + k] != needle.utf8Start[k] { return false }
        return true
      }
      for i in bytes.indices {
        switch bytes[i] {
        case UInt8(ascii: "R"): if at(i, "Region") { return true }
        case UInt8(ascii: "L"): if at(i, "Landstinget") { return true }
        case UInt8(ascii: "k"): if at(i, "kommun") { return true }
        case UInt8(ascii: "s"): if at(i, "stad") { return true }
        case UInt8(ascii: "S"): if at(i, "Stad") { return true }
        case UInt8(ascii: "A"): if bolag, at(i, "AB") { return true }
        case UInt8(ascii: "r"): if bolag, at(i, "rbundet") { return true }
        default: break
        }
      }
      return false
    } ?? true
  }

  /// The word as part of a place name: its letters and hyphens, starting with a capital
  /// letter; nil for any other word.
  private static func placeName(_ word: Substring) -> String? {
    let trimmed = trimmedWord(word)
    guard let first = trimmed.first, first.isUppercase, first.isLetter,
      trimmed.allSatisfy({ $0.isLetter || $0 == "-" })
    else { return nil }
    return String(trimmed)
  }

  /// Every organisation a line names, counted for ``mostNamedOrganisation(_:titleLines:)``:
  /// regions and kommuner only (a kommun's report names its bolag often; the bolag counts only
  /// in a running header or the title).
  static func organisationMentions(_ line: String) -> [String] {
    guard line.utf8.count <= 2000, line.utf8.withContiguousStorageIfAvailable(mayMentionOrganisation) ?? true,
      ByteSearch.contains(line, "Region") || ByteSearch.contains(line, "Landstinget")
        || ByteSearch.containsFolded(line, "kommun") || ByteSearch.containsFolded(line, "stad")
    else { return [] }
    let words = NumberRun.words(in: Substring(line)).map(\.text)
    return organisations(in: words, bolag: false).map(\.name.name)
  }

  /// False when the bytes hold none of `Region`, `Landstinget`, `kommun` or `stad` (ASCII case
  /// folded for these two) nor the Kelvin sign (``ByteSearch/containsFolded(_:_:)``): the four
  /// searches of ``organisationMentions(_:)`` in one pass, to pass over most lines cheaply.
  private static func mayMentionOrganisation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func at(_ i: Int, _ needle: StaticString, folded: Bool) -> Bool {
      let count = needle.utf8CodeUnitCount
      guard i + count <= bytes.count else { return false }
      for k in 0..<count {
        let b = bytes[i + k]
        let c = folded && b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        if c != needle.utf8Start[k] { return false }
      }
      return true
    }
    for i in bytes.indices {
      switch bytes[i] {
      case UInt8(ascii: "R"): if at(i, "Region", folded: false) { return true }
      case UInt8(ascii: "L"): if at(i, "Landstinget", folded: false) { return true }
      case UInt8(ascii: "k"), UInt8(ascii: "K"): if at(i, "kommun", folded: true) { return true }
      case UInt8(ascii: "s"), UInt8(ascii: "S"): if at(i, "stad", folded: true) { return true }
      case 0xE2: if i + 2 < bytes.count, bytes[i + 1] == 0x84, bytes[i + 2] == 0xAA { return true }
      default: break
      }
    }
    return false
  }

  /// The region or kommun the text names most often, when named at least twice and more often
  /// than any other; a mention in a title line that is no prose (``TextLines/isProse(_:)``)
  /// counts twice. A genitive (`Region Hallands`) counts for its base form when that occurs
  /// too.
  static func mostNamedOrganisation(_ lines: [String], titleLines: Set<Int>) -> String {
    var counts: [String: Int] = [:]
    for (index, line) in lines.enumerated() {
      let mentions = organisationMentions(line)
      guard !mentions.isEmpty else { continue }
      let weight = titleLines.contains(index) && !TextLines.isProse(TextLines.clean(line)) ? 2 : 1
      for name in mentions { counts[name, default: 0] += weight }
    }
    var folded: [String: Int] = [:]
    for (name, count) in counts {
      let base = String(name.dropLast())
      if name.hasSuffix("s"), counts[base] != nil {
        folded[base, default: 0] += count
      } else {
        folded[name, default: 0] += count
      }
    }
    let ranked = folded.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
    guard let best = ranked.first, best.value >= 2 else { return "" }
    if ranked.count > 1, ranked[1].value == best.value { return "" }
    return best.key
  }

  // MARK: Committees

  /// The committee (nämnd or styrelse) `words` name, nil when none: `Nämnden för X & Y` (up to
  /// an organisation, a kind word or a number), `Styrelsen för X`, or a word ending in
  /// `nämnden` or `styrelsen` (`Kulturnämnden`, `Kommunstyrelsen`, `Hälso- och
  /// sjukvårdsnämnden`). A genitive (`Regionstyrelsens verksamheter`) names none.
  static func committee(in words: [Substring], organisations found: [(index: Int, end: Int, name: OrganisationName)]? = nil) -> String? {
    let organisationStarts = Set((found ?? organisations(in: words, bolag: true)).map(\.index))
    for (k, word) in words.enumerated() {
      let lower = SimpleText.lowercased(String(trimmedWord(word)))
      if (lower == "nämnden" || lower == "styrelsen"), k + 2 < words.count, words[k + 1] == "för",
        word.first?.isUppercase == true
      {
        var end = k + 2
        while end < words.count, !organisationStarts.contains(end), !words[end].contains(where: \.isNumber),
          kindWord(in: words[end]) == nil
        {
          end += 1
        }
        guard end > k + 2 else { continue }
        return words[k..<end].map { String(trimmedWord($0)) }.joined(separator: " ")
      }
      if lower.count > 7, lower.hasSuffix("nämnden") || lower.hasSuffix("styrelsen") {
        var start = k
        if k >= 2, words[k - 1] == "och", words[k - 2].hasSuffix("-") { start = k - 2 }
        guard words[start].first?.isUppercase == true else { continue }
        return words[start...k].map { String(trimmedWord($0)) }.joined(separator: " ")
      }
    }
    return nil
  }

  private static func kindWord(in word: Substring) -> KindMatch? {
    kind(in: [word], atStart: false, allowTitleOnly: true, line: 0, text: "")
  }

  // MARK: Short names

  /// The organisation's short form in ids: a region's initials (`Region Halland` → `rh`), a
  /// kommun's or stad's name (`Kungsbacka kommun` → `kungsbacka`, `Upplands Väsby kommun` →
  /// `upplands-vasby`), a bolag's name (`Eksta Bostads AB` → `eksta-bostads`); `rapport` when
  /// there is none; a förbund's whole name (`Räddningstjänstförbundet Mitt` →
  /// `raddningstjanstforbundet-mitt`), as its place name alone is often a point of the compass.
  static func organisationSlug(_ organisation: OrganisationName?) -> String {
    guard let organisation else { return "rapport" }
    let words = organisation.name.split(ascii: " ")
    switch organisation.kind {
    case .region: return initials(organisation.name)
    case .kommun, .bolag: return slug(words.dropLast().joined(separator: " "))
    case .forbund: return slug(organisation.name)
    }
  }

  /// The committee's short form in ids: the first word of what it is for (`Nämnden för
  /// Gymnasium & Arbetsmarknad` → `gymnasium`), or the word without `nämnden`
  /// (`Kulturnämnden` → `kultur`); a styrelse keeps its whole name (`kommunstyrelsen`).
  static func committeeSlug(_ committee: String) -> String {
    let words = committee.split(ascii: " ")
    if words.count >= 3, words[1] == "för" { return slug(String(words[2])) }
    guard let first = words.first else { return "" }
    let lower = SimpleText.lowercased(String(first))
    if words.count == 1, lower.hasSuffix("nämnden"), lower.count > 7 { return slug(String(lower.dropLast(7))) }
    return slug(String(first))
  }

  /// Lower-case ASCII letters and digits, other runs turned into one hyphen:
  /// `Upplands Väsby` → `upplands-vasby`, `Hälso-` → `halso`.
  static func slug(_ text: String) -> String {
    var result = ""
    for c in text.lowercased() {
      let folded = asciiFold(c)
      if folded.isASCII && (folded.isLetter || folded.isNumber) {
        result.append(folded)
      } else if !result.isEmpty && result.last != "-" {
        result.append("-")
      }
    }
    while result.last == "-" { result.removeLast() }
    return result
  }

  /// `Region Halland` → `rh` (the lower-cased first letters of the words, folded to ASCII).
  static func initials(_ name: String) -> String {
    String(name.split(ascii: " ").compactMap(\.first).map(asciiFold)).lowercased()
  }

  static func asciiFold(_ c: Character) -> Character {
    switch c {
    case "Å", "Ä": "A"
    case "Ö": "O"
    case "å", "ä", "á", "à": "a"
    case "ö", "ø": "o"
    case "é", "è", "ë": "e"
    case "ü": "u"
    default: c
    }
  }
}
