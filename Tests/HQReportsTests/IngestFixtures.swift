#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HQData
import Testing

@testable import HQReports

/// The bundled report texts, ingested once per test process.
enum IngestFixtures {
  static func datasetText(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Datasets").appendingPathComponent(name)
    return try String(contentsOf: url, encoding: .utf8)
  }

  static let followUpName = "region-halland-uppfoljningsrapport-2-2017.txt"
  static let annualName = "region-halland-arsredovisning-2024.txt"

  static func followUp() throws -> IngestResult {
    ReportIngester.ingest(text: try datasetText(followUpName), source: followUpName)
  }

  static func annual() throws -> IngestResult {
    ReportIngester.ingest(text: try datasetText(annualName), source: annualName)
  }

  static func number(_ text: String) -> Number {
    Number(text) ?? Number.zero
  }
}

@Suite struct IngestDumpTests {
  /// `HQ_DUMP=1 swift test --filter IngestDumpTests` prints what was read, for eyeballing.
  @Test func dump() throws {
    guard ProcessInfo.processInfo.environment["HQ_DUMP"] != nil else { return }
    for result in [try IngestFixtures.followUp(), try IngestFixtures.annual()] {
      let m = result.model
      for r in m.reports { print("REPORT", r) }
      for s in m.sections { print("SECTION", s.line, s.number, "|", s.title, "|", s.level) }
      for f in m.facts {
        print("FACT", f.line, f.section, "|", f.table, "|", f.indicator, "|", f.measure, "|", f.kind, f.period, f.year as Any, f.value, f.unit)
      }
      for w in result.warnings { print("WARN", w) }
    }
  }
}

@Suite struct IngestSpeedTests {
  /// `HQ_BENCH=1 swift test -c release --filter IngestSpeedTests` prints the ingest speed.
  @Test func speed() throws {
    guard ProcessInfo.processInfo.environment["HQ_BENCH"] != nil else { return }
    let body = try IngestFixtures.datasetText(IngestFixtures.followUpName) + IngestFixtures.datasetText(IngestFixtures.annualName)
    let text = String(repeating: body, count: 20)
    let clock = ContinuousClock()
    var facts = 0
    let elapsed = clock.measure { facts = ReportIngester.ingest(text: text, source: "bench.txt").model.facts.count }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("BENCH \(text.utf8.count) bytes, \(facts) facts in \(seconds) s: \(Double(text.utf8.count) / seconds / 1e6) MB/s")
  }
}
