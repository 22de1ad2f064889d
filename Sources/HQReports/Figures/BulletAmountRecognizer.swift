import HQData

/// Reads labelled amounts in bullet lists, where the label and the amount are unambiguous:
///
///     Bokslut 2024 - sammanfattning
///     ● Årets resultat +5 mnkr - balanskrav -163 mnkr (synnerliga skäl att inte återställa)
///     ● Jämfört med prognosen i månadsrapport efter oktober är resultatet 54 mnkr sämre
///     ● Budgeten för 2024 uppgick till -686 mnkr (efter resultathantering) - total budgetavvikelse +691 mnkr
///     Oktober
///
///     Ø Generella statsbidrag och utjämning +423 mnkr (+423 mnkr)
///
/// Rules (see ``BulletAmount`` for how one item is read):
/// - An item is a bullet line (``FigureText/bullet(_:)``) and the one or two lines that follow it
///   directly (no blank between, no bullet) when they start in lower case.
/// - An item splits at a dash between spaces (` - `, ` – `) into segments; each segment that
///   ends in an amount with a unit (`+5 mnkr`, `-163 mnkr`, `12 %`) gives a fact. A segment
///   without an amount is kept as the start of the next segment's label.
/// - A list is a run of items with the same bullet mark, blank and continuation lines between
///   them allowed. A short line (one or two words, no digits) directly above a list's first
///   item is the header of the list's parenthesised column (`Oktober`). The lead-in is the item
///   or line just above the list (and its header).
/// - Main fact: kind `avvikelse` with measure the lead-in's word for it (`budgetavvikelse` →
///   `Budgetavvikelse`) when the lead-in speaks of a deviation; else the label's kind
///   (``FigureText/kind(ofLabel:)``), else `utfall` when the caption above the list speaks of
///   an outcome (`bokslut`, `utfall`, `resultat`, `årsredovisning`), else `värde`; measure
///   empty outside a deviation list.
/// - The parenthesised amount (`(+423 mnkr)`) is a second fact whose meaning the text around
///   the list gives: under a month header (`Oktober`) that a line above the list names
///   together with `prognos` (`prognosen i månadsrapport efter oktober`), it is that forecast of
///   the same figure: same kind, measure `Prognos oktober`. Under another header, the header is
///   the measure (its kind from its words, else the main fact's; a year header gives the
///   year). Without a header, a lead-in or caption speaking of `föregående år` makes it the
///   previous year's figure (measure `Föregående år`, year − 1); otherwise its meaning is not
///   stated and it is kept as kind `värde`, measure `Inom parentes`.
/// - An item may also start with its amount (`32 % HVO100 i ambulanser (mål 70 %)`, `319 bilar
///   totalt`; rules in ``BulletAmount/init(numberFirst:)``). A parenthesis naming a target gives
///   a `mål` fact (measure `Mål`, year as the main fact's); `varav 44 poolbilar` gives a fact for
///   the part (indicator `Elbilar, varav poolbilar`).
/// - After a label segment, a segment of dated amounts (`Successiv övergång till HVO100 i
///   ambulanserna – 32 % 2024, mål 70 % 2025`) gives one fact per amount, the year as written,
///   `mål` amounts as kind `mål` with measure `Mål`.
/// - Year: a year written in the label or after the amount, else the caption's last year, else
///   the report's.
struct BulletAmountRecognizer: LineStartRecognizer {
  var name: String { "bullet-amounts" }

  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext) {
    for list in BulletList.lists(in: text, starts: starts, context: context) {
      // What the text around the list says is read once, and only for a list with amounts.
      var setting: ListSetting?
      for item in list.items where item.hasDigit(in: text) {
        let amounts = BulletAmount.read(item.text(in: text))
        guard !amounts.isEmpty else { continue }
        let listSetting = setting ?? ListSetting(list, text: text)
        setting = listSetting
        emit(amounts, of: item, setting: listSetting, text: text, context: &context)
      }
    }
  }

  private func emit(
    _ amounts: [BulletAmount], of item: BulletItem, setting: ListSetting, text: ReportText,
    context: inout RecognitionContext
  ) {
    for amount in amounts {
      let year = amount.labelYear ?? setting.captionYear ?? text.reportYear
      let kind = amount.kind ?? setting.mainKind ?? FigureText.kind(ofLabel: amount.label) ?? setting.defaultKind
      let section = FigureText.section(text, item.amountLine)
      context.facts.append(Fact(
        report: text.reportID, section: section, table: setting.table, indicator: amount.label,
        measure: amount.kind == .mål ? "Mål" : setting.mainMeasure, kind: kind, year: year, value: amount.value.value, unit: amount.value.unit,
        line: item.amountLine + 1))
      if let second = amount.parenthesised {
        var meaning = setting.secondMeaning(mainKind: kind, year: year)
        var indicator = amount.label
        switch amount.parenthesisedRole {
        case .unexplained: break
        case .target: meaning = ("Mål", .mål, year)
        case .part(let name):
          indicator = amount.label + ", varav " + name
          meaning = (setting.mainMeasure, kind, year)
        }
        context.facts.append(Fact(
          report: text.reportID, section: section, table: setting.table, indicator: indicator,
          measure: meaning.measure, kind: meaning.kind, year: meaning.year, value: second.value, unit: second.unit,
          line: item.amountLine + 1))
      }
    }
    context.claim(item.lines)
  }
}

/// What the text around a bullet list says about its amounts.
struct ListSetting {
  var table: String
  var captionYear: Int?
  /// `avvikelse` when the lead-in speaks of a deviation, nil otherwise.
  var mainKind: FactKind?
  var mainMeasure: String
  var defaultKind: FactKind
  /// The parenthesised column's header (`Oktober`), nil when none.
  var header: String?
  /// True when a line above the list names the header together with `prognos`.
  var headerIsForecast: Bool
  /// True when the lead-in or caption speaks of the previous year.
  var mentionsPreviousYear: Bool

  init(_ list: borrowing BulletList, text: borrowing ReportText) {
    let caption = BulletList.caption(above: list.firstLine, in: text)
    table = caption?.text ?? FigureText.section(text, list.firstLine)
    captionYear = caption.flatMap { FigureText.years(in: $0.text).last }
    let (listHeader, leadIn) = list.surroundings(in: text)
    let lead = leadIn.map(SimpleText.lowercased) ?? ""
    let deviationWord = !ByteSearch.contains(lead, "avvikelse") ? nil : lead.split(ascii: " ").map(FigureText.trimmingPunctuation).first { ByteSearch.has($0, "avvikelse") }
    mainKind = deviationWord == nil ? nil : .avvikelse
    mainMeasure = deviationWord.map { FigureText.capitalized(String($0)) } ?? ""
    let captionText = caption.map { SimpleText.lowercased($0.text) } ?? ""
    let outcome = ByteSearch.has(captionText, "bokslut") || ByteSearch.has(captionText, "utfall")
      || ByteSearch.has(captionText, "resultat") || ByteSearch.has(captionText, "årsredovisning")
    defaultKind = !captionText.isEmpty && outcome ? .utfall : .värde
    header = listHeader
    headerIsForecast = listHeader.map { h in
      let header = SimpleText.lowercased(h)
      return list.context(in: text).contains { line in
        guard ByteSearch.containsFolded(line, "prognos") else { return false }
        let lower = SimpleText.lowercased(line)
        return lower.contains("prognos") && lower.contains(header)
      }
    } ?? false
    mentionsPreviousYear = ByteSearch.has((lead + " " + captionText), "föregående år")
  }

  /// The measure, kind and year of a parenthesised amount (see ``BulletAmountRecognizer``).
  func secondMeaning(mainKind: FactKind, year: Int?) -> (measure: String, kind: FactKind, year: Int?) {
    if let header {
      if headerIsForecast { return ("Prognos " + header.lowercased(), mainKind, year) }
      if let headerYear = FigureText.year(header) { return (header, .utfall, headerYear) }
      return (header, FigureText.kind(ofLabel: header) ?? mainKind, year)
    }
    if mentionsPreviousYear { return ("Föregående år", mainKind, year.map { $0 - 1 }) }
    return ("Inom parentes", .värde, year)
  }
}
