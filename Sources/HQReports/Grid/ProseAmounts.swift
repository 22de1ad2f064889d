import HQData

/// Amounts stated in running text, read as facts when a sentence states exactly one amount of
/// money and its words say unambiguously what it is:
///
///     Nämnden redovisar ett underskott på 12,4 mnkr.            → avvikelse -12,4 mnkr
///     Budgetavvikelse: -2 875 tkr                               → avvikelse -2 875 tkr
///     Prognosen pekar på ett överskott om 8 mnkr.               → avvikelse 8 mnkr
///     Prognosen är att årets resultat blir 642 miljoner kronor. → prognos 642 mnkr
///
/// - **Kind**: a surplus, deficit or deviation (`överskott`, `underskott`, `avvikelse`) is an
///   `avvikelse`; else a forecast (`prognos`, `prognostiserar`) a `prognos`; else a budgeted
///   amount (`budgeterat`, `budgeten`) a `budget`; else an outcome (`utfall`, `resultatet`,
///   `redovisar`) an `utfall`. A forecast of a year after the report's is a plan: a `budget`.
///   A sentence naming none of them is not read. A relative clause (`…, vilket är en
///   budgetavvikelse om -1,1 mnkr`) is read on its own, about the sentence's subject.
/// - The word giving the kind must own the amount: only linking words (`för helåret på`) stand
///   between them, or it is in the subject and only linking words stand between the verb and
///   the amount. `I underskottet ingår kostnader för projekt på 10 mnkr` is not read.
/// - Not read: a sentence (or clause) with two or more amounts, an amount that is approximate (`cirka`,
///   `drygt`, `knappt`, …) or compared with something (`högre än`, `ökat med`, `jämfört med`),
///   two different years.
/// - **Value** as printed, but a deficit is a negative deviation, as in the tables (`underskott
///   på 12,4`, `negativ budgetavvikelse på 12,4`, `minusresultat på 12,4` are -12,4);
///   **unit** from the unit word (`miljoner kronor`, `mkr` → `mnkr`; `tkr`; `miljarder` → `mdkr`);
///   **year** the one the sentence names, else the report's; **period** `helår` for forecasts,
///   budgets and deviations, else the report's.
/// - **Indicator**: the sentence's subject (the words before its verb, when they name
///   something), else the section's title, then the word that gave the kind (`Vatten och
///   avlopp – underskott`).
enum ProseAmounts {
  /// - Parameter shapes: ``ByteShape`` of each line.
  static func read(lines: [String], shapes: [ByteShape], context: GridContext, into recognition: inout RecognitionContext) {
    // Headings that state a unit's deviation (`Badhus, avvikelse -1,4 mkr`) first: as lines of
    // their own, not sentences.
    var headed = Set<Int>()
    for i in lines.indices where shapes[i].hasDigit && shapes[i].words <= headingMaxWords && !recognition.isClaimed(i) {
      if let fact = deviationHeading(i, lines[i], context) {
        recognition.facts.append(fact)
        headed.insert(i)
      }
    }
    var index = 0
    // A paragraph: consecutive lines of running text (one array, emptied for each).
    var paragraph: [Int] = []
    while index < lines.count {
      paragraph.removeAll(keepingCapacity: true)
      while index < lines.count, isProseLine(index, lines, shapes, recognition) {
        paragraph.append(index)
        index += 1
      }
      if paragraph.isEmpty {
        index += 1
        continue
      }
      // Cheap first: an amount needs a digit and a unit word somewhere in the paragraph, a
      // percentage a `%` or `procent`.
      let money = paragraph.contains(where: { shapes[$0].hasDigit && UnitEvidence.mayStateAmount(lines[$0]) })
        || paragraph.indices.dropLast().contains(where: { k in
          // a number at one line's end and its unit at the next one's start
          TextTables.endsInNumber(lines[paragraph[k]]) && UnitEvidence.mayStateAmount("0 " + lines[paragraph[k + 1]].prefix(20))
        })
      let percent = paragraph.contains { shapes[$0].hasDigit && (ByteSearch.contains(lines[$0], "%") || ByteSearch.has(lines[$0], "procent")) }
      guard money || percent else { continue }
      // The period a sentence of the paragraph named (`under första halvåret`) goes on for the
      // sentences after it that name none (`Sjukfrånvaro för hela kommunen är 7,3 %`).
      // (Looked for only when a percentage needs it: the sentences before it, nearest first.)
      let paragraphSentences = sentences(paragraph, lines)
      for (sentenceIndex, sentence) in paragraphSentences.enumerated() {
        let paragraphPeriod = { paragraphSentences[..<sentenceIndex].reversed().lazy.compactMap { period(named: $0) }.first }
        let statesMoney = money && mayHoldAmount(sentence)
        let statesPercent = percent && !statesMoney && mayHoldPercentage(sentence)
        guard statesMoney || statesPercent else { continue }
        // A relative clause (`…, vilket är en budgetavvikelse om -1,1 mnkr`) is read on its
        // own, about the sentence's subject.
        if sentence.contains(where: { headed.contains($0.line) }) { continue }
        let parts = clauses(sentence)
        for (k, clause) in parts.enumerated() {
          if statesMoney, mayHoldAmount(clause) {
            if let fact = fact(clause, context, subject: k == 0 ? nil : Self.subject(parts[0])) { recognition.facts.append(fact) }
          } else if statesPercent, k == 0, let fact = percentFact(clause, context, paragraphPeriod: paragraphPeriod) {
            recognition.facts.append(fact)
          }
        }
      }
    }
  }

  /// The most words a deviation heading has.
  static let headingMaxWords = 12

  /// The words naming a deviation a heading states (`Badhus, avvikelse -1,4 mkr`).
  static let headingDeviationWords: Set<String> = [
    "avvikelse", "budgetavvikelse", "prognosavvikelse", "överskott", "underskott",
  ]

  /// A line of its own naming a unit and its deviation: `<label>, avvikelse <amount> <unit>`
  /// (`Badhus, avvikelse -1,4 mkr`, `Simhallar (SH), avvikelse +0,8 miljoner kronor (mkr)`),
  /// nothing after the unit but the unit again in parentheses. The label is the indicator; the
  /// deviation is of the report's year, full year, as in ``fact(_:_:subject:)``; `underskott`
  /// makes it negative.
  static func deviationHeading(_ i: Int, _ line: String, _ context: GridContext) -> Fact? {
    guard ByteSearch.contains(line, ", "), (ByteSearch.contains(line, "vvikelse") || ByteSearch.contains(line, "skott")) else { return nil }
    let words = SimpleText.words(line).map { Word(text: $0, line: i) }
    guard let comma = words.firstIndex(where: { $0.text.hasSuffix(",") }), comma + 2 < words.count,
      words[0].text.first?.isUppercase == true,
      words[...comma].allSatisfy({ !hasDigit($0.text) })
    else { return nil }
    let keyword = SimpleText.lowercased(String(words[comma + 1].text))
    guard headingDeviationWords.contains(keyword) else { return nil }
    let found = amounts(words)
    guard found.count == 1, let amount = found.first, amount.index == comma + 2, !amount.unit.isEmpty, amount.unit != "%" else {
      return nil
    }
    // Nothing after the unit but the unit again in parentheses (`(mkr)`).
    let rest = words[amount.end...]
    guard rest.isEmpty || rest.count == 1 && rest.first.map({ $0.text.hasPrefix("(") && $0.text.hasSuffix(")") && $0.text.dropFirst().dropLast().allSatisfy(\.isLetter) }) == true
    else { return nil }
    guard let year = context.reportYear else { return nil }
    var label = words[...comma].map { String($0.text) }.joined(separator: " ")
    label.removeLast()
    let value = keyword == "underskott" && amount.number.value.mantissa > 0 ? amount.number.value.negated : amount.number.value
    return Fact(
      report: context.reportID, section: context.section(i), table: "",
      indicator: label, measure: keyword, kind: .avvikelse, period: "helår", year: year,
      value: value, unit: amount.unit, line: i + 1)
  }

  /// A word of a sentence and the 0-based line it stands on.
  struct Word {
    var text: Substring
    var line: Int
  }

  private static func isProseLine(_ i: Int, _ lines: [String], _ shapes: [ByteShape], _ recognition: RecognitionContext) -> Bool {
    guard !recognition.isClaimed(i) else { return false }
    let line = lines[i]
    guard line.utf8.first != UInt8(ascii: "|"), line.utf8.first != UInt8(ascii: "<") || !line.hasPrefix("<!--") else {
      return false
    }
    let shape = shapes[i]
    return shape.words >= 5 && shape.letterBytes * 2 >= line.utf8.count
  }

  /// A sentence that may state an amount: a digit and a unit word in it.
  private static func mayHoldAmount(_ words: [Word]) -> Bool {
    var digit = false
    var unit = false
    for word in words {
      if !digit, word.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { digit = true }
      if !unit, let first = word.text.utf8.first, first == UInt8(ascii: "m") || first == UInt8(ascii: "t") {
        let w = word.text.lowercased()
        unit = w.hasPrefix("milj") || w.hasPrefix("mnkr") || w.hasPrefix("mkr") || w.hasPrefix("tkr")
          || w.hasPrefix("tusen") || w.hasPrefix("mdkr")
      }
      if digit && unit { return true }
    }
    return false
  }

  /// The paragraph's sentences, split after a full stop, colon, exclamation or question mark.
  private static func sentences(_ paragraph: [Int], _ lines: [String]) -> [[Word]] {
    var result: [[Word]] = []
    var current: [Word] = []
    for (k, line) in paragraph.enumerated() {
      let words = SimpleText.words(lines[line])
      for word in words {
        current.append(Word(text: word, line: line))
        if endsSentence(word), !isAbbreviation(word) {
          result.append(current)
          current = []
        }
      }
      // A short line without a closing mark before a line opening in upper case is a heading or
      // a caption (`1) Årets resultat exklusive jämförelsestörande poster`), not the start of
      // the sentence below it.
      if !current.isEmpty, words.count <= shortLineWords, k + 1 < paragraph.count,
        let last = words.last?.last, last.isLetter || last.isNumber || last == ")",
        SimpleText.words(lines[paragraph[k + 1]]).first?.first?.isUppercase == true
      {
        result.append(current)
        current = []
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  /// True when the word's last character is `.`, `!` or `?`: on bytes when the byte before
  /// that mark is ASCII (the mark is then a character of its own), else by `Character`.
  private static func endsSentence(_ word: Substring) -> Bool {
    let utf8 = word.utf8
    guard let last = utf8.last else { return false }
    guard last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") else { return false }
    if utf8.count == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] < 0x80 { return true }
    guard let character = word.last else { return false }
    return character == "." || character == "!" || character == "?"
  }

  /// The most words a line ending no sentence may have and still be a heading over the next.
  static let shortLineWords = 8

  /// Words that open a relative clause after a comma.
  static let clauseOpenings: Set<String> = ["vilket", "som"]

  /// A sentence that may state a percentage: a digit, and a `%` or `procent`.
  private static func mayHoldPercentage(_ words: [Word]) -> Bool {
    var digit = false
    var sign = false
    for word in words {
      if !digit, word.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { digit = true }
      if !sign, word.text.utf8.contains(UInt8(ascii: "%")) || word.text.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "p") }) == true
        && word.text.lowercased().hasPrefix("procent")
      {
        sign = true
      }
      if digit && sign { return true }
    }
    return false
  }

  /// A sentence split before each relative clause (`vilket`, or `som` after a comma).
  private static func clauses(_ sentence: [Word]) -> [[Word]] {
    var result: [[Word]] = [[]]
    for (k, word) in sentence.enumerated() {
      // Cheap first: both openings start with a `v` or an `s`.
      let first = word.text.utf8.first.map { $0 | 0x20 } ?? 0
      let opening = k > 0 && (first == UInt8(ascii: "v") || first == UInt8(ascii: "s")) ? clauseOpening(word.text) : nil
      if let opening, opening == "vilket" || sentence[k - 1].text.hasSuffix(",") {
        result.append([])
      }
      result[result.count - 1].append(word)
    }
    return result
  }

  /// The word lower-cased when that is one of ``clauseOpenings``, nil otherwise. An ASCII word
  /// is compared on its bytes (its `lowercased()` is its bytes folded); any other goes to the
  /// standard library (a Kelvin sign lower-cases to `k`).
  private static func clauseOpening(_ word: Substring) -> String? {
    let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> String?? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      let folded = bytes.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
      return .some(clauseOpenings.first { $0.utf8.elementsEqual(folded) })
    }
    if let decided = ascii ?? nil { return decided }
    let lower = word.lowercased()
    return clauseOpenings.contains(lower) ? lower : nil
  }

  /// The sentence's subject: the words before its first verb, when they name something; empty
  /// otherwise.
  private static func subject(_ words: [Word]) -> String {
    let lower = words.map { SimpleText.lowercased(String($0.text)) }
    guard let verb = lower.firstIndex(where: { verbs.contains($0) }), verb >= 1, verb <= 6 else { return "" }
    let first = String(words[0].text)
    guard first.first?.isUppercase == true else { return "" }
    // A place put first (`I förskolan har sjukfrånvaron varit 9,4 %`): the subject follows the
    // verb, up to the next verb, and the place qualifies it (`Sjukfrånvaron i förskolan`).
    if Self.frontedPlaces.contains(lower[0]), verb >= 2 {
      let after = (verb + 1)..<min(words.count, verb + 4)
      guard let end = after.first(where: { participles.contains(lower[$0]) }), end > verb + 1 else { return "" }
      var head = words[(verb + 1)..<end].map { String($0.text) }.joined(separator: " ")
      guard let initial = head.first, initial.isLetter, !head.contains(where: \.isNumber) else { return "" }
      head = initial.uppercased() + head.dropFirst()
      return head + " " + lower[..<verb].joined(separator: " ").trimmingCharacters(in: ",:;")
    }
    // `Den skattefinansierade verksamheten redovisar …`, `Det prognostiserade resultatet från
    // exploateringen är …`: an article before two or more words opens a noun phrase (alone, `Det
    // är …`, it names nothing); the subject is the phrase without it.
    if Self.articles.contains(first), verb >= 3 {
      let phrase = words[1..<verb].map { String($0.text) }.joined(separator: " ").trimmingCharacters(in: ",:;")
      guard let initial = phrase.first, initial.isLetter, initial.isLowercase else { return "" }
      return initial.uppercased() + phrase.dropFirst()
    }
    // `Prognosen är att …` names no more than the kind.
    guard !Self.notSubjects.contains(first), verb > 1 || lower[0] != "prognosen" else { return "" }
    return words[..<verb].map { String($0.text) }.joined(separator: " ").trimmingCharacters(in: ",:;")
  }

  /// `positiv`/`negativ` in any form: +1 or -1; nil for other words.
  static func signAdjective(_ word: String) -> Int? {
    if word.hasPrefix("positiv") && word.count <= 9 { return 1 }
    if word.hasPrefix("negativ") && word.count <= 9 { return -1 }
    return nil
  }

  /// Words that may stand between the word naming an amount and the amount (`överskott för
  /// helåret på`, `resultat 2026 på`, `avvikelse mot budgeten om`).
  static let linkWords: Set<String> = [
    "på", "om", "till", "är", "blir", "blev", "var", "med", "totalt", "sammanlagt", "uppgår", "uppgick", "uppgått",
    "landar", "landade", "landat", "hamnade", "beräknas", "bedöms", "väntas", "förväntas", "att", "bli", "för", "helåret",
    "år", "året", "perioden", "delåret", "hittills", "i", "ett", "en", "jämfört", "mot", "gentemot", "budget", "budgeten",
    "dock", "därmed", "alltså", "således", "ändå",
  ]

  /// Words that leave something out of an amount (`Bortsett från utvecklingsprojekten räknar
  /// nämnden med ett plusresultat på 7,1 mnkr`): the amount is not the whole one; not read.
  static let exclusionWords: Set<String> = ["bortsett", "frånsett", "exklusive", "exkl", "förutom"]

  /// Words naming the whole organisation: its plus or minus result is its result, not a
  /// committee's deviation from budget (`Prognosen för kommunen som helhet visar ett
  /// plusresultat på 642 mnkr`); which one a sentence means is not settled, so it is not read.
  static let wholeOrganisation: Set<String> = ["kommunen", "regionen", "koncernen", "kommunkoncernen", "regionkoncernen", "helhet"]

  /// True for a word of ``linkWords`` (punctuation aside) or a year.
  static func isLink(_ word: String) -> Bool {
    let bare = word.trimmingCharacters(in: ",.;:()")
    return linkWords.contains(bare) || bare.count == 4 && Vocabulary.year(in: bare) != nil
  }

  /// Definite articles that may open a subject (`Den skattefinansierade verksamheten`).
  static let articles: Set<String> = ["Den", "Det", "De"]

  /// Prepositions that put a place before the verb (`I förskolan har …`, `Inom hemtjänsten var …`).
  static let frontedPlaces: Set<String> = ["i", "inom", "på", "hos", "vid", "bland"]
  /// Participles ending the subject after a fronted place (`har sjukfrånvaron varit`).
  static let participles: Set<String> = ["varit", "blivit", "legat", "uppgått", "landat", "hamnat"]

  /// The verbs that state a percentage as it stands (`har varit 6,8 %`, `är 4,4 %`), and those
  /// that do with `till` or `på` after them (`uppgick till 7,1 %`, `landade på 92 %`).
  static let statingVerbs: Set<String> = ["varit", "är", "var", "blev", "blivit"]
  static let statingVerbsWithPreposition: Set<String> = ["uppgår", "uppgick", "uppgått", "landade", "landat", "hamnade"]
  /// Words that make a percentage a target, a plan or a forecast, not an outcome.
  static let modalWords: Set<String> = [
    "ska", "skall", "bör", "mål", "målet", "målvärdet", "målsättningen", "förväntas", "beräknas", "bedöms",
    "prognos", "prognosen", "kommer", "planeras", "budget", "budgeten", "budgeterat", "önskvärt",
  ]

  /// The outcome a clause states as one percentage (`Sjukfrånvaron under första halvåret har
  /// varit 6,8%`): its subject names it; nil when the clause states no such thing, states two
  /// numbers, compares, plans or forecasts, or does not say for which period in a report of
  /// part of the year.
  private static func percentFact(_ words: [Word], _ context: GridContext, paragraphPeriod: () -> String?) -> Fact? {
    var found: [(index: Int, number: SwedishNumber)] = []
    var numbers = 0
    for k in words.indices where hasDigit(words[k].text) {
      var text = words[k].text.trimmingCharacters(in: ",.;:()")
      var isPercent = false
      if text.hasSuffix("%") {
        text.removeLast()
        isPercent = true
      } else if k + 1 < words.count {
        let next = words[k + 1].text.lowercased()
        isPercent = next.hasPrefix("%") || next.trimmingCharacters(in: ",.;:") == "procent"
      }
      if Vocabulary.year(in: text) != nil && !isPercent { continue }
      numbers += 1
      if isPercent, let number = SwedishNumber.parse(text) { found.append((k, number)) }
    }
    guard numbers == 1, found.count == 1, let amount = found.first, amount.index >= 2 else { return nil }
    let lower = words.map { SimpleText.lowercased(String($0.text)).trimmingCharacters(in: ",.;:") }
    let before = lower[amount.index - 1]
    guard statingVerbs.contains(before)
      || ["till", "på"].contains(before) && statingVerbsWithPreposition.contains(lower[amount.index - 2])
    else { return nil }
    if lower.contains(where: { modalWords.contains($0) || $0.hasPrefix("procentenhet") }) { return nil }
    if lower.contains(where: { isComparison($0) }) { return nil }
    for k in lower.indices.dropLast() where comparisonPairs.contains(lower[k] + " " + lower[k + 1]) { return nil }
    let years = Set(words.compactMap { Vocabulary.year(in: $0.text.trimmingCharacters(in: ",.;:()")) })
    guard years.count <= 1 else { return nil }
    // The period the clause names, else one the paragraph named before it; in a report of part
    // of the year, an undated one is not read.
    guard let period = period(named: words) ?? paragraphPeriod() ?? (context.reportPeriod == "helår" ? "helår" : nil) else {
      return nil
    }
    // The subject without the period it names (`Sjukfrånvaron under första halvåret`).
    var subject = Self.subject(words)
    // (`… under perioden januari–april` too: whatever follows `under` when it names a period.)
    let subjectWords = subject.split(ascii: " ")
    if let under = subjectWords.lastIndex(where: { $0.lowercased() == "under" }), under > 0 {
      let rest = subjectWords[(under + 1)...]
      let first = rest.first.map { $0.lowercased() } ?? ""
      if ["första", "året", "helåret", "perioden"].contains(first) || Self.period(named: rest.map { Word(text: $0, line: 0) }) != nil {
        subject = subjectWords[..<under].joined(separator: " ")
      }
    }
    guard !subject.isEmpty else { return nil }
    return Fact(
      report: context.reportID, section: context.section(words[amount.index].line), table: "",
      indicator: subject, measure: "", kind: .utfall, period: period, year: years.first ?? context.reportYear,
      value: amount.number.value, unit: "%", line: words[amount.index].line + 1)
  }

  /// The period words name: a month range (`januari–juni`), `första halvåret` (`jan–jun`),
  /// `helåret` or `under året` (`helår`); nil when they name none.
  private static func period(named words: [Word]) -> String? {
    let months = GridColumns.monthsIn(words.map { String($0.text) })
    if months.count >= 2 {
      return "\(Month.abbreviation(months[0]))–\(Month.abbreviation(months[months.count - 1]))"
    }
    let text = words.map { SimpleText.lowercased(String($0.text)) }.joined(separator: " ")
    if ByteSearch.has(text, "första halvåret") { return "jan–jun" }
    if ByteSearch.has(text, "helåret") || ByteSearch.has(text, "under året") { return "helår" }
    return nil
  }

  private static func isAbbreviation(_ word: Substring) -> Bool { Vocabulary.isAbbreviation(word) }

  /// The amounts of money in a sentence: the index of the number's first word, the number and
  /// its unit.
  private static func amounts(_ words: [Word]) -> [(index: Int, number: SwedishNumber, unit: String, end: Int)] {
    var result: [(Int, SwedishNumber, String, Int)] = []
    let digits = words.map { hasDigit($0.text) }
    var k = 0
    while k < words.count {
      // Cheap first, on bytes: a word with no digit, no sign and no thousands group after it
      // starts no number.
      if !mayStartAmount(words, digits, k) {
        k += 1
        continue
      }
      // A number: one word, or a thousands group after it, or a sign before it.
      var start = k
      var text = String(words[k].text)
      if text == "-" || text == "−" || text == "+", k + 1 < words.count {
        text += String(words[k + 1].text)
        start = k
        k += 1
      }
      var end = k + 1
      while end < words.count,
        mayStartWithNumber(words[end].text),
        words[end].text.count == 3 && words[end].text.allSatisfy(\.isNumber) || isGroupWithDecimals(words[end].text),
        SwedishNumber.parse(text + " " + words[end].text) != nil
      {
        text += " " + words[end].text
        end += 1
      }
      // The unit first: most numbers in prose have none.
      if end < words.count, let unit = unitWord(words, end) {
        let trimmed = text.trimmingCharacters(in: ",.;:")
        if trimmed.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), let number = SwedishNumber.parse(trimmed) {
          result.append((start, number, unit.unit, unit.end))
          k = unit.end
          continue
        }
      }
      k += 1
    }
    return result
  }

  /// False when word `k` holds no digit, is no sign and is followed by no word that may be a
  /// thousands group (one whose first character is no digit is none): no number starts there.
  private static func mayStartAmount(_ words: [Word], _ digits: [Bool], _ k: Int) -> Bool {
    if digits[k] { return true }
    let word = words[k].text
    if word.utf8.count <= 3 && (word == "-" || word == "−" || word == "+") { return true }
    guard k + 1 < words.count else { return false }
    if digits[k + 1] { return true }
    // No ASCII digit: a group only when its first character is a digit of another script.
    let next = words[k + 1].text
    guard let first = next.utf8.first, first >= 0x80 else { return false }
    return next.first?.isNumber == true
  }

  private static func hasDigit(_ word: Substring) -> Bool {
    !ByteSearch.allBytes(of: word) { $0 < 0x30 || $0 > 0x39 }
  }

  /// False when the word's first character is no number because its first byte is ASCII and
  /// no digit: the cheap test before the `Character` ones above.
  private static func mayStartWithNumber(_ word: Substring) -> Bool {
    guard let first = word.utf8.first else { return false }
    return first >= 0x80 || (first >= 0x30 && first <= 0x39)
  }

  /// A thousands group with decimals (`248,2` of `1 248,2`).
  private static func isGroupWithDecimals(_ word: Substring) -> Bool {
    let digits = word.prefix(3)
    return digits.count == 3 && digits.allSatisfy(\.isNumber) && word.dropFirst(3).first == ","
  }

  /// The unit after a number: `miljoner kronor`, `miljoner`, `mnkr`, `mkr`, `tkr`, `tusen kronor`,
  /// `miljarder`, `mdkr`.
  private static func unitWord(_ words: [Word], _ k: Int) -> (unit: String, end: Int)? {
    guard Vocabulary.mayNameMoneyUnit(words[k].text) else { return nil }
    let next = k + 1 < words.count ? SimpleText.lowercasedLetters(words[k + 1].text) : ""
    return Vocabulary.moneyUnit(SimpleText.lowercasedLetters(words[k].text), next: next).map { ($0.unit, k + $0.words) }
  }

  static let approximations: Set<String> = [
    "ca", "cirka", "drygt", "knappt", "omkring", "runt", "nästan", "närmare", "över", "under", "upp", "uppemot",
  ]
  /// The words that bind an amount to what names it (`underskott på 12,4`).
  static let binding: Set<String> = [
    "på", "om", "till", "är", "blir", "blev", "var", "med", "totalt", "sammanlagt", "därmed", "alltså", "således",
  ]

  /// True when the amount at `index` stands after a comma that closes the deviation it is
  /// (`en negativ budgetavvikelse, -0,7 mnkr.`, `en avvikelse mot budget, 1,2 mnkr.`) and ends
  /// the sentence.
  static func appositive(_ words: [Word], _ index: Int, end: Int) -> Bool {
    guard index >= 1, end == words.count, words[index - 1].text.hasSuffix(",") else { return false }
    let closing = SimpleText.keepingLetters(SimpleText.lowercased(String(words[index - 1].text)))
    if ByteSearch.has(closing, "avvikelse") { return true }
    // `avvikelse mot budget,`
    guard closing == "budget" || closing == "budgeten", index >= 3,
      SimpleText.lowercased(String(words[index - 2].text)) == "mot"
    else { return false }
    return ByteSearch.has(SimpleText.lowercased(String(words[index - 3].text)), "avvikelse")
  }

  /// Words and pairs of words that make an amount a comparison.
  static let comparisonWords: Set<String> = [
    "högre", "lägre", "bättre", "sämre", "ökning", "minskning", "förändring", "skillnad", "motsvarar", "varav",
    "överstiger", "understiger", "överskrider", "underskrider", "avviker", "justering", "justeringar",
  ]
  /// Nouns of a comparison in any of their forms (`skillnaden`, `ökningen`, `justeringar`).
  static let comparisonStems = ["skillnad", "ökning", "minskning", "förändring", "justering"]

  /// True when a lower-cased word makes an amount a comparison (``comparisonWords``, ``comparisonStems``).
  static func isComparison(_ word: String) -> Bool { isComparison(letters: SimpleText.keepingLetters(word)) }

  /// ``isComparison(_:)`` of a word's letters.
  static func isComparison(letters: String) -> Bool {
    if comparisonWords.contains(letters) { return true }
    // Cheap first: every stem starts with `s`, `m`, `f`, `j` or `ö` (a lead byte 0xC3).
    guard let first = letters.utf8.first, letters.utf8.count >= 7,
      first == UInt8(ascii: "s") || first == UInt8(ascii: "m") || first == UInt8(ascii: "f") || first == UInt8(ascii: "j")
        || first == 0xC3
    else { return false }
    return comparisonStems.contains { letters.hasPrefix($0) }
  }

  static let comparisonPairs: Set<String> = [
    "mer än", "mindre än", "jämfört med", "ökat med", "minskat med", "ökade med", "minskade med", "av budgeten",
    "i förhållande",
  ]
  /// The first words of ``comparisonPairs``: a pair can only start at one of them.
  static let comparisonPairFirsts = Set(comparisonPairs.map { String($0.prefix { $0 != " " }) })
  /// Sentence openings that name nothing.
  static let notSubjects: Set<String> = [
    "Det", "Den", "Detta", "Vi", "Man", "Här", "Då", "Nu", "Sammantaget", "Däremot", "Dessutom", "Totalt", "Även",
    "Samtidigt", "Därför", "Sammanfattningsvis", "En", "Ett", "För", "Under", "Efter", "Inför", "Med", "Av",
  ]
  static let verbs: Set<String> = [
    "redovisar", "rapporterar", "prognostiserar", "visar", "var", "blev", "är", "blir", "uppgår", "uppgick", "pekar", "räknar", "beräknas", "har",
    "hade", "ger", "gav", "landade", "förväntas", "bedöms", "budgeteras", "budgeterades", "planeras", "beräknades",
  ]

  /// Parts of the words a clause must hold for ``fact(_:_:subject:)`` to read a kind from it
  /// (`överskott`, `underskott`, `avvikelse`, `resultat`, `prognos`, `utfall`, `budgeter…`,
  /// `investering`, `kostnad`, `intäkt`, `årets`), each a run of ASCII letters of the
  /// lower-cased word that only those letters (or the Kelvin sign) can lower-case to.
  static let kindWordParts = ByteSearch.FoldedNeedles([
    "verskott", "nderskott", "kelse", "resultat", "prognos", "utfall", "budgeter", "nvestering", "kostnad", "kt", "rets",
  ])

  /// The fact a sentence (or a relative clause of one, about `subject`) states; nil when none.
  private static func fact(_ words: [Word], _ context: GridContext, subject given: String? = nil) -> Fact? {
    // Cheap first, on bytes: no kind is read without one of its words (see below).
    guard words.contains(where: { ByteSearch.containsAnyFolded($0.text, kindWordParts) }) else { return nil }
    let found = amounts(words)
    guard found.count == 1, let amount = found.first, amount.index >= 1 else { return nil }
    // Cheap first: the word binding the amount.
    guard Self.binding.contains(words[amount.index - 1].text.lowercased()) || words[amount.index - 1].text.hasSuffix(":")
      || appositive(words, amount.index, end: amount.end)
    else { return nil }
    let lower = words.map { SimpleText.lowercased(String($0.text)) }
    // Each word's letters, once: the word lists below are of letters.
    let letters = lower.map(SimpleText.keepingLetters)
    if letters.contains(where: exclusionWords.contains) { return nil }
    // Approximate or compared amounts are not read.
    if amount.index > 0, approximations.contains(letters[amount.index - 1]) { return nil }
    if letters.contains(where: isComparison(letters:)) { return nil }
    for k in lower.indices.dropLast() where comparisonPairFirsts.contains(lower[k]) {
      // `ett överskott på 3,2 mnkr jämfört med budget`: what the amount is measured against,
      // no other amount.
      if k + 2 < lower.count, SimpleText.keepingLetters(lower[k + 2]).hasPrefix("budget") { continue }
      if comparisonPairs.contains(lower[k] + " " + lower[k + 1]) { return nil }
    }
    let years = Set(words.compactMap { word -> Int? in
      guard hasDigit(word.text) else { return nil }
      let bare = word.text.trimmingCharacters(in: ",.;:()")
      return bare.count == 4 ? Vocabulary.year(in: bare) : nil
    })
    guard years.count <= 1 else { return nil }
    // The kind: from the word naming the amount, at most five words before it (`underskott
    // på 12,4`, `resultat blir 642`); a result or outcome is a forecast or a budget when the
    // sentence says so.
    let near = lower[max(0, amount.index - 6)..<amount.index]
    lazy var months = GridColumns.monthsIn(words.map { String($0.text) })
    // `på 12,4`, `om 8`, `till 642`, `är -9,6`, `blev 121,8`, `: -2 875`.
    guard amount.index >= 1 else { return nil }
    let before = lower[amount.index - 1]
    guard binding.contains(before) || before.hasSuffix(":") || appositive(words, amount.index, end: amount.end) else {
      return nil
    }
    let kind: FactKind
    var keyword: String
    // Where the word naming the amount stands, and whether it names a deficit (`underskott`,
    // `negativ budgetavvikelse`, `minusresultat`): the deviation is then negative.
    let keywordIndex: Int
    var negative = false
    lazy var planned = lower.contains { $0.hasPrefix("planer") || $0.hasPrefix("budgeter") }
    lazy var forecast = lower.contains { $0.hasPrefix("prognos") || ["beräknas", "förväntas", "räknar", "bedöms"].contains($0) }
    if let k = near.indices.last(where: {
      ByteSearch.has(near[$0], "överskott") || ByteSearch.has(near[$0], "underskott") || ByteSearch.has(near[$0], "avvikelse")
    }) {
      let word = lower[k]
      // A planned surplus is a budget; any other surplus or deficit a deviation.
      kind = planned && !ByteSearch.has(word, "avvikelse") ? .budget : .avvikelse
      keyword = word.filter(\.isLetter)
      keywordIndex = k
      negative = ByteSearch.has(word, "underskott")
      if k > 0, let sign = signAdjective(lower[k - 1]) {
        negative = negative || sign < 0
        keyword = lower[k - 1] + " " + keyword
      }
    } else if let k = near.indices.last(where: {
      near[$0].hasPrefix("plusresultat") || near[$0].hasPrefix("minusresultat")
        || near[$0].hasPrefix("resultat") && $0 > 0 && signAdjective(lower[$0 - 1]) != nil
    }) {
      // A positive or negative result (a plus or minus result) of a committee is its deviation
      // from budget; of the whole organisation it may be its result.
      guard !letters.contains(where: wholeOrganisation.contains) else { return nil }
      kind = .avvikelse
      keywordIndex = k
      if lower[k].hasPrefix("resultat") {
        negative = signAdjective(lower[k - 1]) ?? 1 < 0
        keyword = lower[k - 1] + " resultat"
      } else {
        negative = lower[k].hasPrefix("minus")
        keyword = lower[k].filter(\.isLetter)
      }
    } else if let k = near.indices.last(where: { k in
      let word = near[k]
      return ["prognos", "resultat", "utfall", "budgeter", "investering", "nettoinvestering", "nettokostnad", "kostnad", "intäkt"]
        .contains { word.hasPrefix($0) } && !word.hasPrefix("resultatfond") || word == "årets"
    }) {
      keywordIndex = k
      keyword = lower[k].filter(\.isLetter)
      if context.reportKind == "budget" {
        // In a budget, what is forecast or planned is budgeted; what was (`Nettokostnaden blev
        // 256,2 mnkr`) is an outcome of a year the sentence does not settle.
        guard !near.contains(where: { ["blev", "var", "uppgick", "landade"].contains($0) }) else { return nil }
        kind = .budget
      } else if keyword.hasPrefix("prognos") || forecast {
        // A forecast of a year after the report's is a plan: a budget year (`Vi räknar med ett
        // resultat 2026 på 320 miljoner` in 2025).
        if let year = years.first, let reportYear = context.reportYear, year > reportYear {
          kind = .budget
        } else {
          kind = .prognos
        }
      } else if keyword.hasPrefix("budgeter") || planned {
        kind = .budget
      } else {
        // An outcome in a report of part of the year is only one the sentence dates: for the
        // period, or months it names; else it may as well be the forecast it speaks of.
        let dated = lower.contains { $0.hasPrefix("perioden") || $0.hasPrefix("delåret") || $0 == "hittills" }
          || months.count >= 2 || context.reportPeriod == "helår"
        guard dated else { return nil }
        kind = .utfall
      }
    } else {
      return nil
    }
    // The word must own the amount: only linking words stand between them (`underskott för
    // helåret på 12,4`), or it is in the subject and only linking words stand between the verb
    // and the amount (`Det prognostiserade resultatet från exploateringen är 202`). `I
    // underskottet ingår kostnader för utvecklingsprojekt på 10 mnkr` is about the costs.
    let links = { (range: Range<Int>) in lower[range].allSatisfy(isLink) }
    if !links((keywordIndex + 1)..<amount.index) {
      guard let verb = lower.firstIndex(where: { verbs.contains($0) }), keywordIndex < verb, verb < amount.index,
        links((verb + 1)..<amount.index)
      else { return nil }
    }
    let year = years.first ?? context.reportYear
    // An outcome of months the sentence names (`under perioden januari–juni`) is of those months.
    let period = kind != .utfall ? "helår"
      : (months.count >= 2 ? "\(Month.abbreviation(months[0]))–\(Month.abbreviation(months[months.count - 1]))" : context.reportPeriod)
    // The subject: the words before the first verb, when they name something.
    var subject = given ?? ""
    if given == nil, let verb = lower.firstIndex(where: { verbs.contains($0) }), verb < amount.index {
      subject = Self.subject(words)
    }
    // A verb that gave the kind (`Årets resultat budgeteras till …`), or a word of the subject
    // (`Prognosen för årets investeringar är …`), names nothing the subject does not.
    let named = !subject.isEmpty && (verbs.contains(keyword) || SimpleText.lowercased(subject).contains(keyword))
    if subject.isEmpty { subject = context.section(words[amount.index].line) }
    let indicator = subject.isEmpty ? keyword : (named ? subject : subject + " – " + keyword)
    return Fact(
      report: context.reportID, section: context.section(words[amount.index].line), table: "",
      indicator: indicator, measure: keyword, kind: kind, period: period, year: year,
      value: negative && amount.number.value.mantissa > 0 ? amount.number.value.negated : amount.number.value,
      unit: amount.unit, line: words[amount.index].line + 1)
  }
}

extension StringProtocol {
  /// The text without the given characters at either end.
  ///
  /// The set is ASCII. On bytes when each byte trimmed has an ASCII byte (or the text's end)
  /// beside it on the side that stays: the byte is then a character of its own (no ASCII
  /// scalar extends or is extended by the one beside it, but CR LF, and neither is in a set).
  fileprivate func trimmingCharacters(in set: String) -> String {
    let quick = utf8.withContiguousStorageIfAvailable { bytes -> String? in
      var start = 0
      var end = bytes.count
      while start < end, set.utf8.contains(bytes[start]) {
        guard start + 1 == end || bytes[start + 1] < 0x80 else { return nil }
        start += 1
      }
      while end > start, set.utf8.contains(bytes[end - 1]) {
        guard end - 1 == start || bytes[end - 2] < 0x80 else { return nil }
        end -= 1
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
    if let quick = quick ?? nil { return quick }
    var s = Substring(self)
    while let first = s.first, set.contains(first) { s = s.dropFirst() }
    while let last = s.last, set.contains(last) { s = s.dropLast() }
    return String(s)
  }
}
