import HQData
import HQDiagnostics
import HQEngine
import HQSyntax
import Synchronization
import Testing

/// Projection pushdown (issue 16, item 1): a statement over a table read column by column
/// (``DeferredTable``) parses only the columns it reads, and its result is the one the whole
/// table gives.
@Suite struct ProjectionTests {
  /// A deferred `facts` whose reader hands out the fixture's columns and notes which were asked for.
  final class Recorder: Sendable {
    let asked = Mutex<[[Int]]>([])
    var all: [Int] { asked.withLock { $0.flatMap { $0 } } }
  }

  static func deferred(
    _ table: Table, types: [ValueType]? = nil, recorder: Recorder = Recorder(), failing: Bool = false
  ) -> DeferredTable {
    var fields = table.schema.fields
    if let types { for i in fields.indices { fields[i].type = types[i] } }
    return DeferredTable(name: table.name, fields: fields) { (wanted, _) throws(DiagnosticError) in
      recorder.asked.withLock { $0.append(wanted) }
      if failing { throw DiagnosticError(file: "facts.csv", line: 7, column: 3, "expected 6 fields, got 5") }
      var columns: [Int: Column] = [:]
      for index in wanted { columns[index] = table.columns[index] }
      return DeferredTable.ReadResult(columns: columns, rowCount: table.rowCount)
    }
  }

  static func engine(_ facts: DeferredTable) -> Engine {
    var catalog = Catalog([Fixture.goals, Fixture.lines])
    catalog.add(facts)
    return Engine(catalog: catalog)
  }

  static let queries: [(query: String, reads: [Int]?)] = [
    ("from facts | where year == 2024 | count", [3]),
    ("from facts | summarize s = sum(value), n = count() by kind", [2, 4]),
    ("from facts | where value > 10 | sort value desc | take 2 | select indicator, value", [1, 4]),
    ("from facts | distinct indicator", [1]),
    ("from facts | where indicator ~ \"läk\" | count", [1]),
    ("from facts | where kind == \"utfall\" | compare year 2023 vs 2024 by indicator", [1, 2, 3, 4]),
    ("from facts | where kind == \"utfall\" | pivot year by indicator", [1, 2, 3, 4]),
    ("from facts | where unit == \"st\"", nil),
    ("from facts", nil),
    ("from facts | derive v2 = value * 2 | summarize s = sum(v2)", nil),
    ("from facts | derive prev = lag(value) by indicator sort year | summarize n = count(prev)", nil),
    ("from facts | join goals on report | summarize n = count() by status", [0]),
    ("from goals | join facts on report | count", nil),
    ("from facts | top 1 by value desc per kind | select indicator, kind", [1, 2, 4]),
    ("from facts | take 3 | select x = 1", [0]),
  ]

  @Test(arguments: queries)
  func resultsEqualTheWholeTable(_ query: String, reads: [Int]?) throws {
    var whole = Fixture.engine
    let expected = try run(query, engine: &whole)
    let recorder = Recorder()
    var engine = Self.engine(Self.deferred(Fixture.facts, recorder: recorder))
    #expect(try run(query, engine: &engine) == expected)
    if let reads {
      #expect(recorder.all == reads, "columns parsed")
    }
  }

  @Test func aTypeGuessedWrongIsCheckedAgainWithTheColumnsType() throws {
    // `year` sniffed as text and `kind` as a number: the statements read them and see their types.
    let types: [ValueType] = [.text, .text, .number, .text, .number, .text]
    for query in [
      "from facts | where year == 2024 | count", "from facts | summarize n = count() by year | sort year",
      "from facts | where kind == \"budget\" | select indicator", "from facts | summarize n = count() by kind",
    ] {
      var whole = Fixture.engine
      var engine = Self.engine(Self.deferred(Fixture.facts, types: types))
      #expect(try run(query, engine: &engine) == (try run(query, engine: &whole)), "\(query)")
    }
    // A real type error is the one the whole table gives.
    let whole = failure("from facts | where kind > 3 | count")
    #expect(whole.contains("error"))
    #expect(failure("from facts | where kind > 3 | count", engine: Self.engine(Self.deferred(Fixture.facts, types: types))) == whole)
  }

  @Test func aReadThatFailsIsTheStatementsErrorWithTheFilesPlace() {
    let engine = Self.engine(Self.deferred(Fixture.facts, failing: true))
    for query in ["from facts | where year == 2024 | count", "from facts", "from goals | join facts on report | count"] {
      let message = failure(query, engine: engine)
      #expect(message.contains("expected 6 fields, got 5"), "\(query): \(message)")
    }
    #expect(failure("from facts | count", engine: engine).contains("facts.csv:7:3"))
  }

  @Test func theColumnsAPlannedRunReads() {
    let engine = Self.engine(Self.deferred(Fixture.facts))
    func reads(_ texts: [String]) -> [Int]? { engine.columnsRead(of: "facts", by: texts) }
    #expect(reads(["from facts | where year == 2024 | count"]) == [3])
    #expect(reads(["from goals | count"]) == [])
    #expect(reads(["from facts | summarize s = sum(value) by kind", "from facts | where unit == \"st\" | count"]) == [2, 4, 5])
    #expect(reads(["from facts | join goals on report | summarize n = count() by status"]) == [0])
    #expect(reads(["from facts | where year == 2024 | count; from facts | distinct indicator"]) == [1, 3])
    // Read whole: a statement showing its columns, a join or union with the table, a view of
    // its name, a statement that does not check, text that does not parse.
    #expect(reads(["from facts"]) == nil)
    #expect(reads(["from facts | where year > 2023"]) == nil)
    #expect(reads(["from goals | join facts on report | count"]) == nil)
    #expect(reads(["from facts | join facts on report | count"]) == nil)
    #expect(reads(["let facts = from goals", "from facts | count"]) == nil)
    #expect(reads(["from facts | where vaule > 1 | count"]) == nil)
    #expect(reads(["from facts | where (year"]) == nil)
    // A function the statements define is known to the ones after it.
    #expect(reads(["let twice(x) = x * 2", "from facts | summarize s = sum(twice(value))"]) == [4])
    // A name inside a longer name is not a mention.
    #expect(reads(["from goals | where name == \"factsheet\" | count"]) == [])
  }

  @Test func theSchemaIsExactOnceRead() throws {
    let deferred = Self.deferred(Fixture.facts, types: [.text, .text, .text, .text, .text, .text])
    let engine = Self.engine(deferred)
    #expect(engine.catalog.fields(of: "facts")?.map(\.type) == [.text, .text, .text, .text, .text, .text])
    #expect(!deferred.isComplete)
    // Looking the table up reads it whole, with its real types.
    #expect(engine.catalog["facts"]?.schema == Fixture.facts.schema)
    #expect(deferred.isComplete)
    #expect(engine.catalog.fields(of: "facts") == Fixture.facts.schema.fields)
  }
}
