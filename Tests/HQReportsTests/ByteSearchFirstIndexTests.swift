import Testing

@testable import HQReports

/// ``ByteSearch/firstIndex(of:in:from:orMask:)``: the eight-bytes-at-a-time scan agrees with a
/// plain byte loop, at every start and in the tail after the last full eight bytes.
@Suite struct ByteSearchFirstIndexTests {
  private func plain(_ byte: UInt8, _ bytes: [UInt8], from start: Int, mask: UInt8) -> Int? {
    (start..<bytes.count).first { bytes[$0] | mask == byte }
  }

  @Test func agreesWithAPlainLoop() {
    let texts = [
      "", "R", "Region Halland", "ett två tre fyra fem sex sju åtta nio tio Region", "uppfyllt", "Uppfylls delvis",
      "UPPFYLLT", "2017 2022 2023 2024 RHs mål*", "ÅÄÖ åäö – — ≥ ≤ R",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...bytes.count {
          for (byte, mask) in [(UInt8(ascii: "R"), UInt8(0)), (0x70, 0x20), (0x33, 0x03), (0xC3, 0)] {
            #expect(
              ByteSearch.firstIndex(of: byte, in: buffer, from: start, orMask: mask) == plain(byte, bytes, from: start, mask: mask),
              "\(text) from \(start)")
          }
        }
      }
    }
  }

  @Test func pairsAgreeWithAPlainLoop() {
    let texts = [
      "", "p", "pp", "Uppfylls delvis", "UPPFYLLT", "upPfyllt", "ett två tre fyra fem sex sju uppnått",
      "xxxxxxpp", "xxxxxxxpp", "pPpp", "åäö Åpp", "appa bbpp",
    ]
    for text in texts {
      let bytes = Array(text.utf8)
      bytes.withUnsafeBufferPointer { buffer in
        for start in 0...bytes.count {
          let plain = (start..<max(bytes.count - 1, start)).first { bytes[$0] | 0x20 == 0x70 && bytes[$0 + 1] == bytes[$0] }
          #expect(ByteSearch.firstIndexOfPair(of: 0x70, in: buffer, from: start, orMask: 0x20) == plain, "\(text) from \(start)")
        }
      }
    }
  }

  @Test func findsTheFirstOfSeveralInOneWord() {
    let bytes = Array("xxRxRxxxRx".utf8)
    bytes.withUnsafeBufferPointer { buffer in
      #expect(ByteSearch.firstIndex(of: UInt8(ascii: "R"), in: buffer) == 2)
      #expect(ByteSearch.firstIndex(of: UInt8(ascii: "R"), in: buffer, from: 3) == 4)
      #expect(ByteSearch.firstIndex(of: UInt8(ascii: "R"), in: buffer, from: 5) == 8)
      #expect(ByteSearch.firstIndex(of: UInt8(ascii: "R"), in: buffer, from: 9) == nil)
    }
  }
}
