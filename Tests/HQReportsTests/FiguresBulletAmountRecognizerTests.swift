import HQData
import Testing

@testable import HQReports

@Suite struct FiguresBulletAmountRecognizerTests {
  /// `Bokslut 2024 - sammanfattning` (lines 616–641 of the 2024 annual report), read by hand.
  /// The `Ø` list stands under `… total budgetavvikelse +691 mnkr` and the header `Oktober`;
  /// line 622 speaks of `prognosen i månadsrapport efter oktober`, so the parenthesised amount
  /// is the deviation forecast after October.
  @Test func readsTheLabelledAmountsOfTheYearEndSummary() throws {
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: try FigureFixtures.annual2024())
    let facts = context.facts.filter { $0.line >= 616 }
    typealias Row = (indicator: String, measure: String, kind: FactKind, value: Number, line: Int)
    var expected: [Row] = [
      ("Årets resultat", "", .utfall, 5, 617),
      ("Balanskrav", "", .utfall, -163, 617),
      ("Budgeten för 2024", "", .budget, -686, 624),
      ("Total budgetavvikelse", "", .avvikelse, 691, 624),
    ]
    let deviations: [(String, Number, Number, Int)] = [
      ("Generella statsbidrag och utjämning", 423, 423, 627),
      ("Finansiella intäkter", 384, 415, 629),
      ("Läkemedelsbidraget", 58, 60, 631),
      ("Utvecklingsmedel", 58, 46, 633),
      ("Nämnder totalt", -140, -136, 635),
      ("Skatteintäkter", -49, 9, 637),
      ("Vårdgarantikostnader", -53, -60, 639),
      ("Pensionskostnader", -94, -86, 641),
    ]
    for (label, actual, october, line) in deviations {
      expected.append((label, "Budgetavvikelse", .avvikelse, actual, line))
      expected.append((label, "Prognos oktober", .avvikelse, october, line))
    }
    #expect(facts.count == expected.count)
    for (fact, want) in zip(facts, expected) {
      #expect(fact.indicator == want.indicator)
      #expect(fact.measure == want.measure, "\(want.indicator)")
      #expect(fact.kind == want.kind, "\(want.indicator)")
      #expect(fact.value == want.value, "\(want.indicator) \(want.measure)")
      #expect(fact.line == want.line, "\(want.indicator)")
      #expect(fact.unit == "mnkr" && fact.year == 2024 && fact.period == "")
      #expect(fact.table == "Bokslut 2024 - sammanfattning")
    }
  }

  /// `Resor och transporter: Persontransporter` (lines 259–268): items that start with their
  /// amount. `ü 182 laddpunkter för internt bruk, 58 publika` holds two amounts for one noun
  /// and is left alone.
  @Test func readsItemsThatStartWithTheirAmount() throws {
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: try FigureFixtures.annual2024())
    let facts = context.facts.filter { (259...268).contains($0.line) }
    #expect(facts.map(\.indicator) == [
      "Elbilar", "Elbilar, varav poolbilar", "Bilar totalt", "HVO100 i ambulanser", "HVO100 i ambulanser",
    ])
    #expect(facts.map(\.value) == [65, 44, 319, 32, 70])
    #expect(facts.map(\.unit) == ["", "", "", "%", "%"])
    #expect(facts.map(\.kind) == [.värde, .värde, .värde, .värde, .mål])
    #expect(facts.map(\.measure) == ["", "", "", "", "Mål"])
    #expect(facts.map(\.line) == [262, 262, 263, 265, 265])
    #expect(facts.allSatisfy { $0.year == 2024 && $0.table == "Resor och transporter: Persontransporter" })
    #expect(!context.isClaimed(268 - 1))
  }

  /// Line 185: `● Successiv övergång till HVO100 i ambulanserna – 32 % 2024, mål 70 % 2025`, in
  /// the list under `Region Hallands interna klimat- och miljöarbete` (line 167; line 170 goes on
  /// with the item of line 168, which stops on `för`).
  @Test func readsDatedAmountsAfterALabel() throws {
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: try FigureFixtures.annual2024())
    let facts = context.facts.filter { $0.line == 185 }
    #expect(facts.map(\.indicator) == Array(repeating: "Successiv övergång till HVO100 i ambulanserna", count: 2))
    #expect(facts.map(\.value) == [32, 70])
    #expect(facts.map(\.unit) == ["%", "%"])
    #expect(facts.map(\.year) == [2024, 2025])
    #expect(facts.map(\.kind) == [.värde, .mål])
    #expect(facts.map(\.measure) == ["", "Mål"])
    #expect(facts.allSatisfy { $0.table == "Region Hallands interna klimat- och miljöarbete" })
    #expect(context.facts.filter { $0.line < 259 }.count == 2)
  }

  @Test func leavesSentencesAndUnclearParenthesesAlone() throws {
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: try FigureFixtures.annual2024())
    // `… är resultatet 54 mnkr sämre`, `med 167 mnkr under 2024`, `… minskade med 10 %`,
    // `… 80 % (RGS 95 %)`, `… 32 % 2024, mål 70 % 2025`.
    // `… 2025 - 2032 antogs i fullmäktige`, `9 nya … vårdförlopp (PSVF) har införts i regionen.`,
    // `68 procent av hallänningarna …`.
    for line in [622, 619, 620, 191, 189, 38, 419, 420, 388] {
      #expect(!context.isClaimed(line - 1), "line \(line)")
      #expect(!context.facts.contains { $0.line == line }, "line \(line)")
    }
  }

  @Test func findsNoLabelledAmountsInThe2017FollowUpReport() throws {
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: try FigureFixtures.followUp2017())
    #expect(context.facts.isEmpty)
  }

  /// Another report: previous-year figures in parentheses, an item wrapped over two lines, a
  /// label ending in `:`, percentages and tkr.
  @Test func readsPreviousYearAmountsOfASyntheticSummary() {
    let text = FigureFixtures.text("""
      Ekonomi i sammandrag 2023 (föregående år inom parentes)
      • Nettokostnadsökning: 4,2 % (5,1 %)
      • Investeringar uppgick till 812 mnkr (640 mnkr)
      • Kostnader för inhyrd\u{20}
      personal 35 400 tkr (41 200 tkr)
      • Antalet anställda ökade med 120 personer
      """, year: 2023)
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: text)
    #expect(context.facts.map(\.indicator) == [
      "Nettokostnadsökning", "Nettokostnadsökning", "Investeringar", "Investeringar",
      "Kostnader för inhyrd personal", "Kostnader för inhyrd personal",
    ])
    #expect(context.facts.map(\.value) == [Number(mantissa: 42, scale: 1), Number(mantissa: 51, scale: 1), 812, 640, 35_400, 41_200])
    #expect(context.facts.map(\.unit) == ["%", "%", "mnkr", "mnkr", "tkr", "tkr"])
    #expect(context.facts.map(\.measure) == ["", "Föregående år", "", "Föregående år", "", "Föregående år"])
    #expect(context.facts.map(\.year) == [2023, 2022, 2023, 2022, 2023, 2022])
    #expect(context.facts.map(\.line) == [2, 2, 3, 3, 5, 5])
    #expect(context.facts.allSatisfy { $0.kind == .värde && $0.table == "Ekonomi i sammandrag 2023 (föregående år inom parentes)" })
  }

  @Test func keepsAnUnexplainedParenthesisedAmountAsAValue() {
    let text = FigureFixtures.text("""
      Utfall per nämnd
      - Kulturnämnden +12 mnkr (+8 mnkr)
      """)
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: text)
    #expect(context.facts.map(\.measure) == ["", "Inom parentes"])
    #expect(context.facts.map(\.kind) == [.utfall, .värde])
    #expect(context.facts.map(\.value) == [12, 8])
  }

  @Test func readsAmountFirstItemsOfASyntheticList() {
    let text = FigureFixtures.text("""
      Miljöbokslut 2023
      - 1 250 solpaneler (varav 300 på sjukhusen)
      - 48 % förnybar el (mål 60 %)
      - 12 nya laddstolpar har byggts.
      - 2030 ska alla fordon vara fossilfria
      """)
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: text)
    #expect(context.facts.map(\.indicator) == [
      "Solpaneler", "Solpaneler, varav på sjukhusen", "Förnybar el", "Förnybar el",
    ])
    #expect(context.facts.map(\.value) == [1_250, 300, 48, 60])
    #expect(context.facts.map(\.kind) == [.utfall, .utfall, .utfall, .mål])
    #expect(context.facts.allSatisfy { $0.year == 2023 })
  }

  @Test func readsDatedAmountsOfASyntheticItem() {
    let text = FigureFixtures.text("""
      Energi
      ● Solel på egna tak – 4,2 GWh 2023, mål 6 GWh 2026
      ● Plan för 2025 - 2030 antagen
      """)
    let amounts = BulletAmount.read("● Andel förnybart – 61 % 2022, målet 75 % 2030")
    #expect(amounts.map(\.value.value) == [61, 75])
    #expect(amounts.map(\.labelYear) == [2022, 2030])
    #expect(amounts.map(\.kind) == [nil, .mål])
    // `GWh` is no unit of amounts: the item is left alone rather than guessed.
    let context = FigureFixtures.run(BulletAmountRecognizer(), on: text)
    #expect(context.facts.isEmpty)
  }

  /// Items cut at dashes standing as words; hyphens inside words and signs stay.
  @Test func segmentsAtDashWords() {
    #expect(
      BulletAmount.segments(of: "Årets resultat +5 mnkr - balanskrav -163 mnkr")
        == ["Årets resultat +5 mnkr", "balanskrav -163 mnkr"])
    #expect(BulletAmount.segments(of: "Solel – 4,2 GWh 2023") == ["Solel", "4,2 GWh 2023"])
    #expect(BulletAmount.segments(of: "- Kostnad -") == ["Kostnad"])
    #expect(BulletAmount.segments(of: "hälso- och sjukvård") == ["hälso- och sjukvård"])
    #expect(BulletAmount.segments(of: "") == [])
    // Not simple text (a combining mark): read by `Character`s, with the same cut.
    #expect(BulletAmount.segments(of: "Cafe\u{301} - 5 %") == ["Cafe\u{301}", "5 %"])
  }

  /// The cheap test before an item is read: a unit, or a first word written as a number.
  @Test func mayHoldAmount() {
    func may(_ text: String) -> Bool {
      Array(text.utf8).withUnsafeBufferPointer(BulletAmount.mayHoldAmount)
    }
    #expect(may("Årets resultat +5 mnkr"))
    #expect(may("Budgeten uppgick till -686 mnkr (efter resultathantering)"))
    #expect(may("319 bilar totalt"))
    #expect(may("- 5 elbilar"))
    #expect(may("Kostnad 12 kr(ca)"))
    #expect(may("Andel 61 procent, mål 70 procent"))
    #expect(may("Sjukfrånvaro 5,8%"))
    #expect(!may("Beslut om budget 2024 togs i juni"))
    #expect(!may("stöd till 45 projekt"))
    #expect(!may("Styrelsen beslutade 2024"))
    // What the cheap test lets through is read as before; what it stops reads as nothing.
    #expect(BulletAmount.read("● Beslut om budget 2024 togs i juni").isEmpty)
    #expect(BulletAmount.read("● Årets resultat +5 mnkr").map(\.value.value) == [5])
  }
}
