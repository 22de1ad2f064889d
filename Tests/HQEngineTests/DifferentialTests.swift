import Foundation
import HQData
import HQEngine
import HQSyntax
import Testing

/// Random tables and queries run in hq and in the `sqlite3` CLI; the results must agree.
///
/// Every table has an `id`, two text columns with repeats and nulls, an integer column and a
/// one-decimal column (both with nulls). Queries combine a random `where` with summarize/by,
/// distinct, count, sort + take or select. Numbers are compared numerically (SQLite's `avg`
/// is a double), text exactly; results without `sort` are compared as multisets. Text is not
/// sorted here: SQLite orders bytes, hq orders Swedish words (tested by hand elsewhere).
@Suite struct DifferentialTests {
  static let sqlite = "/usr/bin/sqlite3"

  @Test(arguments: [1, 2, 3, 4, 5])
  func hqAgreesWithSQLite(seed: UInt64) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.sqlite) else {
      print("DifferentialTests skipped: \(Self.sqlite) is not installed")
      return
    }
    var random = SplitMix64(seed: seed)
    let (table, inserts) = makeTable(&random, rows: 40 + Int(random.next() % 200))
    var cases: [(hq: String, sql: String, ordered: Bool)] = []
    for _ in 0..<30 { cases.append(makeQuery(&random)) }
    let sqliteResults = try runSQLite(setup: inserts, queries: cases.map(\.sql))
    // One result per query, and the empty text after the last marker.
    try #require(sqliteResults.count == cases.count + 1, "sqlite3 did not answer every query")
    var engine = Engine(catalog: Catalog([table]))
    for (i, c) in cases.enumerated() {
      var rows: [[String]] = []
      do {
        try engine.run(SourceFile(name: "<diff>", text: c.hq)) { result in
          for r in 0..<result.rowCount {
            rows.append(result.row(r).map(\.description))
          }
        }
      } catch {
        Issue.record("hq failed on \(c.hq): \(error)")
        continue
      }
      let expected = sqliteResults[i]
      let same = c.ordered ? equal(rows, expected) : equal(rows.sorted(by: lexicographic), expected.sorted(by: lexicographic))
      #expect(same, "seed \(seed)\nhq:  \(c.hq)\nsql: \(c.sql)\nhq rows:  \(rows)\nsql rows: \(expected)")
    }
  }

  // MARK: Data

  private let texts = ["alfa", "beta", "Gamma", "delta", "Åsa"]
  private let others = ["x", "y", "z"]

  private func makeTable(_ random: inout SplitMix64, rows: Int) -> (Table, String) {
    var builder = TableBuilder(name: "t", schema: Schema([
      Field("id", .number), Field("a", .text), Field("b", .text), Field("v", .number), Field("w", .number),
    ]))
    var sql = "create table t(id integer, a text, b text, v integer, w real);\n"
    for id in 0..<rows {
      let a: String? = random.next() % 10 == 0 ? nil : texts[Int(random.next() % 5)]
      let b: String? = random.next() % 6 == 0 ? nil : others[Int(random.next() % 3)]
      let v: Int? = random.next() % 8 == 0 ? nil : Int(random.next() % 200) - 100
      let wTenths: Int? = random.next() % 7 == 0 ? nil : Int(random.next() % 2000) - 1000
      let w = wTenths.map { Number(mantissa: Int64($0), scale: 1) }
      try? builder.append([
        .int(id), a.map(Value.text) ?? .null, b.map(Value.text) ?? .null, v.map(Value.int) ?? .null,
        w.map(Value.number) ?? .null,
      ])
      func lit(_ s: String?) -> String { s.map { "'\($0)'" } ?? "null" }
      sql += "insert into t values(\(id), \(lit(a)), \(lit(b)), \(v.map(String.init) ?? "null"), \(w?.description ?? "null"));\n"
    }
    return (builder.build(), sql)
  }

  // MARK: Queries

  private func makeQuery(_ random: inout SplitMix64) -> (String, String, Bool) {
    let k = Int(random.next() % 200) - 100
    let t = texts[Int(random.next() % 5)]
    let o = others[Int(random.next() % 3)]
    let predicates: [(String, String)] = [
      ("v > \(k)", "v > \(k)"), ("v <= \(k)", "v <= \(k)"), ("a == \"\(t)\"", "a = '\(t)'"),
      ("a != \"\(t)\"", "a <> '\(t)'"), ("v is null", "v is null"), ("b is not null", "b is not null"),
      ("w < \(k) and a == \"\(t)\"", "w < \(k) and a = '\(t)'"), ("v > \(k) or b == \"\(o)\"", "v > \(k) or b = '\(o)'"),
      ("a in [\"\(t)\", \"beta\"]", "a in ('\(t)', 'beta')"), ("not (v < \(k))", "not (v < \(k))"),
      ("v + w > \(k)", "v + w > \(k)"), ("v * 2 - w >= \(k)", "v * 2 - w >= \(k)"),
    ]
    var hq = "from t"
    var whereSQL = ""
    if random.next() % 4 != 0 {
      let p = predicates[Int(random.next() % UInt64(predicates.count))]
      hq += " | where \(p.0)"
      whereSQL = " where \(p.1)"
    }
    let byChoices: [[String]] = [[], ["a"], ["b"], ["a", "b"]]
    switch random.next() % 6 {
    case 0, 1:
      let by = byChoices[Int(random.next() % 4)]
      let aggregates = "n = count(), c = count(v), s = sum(v), sw = sum(w), lo = min(v), hi = max(w), av = avg(w), d = count_distinct(b)"
      let sqlAggregates = "count(*), count(v), sum(v), sum(w), min(v), max(w), avg(w), count(distinct b)"
      hq += " | summarize \(aggregates)" + (by.isEmpty ? "" : " by \(by.joined(separator: ", "))")
      let keys = by.isEmpty ? "" : by.joined(separator: ", ") + ", "
      let group = by.isEmpty ? "" : " group by \(by.joined(separator: ", "))"
      return (hq, "select \(keys)\(sqlAggregates) from t\(whereSQL)\(group);", false)
    case 2:
      return (hq + " | distinct a, b", "select distinct a, b from t\(whereSQL);", false)
    case 3:
      return (hq + " | count", "select count(*) from t\(whereSQL);", false)
    case 4:
      let n = Int(random.next() % 20)
      let desc = random.next() % 2 == 0
      hq += " | sort v\(desc ? " desc" : ""), id | take \(n) | select id, v"
      return (hq, "select id, v from t\(whereSQL) order by v is null, v\(desc ? " desc" : ""), id limit \(n);", true)
    default:
      return (hq + " | select id, x = v + w, y = v * 2, z = -w", "select id, v + w, v * 2, -w from t\(whereSQL);", false)
    }
  }

  // MARK: Running SQLite

  private func runSQLite(setup: String, queries: [String]) throws -> [[[String]]] {
    let marker = "--8<--"
    var script = ".mode list\n.separator | \"\\n\"\n.headers off\n.nullvalue ''\n" + setup
    for q in queries { script += q + "\nselect '\(marker)';\n" }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.sqlite)
    process.arguments = [":memory:"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(script.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    var results: [[[String]]] = [[]]
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(line)
      if line == marker {
        results.append([])
      } else if !line.isEmpty {
        results[results.count - 1].append(line.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
      }
    }
    return results
  }

  // MARK: Comparing

  private func equal(_ a: [[String]], _ b: [[String]]) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
      guard x.count == y.count else { return false }
      for (u, v) in zip(x, y) where u != v {
        guard let p = Double(u), let q = Double(v), abs(p - q) <= 1e-6 * max(1, abs(p)) else { return false }
      }
    }
    return true
  }

  private func lexicographic(_ a: [String], _ b: [String]) -> Bool {
    // Numbers compare by value so "-1.50" and "-1.5" sort alike on both sides.
    for (x, y) in zip(a, b) where x != y {
      if let p = Double(x), let q = Double(y) { if p != q { return p < q } else { continue } }
      return x < y
    }
    return a.count < b.count
  }
}

/// A small deterministic generator (SplitMix64), so failures reproduce from the seed.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Window computations, the join kinds, `union` and some functions against SQLite's window
/// functions, joins and `union all`, over the same random tables. SQLite orders nulls first,
/// hq last, so the SQL orders by `x is null, x`; ties are broken by `id` on both sides.
extension DifferentialTests {
  @Test(arguments: [11, 12, 13, 14])
  func windowsJoinsAndSetsAgreeWithSQLite(seed: UInt64) throws {
    guard FileManager.default.isExecutableFile(atPath: Self.sqlite) else { return }
    var random = SplitMix64(seed: seed)
    let (table, inserts) = makeTable(&random, rows: 30 + Int(random.next() % 120))
    let u = "let u = from t | where id % 3 == 0 | select key = a, uv = v\n"
    let setup = inserts + "create table u as select a as key, v as uv from t where id % 3 = 0;\n"
    let cases: [(hq: String, sql: String, ordered: Bool)] = [
      ("from t | derive p = lag(v), n = lead(w), r = row_number() by a sort v, id | select id, p, n, r",
       "select id, lag(v) over x, lead(w) over x, row_number() over x from t window x as (partition by a order by v is null, v, id) order by id;", true),
      ("from t | derive r = rank(), d = dense_rank() by b sort v desc | select id, r, d",
       "select id, rank() over x, dense_rank() over x from t window x as (partition by b order by v is null, v desc) order by id;", true),
      ("from t | derive r = rank() sort a, b desc | select id, r",
       "select id, rank() over (order by a is null, a collate nocase, b is null, b desc) from t order by id;", true),
      ("from t | derive p2 = lag(v, 2), n3 = lead(a, 3) by b sort id | select id, p2, n3",
       "select id, lag(v, 2) over x, lead(a, 3) over x from t window x as (partition by b order by id) order by id;", true),
      ("from t | derive s = running_sum(w), m = moving_avg(w, 3) by a sort id | select id, s, m",
       "select id, sum(w) over x, avg(w) over (partition by a order by id rows between 2 preceding and current row) from t window x as (partition by a order by id rows between unbounded preceding and current row) order by id;", true),
      ("from t | derive s = sum(v), c = count(), m = max(w), f = first(v) by a, b sort id | select id, s, c, m",
       "select id, sum(v) over x, count(*) over x, max(w) over x from t window x as (partition by a, b) order by id;", true),
      ("from t | top 2 by v per b | select id",
       "select id from (select id, row_number() over (partition by b order by v is null, v desc, id) as n from t) where n <= 2;", false),
      (u + "from t | join u on a == key | select id, uv", "select t.id, u.uv from t join u on t.a = u.key;", false),
      (u + "from t | left join u on a == key | select id, uv", "select t.id, u.uv from t left join u on t.a = u.key;", false),
      (u + "from t | right join u on a == key | select id, a, uv", "select t.id, coalesce(t.a, u.key), u.uv from t right join u on t.a = u.key;", false),
      (u + "from t | full join u on a == key | select id, a, uv", "select t.id, coalesce(t.a, u.key), u.uv from t full join u on t.a = u.key;", false),
      (u + "from t | semi join u on a == key | select id", "select id from t where exists (select 1 from u where u.key = t.a);", false),
      (u + "from t | anti join u on a == key | select id", "select id from t where not exists (select 1 from u where u.key = t.a);", false),
      (u + "from t | select id, a | union u", "select id, a, null, null from t union all select null, null, key, uv from u;", false),
      ("from t | select id, c = concat(a, \"-\", b), s = substr(a, 2, 2), r = replace(a, \"a\", \"A\"), m = v % 7, k = case when v > 0 then \"p\" when v < 0 then \"n\" end",
       "select id, coalesce(a, '') || '-' || coalesce(b, ''), substr(a, 2, 2), replace(a, 'a', 'A'), v % 7, case when v > 0 then 'p' when v < 0 then 'n' end from t;", false),
    ]
    let sqliteResults = try runSQLite(setup: setup, queries: cases.map(\.sql))
    try #require(sqliteResults.count == cases.count + 1, "sqlite3 did not answer every query")
    for (i, c) in cases.enumerated() {
      var engine = Engine(catalog: Catalog([table]))
      var rows: [[String]] = []
      do {
        try engine.run(SourceFile(name: "<diff>", text: c.hq)) { result in
          for r in 0..<result.rowCount { rows.append(result.row(r).map(\.description)) }
        }
      } catch {
        Issue.record("hq failed on \(c.hq): \(error)")
        continue
      }
      let expected = sqliteResults[i]
      let same = c.ordered ? equal(rows, expected) : equal(rows.sorted(by: lexicographic), expected.sorted(by: lexicographic))
      #expect(same, "seed \(seed)\nhq:  \(c.hq)\nsql: \(c.sql)\nhq rows:  \(rows)\nsql rows: \(expected)")
    }
  }
}
