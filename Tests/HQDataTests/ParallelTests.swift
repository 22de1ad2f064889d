import HQData
import Testing

@Suite struct ParallelTests {
  @Test func mapKeepsTheItemsInOrder() {
    #expect(Parallel.map(0) { $0 }.isEmpty)
    #expect(Parallel.map(1) { $0 * 2 } == [0])
    #expect(Parallel.map(1000) { $0 * $0 } == (0..<1000).map { $0 * $0 })
  }
}
