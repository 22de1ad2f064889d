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
