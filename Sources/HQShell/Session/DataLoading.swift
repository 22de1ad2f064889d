import HQData
import HQDiagnostics
import HQDatasets
import HQEngine
import HQLoaders
import HQReports

/// Where the session's data comes from: the bundled reports and files named by `.load` or
/// `--load`. Every call into HQLoaders goes through here.
public enum DataLoading {
  /// The reports compiled into the binary: their model as ingested when hq was built
  /// (``HQDatasets/EmbeddedDatasets/modelArchive``), decoded instead of ingesting the texts at
  /// every start. Should the archive not decode (it is written by the same build, so only a
  /// bug does that), the texts are ingested as ``ingestBundledTexts()`` does.
  public static func bundledModel() -> (model: ReportModel, warnings: [IngestWarning]) {
    let archived = EmbeddedDatasets.modelArchive.withUTF8Buffer { ModelArchive.decode(UnsafeRawBufferPointer($0)) }
    return archived ?? ingestBundledTexts()
  }

  /// The reports compiled into the binary as ``bundledModel()`` gives them, decoded when first
  /// needed: a start that queries only `reports` decodes just its rows (and the strings they
  /// use) from the archive.
  public static func bundledLazyModel() -> LazyReportModel {
    LazyReportModel(
      reportRows: { EmbeddedDatasets.modelArchive.withUTF8Buffer { ModelArchive.decodeReportRows(UnsafeRawBufferPointer($0)) } },
      model: { bundledModel().model })
  }

  /// The bundled texts ingested now, one per core and merged in their order: what the archive
  /// ``bundledModel()`` decodes must equal (a test compares them cell by cell).
  public static func ingestBundledTexts() -> (model: ReportModel, warnings: [IngestWarning]) {
    let result = ReportIngester.ingest(texts: EmbeddedDatasets.all.map { ($0.name, $0.text) })
    // The bundled texts are fixed; a test checks that their ids differ, so files loaded later
    // are the only ones whose ids ever change (``ReportAdmission``).
    assert(Set(result.model.reports.map(\.id)).count == result.model.reports.count, "two bundled reports share an id")
    return (result.model, result.warnings)
  }

  /// The sources a model provides: `facts`, `goals`, `sections`, `reports`, `lines` and
  /// `unread`, each built when a statement first reads it.
  public static func tables(of model: ReportModel) -> [DeferredTable] {
    model.deferredTables()
  }

  /// `model` without the rows of the reports with these ids (a file loaded again replacing its
  /// earlier load, ``ReportAdmission``). When none of them is loaded
  /// (the usual case) the model is returned as it is, without copying its rows.
  static func removing(reports ids: Set<String>, from model: ReportModel) -> ReportModel {
    guard !ids.isEmpty, model.reports.contains(where: { ids.contains($0.id) }) else { return model }
    return ReportModel(
      reports: model.reports.filter { !ids.contains($0.id) },
      facts: model.facts.filter { !ids.contains($0.report) },
      goals: model.goals.filter { !ids.contains($0.report) },
      sections: model.sections.filter { !ids.contains($0.report) },
      lines: model.lines.filter { !ids.contains($0.report) },
      unread: model.unread.filter { !ids.contains($0.report) })
  }

  /// Reads a file for `.load PATH [as NAME] [encoding=ENC]`; nothing in the session changes here.
  ///
  /// A CSV/TSV file is opened to be read column by column (``HQData/DeferredTable``) when it
  /// can be; its first read (``Session/readFirst(_:)``) then finds its errors.
  static func load(
    path: String, as name: String?, encoding: TextEncoding? = nil, limits: LoadLimits, deferring: Bool = true
  ) throws(ShellError) -> LoadedData {
    do throws(LoadError) {
      return try Loader.load(path: path, as: name, encoding: encoding, limits: limits, deferring: deferring)
    } catch {
      throw ShellError(error.diagnostic)
    }
  }

  /// Writes the session's reports as a JSON model file for `.export FILE`.
  static func export(_ model: ReportModel, to path: String) throws(ShellError) {
    do throws(LoadError) {
      try FileDestination.write(ModelExport.encode(model), to: path)
    } catch {
      throw ShellError("cannot write '\(path)': \(error.message)")
    }
  }
}

extension Session {
  /// Loads a file into the session. On failure nothing changes.
  ///
  /// Reports join the session as ``ReportAdmission`` says: a taken id is changed (`ID-2`)
  /// with a warning naming both reports, and a file loaded again replaces only its own earlier
  /// load, with a note. No other report is ever removed or replaced.
  ///
  /// - Parameter encoding: for a CSV/TSV file, the encoding to read (nil: UTF-8, else
  ///   Windows-1252 with a note; see ``HQLoaders/TextEncoding``).
  /// - Returns: a one-line summary (`loaded 3 report(s), 120 facts from a.txt`).
  public func load(path: String, as name: String?, encoding: TextEncoding? = nil) throws(ShellError) -> String {
    let data = try withProgress(loading: [path]) { limits throws(ShellError) in
      var results: [Result<LoadedData, ShellError>] = [
        Result { () throws(ShellError) in
          try DataLoading.load(path: path, as: name, encoding: encoding, limits: limits, deferring: readsColumnsOnDemand)
        }
      ]
      // A later statement reads the columns it needs; this read finds the file's errors.
      readFirst(&results, planned: false)
      return try results[0].get()
    }
    switch data {
    case .reports(let loaded, let warnings):
      for warning in warnings { show(warning.diagnostic) }
      let summary = "loaded \(loaded.reports.count) report(s), \(loaded.facts.count) facts from \(path)"
      // The session lets go of its model while the admission holds it, so merging appends in
      // place instead of copying every row.
      var admission = ReportAdmission(model: model, origins: reportOrigins)
      model = ReportModel()
      // The catalog's report sources hold the model too (to build from it); they are replaced
      // below, so placeholders take their places now and the admission's model is its own.
      for table in DataLoading.tables(of: model) { engine.catalog.add(table) }
      let outcome = admission.admit(loaded, path: path, origin: ReportAdmission.origin(of: path))
      model = admission.model
      reportOrigins = admission.origins
      for message in outcome.messages { show(message) }
      let tables = DataLoading.tables(of: model)
      for table in tables { engine.catalog.add(table) }
      lastLoadProvided = Set(tables.map(\.name))
      return summary + (outcome.replaced.isEmpty ? "" : " (replacing its earlier load)")
    case .table(let tableName, let table, let notes):
      for note in notes { show(note.diagnostic) }
      engine.catalog[tableName] = table
      lastLoadProvided = [tableName]
      return "loaded \(tableName): \(table.rowCount) rows, \(table.columns.count) columns"
    case .deferred(let tableName, let table):
      for note in table.takeNotes() { show(note) }
      engine.catalog.add(table)
      lastLoadProvided = [tableName]
      return "loaded \(tableName): \(table.rowCount ?? 0) rows, \(table.fields.count) columns"
    }
  }
}

extension Session {
  /// Loads several files (`--load A --load B …`) as one step: the report sources are rebuilt
  /// once at the end instead of after every file, since rebuilding the growing tables per file
  /// makes loading k reports quadratic. The result, messages included, is the same as loading
  /// the files one by one in order (ids taken by a report earlier in the list change too, see
  /// ``ReportAdmission``); on the first failure it throws and nothing changes.
  ///
  /// - Parameters:
  ///   - names: what each path is loaded as (`--as NAME`), as for ``load(path:as:encoding:)``;
  ///     missing or nil entries mean the file's own name.
  ///   - encodings: each path's encoding (`--encoding ENC`); missing or nil entries: found out.
  public func load(paths: [String], names: [String?] = [], encodings: [TextEncoding?] = []) throws(ShellError) {
    var admission = ReportAdmission(model: model, origins: reportOrigins)
    var loadedTables: [(name: String, table: Catalog.Entry, position: Int)] = []
    var lastReportLoad: Int? = nil
    // Ingest warnings, and the notes and warnings about ids, in file order; on a failure only
    // the ingest warnings are shown, since no id changed.
    var messages: [(diagnostic: DiagnosticError, aboutIDs: Bool)] = []
    // The files are read and ingested at the same time, one per core, then merged in order;
    // the first failure in that order is the one reported.
    // Report files are read side by side, one per core; a CSV file is read on all cores by
    // itself, so CSV files are read one after another (inside a parallel loop each would get
    // one thread). The results stay in file order.
    let deferring = readsColumnsOnDemand
    let attempts = withProgress(loading: paths) { limits in
      @Sendable func attempt(_ position: Int) -> Result<LoadedData, ShellError> {
        let name = position < names.count ? names[position] : nil
        let encoding = position < encodings.count ? encodings[position] : nil
        return Result { () throws(ShellError) in
          try DataLoading.load(path: paths[position], as: name, encoding: encoding, limits: limits, deferring: deferring)
        }
      }
      let wide = paths.indices.filter { Loader.usesAllCores(path: paths[$0], as: $0 < names.count ? names[$0] : nil) }
      let narrow = paths.indices.filter { !wide.contains($0) }
      let parallel = Dictionary(uniqueKeysWithValues: zip(narrow, Parallel.map(narrow.count) { attempt(narrow[$0]) }))
      // The wide ones one after another, in file order.
      var results = paths.indices.map { parallel[$0] ?? attempt($0) }
      readFirst(&results, planned: true)
      return results
    }
    // Taken out of the array one by one, so each loaded model is held once and merging can
    // move its rows instead of copying them.
    var pending = consume attempts
    pending.reverse()
    var position = -1
    do throws(ShellError) {
      while let attempt = pending.popLast() {
        position += 1
        let data = try attempt.get()
        switch consume data {
        case .reports(let loaded, let warnings):
          messages += warnings.map { ($0.diagnostic, false) }
          let path = paths[position]
          let outcome = admission.admit(loaded, path: path, origin: ReportAdmission.origin(of: path))
          messages += outcome.messages.map { ($0, true) }
          lastReportLoad = position
        case .table(let name, let table, let notes):
          messages += notes.map { ($0.diagnostic, false) }
          loadedTables.append((name, .table(table), position))
        case .deferred(let name, let table):
          messages += table.takeNotes().map { ($0, false) }
          loadedTables.append((name, .deferred(table), position))
        }
      }
    } catch {
      for message in messages where !message.aboutIDs { show(message.diagnostic) }
      throw error
    }
    for message in messages { show(message.diagnostic) }
    model = admission.model
    reportOrigins = admission.origins
    var reportSources: Set<String> = []
    if lastReportLoad != nil {
      for table in DataLoading.tables(of: model) {
        engine.catalog.add(table)
        reportSources.insert(table.name)
      }
    }
    // A table loaded after the last report file replaces a report source of the same name
    // (`--load facts.csv`); one loaded before it was replaced by that report load, as it
    // would have been one file at a time.
    for loaded in loadedTables
    where !reportSources.contains(loaded.name) || loaded.position > (lastReportLoad ?? -1) {
      switch loaded.table {
      case .table(let table): engine.catalog[loaded.name] = table
      case .deferred(let table): engine.catalog.add(table)
      }
    }
  }

  /// The first read of each CSV file opened to be read column by column, in file order, up
  /// to the first failure (which replaces its result): it checks the whole file, so its
  /// errors are reported by the load, as when every column was read at once.
  ///
  /// - Parameter planned: true to parse now the columns ``plannedUnits`` read (a one-shot
  ///   run's statements, known before loading; projection pushdown), false (or with no
  ///   planned units: the prompt) to parse none yet, each statement then parsing its own.
  func readFirst(_ results: inout [Result<LoadedData, ShellError>], planned: Bool) {
    var trial = engine
    for case .success(let data) in results {
      switch data {
      case .table(let name, let table, _): trial.catalog[name] = table
      case .deferred(_, let table): trial.catalog.add(table)
      case .reports: break
      }
    }
    for position in results.indices {
      guard case .success(let data) = results[position] else { return }
      guard case .deferred(let name, let table) = data else { continue }
      var wanted: [Int] = []
      var narrowing: DeferredTable.Narrowing?
      if planned, let units = plannedUnits {
        let plan = Self.projection(of: name, readBy: units, in: trial)
        wanted = plan?.columns ?? Array(table.fields.indices)
        narrowing = plan?.narrowing
      }
      do throws(DiagnosticError) {
        if let narrowing {
          try table.read(wanted, narrowing: narrowing)
        } else {
          _ = try table.columns(wanted)
        }
      } catch {
        results[position] = .failure(ShellError(error))
        return
      }
    }
  }

  /// The columns of `name` that `units` read, and the narrowed read for the one statement
  /// that reads it, if any (``HQEngine/Engine/plannedRead(of:by:)``); a meta command naming
  /// the table (`.schema kolada`) reads them all.
  static func projection(
    of name: String, readBy units: [ScriptScanner.Unit], in engine: Engine
  ) -> (columns: [Int], narrowing: DeferredTable.Narrowing?)? {
    var statements: [String] = []
    for unit in units {
      switch unit.kind {
      case .statement: statements.append(unit.text)
      case .metaCommand:
        if unit.text.split(whereSeparator: { " \t".contains($0) }).contains(where: { $0 == name || $0.hasPrefix(name + ".") }) {
          return nil
        }
      }
    }
    return engine.plannedRead(of: name, by: statements)
  }
}
