import HQData
import Testing

@testable import HQReports

/// Notes under a table naming the years its rows lack (``ColumnNotes``), each rule on tables
/// written for the test with other words, years and forms than the report that prompted it.
/// Every expected value was worked out by hand from the text; line numbers count from 1 with
/// the title on line 1 and the body from line 3.
@Suite struct ColumnNotesTests {
  static func read(_ body: String) -> (facts: [Fact], unread: [UnreadNumber]) {
    TextTablesTests.read(body, title: "Delårsrapport Kultur & Fritid augusti 2030")
  }

  static func n(_ text: String) -> Number { IngestFixtures.number(text) }

  /// A note with no topic (`Statistik för 2030 publiceras …`) covers every row: three numbers
  /// under four year columns are 2027–2029; a row of two stays unread (no note leaves two
  /// columns); a full row is read as it is.
  @Test func aNoteWithoutATopicPlacesEveryShortRow() {
    let (facts, unread) = Self.read("""
      Nyckeltal                 Utfall  Utfall  Utfall  Utfall
      2027    2028    2029    2030
      Besök på biblioteken     812     798     840
      Lån per invånare          5,1     4,8     4,9     3,2
      Evenemang, antal          412     398
      Statistik för 2030 publiceras vecka 12 2031.
      """)
    let visits = facts.filter { $0.line == 5 }
    #expect(visits.map(\.year) == [2027, 2028, 2029])
    #expect(visits.map(\.value) == ["812", "798", "840"].map(Self.n))
    #expect(facts.filter { $0.line == 6 }.map(\.year) == [2027, 2028, 2029, 2030])
    #expect(facts.filter { $0.line == 7 }.isEmpty)
    #expect(unread.map(\.line) == [7])
  }

  /// Two notes, each about some rows: a row is placed by the notes naming its topic only.
  /// `Simkunniga` rows lack 2030 (the first note); the `badmätningar` row lacks 2027–2028 (the
  /// second) and 2030 too when both apply — so its one number is 2029; the survey row is named
  /// by neither note and stays unread though three numbers would fit the first.
  @Test func notesAreScopedToTheRowsNamingTheirTopic() {
    let (facts, unread) = Self.read("""
      Mått                                Utfall  Utfall  Utfall  Utfall
      2027    2028    2029    2030
      Andel simkunniga elever             88 %    91 %    90 %
      Badmätningar med godkänt resultat   14
      Nöjda besökare (enkät)              78      81      80
      Uppgifter om simkunnighet och badmätningar för 2030 finns ännu inte. 2027–2028 genomfördes inga badmätningar på grund av renoveringen 2029.
      """)
    let swimmers = facts.filter { $0.line == 5 }
    #expect(swimmers.map(\.year) == [2027, 2028, 2029])
    #expect(swimmers.map(\.value) == ["88", "91", "90"].map(Self.n))
    #expect(swimmers.first?.indicator == "Andel simkunniga elever")
    #expect(facts.filter { $0.line == 6 }.map(\.year) == [2029])
    #expect(facts.filter { $0.line == 7 }.isEmpty)
    #expect(unread.map(\.line) == [7])
  }

  /// Two notes that each leave as many columns as the row has numbers place it two ways: it
  /// stays unread.
  @Test func twoPlacementsLeaveTheRowUnread() {
    let (facts, unread) = Self.read("""
      Mått                      Utfall  Utfall  Utfall  Utfall
      2027    2028    2029    2030
      Besök i simhallen        12,4    11,9    12,1
      Uppgifter för 2027 saknas. Uppgifter för 2030 saknas.
      """)
    #expect(facts.filter { $0.line == 5 }.isEmpty)
    #expect(unread.map(\.line) == [5])
  }

  /// The note's text: a year after a week or a month is a date; what follows a cause is not
  /// read; a range names every year in it; without a year or a phrase of absence, no note.
  @Test func readingANote() {
    #expect(ColumnNotes.note(in: "Statistik för 2029 publiceras vecka 12 2030.")
      == ColumnNotes.Note(years: [2029], stems: [], everyRow: true))
    #expect(ColumnNotes.note(in: "Värden för 2031 publiceras den 4 november 2032.")?.years == [2031])
    #expect(ColumnNotes.note(in: "Mätningen 2026 saknas pga byte av system 2027.")?.years == [2026])
    #expect(ColumnNotes.note(in: "2019–2021 genomfördes inte enkäten.")?.years == [2019, 2020, 2021])
    #expect(ColumnNotes.note(in: "2019–2021 genomfördes inte enkäten.")?.stems == ["enkät"])
    #expect(ColumnNotes.note(in: "Betyg för 2030 publiceras i december.")?.stems.contains("meritvärde") == true)
    #expect(ColumnNotes.note(in: "Besöken ökade under 2030.") == nil)
    #expect(ColumnNotes.note(in: "Uppgifter saknas för vissa mått.") == nil)
  }

  /// A table whose header and each row's numbers a converter put in one pipe cell each (the
  /// header's years in one cell, a row's label and numbers in another) is placed by its note
  /// too.
  @Test func aPipeTableFlattenedIntoOneCellPerRow() {
    let (facts, unread) = Self.read("""
      |  | Mått Utfall 2027 Utfall 2028 Utfall 2029 Utfall 2030 |
      | --- | --- |
      | Utlån<br>per<br>invånare 6,1 5,9 6,4 |  |
      | Öppettimmar<br>per vecka 44 46 48 52 |  |

      Utfall för 2030 redovisas senare i årsredovisningen.
      """)
    let loans = facts.filter { $0.line == 5 }
    #expect(loans.map(\.year) == [2027, 2028, 2029])
    #expect(loans.map(\.value) == ["6.1", "5.9", "6.4"].map(Self.n))
    #expect(loans.first?.indicator == "Utlån per invånare")
    #expect(facts.filter { $0.line == 6 }.map(\.year) == [2027, 2028, 2029, 2030])
    #expect(unread.isEmpty)
  }

  /// A text table going on over a page break, with blank lines around the running header and
  /// the page number, is one table: the note under its second part places rows of the first.
  @Test func aNoteUnderATableGoingOnOverAPageBreak() {
    let (facts, _) = Self.read("""
      Mått                      Utfall  Utfall  Utfall  Utfall
      2027    2028    2029    2030
      Besök på fritidsgårdar   312     298     301
      17

      <!-- sida 18 -->

      Kultur & Fritid                         Exempelby kommun
      Delårsrapport augusti 2030

      Mått                      Utfall  Utfall  Utfall  Utfall
      2027    2028    2029    2030
      Deltagartillfällen        91,2    88,7    94,1
      Utfall för 2030 publiceras i februari 2031.
      """)
    #expect(facts.filter { $0.line == 5 }.map(\.year) == [2027, 2028, 2029])
    #expect(facts.filter { $0.line == 15 }.map(\.year) == [2027, 2028, 2029])
  }

  /// A period before a number or a word in lower case ends an abbreviation (`åk. 9`,
  /// `folkbokf. i`), no sentence; before a word in upper case it ends one.
  @Test func sentenceBreaks() {
    #expect(!TextLines.isProse("Andel (%) elever i åk. 9 som uppnått"))
    #expect(!TextLines.isProse("Elever folkbokf. i kommunen, andel i"))
    #expect(TextLines.isProse("Besöken ökade 2030. Det beror på nya"))
    #expect(!TextLines.isProse("Budget inkl. Tilläggsanslag 2030 mnkr"))
  }
}

/// Changes stated in the prose (``ColumnNotes/placeByChanges(_:_:years:)``), each rule on a
/// table written for the test; every ratio worked out by hand.
@Suite struct StatedChangesTests {
  static let header = """
    |  | Mått Utfall 2026 Utfall 2027 Utfall 2028 Utfall 2029 Utfall 2030 |
    | --- | --- |
    """

  /// 231 000 / 220 000 = 1,050 (5,0 %) with 220 000 in 2028, and 78 000 / 80 000 = 0,975
  /// (−2,5 %, `minskade`) with 80 000 in 2028: both rows fill 2026–2029, so the third row's four
  /// numbers of one magnitude do too. Six groups of digits that read as four numbers in no way
  /// stay unread.
  @Test func agreeingChangesPlaceTheTable() {
    let (facts, unread) = ColumnNotesTests.read("""
      Biblioteken ökade sina utlån per invånare med 5,0 % jämfört med 2028. Kostnaden för
      evenemang minskade med 2,5 % jämfört med 2028.

      \(Self.header)
      | Utlån<br>per<br>invånare 210 400 215 300 220 000 231 000 |  |
      | Kostnad<br>för<br>evenemang 88 100 90 200 80 000 78 000 |  |
      | Kostnad<br>per<br>besök 120 500 118 300 121 900 119 400 |  |
      | Öppettimmar 512 300 498 100 505 700 |  |
      """)
    let loans = facts.filter { $0.line == 8 }
    #expect(loans.map(\.year) == [2026, 2027, 2028, 2029])
    #expect(loans.map(\.value) == ["210400", "215300", "220000", "231000"].map(ColumnNotesTests.n))
    #expect(facts.filter { $0.line == 9 }.map(\.value) == ["88100", "90200", "80000", "78000"].map(ColumnNotesTests.n))
    let visits = facts.filter { $0.line == 10 }
    #expect(visits.map(\.year) == [2026, 2027, 2028, 2029])
    #expect(visits.map(\.value) == ["120500", "118300", "121900", "119400"].map(ColumnNotesTests.n))
    #expect(unread.map(\.line) == [11])
  }

  /// The second sentence puts 80 000 in 2027 (78 000 / 80 000 − 1 = −2,5 %), the row in
  /// 2027–2030, where the first puts the loans row in 2026–2029: the table is not placed.
  @Test func changesPlacingRowsDifferentlyPlaceNone() {
    let (facts, unread) = ColumnNotesTests.read("""
      Biblioteken ökade sina utlån per invånare med 5,0 % jämfört med 2028. Kostnaden för
      evenemang minskade med 2,5 % jämfört med 2027.

      \(Self.header)
      | Utlån<br>per<br>invånare 210 400 215 300 220 000 231 000 |  |
      | Kostnad<br>för<br>evenemang 80 000 90 200 88 100 78 000 |  |
      """)
    #expect(facts.filter { $0.line == 8 || $0.line == 9 }.isEmpty)
    #expect(unread.map(\.line) == [8, 9])
  }

  /// A change confirms only the row its sentence is about: the sentence names `simhallen`, not
  /// `utlån`, so the loans row (whose numbers would give 5,0 %) stays unread.
  @Test func aChangeAboutAnotherRowConfirmsNothing() {
    let (facts, unread) = ColumnNotesTests.read("""
      Besöken i simhallen ökade med 5,0 % jämfört med 2028.

      \(Self.header)
      | Utlån<br>per<br>invånare 210 400 215 300 220 000 231 000 |  |
      """)
    #expect(facts.filter { $0.line == 7 }.isEmpty)
    #expect(unread.map(\.line) == [7])
  }

  /// The sentence's changes: one per percentage (`respektive`), signed by the one direction the
  /// sentence has; none with both directions or none, or without `jämfört med` and a year.
  @Test func readingAStatedChange() {
    let both = ColumnNotes.changes(in: "Kostnaderna för simskola och bad har minskat med 6,2 % respektive 3 % jämfört med 2028.")
    #expect(both.map(\.percent) == [-6.2, -3])
    #expect(both.map(\.decimals) == [1, 0])
    #expect(both.map(\.year) == [2028, 2028])
    #expect(ColumnNotes.changes(in: "Utlånen ökar med 4,1% jämfört med år 2029.").map(\.percent) == [4.1])
    #expect(ColumnNotes.changes(in: "Utlånen ökar med 4,1 % men besöken minskar jämfört med 2029.").isEmpty)
    #expect(ColumnNotes.changes(in: "Utlånen ökar med 4,1 % sedan 2029.").isEmpty)
  }
}

/// Labels around a row's numbers in reading order (TextTables).
@Suite struct LabelPiecesTests {
  /// `simhallen åk 3` after a row's numbers goes on with its label (the 3 numbers the grade, no
  /// value); lines of several words each are joined at a space (`uppnått kunskapskraven`).
  @Test func aNumberedWordAndALabelWrappedAtASpace() {
    let (facts, unread) = TextTablesTests.read("""
      Mått                      Utfall  Utfall  Utfall
      2028   2029    2030
      Andel elever som klarat simprovet i
      91 %    88 %    93 %
      simhallen åk 3
      Andel elever i åk 6 som uppnått
      72 %    75 %    77 %
      kunskapskraven i simning
      """)
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.line == 6 }.map(\.indicator) == Array(repeating: "Andel elever som klarat simprovet i simhallen åk 3", count: 3))
    #expect(facts.filter { $0.line == 9 }.map(\.indicator)
      == Array(repeating: "Andel elever i åk 6 som uppnått kunskapskraven i simning", count: 3))
    #expect(facts.filter { $0.line == 9 }.map(\.value) == ["72", "75", "77"].map(ColumnNotesTests.n))
  }

  /// Under one kind over years, a bare whole number before a row's percentages is the label's
  /// (`… efter 30` / `dagar`): the row then holds four values for five columns and is unread,
  /// not read with 30 in the first year. Under columns of different kinds (`Antal 2030`,
  /// `Andel 2030`) a bare first number is a value.
  @Test func aBareNumberBeforePercentagesInASeriesIsTheLabels() {
    let (facts, unread) = TextTablesTests.read("""
      Mått                      Utfall  Utfall  Utfall  Utfall  Utfall
      2026   2027    2028    2029    2030
      Deltagare i arbete (status efter 30 41 % 38 % 35 % 44 %
      dagar), andel (%)
      Nöjda låntagare 81 % 84 % 80 % 83 % 85 %
      """)
    #expect(facts.filter { $0.line == 5 }.isEmpty)
    #expect(unread.map(\.line) == [5])
    #expect(facts.filter { $0.line == 7 }.map(\.value) == ["81", "84", "80", "83", "85"].map(ColumnNotesTests.n))
    let (mixed, _) = TextTablesTests.read("""
      Mått                Antal 2030  Andel 2030
      Deltagare i kurs 30 41 %
      """)
    #expect(mixed.map(\.value) == ["30", "41"].map(ColumnNotesTests.n))
  }

  /// A footnote digit glued to a row label is taken off by whichever reader reads the table (one
  /// rule, `GridReading.cleanLabel`): here a one-line header of six columns that the older
  /// column reader reads.
  @Test func aFootnoteDigitOnALabelIsTakenOff() {
    let (facts, _) = TextTablesTests.read("""
      Budgetföljsamhet per nämnd
      Belopp i mnkr Utfall föregående år Budget 2031 inkl. ombudget Utfall jan–apr 2031 Prognos helår 2031 Avvikelse mot budget Avvikelse %
      Socialnämnden −812,4 −830,0 −270,1 −826,5 +3,5 +0,4
      Fritidsnämnden2 −98,2 −101,0 −33,0 −99,6 +1,4 +1,4
      Summa nämnderna −910,6 −931,0 −303,1 −926,1 +4,9 +0,5
      2 Verksamheten omorganiserades under året.
      """)
    let leisure = facts.filter { $0.line == 6 }
    #expect(!leisure.isEmpty)
    #expect(leisure.allSatisfy { $0.indicator == "Fritidsnämnden" }, "\(leisure.map(\.indicator))")
  }

  /// A word broken inside a narrow cell (`Korttidssjukfrån` / `varo`) is still re-joined.
  @Test func aWordBrokenInANarrowCellIsStillJoined() {
    let words = DocumentWords(lines: ["Sjukfrånvaron har minskat under året och korttidssjukfrånvaron likaså i alla verksamheter"])
    #expect(HeaderWords.join(["Korttidssjukfrån", "varo"], words: words) == "Korttidssjukfrånvaro")
    #expect(HeaderWords.join(["Andel elever i åk 6 som uppnått", "kunskapskraven i alla ämnen"], words: words)
      == "Andel elever i åk 6 som uppnått kunskapskraven i alla ämnen")
  }
}

/// Dashes marking empty cells in reading-order rows.
@Suite struct EmptyCellDashTests {
  /// `– – 4 258 4 349 …`: two dashes standing alone before the numbers mark two empty cells (a
  /// minus sign never repeats); the numbers fill the columns after them, unsigned. One dash set
  /// apart by a single space stays a minus sign (`- 0,5`).
  @Test func twoDashesBeforeTheNumbersAreEmptyCells() {
    let (facts, unread) = TextTablesTests.read("""
      Mått                      Utfall  Utfall  Utfall  Utfall  Utfall
      2026   2027    2028    2029    2030
      Besök per invånare, antal – – 4 512 4 633 4 701
      Kostnad per besök, kr − − − 212 219
      Resultat, mnkr 1,5 2,0 - 0,5 1,1 0,9
      """)
    #expect(unread.isEmpty)
    let visits = facts.filter { $0.line == 5 }
    #expect(visits.map(\.year) == [2028, 2029, 2030])
    #expect(visits.map(\.value) == ["4512", "4633", "4701"].map(ColumnNotesTests.n))
    #expect(visits.first?.indicator == "Besök per invånare, antal")
    let cost = facts.filter { $0.line == 6 }
    #expect(cost.map(\.year) == [2029, 2030])
    #expect(cost.map(\.value) == ["212", "219"].map(ColumnNotesTests.n))
    #expect(facts.filter { $0.line == 7 }.map(\.value) == ["1.5", "2.0", "-0.5", "1.1", "0.9"].map(ColumnNotesTests.n))
  }
}

/// Table boundaries and spacing in reading-order text.
@Suite struct TextTableBoundaryTests {
  /// The same columns under another label-column header start another table: the second
  /// table's rows get its own name, not the first one's.
  @Test func theSameColumnsUnderAnotherStubStartAnotherTable() {
    let (facts, _) = TextTablesTests.read("""
      DRIFTREDOVISNING               Bokslut Budget Prognos
      Belopp i miljoner kronor        2029    2030    2030
      Bibliotek                       41      43      42
      17

      <!-- sida 18 -->

      Kassaflöde
      KASSAFLÖDE                     Bokslut Budget Prognos
      Belopp i miljoner kronor        2029    2030    2030
      Årets resultat                  12      9       11
      """)
    let library = facts.filter { $0.indicator == "Bibliotek" }
    let result = facts.filter { $0.indicator == "Årets resultat" }
    #expect(library.count == 3)
    #expect(result.map(\.value) == ["12", "9", "11"].map(ColumnNotesTests.n))
    #expect(Set(library.map(\.table)).count == 1)
    #expect(Set(result.map(\.table)).count == 1)
    #expect(library.first?.table != result.first?.table, "\(library.map(\.table)) \(result.map(\.table))")
  }

  /// A short row whose numbers stand apart by two or more spaces and group thousands by one
  /// space reads as the count its spacing gives (one magnitude), so a note places it.
  @Test func aShortRowsSpacingGivesItsCount() {
    let (facts, unread) = ColumnNotesTests.read("""
      Mått                      Utfall  Utfall  Utfall  Utfall
      2027    2028    2029    2030
      Besökare, antal           1 178   1 279   1 272
      Utfall för 2030 publiceras i mars 2031.
      """)
    #expect(unread.isEmpty)
    #expect(facts.filter { $0.line == 5 }.map(\.value) == ["1178", "1279", "1272"].map(ColumnNotesTests.n))
    #expect(facts.filter { $0.line == 5 }.map(\.year) == [2027, 2028, 2029])
  }
}
