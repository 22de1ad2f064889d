import Foundation
import HQData
import HQEngine
import HQSyntax
import Testing

/// Times the four benchmark queries of issue 5 over synthetic facts. Runs only when
/// `HQ_ENGINE_BENCH=ROWS` is set (it is a measurement, not a check); build with `-c release`.
@Suite struct EngineBenchmarkTests {
  @Test func benchmarkQueries() throws {
    guard let rowsText = ProcessInfo.processInfo.environment["HQ_ENGINE_BENCH"], let rows = Int(rowsText) else { return }
    let start = Date()
    let facts = SyntheticFacts.make(rows: rows)
    print("generated \(rows) facts in \(Int(Date().timeIntervalSince(start) * 1000)) ms")
    var engine = Engine(catalog: Catalog([facts]))
    let queries = [
      "from facts | where year == 2020 and kind == \"utfall\" | count",
      "from facts | summarize n = count(), s = sum(value) by report, kind | top 10 by s",
      "from facts | where year in [2023, 2024] | compare year 2023 vs 2024 | top 20 by abs(delta)",
      "from facts | where indicator ~ \"vård\" | count",
      "from facts | sort value desc | take 10",
      "from facts | summarize a = avg(value), m = max(value) by indicator | count",
    ]
    for q in queries {
      var times: [Double] = []
      var resultRows = 0
      for _ in 0..<3 {
        let t = Date()
        try engine.run(SourceFile(name: "<bench>", text: q)) { resultRows = $0.rowCount }
        times.append(Date().timeIntervalSince(t) * 1000)
      }
      print(String(format: "%8.1f ms  (%d rows)  %@", times.sorted()[1], resultRows, q))
    }
  }
}

/// Deterministic synthetic facts with the cardinalities of issue 5: 311 organisations,
/// thousands of indicators, 16 years, the six kinds, a few units.
enum SyntheticFacts {
  static func make(rows: Int) -> Table {
    var random = SplitMix64(seed: 42)
    let organisations = (0..<311).map { "Organisation \($0) län" }
    let indicators = (0..<3000).map { i in ["Kostnad för vård", "Antal patienter", "Läkemedel", "Väntetid", "Öppenvård"][i % 5] + " \(i)" }
    let kinds = ["utfall", "budget", "prognos", "avvikelse", "mål", "värde"]
    let units = ["mnkr", "%", "st", "kr", "dagar", ""]
    var report = [UInt32](), indicator = [UInt32](), kind = [UInt32](), unit = [UInt32]()
    var year = [Int64](), value = [Int64]()
    report.reserveCapacity(rows); indicator.reserveCapacity(rows); kind.reserveCapacity(rows)
    unit.reserveCapacity(rows); year.reserveCapacity(rows); value.reserveCapacity(rows)
    // Each (organisation, indicator, kind) series runs over consecutive years, so keys are unique.
    var r = 0
    var series = 0
    while r < rows {
      // Series are numbered so that (organisation, indicator, kind) never repeats.
      let o = UInt32(series % 311)
      let i = UInt32(series / 311 % 3000)
      let k = UInt32(series / (311 * 3000) % 6)
      series += 1
      let u = UInt32(i % 6)
      let first = 2009 + Int64(random.next() % 8)
      for y in first...2024 where r < rows {
        report.append(o); indicator.append(i); kind.append(k); unit.append(u)
        year.append(y); value.append(Int64(random.next() % 2_000_000) - 500_000)
        r += 1
      }
    }
    func text(_ name: String, _ codes: [UInt32], _ dictionary: [String]) -> Column {
      Column(name: name, type: .text, storage: .text(codes: codes, dictionary: dictionary), nulls: nil, count: codes.count)
    }
    return Table(name: "facts", columns: [
      text("report", report, organisations), text("indicator", indicator, indicators), text("kind", kind, kinds),
      Column(name: "year", type: .number, storage: .number(mantissas: year, scales: [], uniformScale: 0), nulls: nil, count: rows),
      Column(name: "value", type: .number, storage: .number(mantissas: value, scales: [], uniformScale: 1), nulls: nil, count: rows),
      text("unit", unit, units),
    ]).withConventionalRoles
  }
}
