import HQData
import HQEngine
import HQSyntax

/// libFuzzer entry for the language front end and engine: lexer, parser, AST printer,
/// statement splitter, completion analysis, diagnostics rendering, then the checker and
/// executor over a tiny catalog (so a query that checks also runs, quickly).
///
/// Any trap (overflow, out-of-range index, precondition) or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSyntax(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let source = SourceFile(name: "<fuzz>", text: text)

  let parsed = Parser.parse(source)
  for statement in parsed.statements { _ = ASTPrinter.print(statement) }
  if parsed.hasErrors { _ = DiagnosticError(source: source, diagnostics: parsed.diagnostics).rendered }
  _ = try? Parser.expression(source)

  _ = StatementSplitter.split(text)
  _ = StatementSplitter.needsContinuation(text)
  _ = CompletionContext.at(text: text)
  _ = CompletionContext.at(text: text, cursor: count / 2)

  var engine = FuzzCatalog.engine
  engine.parameters["year"] = .number(Number(2024))
  do {
    try engine.run(source) { table in
      for row in 0..<min(table.rowCount, 4) { _ = table.row(row) }
    }
  } catch {
    if case .diagnostics(let d) = error { _ = d.rendered }
  }
  _ = engine.columns(afterPipelinePrefix: text)
  return 0
}

/// A miniature catalog with the fixed sources' shapes: few rows, so every query runs fast.
enum FuzzCatalog {
  static let engine: Engine = {
    Engine(catalog: Catalog([facts, goals, lines]))
  }()

  static func table(_ name: String, _ header: [(String, ValueType)], _ rows: [[Value]]) -> Table {
    var builder = TableBuilder(name: name, schema: Schema(header.map { Field($0.0, $0.1) }))
    for row in rows { try? builder.append(row) }
    return builder.build()
  }

  static func n(_ text: String) -> Value { Number(text).map(Value.number) ?? .null }

  static var facts: Table {
    table(
      "facts",
      [("report", .text), ("indicator", .text), ("kind", .text), ("year", .number), ("value", .number), ("unit", .text)],
      [
        [.text("r"), .text("Läkemedel"), .text("utfall"), n("2023"), n("9.4"), .text("mnkr")],
        [.text("r"), .text("Läkemedel"), .text("utfall"), n("2024"), n("16.1"), .text("mnkr")],
        [.text("r"), .text("Antibiotika"), .text("utfall"), n("2023"), n("300"), .text("st")],
        [.text("r"), .text("Läkemedel"), .text("budget"), n("2024"), n("-15"), .text("mnkr")],
        [.text("q"), .text("Öppenvård"), .text("utfall"), n("2024"), .null, .text("mnkr")],
        [.text("q"), .text("ambulans"), .text("utfall"), n("2023"), n("0"), .text("st")],
        [.text("q"), .text("ambulans"), .text("prognos"), n("2024"), n("922337203685477580.7"), .text("st")],
      ])
  }

  static var goals: Table {
    table(
      "goals", [("report", .text), ("name", .text), ("status", .text)],
      [[.text("r"), .text("Nöjda patienter"), .text("helt")], [.text("q"), .text("Kort väntetid"), .null]])
  }

  static var lines: Table {
    table(
      "lines", [("report", .text), ("section", .text), ("line", .number), ("text", .text)],
      [
        [.text("r"), .text("Ekonomi"), n("10"), .text("Kostnaden för läkemedel ökade")],
        [.text("r"), .text("Vård"), n("20"), .text("LÄKEMEDELSFÖRMÅN minskade")],
      ])
  }
}
