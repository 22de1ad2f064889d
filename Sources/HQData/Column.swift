/// One column of a table, stored by type so that scans touch plain arrays.
///
/// - Numbers keep a mantissa and a scale (`9.4` is 94 at scale 1). `uniformScale` is set when
///   every row shares one scale, so sums can add mantissas directly and comparisons compare
///   `Int64`s; `scales` is then empty. The builders (``ColumnBuilder``, the CSV reader) bring a
///   column of mixed scales to its largest scale when every value fits there, so per-row
///   `scales` remain only for a column where that would overflow.
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
  /// What the column is for (see ``ColumnRole``); nil for an ordinary attribute.
  public var role: ColumnRole?
  /// The unit every number of the column was written with in its file (`%`, `tkr`, `mnkr`,
  /// `kr`: a CSV column of `5,8 %` or `12 450 tkr`), shown by `.schema`; nil when none was.
  /// A note about where the numbers came from: queries neither read nor keep it.
  public var unit: String?

  public init(
    name: String, type: ValueType, storage: Storage, nulls: NullMask?, count: Int, role: ColumnRole? = nil,
    unit: String? = nil
  ) {
    self.name = name
    self.role = role
    self.unit = unit
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

  public var field: Field { Field(name, type, role: role) }
}
