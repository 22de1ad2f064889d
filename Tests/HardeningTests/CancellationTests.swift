#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import HQData
import HQEngine
import HQSyntax
import Testing

/// Ctrl-C during a long statement: the engine polls its ``CancellationToken`` and must stop
/// within 100 ms, with the session (the engine value and its catalog) still usable.
///
/// The table is large enough that every statement certainly outlasts the cancel delay: each
/// runs for well over ten times ``delay`` uncancelled
/// (``uncancelledRunOutlastsTheDelayTenTimes`` checks the quickest one), so a statement that
/// finishes instead of stopping fails the test rather than passing by luck.
@Suite(.serialized) struct CancellationTests {
  /// A `facts`-shaped table of `rows` rows, built straight into column storage: 30,000
  /// indicators, years 2023 and 2024 alternating, value = row number, and a new report every
  /// 60,000 rows, so (report, indicator, kind) names exactly one 2023 row and one 2024 row and
  /// a compare by those keys is valid all the way through.
  static func bigFacts(rows: Int) -> Table {
    let names = (0..<30_000).map { "Indikator \($0)" }
    func text(_ name: String, _ codes: [UInt32], _ dictionary: [String]) -> Column {
      Column(name: name, type: .text, storage: .text(codes: codes, dictionary: dictionary), nulls: nil, count: rows)
    }
    func number(_ name: String, _ values: [Int64]) -> Column {
      Column(
        name: name, type: .number, storage: .number(mantissas: values, scales: [], uniformScale: 0), nulls: nil,
        count: rows)
    }
    return Table(
      name: "facts",
      columns: [
        text("report", (0..<rows).map { UInt32($0 / 60_000) }, (0...(rows / 60_000)).map { "Rapport \($0)" }),
        text("indicator", (0..<rows).map { UInt32(($0 / 2) % names.count) }, names),
        text("kind", (0..<rows).map { UInt32(($0 / 60_000) % 2) }, ["utfall", "budget"]),
        number("year", (0..<rows).map { 2023 + Int64($0 % 2) }),
        number("value", (0..<rows).map { Int64($0) }),
      ]).withConventionalRoles
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static let rows = 4_000_000
  static let engine = Engine(catalog: Catalog([bigFacts(rows: rows)]))
  /// How long after the statement starts the token is cancelled.
  static let delay = 0.05

  static let queries = [
    "from facts | compare year 2023 vs 2024 by report, indicator, kind",
    "from facts | summarize total = sum(value), n = count() by indicator, kind | sort total desc",
    "from facts | where indicator ~ \"indikator 1\" | sort indicator, value desc",
    "from facts | pivot year value sum(value) by indicator",
  ]

  /// How a statement run on its own thread ended, handed back to the test's thread.
  final class Outcome: @unchecked Sendable {
    var text = ""
    var endedAt = 0.0
    let done = DispatchSemaphore(value: 0)
  }

  /// Runs `query` on a thread of its own, cancels it after `delay` seconds, and returns how
  /// the statement ended and how long after the cancel it returned.
  ///
  /// A plain thread, not a task: the statement blocks its thread while it runs, and a
  /// sleeping task might not be resumed in time on a machine with two cores.
  static func cancel(_ query: String, after delay: Double) -> (outcome: String, latency: Double) {
    let token = CancellationToken()
    let outcome = Outcome()
    let thread = Thread {
      var engine = CancellationTests.engine
      do throws(EngineError) {
        try engine.run(SourceFile(name: "<test>", text: query), cancellation: token) { _ in }
        outcome.text = "finished"
      } catch {
        switch error {
        case .cancelled: outcome.text = "cancelled"
        case .diagnostics(let d): outcome.text = d.rendered
        }
      }
      outcome.endedAt = CancellationTests.now()
      outcome.done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    usleep(useconds_t(delay * 1_000_000))
    let cancelledAt = now()
    token.cancel()
    outcome.done.wait()
    return (outcome.text, outcome.endedAt - cancelledAt)
  }

  /// The premise of the latency test: uncancelled, even the quickest statement (the
  /// summarize: 0.8 s in a debug build, against 1.9-7.9 s for the others) runs far longer than
  /// the cancel delay, so "cancelled" cannot be confused with "finished".
  @Test func uncancelledRunOutlastsTheDelayTenTimes() throws {
    var engine = Self.engine
    let start = Self.now()
    try engine.run(SourceFile(name: "<test>", text: Self.queries[1])) { _ in }
    let elapsed = Self.now() - start
    #expect(elapsed > 10 * Self.delay, "ran in \(Int(elapsed * 1000)) ms uncancelled")
  }

  @Test(arguments: queries)
  func longStatementStopsWithin100Milliseconds(query: String) {
    let (outcome, latency) = Self.cancel(query, after: Self.delay)
    #expect(outcome == "cancelled", "the statement ended as: \(outcome)")
    // Every kernel polls the token once per 32,768 rows (CancellationCheck.forEachChunk).
    #expect(latency < 0.1, "returned \(Int(latency * 1000)) ms after the cancel")
  }

  /// Polling changes no result: the last 100,000 rows, selected with a token that is never
  /// cancelled (so the selection is gathered chunk by chunk), summarized by kind. Rows
  /// 3,900,000-3,959,999 have kind budget ((row / 60,000) % 2 = 65 % 2 = 1), rows
  /// 3,960,000-3,999,999 utfall; value = row number, so the sums are arithmetic series:
  /// 30,000 × 7,859,999 and 20,000 × 7,959,999.
  @Test func aTokenThatIsNeverCancelledChangesNoResult() throws {
    var engine = Self.engine
    var rows: [[Value]] = []
    let query = "from facts | where value >= 3900000 | summarize n = count(), s = sum(value), hi = max(value) by kind"
    try engine.run(SourceFile(name: "<test>", text: query), cancellation: CancellationToken()) { table in
      rows = (0..<table.rowCount).map { table.row($0) }
    }
    #expect(
      rows == [
        [.text("budget"), .number(Number(60_000)), .number(Number(235_799_970_000)), .number(Number(3_959_999))],
        [.text("utfall"), .number(Number(40_000)), .number(Number(159_199_980_000)), .number(Number(3_999_999))],
      ])
  }

  @Test func sessionIsIntactAfterCancelling() throws {
    _ = Self.cancel("from facts | compare year 2023 vs 2024 by report, indicator, kind", after: Self.delay)
    // The shared engine value was never mutated by the cancelled run; a new statement runs.
    var engine = Self.engine
    var count: Value = .null
    try engine.run(SourceFile(name: "<test>", text: "from facts | where value < 10 | count")) { table in
      count = table.row(0).first ?? .null
    }
    #expect(count == .number(Number(10)))
  }
}
