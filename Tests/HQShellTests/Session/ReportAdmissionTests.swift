import Foundation
import HQData
import HQReports
import Testing

@testable import HQShell

/// Loading can never remove or replace another report: ids taken by another report change
/// (with a warning naming both), and only a file loaded again replaces its own earlier load.
@Suite struct ReportAdmissionTests {
  static let interimName = "kungsbacka-dr-2025-aug-finansiella-rapporter.txt"
  static let interimID = "kungsbacka-dr-2025"
  static let interimTitle = "Delårsbokslut 2025 – Kungsbacka kommun"

  static func devText(_ name: String) throws -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Datasets/dev/\(name)")
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// A temporary directory holding `a.txt` and `b.txt`: the interim report, and the same report
  /// with one more paragraph (another file, the same identity).
  static func twoFiles() throws -> (dir: URL, a: String, b: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-admission-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let text = try devText(interimName)
    let a = dir.appendingPathComponent("a.txt").path
    let b = dir.appendingPathComponent("b.txt").path
    try text.write(toFile: a, atomically: true, encoding: .utf8)
    try (text + "\nEn sista rad i kopian.\n").write(toFile: b, atomically: true, encoding: .utf8)
    return (dir, a, b)
  }

  static func session(_ model: ReportModel = ReportModel()) -> (Session, OutputSink) {
    let errors = OutputSink()
    return (Session(model: model, format: .csv, output: OutputSink(), errors: errors, outputIsTerminal: false), errors)
  }

  /// How many rows of each source belong to each report.
  static func counts(_ model: ReportModel) -> [String: [Int]] {
    Dictionary(uniqueKeysWithValues: model.reports.map { report in
      (report.id, [
        model.facts.count { $0.report == report.id }, model.goals.count { $0.report == report.id },
        model.sections.count { $0.report == report.id }, model.lines.count { $0.report == report.id },
      ])
    })
  }

  static func idLines(_ errors: OutputSink) -> [String] {
    errors.text.split(separator: "\n").map(String.init).filter { $0.contains(": note: ") || $0.contains("warning: report id") }
  }

  /// The warning for the interim report loaded from `b` while `holderPath`'s holds its id, at
  /// line 45, the first running footer (`Kungsbacka kommun   Delårsbokslut 2025   25`).
  static func collision(_ b: String, holderPath: String) -> String {
    "\(b):45:1: warning: report id '\(interimID)' is already taken by \"\(interimTitle)\" from \(holderPath); "
      + "this report (\"\(interimTitle)\") is loaded as '\(interimID)-2'"
  }

  @Test func twoFilesWithTheSameIdentityGetDistinctIDs() throws {
    let (dir, a, b) = try Self.twoFiles()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, errors) = Self.session()
    _ = try session.load(path: a, as: nil)
    let alone = Self.counts(session.model)[Self.interimID]
    #expect(try session.load(path: b, as: nil).hasPrefix("loaded 1 report(s), "))
    #expect(session.model.reports.map(\.id) == [Self.interimID, Self.interimID + "-2"])
    let counts = Self.counts(session.model)
    #expect(counts[Self.interimID] == alone)
    // The copy has one line more, so one `lines` row more; its other rows are the same.
    #expect(counts[Self.interimID + "-2"]?.prefix(3) == alone?.prefix(3))
    #expect(counts[Self.interimID + "-2"]?.last == alone.map { $0[3] + 1 })
    #expect(Self.idLines(errors) == [Self.collision(b, holderPath: ReportAdmission.origin(of: a) ?? a)])
    let reports = try #require(session.engine.catalog["reports"])
    #expect(reports.rowCount == 2)
  }

  @Test func oneLoadListGivesWhatLoadingOneByOneGives() throws {
    let (dir, a, b) = try Self.twoFiles()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (oneByOne, oneByOneErrors) = Self.session()
    for path in [a, b, a] { _ = try oneByOne.load(path: path, as: nil) }
    let (list, listErrors) = Self.session()
    try list.load(paths: [a, b, a])
    #expect(list.model.reports.map(\.id) == [Self.interimID + "-2", Self.interimID])
    #expect(list.model.reports == oneByOne.model.reports)
    #expect(list.model.facts == oneByOne.model.facts)
    #expect(list.model.lines == oneByOne.model.lines)
    #expect(Self.idLines(listErrors) == Self.idLines(oneByOneErrors))
    #expect(Self.idLines(listErrors) == [
      Self.collision(b, holderPath: ReportAdmission.origin(of: a) ?? a),
      "\(a): note: replacing '\(Self.interimID)', loaded earlier from the same file",
    ])
  }

  /// A file loaded again replaces its own earlier load, however its path is written, and keeps
  /// the id it had; the other report stays as it was.
  @Test func reloadingAFileReplacesOnlyItsOwnEarlierLoad() throws {
    let (dir, a, b) = try Self.twoFiles()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, errors) = Self.session()
    _ = try session.load(path: a, as: nil)
    _ = try session.load(path: b, as: nil)
    let before = Self.counts(session.model)
    let again = dir.path + "/./b.txt"
    #expect(try session.load(path: again, as: nil).hasSuffix(" (replacing its earlier load)"))
    #expect(session.model.reports.map(\.id) == [Self.interimID, Self.interimID + "-2"])
    #expect(Self.counts(session.model) == before)
    // The reload replaces its own load, and its id is taken by `a.txt` again.
    let holder = ReportAdmission.origin(of: a) ?? a
    #expect(Self.idLines(errors) == [
      Self.collision(b, holderPath: holder),
      "\(again): note: replacing '\(Self.interimID)-2', loaded earlier from the same file",
      Self.collision(again, holderPath: holder),
    ])
  }

  /// A dev text loaded beside the bundled reports keeps every bundled row.
  @Test func devTextBesideTheBundledReports() throws {
    let (dir, a, _) = try Self.twoFiles()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, errors) = Self.session(DataLoading.bundledModel().model)
    let bundled = Self.counts(session.model)
    #expect(bundled["rh-ar-2024"]?[0] == 137)
    // 393 table and figure facts and 13 amounts stated in the prose (docs/MODEL.md, "Amounts in prose").
    #expect(bundled["rh-up2-2017"]?[0] == 406)
    #expect(bundled["rh-ar-2024"]?[1] == 7)
    _ = try session.load(path: a, as: nil)
    #expect(session.model.reports.map(\.id) == ["rh-ar-2024", "rh-up2-2017", Self.interimID])
    let after = Self.counts(session.model)
    #expect(after["rh-ar-2024"] == bundled["rh-ar-2024"])
    #expect(after["rh-up2-2017"] == bundled["rh-up2-2017"])
    #expect(Self.idLines(errors).isEmpty)
  }

  /// A text whose identity is a bundled report's loads beside it under another id.
  @Test func aTextClaimingABundledIdentityLoadsBesideIt() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-admission-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("annan.txt").path
    try "Årsredovisning 2024\nRegion Halland\n\nRegion Halland redovisar ett överskott.\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    let (session, errors) = Self.session(DataLoading.bundledModel().model)
    let bundled = Self.counts(session.model)
    _ = try session.load(path: path, as: nil)
    #expect(session.model.reports.map(\.id) == ["rh-ar-2024", "rh-up2-2017", "rh-ar-2024-2"])
    #expect(Self.counts(session.model)["rh-ar-2024"] == bundled["rh-ar-2024"])
    #expect(Self.idLines(errors) == [
      "\(path):1:1: warning: report id 'rh-ar-2024' is already taken by \"Årsredovisning 2024 – Region Halland\" from "
        + "region-halland-arsredovisning-2024.txt; this report (\"Årsredovisning 2024\") is loaded as 'rh-ar-2024-2'",
    ])
  }

  /// An exported session loaded back is the same reports: each is kept once, with a note. A
  /// report whose content differs (one number changed) loads beside the original.
  @Test func anExportedModelLoadsBackKeepingEachReportOnce() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-admission-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("modell.json").path
    let (session, errors) = Self.session(DataLoading.bundledModel().model)
    let bundled = Self.counts(session.model)
    try DataLoading.export(session.model, to: path)
    _ = try session.load(path: path, as: nil)
    #expect(session.model.reports.map(\.id) == ["rh-ar-2024", "rh-up2-2017"])
    #expect(Self.counts(session.model) == bundled)
    #expect(Self.idLines(errors) == [
      "\(path): note: report 'rh-ar-2024' (\"Årsredovisning 2024 – Region Halland\") is already loaded from "
        + "region-halland-arsredovisning-2024.txt with the same content; it is not added again",
      "\(path): note: report 'rh-up2-2017' (\"Uppföljningsrapport 2 2017 för Regionstyrelsens verksamheter\") is "
        + "already loaded from region-halland-uppfoljningsrapport-2-2017.txt with the same content; it is not added again",
    ])

    var changed = session.model
    let index = try #require(changed.facts.firstIndex { $0.report == "rh-ar-2024" })
    changed.facts[index].value = Number(mantissa: 1, scale: 0)
    let changedPath = dir.appendingPathComponent("ändrad.json").path
    try DataLoading.export(changed, to: changedPath)
    _ = try session.load(path: changedPath, as: nil)
    #expect(session.model.reports.map(\.id) == ["rh-ar-2024", "rh-up2-2017", "rh-ar-2024-2"])
    let counts = Self.counts(session.model)
    #expect(counts["rh-ar-2024"] == bundled["rh-ar-2024"])
    #expect(counts["rh-ar-2024-2"] == bundled["rh-ar-2024"])
    #expect(Self.idLines(errors).last?.hasPrefix("\(changedPath): note: report 'rh-up2-2017'") == true)
    #expect(Self.idLines(errors).dropLast().last?.hasPrefix("\(changedPath): warning: report id 'rh-ar-2024'") == true)
  }

  /// A copy of a file under another name is the same report: kept once.
  @Test func aCopyOfAFileIsKeptOnce() throws {
    let (dir, a, _) = try Self.twoFiles()
    defer { try? FileManager.default.removeItem(at: dir) }
    let copy = dir.appendingPathComponent("kopia.txt").path
    try FileManager.default.copyItem(atPath: a, toPath: copy)
    let (session, errors) = Self.session()
    try session.load(paths: [a, copy])
    #expect(session.model.reports.map(\.id) == [Self.interimID])
    #expect(session.model.reports.map(\.source) == ["a.txt"])
    #expect(Self.idLines(errors) == [
      "\(copy):45:1: note: report '\(Self.interimID)' (\"\(Self.interimTitle)\") is already loaded from "
        + "\(ReportAdmission.origin(of: a) ?? a) with the same content; it is not added again",
    ])
  }

  /// A model file naming one id twice, beside a report holding `x-2` already.
  @Test func idsTakenInsideOneModelFile() {
    var start = ReportModel()
    start.reports = [Report(id: "x-2", title: "Tidigare", organisation: "", year: nil, period: "", kind: "", source: "t.txt")]
    var admission = ReportAdmission(model: start, origins: [:])
    var loaded = ReportModel()
    loaded.reports = ["x", "x", "x-3"].map { Report(id: $0, title: $0, organisation: "", year: nil, period: "", kind: "", source: "m.json") }
    loaded.facts = [Fact(report: "x", section: "", table: "", indicator: "i", measure: "", kind: .värde, year: nil, value: .zero, unit: "", line: 1)]
    let outcome = admission.admit(loaded, path: "m.json", origin: nil)
    #expect(admission.model.reports.map(\.id) == ["x-2", "x", "x-4", "x-3"])
    #expect(admission.model.facts.map(\.report) == ["x"])  // the rows stay with the first `x`
    #expect(outcome.messages.count == 1)
    #expect(outcome.messages.first?.rendered.hasSuffix("is loaded as 'x-4'") == true)
  }

  @Test func originsOfFilesAndDevices() throws {
    let (dir, a, _) = try Self.twoFiles()
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("länk.txt").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: a)
    let origin = try #require(ReportAdmission.origin(of: a))
    #expect(ReportAdmission.origin(of: dir.path + "/./a.txt") == origin)
    #expect(ReportAdmission.origin(of: link) == origin)
    #expect(ReportAdmission.origin(of: "/dev/null") == nil)
    #expect(ReportAdmission.origin(of: dir.path) == nil)
    #expect(ReportAdmission.origin(of: dir.path + "/saknas.txt") == nil)
  }
}
