#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interns byte strings to dense `UInt32` codes without making a `String` per lookup.
///
/// A text column of ten million cells usually holds a few thousand distinct values. Each
/// cell is hashed and compared as raw bytes against an open-addressing table; only a value
/// seen for the first time is copied (into one shared byte arena). ``strings()`` makes one
/// `String` per distinct value at the end, for ``Column``'s dictionary.
///
/// Bytes are compared exactly: two spellings of one text (precomposed `å` and `a` + U+030A)
/// are two values here. ``TextInterner`` builds canonical equivalence on top of it; the CSV
/// reader uses it directly, on the file's bytes.
public struct ByteDictionary: Sendable {
  /// All distinct values' bytes, back to back.
  private var arena: [UInt8] = []
  /// Value `code` is `arena[offsets[code]..<offsets[code + 1]]`.
  private var offsets: [Int] = [0]
  /// Every value's full hash, in code order; read only when the table grows.
  private var hashes: [UInt64] = []
  /// Open-addressing slots: the high 32 bits of the value's hash over `code + 1`; 0 marks an
  /// empty slot. Keeping part of the hash in the slot means a probe reads one slot, not the
  /// slot and then `hashes[code]` elsewhere in memory: in a column of mostly distinct texts
  /// (report lines) those are two cache misses per row.
  private var slots: [UInt64]
  private var mask: Int
  private static let tagMask: UInt64 = 0xFFFF_FFFF_0000_0000

  public init() {
    slots = Array(repeating: 0, count: 64)
    mask = 63
  }

  public var count: Int { hashes.count }

  /// The code of `bytes[0..<length]`, adding it when new; `isNew` says which happened.
  @inline(__always)
  public mutating func intern(_ bytes: UnsafePointer<UInt8>, _ length: Int, isNew: inout Bool) -> UInt32 {
    let hash = ByteDictionary.hash(bytes, length)
    let tag = hash & ByteDictionary.tagMask
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let code = Int(truncatingIfNeeded: entry & ~ByteDictionary.tagMask) - 1
      if entry & ByteDictionary.tagMask == tag && equals(code, bytes, length) {
        isNew = false
        return UInt32(code)
      }
      slot = (slot + 1) & mask
    }
    let code = UInt32(hashes.count)
    hashes.append(hash)
    arena.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    offsets.append(arena.count)
    slots[slot] = tag | UInt64(code + 1)
    isNew = true
    if hashes.count * 2 > slots.count { grow() }
    return code
  }

  /// True when value `code` is exactly `bytes[0..<length]`: a cheap test against a value seen
  /// just before, without hashing.
  @inline(__always)
  public func hasBytes(_ code: UInt32, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    Int(code) < hashes.count && equals(Int(code), bytes, length)
  }

  /// Calls `body` with the bytes of value `code`.
  public func withBytes<R>(of code: Int, _ body: (UnsafePointer<UInt8>, Int) -> R) -> R {
    arena.withUnsafeBufferPointer { all in
      let start = offsets[code]
      let length = offsets[code + 1] - start
      var empty: UInt8 = 0
      guard let base = all.baseAddress else { return body(&empty, 0) }
      return body(base + start, length)
    }
  }

  /// The distinct values in code order.
  public func strings() -> [String] {
    arena.withUnsafeBufferPointer { all in
      (0..<hashes.count).map { code in
        String(decoding: UnsafeBufferPointer(rebasing: all[offsets[code]..<offsets[code + 1]]), as: UTF8.self)
      }
    }
  }

  @inline(__always)
  private func equals(_ code: Int, _ bytes: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    let start = offsets[code]
    guard offsets[code + 1] - start == length else { return false }
    return arena.withUnsafeBufferPointer { all in
      guard length > 0, let stored = all.baseAddress else { return true }
      return memcmp(stored + start, bytes, length) == 0
    }
  }

  private mutating func grow() {
    let capacity = slots.count * 2
    slots = Array(repeating: 0, count: capacity)
    mask = capacity - 1
    for code in hashes.indices {
      let hash = hashes[code]
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = hash & ByteDictionary.tagMask | UInt64(code + 1)
    }
  }

  /// A fast non-cryptographic hash: eight bytes at a time, multiply-xorshift mixing.
  @inline(__always)
  public static func hash(_ bytes: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
    var i = 0
    let raw = UnsafeRawPointer(bytes)
    while i + 8 <= length {
      let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < length {
      tail |= UInt64(bytes[i]) << shift
      shift += 8
      i += 1
    }
    h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    h ^= h >> 29
    h = h &* 0xBF58_476D_1CE4_E5B9
    h ^= h >> 32
    return h
  }
}
