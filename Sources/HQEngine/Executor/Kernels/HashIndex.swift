/// A dense numbering of 64-bit keys: each distinct key gets the next id (0, 1, 2, …) in the
/// order it is first seen.
///
/// Group-by, distinct, joins and compare all reduce their keys to 64-bit integers (dictionary
/// codes, number mantissas, or pairs of earlier ids), so one open-addressing table with
/// linear probing serves them all without hashing `Value`s or allocating per row.
struct HashIndex {
  private var keys: [UInt64]
  private var ids: [UInt32]
  private var mask: Int
  private(set) var count = 0

  private static let empty = UInt32.max

  init(expectedCount: Int = 16) {
    var capacity = 16
    while capacity < expectedCount * 2 { capacity <<= 1 }
    keys = [UInt64](repeating: 0, count: capacity)
    ids = [UInt32](repeating: HashIndex.empty, count: capacity)
    mask = capacity - 1
  }

  @inline(__always)
  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The id of `key`, assigning the next id when the key is new.
  @inline(__always)
  mutating func id(for key: UInt64) -> UInt32 {
    if count * 2 >= ids.count { grow() }
    var slot = HashIndex.slot(key, mask)
    while true {
      let id = ids[slot]
      if id == HashIndex.empty {
        keys[slot] = key
        ids[slot] = UInt32(count)
        count += 1
        return UInt32(count - 1)
      }
      if keys[slot] == key { return id }
      slot = (slot + 1) & mask
    }
  }

  /// The id of `key`, or nil when it was never added.
  @inline(__always)
  func lookup(_ key: UInt64) -> UInt32? {
    var slot = HashIndex.slot(key, mask)
    while true {
      let id = ids[slot]
      if id == HashIndex.empty { return nil }
      if keys[slot] == key { return id }
      slot = (slot + 1) & mask
    }
  }

  private mutating func grow() {
    let oldKeys = keys
    let oldIds = ids
    let capacity = ids.count * 2
    keys = [UInt64](repeating: 0, count: capacity)
    ids = [UInt32](repeating: HashIndex.empty, count: capacity)
    mask = capacity - 1
    for i in oldIds.indices where oldIds[i] != HashIndex.empty {
      var slot = HashIndex.slot(oldKeys[i], mask)
      while ids[slot] != HashIndex.empty { slot = (slot + 1) & mask }
      keys[slot] = oldKeys[i]
      ids[slot] = oldIds[i]
    }
  }
}
