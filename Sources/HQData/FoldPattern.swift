/// The pattern of `~`, `search`, completion and the value warnings, folded one way only.
///
/// - Case is always folded: `ANVÄNDNING` matches `användning`.
/// - A plain letter of the pattern also matches its accented forms, so `lakemedel` finds
///   `Läkemedel` on a keyboard without å, ä, ö; an accented letter of the pattern (`å`, `ä`,
///   `ö`, `é`, `ü` …) matches only itself (in either case), so `vård` does not find `värde`
///   or `vardag`.
/// - Every dash (`-`, `‐`, `‑`, `‒`, `–`, `—`, `―`, `−`) matches every other dash.
/// - A run of white space (spaces, tabs, line breaks, no-break and thin spaces) matches any
///   run of white space.
/// - A decomposed letter (`a` + U+030A) is the composed one (`å`); other combining marks are
///   ignored.
///
/// The pattern is compiled once per query; matching reads the text's UTF-8 bytes in place
/// and allocates nothing.
public struct FoldPattern: Sendable, Hashable {
  enum Unit: Sendable, Hashable {
    /// A lowercase ASCII letter: matches any letter whose base letter it is.
    case letter(UInt8)
    /// A lowercase scalar (an accented letter, a digit, punctuation): matches only itself.
    case exact(UInt32)
    case dash
    case space
  }

  let units: [Unit]

  public init(_ pattern: String) {
    var units: [Unit] = []
    var previous: UInt32? = nil
    for scalar in pattern.unicodeScalars {
      let v = scalar.value
      if FoldPattern.isCombiningMark(v) {
        if let base = previous, let composed = FoldPattern.compose(base, v), !units.isEmpty {
          units[units.count - 1] = .exact(composed)
        }
        previous = nil
        continue
      }
      let lower = FoldPattern.lowercase(v)
      previous = lower
      switch FoldPattern.kind(of: lower) {
      case .space:
        if units.last != .space { units.append(.space) }
      case .dash:
        units.append(.dash)
      case .other:
        if lower >= 0x61 && lower <= 0x7A {
          units.append(.letter(UInt8(lower)))
        } else {
          units.append(.exact(lower))
        }
      }
    }
    self.units = units
  }

  public var isEmpty: Bool { units.isEmpty }

  /// True when `text` contains the pattern.
  public func matches(in text: String) -> Bool {
    if units.isEmpty { return true }
    return FoldPattern.withBytes(text) { buffer in
      let n = buffer.count
      let first = units[0]
      var i = 0
      while i < n {
        let byte = buffer[i]
        if byte & 0xC0 == 0x80 { i += 1; continue }
        if byte < 0x80, case .letter(let c) = first, byte | 0x20 != c {
          i += 1
          continue
        }
        if match(buffer, from: i) != nil { return true }
        i += 1
      }
      return false
    }
  }

  /// True when `text` starts with the pattern.
  public func isPrefix(of text: String) -> Bool {
    FoldPattern.withBytes(text) { match($0, from: 0) != nil }
  }

  /// True when the whole of `text` is the pattern (`jan-aug` is `Jan–aug`).
  public func matchesWhole(_ text: String) -> Bool {
    FoldPattern.withBytes(text) { buffer in match(buffer, from: 0) == buffer.count }
  }

  // MARK: Matching

  /// The end of a match of the whole pattern starting at byte `start`, or nil.
  private func match(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var position = start
    for unit in units {
      guard position < buffer.count else { return nil }
      let h = FoldPattern.decode(buffer, at: position)
      switch unit {
      case .letter(let c):
        guard h.base == c else { return nil }
      case .exact(let v):
        guard h.lower == v else { return nil }
      case .dash:
        guard FoldPattern.kind(of: h.lower) == .dash else { return nil }
      case .space:
        guard FoldPattern.kind(of: h.lower) == .space else { return nil }
        var next = h.end
        while next < buffer.count {
          let more = FoldPattern.decode(buffer, at: next)
          guard FoldPattern.kind(of: more.lower) == .space else { break }
          next = more.end
        }
        position = next
        continue
      }
      position = h.end
    }
    return position
  }

  /// One character of the text: its lowercase scalar (composed with a following ring,
  /// diaeresis or accent when there is one), its plain base letter (0 when it has none) and
  /// where the next character starts (following combining marks skipped).
  @inline(__always)
  static func decode(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> (lower: UInt32, base: UInt8, end: Int) {
    var (v, end) = scalar(buffer, at: i)
    var lower = lowercase(v)
    if end < buffer.count, buffer[end] >= 0xCC {
      var (mark, markEnd) = scalar(buffer, at: end)
      if isCombiningMark(mark), let composed = compose(lower, mark) {
        lower = composed
        end = markEnd
      }
      while end < buffer.count, buffer[end] >= 0xCC {
        (mark, markEnd) = scalar(buffer, at: end)
        guard isCombiningMark(mark) else { break }
        end = markEnd
      }
    }
    return (lower, baseLetter(lower), end)
  }

  @inline(__always)
  static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let b0 = UInt32(buffer[i])
    if b0 < 0x80 { return (b0, i + 1) }
    let n = buffer.count
    func cont(_ k: Int) -> UInt32 { k < n ? UInt32(buffer[k] & 0x3F) : 0 }
    if b0 < 0xE0 { return (((b0 & 0x1F) << 6) | cont(i + 1), min(n, i + 2)) }
    if b0 < 0xF0 { return (((b0 & 0x0F) << 12) | (cont(i + 1) << 6) | cont(i + 2), min(n, i + 3)) }
    return (((b0 & 0x07) << 18) | (cont(i + 1) << 12) | (cont(i + 2) << 6) | cont(i + 3), min(n, i + 4))
  }

  enum Kind { case space, dash, other }

  @inline(__always)
  static func kind(of v: UInt32) -> Kind {
    switch v {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return .space
    case 0x2D, 0x2010...0x2015, 0x2212: return .dash
    default: return .other
    }
  }

  static func isCombiningMark(_ v: UInt32) -> Bool { (0x300...0x36F).contains(v) }

  /// The composed lowercase letter of `base` + a combining mark, for the letters a pattern
  /// is likely to hold.
  static func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
    switch (base, mark) {
    case (0x61, 0x30A): return 0xE5  // å
    case (0x61, 0x308): return 0xE4  // ä
    case (0x6F, 0x308): return 0xF6  // ö
    case (0x75, 0x308): return 0xFC  // ü
    case (0x65, 0x301): return 0xE9  // é
    case (0x65, 0x300): return 0xE8  // è
    case (0x61, 0x301): return 0xE1  // á
    case (0x61, 0x300): return 0xE0  // à
    default: return nil
    }
  }

  /// The lowercase form of one scalar; Latin letters without a lookup that allocates.
  @inline(__always)
  static func lowercase(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x41...0x5A: return v + 32
    case 0..<0xC0: return v
    case 0xC0...0xDE where v != 0xD7: return v + 0x20
    case 0xDF...0xFF: return v
    case 0x130: return 0x69
    case 0x100...0x137, 0x14A...0x177: return v | 1
    case 0x139...0x148, 0x179...0x17E: return v & 1 == 1 ? v + 1 : v
    case 0x178: return 0xFF
    case 0x138, 0x149, 0x17F...0x24F: return v
    default:
      guard let s = Unicode.Scalar(v) else { return v }
      let mapped = s.properties.lowercaseMapping.unicodeScalars
      guard mapped.count == 1, let only = mapped.first else { return v }
      return only.value
    }
  }

  /// The plain letter an (accented) lowercase letter is a form of, 0 when none.
  @inline(__always)
  static func baseLetter(_ lower: UInt32) -> UInt8 {
    if lower < 0x80 { return lower >= 0x61 && lower <= 0x7A ? UInt8(lower) : 0 }
    switch lower {
    case 0xE4, 0xE5: return UInt8(ascii: "a")
    case 0xF6, 0xF8, 0x151: return UInt8(ascii: "o")
    case 0xFC, 0x171: return UInt8(ascii: "u")
    default: return Collation.latinBase(lower) ?? 0
    }
  }

  @inline(__always)
  static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = text
    return copy.withUTF8(body)
  }
}
