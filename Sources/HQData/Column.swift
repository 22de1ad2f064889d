/// One column of a table, stored by type so that scans touch plain arrays.
///
/// - Numbers keep a mantissa and a scale per row (`9.4` is 94 at scale 1); `uniformScale`
///   is set when every row shares one scale, so sums can add mantissas directly.
/// - Text is dictionary-encoded: each row holds a code into `dictionary`, and the same
///   indicator name repeated over a million rows is stored once.
/// - Nulls live in a ``NullMask``; the storage holds a placeholder (0, code 0, false) there.
public struct Column: Sendable {
  public enum Storage: Sendable {
    case number(mantissas: [Int64], scales: [Int8], uniformScale: Int8?)
    case text(codes: [UInt32], dictionary: [String])
    case bool([Bool])
  }

  public var name: String
  public var type: ValueType
  public var storage: Storage
  /// Nil when no row is null.
  public var nulls: NullMask?
  public let count: Int

  public init(name: String, type: ValueType, storage: Storage, nulls: NullMask?, count: Int) {
    self.name = name
    self.type = type
    self.storage = storage
    self.nulls = nulls
    self.count = count
  }

  @inline(__always)
  public func isNull(_ row: Int) -> Bool {
    nulls?[row] ?? false
  }

  /// The value at `row` as a ``Value``. Convenient for formatting; hot loops read `storage`.
  public func value(at row: Int) -> Value {
    if isNull(row) { return .null }
    switch storage {
    case .number(let mantissas, let scales, let uniform):
      return .number(Number(mantissa: mantissas[row], scale: uniform ?? scales[row]))
    case .text(let codes, let dictionary):
      return .text(dictionary[Int(codes[row])])
    case .bool(let values):
      return .bool(values[row])
    }
  }

  public var field: Field { Field(name, type) }
}

/// Builds a ``Column`` one value at a time.
public struct ColumnBuilder: Sendable {
  public let name: String
  public let type: ValueType
  private var mantissas: [Int64] = []
  private var scales: [Int8] = []
  private var codes: [UInt32] = []
  private var dictionary: [String] = []
  private var codeOf: [String: UInt32] = [:]
  private var bools: [Bool] = []
  private var nulls = NullMask()
  private var count = 0

  public init(name: String, type: ValueType) {
    self.name = name
    self.type = type
  }

  public struct TypeMismatch: Error, Sendable {
    public var column: String
    public var expected: ValueType
    public var found: Value
  }

  /// Appends a value; null fits every type, any other value must match the column's type.
  public mutating func append(_ value: Value) throws(TypeMismatch) {
    switch (value, type) {
    case (.null, _):
      nulls.append(true)
      switch type {
      case .number:
        mantissas.append(0)
        scales.append(0)
      case .text: codes.append(0)
      case .bool: bools.append(false)
      }
      if type == .text && dictionary.isEmpty { intern("") }
    case (.number(let n), .number):
      nulls.append(false)
      mantissas.append(n.mantissa)
      scales.append(n.scale)
    case (.text(let s), .text):
      nulls.append(false)
      codes.append(intern(s))
    case (.bool(let b), .bool):
      nulls.append(false)
      bools.append(b)
    default:
      throw TypeMismatch(column: name, expected: type, found: value)
    }
    count += 1
  }

  @discardableResult
  private mutating func intern(_ s: String) -> UInt32 {
    if let code = codeOf[s] { return code }
    let code = UInt32(dictionary.count)
    dictionary.append(s)
    codeOf[s] = code
    return code
  }

  public func build() -> Column {
    let mask: NullMask? = nulls.hasNulls ? nulls : nil
    switch type {
    case .number:
      let first = scales.first ?? 0
      let uniform: Int8? = scales.allSatisfy { $0 == first } ? first : nil
      return Column(
        name: name, type: type, storage: .number(mantissas: mantissas, scales: uniform == nil ? scales : [], uniformScale: uniform),
        nulls: mask, count: count)
    case .text:
      return Column(name: name, type: type, storage: .text(codes: codes, dictionary: dictionary), nulls: mask, count: count)
    case .bool:
      return Column(name: name, type: type, storage: .bool(bools), nulls: mask, count: count)
    }
  }
}
