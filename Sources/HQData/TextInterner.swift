/// Gives each distinct text a dense `UInt32` code, in order of first appearance, the way a
/// `[String: UInt32]` would, but hashing and comparing UTF-8 bytes.
///
/// Swift's `String` equality is canonical equivalence: precomposed `å` (U+00E5) equals `a`
/// followed by the combining ring U+030A. A dictionary keyed by `String` therefore hashes the
/// normalized (NFC) form of every non-ASCII key, which is slow for Swedish text, where almost
/// every line has an `å`, `ä` or `ö`. Here every text is keyed by the bytes of its NFC form
/// instead, so canonically equivalent spellings still share one code:
///
/// - a text whose scalars are all known to be unaffected by normalization (see
///   ``isKnownNFC(_:)``) is its own NFC form, so its UTF-8 bytes are the key as they are;
/// - any other text (a combining mark, a decomposable or composing scalar, or just a scalar
///   outside the ranges checked) is keyed by `_nfcCodeUnits`, the standard library's own NFC
///   normalization, the same one `String`'s `==` relies on.
///
/// ``strings`` keeps the spelling each text had when first seen, as a `String`-keyed
/// dictionary would.
public struct TextInterner: Sendable {
  private var keys = ByteDictionary()
  /// The texts in code order, each as first spelled.
  public private(set) var strings: [String] = []
  /// The code returned last.
  private var lastCode: UInt32?

  public init() {}

  /// The number of distinct texts so far.
  public var count: Int { strings.count }

  /// The code of `text`, adding it when no canonically equivalent text has one yet.
  ///
  /// A text whose bytes are those of the previous text's key gets the previous code without
  /// hashing: columns repeat values in runs (a report's id, a section's title). That is
  /// sound without the NFC check, since a key is in NFC and so is any text with its bytes.
  public mutating func code(of text: String) -> UInt32 {
    var isNew = false
    let last = lastCode
    // Nil when the text is not known to be NFC (or, for a bridged string, not contiguous).
    let byBytes: UInt32?? = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt32? in
      if let last, let base = bytes.baseAddress, keys.hasBytes(last, base, bytes.count) { return last }
      guard Self.isKnownNFC(bytes) else { return nil }
      return Self.intern(bytes, into: &keys, isNew: &isNew)
    }
    let code =
      (byBytes ?? nil)
      ?? text._nfcCodeUnits.withUnsafeBufferPointer { Self.intern($0, into: &keys, isNew: &isNew) }
    if isNew { strings.append(text) }
    lastCode = code
    return code
  }

  private static func intern(_ bytes: UnsafeBufferPointer<UInt8>, into keys: inout ByteDictionary, isNew: inout Bool) -> UInt32 {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      var empty: UInt8 = 0
      return keys.intern(&empty, 0, isNew: &isNew)
    }
    return keys.intern(base, bytes.count, isNew: &isNew)
  }

  /// True when the UTF-8 text is certainly in NFC and no neighbour can change that: every
  /// scalar has canonical combining class 0 and NFC quick-check "yes" (it neither decomposes
  /// nor composes with what precedes it). Checked on bytes for the scalars report text uses:
  ///
  /// - everything below U+0300 (ASCII, Latin-1 with `å ä ö é`, Latin Extended-A/B, IPA):
  ///   such scalars are encoded with lead bytes below 0xCC, so one comparison per byte
  ///   suffices;
  /// - the general punctuation U+2010–U+2027 and U+2030–U+205E (dashes `–`, quotes `”`,
  ///   bullet `•`, `‰`), currency signs U+20A0–U+20C0 (`€`), arrows U+2190–U+21FF, the
  ///   minus sign U+2212, box drawing and geometric shapes U+2500–U+25FF (`│`, `●`), and the
  ///   private use area U+E000–U+F8FF (PDF symbol-font bullets such as U+F0B7).
  ///
  /// Every code point in those ranges is assigned (or private use), so no later Unicode
  /// version can give one a decomposition. Anything else answers false and takes the
  /// normalizing path, which is always correct, only slower.
  ///
  /// - Complexity: O(n), one pass over the bytes, eight at a time where none is 0xCC or above.
  public static func isKnownNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var i = 0
    while i + 8 <= count {
      // A byte b has b >= 0xCC exactly when its high bit is set and (b & 0x7F) + 0x34 carries
      // into bit 7; no byte's sum reaches the next byte.
      let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let high = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & 0x8080_8080_8080_8080
      if high == 0 {
        i += 8
        continue
      }
      i += high.trailingZeroBitCount / 8
      guard let next = afterKnownNFCScalar(base, at: i, count: count) else { return false }
      i = next
    }
    while i < count {
      if base[i] < 0xCC {
        i += 1
        continue
      }
      guard let next = afterKnownNFCScalar(base, at: i, count: count) else { return false }
      i = next
    }
    return true
  }

  /// The offset after the scalar at `i` (whose lead byte is 0xCC or above) when it is one of
  /// the three-byte scalars known to be NFC-safe; nil otherwise.
  @inline(__always)
  private static func afterKnownNFCScalar(_ base: UnsafePointer<UInt8>, at i: Int, count: Int) -> Int? {
    let byte = base[i]
    guard byte >= 0xE0 && byte < 0xF0 && i + 2 < count else { return nil }
    let scalar = UInt32(byte & 0x0F) << 12 | UInt32(base[i + 1] & 0x3F) << 6 | UInt32(base[i + 2] & 0x3F)
    return isKnownNFCScalar(scalar) ? i + 3 : nil
  }

  private static func isKnownNFCScalar(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x21FF, 0x2212,
      0x2500...0x25FF, 0xE000...0xF8FF:
      return true
    default:
      return false
    }
  }
}
