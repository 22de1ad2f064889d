#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData

/// Predicate pushdown in a read (issue 16): the columns a read feeds only for the records a
/// ``HQData/RowPrefilter`` keeps, and the rows it kept.
///
/// The read feeds its other columns every record as usual; after them, it runs the filter's
/// tests on the record's cells (located already) and feeds these columns only when every
/// clause holds, noting the record's number. A number test of a column the read feeds takes
/// the value its builder just stored (``CSVColumnBuilder/lastNumber``) instead of reading
/// the cell again. The columns must be of settled text (a text column stays text whatever
/// its other cells hold, so skipping them changes no type).
///
/// The tests run while they drop rows: once a window of ``window`` records shows they keep
/// more than half, they stop, and the narrowed columns take every record after it. They run
/// once per record, so a read lays them out flat (``Tests``): plain values in one allocation
/// and the texts' bytes in another, with no reference counting per record.
struct CSVRowFilter: Sendable {
  let filter: RowPrefilter
  /// The columns fed for kept records only, ascending.
  let columns: [Int]

  /// Records over which the share the tests keep is judged.
  static let window = 1 << 14

  /// The last column whose place a record must give: the filter's and the fed ones.
  var lastColumn: Int { max(columns.last ?? -1, filter.columns.last ?? -1) }

  /// One test, as plain values.
  struct Test {
    enum Kind: UInt8 { case null, number, text }
    var kind: Kind
    var column: Int
    var comparison: ComparisonOperator
    /// `null`: the cell must be empty; `text`: the cell must equal the text.
    var expected: Bool
    /// `text`: the text is written one way only (``HQData/RowPrefilter/Test``).
    var oneWay: Bool
    /// True for the last test of a clause.
    var endsClause: Bool
    /// `number`: the read feeds the column every record, so its builder holds the cell's value.
    var fedWhole: Bool
    var constant: Number
    /// `text`: where its bytes are in ``Tests/bytes``, and how many.
    var start: Int
    var count: Int
  }

  /// The tests of one read, laid out flat; freed by ``free()``.
  struct Tests {
    let tests: UnsafeMutableBufferPointer<Test>
    let bytes: UnsafeMutableBufferPointer<UInt8>

    func free() {
      tests.deallocate()
      bytes.deallocate()
    }
  }

  /// The tests laid out for one read (one part of it) that feeds the columns `fed` every record.
  func laidOut(fed: [Int]) -> Tests {
    var flat: [Test] = []
    var bytes: [UInt8] = []
    for clause in filter.clauses where !clause.isEmpty {
      for (position, test) in clause.enumerated() {
        var out = Test(
          kind: .null, column: test.column, comparison: .equal, expected: false, oneWay: false,
          endsClause: position == clause.count - 1, fedWhole: fed.contains(test.column) && !columns.contains(test.column),
          constant: Number(0), start: 0, count: 0)
        switch test {
        case .null(_, let isNull):
          out.expected = isNull
        case .number(_, let comparison, let constant):
          out.kind = .number
          out.comparison = comparison
          out.constant = constant
        case .text(_, let text, let equal, let oneWay):
          out.kind = .text
          out.expected = equal
          out.oneWay = oneWay
          out.start = bytes.count
          out.count = text.count
          bytes += text
        }
        flat.append(out)
      }
    }
    let tests = UnsafeMutableBufferPointer<Test>.allocate(capacity: flat.count)
    _ = tests.initialize(from: flat)
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
    _ = storage.initialize(from: bytes)
    return Tests(tests: tests, bytes: storage)
  }

  /// True when the record whose fields are at `fields` passes every clause (a test the
  /// bytes cannot decide passes).
  @inline(__always)
  static func keeps(
    _ tests: Tests, _ fields: UnsafeMutablePointer<CSVField>, _ base: UnsafePointer<UInt8>,
    _ builders: inout [CSVColumnBuilder]
  ) -> Bool {
    var holds = false
    for i in 0..<tests.tests.count {
      let test = tests.tests.baseAddress! + i
      if !holds && passes(test, fields[test.pointee.column], base, tests.bytes, &builders) { holds = true }
      if test.pointee.endsClause {
        if !holds { return false }
        holds = false
      }
    }
    return true
  }

  @inline(__always)
  static func passes(
    _ test: UnsafeMutablePointer<Test>, _ field: CSVField, _ base: UnsafePointer<UInt8>,
    _ texts: UnsafeMutableBufferPointer<UInt8>, _ builders: inout [CSVColumnBuilder]
  ) -> Bool {
    let length = field.end - field.start
    switch test.pointee.kind {
    case .null:
      return (length == 0) == test.pointee.expected
    case .number:
      guard length > 0 else { return false }
      if test.pointee.fedWhole, let value = builders[test.pointee.column].lastNumber {
        return test.pointee.comparison.holds(order(value.mantissa, value.scale, test.pointee.constant))
      }
      guard let parsed = CSVDecimal.parse(base, field.start, field.end) else { return true }
      return test.pointee.comparison.holds(order(parsed.mantissa, parsed.scale, test.pointee.constant))
    case .text:
      guard length > 0 else { return false }
      if field.hasEscapes { return true }
      if length == test.pointee.count && memcmp(base + field.start, texts.baseAddress! + test.pointee.start, length) == 0 {
        return test.pointee.expected
      }
      // Other bytes are another text only when both are written one way: characters under
      // U+0300 (bytes under 0xCC in UTF-8). Text may be written two ways and be equal
      // (a precomposed `å`, or `a` and a combining ring; `K` and the Kelvin sign).
      guard test.pointee.oneWay else { return true }
      for i in field.start..<field.end where base[i] >= 0xCC { return true }
      return !test.pointee.expected
    }
  }

  /// The value `mantissa`×10^-`scale` against `constant`: -1, 0 or 1. Scales that differ are
  /// brought together in 64 bits where that does not overflow.
  @inline(__always)
  static func order(_ mantissa: Int64, _ scale: Int8, _ constant: Number) -> Int {
    var a = mantissa
    var b = constant.mantissa
    var overflow = false
    if scale > constant.scale {
      for _ in 0..<(Int(scale) - Int(constant.scale)) where !overflow { (b, overflow) = b.multipliedReportingOverflow(by: 10) }
    } else if scale < constant.scale {
      for _ in 0..<(Int(constant.scale) - Int(scale)) where !overflow { (a, overflow) = a.multipliedReportingOverflow(by: 10) }
    }
    if overflow {
      let value = Number(mantissa: mantissa, scale: scale)
      return value < constant ? -1 : (value == constant ? 0 : 1)
    }
    return a < b ? -1 : (a == b ? 0 : 1)
  }
}

/// What a read does after feeding a record's columns (``CSVReader/scan(_:_:from:limit:failure:only:validating:filter:)``):
/// nothing, or a filter's narrowed columns. The read's loop is specialised for each, so a
/// read without a filter runs the loop it always ran.
protocol CSVRecordHook {
  /// The last column whose place each record must give (-1: none).
  var lastColumn: Int { get }
  /// Called with each record (numbered from 0 in the read) once its columns are fed.
  mutating func record(
    _ record: Int, _ fields: UnsafeMutablePointer<CSVField>, _ base: UnsafePointer<UInt8>,
    _ builders: inout [CSVColumnBuilder], _ scratch: inout [UInt8]
  ) throws(CSVRowFilter.Failure)
  /// Called once after the last record.
  mutating func finish(_ builders: inout [CSVColumnBuilder])
}

extension CSVRowFilter {
  /// A cell that could not go into its narrowed column.
  struct Failure: Error {
    var error: CSVCellError
    var column: Int
  }

  /// The hook of a read without a filter.
  struct Nothing: CSVRecordHook {
    var lastColumn: Int { -1 }
    @inline(__always)
    mutating func record(
      _ record: Int, _ fields: UnsafeMutablePointer<CSVField>, _ base: UnsafePointer<UInt8>,
      _ builders: inout [CSVColumnBuilder], _ scratch: inout [UInt8]
    ) throws(Failure) {}
    func finish(_ builders: inout [CSVColumnBuilder]) {}
  }

  /// The hook of a read with a filter: runs its tests on each record while they drop rows
  /// (a window of ``window`` records in which they keep more than half ends them), feeds the
  /// narrowed columns the records that pass, and notes their numbers.
  struct Narrowing: CSVRecordHook {
    let narrowed: [Int]
    let tests: Tests
    let lastColumn: Int
    private var testing = true
    private var keptBefore = 0
    /// Once the tests stop, every record from this one on is kept (numbered in ``kept(records:)``).
    private var keptFrom = Int.max
    private var numbers: [Int32] = []

    /// Where the read's records start and stop, for estimating how many are left.
    private let start: Int
    private let limit: Int

    init(_ filter: CSVRowFilter, fed: [Int], start: Int, limit: Int) {
      narrowed = filter.columns
      tests = filter.laidOut(fed: fed)
      lastColumn = filter.lastColumn
      self.start = start
      self.limit = limit
    }

    func free() { tests.free() }

    @inline(__always)
    mutating func record(
      _ record: Int, _ fields: UnsafeMutablePointer<CSVField>, _ base: UnsafePointer<UInt8>,
      _ builders: inout [CSVColumnBuilder], _ scratch: inout [UInt8]
    ) throws(Failure) {
      if !testing || CSVRowFilter.keeps(tests, fields, base, &builders) {
        for i in narrowed {
          do { try builders[i].append(fields[i], base, &scratch) } catch { throw Failure(error: error, column: i) }
        }
        if testing { numbers.append(Int32(truncatingIfNeeded: record)) }
      }
      if testing && record & (CSVRowFilter.window - 1) == CSVRowFilter.window - 1 {
        if numbers.count - keptBefore > CSVRowFilter.window / 2 {
          testing = false
          keptFrom = record + 1
          // Room in the narrowed columns for the records left, estimated from the bytes so far.
          let here = fields[0].start
          let left = (limit - here) / max(1, (here - start) / (record + 1))
          for i in narrowed { builders[i].reserve(left + left / 20 + 16) }
        }
        keptBefore = numbers.count
      }
    }

    mutating func finish(_ builders: inout [CSVColumnBuilder]) {
      for i in narrowed { builders[i].checkUnits() }
    }

    /// The numbers of the records kept, of `records` read.
    mutating func kept(records: Int) -> [Int32] {
      guard keptFrom < records else { return numbers }
      let old = numbers.count
      numbers += repeatElement(0, count: records - keptFrom)
      numbers.withUnsafeMutableBufferPointer { out in
        for i in old..<out.count { out[i] = Int32(truncatingIfNeeded: keptFrom + i - old) }
      }
      return numbers
    }
  }
}
