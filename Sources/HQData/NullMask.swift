/// One bit per row, set where the row is null. Columns without nulls carry no mask at all.
public struct NullMask: Sendable, Hashable {
  public private(set) var words: [UInt64]
  public private(set) var count: Int

  public init() {
    words = []
    count = 0
  }

  public init(repeating isNull: Bool, count: Int) {
    words = Array(repeating: isNull ? ~0 : 0, count: (count + 63) / 64)
    self.count = count
  }

  public subscript(row: Int) -> Bool {
    words[row >> 6] & (1 << UInt64(row & 63)) != 0
  }

  public mutating func append(_ isNull: Bool) {
    if count & 63 == 0 { words.append(0) }
    if isNull { words[count >> 6] |= 1 << UInt64(count & 63) }
    count += 1
  }

  /// True when at least one row is null.
  public var hasNulls: Bool { words.contains { $0 != 0 } }
}
