import Testing

@testable import HQReports

/// The byte-level text operations give what the standard library's `Character`-based ones
/// give, on simple text and on text that must take the slow path.
@Suite struct SimpleTextTests {
  /// Report-like strings, including ones that are not simple text (combining marks, the
  /// Ångström and Kelvin signs, Turkish dotted I, CR) and Latin-1 edge cases (×, ß, ÿ).
  static let samples = [
    "", "Budget", "PROGNOS HELÅR 2017", "Mål – ÅÄÖ ÉÜ", "Å×B ÷ ß ÿ Þ", "Ange\u{301}lica",
    "\u{212B}rsprognos", "\u{212A}ostnad", "DİFF", "line\rend", "● Uppfylls delvis", "Avvikelse (mnkr)",
  ]

  @Test func lowercasedMatchesTheStandardLibrary() {
    for sample in Self.samples {
      #expect(SimpleText.lowercased(sample) == sample.lowercased(), "\(sample)")
    }
    #expect(SimpleText.lowercased("ÅRSPROGNOS Öka") == "årsprognos öka")
  }

  @Test func simpleTextIsDecidedByItsCharacters() {
    func simple(_ text: String) -> Bool {
      var text = text
      return text.withUTF8 { ByteSearch.isSimpleText($0) }
    }
    #expect(simple("Hälso- och sjukvård – ”mål” • 12 %"))
    #expect(!simple("Ange\u{301}lica"))  // a combining accent
    #expect(!simple("\u{212B}r"))  // the Ångström sign equals Å canonically
    #expect(!simple("a\r"))
    #expect(!simple("emoji 😀"))
  }

  @Test func hasWordFindsWholeWordsOnly() {
    func hasWord(_ text: String, _ word: StaticString) -> Bool? {
      var text = text
      return text.withUTF8 { SimpleText.hasWord($0, word) }
    }
    #expect(hasWord("total ram 2017", "ram") == true)
    #expect(hasWord("ramavtal", "ram") == false)
    #expect(hasWord("mål/utfall", "mål") == true)
    #expect(hasWord("målvärde", "mål") == false)
    #expect(hasWord("uppnått mål.", "mål") == true)
    #expect(hasWord("kårram", "ram") == false)  // å is a letter
    #expect(hasWord("ángel ram\u{301}", "ram") == nil)  // not simple: the slow path decides
  }

  @Test func columnMeaningReadsUnitsAndYearsFromCaptions() {
    #expect(ColumnMeaning.unit(inCaption: "Kostnader (Mnkr) 2017", default: "kr") == "mnkr")
    #expect(ColumnMeaning.unit(inCaption: "Andel i procent:", default: "") == "%")
    #expect(ColumnMeaning.unit(inCaption: "Årets resultat", default: "tkr") == "tkr")
    #expect(FigureYearWords.years(in: "Utfall 2016 (2017), prognos 2018") == [2016, 2017, 2018])
    #expect(FigureYearWords.years(in: "Budget 12345 och 1899") == [])
    #expect(FigureYearWords.range(in: "från 2019 till 2024") == "2019–2024")
    #expect(FigureYearWords.range(in: "Kostnader 2022-2024 (mnkr)") == "2022–2024")
    #expect(FigureYearWords.range(in: "Kostnader per år") == nil)
  }
}
