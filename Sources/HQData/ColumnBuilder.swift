/// Builds a ``Column`` one value at a time.
///
/// Model tables append typed values (``appendText(_:)``, ``appendNumber(_:)``,
/// ``appendInteger(_:)``, ``appendNull()``), so no ``Value`` or row array is made per row;
/// ``append(_:)`` takes a ``Value`` for callers that have one.
///
/// - Text is interned by its bytes (``TextInterner``): canonically equivalent spellings share
///   one code, as they would in a `String`-keyed dictionary.
/// - Numbers come out at one scale when they can (see ``build()``), so the engine's sums and
///   comparisons take their fast paths without a pass of their own.
/// - The null mask is made at the first null; a column without nulls never has one.
public struct ColumnBuilder: Sendable {
  public let name: String
  public let type: ValueType
  private var mantissas: [Int64] = []
  /// One scale per row, made only once two non-null rows disagree (see `noteScale`).
  private var scales: [Int8] = []
  private var firstScale: Int8?
  private var mixedScales = false
  private var maxScale: Int8 = 0
  private var codes: [UInt32] = []
  private var interner = TextInterner()
  private var bools: [Bool] = []
  private var nulls: NullMask?
  private var count = 0

  /// - Parameter capacity: the number of rows expected, reserved up front.
  public init(name: String, type: ValueType, capacity: Int = 0) {
    self.name = name
    self.type = type
    switch type {
    case .number: mantissas.reserveCapacity(capacity)
    case .text: codes.reserveCapacity(capacity)
    case .bool: bools.reserveCapacity(capacity)
    }
  }

  public struct TypeMismatch: Error, Sendable {
    public var column: String
    public var expected: ValueType
    public var found: Value
  }

  /// Appends a value; null fits every type, any other value must match the column's type.
  public mutating func append(_ value: Value) throws(TypeMismatch) {
    switch (value, type) {
    case (.null, _): appendNull()
    case (.number(let n), .number): appendNumber(n)
    case (.text(let s), .text): appendText(s)
    case (.bool(let b), .bool): appendBool(b)
    default: throw TypeMismatch(column: name, expected: type, found: value)
    }
  }

  /// Appends a null. Its storage slot holds a placeholder: 0, code 0 (the empty text when
  /// the column has no text yet), or false.
  public mutating func appendNull() {
    if nulls == nil { nulls = NullMask(repeating: false, count: count) }
    nulls?.append(true)
    switch type {
    case .number:
      mantissas.append(0)
      if mixedScales { scales.append(0) }
    case .text:
      if interner.count == 0 { _ = interner.code(of: "") }
      codes.append(0)
    case .bool:
      bools.append(false)
    }
    count += 1
  }

  /// Appends a text. The column must be a text column.
  public mutating func appendText(_ text: String) {
    precondition(type == .text, "text appended to the \(type.name) column '\(name)'")
    codes.append(interner.code(of: text))
    appendedNonNull()
  }

  /// Appends a text, or null when it is empty (an empty cell of the report models is null).
  @inline(__always)
  public mutating func appendTextOrNull(_ text: String) {
    if text.isEmpty { appendNull() } else { appendText(text) }
  }

  /// Appends a number. The column must be a number column.
  public mutating func appendNumber(_ number: Number) {
    precondition(type == .number, "number appended to the \(type.name) column '\(name)'")
    mantissas.append(number.mantissa)
    noteScale(number.scale)
    appendedNonNull()
  }

  /// Appends an integer, or a null for nil. The column must be a number column.
  public mutating func appendInteger(_ value: Int?) {
    guard let value else { return appendNull() }
    appendNumber(Number(value))
  }

  /// Appends a truth value. The column must be a bool column.
  public mutating func appendBool(_ value: Bool) {
    precondition(type == .bool, "bool appended to the \(type.name) column '\(name)'")
    bools.append(value)
    appendedNonNull()
  }

  @inline(__always)
  private mutating func appendedNonNull() {
    nulls?.append(false)
    count += 1
  }

  /// Records the scale of the number just appended; per-row scales are materialized at the
  /// first disagreement, with every earlier row at the first scale (a null's scale is
  /// irrelevant: its mantissa is 0).
  @inline(__always)
  private mutating func noteScale(_ scale: Int8) {
    if scale > maxScale { maxScale = scale }
    if mixedScales {
      scales.append(scale)
    } else if firstScale == nil {
      firstScale = scale
    } else if scale != firstScale {
      mixedScales = true
      scales = Array(repeating: firstScale ?? 0, count: mantissas.count - 1)
      scales.reserveCapacity(mantissas.capacity)
      scales.append(scale)
    }
  }

  /// The finished column.
  ///
  /// A number column whose rows use different scales (`306`, `9.4`, `5.85`) is brought to the
  /// largest, when every value fits there (`9.4` becomes 9400 at scale 3), so it has one
  /// ``Column/Storage/number(mantissas:scales:uniformScale:)`` scale. Values are unchanged.
  /// When some value would overflow at that scale, the column keeps its per-row scales.
  public func build() -> Column {
    switch type {
    case .number:
      var storage = Column.Storage.number(mantissas: mantissas, scales: [], uniformScale: firstScale ?? 0)
      if mixedScales {
        if let rescaled = Column.mantissas(mantissas, scales: scales, atScale: maxScale) {
          storage = .number(mantissas: rescaled, scales: [], uniformScale: maxScale)
        } else {
          storage = .number(mantissas: mantissas, scales: scales, uniformScale: nil)
        }
      }
      return Column(name: name, type: type, storage: storage, nulls: nulls, count: count)
    case .text:
      return Column(
        name: name, type: type, storage: .text(codes: codes, dictionary: interner.strings), nulls: nulls, count: count)
    case .bool:
      return Column(name: name, type: type, storage: .bool(bools), nulls: nulls, count: count)
    }
  }
}

extension Column {
  /// The mantissas brought from their per-row scales to `target` (at least every row's
  /// scale), or nil when one would overflow an `Int64` there.
  ///
  /// - Complexity: O(n).
  public static func mantissas(_ mantissas: [Int64], scales: [Int8], atScale target: Int8) -> [Int64]? {
    var powers: [Int64] = [1]
    for _ in 0..<Int(target) { powers.append(powers[powers.count - 1] &* 10) }
    var result = mantissas
    for i in result.indices {
      let (product, overflow) = result[i].multipliedReportingOverflow(by: powers[Int(target - scales[i])])
      if overflow { return nil }
      result[i] = product
    }
    return result
  }
}
