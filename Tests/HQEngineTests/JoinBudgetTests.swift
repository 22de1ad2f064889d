import HQData
import HQEngine
import HQSyntax
import Testing

/// The join's memory budget (issue 12, item 6): a self-join just under the row cap took
/// 8.1 GB to `count` 13 columns and aborted on allocation at 81 columns. The result is now
/// estimated before anything is allocated, and `count` after a join pairs no rows at all.
@Suite struct JoinBudgetTests {
  /// `n` rows with the same key `k` and a text and a number column.
  static func sameKey(_ name: String, rows n: Int) -> Table {
    Table(name: name, columns: [
      Column(name: "k", type: .number, storage: .number(mantissas: [Int64](repeating: 1, count: n), scales: [], uniformScale: 0), nulls: nil, count: n),
      Column(name: "t", type: .text, storage: .text(codes: [UInt32](repeating: 0, count: n), dictionary: ["x"]), nulls: nil, count: n),
      Column(name: "v", type: .number, storage: .number(mantissas: (0..<Int64(n)).map { $0 }, scales: [], uniformScale: 0), nulls: nil, count: n),
    ])
  }

  @Test func aJoinOverTheBudgetFailsBeforeAllocatingNamingItsSize() {
    var engine = Engine(catalog: Catalog([Self.sameKey("a", rows: 2_000), Self.sameKey("b", rows: 1_000)]))
    engine.memoryBudget = 16 << 20
    // 2,000 × 1,000 rows, 5 columns (a's k, t, v and b's t, v): 2,000,000 rows × (8 + 4 × 2
    // bytes of row indexes, 8 + 4 + 8 of a, 4 + 8 of b) = 80,000,000 bytes = 76.29 MiB.
    let message = failure("from a | join b on k", engine: engine)
    #expect(message == """
      <test>:1:10: error: join with 'b' would need about 76.2 MiB for 2000000 rows × 5 columns, more than the memory budget of 16 MiB
      from a | join b on k
               ^~~~
      help: join on more columns, narrow the rows with `where` or the columns with `select` first, or raise the budget with HQ_MEMORY_LIMIT=SIZE
      """)
    // Within the budget (the estimate exactly) the same join runs.
    engine.memoryBudget = 80_000_000
    #expect(failure("from a | join b on k | take 1", engine: engine) == "no error")
  }

  /// 12,000 × 12,000 rows with one key is 144,000,000 pairs: over the row cap, and about
  /// 4.6 GB to materialize. Counting them needs neither.
  @Test func countAfterAJoinPairsNoRows() throws {
    var engine = Engine(catalog: Catalog([Self.sameKey("a", rows: 12_000)]))
    engine.memoryBudget = 1 << 20
    #expect(try run("from a | join a on k | count", engine: &engine) == ["count", "144000000"])
    #expect(try run("from a | left join a on k | count", engine: &engine) == ["count", "144000000"])
    #expect(failure("from a | join a on k", engine: engine).contains("join would produce 144000000 rows, more than the 100000000 a join may produce"))
  }

  @Test func countMatchesTheMaterializedJoin() throws {
    let left = Fixture.table("l", [("k", .number), ("x", .text)], [[.int(1), .text("a")], [.int(2), .text("b")], [.null, .text("c")], [.int(1), .text("d")]])
    let right = Fixture.table("r", [("k", .number), ("y", .number)], [[.int(1), .int(10)], [.int(1), .int(11)], [.int(3), .int(30)], [.null, .int(0)]])
    var engine = Engine(catalog: Catalog([left, right]))
    // Inner: rows 1 and 4 of l match two rows each; nulls never match.
    #expect(try run("from l | join r on k | count", engine: &engine) == ["count", "4"])
    #expect(try run("from l | join r on k", engine: &engine).count == 1 + 4)
    // Left: plus the unmatched rows 2 and 3 of l.
    #expect(try run("from l | left join r on k | count", engine: &engine) == ["count", "6"])
    #expect(try run("from l | left join r on k", engine: &engine).count == 1 + 6)
  }

  @Test func estimatesSaturateInsteadOfOverflowing() {
    let columns = Self.sameKey("a", rows: 1).columns
    #expect(Engine.estimatedJoinBytes(rows: .max / 2, columns: columns) == .max)
  }
}
