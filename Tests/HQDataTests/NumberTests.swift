import Testing
import HQData

@Suite struct NumberTests {
  @Test(arguments: [
    ("9.52", "9.52"), ("-1204.1", "-1204.1"), ("2381640", "2381640"), ("0.0", "0"),
    ("31.0", "31"), ("+5", "5"), ("-0.05", "-0.05"), ("1e3", "1000"), ("2.5E-2", "0.025"),
  ])
  func parsesAndPrintsShortestForm(input: String, printed: String) {
    #expect(Number(input)?.description == printed)
  }

  @Test(arguments: ["", "-", "1.2.3", "abc", "1,5", "12a", "99999999999999999999"])
  func rejectsWhatIsNotAPlainNumber(input: String) {
    #expect(Number(input) == nil)
  }

  @Test func additionIsExactAsAPersonComputes() {
    let sum = Number("9.4")!.adding(Number("16.1")!)
    #expect(sum?.description == "25.5")
    #expect(Number("0.1")!.adding(Number("0.2")!)?.description == "0.3")
  }

  @Test func equalityIgnoresSpelling() {
    #expect(Number("1.50")! == Number("1.5")!)
    #expect(Set([Number("1.50")!, Number("1.5")!]).count == 1)
    #expect(Number("-2")! < Number("-1.5")!)
  }

  @Test func divisionRoundsHalfAwayFromZero() {
    #expect(Number(1).dividing(by: Number(3))?.description == "0.333333333333")
    #expect(Number(2).dividing(by: Number(3))?.description == "0.666666666667")
    #expect(Number("25.5")!.dividing(by: Number(2))?.description == "12.75")
    #expect(Number(1).dividing(by: .zero) == nil)
  }

  @Test func roundingFloorCeiling() {
    #expect(Number("2.5")!.rounded()!.description == "3")
    #expect(Number("-2.5")!.rounded()!.description == "-3")
    #expect(Number("1234.567")!.rounded(places: 1)!.description == "1234.6")
    #expect(Number("1234.567")!.rounded(places: -2)!.description == "1200")
    #expect(Number("-1.2")!.floor.description == "-2")
    #expect(Number("-1.2")!.ceiling.description == "-1")
  }

  /// Issue 12, item 12: places were clamped to -18 (`round(999999999999999999, -19)` gave
  /// 1e18) and a result too large for 64 bits came back as the unrounded input.
  @Test func roundingNeverGivesAWrongNumber() {
    #expect(Number(999_999_999_999_999_999).rounded(places: -19)?.description == "0")
    #expect(Number(999_999_999_999_999_999).rounded(places: -18)?.description == "1000000000000000000")
    #expect(Number(-999_999_999_999_999_999).rounded(places: -19)?.description == "0")
    #expect(Number(mantissa: .max).rounded(places: -19) == nil)
    #expect(Number(mantissa: .max).rounded(places: -1) == nil)
    #expect(Number(mantissa: .min).rounded(places: -1) == nil)
    #expect(Number(mantissa: .max).rounded(places: -20)?.description == "0")
    #expect(Number(mantissa: .min).rounded(places: Int.min)?.description == "0")
    #expect(Number(mantissa: .max).rounded(places: Int.max)?.description == "9223372036854775807")
    #expect(Number(mantissa: Int64.min, scale: 18).rounded(places: 0)?.description == "-9")
    #expect(Number(mantissa: 5, scale: 18).rounded(places: 17)?.description == "0.00000000000000001")
  }

  @Test func accumulatorSumsMillionsExactly() {
    var acc = NumberAccumulator()
    for _ in 0..<1_000_000 { acc.add(Number("0.1")!) }
    #expect(acc.total?.description == "100000")
    #expect(acc.mean?.description == "0.1")
  }

  @Test func overflowIsReportedNotTrapped() {
    let big = Number(mantissa: Int64.max)
    #expect(big.adding(Number(1)) == nil)
    #expect(big.multiplying(Number(2)) == nil)
  }
}
