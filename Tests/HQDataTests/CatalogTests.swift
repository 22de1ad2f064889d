import HQData
import Synchronization
import Testing

@Suite struct CatalogTests {
  private static func table(_ name: String, rows: Int) -> Table {
    var builder = ColumnBuilder(name: "n", type: .number)
    for i in 0..<rows { builder.appendInteger(i) }
    return Table(name: name, columns: [builder.build()])
  }

  private static let fields = [Field("n", .number)]

  @Test func aDeferredTableIsBuiltOnlyWhenReadAndOnlyOnce() {
    let builds = Atomic<Int>(0)
    let catalog = Catalog(deferred: [
      DeferredTable(name: "big", fields: Self.fields) { builds.add(1, ordering: .relaxed); return Self.table("big", rows: 3) },
      DeferredTable(name: "small", fields: Self.fields) { Self.table("small", rows: 1) },
    ])
    // Names, order and membership without building anything.
    #expect(catalog.names == ["big", "small"])
    #expect(!catalog.isBuilt("big") && !catalog.isBuilt("small"))
    #expect(builds.load(ordering: .relaxed) == 0)
    #expect(catalog.fields(of: "big") == Self.fields)
    #expect(catalog["small"]?.rowCount == 1)
    #expect(!catalog.isBuilt("big"))
    // Read from several threads at once: one build, the same rows for all.
    let counts = Parallel.map(8) { _ in catalog["big"]?.rowCount ?? -1 }
    #expect(counts == Array(repeating: 3, count: 8))
    #expect(builds.load(ordering: .relaxed) == 1)
    #expect(catalog.isBuilt("big"))
  }

  @Test func builtAndDeferredTablesReplaceEachOtherInPlace() {
    var catalog = Catalog([Self.table("a", rows: 1), Self.table("b", rows: 2)])
    catalog.add(DeferredTable(name: "a", fields: Self.fields) { Self.table("a", rows: 5) })
    catalog["c"] = Self.table("c", rows: 0)
    #expect(catalog.names == ["a", "b", "c"])
    #expect(catalog.tables.map(\.rowCount) == [5, 2, 0])
    catalog["b"] = nil
    #expect(catalog.names == ["a", "c"])
    #expect(catalog["b"] == nil)
  }
}
