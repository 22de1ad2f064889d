import HQData
import Testing

@Suite struct CollationTests {
  @Test func swedishLettersComeAfterZ() {
    let words = ["öl", "ärta", "zebra", "åker", "apa", "xylofon", "Yxa"]
    let sorted = words.sorted(by: Collation.areInIncreasingOrder)
    #expect(sorted == ["apa", "xylofon", "Yxa", "zebra", "åker", "ärta", "öl"])
  }

  @Test func caseDoesNotChangeThePrimaryOrder() {
    #expect(Collation.sortKey("Läkemedel") == Collation.sortKey("läkemedel"))
    #expect(Collation.areInIncreasingOrder("apa", "Bil"))
    #expect(Collation.areInIncreasingOrder("Apa", "bil"))
    // Equal ignoring case: a fixed tiebreak by code points (uppercase first).
    #expect(Collation.areInIncreasingOrder("Abc", "abc"))
    #expect(!Collation.areInIncreasingOrder("abc", "Abc"))
  }

  @Test func accentsSortWithTheirBaseLetter() {
    let sorted = ["ett", "éta", "eta", "fem"].sorted(by: Collation.areInIncreasingOrder)
    #expect(sorted == ["eta", "éta", "ett", "fem"])
    #expect(Collation.sortKey("Müller") == Collation.sortKey("myller"))
  }

  @Test func punctuationBeforeDigitsBeforeLetters() {
    let sorted = ["b", "2", " a", "10", "a"].sorted(by: Collation.areInIncreasingOrder)
    #expect(sorted == [" a", "10", "2", "a", "b"])
  }

  @Test func decomposedLettersSortLikeComposedOnes() {
    #expect(Collation.sortKey("a\u{30A}ker") == Collation.sortKey("åker"))
    #expect(Collation.sortKey("o\u{308}l") == Collation.sortKey("öl"))
  }

  @Test func ranksGivePrimaryTiesAndTotalOrder() {
    let dictionary = ["öl", "Apa", "apa", "bil"]
    let ranks = Collation.ranks(of: dictionary)
    #expect(ranks.primary == [2, 0, 0, 1])
    #expect(ranks.total == [3, 0, 1, 2])
  }

  @Test func foldingIgnoresCaseAndDiacriticsIncludingSwedishLetters() {
    #expect(Collation.foldedContains("Läkemedelsförmån", "lakemedel"))
    #expect(Collation.foldedContains("ANTIBIOTIKA per 1000", "antibiotika"))
    #expect(Collation.foldedContains("Kostnad för köp av vård", "kop av VARD"))
    #expect(Collation.foldedContains("Café", "cafe"))
    #expect(!Collation.foldedContains("Läkemedel", "lakemedlet"))
    #expect(Collation.foldedContains("anything", ""))
    #expect(Collation.fold("ÅÄÖ") == Array("aao".utf8))
  }
}
