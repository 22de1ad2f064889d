import Testing

@testable import HQReports

/// Each identity rule on a text written for the test, with other organisations, committees,
/// kinds, months and years than the dev texts. Every expectation was worked out by hand from
/// the text and the rule.
@Suite struct ReportIdentityTests {
  static func identity(_ text: String) -> ReportIdentity {
    ReportIdentity.read(TextLines.split(text))
  }

  /// `pages` pages, each opening with `header` lines and closing with `footer(page)` lines,
  /// marked `<!-- sida N -->`, with page-specific prose between.
  static func pages(_ count: Int, header: [String], footer: (Int) -> [String] = { _ in [] }, body: String = "") -> String {
    (0..<count).map { page in
      (["<!-- sida \(page + 4) -->", ""] + header + [""] + PageFurnitureTests.prose(page, 5) + (page == 0 ? [body] : [])
        + footer(page)).joined(separator: "\n")
    }.joined(separator: "\n")
  }

  // MARK: Kind, year and period from the running header or footer

  @Test func committeeReportFromTheRunningHeader() {
    let id = Self.identity(Self.pages(3, header: ["Nämnden för Bygg & Miljö              Falkenbergs kommun", "Nämndens årsredovisning 2022"]))
    #expect(id.organisation == "Falkenbergs kommun")
    #expect(id.committee == "Nämnden för Bygg & Miljö")
    #expect(id.kind == "årsredovisning")
    #expect(id.year == 2022)
    #expect(id.period == "helår")
    #expect(id.id == "falkenbergs-bygg-ar-2022")
    #expect(id.title == "Nämndens årsredovisning 2022 – Nämnden för Bygg & Miljö, Falkenbergs kommun")
  }

  /// The case, in another kommun: the running footer says `Delårsbokslut`; the prose
  /// says `årsbokslutet` and names Region Halland once. Neither decides.
  @Test func footerWinsOverPassingMentions() {
    let prose = "Överskottet justeras i årsbokslutet, och Region Halland bidrar med medel."
    let text = Self.pages(4, header: [], footer: { ["", "Halmstads kommun        Delårsbokslut 2023          \($0 + 17)"] }, body: prose)
    let id = Self.identity(text)
    #expect(id.organisation == "Halmstads kommun")
    #expect(id.committee == "")
    #expect(id.kind == "delårsrapport")
    #expect(id.period == "jan–aug")  // a delårsrapport naming no month
    #expect(id.year == 2023)
    #expect(id.id == "halmstads-dr-2023")
    #expect(id.title == "Delårsbokslut 2023 – Halmstads kommun")
  }

  @Test(arguments: [
    ("Delårsrapport Juni 2021", "delårsrapport", "jan–jun", "dr"),
    ("Oktoberuppföljning 2021", "uppföljningsrapport", "jan–okt", "up-okt"),
    ("Uppföljning och prognos mars 2021", "uppföljningsrapport", "jan–mar", "up-mar"),
    ("Delårsrapport januari–juli 2021", "delårsrapport", "jan–jul", "dr"),
    ("Månadsrapport februari 2021", "månadsrapport", "jan–feb", "mr-feb"),
    ("Kommunbudget 2021", "budget", "helår", "budget"),
    ("Årsbokslut 2021", "årsredovisning", "helår", "ar"),
  ])
  func kindAndPeriodFromTheHeader(_ header: String, _ kind: String, _ period: String, _ short: String) {
    let id = Self.identity(Self.pages(3, header: ["Laholms kommun     \(header)"]))
    #expect(id.kind == kind)
    #expect(id.period == period)
    #expect(id.year == 2021)
    #expect(id.id == "laholms-\(short)-2021")
  }

  // MARK: Kind from the title, then from a heading

  /// A bolag's name before the kind (`Norrhamn Stuveri AB Årsredovisning 2031`), a region
  /// named with its county (`Region Örebro län`), and a date phrase between the kind and its
  /// year (`Delårsbokslut per den 30 april 2031`): the title names them; a table header
  /// further down (`Bokslut 2031 Bokslut 2030`) does not.
  @Test func titlesOfBolagRegionsWithLänAndDatedInterimReports() {
    let bolag = Self.identity(
      "Norrhamn Stuveri AB Årsredovisning 2031\nNorrhamn Stuveri AB\n\nResultaträkning\nBokslut 2031 Bokslut 2030\nNettoomsättning 412,5 398,1\n")
    #expect(bolag.kind == "årsredovisning" && bolag.year == 2031 && bolag.period == "helår")
    #expect(bolag.organisation == "Norrhamn Stuveri AB")
    #expect(bolag.title == "Norrhamn Stuveri AB Årsredovisning 2031")
    let region = Self.identity("Region Örebro län Årsredovisning 2031\n\nInledning\nText om året.\n")
    #expect(region.organisation == "Region Örebro län")
    #expect(region.id == "rol-ar-2031")
    let interim = Self.identity("Delårsbokslut per den 30 april 2031\nNorrhamn Stuveri AB\n\nInledning\nText om perioden.\n")
    #expect(interim.kind == "delårsrapport" && interim.year == 2031 && interim.period == "jan–apr")
    let plan = Self.identity("Region Örebro län Verksamhetsplan och budget 2032\n\nInledning\nText om planen.\n")
    #expect(plan.kind == "budget" && plan.year == 2032 && plan.period == "helår" && plan.id == "rol-budget-2032")
    let story = Self.identity("Verksamhetsberättelse och bokslut 2031\nNorrhamn Stuveri AB\n\nInledning\nText om året.\n")
    #expect(story.kind == "verksamhetsberättelse" && story.period == "helår")
  }

  @Test func titleLineOfAKommunReport() {
    let id = Self.identity("Årsredovisning 2020 för Upplands Väsby kommun\n\nInledning\nText om året.\n")
    #expect(id.kind == "årsredovisning")
    #expect(id.organisation == "Upplands Väsby kommun")
    #expect(id.id == "upplands-vasby-ar-2020")
    #expect(id.title == "Årsredovisning 2020 för Upplands Väsby kommun")
  }

  /// The organisation first, then the kind: `Region X Delårsrapport …`, `X kommun Budget …`.
  @Test(arguments: [
    ("Östra Vallby kommun Delårsrapport januari–april 2029", "delårsrapport", 2029, "jan–apr", "Östra Vallby kommun"),
    ("Region Norrbotten Årsredovisning 2027", "årsredovisning", 2027, "helår", "Region Norrbotten"),
  ])
  func titleLineOpeningWithTheOrganisation(title: String, kind: String, year: Int, period: String, organisation: String) {
    let id = Self.identity("\(title)\n\nInledning\nText om perioden.\n")
    #expect(id.kind == kind)
    #expect(id.year == year)
    #expect(id.period == period)
    #expect(id.organisation == organisation)
    #expect(id.title == title)
  }

  /// A table's header among the first lines names kinds and years but is not the title.
  @Test func aHeaderLineOfColumnsIsNoTitle() {
    let id = Self.identity("""
      Tabell
      Utfall 2026 Budget 2027 Prognos 2027 Avvikelse
      Intäkter 12,0 13,5 13,1 -0,4

      Nämndens årsredovisning 2027
      Text om året.
      """)
    #expect(id.kind == "årsredovisning")
    #expect(id.year == 2027)
    #expect(!id.title.contains("Avvikelse"))
  }

  @Test func titleLinesNamingTheCommitteeAndTheOrganisation() {
    let id = Self.identity("Delårsrapport 2 2019\nHälso- och sjukvårdsnämnden\nRegion Västra Götaland\n\nText.\n")
    #expect(id.kind == "delårsrapport")
    #expect(id.number == 2)
    #expect(id.committee == "Hälso- och sjukvårdsnämnden")
    #expect(id.organisation == "Region Västra Götaland")
    #expect(id.id == "rvg-halso-dr2-2019")
  }

  @Test func titleOfABolag() {
    let id = Self.identity("Årsredovisning 2023\nVarbergs Bostads AB\n\nStyrelsen redovisar ett överskott.\n")
    #expect(id.organisation == "Varbergs Bostads AB")
    #expect(id.id == "varbergs-bostads-ar-2023")
  }

  /// A heading further down names the kind when no header or title does; `Uppföljning 2024`
  /// (no month) and `Budget 2024` (only in a header or title) do not.
  @Test func headingNamesTheKind() {
    let opening = (1...5).map { "Inledande mening \($0) om året som gått." }.joined(separator: "\n")
    let text = opening + "\n\nUppföljning 2024\nText.\n\nBudget 2024\nText.\n\nÅrsbokslut 2024 – översikt\n● Punkt\n"
    let id = Self.identity(text)
    #expect(id.kind == "årsredovisning")
    #expect(id.year == 2024)
  }

  /// Prose naming a kind in passing (definite forms, no year, mid-sentence) names none.
  @Test func prosePassingMentionsNameNoKind() {
    let text = """
      Resultatet justeras i årsbokslutet.

      Vi har använt samma principer som i årsredovisningen för 2022.
      I Kommunbudget 2024 har vi planerat för fler invånare, skriver Laholms kommun.

      Delårsrapporten visar ett överskott.
      """
    let id = Self.identity(text)
    #expect(id.kind == "")
    #expect(id.organisation == "")  // one mention
    #expect(id.id == "rapport-2024")
  }

  /// A title line without a year names the kind only with a word that heads no sections.
  @Test func titleWithoutAYear() {
    #expect(Self.identity("Årsredovisning\nLaholms kommun\n\nText.\n").kind == "årsredovisning")
    #expect(Self.identity("Budget\n\nText om budgeten.\n").kind == "")
    #expect(Self.identity("Bokslut och prognos\n\nText.\n").kind == "")
  }

  @Test func bareUppföljningNeedsAMonth() {
    #expect(Self.identity("Uppföljning 2024\n\nText.\n").kind == "")
    #expect(Self.identity("Uppföljning maj 2024\n\nText.\n").kind == "uppföljningsrapport")
  }

  // MARK: Organisation from mentions

  /// Without header, footer or title naming it, the region or kommun named most often, at
  /// least twice, is the organisation; a single mention, or a tie, gives none.
  @Test(arguments: [
    ("Text om Region Skåne.\nMer text.\n", ""),
    ("Region Skåne gör.\nRegion Skåne ser.\nMalmö stad gör.\n", "Region Skåne"),
    ("Ystads kommun gör.\nYstads kommuns mål.\nRegion Skåne gör.\nRegion Skåne ser.\n", ""),
    ("Ystads kommun gör.\nYstads kommuns mål.\nText.\nText.\nText.\nText.\nRegion Skåne gör.\n", "Ystads kommun"),
    ("Varje kommun ska.\nVarje kommun ska.\n", ""),
  ])
  func mostNamedOrganisation(_ text: String, _ organisation: String) {
    #expect(Self.identity(text).organisation == organisation)
  }

  /// A mention in a short title line counts twice, so a report saying once on its first line
  /// whose report it is gets its organisation.
  @Test func titleMentionCountsTwice() {
    let id = Self.identity("Kulturnämnden i Region Nordland redovisar\nText.\n")
    #expect(id.organisation == "Region Nordland")
    #expect(id.committee == "")  // a committee named in a sentence is no running header
  }

  // MARK: Period statements

  @Test(arguments: [
    ("Rapporten omfattar perioden januari-maj 2022.", "jan–maj"),
    ("Rapporten omfattar perioden januari till maj 2022.", "jan–maj"),
    ("Under perioden 2025–2028 minskar antalet barn.", nil),
    ("Under perioden januari ökade kostnaderna.", nil),
  ] as [(String, String?)])
  func periodStatement(_ line: String, _ period: String?) {
    #expect(ReportIdentity.periodStatement([line]) == period)
  }

  // MARK: Names

  @Test func committees() {
    func committee(_ text: String) -> String? { ReportIdentity.committee(in: text.split(separator: " ")) }
    #expect(committee("Nämnden för Vård & Omsorg Varbergs kommun") == "Nämnden för Vård & Omsorg")
    #expect(committee("Styrelsen för Räddningstjänst Syd") == "Styrelsen för Räddningstjänst Syd")
    #expect(committee("Socialnämnden") == "Socialnämnden")
    #expect(committee("Kommunstyrelsen") == "Kommunstyrelsen")
    #expect(committee("för Regionstyrelsens verksamheter") == nil)
    #expect(ReportIdentity.committeeSlug("Nämnden för Förskola & Grundskola") == "forskola")
    #expect(ReportIdentity.committeeSlug("Socialnämnden") == "social")
    #expect(ReportIdentity.committeeSlug("Kommunstyrelsen") == "kommunstyrelsen")
  }

  @Test func organisationSlugs() {
    typealias Name = ReportIdentity.OrganisationName
    #expect(ReportIdentity.organisationSlug(Name(name: "Region Halland", kind: .region)) == "rh")
    #expect(ReportIdentity.organisationSlug(Name(name: "Östersunds kommun", kind: .kommun)) == "ostersunds")
    #expect(ReportIdentity.organisationSlug(Name(name: "Göteborgs Stad", kind: .kommun)) == "goteborgs")
    #expect(ReportIdentity.organisationSlug(Name(name: "Eksta Bostads AB", kind: .bolag)) == "eksta-bostads")
    #expect(ReportIdentity.organisationSlug(nil) == "rapport")
    #expect(ReportIdentity.organisationSlug(Name(name: "Vårdförbundet Östra Fjället", kind: .forbund)) == "vardforbundet-ostra-fjallet")
  }

  /// A förbund (`…förbundet` and its name) is an organisation, read like a bolag: from a
  /// running header, the title line (before its kind: `Avfallsförbundet Södra Dal
  /// Delårsrapport …`) or a title line that is only its name — never from prose, where its
  /// member kommuner are named more often, and not without a name after it.
  @Test func forbundFromTitleAndRunningHeader() {
    let titled = Self.identity(
      "Avfallsförbundet Södra Dal Delårsrapport januari–juni 2031\n\nInledning\nAvfallsförbundet har under året tagit emot avfall från Bengtsfors kommun och Bengtsfors kommun.\n")
    #expect(titled.organisation == "Avfallsförbundet Södra Dal")
    #expect(titled.kind == "delårsrapport" && titled.period == "jan–jun")
    #expect(titled.id == "avfallsforbundet-sodra-dal-dr-2031")

    let named = Self.identity("Årsredovisning 2030\nBrandförbundet Kustlandet\n\nFörvaltningsberättelse\nÅret präglades av fler larm.\n")
    #expect(named.organisation == "Brandförbundet Kustlandet")
    #expect(named.id == "brandforbundet-kustlandet-ar-2030")

    let running = Self.identity(Self.pages(3, header: ["Tolkförbundet Väst                 Uppföljningsrapport oktober 2029"]))
    #expect(running.organisation == "Tolkförbundet Väst")
    #expect(running.id.hasPrefix("tolkforbundet-vast-up"))

    // Prose alone names no förbund: `Samordningsförbundet har …`, and a mention in a sentence.
    let prose = Self.identity(
      "Årsredovisning 2030\n\nSamordningsförbundet har under året stött insatser.\nMedlen kommer från Fiskebyns Samordningsförbundet Norr och andra.\n")
    #expect(prose.organisation == "")
  }
}
