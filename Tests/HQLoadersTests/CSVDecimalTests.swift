import HQReports
import Testing

@testable import HQLoaders

@Suite struct CSVDecimalTests {
  private func parse(_ text: String) -> (Int64, Int8, Character?)? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer -> (Int64, Int8, Character?)? in
      guard let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1) else { return nil }
      guard let p = CSVDecimal.parse(base, 0, buffer.count) else { return nil }
      return (p.mantissa, p.scale, p.separator == 0 ? nil : Character(Unicode.Scalar(p.separator)))
    }
  }

  @Test(arguments: [
    ("0", 0, 0, nil), ("42", 42, 0, nil), ("-7", -7, 0, nil), ("+3", 3, 0, nil), ("9.4", 94, 1, "."),
    ("9,4", 94, 1, ","), ("-1204,10", -120410, 2, ","), (".5", 5, 1, "."), ("  12  ", 12, 0, nil),
    ("000123", 123, 0, nil), ("123456789012345678", 123456789012345678, 0, nil),
    ("0.000000000000000001", 1, 18, "."),
  ] as [(String, Int64, Int8, Character?)])
  func numbers(_ text: String, _ mantissa: Int64, _ scale: Int8, _ separator: Character?) {
    let parsed = parse(text)
    #expect(parsed?.0 == mantissa)
    #expect(parsed?.1 == scale)
    #expect(parsed?.2 == separator)
  }

  @Test(arguments: ["", " ", "-", "1.", "1.2.3", "1,2.3", "1e3", "N/A", "0x10", "12 34", "1 2345", "2020 2021",
                    "1234 567", "12tkr", "5 st kvar", "5 %%", "− 5", "1 204,", "tkr", "%",
                    "1234567890123456789", "0.0000000000000000001", "1 234 567 890 123 456 789"])
  func notNumbers(_ text: String) {
    #expect(parse(text) == nil)
  }

  /// Numbers as Swedish Excel and reports write them: (text, mantissa, scale, unit).
  @Test(arguments: [
    ("1 204,1", 12041, 1, nil), ("1\u{00A0}204,1", 12041, 1, nil), ("41\u{202F}234,5", 412345, 1, nil),
    ("−5,8", -58, 1, nil), ("–0,4", -4, 1, nil), ("5,8 %", 58, 1, "%"), ("5,8%", 58, 1, "%"),
    ("12 450 tkr", 12450, 0, "tkr"), ("12 450,0 mnkr", 124500, 1, "mnkr"), ("-3 Mnkr", -3, 0, "mnkr"),
    ("2 381 640", 2381640, 0, nil), ("12 %", 12, 0, "%"), ("  7 kr\u{00A0}", 7, 0, "kr"), ("1 204", 1204, 0, nil),
    ("−5", -5, 0, nil), ("5 procent", 5, 0, "%"),
  ] as [(String, Int64, Int8, String?)])
  func writtenNumbers(_ text: String, _ mantissa: Int64, _ scale: Int8, _ unit: String?) {
    let bytes = Array(text.utf8)
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { CSVDecimal.parse($0, 0, buffer.count) }
    }
    #expect(parsed?.mantissa == mantissa)
    #expect(parsed?.scale == scale)
    #expect(parsed.map { UnitVocabulary.name(ofCode: $0.unit) } == .some(unit))
  }
}

/// The written-number path on arbitrary bytes: never traps, and whatever it accepts is
/// accepted by the whole parser the same way (no allocation either way; checked by reading).
@Suite struct CSVDecimalRobustnessTests {
  @Test func randomCellsNeverTrap() {
    // Bytes that steer into every branch: digits, signs, separators, spaces, the lead bytes of
    // no-break spaces and minus signs, unit letters, and stray continuation bytes.
    let alphabet: [UInt8] = Array("0123456789 ,.-+%tkrmnds".utf8) + [0xC2, 0xA0, 0xE2, 0x80, 0xAF, 0x88, 0x92, 0x93, 0xFF]
    var generator = SystemRandomNumberGenerator()
    var accepted = 0
    for _ in 0..<200_000 {
      let length = Int.random(in: 0...12, using: &generator)
      let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
      bytes.withUnsafeBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        if let parsed = CSVDecimal.parse(base, 0, buffer.count) {
          accepted += 1
          #expect(parsed.scale >= 0 && parsed.scale <= 18)
        }
      }
    }
    #expect(accepted > 0)
  }
}
