import Testing

@testable import HQReports

/// Ingesting on two cores gives exactly what one thread gives (docs/MODEL.md, "Two cores, one
/// result"), also on text whose structure is scrambled: the bundled reports' lines shuffled into
/// a new order, so tables, headings, bullets and prose meet in ways no real report has.
@Suite struct IngestTwoCoresTests {
  static func bundled() throws -> [String] {
    let a = try FigureFixtures.annual2024().lines
    let b = try FigureFixtures.followUp2017().lines
    return a + b
  }

  static func expectSameBothWays(_ text: String) {
    let one = ReportIngester.ingest(text: text, source: "t.txt", concurrently: false)
    let two = ReportIngester.ingest(text: text, source: "t.txt", concurrently: true)
    #expect(two.model.facts == one.model.facts)
    #expect(two.model.goals == one.model.goals)
    #expect(two.model.sections == one.model.sections)
    #expect(two.model.lines == one.model.lines)
    #expect(two.warnings == one.warnings)
  }

  @Test func theBundledReportsRepeated() throws {
    let lines = try Self.bundled()
    let text = Array(repeating: lines.joined(separator: "\n"), count: 4).joined(separator: "\n")
    let one = ReportIngester.ingest(text: text, source: "t.txt", concurrently: false)
    #expect(one.model.facts.count > 1000)
    Self.expectSameBothWays(text)
  }

  @Test(arguments: [1, 2, 3])
  func shuffledLines(seed: UInt64) throws {
    var generator = SplitMix(seed: seed)  // FiguresFixturesTests.swift
    var lines = try Self.bundled()
    lines += lines
    // Shuffle runs of a few lines, so small tables survive and big structures break up.
    var runs: [[String]] = []
    var i = 0
    while i < lines.count {
      let n = Int(generator.next() % 12) + 1
      runs.append(Array(lines[i..<min(i + n, lines.count)]))
      i += n
    }
    runs.shuffle(using: &generator)
    Self.expectSameBothWays(runs.joined().joined(separator: "\n"))
  }
}
