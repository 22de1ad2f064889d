import Testing

import HQData

@Suite struct ByteDictionaryTests {
  private func intern(_ d: inout ByteDictionary, _ s: String) -> (UInt32, Bool) {
    var isNew = false
    let bytes = Array(s.utf8)
    let code = bytes.withUnsafeBufferPointer { b in
      d.intern(b.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, b.count, isNew: &isNew)
    }
    return (code, isNew)
  }

  @Test func equalBytesGetTheSameCode() {
    var d = ByteDictionary()
    #expect(intern(&d, "Halland") == (0, true))
    #expect(intern(&d, "Skåne") == (1, true))
    #expect(intern(&d, "Halland") == (0, false))
    #expect(intern(&d, "") == (2, true))
    #expect(intern(&d, "") == (2, false))
    #expect(d.strings() == ["Halland", "Skåne", ""])
  }

  @Test func growsPastManyValuesKeepingCodes() {
    var d = ByteDictionary()
    for i in 0..<10_000 { #expect(intern(&d, "indikator \(i)").0 == UInt32(i)) }
    for i in stride(from: 0, to: 10_000, by: 997) { #expect(intern(&d, "indikator \(i)") == (UInt32(i), false)) }
    #expect(d.count == 10_000)
    #expect(d.strings()[1234] == "indikator 1234")
  }

  @Test func hashReadsEveryByte() {
    // Strings that differ only in the tail past the last full 8-byte word.
    var d = ByteDictionary()
    #expect(intern(&d, "abcdefgh1").0 == 0)
    #expect(intern(&d, "abcdefgh2").0 == 1)
    #expect(intern(&d, "abcdefgh").0 == 2)
  }

  @Test func hasBytesComparesOneStoredValue() {
    var d = ByteDictionary()
    _ = intern(&d, "Halland")
    _ = intern(&d, "Hallands län")
    let probe = Array("Halland".utf8)
    probe.withUnsafeBufferPointer { b in
      guard let base = b.baseAddress else { return }
      #expect(d.hasBytes(0, base, b.count))
      #expect(!d.hasBytes(1, base, b.count))
      #expect(!d.hasBytes(2, base, b.count))  // no such value
      #expect(!d.hasBytes(0, base, b.count - 1))
    }
  }
}
