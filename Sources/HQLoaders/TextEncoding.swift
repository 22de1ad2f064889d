/// The character encodings a CSV or TSV file may be read in.
///
/// hq works in UTF-8. Excel on Windows saves "CSV (semikolonavgränsad)" in the system's
/// code page, which for Swedish is Windows-1252, so a file from Excel often is not UTF-8:
/// `å` is the single byte E5. Without an encoding named, a file whose bytes are not UTF-8 is
/// read as Windows-1252 with a note saying so (``CSVReader``); `encoding=utf-8` refuses it
/// instead, and `encoding=cp1252` reads it so without trying UTF-8 first.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "cp1252"

  /// The encoding a name given by the user stands for (case-insensitive): `utf-8`, `utf8`;
  /// `cp1252`, `windows-1252`, `win1252`, and `latin1`/`iso-8859-1`, which web browsers also
  /// read as Windows-1252 (it agrees with Latin-1 on every letter Swedish uses).
  public init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "cp1252", "windows-1252", "windows1252", "win1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1": self = .windows1252
    default: return nil
    }
  }

  /// The names ``init(name:)`` documents, for messages.
  public static let names = "utf-8, cp1252 (also windows-1252, latin1)"

  /// The name used in notes: `Windows-1252`, `UTF-8`.
  public var displayName: String {
    switch self {
    case .utf8: "UTF-8"
    case .windows1252: "Windows-1252"
    }
  }
}

/// Windows-1252 to UTF-8.
enum Windows1252 {
  /// The code points of the bytes 0x80–0x9F (the rest of the high half is Latin-1: byte B is
  /// U+00B). The five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D) become the C1
  /// control of the same number, as the WHATWG encoding standard decodes them.
  private static let high: [UInt16] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// The UTF-8 encoding of `bytes` read as Windows-1252. Every byte sequence is valid.
  ///
  /// - Complexity: O(n); one allocation for the result (at most three bytes per byte).
  static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
    for byte in bytes {
      if byte < 0x80 {
        out.append(byte)
        continue
      }
      let scalar = byte < 0xA0 ? UInt32(high[Int(byte) - 0x80]) : UInt32(byte)
      if scalar < 0x800 {
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return out
  }
}
