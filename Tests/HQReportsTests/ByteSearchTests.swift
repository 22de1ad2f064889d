import Testing

@testable import HQReports

/// The byte pre-filters must never say "no" where the `Character`-based test says "yes".
@Suite struct ByteSearchTests {
  @Test func containsComparesBytes() {
    #expect(ByteSearch.contains("Samtliga belopp redovisas", "belopp"))
    #expect(!ByteSearch.contains("Samtliga Belopp", "belopp"))
    #expect(ByteSearch.contains("abc", ""))
    #expect(!ByteSearch.contains("ab", "abc"))
  }

  @Test func containsFoldedIgnoresASCIICase() {
    #expect(ByteSearch.containsFolded("UPPFÖLJNINGSRAPPORT 2", "rapport"))
    #expect(ByteSearch.containsFolded("Delårsrapport", "rapport"))
    #expect(!ByteSearch.containsFolded("Verksamhetsplan", "rapport"))
    // The Kelvin sign lower-cases to `k`, so the filter lets the exact test decide.
    #expect("BO\u{212A}SLUT".lowercased() == "bokslut")
    #expect(ByteSearch.containsFolded("BO\u{212A}SLUT", "bokslut"))
  }

  @Test func hasAgreesWithCharacterContains() {
    let cases: [(String, Bool)] = [
      ("prognos helår", true),
      ("Prognos", false),  // case matters, as in `contains`
      ("utfall föregående år", true),
      ("föregående", false),
      ("prognos\u{301}", false),  // the `s` carries an accent: no `Character` match
    ]
    for (text, expected) in cases {
      let needleHit = text.contains("prognos") || text.contains("föregående år")
      #expect(needleHit == expected)
      #expect((ByteSearch.has(text, "prognos") || ByteSearch.has(text, "föregående år")) == expected)
    }
  }

  @Test func hasDigitRunCountsConsecutiveDigits() {
    #expect(ByteSearch.hasDigitRun("Budget 2017", 4))
    #expect(!ByteSearch.hasDigitRun("15(34) 2 017", 4))
  }
}
