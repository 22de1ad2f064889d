import HQData
import HQEngine
import HQSyntax
import Testing

/// Small hand-built tables and a runner that renders results as `a,b` lines, so every
/// expectation below is a value a person worked out from the rows written here.
enum Fixture {
  /// Builds a table from a header of `name:type` fields and rows of values. The columns get
  /// their names' conventional roles, as a loaded CSV file's do (`value` is the value…).
  static func table(_ name: String, _ header: [(String, ValueType)], _ rows: [[Value]]) -> Table {
    table(name, header.map { Field($0.0, $0.1, role: ColumnRole.conventional(for: $0.0)) }, rows)
  }

  /// Builds a table with the columns' roles as given.
  static func table(_ name: String, _ fields: [Field], _ rows: [[Value]]) -> Table {
    var builder = TableBuilder(name: name, schema: Schema(fields))
    for row in rows {
      do { try builder.append(row) } catch { Issue.record("fixture row does not match: \(error)") }
    }
    return builder.build()
  }

  static func n(_ text: String) -> Value {
    guard let number = Number(text) else { return .null }
    return .number(number)
  }

  /// A miniature `facts` table: two indicators over two years, budget and outcome.
  static var facts: Table {
    table(
      "facts",
      [("report", .text), ("indicator", .text), ("kind", .text), ("year", .number), ("value", .number), ("unit", .text)],
      [
        [.text("r"), .text("Läkemedel"), .text("utfall"), .int(2023), n("9.4"), .text("mnkr")],
        [.text("r"), .text("Läkemedel"), .text("utfall"), .int(2024), n("16.1"), .text("mnkr")],
        [.text("r"), .text("Antibiotika"), .text("utfall"), .int(2023), n("300"), .text("st")],
        [.text("r"), .text("Antibiotika"), .text("utfall"), .int(2024), n("270"), .text("st")],
        [.text("r"), .text("Läkemedel"), .text("budget"), .int(2024), n("15"), .text("mnkr")],
        [.text("r"), .text("Öppenvård"), .text("utfall"), .int(2024), .null, .text("mnkr")],
        [.text("r"), .text("ambulans"), .text("utfall"), .int(2023), n("0"), .text("st")],
        [.text("r"), .text("ambulans"), .text("utfall"), .int(2024), n("5"), .text("st")],
      ])
  }

  static var goals: Table {
    table(
      "goals", [("report", .text), ("name", .text), ("status", .text)],
      [
        [.text("r"), .text("Nöjda patienter"), .text("uppfyllt")],
        [.text("q"), .text("Kort väntetid"), .text("ej uppfyllt")],
      ])
  }

  static var lines: Table {
    table(
      "lines", [("report", .text), ("section", .text), ("line", .number), ("text", .text)],
      [
        [.text("r"), .text("Ekonomi"), .int(10), .text("Kostnaden för läkemedel ökade")],
        [.text("r"), .text("Ekonomi"), .int(11), .text("Budgeten hölls")],
        [.text("r"), .text("Vård"), .int(20), .text("LÄKEMEDELSFÖRMÅN minskade")],
      ])
  }

  static var engine: Engine {
    Engine(catalog: Catalog([facts, goals, lines]))
  }
}

/// Runs `query` and renders every result as a header line and one line per row.
func run(_ query: String, engine: inout Engine) throws(EngineError) -> [String] {
  var out: [String] = []
  try engine.run(SourceFile(name: "<test>", text: query)) { table in
    out.append(table.columns.map(\.name).joined(separator: ","))
    for r in 0..<table.rowCount {
      out.append(table.row(r).map { $0.isNull ? "null" : $0.description }.joined(separator: ","))
    }
  }
  return out
}

func run(_ query: String) throws(EngineError) -> [String] {
  var engine = Fixture.engine
  return try run(query, engine: &engine)
}

/// The rendered diagnostic of a query that must fail.
func failure(_ query: String, engine: Engine = Fixture.engine) -> String {
  var engine = engine
  do {
    _ = try run(query, engine: &engine)
    return "no error"
  } catch {
    switch error {
    case .diagnostics(let d): return d.rendered
    case .cancelled: return "cancelled"
    }
  }
}
