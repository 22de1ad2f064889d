import HQData

/// Predicate pushdown in a read (issue 16): the columns a read feeds only for the records a
/// ``HQData/RowPrefilter`` keeps, and the rows it kept.
///
/// The read feeds its other columns every record as usual; after them, it runs the filter's
/// tests on the record's cells (located already) and feeds these columns only when every
/// clause holds, noting the record's number. The columns must be of settled text (a text
/// column stays text whatever its other cells hold, so skipping them changes no type).
struct CSVRowFilter: Sendable {
  let filter: RowPrefilter
  /// The columns fed for kept records only, ascending.
  let columns: [Int]

  /// The last column whose place a record must give: the filter's and the fed ones.
  var lastColumn: Int { max(columns.last ?? -1, filter.columns.last ?? -1) }

  /// True when the record whose fields are at `fields` passes every clause (a test the
  /// bytes cannot decide passes).
  @inline(__always)
  func keeps(_ fields: UnsafeMutablePointer<CSVField>, _ base: UnsafePointer<UInt8>) -> Bool {
    for clause in filter.clauses {
      var holds = false
      for test in clause where Self.passes(test, fields[test.column], base) {
        holds = true
        break
      }
      if !holds { return false }
    }
    return true
  }

  @inline(__always)
  static func passes(_ test: RowPrefilter.Test, _ field: CSVField, _ base: UnsafePointer<UInt8>) -> Bool {
    let length = field.end - field.start
    switch test {
    case .null(_, let isNull):
      return (length == 0) == isNull
    case .number(_, let comparison, let constant):
      guard length > 0 else { return false }
      guard let parsed = CSVDecimal.parse(base, field.start, field.end) else { return true }
      let value = Number(mantissa: parsed.mantissa, scale: parsed.scale)
      return comparison.holds(value < constant ? -1 : (value == constant ? 0 : 1))
    case .text(_, let bytes, let equal, let oneWay):
      guard length > 0 else { return false }
      if field.hasEscapes { return true }
      let cell = UnsafeBufferPointer(start: base + field.start, count: length)
      if cell.elementsEqual(bytes) { return equal }
      // Other bytes are another text only when both are written one way: characters under
      // U+0300 (bytes under 0xCC in UTF-8). Text may be written two ways and be equal
      // (a precomposed `å`, or `a` and a combining ring; `K` and the Kelvin sign).
      guard oneWay, !cell.contains(where: { $0 >= 0xCC }) else { return true }
      return !equal
    }
  }
}
