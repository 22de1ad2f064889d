import Testing

@testable import HQReports

/// The identities of the dev texts (Datasets/dev, real Kungsbacka reports converted by a third
/// party), read off each text's running header or footer by hand.
@Suite struct ReportIdentityDevTextsTests {
  struct Expected: Sendable, CustomTestStringConvertible {
    var file: String
    var id: String
    var organisation: String
    var committee: String
    var kind: String
    var year: Int?
    var period: String
    var title: String

    var testDescription: String { file }
  }

  static let expected: [Expected] = [
    // `Nämnden för Teknik … Kungsbacka kommun` + `Nämndens årsredovisning 2024` on every page.
    Expected(
      file: "kungsbacka-teknik-ar-2024-ekonomi.txt", id: "kungsbacka-teknik-ar-2024", organisation: "Kungsbacka kommun",
      committee: "Nämnden för Teknik", kind: "årsredovisning", year: 2024, period: "helår",
      title: "Nämndens årsredovisning 2024 – Nämnden för Teknik, Kungsbacka kommun"),
    Expected(
      file: "kungsbacka-service-ar-2024-personal-ekonomi.txt", id: "kungsbacka-service-ar-2024",
      organisation: "Kungsbacka kommun", committee: "Nämnden för Service", kind: "årsredovisning", year: 2024,
      period: "helår", title: "Nämndens årsredovisning 2024 – Nämnden för Service, Kungsbacka kommun"),
    Expected(
      file: "kungsbacka-kultur-ar-2024-personal-ekonomi.txt", id: "kungsbacka-kultur-ar-2024",
      organisation: "Kungsbacka kommun", committee: "Nämnden för Kultur & Fritid", kind: "årsredovisning", year: 2024,
      period: "helår", title: "Nämndens årsredovisning 2024 – Nämnden för Kultur & Fritid, Kungsbacka kommun"),
    Expected(
      file: "kungsbacka-ifo-ar-2023-matt-personal-ekonomi.txt", id: "kungsbacka-individ-ar-2023",
      organisation: "Kungsbacka kommun", committee: "Nämnden för Individ & Familjeomsorg", kind: "årsredovisning",
      year: 2023, period: "helår",
      title: "Nämndens årsredovisning 2023 – Nämnden för Individ & Familjeomsorg, Kungsbacka kommun"),
    // `Delårsrapport Augusti 2024` under the nämnd's header.
    Expected(
      file: "kungsbacka-ga-dr-2024-aug-matt-ekonomi.txt", id: "kungsbacka-gymnasium-dr-2024",
      organisation: "Kungsbacka kommun", committee: "Nämnden för Gymnasium & Arbetsmarknad", kind: "delårsrapport",
      year: 2024, period: "jan–aug",
      title: "Delårsrapport Augusti 2024 – Nämnden för Gymnasium & Arbetsmarknad, Kungsbacka kommun"),
    Expected(
      file: "kungsbacka-fg-dr-2024-aug-matt-personal.txt", id: "kungsbacka-forskola-dr-2024",
      organisation: "Kungsbacka kommun", committee: "Nämnden för Förskola & Grundskola", kind: "delårsrapport",
      year: 2024, period: "jan–aug",
      title: "Delårsrapport Augusti 2024 – Nämnden för Förskola & Grundskola, Kungsbacka kommun"),
    // The footer `Kungsbacka kommun   Delårsbokslut 2025   25`; the prose says `årsbokslutet`
    // (line 243) and `årsredovisningen` (line 129).
    Expected(
      file: "kungsbacka-dr-2025-aug-finansiella-rapporter.txt", id: "kungsbacka-dr-2025", organisation: "Kungsbacka kommun",
      committee: "", kind: "delårsrapport", year: 2025, period: "jan–aug", title: "Delårsbokslut 2025 – Kungsbacka kommun"),
    // The footer `Kungsbacka kommun   Apriluppföljning 2025   4`.
    Expected(
      file: "kungsbacka-uppf-2025-apr-ekonomi.txt", id: "kungsbacka-up-apr-2025", organisation: "Kungsbacka kommun",
      committee: "", kind: "uppföljningsrapport", year: 2025, period: "jan–apr",
      title: "Apriluppföljning 2025 – Kungsbacka kommun"),
    // The budget excerpt has no title, header or footer (only page numbers 41–47), and names
    // Kungsbacka kommun once (line 131): neither kind nor organisation can be told, and the
    // year is the one written most often (2025: 12 times; 2026: 11).
    Expected(
      file: "kungsbacka-budget-2026-finansiella-rapporter.txt", id: "rapport-2025", organisation: "", committee: "",
      kind: "", year: 2025, period: "", title: "Rapport 2025"),
  ]

  static func lines(_ file: String, keepingPageMarkers: Bool = true) throws -> [String] {
    let lines = TextLines.split(try IngestFixtures.datasetText("dev/" + file))
    return keepingPageMarkers ? lines : lines.filter { !$0.hasPrefix("<!-- sida") }
  }

  @Test(arguments: expected)
  func identity(_ expected: Expected) throws {
    let result = ReportIngester.ingest(text: try IngestFixtures.datasetText("dev/" + expected.file), source: expected.file)
    let report = try #require(result.model.reports.first)
    #expect(report.id == expected.id)
    #expect(report.organisation == expected.organisation)
    #expect(report.committee == expected.committee)
    #expect(report.kind == expected.kind)
    #expect(report.year == expected.year)
    #expect(report.period == expected.period)
    #expect(report.title == expected.title)
    #expect(report.source == expected.file)
  }

  /// Without the converter's page markers (as `pdftotext` gives a text, form feeds turned into
  /// line breaks) the running headers and footers are still found, and the identity is the same.
  @Test(arguments: expected)
  func identityWithoutPageMarkers(_ expected: Expected) throws {
    let identity = ReportIdentity.read(try Self.lines(expected.file, keepingPageMarkers: false))
    #expect(identity.id == expected.id)
    #expect(identity.committee == expected.committee)
    #expect(identity.period == expected.period)
  }

  /// Page numbers and running lines of three texts, read off by hand (1-based lines).
  @Test func pageFurniture() throws {
    let teknik = try Self.lines("kungsbacka-teknik-ar-2024-ekonomi.txt")
    var furniture = PageFurniture.find(in: teknik)
    #expect(furniture.pageNumbers.map { $0 + 1 } == [32, 87, 116, 170, 255, 320, 372, 427])
    #expect(furniture.pageNumbers.map { teknik[$0] } == (33...40).map(String.init))
    #expect(furniture.markers.map { $0 + 1 } == [1, 55, 109, 154, 209, 271, 329, 387])
    #expect(furniture.running.map { $0 + 1 } == [3, 4, 57, 58, 111, 112, 156, 157, 211, 212, 273, 274, 331, 332, 389, 390])
    // The notes `Not 1` … `Not 5` (lines 114–216) count up too, but are no footer.
    #expect(!furniture.lineIndexes.contains(113))

    let interim = try Self.lines("kungsbacka-dr-2025-aug-finansiella-rapporter.txt")
    furniture = PageFurniture.find(in: interim)
    #expect(furniture.running.map { $0 + 1 } == [45, 84, 103, 158, 172, 258, 297, 307, 368, 437])
    #expect(furniture.pageNumbers.isEmpty)

    let budget = try Self.lines("kungsbacka-budget-2026-finansiella-rapporter.txt")
    furniture = PageFurniture.find(in: budget)
    #expect(furniture.pageNumbers.map { $0 + 1 } == [32, 92, 137, 192, 243, 300, 351])
    #expect(furniture.running.isEmpty)
    // Chart ticks (`0` on line 25, `500` on line 70) stay.
    #expect(!furniture.lineIndexes.contains(24))
    #expect(!furniture.lineIndexes.contains(69))
  }

  /// The bundled reports have no running header naming them; they keep their identity.
  @Test func bundledReportsKeepTheirIdentity() throws {
    for (name, id) in [(IngestFixtures.annualName, "rh-ar-2024"), (IngestFixtures.followUpName, "rh-up2-2017")] {
      let identity = ReportIdentity.read(TextLines.split(try IngestFixtures.datasetText(name)))
      #expect(identity.id == id)
      #expect(identity.organisation == "Region Halland")
      #expect(identity.committee == "")
    }
  }
}
