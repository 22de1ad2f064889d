import HQData
import Testing

@testable import HQReports

/// Amounts stated in running text (`Grid/ProseAmounts.swift`), each rule on sentences written
/// for the test (other organisations, words and numbers than the dev reports). Every expected
/// value was worked out by hand from the sentence. Line numbers count from 1 with the title on
/// line 1 and the body from line 3.
@Suite struct ProseAmountsTests {
  static func facts(_ body: String, title: String = "Nämndens årsredovisning 2031") -> [Fact] {
    ReportIngester.ingest(text: title + "\n\n" + body, source: "test.txt").model.facts
  }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  /// A deficit is a negative deviation, as a table prints it.
  @Test func aDeficitIsANegativeDeviation() {
    let facts = Self.facts("""
      Hamnnämnden redovisar ett underskott på 3,7 mnkr för året som helhet.
      """)
    #expect(facts.count == 1)
    #expect(facts.first?.kind == .avvikelse)
    #expect(facts.first?.value == Self.n("-3.7"))
    #expect(facts.first?.unit == "mnkr")
    #expect(facts.first?.year == 2031)
    #expect(facts.first?.period == "helår")
    #expect(facts.first?.indicator == "Hamnnämnden – underskott")
  }

  /// Words that say the sign: `negativ`/`positiv` before a deviation or a result, `minus`/`plus`
  /// in a compound; a forecast plus result is the forecast deviation, not the forecast.
  @Test func signWordsGiveTheDeviationItsSign() {
    let facts = Self.facts("""
      Kulturnämnden visar ett plusresultat på 2,2 mnkr för helåret.

      Fastighetsnämnden redovisar ett minusresultat på 1,8 mnkr för helåret.

      Servicenämnden har en negativ budgetavvikelse på 4,1 mnkr för helåret.

      Miljönämnden prognostiserar ett plusresultat på 3,3 mnkr för helåret.

      Hamnnämnden redovisar ett negativt resultat på 0,9 mnkr för helåret.
      """)
    #expect(facts.map(\.kind) == [.avvikelse, .avvikelse, .avvikelse, .avvikelse, .avvikelse])
    #expect(facts.map(\.value) == ["2.2", "-1.8", "-4.1", "3.3", "-0.9"].map(Self.n))
    #expect(facts.map(\.measure) == ["plusresultat", "minusresultat", "negativ budgetavvikelse", "plusresultat", "negativt resultat"])
  }

  /// A plus result of the whole organisation may be its result or its deviation, and an amount
  /// leaving something out is not the whole one: neither is read.
  @Test func aWholeOrganisationsPlusResultAndPartialAmountsAreNotRead() {
    let facts = Self.facts("""
      Prognosen för regionen som helhet visar ett plusresultat på 118 miljoner kronor.

      Exklusive markförsäljningen redovisar nämnden ett överskott på 2,6 mnkr för helåret.

      Frånsett de statliga bidragen räknar nämnden med ett plusresultat på 1,4 mnkr.

      Hamnnämnden redovisar en positiv avvikelse för år 2031 på totalt +5,2 mnkr.
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.map(\.kind) == [.avvikelse])
    #expect(facts.map(\.value) == [Self.n("5.2")])
    #expect(facts.map(\.line) == [9])
  }

  /// A short line without a full stop over a line opening in upper case is a heading: its words
  /// (`exklusive …`) are no part of the sentence below.
  @Test func aHeadingLineIsNoPartOfTheSentenceBelow() {
    let facts = Self.facts("""
      2) Nettokostnad exklusive statliga engångsbidrag
      Prognosen är att årets resultat blir 77 miljoner kronor för hamnen och färjorna.
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.map(\.kind) == [.prognos])
    #expect(facts.map(\.value) == [Self.n("77")])
    #expect(facts.map(\.line) == [4])
  }

  /// The word naming the kind must own the amount: what is part of a surplus, with its own noun
  /// before the amount, is not the surplus.
  @Test func anAmountOwnedByAnotherNounIsNotRead() {
    let facts = Self.facts("""
      I överskottet ingår intäkter från markförsäljning på 7 mnkr som inte var budgeterade.

      Hamnbolaget redovisar ett överskott för helåret på 9,5 mnkr enligt bokslutet.
      """)
    #expect(facts.map(\.kind) == [.avvikelse])
    #expect(facts.map(\.value) == [Self.n("9.5")])
    #expect(facts.map(\.line) == [5])
  }

  /// A difference between two things (`Skillnaden mellan utfallet och prognosen`) or a change is
  /// no amount of either, in any form of the noun.
  @Test func differencesAndChangesAreNotRead() {
    let facts = Self.facts("""
      Skillnaden mellan utfallet och prognosen i delåret är 4,2 miljoner kronor för nämnden.

      Förändringen av resultatet är 3 mnkr sedan förra uppföljningen av verksamheten.
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.isEmpty)
  }

  /// An article before a noun phrase opens a subject (`Den avgiftsfinansierade verksamheten`);
  /// the indicator is the phrase without it, not the section's title.
  @Test func aSubjectOpenedByAnArticle() {
    let facts = Self.facts("""
      Den avgiftsfinansierade verksamheten redovisar ett utfall för 2031 om 88,4 miljoner kronor.
      """)
    #expect(facts.map(\.kind) == [.utfall])
    #expect(facts.map(\.value) == [Self.n("88.4")])
    #expect(facts.map(\.indicator) == ["Avgiftsfinansierade verksamheten – utfall"])
    let forecast = Self.facts("""
      Det prognostiserade resultatet från markexploateringen är 31 mnkr för helåret.
      """, title: "Delårsrapport augusti 2031")
    #expect(forecast.map(\.kind) == [.prognos])
    #expect(forecast.map(\.indicator) == ["Prognostiserade resultatet från markexploateringen"])
  }

  /// In a budget, what is planned is budgeted, but what an amount was (`blev`, `uppgick`) is an
  /// outcome of a year the sentence does not name: not read.
  @Test func inABudgetWhatWasIsNoBudget() {
    let facts = Self.facts("""
      Nettokostnaden blev 512,3 mnkr under fjolåret.

      Investeringarna uppgick till 88 mnkr.

      Nettokostnaden för hamnen beräknas till 530,1 mnkr.
      """, title: "Budget 2031 med plan 2032–2033")
    #expect(facts.map(\.kind) == [.budget])
    #expect(facts.map(\.value) == [Self.n("530.1")])
    #expect(facts.map(\.line) == [7])
  }

  /// `jämfört med budget` says what a surplus is measured against, no second amount: the
  /// surplus is read; compared with another amount or year it is not.
  @Test func aSurplusComparedWithTheBudget() {
    let facts = Self.facts("""
      Hamnförbundet redovisar för 2031 ett överskott på 6,4 mnkr jämfört med budgeten.

      Hamnförbundet redovisar ett underskott på 2,1 mnkr jämfört med 2030.
      """)
    #expect(facts.map(\.kind) == [.avvikelse])
    #expect(facts.map(\.value) == [Self.n("6.4")])
    #expect(facts.first?.year == 2031 && facts.first?.period == "helår")
  }

  @Test func aForecastResultAndABudgetedResult() {
    let facts = Self.facts("""
      Prognosen för årets resultat är 44,5 miljoner kronor enligt den senaste bedömningen.

      Årets resultat budgeteras till 12 tkr i den beslutade budgeten för nämnden.
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.map(\.kind) == [.prognos, .budget])
    #expect(facts.map(\.value) == ["44.5", "12"].map(Self.n))
    #expect(facts.map(\.unit) == ["mnkr", "tkr"])
    #expect(facts.allSatisfy { $0.period == "helår" && $0.year == 2031 })
  }

  /// An amount with thousands and decimals (`2 317,6`), also across a line break, and the
  /// sentence's subject as the indicator when the kind came from its verb or its own words.
  @Test func thousandsWithDecimalsAndTheSubjectAsIndicator() {
    let facts = Self.facts("""
      Arbetet med depån har gått enligt plan under perioden. Prognosen för nämndens
      nettokostnad är 2 317,6 miljoner kronor.

      Hamnens resultat budgeteras till 1 004,25 tkr i den beslutade budgeten.
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.map(\.kind) == [.prognos, .budget])
    #expect(facts.map(\.value) == ["2317.6", "1004.25"].map(Self.n))
    #expect(facts.map(\.line) == [4, 6])
    #expect(facts.map(\.indicator) == ["Prognosen för nämndens nettokostnad", "Hamnens resultat"])
  }

  @Test func approximateComparedAndTwoAmountSentencesAreNotRead() {
    let facts = Self.facts("""
      Nämnden redovisar ett överskott på cirka 2,0 mnkr för året som helhet.

      Kostnaderna blev 1,5 mnkr högre än budget under året för färjetrafiken.

      Intäkterna var 4,0 mnkr och kostnaderna 6,5 mnkr för hela året i nämnden.
      """)
    #expect(facts.isEmpty)
  }

  /// A relative clause is read on its own, about the sentence's subject: the outcome in the
  /// main clause and the deviation in the clause; the percentage that restates it is no money.
  @Test func aRelativeClauseStatesItsOwnAmount() {
    let facts = Self.facts("""
      Fritidsnämnden redovisar ett utfall om 77,3 miljoner kronor, vilket är en budgetavvikelse om -2,4 mnkr, som motsvarar -3,1 procent.
      """)
    #expect(facts.map(\.kind) == [.utfall, .avvikelse])
    #expect(facts.map(\.value) == ["77.3", "-2.4"].map(Self.n))
    #expect(facts.allSatisfy { $0.unit == "mnkr" && $0.year == 2031 && $0.period == "helår" })
    #expect(facts.map(\.indicator) == ["Fritidsnämnden – utfall", "Fritidsnämnden – budgetavvikelse"])
  }

  /// A forecast of a year after the report's is a plan: a budget of that year.
  @Test func aForecastOfALaterYearIsABudget() {
    let facts = Self.facts("""
      Vi räknar med ett resultat 2033 på 58 miljoner kronor för kommunen som helhet.
      """, title: "Delårsrapport augusti 2031")
    #expect(facts.count == 1)
    #expect(facts.first?.kind == .budget)
    #expect(facts.first?.year == 2033)
    #expect(facts.first?.value == Self.n("58"))
  }

  /// A clause stating one percentage with `har varit`, `är`, `uppgick till` is an outcome of the
  /// period it names (or of the year in an annual report), about its subject.
  @Test func aPercentageStatedAsItStands() {
    let facts = Self.facts("""
      Frånvaron bland lärarna under första halvåret har varit 5,4 % vilket är något lägre än väntat.

      Personalomsättningen för hela nämnden uppgick till 12,5 procent i jämförelse med fjolårets siffror.

      Andelen behöriga lärare i nämndens skolor är 88 %, vilket motsvarar 311 lärare.
      """, title: "Nämndens delårsrapport augusti 2031")
    #expect(facts.count == 1)
    #expect(facts.first?.indicator == "Frånvaron bland lärarna")
    #expect(facts.first?.value == Self.n("5.4"))
    #expect(facts.first?.unit == "%")
    #expect(facts.first?.kind == .utfall)
    #expect(facts.first?.period == "jan–jun")
    #expect(facts.first?.year == 2031)
  }

  /// In a report of part of the year, the period a sentence names goes on for the later
  /// sentences of its paragraph, and no further: an undated percentage in the next paragraph is
  /// not read. A place put before the verb qualifies the subject after it.
  @Test func theParagraphsPeriodGoesOnForItsLaterSentences() {
    let facts = Self.facts("""
      Korttidsfrånvaron under perioden januari–april har varit 3,2 %. Den är högst i kök och städ.
      Korttidsfrånvaro för hela staden är 3,9 %. Inom hemtjänsten har korttidsfrånvaron varit 5,1 %.

      Frånvaro för vikarier är 4,4 %.
      """, title: "Nämndens tertialrapport april 2031")
    #expect(facts.map(\.indicator) == ["Korttidsfrånvaron", "Korttidsfrånvaro för hela staden", "Korttidsfrånvaron inom hemtjänsten"])
    #expect(facts.map(\.value) == [Self.n("3.2"), Self.n("3.9"), Self.n("5.1")])
    #expect(facts.map(\.period) == ["jan–apr", "jan–apr", "jan–apr"])
  }

  /// In an annual report an undated percentage is of the year; targets, forecasts, changes
  /// (`procentenheter`) and approximations are not read.
  @Test func aPercentageInAnAnnualReportAndOnesThatAreNotOutcomes() {
    let facts = Self.facts("""
      Sjukfrånvaron i förvaltningen var 6,1 % och därmed i nivå med kommunen som helhet.

      Målet är att sjukfrånvaron ska vara 5,0 % för förvaltningen som helhet år 2033.

      Personalomsättningen har varit 2,5 procentenheter lägre än i fjol för hela förvaltningen.

      Andelen elever med godkända betyg har varit cirka 91 % i nämndens skolor.
      """)
    #expect(facts.map(\.indicator) == ["Sjukfrånvaron i förvaltningen"])
    #expect(facts.map(\.value) == [Self.n("6.1")])
    #expect(facts.map(\.period) == ["helår"])
  }

  /// An amount that overruns, undershoots or adjusts something is a comparison, not an outcome.
  @Test func amountsThatExceedOrAdjustAreNotRead() {
    let facts = Self.facts("""
      Kostnaderna för hyror överstiger budget med 2 mkr för helåret i nämnden.

      Intäkterna avviker med -6,2 mkr mot budget främst på grund av lägre taxor.

      Justeringar av resultatet med totalt -3,5 mkr förväntas under hösten i nämnden.
      """)
    #expect(facts.isEmpty)
  }

  /// A row label of running text (sentences above a lone number such as a page number) names
  /// no row; a long row name without a sentence end does.
  @Test func runningTextIsNoRowLabel() {
    #expect(TableScan.isRunningText("Diagrammet ovan visar skulden. Prognosen bygger på beräkningar"))
    #expect(!TableScan.isRunningText(
      "Faktiska kostnader för införandet - resurser förvaltningarna samt PVG - dels finansierat av befintliga ramar dels av utvecklingsmedel (HoS)"))
    #expect(!TableScan.isRunningText("Resultat efter finansiella poster"))
  }

  /// A line of its own naming a unit and its deviation (`<label>, avvikelse <amount> <unit>`,
  /// the unit maybe repeated in parentheses) heads the paragraph about it: the label is the
  /// indicator, the deviation of the report's year; `underskott` is negative. A line going on
  /// after the unit, or naming no deviation, is no such heading.
  @Test func aHeadingStatingAUnitsDeviation() {
    let facts = Self.facts("""
      Simhallar (SH), avvikelse +0,8 miljoner kronor (mkr)
      Simhallarna har haft fler besökare än väntat och intäkterna blev därför högre än budget, framför allt under sommaren.

      Fritidsgårdar, underskott 2,5 mkr
      Fritidsgårdarna har haft högre kostnader för vikarier. Hyran höjdes med 0,4 mkr från mars.

      Bibliotek, avvikelse -1,1 mkr jämfört med 2030
      Ishallen, kostnad 3,9 mkr
      """, title: "Fritidsnämndens årsredovisning 2031")
    let simhallar = facts.filter { $0.line == 3 }
    #expect(simhallar.map(\.indicator) == ["Simhallar (SH)"])
    #expect(simhallar.map(\.value) == [Self.n("0.8")])
    #expect(simhallar.first?.kind == .avvikelse && simhallar.first?.year == 2031 && simhallar.first?.period == "helår")
    #expect(simhallar.first?.unit == "mnkr")
    let gardar = facts.filter { $0.line == 6 }
    #expect(gardar.map(\.indicator) == ["Fritidsgårdar"])
    #expect(gardar.map(\.value) == [Self.n("-2.5")])
    #expect(!facts.contains { $0.line == 9 || $0.line == 10 })
  }

  /// An adverb that draws the conclusion (`därmed`, `alltså`, `således`) may stand between the
  /// verb and the amount it binds.
  @Test func aConcludingAdverbBindsTheAmount() {
    let facts = Self.facts("""
      Hamnverksamheten hade budgeterat ett nollresultat för året. Avvikelsen mot budget är därmed -1,7 miljoner kronor.

      Färjetrafiken har haft fler resenärer än väntat. Överskottet blir således 0,6 miljoner kronor.
      """, title: "Hamnnämndens årsredovisning 2031")
    let harbour = facts.filter { $0.line == 3 }
    #expect(harbour.map(\.value) == [Self.n("-1.7")])
    #expect(harbour.first?.kind == .avvikelse && harbour.first?.year == 2031 && harbour.first?.unit == "mnkr")
    let ferries = facts.filter { $0.line == 5 }
    #expect(ferries.map(\.value) == [Self.n("0.6")])
    #expect(ferries.first?.kind == .avvikelse)
  }

  /// An amount set off by a comma after the deviation it is, ending the sentence
  /// (`… en negativ budgetavvikelse, -0,9 mnkr.`, `… en avvikelse mot budget, 1,3 mnkr.`); an
  /// amount after a comma that closes no deviation is not bound.
  @Test func anAmountSetOffAfterItsDeviation() {
    let facts = Self.facts("""
      Parkförvaltningen redovisar en negativ budgetavvikelse, -0,9 mnkr. Det beror på höga kostnader för snöröjning.

      Gatuförvaltningen redovisar en positiv avvikelse mot budget, 1,3 mnkr. Det beror på vakanser.

      Hamnförvaltningen redovisar en avvikelse mot budget för kajerna, 2,4 mnkr.
      """, title: "Tekniska nämndens årsredovisning 2031")
    let parks = facts.filter { $0.line == 3 }
    #expect(parks.map(\.value) == [Self.n("-0.9")])
    #expect(parks.first?.kind == .avvikelse && parks.first?.year == 2031 && parks.first?.unit == "mnkr")
    let streets = facts.filter { $0.line == 5 }
    #expect(streets.map(\.value) == [Self.n("1.3")])
    #expect(streets.first?.kind == .avvikelse)
    #expect(!facts.contains { $0.line == 7 })
  }
}
