import HQData
import HQDiagnostics
import HQEngine
import HQReports

extension Session {
  /// Runs one meta-command line.
  func runMeta(_ unit: ScriptScanner.Unit, name: String) -> Outcome {
    do throws(ShellError) {
      let command = try MetaCommand.parse(unit.text)
      let outcome = try perform(command, name: name, line: unit.line)
      if outcome == .success, Self.isReplayable(command) {
        transcript.append(unit.text)
        if case .load = command { loadedNames[SavedScript.key(unit.text)] = lastLoadProvided }
      }
      if standardOutput.isBroken { return .outputClosed }
      return outcome
    } catch {
      if let located = error.located {
        show(located)
      } else {
        report(error.message, name: name, line: unit.line, text: unit.text, help: error.help)
      }
      // Ctrl-C during a `.load` stops a script as it stops a statement (exit status 130).
      return Signals.wasInterrupted ? .cancelled : .failure
    }
  }

  /// Commands that change what later statements see, so `.save` keeps them.
  static func isReplayable(_ command: MetaCommand) -> Bool {
    switch command {
    case .load, .set, .unset, .format, .run, .numbers(.some): true
    default: false
    }
  }

  private func perform(_ command: MetaCommand, name: String, line: Int) throws(ShellError) -> Outcome {
    switch command {
    case .help(let topic):
      output.write(try Help.page(for: topic, functions: engine.functions.values.sorted { $0.name < $1.name }))
      try finishOnce()
    case .tables: try show(sourcesTable(), title: "tables")
    case .schema(let source): try show(try schemaTable(source), title: "schema" + (source.map { " " + $0 } ?? ""))
    case .reports: try show(model.reportsTable(), title: "reports")
    case .load(let path, let tableName, let encoding):
      errors.write(try load(path: path, as: tableName, encoding: encoding) + "\n")
    case .run(let path, let parameters): return try runFile(path, parameters: parameters)
    case .save(let path, let all):
      guard !transcript.isIncomplete else {
        throw ShellError(
          "this session ran more than \(Transcript.maxBytes >> 20) MiB of statements, more than .save keeps; nothing was saved (save the script you ran instead)")
      }
      let script: String
      if all {
        script = "# Saved by hq: the whole session.\n" + transcript.text
      } else {
        guard let needed = SavedScript.smallest(transcript.text, loads: loadedNames) else {
          throw ShellError("no result to save yet; '.save \(path) all' saves the whole session")
        }
        script = "# Saved by hq: the last result and what it needs.\n" + needed
      }
      try OutputFile.write(script, to: path)
    case .output(let path?, let format): try redirect(to: path, once: false, format: format, name: name, line: line)
    case .output(nil, _):
      if let current = redirection {
        redirection = nil
        try complete(current)
      }
    case .once(let path, let format): try redirect(to: path, once: true, format: format, name: name, line: line)
    case .format(let newFormat?): format = newFormat
    case .format(nil): output.write("\(format.rawValue)\n")
    case .set(let parameter, let text):
      if !pinnedParameters.contains(parameter) { engine.parameters[parameter] = Self.parameterValue(text) }
    case .unset(let parameter):
      pinnedParameters.remove(parameter)
      guard engine.parameters.removeValue(forKey: parameter) != nil else {
        throw ShellError("no parameter '$\(parameter)' is set")
      }
    case .vars: try show(variablesTable(), title: "vars")
    case .timer(let on): timer = on
    case .maxRows(let rows?): maxRows = rows
    case .maxRows(nil): output.write(maxRows.map { "\($0)\n" } ?? "all\n")
    case .numbers(let display?): numbers = display
    case .numbers(nil): output.write("\(numbers.rawValue)\n")
    case .quit: return .quit
    case .export(let path): try DataLoading.export(model, to: path)
    }
    return .success
  }

  /// A `--set`/`.set` value: a number when it reads as one, else text (quotes removed).
  public static func parameterValue(_ text: String) -> Value {
    if let number = Number(text) { return .number(number) }
    if text == "true" { return .bool(true) }
    if text == "false" { return .bool(false) }
    if text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" {
      return .text(String(text.dropFirst().dropLast()))
    }
    return .text(text)
  }

  private func runFile(_ path: String, parameters: [MetaCommand.Parameter] = []) throws(ShellError) -> Outcome {
    guard runDepth < 16 else { throw ShellError(".run is nested too deeply (a script that runs itself?)") }
    let text = try TextFile.read(path, limits: loadLimits)
    runDepth += 1
    // The caller's values hold over the script's `.set` (a default), as `--set` does on the
    // command line; they stay set after the script.
    let pinnedBefore = pinnedParameters
    for parameter in parameters {
      engine.parameters[parameter.name] = Self.parameterValue(parameter.value)
      pinnedParameters.insert(parameter.name)
    }
    defer {
      runDepth -= 1
      pinnedParameters = pinnedBefore
    }
    let before = transcript.mark
    let outcome = run(text, name: path)
    // `.run FILE` is replayed as itself, not as the statements it ran.
    transcript.restore(before)
    return outcome
  }

  /// Writes a table produced by a meta command where results go (a workbook sheet named `title`).
  private func show(_ table: Table, title: String) throws(ShellError) {
    try emit(table, title: title)
    try finishOnce()
  }

  private func sourcesTable() -> Table {
    var builder = TableBuilder(
      name: "tables", schema: Schema([Field("source", .text), Field("rows", .number), Field("columns", .number)]))
    // A table read column by column is listed without parsing its columns.
    for entry in engine.catalog.entries {
      switch entry {
      case .table(let table):
        try? builder.append([.text(table.name), .int(table.rowCount), .int(table.columns.count)])
      case .deferred(let table):
        // Its rows are counted (a report source is built; a file was counted when loaded).
        let rows = table.rowCount ?? ((try? table.columns([])) != nil ? table.rowCount : nil)
        try? builder.append([.text(table.name), rows.map { .int($0) } ?? .null, .int(table.fields.count)])
      }
    }
    for view in engine.sourceNames where engine.catalog[view] == nil {
      let columns = engine.columns(afterPipelinePrefix: "from \(view)")?.count
      try? builder.append([.text(view), .null, columns.map { .int($0) } ?? .null])
    }
    return builder.build()
  }

  /// `.schema [SOURCE]`: source, column, type, role; and `unit` when a column listed has one
  /// (a loaded CSV column of `5,8 %` or `12 450 tkr`), so other schemas keep their shape.
  private func schemaTable(_ source: String?) throws(ShellError) -> Table {
    let names = source.map { [$0] } ?? engine.sourceNames
    var rows: [(source: String, field: Field, unit: String?)] = []
    for name in names {
      // A table parsed column by column is parsed whole for its exact types and units.
      if let deferred = engine.catalog.deferred(name) {
        do throws(DiagnosticError) { _ = try deferred.table() } catch { throw ShellError(error) }
      }
      let fields = engine.catalog[name]?.schema.fields ?? engine.columns(afterPipelinePrefix: "from \(name)")
      guard let fields else {
        let hint = Suggestions.nearest(to: name, in: engine.sourceNames).map { "did you mean '\($0)'?" }
        throw ShellError("unknown source '\(name)'", help: hint)
      }
      let units = engine.catalog[name]?.columns.map(\.unit)
      for (index, field) in fields.enumerated() {
        rows.append((name, field, units.flatMap { index < $0.count ? $0[index] : nil }))
      }
    }
    let showsUnits = rows.contains { $0.unit != nil }
    var schema = [Field("source", .text), Field("column", .text), Field("type", .text), Field("role", .text)]
    if showsUnits { schema.append(Field("unit", .text)) }
    var builder = TableBuilder(name: "schema", schema: Schema(schema))
    for row in rows {
      var values: [Value] = [.text(row.source), .text(row.field.name), .text(row.field.type.name), .text(row.field.role?.rawValue ?? "")]
      if showsUnits { values.append(.text(row.unit ?? "")) }
      try? builder.append(values)
    }
    return builder.build()
  }

  private func variablesTable() -> Table {
    var builder = TableBuilder(name: "vars", schema: Schema([Field("name", .text), Field("value", .text)]))
    for (name, value) in engine.parameters.sorted(by: { $0.key < $1.key }) {
      let shown = if case .text(let s) = value { "\"\(s)\"" } else { value.description }
      try? builder.append([.text("$" + name), .text(shown)])
    }
    return builder.build()
  }
}
