#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQDiagnostics
import HQReports

/// How the reports read from one file join a model: report ids never collide, and loading can
/// never remove or replace another report.
///
/// - **A file loaded again** (the same regular file, however its path is written: `a.txt`,
///   `./a.txt`, a symbolic link) replaces the reports its earlier load added, whatever ids they
///   were given, with a note. A pipe (`/dev/stdin`, `<(gen)`) is new data every time.
/// - **A taken id**: a report whose id is already in the model (a bundled report, one loaded
///   earlier, one earlier in the same `--load` list or the same model file) gets the first free
///   id of `ID-2`, `ID-3`, …, its rows follow it, and a warning names both reports.
/// - **The very same report** — same id, title, organisation, committee, year, period, kind and
///   the same rows, from whatever file (an exported session loaded back, a copy of a file) — is
///   kept once, with a note, so nothing counts twice.
///
///     b.txt:45:1: warning: report id 'kungsbacka-dr-2025' is already taken by "Delårsbokslut
///     2025 – Kungsbacka kommun" from /data/a.txt; this report ("Delårsbokslut 2025 – Kungsbacka
///     kommun") is loaded as 'kungsbacka-dr-2025-2'
///
/// Loading files one by one or as one `--load` list gives the same model.
struct ReportAdmission {
  /// The model the reports join.
  var model: ReportModel
  /// For each report loaded from a regular file, its id → the file's canonical path
  /// (``origin(of:)``). Bundled reports and reports from pipes have none.
  var origins: [String: String]

  /// What ``admit(_:path:origin:)`` did.
  struct Outcome {
    /// Reports of the file's earlier load that were replaced.
    var replaced: [Report] = []
    /// `PATH: note: …` for a replaced earlier load, `PATH: warning: …` for every changed id.
    var messages: [DiagnosticError] = []
  }

  /// Adds the reports of `loaded`, read from `path`, to ``model``.
  ///
  /// - Parameters:
  ///   - path: the path as the user wrote it, for messages.
  ///   - origin: the file's ``origin(of:)``; nil for a pipe or for bundled text.
  mutating func admit(_ loaded: consuming ReportModel, path: String, origin: String?) -> Outcome {
    var outcome = Outcome()
    if let origin {
      let earlier = Set(origins.filter { $0.value == origin }.keys)
      if !earlier.isEmpty {
        outcome.replaced = model.reports.filter { earlier.contains($0.id) }
        model = DataLoading.removing(reports: earlier, from: model)
        for id in earlier { origins[id] = nil }
        let ids = outcome.replaced.map { "'\($0.id)'" }.joined(separator: ", ")
        outcome.messages.append(DiagnosticError(file: path, .note, "replacing \(ids), loaded earlier from the same file"))
      }
    }
    var loaded = loaded
    var taken = Dictionary(model.reports.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    // Ids the file itself holds stay free for it: a file with `x` and `x-2` keeps both.
    var reserved = Set(loaded.reports.map(\.id))
    var renames: [String: String] = [:]
    var seen: Set<String> = []
    var kept: [Report] = []
    var dropped: Set<String> = []
    for index in loaded.reports.indices {
      let report = loaded.reports[index]
      reserved.remove(report.id)
      // The very report already loaded (an exported session loaded back, a copy of a file):
      // kept once, so nothing counts twice.
      if let holder = taken[report.id], !seen.contains(report.id), model.reports.contains(where: { $0.id == holder.id }),
        Self.isSame(report, in: loaded, as: holder, in: model)
      {
        outcome.messages.append(Self.duplicate(report, holder: holder, path: path, holderPath: origins[holder.id]))
        dropped.insert(report.id)
        seen.insert(report.id)
        continue
      }
      if let holder = taken[report.id] {
        let newID = Self.freeID(report.id, taken: taken, reserved: reserved)
        // A model file naming one id twice cannot tell whose rows are whose: they stay with
        // the first.
        if !seen.contains(report.id) { renames[report.id] = newID }
        outcome.messages.append(Self.collision(report, newID: newID, holder: holder, path: path, holderPath: origins[holder.id]))
        loaded.reports[index].id = newID
      }
      seen.insert(report.id)
      taken[loaded.reports[index].id] = loaded.reports[index]
      if let origin { origins[loaded.reports[index].id] = origin }
      kept.append(loaded.reports[index])
    }
    if !dropped.isEmpty {
      loaded = ReportModel(
        reports: kept, facts: loaded.facts.filter { !dropped.contains($0.report) },
        goals: loaded.goals.filter { !dropped.contains($0.report) },
        sections: loaded.sections.filter { !dropped.contains($0.report) },
        lines: loaded.lines.filter { !dropped.contains($0.report) })
    }
    if !renames.isEmpty { Self.rename(&loaded, renames) }
    model.merge(loaded)
    return outcome
  }

  /// True when `report` (with its rows in `loaded`) is `holder` (with its rows in `model`):
  /// the same title, organisation, committee, year, period and kind, and the same facts,
  /// goals, sections and lines. The file it came from may differ.
  static func isSame(_ report: Report, in loaded: ReportModel, as holder: Report, in model: ReportModel) -> Bool {
    guard report.title == holder.title, report.organisation == holder.organisation,
      report.committee == holder.committee, report.year == holder.year, report.period == holder.period,
      report.kind == holder.kind
    else { return false }
    let a = report.id
    let b = holder.id
    return same(loaded.facts, a, model.facts, b) { $0.report } && same(loaded.goals, a, model.goals, b) { $0.report }
      && same(loaded.sections, a, model.sections, b) { $0.report } && same(loaded.lines, a, model.lines, b) { $0.report }
  }

  /// Whether the rows of report `a` in `left` equal those of report `b` in `right`, in order
  /// (compared in place: no copies of either).
  private static func same<Row: Equatable>(
    _ left: [Row], _ a: String, _ right: [Row], _ b: String, _ report: (Row) -> String
  ) -> Bool {
    var i = left.startIndex
    var j = right.startIndex
    while true {
      while i < left.endIndex, report(left[i]) != a { i += 1 }
      while j < right.endIndex, report(right[j]) != b { j += 1 }
      guard i < left.endIndex, j < right.endIndex else { return i == left.endIndex && j == right.endIndex }
      guard left[i] == right[j] else { return false }
      i += 1
      j += 1
    }
  }

  /// The note for a report already loaded with the same content.
  static func duplicate(_ report: Report, holder: Report, path: String, holderPath: String?) -> DiagnosticError {
    let holderFrom = holderPath ?? (holder.source.isEmpty ? "an earlier load" : holder.source)
    return place(report, path, .note,
      "report '\(report.id)' (\"\(report.title)\") is already loaded from \(holderFrom) "
      + "with the same content; it is not added again")
  }

  /// A message at the line `report`'s identity was read from when known, else about the file.
  static func place(_ report: Report, _ path: String, _ severity: Diagnostic.Severity, _ message: String) -> DiagnosticError {
    guard let line = report.identityLine else { return DiagnosticError(file: path, severity, message) }
    return DiagnosticError(file: path, line: line, column: 1, severity, message)
  }

  /// The first of `id-2`, `id-3`, … that is neither taken nor reserved.
  static func freeID(_ id: String, taken: [String: Report], reserved: Set<String>) -> String {
    var n = 2
    while taken[id + "-\(n)"] != nil || reserved.contains(id + "-\(n)") { n += 1 }
    return id + "-\(n)"
  }

  /// The warning for a report whose id was taken, at the line its identity was read from
  /// when known (`b.txt:45:1: warning: …`).
  static func collision(_ report: Report, newID: String, holder: Report, path: String, holderPath: String?) -> DiagnosticError {
    let holderFrom = holderPath ?? (holder.source.isEmpty ? "an earlier load" : holder.source)
    return place(report, path, .warning,
      "report id '\(report.id)' is already taken by \"\(holder.title)\" from \(holderFrom); "
      + "this report (\"\(report.title)\") is loaded as '\(newID)'")
  }

  /// Moves the rows of the renamed reports to their new ids.
  private static func rename(_ model: inout ReportModel, _ renames: [String: String]) {
    for i in model.facts.indices { if let new = renames[model.facts[i].report] { model.facts[i].report = new } }
    for i in model.goals.indices { if let new = renames[model.goals[i].report] { model.goals[i].report = new } }
    for i in model.sections.indices { if let new = renames[model.sections[i].report] { model.sections[i].report = new } }
    for i in model.lines.indices { if let new = renames[model.lines[i].report] { model.lines[i].report = new } }
  }

  /// The canonical path of a regular file (symbolic links, `.` and `..` resolved), so the same
  /// file loaded as `a.txt` and `./a.txt` has one origin; nil for anything else (a pipe, a
  /// device, a path that does not resolve), whose every load is new data.
  ///
  /// The corresponding C calls are `stat` and `realpath`.
  static func origin(of path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, let resolved = realpath(path, nil) else {
      return nil
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
