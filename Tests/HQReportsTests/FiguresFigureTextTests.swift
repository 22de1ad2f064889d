import Testing

@testable import HQReports

/// The byte-level tests the figure recognizers run before reading a line: each answers as the
/// `Character`-based reading it stands in for would (expected values worked out by hand).
@Suite struct FiguresFigureTextTests {
  @Test func bulletMarks() {
    #expect(FigureText.bullet("● Årets resultat +5 mnkr") == "●")
    #expect(FigureText.bullet("Ø Generella statsbidrag") == "Ø")
    #expect(FigureText.bullet("- Kostnad") == "-")
    #expect(FigureText.bullet("o punkt") == "o")
    #expect(FigureText.bullet("ü Klart") == "ü")
    // `u` + U+0308 is canonically `ü`, and is returned as written.
    #expect(FigureText.bullet("u\u{0308} Klart") == "ü")
    #expect(FigureText.bullet("-4,1 mnkr") == nil)
    // A dash before numbers alone is a minus sign or an empty cell (`–  215 240  198`), no
    // bullet; an item may start with its number and go on in words.
    #expect(FigureText.bullet("– 215 240 198") == nil)
    #expect(FigureText.bullet("- 12,5 %") == nil)
    #expect(FigureText.bullet("- 12 nya laddstolpar") == "-")
    #expect(FigureText.bullet("– Investeringar 12,5 mnkr") == "–")
    #expect(FigureText.bullet("Övrigt och mer") == nil)
    #expect(FigureText.bullet("och sedan") == nil)
    #expect(FigureText.bullet("●") == nil)
    // The only space carries a combining mark: no `Character` is a space, so no mark.
    #expect(FigureText.bullet("● \u{0301}x") == nil)
  }

  @Test func trimmingPunctuation() {
    #expect(FigureText.trimmingPunctuation("2025.") == "2025")
    #expect(FigureText.trimmingPunctuation("(2023)") == "2023")
    #expect(FigureText.trimmingPunctuation("på") == "på")
    #expect(FigureText.trimmingPunctuation("uppfyllt:") == "uppfyllt")
    // U+037E GREEK QUESTION MARK is canonically `;`.
    #expect(FigureText.trimmingPunctuation("klart\u{037E}") == "klart")
    #expect(FigureText.trimmingPunctuation("...") == "")
  }

  @Test func characterCountsAndFullStops() {
    #expect(FigureText.hasAtMost(3, charactersIn: "abc"))
    #expect(!FigureText.hasAtMost(3, charactersIn: "abcd"))
    // Nine bytes, three characters.
    #expect(FigureText.hasAtMost(3, charactersIn: "e\u{0301}e\u{0301}e\u{0301}"))
    #expect(FigureText.hasAtMost(4, charactersIn: "åäöå"))
    #expect(!FigureText.hasAtMost(3, charactersIn: "åäöå"))
    #expect(FigureText.endsWithFullStop("Slut."))
    #expect(FigureText.endsWithFullStop("på."))
    #expect(FigureText.endsWithFullStop("."))
    #expect(!FigureText.endsWithFullStop("Slut"))
    #expect(!FigureText.endsWithFullStop(""))
  }

  @Test func wordBreaksAndNumberLines() {
    #expect(FigureText.certainWordBreaks("a b c") == 2)
    #expect(FigureText.certainWordBreaks("å b c") == 1)
    #expect(FigureText.certainWordBreaks("") == 0)
    // Only a single space between two other ASCII bytes counts.
    #expect(FigureText.certainWordBreaks("  a  b ") == 0)
    #expect(FigureText.certainWordBreaks("a b  c") == 1)
    #expect(FigureText.mayBeNumbersOnly("2 381 640 98 712"))
    #expect(FigureText.mayBeNumbersOnly("12 mnkr"))
    #expect(FigureText.mayBeNumbersOnly("−3,5 %"))
    #expect(!FigureText.mayBeNumbersOnly("Totalt 12"))
    #expect(!FigureText.mayBeNumbersOnly("12 år"))
    #expect(FigureText.lastWordIsText("inom 30 dagar"))
    #expect(!FigureText.lastWordIsText("Antal 12"))
    #expect(!FigureText.lastWordIsText("Kostnad 5 mnkr"))
    #expect(FigureText.mayStartWithDigit("12 mnkr"))
    #expect(!FigureText.mayStartWithDigit("-12", orSign: false))
    #expect(FigureText.mayStartWithDigit("−12", orSign: true))
  }

  @Test func organisationNamedMostOften() {
    let text = FigureFixtures.text("Region Halland har\n\nRegion Hallands styrelse\nRegionstyrelsen beslutade\nRegion Skåne")
    // `Region Hallands` counts for `Region Halland` (seen first): 2 against 1.
    #expect(FigureText.organisation(in: text) == "Region Halland")
    #expect(FigureText.organisation(in: FigureFixtures.text("Regionstyrelsen\nregion halland")) == "Regionen")
  }

  @Test func headerRankStatusAndStatementTests() {
    #expect(ComparisonHeader.mayStart("2017 2022 2023 2024 RHs mål*"))
    #expect(ComparisonHeader.mayStart("Indikator 2023 2024"))
    #expect(!ComparisonHeader.mayStart("År 2023 och 2024"))
    #expect(!ComparisonHeader.mayStart("2023-2024 2025"))
    #expect(!ComparisonHeader.mayStart("1899 1900"))
    #expect(IndicatorComparisonRecognizer.mayHoldRank("306 (16 av 21) 257"))
    #expect(!IndicatorComparisonRecognizer.mayHoldRank("en av flera (se ovan)"))
    #expect(FocusAreaRecognizer.mayStateStatus("Uppfylls delvis"))
    #expect(FocusAreaRecognizer.mayStateStatus("UPPFYLLT"))
    #expect(FocusAreaRecognizer.mayStateStatus("Målet är uppnått"))
    #expect(!FocusAreaRecognizer.mayStateStatus("Målet är nått"))
    #expect(!FocusAreaRecognizer.mayStateStatus("uPPfyllt"))
    #expect(AccessibilityStatement.mayStart("90% har fått kontakt"))
    #expect(AccessibilityStatement.mayStart("90 % har fått kontakt"))
    #expect(AccessibilityStatement.mayStart("90 procent av"))
    #expect(!AccessibilityStatement.mayStart("90 dagar"))
    #expect(!AccessibilityStatement.mayStart("Av 90%"))
    #expect(!AccessibilityStatement.mayStart("90%"))
    #expect(AccessibilityStatement.mayMentionComparison(["90%", "JÄMFÖRT"]))
    #expect(!AccessibilityStatement.mayMentionComparison(["med", "87%"]))
  }
}
