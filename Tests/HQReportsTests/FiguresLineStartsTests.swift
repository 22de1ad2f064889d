import Testing

@testable import HQReports

/// ``LineStarts``: each flag is the test it stands for, read once per line.
@Suite struct FiguresLineStartsTests {
  @Test func flagsEachLineAsItsTestWould() {
    let text = FigureFixtures.text("""
      ● Årets resultat +5 mnkr
      Övrigt och mer

      Uppfylls delvis
      Region Halland har
       2017 2022 2023 2024 RHs mål*
      90% har fått kontakt
      5,8% 3,5%10,5%
      2 381 640 98 712
      Fokusområde:
      och sedan
      u\u{0308} klart
      """)
    let starts = LineStarts(text)
    #expect(starts.bytes.count == 12)
    #expect(starts.bytes[2] == 0 && starts.secondBytes[2] == 0)
    #expect(text.cleaned.indices.filter(starts.mayStartWithBullet) == [0, 11])
    #expect(text.cleaned.indices.filter(starts.mayStateStatus) == [3])
    #expect(text.cleaned.indices.filter(starts.namesRegion) == [4])
    #expect(text.cleaned.indices.filter(starts.mayStartComparison) == [5])
    // A cheap test: `5,8%` followed by a word passes it too (the statement reading then fails).
    #expect(text.cleaned.indices.filter(starts.mayStartStatement) == [6, 7])
    #expect(text.cleaned.indices.filter(starts.hasPercent) == [6, 7])
    #expect(text.cleaned.indices.filter(starts.mayBeNumbersOnly) == [7, 8])
    // The flags agree with the tests they stand for on every line.
    for index in text.cleaned.indices {
      let cleaned = text.cleaned[index]
      #expect(starts.mayStateStatus(index) == FocusAreaRecognizer.mayStateStatus(cleaned))
      #expect(starts.mayStartComparison(index) == ComparisonHeader.mayStart(cleaned))
      #expect(starts.mayStartStatement(index) == AccessibilityStatement.mayStart(cleaned))
      #expect(starts.mayStartWithBullet(index) || FigureText.bullet(cleaned) == nil)
    }
  }
}
