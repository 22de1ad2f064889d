import HQData

/// A ``ReportModel`` and its ingest warnings as bytes: how the bundled reports travel from the
/// build to `hq`.
///
/// The EmbedDatasets build tool ingests `Datasets/*.txt` once, at build time, and embeds the
/// archive beside the texts; `hq` decodes it at start-up instead of ingesting the texts again
/// (≈ 80 M instructions less at every start). A test ingests the embedded texts at run time and
/// compares every row and every table cell with the decoded archive, so the two cannot drift.
///
/// The format (version 2) is ASCII apart from the strings' own bytes, so it is valid UTF-8 and
/// a Swift string literal holds it:
///
///     "hqmodel2\n" strings reports facts goals sections lines unread warnings "."
///
/// - Every whole number is a *digit run*: 6 bits per byte, least significant first; a byte of
///   `0x40...0x7F` says more bytes follow, one of `0x00...0x3F` ends the number. Signed numbers
///   are zigzag-coded first (0, -1, 1, -2 … → 0, 1, 2, 3 …).
/// - `strings` is a count, then each distinct string as its UTF-8 length and bytes; every text
///   field after it is an index into that list, so a section title repeated on 500 facts is one
///   `String` in memory.
/// - Each list is a row count, then every row's fields in declaration order. An optional number
///   is 0 for nil or 1 and the number; a ``HQData/Number`` is its mantissa and scale; an
///   enumeration is the index of its case in `allCases`. Each report is followed by its counts
///   of facts, goals and sections, so the `reports` table can be made without the other lists
///   (``decodeReportRows(_:)``); a string is made the first time a row uses it.
///
/// The archive is written and read by the same build, so there is no versioning beyond the
/// header: anything unexpected makes ``decode(_:)`` return nil (and `hq` ingest the texts).
public enum ModelArchive {
  /// The first bytes of every archive.
  static let header: [UInt8] = Array("hqmodel2\n".utf8)
  /// The last byte of every archive (a truncated one is told apart from a complete one).
  static let trailer = UInt8(ascii: ".")

  /// The archive of `model` and `warnings`.
  ///
  /// - Complexity: O(n) in the rows and the strings' bytes.
  public static func encode(_ model: ReportModel, warnings: [IngestWarning] = []) -> [UInt8] {
    var writer = Writer()
    // Each report with its counts, so the `reports` table can be made from these rows alone.
    writer.rows(model.reportRows()) { w, row in
      let r = row.report
      w.text(r.id); w.text(r.title); w.text(r.organisation); w.text(r.committee); w.optional(r.year)
      w.text(r.period); w.text(r.kind); w.text(r.source); w.optional(r.identityLine)
      w.unsigned(row.facts); w.unsigned(row.goals); w.unsigned(row.sections)
    }
    writer.rows(model.facts) { w, f in
      w.text(f.report); w.text(f.section); w.text(f.table); w.text(f.indicator); w.text(f.measure)
      w.choice(f.kind); w.text(f.period); w.optional(f.year); w.signed(Int(f.value.mantissa))
      w.signed(Int(f.value.scale)); w.text(f.unit); w.optional(f.rank); w.optional(f.rankOf); w.signed(f.line)
      w.choice(f.rowRole)
    }
    writer.rows(model.goals) { w, g in
      w.text(g.report); w.text(g.name); w.choice(g.status); w.signed(g.line)
    }
    writer.rows(model.sections) { w, s in
      w.text(s.report); w.text(s.number); w.text(s.title); w.signed(s.level); w.signed(s.line); w.text(s.text)
    }
    writer.rows(model.lines) { w, l in
      w.text(l.report); w.text(l.section); w.signed(l.line); w.text(l.text)
    }
    writer.rows(model.unread) { w, u in
      w.text(u.report); w.text(u.section); w.text(u.table); w.signed(u.line); w.text(u.text); w.text(u.reason)
    }
    writer.rows(warnings) { w, warning in
      w.text(warning.file); w.signed(warning.line); w.signed(warning.column); w.text(warning.message)
      w.unsigned(warning.severity == .warning ? 0 : 1)
      // The report line the warning quotes (0: none; 1: its text follows).
      w.unsigned(warning.lineText == nil ? 0 : 1)
      if let lineText = warning.lineText { w.text(lineText) }
    }
    return writer.finished()
  }

  /// The model and warnings `bytes` hold, or nil when they are not a whole archive of this
  /// version (never traps, whatever the bytes).
  ///
  /// - Complexity: O(n) in the bytes.
  public static func decode(_ bytes: UnsafeRawBufferPointer) -> (model: ReportModel, warnings: [IngestWarning])? {
    var reader = Reader(bytes: bytes)
    do throws(Reader.Malformed) {
      try reader.start()
      var model = ReportModel()
      model.reports = try reader.reportRows().map(\.report)
      model.facts = try reader.rows { r throws(Reader.Malformed) in
        Fact(
          report: try r.text(), section: try r.text(), table: try r.text(), indicator: try r.text(),
          measure: try r.text(), kind: try r.choice(), period: try r.text(), year: try r.optional(),
          value: try r.number(), unit: try r.text(), rank: try r.optional(), rankOf: try r.optional(),
          line: try r.signed(), rowRole: try r.choice())
      }
      model.goals = try reader.rows { r throws(Reader.Malformed) in
        Goal(report: try r.text(), name: try r.text(), status: try r.choice(), line: try r.signed())
      }
      model.sections = try reader.rows { r throws(Reader.Malformed) in
        Section(
          report: try r.text(), number: try r.text(), title: try r.text(), level: try r.signed(),
          line: try r.signed(), text: try r.text())
      }
      model.lines = try reader.rows { r throws(Reader.Malformed) in
        TextLine(report: try r.text(), section: try r.text(), line: try r.signed(), text: try r.text())
      }
      model.unread = try reader.rows { r throws(Reader.Malformed) in
        UnreadNumber(
          report: try r.text(), section: try r.text(), table: try r.text(), line: try r.signed(),
          text: try r.text(), reason: try r.text())
      }
      let warnings = try reader.rows { r throws(Reader.Malformed) in
        var warning = IngestWarning(
          file: try r.text(), line: try r.signed(), column: try r.signed(), message: try r.text(),
          severity: try r.unsigned(below: 2) == 0 ? .warning : .note)
        if try r.unsigned(below: 2) == 1 { warning.lineText = try r.text() }
        return warning
      }
      try reader.end()
      return (model, warnings)
    } catch {
      return nil
    }
  }
}

extension ModelArchive {
  /// Only the rows of the `reports` table (each report with its counts of facts, goals and
  /// sections), or nil when `bytes` do not begin an archive of this version: what a start
  /// that queries only `reports` needs (``LazyReportModel``). Only the strings those rows use
  /// are made.
  public static func decodeReportRows(_ bytes: UnsafeRawBufferPointer) -> [ReportRow]? {
    var reader = Reader(bytes: bytes)
    do throws(Reader.Malformed) {
      try reader.start()
      return try reader.reportRows()
    } catch {
      return nil
    }
  }
}

// MARK: - Writing

extension ModelArchive {
  /// Builds an archive: the rows go to `body` as they are written, each distinct string gets
  /// its index on first use, and ``finished()`` puts the string list in front.
  struct Writer {
    private var body: [UInt8] = []
    private var indexes: [String: Int] = [:]
    private var strings: [String] = []

    mutating func rows<Row>(_ rows: [Row], _ write: (inout Writer, Row) -> Void) {
      unsigned(rows.count)
      for row in rows { write(&self, row) }
    }

    mutating func text(_ string: String) {
      if let index = indexes[string] {
        unsigned(index)
      } else {
        indexes[string] = strings.count
        unsigned(strings.count)
        strings.append(string)
      }
    }

    mutating func choice<E: CaseIterable & Equatable>(_ value: E) {
      unsigned(E.allCases.firstIndex(of: value).map { E.allCases.distance(from: E.allCases.startIndex, to: $0) } ?? 0)
    }

    mutating func optional(_ value: Int?) {
      if let value {
        unsigned(1)
        signed(value)
      } else {
        unsigned(0)
      }
    }

    mutating func signed(_ value: Int) {
      ModelArchive.appendDigits(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63), to: &body)
    }

    mutating func unsigned(_ value: Int) {
      ModelArchive.appendDigits(UInt64(value), to: &body)
    }

    /// The whole archive: header, strings, rows, trailer.
    func finished() -> [UInt8] {
      var bytes = ModelArchive.header
      ModelArchive.appendDigits(UInt64(strings.count), to: &bytes)
      for string in strings {
        ModelArchive.appendDigits(UInt64(string.utf8.count), to: &bytes)
        bytes += string.utf8
      }
      bytes += body
      bytes.append(ModelArchive.trailer)
      return bytes
    }
  }

  /// Appends `value` as a digit run (6 bits per byte, `0x40` set on all but the last byte).
  static func appendDigits(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x40 {
      bytes.append(UInt8(truncatingIfNeeded: rest & 0x3F) | 0x40)
      rest >>= 6
    }
    bytes.append(UInt8(truncatingIfNeeded: rest))
  }
}

// MARK: - Reading

extension ModelArchive {
  /// A cursor over an archive's bytes; every read checks its bounds and throws on anything
  /// that is not what ``Writer`` writes.
  struct Reader {
    /// The bytes are not an archive (or not a whole one).
    struct Malformed: Error {}

    let bytes: UnsafeRawBufferPointer
    var position = 0
    /// Where each string of the list starts and ends in ``bytes``; a string is made the first
    /// time a row reads it (``text()``) and kept in ``strings``.
    var stringBounds: [(start: Int, end: Int)] = []
    var strings: [String?] = []

    init(bytes: UnsafeRawBufferPointer) {
      self.bytes = bytes
    }

    /// Checks the header and reads the string list.
    mutating func start() throws(Malformed) {
      guard bytes.count >= ModelArchive.header.count,
        ModelArchive.header.indices.allSatisfy({ bytes[$0] == ModelArchive.header[$0] })
      else { throw Malformed() }
      position = ModelArchive.header.count
      let count = try unsigned(below: bytes.count)
      stringBounds.reserveCapacity(count)
      for _ in 0..<count {
        let length = try unsigned(below: Int.max)
        guard length <= bytes.count - position else { throw Malformed() }
        stringBounds.append((position, position + length))
        position += length
      }
      strings = Array(repeating: nil, count: count)
    }

    /// The reports with their counts, which come first after the strings.
    mutating func reportRows() throws(Malformed) -> [ReportRow] {
      try rows { r throws(Malformed) in
        ReportRow(
          report: Report(
            id: try r.text(), title: try r.text(), organisation: try r.text(), committee: try r.text(),
            year: try r.optional(), period: try r.text(), kind: try r.text(), source: try r.text(),
            identityLine: try r.optional()),
          facts: try r.unsigned(below: Int.max), goals: try r.unsigned(below: Int.max),
          sections: try r.unsigned(below: Int.max))
      }
    }

    /// Checks that the trailer is the last byte.
    func end() throws(Malformed) {
      guard position == bytes.count - 1, bytes[position] == ModelArchive.trailer else { throw Malformed() }
    }

    mutating func rows<Row>(_ read: (inout Reader) throws(Malformed) -> Row) throws(Malformed) -> [Row] {
      // Every row takes at least one byte, which bounds the count a corrupt archive can claim.
      let count = try unsigned(below: Int.max)
      guard count <= bytes.count - position else { throw Malformed() }
      var rows: [Row] = []
      rows.reserveCapacity(count)
      for _ in 0..<count { rows.append(try read(&self)) }
      return rows
    }

    mutating func text() throws(Malformed) -> String {
      let index = try unsigned(below: strings.count)
      if let string = strings[index] { return string }
      let bounds = stringBounds[index]
      let string = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[bounds.start..<bounds.end]), as: UTF8.self)
      strings[index] = string
      return string
    }

    mutating func choice<E: CaseIterable>(_ type: E.Type = E.self) throws(Malformed) -> E {
      let index = try unsigned(below: E.allCases.count)
      return E.allCases[E.allCases.index(E.allCases.startIndex, offsetBy: index)]
    }

    mutating func optional() throws(Malformed) -> Int? {
      try unsigned(below: 2) == 0 ? nil : try signed()
    }

    mutating func number() throws(Malformed) -> Number {
      let mantissa = try signed()
      let scale = try signed()
      guard let scale = Int8(exactly: scale), scale >= 0, scale <= Number.maxScale else { throw Malformed() }
      return Number(mantissa: Int64(mantissa), scale: scale)
    }

    mutating func signed() throws(Malformed) -> Int {
      let zigzag = try digits()
      return Int(Int64(bitPattern: zigzag >> 1 ^ (0 &- (zigzag & 1))))
    }

    /// A whole number less than `limit`.
    mutating func unsigned(below limit: Int) throws(Malformed) -> Int {
      let value = try digits()
      guard value < UInt64(max(limit, 0)) else { throw Malformed() }
      return Int(value)
    }

    /// One digit run; at most 11 bytes (66 bits) and no bits past the 64th.
    private mutating func digits() throws(Malformed) -> UInt64 {
      var value: UInt64 = 0
      var shift: UInt64 = 0
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        guard byte < 0x80 else { throw Malformed() }
        let part = UInt64(byte & 0x3F)
        guard shift < 64, shift < 60 || part >> (64 - shift) == 0 else { throw Malformed() }
        value |= part << shift
        if byte < 0x40 { return value }
        shift += 6
      }
      throw Malformed()
    }
  }
}
