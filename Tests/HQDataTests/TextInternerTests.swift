import HQData
import Testing

@Suite struct TextInternerTests {
  private func isKnownNFC(_ text: String) -> Bool {
    Array(text.utf8).withUnsafeBufferPointer { TextInterner.isKnownNFC($0) }
  }

  @Test func precomposedAndDecomposedSpellingsShareOneCode() {
    var interner = TextInterner()
    let precomposed = "Skåne"  // å is U+00E5
    let decomposed = "Ska\u{30A}ne"  // a followed by COMBINING RING ABOVE
    #expect(Array(precomposed.utf8) != Array(decomposed.utf8))
    #expect(interner.code(of: precomposed) == 0)
    #expect(interner.code(of: decomposed) == 0)
    #expect(interner.code(of: "Halland") == 1)
    #expect(interner.strings == ["Skåne", "Halland"])
  }

  @Test func theFirstSpellingIsKeptEvenWhenDecomposed() {
    var interner = TextInterner()
    #expect(interner.code(of: "o\u{308}vrigt") == 0)  // o + COMBINING DIAERESIS
    #expect(interner.code(of: "övrigt") == 0)
    #expect(interner.strings.count == 1)
    #expect(Array(interner.strings[0].utf8) == Array("o\u{308}vrigt".utf8))
  }

  @Test func runsOfOneTextKeepTheirCode() {
    // The previous code is tried first; runs, alternations and equivalent spellings mixed.
    var interner = TextInterner()
    let texts = ["Halland", "Halland", "Skåne", "Ska\u{30A}ne", "Ska\u{30A}ne", "Skåne", "Halland", "", "", "Halland"]
    #expect(texts.map { interner.code(of: $0) } == [0, 0, 1, 1, 1, 1, 0, 2, 2, 0])
    #expect(interner.strings == ["Halland", "Skåne", ""])
  }

  @Test func singletonDecompositionsMeetTheirTarget() {
    // U+212B ANGSTROM SIGN decomposes canonically to U+00C5, U+212A KELVIN SIGN to K.
    var interner = TextInterner()
    #expect(interner.code(of: "Å") == 0)
    #expect(interner.code(of: "\u{212B}") == 0)
    #expect(interner.code(of: "K") == 1)
    #expect(interner.code(of: "\u{212A}") == 1)
  }

  @Test func aSafeScalarFollowedByACombiningMarkMeetsItsComposedForm() {
    // ← (U+2190) + U+0338 composes to ↚ (U+219A); both ends are in the byte-keyed ranges.
    var interner = TextInterner()
    #expect(interner.code(of: "a \u{219A} b") == 0)
    #expect(interner.code(of: "a \u{2190}\u{338} b") == 0)
    #expect(interner.code(of: "a \u{2190} b") == 1)
  }

  @Test func differentTextsGetDifferentCodes() {
    var interner = TextInterner()
    let texts = ["", "a", "å", "ä", "A", "jan–aug", "jan-aug", "● Mål", "\u{F0B7} Mål", "Ω", "🙂"]
    for (i, text) in texts.enumerated() { #expect(interner.code(of: text) == UInt32(i)) }
    for (i, text) in texts.enumerated() { #expect(interner.code(of: text) == UInt32(i)) }
    #expect(interner.strings == texts)
  }

  @Test func codesStayStableAsTheTableGrows() {
    var interner = TextInterner()
    for i in 0..<5_000 { #expect(interner.code(of: "Rad \(i) – Hälso- och sjukvård") == UInt32(i)) }
    #expect(interner.code(of: "Rad 4321 – Ha\u{308}lso- och sjukva\u{30A}rd") == 4321)
    #expect(interner.count == 5_000)
  }

  @Test(arguments: [
    "", "Halland", "Skåne län", "Väst­ra", "jan–aug", "”citat”", "1 204 €", "● punkt", "│ ruta",
    "\u{F0B7} symbol", "−5", "→ pil", "‰",
  ])
  func reportTextIsKnownToBeNFC(text: String) {
    #expect(isKnownNFC(text))
  }

  @Test(arguments: [
    "a\u{30A}", "\u{212B}", "Ω", "ΑΒΓ", "中文", "🙂", "\u{2000}", "\u{0338}",
  ])
  func otherTextTakesTheNormalizingPath(text: String) {
    #expect(!isKnownNFC(text))
  }

  @Test func theCheckFindsAScalarAtEveryOffset() {
    // The check reads eight bytes at a time: put the scalar at every place in and across words.
    for k in 0..<20 {
      let pad = String(repeating: "x", count: k)
      #expect(isKnownNFC(pad + "–" + pad + "ö"), "dash at \(k)")
      #expect(!isKnownNFC(pad + "a\u{30A}" + "yyyyyyyyyy"), "combining ring at \(k)")
      #expect(!isKnownNFC(pad + "Ω" + "yyyyyyyyyy"), "omega at \(k)")
      #expect(!isKnownNFC("åäöåäöåäö" + pad + "\u{212B}"), "angstrom sign after \(k)")
    }
    #expect(isKnownNFC(String(repeating: "åäö", count: 10)))
  }
}
