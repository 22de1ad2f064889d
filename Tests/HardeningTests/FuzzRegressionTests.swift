import HQSyntax
import Testing

/// One test per input the fuzzers (Scripts/fuzz) found to crash or hang, minimized.
///
/// Each input is kept verbatim (as bytes where it is not printable) and the test asserts
/// what a person expects from it, so the bug cannot come back unnoticed.
@Suite struct FuzzRegressionTests {
  /// syntax fuzzer, timeout: an unknown character right before `;` made
  /// `StatementSplitter.split` return to the same offset forever (the lexer was rewound to
  /// before the skipped character), appending chunks until memory ran out.
  @Test func splitterMovesPastUnknownCharacterBeforeSemicolon() {
    let chunks = StatementSplitter.split("se\u{1F};x")
    // The second statement keeps its column: the 4 characters before it become spaces.
    #expect(chunks.map(\.text) == ["se", "    x"])
    #expect(chunks.map(\.kind) == [.statement, .statement])

    let fuzzed: [UInt8] = [0x73, 0x65, 0x1F, 0x3B, 0, 0, 0, 0, 0, 0, 0x74, 0xB1, 0x69]
    let text = String(decoding: fuzzed, as: UTF8.self)
    #expect(StatementSplitter.split(text).count == 2)
  }
}
