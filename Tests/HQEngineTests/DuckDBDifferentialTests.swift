import Foundation
import HQData
import HQEngine
import HQSyntax
import Testing

/// Where the `duckdb` CLI is: `$HQ_DUCKDB`, else Scripts/.venv/bin/duckdb (installed by
/// Scripts/setup from the `duckdb-cli` package), else the PATH; nil when there is none.
enum DuckDB {
  static let path: String? = {
    let files = FileManager.default
    if let env = ProcessInfo.processInfo.environment["HQ_DUCKDB"], files.isExecutableFile(atPath: env) { return env }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let venv = root.appendingPathComponent("Scripts/.venv/bin/duckdb").path
    if files.isExecutableFile(atPath: venv) { return venv }
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(dir)/duckdb"
      if files.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }()
}

/// Random tables with nulls, ties and Swedish text, queried in hq and in DuckDB's CLI; the
/// results must agree (issue 13). The decimal column is a DuckDB `DECIMAL(18,1)`, so sums,
/// running sums, products and differences are compared exactly (as decimals: `-3.0` is `-3`);
/// only the results DuckDB computes in binary floating point (percentiles, variances, standard
/// deviations, moving averages) are compared to 1e-9. Nulls print as `NULL` on both sides, so a
/// null is never taken for an empty text. Results without an order are compared as multisets.
@Suite(.enabled(if: DuckDB.path != nil, "the duckdb CLI is not installed; run Scripts/setup (pip install duckdb-cli into Scripts/.venv)"))
struct DuckDBDifferentialTests {
  struct Case {
    var hq: String
    var sql: String
    var ordered: Bool
    /// Numbers compared to 1e-9 relative instead of exactly.
    var approximate = false
  }

  static let texts = ["alfa", "Åsa", "älv", "Öland", "vård", "värde", "vardag", " beta ", "Gamma-delta", "x-y-z"]
  static let others = ["x", "y", "z", "ö"]

  @Test(arguments: [21, 22, 23, 24, 25])
  func hqAgreesWithDuckDB(seed: UInt64) throws {
    var random = SplitMix64(seed: seed)
    let (table, inserts) = makeTable(&random, rows: 30 + Int(random.next() % 150))
    let setup = inserts + """
      create table u as select a as key, v as uv from t where id % 3 = 0;
      create table u2 as select a, v, w as extra from t where id % 4 = 0;

      """
    let views = """
      let u = from t | where id % 3 == 0 | select key = a, uv = v
      let u2 = from t | where id % 4 == 0 | select a, v, extra = w

      """
    let cases = Self.cases.map { c in Case(hq: views + c.hq, sql: c.sql, ordered: c.ordered, approximate: c.approximate) }
    let duckResults = try runDuckDB(setup: setup, queries: cases.map(\.sql))
    try #require(duckResults.count == cases.count + 1, "duckdb did not answer every query:\n\(duckResults.last ?? [])")
    for (i, c) in cases.enumerated() {
      var engine = Engine(catalog: Catalog([table]))
      var rows: [[String]] = []
      do {
        try engine.run(SourceFile(name: "<duckdb>", text: c.hq)) { result in
          for r in 0..<result.rowCount { rows.append(result.row(r).map { $0.isNull ? "NULL" : $0.description }) }
        }
      } catch {
        Issue.record("hq failed on \(c.hq): \(error)")
        continue
      }
      let expected = duckResults[i]
      let same = c.ordered
        ? equal(rows, expected, approximate: c.approximate)
        : equal(rows.sorted(by: lexicographic), expected.sorted(by: lexicographic), approximate: c.approximate)
      #expect(same, "seed \(seed)\nhq:  \(c.hq.split(separator: "\n").last ?? "")\nsql: \(c.sql)\nhq rows:  \(rows)\nduckdb rows: \(expected)")
    }
  }

  /// hq keeps the input order (by id) after `derive`; SQL says `order by id`. hq sorts nulls
  /// last, so the SQL says `nulls last`; ties are broken by `id` where hq's stable sort keeps
  /// the input order.
  static let cases: [Case] = [
    // Windows.
    Case(hq: "from t | derive p = lag(w), n = lead(v, 2), r = row_number() by a sort v, id | select id, p, n, r",
         sql: "select id, lag(w) over x, lead(v, 2) over x, row_number() over x from t window x as (partition by a order by v nulls last, id) order by id;", ordered: true),
    Case(hq: "from t | derive r = rank(), d = dense_rank() by b sort w desc | select id, r, d",
         sql: "select id, rank() over x, dense_rank() over x from t window x as (partition by b order by w desc nulls last) order by id;", ordered: true),
    Case(hq: "from t | derive r = rank(), d = dense_rank() sort v | select id, r, d",
         sql: "select id, rank() over (order by v nulls last), dense_rank() over (order by v nulls last) from t order by id;", ordered: true),
    Case(hq: "from t | derive s = running_sum(w), p = lag(a, 1) by b sort id | select id, s, p",
         sql: "select id, sum(w) over (partition by b order by id rows between unbounded preceding and current row), lag(a, 1) over (partition by b order by id) from t order by id;", ordered: true),
    Case(hq: "from t | derive m = moving_avg(w, 3) by a sort id | select id, m",
         sql: "select id, avg(w::double) over (partition by a order by id rows between 2 preceding and current row) from t order by id;", ordered: true, approximate: true),
    Case(hq: "from t | derive s = sum(w), c = count(v), lo = min(w), hi = max(v) by a, b | select id, s, c, lo, hi",
         sql: "select id, sum(w) over x, count(v) over x, min(w) over x, max(v) over x from t window x as (partition by a, b) order by id;", ordered: true),
    Case(hq: "from t | top 2 by w desc per b | select id",
         sql: "select id from (select id, row_number() over (partition by b order by w desc nulls last, id) as n from t) where n <= 2;", ordered: false),
    // Aggregates: exact sums, floating percentiles and variances.
    Case(hq: "from t | summarize n = count(), s = sum(w), sp = sum(v * w), l = list(b, \";\") by a",
         sql: "select a, count(*), sum(w), sum(v * w), string_agg(b, ';' order by id) from t group by a;", ordered: false),
    Case(hq: "from t | summarize p50 = percentile(w, 0.5), p25 = percentile(v, 0.25), p90 = percentile(w, 0.9), var = variance(w), sd = stddev(v), med = median(w) by b",
         sql: "select b, quantile_cont(w::double, 0.5), quantile_cont(v::double, 0.25), quantile_cont(w::double, 0.9), var_samp(w::double), stddev_samp(v::double), median(w::double) from t group by b;",
         ordered: false, approximate: true),
    // Joins.
    Case(hq: "from t | join u on a == key | select id, uv", sql: "select t.id, u.uv from t join u on t.a = u.key;", ordered: false),
    Case(hq: "from t | left join u on a == key | select id, uv", sql: "select t.id, u.uv from t left join u on t.a = u.key;", ordered: false),
    Case(hq: "from t | right join u on a == key | select id, a, uv", sql: "select t.id, coalesce(t.a, u.key), u.uv from t right join u on t.a = u.key;", ordered: false),
    Case(hq: "from t | full join u on a == key | select id, a, uv", sql: "select t.id, coalesce(t.a, u.key), u.uv from t full join u on t.a = u.key;", ordered: false),
    Case(hq: "from t | semi join u on a == key | select id", sql: "select id from t semi join u on t.a = u.key;", ordered: false),
    Case(hq: "from t | anti join u on a == key | select id", sql: "select id from t anti join u on t.a = u.key;", ordered: false),
    // Sets and shapes.
    Case(hq: "from t | select id, a, v | union u2", sql: "select id, a, v, null::decimal(18,1) as extra from t union all by name select a, v, extra from u2;", ordered: false),
    Case(hq: "from t | select id, v, w | unpivot v, w into name, value",
         sql: "select id, name, value from (unpivot (select id, v::decimal(18,1) as v, w from t) on v, w into name name value value);", ordered: false),
    // Text functions and exact arithmetic.
    Case(hq: "from t | select id, c = concat(a, \"/\", b), s = substr(a, 2, 3), r = replace(a, \"ä\", \"ae\"), tr = trim(a), sp = split_part(a, \"-\", 2), up = upper(a), lo = lower(a), n = length(a)",
         sql: "select id, concat(a, '/', b), substr(a, 2, 3), replace(a, 'ä', 'ae'), trim(a), split_part(a, '-', 2), upper(a), lower(a), length(a) from t;", ordered: false),
    Case(hq: "from t | select id, m = matches(a, \"^[ÅÄÖåäö]\"), e = extract(a, \"[a-zåäö]+\"), rr = regex_replace(a, \"[aeiouyåäö]\", \"*\"), cs = contains(a, \"å\"), sw = startswith(a, \"Å\"), ew = endswith(a, \"a\")",
         sql: "select id, regexp_matches(a, '^[ÅÄÖåäö]'), regexp_extract(a, '[a-zåäö]+'), regexp_replace(a, '[aeiouyåäö]', '*', 'g'), contains(a, 'å'), starts_with(a, 'Å'), ends_with(a, 'a') from t;", ordered: false),
    Case(hq: "from t | select id, x = v * w + w, y = w - v, m = v % 7, k = case when w > 0 then \"p\" when w < 0 then \"n\" else \"z\" end",
         sql: "select id, v * w + w, w - v, v % 7, case when w > 0 then 'p' when w < 0 then 'n' else 'z' end from t;", ordered: false),
  ]

  // MARK: Data

  /// `t(id, a, b, v, w)`: a and b texts with repeats and nulls (Swedish letters, dashes,
  /// surrounding spaces), v a small integer and w a one-decimal number in a narrow range, so
  /// there are many ties, both with nulls.
  private func makeTable(_ random: inout SplitMix64, rows: Int) -> (Table, String) {
    var builder = TableBuilder(name: "t", schema: Schema([
      Field("id", .number), Field("a", .text), Field("b", .text), Field("v", .number), Field("w", .number),
    ]))
    var sql = "create table t(id integer, a varchar, b varchar, v integer, w decimal(18,1));\n"
    for id in 0..<rows {
      let a: String? = random.next() % 9 == 0 ? nil : Self.texts[Int(random.next() % UInt64(Self.texts.count))]
      let b: String? = random.next() % 6 == 0 ? nil : Self.others[Int(random.next() % UInt64(Self.others.count))]
      let v: Int? = random.next() % 8 == 0 ? nil : Int(random.next() % 21) - 10
      let wTenths: Int? = random.next() % 7 == 0 ? nil : Int(random.next() % 61) - 30
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

  // MARK: Running DuckDB

  /// Runs the setup and each query in one `duckdb` process, reading the script from a file
  /// (so a large output cannot block the input); one result per query, split at a marker.
  private func runDuckDB(setup: String, queries: [String]) throws -> [[[String]]] {
    let marker = "--8<--"
    var script = setup
    for q in queries { script += q + "\nselect '\(marker)';\n" }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("hq-duckdb-\(UUID().uuidString).sql")
    try Data(script.utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: DuckDB.path ?? "duckdb")
    process.arguments = ["-list", "-noheader", "-nullvalue", "NULL", "-separator", "|", ":memory:"]
    process.standardInput = try FileHandle(forReadingFrom: file)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
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

  private func equal(_ a: [[String]], _ b: [[String]], approximate: Bool) -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) {
      guard x.count == y.count else { return false }
      for (u, v) in zip(x, y) where u != v {
        if let p = Number(u), let q = Number(v), p == q { continue }
        guard approximate, let p = Double(u), let q = Double(v), abs(p - q) <= 1e-9 * max(1, abs(p)) else { return false }
      }
    }
    return true
  }

  private func lexicographic(_ a: [String], _ b: [String]) -> Bool {
    for (x, y) in zip(a, b) where x != y {
      if let p = Double(x), let q = Double(y) { if p != q { return p < q } else { continue } }
      return x < y
    }
    return a.count < b.count
  }
}
