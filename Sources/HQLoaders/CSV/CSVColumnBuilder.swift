#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQData
import HQReports

/// A cell that cannot go into its column, at a byte offset the reader turns into `LINE:COL`.
struct CSVCellError: Error {
  enum Kind {
    case invalidUTF8
    /// The column must hold numbers (the `facts` columns `year`, `value`, …) and this cell is not one.
    case notANumber
  }

  var kind: Kind
  var offset: Int
  /// How many bytes of the cell to underline (0: a caret at `offset` alone).
  var length = 0
}

/// Accumulates one CSV column straight from the file's bytes into typed storage.
///
/// Without a given type the column starts undecided (only empty cells so far), becomes a
/// number column at its first non-empty cell if that parses as a number and a text column
/// otherwise. A number column that later meets a non-number, mixes `.` and `,` decimals, or
/// mixes units (`5,8 %` and `6`, `12 tkr` and `3 mnkr`), is *demoted*: it stops collecting and the reader scans the file once more for it with the
/// type fixed to text (the original spellings must be kept, so the numbers cannot simply be
/// printed back). Empty cells are null in every type.
struct CSVColumnBuilder {
  enum Mode {
    case undecided
    case number
    case text
    /// Found not to be numeric after all; needs another pass as text.
    case demoted
    /// Finished in an earlier pass; skip its cells.
    case done
  }

  let name: String
  private(set) var mode: Mode
  /// True when the type was given (facts schema or an earlier pass) rather than inferred.
  private let fixed: Bool
  private let estimatedRows: Int
  private(set) var rows = 0
  private var nulls: NullMask?

  /// The numbers, all at ``scale`` (the largest scale seen so far), so a column mixing `12`,
  /// `9,4` and `0,05` costs what a column of one scale does: a cell of a smaller scale is
  /// multiplied up as it is stored, and a cell of a larger scale multiplies the rows before it
  /// up once (at most eighteen times a column). Only when that would overflow does the column
  /// keep a scale per row (``scales``).
  private var mantissas: [Int64] = []
  /// The scale of every mantissa while ``mixedScales`` is false; -1 once it is true, so the
  /// common path compares one byte.
  private var scale: Int8 = 0
  /// True once a number was stored (the first one sets ``scale``).
  private var sawNumber = false
  /// Per-row scales, only once bringing the rows to one scale overflowed.
  private var scales: [Int8] = []
  private var mixedScales = false
  /// With ``mixedScales``: the largest scale of any row.
  private var maxScale: Int8 = 0
  /// The decimal separator the column uses (0 until a fractional value is seen).
  private(set) var separator: UInt8 = 0
  /// The unit every number of the column carries (``UnitVocabulary/code(ofWord:)``; 0 for
  /// none), set by the first number.
  private(set) var unit: UInt8 = 0
  /// How many numbers came through ``appendWrittenNumber(_:_:)``. A column with a unit must
  /// have all its numbers written so (a plain `6` has no `%`); ``checkUnits()`` compares once
  /// per pass, so the plain path checks nothing per cell.
  private var writtenNumbers = 0

  private var codes: [UInt32] = []
  private var dictionary = ByteDictionary()
  /// The previous plain cell's place and code: runs of equal values skip the hash lookup.
  private var lastStart = -1
  private var lastLength = -1
  private var lastCode: UInt32 = 0

  /// - Parameter type: nil to infer the type, else the type every cell must have.
  init(name: String, type: ValueType?, estimatedRows: Int) {
    self.name = name
    self.estimatedRows = estimatedRows
    switch type {
    case .number?:
      mode = .number
      mantissas.reserveCapacity(estimatedRows)
    case .text?, .bool?:
      mode = .text
      codes.reserveCapacity(estimatedRows)
    case nil:
      mode = .undecided
    }
    fixed = type != nil
  }

  /// The value of the last cell appended, when it was a number stored as such (the column
  /// is numeric and the cell was not empty); nil otherwise. A read's filter tests use it
  /// instead of reading the cell again (``CSVRowFilter``).
  @inline(__always)
  var lastNumber: (mantissa: Int64, scale: Int8)? {
    guard mode == .number, let mantissa = mantissas.last else { return nil }
    if mixedScales { return scales.last.map { (mantissa, $0) } }
    return (mantissa, scale)
  }

  /// Makes room for `more` rows, so that appending them copies nothing.
  mutating func reserve(_ more: Int) {
    switch mode {
    case .number: mantissas.reserveCapacity(rows + more)
    case .text: codes.reserveCapacity(rows + more)
    case .undecided, .demoted, .done: break
    }
  }

  /// A builder that ignores every cell: the column was finished by an earlier pass.
  static func finished(name: String) -> CSVColumnBuilder {
    var builder = CSVColumnBuilder(name: name, type: nil, estimatedRows: 0)
    builder.mode = .done
    return builder
  }

  var isDemoted: Bool { mode == .demoted }

  /// Adds one cell. `scratch` is reused to collapse doubled quotes.
  @inline(__always)
  mutating func append(_ field: CSVField, _ base: UnsafePointer<UInt8>, _ scratch: inout [UInt8]) throws(CSVCellError) {
    if field.start == field.end {
      appendNull()
      return
    }
    switch mode {
    case .number:
      try appendNumber(field, base)
    case .text:
      try appendText(field, base, &scratch)
    case .undecided:
      decide(field, base)
      try append(field, base, &scratch)
    case .demoted, .done:
      return
    }
  }

  private mutating func appendNull() {
    switch mode {
    case .number: mantissas.append(0); if mixedScales { scales.append(0) }
    case .text: codes.append(0)
    case .undecided: break
    case .demoted, .done: return
    }
    if nulls == nil { nulls = NullMask(repeating: false, count: rows) }
    nulls?.append(true)
    rows += 1
  }

  /// The first non-empty cell decides the type; earlier rows were all null.
  private mutating func decide(_ field: CSVField, _ base: UnsafePointer<UInt8>) {
    if CSVDecimal.parse(base, field.start, field.end) != nil {
      mode = .number
      mantissas.reserveCapacity(Swift.max(estimatedRows, rows))
      mantissas.append(contentsOf: repeatElement(0, count: rows))
    } else {
      mode = .text
      codes.reserveCapacity(Swift.max(estimatedRows, rows))
      codes.append(contentsOf: repeatElement(0, count: rows))
    }
  }

  /// A number cell. The plain form (`-1204.1`) takes the inlined loop and only the checks it
  /// needs; anything else goes out of line to ``appendWrittenNumber(_:_:)``.
  @inline(__always)
  private mutating func appendNumber(_ field: CSVField, _ base: UnsafePointer<UInt8>) throws(CSVCellError) {
    guard let parsed = CSVDecimal.parsePlain(base, field.start, field.end) else {
      try appendWrittenNumber(field, base)
      return
    }
    guard keepsSeparator(parsed.separator) else { return }
    store(parsed.mantissa, parsed.scale)
  }

  /// The decimal separator of a number cell (0: none written): the column keeps the first one;
  /// a cell with another demotes the column to text, unless its separator is fixed (false).
  @inline(__always)
  private mutating func keepsSeparator(_ cellSeparator: UInt8) -> Bool {
    guard cellSeparator != 0, cellSeparator != separator else { return true }
    if separator != 0 && !fixed {
      demote()
      return false
    }
    separator = cellSeparator
    return true
  }

  /// A number cell not in the plain form: grouped, with a `−`, with a unit (``CSVDecimal``).
  @inline(never)
  private mutating func appendWrittenNumber(_ field: CSVField, _ base: UnsafePointer<UInt8>) throws(CSVCellError) {
    guard let parsed = CSVDecimal.parseWritten(base, field.start, field.end) else {
      try mismatch(field)
      return
    }
    guard keepsSeparator(parsed.separator) else { return }
    if parsed.unit != unit {
      // The first number sets the unit; a later one without it (or with another) is no
      // number of this column. A column of a given type (the facts schema's) takes none.
      if sawNumber || fixed {
        try mismatch(field)
        return
      }
      unit = parsed.unit
    }
    writtenNumbers += 1
    store(parsed.mantissa, parsed.scale)
  }

  /// After a pass: a column whose numbers carry a unit but some of which were plain (`6`
  /// after `5,8 %`) mixes units, so it is demoted to text.
  mutating func checkUnits() {
    guard mode == .number, unit != 0 else { return }
    var numbers = rows
    if let nulls {
      for row in 0..<rows where nulls[row] { numbers -= 1 }
    }
    if writtenNumbers != numbers { demote() }
  }

  /// A cell that is no number of this column: an error for a column of a given type, else
  /// the column is demoted to text.
  private mutating func mismatch(_ field: CSVField) throws(CSVCellError) {
    if fixed { throw CSVCellError(kind: .notANumber, offset: field.start, length: field.end - field.start) }
    demote()
  }

  @inline(__always)
  private mutating func store(_ mantissa: Int64, _ cellScale: Int8) {
    if cellScale == scale {
      mantissas.append(mantissa)
    } else {
      store(mantissa, otherScale: cellScale)
    }
    sawNumber = true
    nulls?.append(false)
    rows += 1
  }

  /// A cell whose scale is not the column's: the first number sets the scale; a smaller one is
  /// multiplied up; a larger one multiplies the rows before it up. Overflow: a scale per row.
  @inline(never)
  private mutating func store(_ mantissa: Int64, otherScale cellScale: Int8) {
    if mixedScales {
      mantissas.append(mantissa)
      scales.append(cellScale)
      maxScale = Swift.max(maxScale, cellScale)
      return
    }
    if !sawNumber {
      // Earlier rows are nulls (zeros at any scale).
      scale = cellScale
      mantissas.append(mantissa)
      return
    }
    if cellScale < scale {
      if let scaled = Self.scaled(mantissa, by: scale - cellScale) {
        mantissas.append(scaled)
        return
      }
    } else if Self.scaleUp(&mantissas, by: cellScale - scale) {
      scale = cellScale
      mantissas.append(mantissa)
      return
    }
    scales = perRowScales()
    scales.reserveCapacity(Swift.max(estimatedRows, rows))
    maxScale = Swift.max(scale, cellScale)
    mixedScales = true
    scale = -1
    mantissas.append(mantissa)
    scales.append(cellScale)
  }

  /// `mantissa` × 10^`digits`, or nil when that overflows.
  private static func scaled(_ mantissa: Int64, by digits: Int8) -> Int64? {
    var result = mantissa
    for _ in 0..<Int(digits) {
      let (product, overflow) = result.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      result = product
    }
    return result
  }

  /// Multiplies every mantissa by 10^`digits`; false (and nothing changed) when one would overflow.
  private static func scaleUp(_ mantissas: inout [Int64], by digits: Int8) -> Bool {
    guard digits > 0 else { return true }
    var factor: Int64 = 1
    for _ in 0..<Int(digits) { factor *= 10 }
    let limit = Int64.max / factor
    for m in mantissas where m > limit || m < -limit { return false }
    for i in mantissas.indices { mantissas[i] *= factor }
    return true
  }

  /// The scale of each row so far.
  private func perRowScales() -> [Int8] {
    mixedScales ? scales : Array(repeating: scale, count: mantissas.count)
  }

  /// Marks the column for a text pass after parts disagreed on its type.
  mutating func demoteForMerge() {
    demote()
    codes = []
    dictionary = ByteDictionary()
  }

  private mutating func demote() {
    mode = .demoted
    mantissas = []
    scales = []
    nulls = nil
  }

  @inline(__always)
  private mutating func appendText(_ field: CSVField, _ base: UnsafePointer<UInt8>, _ scratch: inout [UInt8]) throws(CSVCellError) {
    let length = field.end - field.start
    if !field.hasEscapes {
      if length == lastLength && memcmp(base + field.start, base + lastStart, length) == 0 {
        codes.append(lastCode)
      } else {
        var isNew = false
        let code = dictionary.intern(base + field.start, length, isNew: &isNew)
        if isNew { try validate(field, base) }
        codes.append(code)
        lastStart = field.start
        lastLength = length
        lastCode = code
      }
    } else {
      scratch.removeAll(keepingCapacity: true)
      var i = field.start
      while i < field.end {
        scratch.append(base[i])
        i += base[i] == UInt8(ascii: "\"") ? 2 : 1
      }
      var isNew = false
      let code = scratch.withUnsafeBufferPointer { buffer in
        dictionary.intern(buffer.baseAddress ?? base, buffer.count, isNew: &isNew)
      }
      if isNew { try validate(field, base) }
      codes.append(code)
    }
    nulls?.append(false)
    rows += 1
  }

  private func validate(_ field: CSVField, _ base: UnsafePointer<UInt8>) throws(CSVCellError) {
    let bytes = UnsafeRawBufferPointer(start: base, count: field.end)
    if let bad = UTF8Check.firstInvalidOffset(in: bytes, from: field.start, to: field.end) {
      throw CSVCellError(kind: .invalidUTF8, offset: bad)
    }
  }

  /// Appends the rows another builder read from the part of the file after this one's, so
  /// parts read in parallel become one column. False when the two disagree on the type (one
  /// numeric, one textual, or different decimal separators): the column must then be read
  /// again as text.
  mutating func merge(_ other: inout CSVColumnBuilder) -> Bool {
    switch (mode, other.mode) {
    case (.done, _), (_, .done): return true
    case (.demoted, _), (_, .demoted): return false
    case (.undecided, .undecided): break
    case (.undecided, .number), (.undecided, .text):
      if other.mode == .number {
        mode = .number
        mantissas.append(contentsOf: repeatElement(0, count: rows))
      } else {
        mode = .text
        codes.append(contentsOf: repeatElement(0, count: rows))
      }
      return merge(&other)
    case (.number, .undecided):
      mantissas.append(contentsOf: repeatElement(0, count: other.rows))
      if mixedScales { scales.append(contentsOf: repeatElement(0, count: other.rows)) }
    case (.text, .undecided):
      codes.append(contentsOf: repeatElement(0, count: other.rows))
    case (.number, .number):
      guard mergeNumbers(&other) else { return false }
    case (.text, .text):
      mergeText(&other)
    case (.number, .text), (.text, .number):
      return false
    }
    mergeNulls(other)
    rows += other.rows
    other = .finished(name: name)
    return true
  }

  private mutating func mergeNumbers(_ other: inout CSVColumnBuilder) -> Bool {
    if separator != 0 && other.separator != 0 && separator != other.separator && !fixed { return false }
    if sawNumber && other.sawNumber && unit != other.unit { return false }
    if separator == 0 { separator = other.separator }
    if !sawNumber { unit = other.unit }
    writtenNumbers += other.writtenNumbers
    if !mixedScales && !other.mixedScales {
      // Both at one scale: bring both to the larger (a part without numbers has only zeros).
      let target = !other.sawNumber ? scale : !sawNumber ? other.scale : Swift.max(scale, other.scale)
      if Self.scaleUp(&other.mantissas, by: target - other.scale) { other.scale = target }
      if other.scale == target && Self.scaleUp(&mantissas, by: target - scale) { scale = target }
    }
    if !mixedScales && !other.mixedScales && scale == other.scale {
      mantissas.append(contentsOf: other.mantissas)
    } else {
      let theirs = other.perRowScales()
      maxScale = Swift.max(mixedScales ? maxScale : scale, other.mixedScales ? other.maxScale : other.scale)
      scales = perRowScales()
      scales.append(contentsOf: theirs)
      mixedScales = true
      scale = -1
      mantissas.append(contentsOf: other.mantissas)
    }
    sawNumber = sawNumber || other.sawNumber
    return true
  }

  private mutating func mergeText(_ other: inout CSVColumnBuilder) {
    var mapping: [UInt32] = []
    mapping.reserveCapacity(other.dictionary.count)
    for code in 0..<other.dictionary.count {
      var isNew = false
      mapping.append(other.dictionary.withBytes(of: code) { dictionary.intern($0, $1, isNew: &isNew) })
    }
    codes.reserveCapacity(codes.count + other.codes.count)
    if mapping.isEmpty {
      codes.append(contentsOf: other.codes)
    } else {
      for code in other.codes { codes.append(mapping[Int(code)]) }
    }
    lastLength = -1
  }

  private mutating func mergeNulls(_ other: CSVColumnBuilder) {
    guard nulls != nil || other.nulls != nil else { return }
    if nulls == nil { nulls = NullMask(repeating: false, count: rows) }
    if let theirs = other.nulls {
      for row in 0..<other.rows { nulls?.append(theirs[row]) }
    } else {
      for _ in 0..<other.rows { nulls?.append(false) }
    }
  }

  /// The finished column. Number columns whose rows use different scales are rescaled to the
  /// largest one when that fits, so sums can add mantissas directly (values are unchanged:
  /// `9.4` at scale 2 is `940`).
  func build() -> Column {
    switch mode {
    case .number:
      var mantissas = self.mantissas
      var uniform: Int8? = scale
      var scales: [Int8] = []
      if mixedScales {
        if let rescaled = Column.mantissas(mantissas, scales: self.scales, atScale: maxScale) {
          mantissas = rescaled
          uniform = maxScale
        } else {
          uniform = nil
          scales = self.scales
        }
      }
      return Column(
        name: name, type: .number, storage: .number(mantissas: mantissas, scales: scales, uniformScale: uniform),
        nulls: nulls, count: rows, unit: UnitVocabulary.name(ofCode: unit))
    case .text, .undecided, .demoted, .done:
      var strings = dictionary.strings()
      if strings.isEmpty { strings = [""] }
      let codes = mode == .text ? self.codes : Array(repeating: 0, count: rows)
      return Column(name: name, type: .text, storage: .text(codes: codes, dictionary: strings), nulls: nulls, count: rows)
    }
  }
}
