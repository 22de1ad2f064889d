#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HQData
import Testing

@testable import HQReports

/// Builds recognizer input from text, the way the driver prepares it (no sections).
enum FigureFixtures {
  static func text(_ body: String, year: Int? = 2024, id: String = "test") -> ReportText {
    let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return ReportText(
      source: "test.txt", reportID: id, lines: lines, cleaned: lines.map { TextLines.clean($0) }, documentUnit: "", reportYear: year,
      sectionTitles: Array(repeating: "", count: lines.count))
  }

  /// The bundled report text, read from Datasets/.
  static func dataset(_ name: String, year: Int?, id: String) throws -> ReportText {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Datasets").appendingPathComponent(name)
    let body = try String(contentsOf: url, encoding: .utf8)
    return text(body, year: year, id: id)
  }

  static func annual2024() throws -> ReportText {
    try dataset("region-halland-arsredovisning-2024.txt", year: 2024, id: "rh-ar-2024")
  }

  static func followUp2017() throws -> ReportText {
    try dataset("region-halland-uppfoljningsrapport-2-2017.txt", year: 2017, id: "rh-up2-2017")
  }

  /// Runs one recognizer over the text.
  static func run(_ recognizer: some Recognizer, on text: ReportText) -> RecognitionContext {
    var context = RecognitionContext()
    recognizer.recognize(in: text, context: &context)
    return context
  }

  static func number(_ text: String) -> Number {
    Number(text) ?? Number.zero
  }
}

@Suite struct FiguresFixturesTests {
  /// All figure recognizers in registry order over the 2024 annual report: each figure is read
  /// by the recognizer meant for it and no line twice. Counts worked out from the per-recognizer
  /// tests: 6 indicators × 5 columns, 4 × 2 accessibility, 11 + 7 staff, 4 production,
  /// 4 + 8 × 2 + 5 + 2 bullet amounts; 7 focus areas.
  @Test func theFigureRecognizersTogetherOnThe2024AnnualReport() throws {
    let text = try FigureFixtures.annual2024()
    var context = RecognitionContext()
    var claimedBefore = 0
    for recognizer in FigureRecognizers.members {
      let factsBefore = context.facts.count
      recognizer.recognize(in: text, context: &context)
      #expect(context.claimed.count >= claimedBefore, "\(recognizer.name)")
      claimedBefore = context.claimed.count
      let expected = [
        "indicator-comparison": 30, "accessibility": 8, "staff-figures": 18, "labelled-run": 4,
        "bullet-amounts": 27, "focus-areas": 0,
      ]
      #expect(context.facts.count - factsBefore == expected[recognizer.name], "\(recognizer.name)")
    }
    #expect(context.goals.count == 7)
    #expect(context.warnings.isEmpty)
    // No two facts read the same number twice: (line, indicator, measure) is unique.
    let keys = context.facts.map { "\($0.line)|\($0.indicator)|\($0.measure)" }
    #expect(Set(keys).count == keys.count)
  }

  /// The registry's one figure pass reads what the recognizers read when each runs alone, in
  /// the same order.
  @Test func theFigurePassEqualsItsMembersRunOneByOne() throws {
    let text = try FigureFixtures.annual2024()
    var together = RecognitionContext()
    for recognizer in Recognizers.figures { recognizer.recognize(in: text, context: &together) }
    var oneByOne = RecognitionContext()
    for recognizer in FigureRecognizers.members { recognizer.recognize(in: text, context: &oneByOne) }
    #expect(together.facts == oneByOne.facts)
    #expect(together.goals == oneByOne.goals)
    #expect(together.claimed == oneByOne.claimed)
    #expect(together.facts.count == 87 && together.goals.count == 7)
  }

  @Test func theFigureRecognizersTogetherOnThe2017FollowUpReport() throws {
    let text = try FigureFixtures.followUp2017()
    var context = RecognitionContext()
    for recognizer in FigureRecognizers.members { recognizer.recognize(in: text, context: &context) }
    // The 2017 report is tables and prose: nothing of it is a slide figure.
    #expect(context.facts.isEmpty && context.goals.isEmpty && context.claimed.isEmpty)
  }

  /// Ingestion must never trap, whatever the text: the recognizers run over thousands of
  /// windows, shuffles and damaged copies of both reports' lines.
  @Test func theFigureRecognizersNeverTrapOnDamagedText() throws {
    let sources = [try FigureFixtures.annual2024().lines, try FigureFixtures.followUp2017().lines]
    var random = SplitMix(seed: 2024)
    let damage = ["", " ", "(", ")", "%", "-", "●", "Ø", "(16 av", "Uppfylls", "Fokusområde:", "jämfört med", "99%", "0", "av 21)"]
    for round in 0..<300 {
      let source = sources[round % 2]
      let start = Int(random.next() % UInt64(source.count))
      let length = 1 + Int(random.next() % 60)
      var lines = Array(source[start..<min(source.count, start + length)])
      if round % 3 == 1 { lines.shuffle(using: &random) }
      if round % 3 == 2 {
        for _ in 0..<5 {
          let index = Int(random.next() % UInt64(lines.count))
          let piece = damage[Int(random.next() % UInt64(damage.count))]
          lines[index] = random.next() % 2 == 0 ? piece + lines[index] : String(lines[index].prefix(Int(random.next() % 12))) + piece
        }
      }
      let text = FigureFixtures.text(lines.joined(separator: "\n"))
      var context = RecognitionContext()
      for recognizer in FigureRecognizers.members { recognizer.recognize(in: text, context: &context) }
      #expect(context.facts.allSatisfy { $0.line >= 1 && $0.line <= lines.count })
    }
  }
}

/// A small deterministic generator, so a failing round can be replayed.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
