import Testing

@testable import HQReports

/// The slide-title test (docs/MODEL.md, "Sections"), on simple text read from bytes and on
/// other text read by `Character`s.
@Suite struct SectionHeadingsSlideTitleTests {
  @Test(arguments: [
    ("Produktion under 2024", true),
    ("Åtgärder för en jämlik vård", true),
    ("Ökad tillgänglighet – ”vård i tid”", true),
    ("Resultat 12 mnkr", false),  // a number that is no year
    ("Resultat 2022-2024", false),  // a range
    ("Mål ² för året", false),  // ² is a number too
    ("Mål ❶ för året", false),
    ("Översikt.", false),  // ends a sentence
    ("ärende om vård", false),  // lower case
    ("12 Titel", false),
    ("Ab", false),  // too short
    ("Uppfylls delvis", false),  // a goal status
    ("En två tre fyra fem sex sju åtta nio tio elva", false),  // more than ten words
    ("Ange\u{301}lica och 2024", true),  // not simple text: read by Characters
    ("\u{212B}rsredovisning 2024", true),  // the Ångström sign: read by Characters
  ])
  func slideTitle(_ text: String, _ expected: Bool) {
    #expect(SectionHeadings.isSlideTitle(text) == expected)
  }

  /// A line opening a text box starts with a space or a few; a word set far in over a layout
  /// table's columns (`Prognos` above `Budget  2031`) opens none and is no title.
  @Test func aWordSetFarInOverColumnsIsNoTitle() {
    let lines = [
      "Ekonomisk översikt",
      "",
      "Driftredovisning",
      "                                              Prognos",
      "                          Budget 2031     helår 2031",
      "Gator och vägar                 -41,2          -43,0",
      " Nya mål för året",
      "",
      "Fler invånare ska nå målen.",
    ]
    #expect(SectionHeadings.slideTitles(lines).map(\.title) == ["Ekonomisk översikt", "Driftredovisning", "Nya mål för året"])
  }
}
