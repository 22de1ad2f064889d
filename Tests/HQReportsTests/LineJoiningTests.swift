import Testing

@testable import HQReports

@Suite struct LineJoiningTests {
  private func join(_ pieces: [String]) -> String {
    LineJoining.join(pieces.map { Substring($0) })
  }

  @Test func aLineWithoutTrailingSpaceContinuesTheWord() {
    #expect(join(["Prognos", "tiserad ", "avvikels", "e mot ", "budget ", "för 2017"]) == "Prognostiserad avvikelse mot budget för 2017")
    #expect(join(["Utfall ", "ackumule", "rat"]) == "Utfall ackumulerat")
    #expect(join(["Utfall ", "föregåend", "e år"]) == "Utfall föregående år")
  }

  @Test func aTrailingSpaceOrNoBreakSpaceEndsTheWord() {
    #expect(join(["Totalt Regionstyrelsens ", "verksamheter"]) == "Totalt Regionstyrelsens verksamheter")
    #expect(join(["Genomförda\u{00A0}", "röntgenundersöknin", "gar"]) == "Genomförda röntgenundersökningar")
    #expect(join(["Budget ", "2017"]) == "Budget 2017")
  }

  @Test func aHyphenatedWordIsJoined() {
    #expect(join(["Nära och samman-", "hållen vård"]) == "Nära och sammanhållen vård")
  }

  @Test func aCompoundDashStays() {
    #expect(join(["Hälso- och ", "sjukvård drift"]) == "Hälso- och sjukvård drift")
    #expect(join(["inom hälso-", "och sjukvård"]) == "inom hälso- och sjukvård")
    #expect(join(["klimat-", "eller miljöhänsyn"]) == "klimat- eller miljöhänsyn")
  }

  @Test func aRangeKeepsItsDash() {
    #expect(join(["Avvikelse mot ", "budget ", "för jan-", "augusti"]) == "Avvikelse mot budget för jan-augusti")
    #expect(join(["Resultat ", "jan-", "augusti"]) == "Resultat jan-augusti")
    #expect(join(["PET-", "CT"]) == "PET-CT")
  }

  @Test func digitsAndPunctuationEndTheWord() {
    #expect(join(["Budget 2017", "Prognos"]) == "Budget 2017 Prognos")
    #expect(join(["", "  ", "ord"]) == "ord")
    #expect(join([]) == "")
  }

  @Test func monthNames() {
    #expect(Month.number(of: "augusti") == 8)
    #expect(Month.number(of: "jan") == 1)
    #expect(Month.number(of: "Aug") == 8)
    #expect(Month.number(of: "ma") == nil)
    #expect(Month.number(of: "budget") == nil)
  }
}
