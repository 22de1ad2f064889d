import HQData
import HQDatasets
import HQReports
import Testing

/// The bundled reports' model is ingested at build time (the EmbedDatasets tool) and decoded at
/// start-up. These tests keep that archive equal to ingesting the embedded texts now, row by
/// row and cell by cell, and the archive format honest on its own.
@Suite struct EmbeddedModelTests {
  static func decodedArchive() -> (model: ReportModel, warnings: [IngestWarning])? {
    EmbeddedDatasets.modelArchive.withUTF8Buffer { ModelArchive.decode(UnsafeRawBufferPointer($0)) }
  }

  static func ingestedNow() -> IngestResult {
    ReportIngester.ingest(texts: EmbeddedDatasets.all.map { ($0.name, $0.text) })
  }

  @Test func theArchiveDecodes() throws {
    let archived = try #require(Self.decodedArchive())
    // Checked by hand against the two texts in Datasets/: their ids and kinds.
    #expect(archived.model.reports.map(\.id) == ["rh-ar-2024", "rh-up2-2017"])
    #expect(archived.model.reports.map(\.kind) == ["årsredovisning", "uppföljningsrapport"])
    #expect(archived.model.facts.count > 500)
    #expect(archived.model.lines.count > 1000)
  }

  @Test func theArchiveIsTheTextsIngestedNowRowByRow() throws {
    let archived = try #require(Self.decodedArchive())
    let now = Self.ingestedNow()
    let a = archived.model
    let b = now.model
    #expect(a.reports == b.reports)
    #expect(a.reports.map(\.identityLine) == b.reports.map(\.identityLine))
    #expect(a.goals == b.goals)
    #expect(a.sections == b.sections)
    #expect(a.lines == b.lines)
    #expect(a.unread == b.unread)
    #expect(archived.warnings == now.warnings)
    try #require(a.facts.count == b.facts.count)
    for (x, y) in zip(a.facts, b.facts) {
      // `==` on facts compares numbers by value (1.50 == 1.5); the spelling counts too.
      #expect(x == y, "line \(y.line): \(x) vs \(y)")
      #expect(x.value.mantissa == y.value.mantissa && x.value.scale == y.value.scale, "line \(y.line)")
    }
  }

  @Test func theArchiveGivesTheSameTablesCellByCell() throws {
    let archived = try #require(Self.decodedArchive())
    let fromArchive = archived.model.allTables()
    let fromTexts = Self.ingestedNow().model.allTables()
    #expect(fromArchive.map(\.name) == ["facts", "goals", "sections", "reports", "lines", "unread"])
    try #require(fromArchive.count == fromTexts.count)
    for (x, y) in zip(fromArchive, fromTexts) {
      #expect(x.schema == y.schema, "\(x.name)")
      try #require(x.rowCount == y.rowCount, "\(x.name)")
      for (c, (p, q)) in zip(x.columns, y.columns).enumerated() {
        #expect(p.role == q.role && p.unit == q.unit, "\(x.name).\(p.name)")
        for row in 0..<x.rowCount {
          let (u, v) = (p.value(at: row), q.value(at: row))
          if u != v || "\(u)" != "\(v)" {
            Issue.record("\(x.name) row \(row) column \(c) (\(p.name)): \(u) vs \(v)")
            break
          }
        }
      }
    }
  }

  /// A model with what the bundled texts may lack: nil and extreme numbers, empty, non-ASCII
  /// and control-character strings, every enumeration case.
  static let awkward: (ReportModel, [IngestWarning]) = {
    var model = ReportModel()
    model.reports = [
      Report(id: "a-1", title: "Å\u{0}\n\"\\", organisation: "", year: nil, period: "jan–aug", kind: "", source: "a.txt"),
      Report(id: "b", title: "t", organisation: "o", committee: "c", year: -4, period: "", kind: "k", source: "b", identityLine: 7),
    ]
    for (i, kind) in FactKind.allCases.enumerated() {
      model.facts.append(
        Fact(
          report: "a-1", section: "§ \u{2028}", table: "", indicator: "ind \(i)", measure: "m", kind: kind, period: "",
          year: i == 0 ? nil : 2000 + i, value: Number(mantissa: i == 1 ? .min : i == 2 ? .max : -12_345, scale: Int8(i * 3)),
          unit: "%", rank: i == 3 ? Int.min : nil, rankOf: i == 3 ? Int.max : nil, line: i,
          rowRole: RowRole.allCases[i % RowRole.allCases.count]))
    }
    model.goals = GoalStatus.allCases.map { Goal(report: "b", name: "mål \($0)", status: $0, line: 3) }
    model.sections = [Section(report: "b", number: "2.3.7", title: "Läkemedel", level: 3, line: 9, text: String(repeating: "x", count: 5000))]
    model.lines = [TextLine(report: "b", section: "", line: 1, text: "🇸🇪 e\u{301}")]
    model.unread = [UnreadNumber(report: "b", line: 2, text: "4 5", reason: "why")]
    let warnings = [
      IngestWarning(file: "a.txt", line: 1, column: 2, message: "m"),
      IngestWarning(file: "b", line: 0, message: "n", severity: .note),
    ]
    return (model, warnings)
  }()

  @Test func anAwkwardModelRoundTrips() throws {
    let (model, warnings) = Self.awkward
    let bytes = ModelArchive.encode(model, warnings: warnings)
    // The format is valid UTF-8, so a string literal can hold it.
    #expect(Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes)
    let decoded = try #require(bytes.withUnsafeBytes { ModelArchive.decode($0) })
    #expect(decoded.model.reports == model.reports)
    #expect(decoded.model.reports.map(\.identityLine) == [nil, 7])
    #expect(decoded.model.facts == model.facts)
    #expect(decoded.model.facts.map(\.value.scale) == model.facts.map(\.value.scale))
    #expect(decoded.model.facts.map(\.value.mantissa) == model.facts.map(\.value.mantissa))
    #expect(decoded.model.goals == model.goals)
    #expect(decoded.model.sections == model.sections)
    #expect(decoded.model.lines == model.lines)
    #expect(decoded.model.unread == model.unread)
    #expect(decoded.warnings == warnings)
  }

  @Test func aBrokenArchiveIsRefusedNeverTrapped() {
    let bytes = ModelArchive.encode(Self.awkward.0, warnings: Self.awkward.1)
    // Every truncation, and a byte changed at every place: nil or a model, never a trap.
    for length in 0..<bytes.count {
      #expect(Array(bytes[..<length]).withUnsafeBytes { ModelArchive.decode($0) } == nil, "cut at \(length)")
    }
    for position in bytes.indices {
      for replacement: UInt8 in [0x00, 0x3F, 0x7F, 0xFF] {
        var changed = bytes
        changed[position] = replacement
        _ = changed.withUnsafeBytes { ModelArchive.decode($0) }
      }
    }
    #expect((bytes + [0x2E]).withUnsafeBytes { ModelArchive.decode($0) } == nil, "a byte after the end")
    #expect(Array("hqmodel2\n".utf8).withUnsafeBytes { ModelArchive.decode($0) } == nil)
    // An archive of the first version (no counts after each report) is refused.
    let first = Array("hqmodel1".utf8) + bytes.dropFirst(8)
    #expect(first.withUnsafeBytes { ModelArchive.decode($0) } == nil)
    #expect(first.withUnsafeBytes { ModelArchive.decodeReportRows($0) } == nil)
    // The reports' rows alone: nil for any cut before their end, never a trap.
    for length in 0..<bytes.count {
      _ = Array(bytes[..<length]).withUnsafeBytes { ModelArchive.decodeReportRows($0) }
    }
    #expect(Array(bytes[..<20]).withUnsafeBytes { ModelArchive.decodeReportRows($0) } == nil)
  }

  /// The `reports` table of a start that reads only it comes from the reports' rows alone;
  /// their counts must be those of the whole model.
  @Test func theReportsRowsAloneCarryTheCounts() throws {
    let bytes = ModelArchive.encode(Self.awkward.0, warnings: Self.awkward.1)
    let rows = try #require(bytes.withUnsafeBytes { ModelArchive.decodeReportRows($0) })
    #expect(rows.map(\.report) == Self.awkward.0.reports)
    // Report a-1 has one fact per kind; b has one goal per status and one section.
    #expect(rows.map(\.facts) == [FactKind.allCases.count, 0])
    #expect(rows.map(\.goals) == [0, GoalStatus.allCases.count])
    #expect(rows.map(\.sections) == [0, 1])

    let bundled = try #require(EmbeddedDatasets.modelArchive.withUTF8Buffer { ModelArchive.decodeReportRows(UnsafeRawBufferPointer($0)) })
    let now = Self.ingestedNow().model
    #expect(bundled.map(\.report.id) == ["rh-ar-2024", "rh-up2-2017"])
    for row in bundled {
      #expect(row.facts == now.facts.filter { $0.report == row.report.id }.count, "\(row.report.id)")
      #expect(row.goals == now.goals.filter { $0.report == row.report.id }.count, "\(row.report.id)")
      #expect(row.sections == now.sections.filter { $0.report == row.report.id }.count, "\(row.report.id)")
    }
  }

  /// A lazily decoded model makes `reports` without the rest, and the whole model once.
  @Test func aLazyModelDecodesTheRestOnlyWhenAsked() throws {
    let bytes = ModelArchive.encode(Self.awkward.0, warnings: Self.awkward.1)
    let lazy = LazyReportModel(
      reportRows: { bytes.withUnsafeBytes { ModelArchive.decodeReportRows($0) } },
      model: { bytes.withUnsafeBytes { ModelArchive.decode($0) }?.model ?? ReportModel() })
    let tables = lazy.deferredTables()
    #expect(tables.map(\.name) == ["facts", "goals", "sections", "reports", "lines", "unread"])
    let reports = try #require(tables.first { $0.name == "reports" }).table()
    #expect(!lazy.isMade)
    #expect(reports.rowCount == 2)
    #expect(reports.column(named: "facts")?.value(at: 0) == .int(FactKind.allCases.count))
    #expect(try #require(tables.first { $0.name == "facts" }).table().rowCount == FactKind.allCases.count)
    #expect(lazy.isMade)
    #expect(lazy.model.goals == Self.awkward.0.goals)
  }
}
