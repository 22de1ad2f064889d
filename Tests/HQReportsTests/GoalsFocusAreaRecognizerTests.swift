import Testing

@testable import HQReports

@Suite struct GoalsFocusAreaRecognizerTests {
  /// The focus areas of the 2024 annual report, read by hand: each `Fokusområde:` title, the
  /// name under it, and the `Uppfylls …` line that goes with it (for `Styrning …` and
  /// `Accelerera …` the status stands after the focus area's bullets and sub-goals).
  @Test func readsEveryFocusAreaOfThe2024AnnualReport() throws {
    let context = FigureFixtures.run(FocusAreaRecognizer(), on: try FigureFixtures.annual2024())
    let expected: [(String, GoalStatus, Int)] = [
      ("Attraktiva och hållbara livsmiljöer", .delvis, 66),
      ("Förnyelseförmåga och konkurrenskraft", .delvis, 92),
      ("Utbildning, kompetens och jämlik hälsa", .helt, 118),
      ("En robust kultursektor", .helt, 149),
      ("Nära och sammanhållen vård", .delvis, 397),
      ("Styrning utifrån kunskap och kvalitet inom hälso- och sjukvård", .helt, 402),
      ("Accelerera digital transformation", .helt, 510),
    ]
    #expect(context.goals.count == expected.count)
    #expect(context.warnings.isEmpty)
    for (goal, want) in zip(context.goals, expected) {
      #expect(goal.name == want.0)
      #expect(goal.status == want.1, "\(want.0)")
      #expect(goal.line == want.2, "\(want.0)")
      #expect(goal.report == "rh-ar-2024")
    }
  }

  @Test func theFocusAreasMatchTheReportsOwnList() throws {
    // Lines 16–29 list the year's focus areas (`Årets fokusområden enligt Mål och budget 2024`).
    let text = try FigureFixtures.annual2024()
    let listed = Set((15...28).map { FigureText.withoutBullet(FigureText.clean(text.lines[$0])) }.filter { !$0.isEmpty })
    let context = FigureFixtures.run(FocusAreaRecognizer(), on: text)
    // `Styrning … inom` + `hälso- och sjukvård` is broken over two lines in the list.
    #expect(Set(context.goals.map(\.name)).subtracting(listed) == ["Styrning utifrån kunskap och kvalitet inom hälso- och sjukvård"])
  }

  @Test func findsNoFocusAreasInThe2017FollowUpReport() throws {
    let context = FigureFixtures.run(FocusAreaRecognizer(), on: try FigureFixtures.followUp2017())
    #expect(context.goals.isEmpty)
  }

  /// Another report's layout: statuses written above the titles, `ej` for `inte`, a title on
  /// one line, a word broken over two lines.
  @Test func readsStatusesWrittenBeforeTheirTitles() {
    let text = FigureFixtures.text("""
      Uppfylls ej
       Fokusområde: Trygg kollek
      tivtrafik

      ● Fler turer i glesbygd

      UPPFYLLS HELT.
      Fokusområde – Ren luft
      """)
    let context = FigureFixtures.run(FocusAreaRecognizer(), on: text)
    #expect(context.goals == [
      Goal(report: "test", name: "Trygg kollektivtrafik", status: .inte, line: 2),
      Goal(report: "test", name: "Ren luft", status: .helt, line: 8),
    ])
  }

  @Test func warnsAboutATitleWithoutStatusAndIgnoresProse() {
    let text = FigureFixtures.text("""
      Fokusområde: Digital vård
      Uppfylls delvis
      Fokusområde: Kompetens
      Årets fokusområden enligt budget
      Fokusområden: se nedan
      Målet uppfylls inte helt eftersom arbetet försenats av flera orsaker under året.
      """)
    let context = FigureFixtures.run(FocusAreaRecognizer(), on: text)
    #expect(context.goals == [Goal(report: "test", name: "Digital vård", status: .delvis, line: 1)])
    #expect(context.warnings.map(\.line) == [3])
  }

  @Test func readsStatusesWrittenAsParticiples() {
    #expect(FocusAreaRecognizer.status(of: "Uppfyllt") == .helt)
    #expect(FocusAreaRecognizer.status(of: " Delvis uppfyllt ") == .delvis)
    #expect(FocusAreaRecognizer.status(of: "Målet är inte uppnått.") == .inte)
    #expect(FocusAreaRecognizer.status(of: "Ej uppfylld") == .inte)
    #expect(FocusAreaRecognizer.status(of: "Uppfylls") == nil)
    #expect(FocusAreaRecognizer.status(of: "Kravet är uppfyllt enligt den plan som beslutades av nämnden") == nil)
  }

  /// A long text of alternating titles and statuses: every title gets its own status.
  @Test func pairsManyFocusAreasInOrder() {
    let statuses = ["helt", "delvis", "inte"]
    let body = (0..<3000).map { "Fokusområde: Område nummer\nUppfylls \(statuses[$0 % 3])" }.joined(separator: "\n")
    let context = FigureFixtures.run(FocusAreaRecognizer(), on: FigureFixtures.text(body))
    #expect(context.goals.count == 3000)
    #expect(context.goals.enumerated().allSatisfy { $0.element.status.rawValue == statuses[$0.offset % 3] })
    #expect(context.goals.last?.line == 5999)
  }
}
