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

  @Test(arguments: ["", " ", "-", "1.", "1.2.3", "1,2.3", "12 %", "1e3", "1 204", "N/A", "0x10", "−5",
                    "1234567890123456789", "0.0000000000000000001"])
  func notNumbers(_ text: String) {
    #expect(parse(text) == nil)
  }
}
