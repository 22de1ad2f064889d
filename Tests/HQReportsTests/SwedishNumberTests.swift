import HQData
import Testing

@testable import HQReports

@Suite struct SwedishNumberTests {
  @Test(arguments: [
    ("-1 204,1", Number(mantissa: -12041, scale: 1), ""),
    ("-1\u{00A0}204,1", Number(mantissa: -12041, scale: 1), ""),
    ("2 381 640", Number(2_381_640), ""),
    ("9,52", Number(mantissa: 952, scale: 2), ""),
    ("+423", Number(423), ""),
    ("−5", Number(-5), ""),
    ("– 3,5", Number(mantissa: -35, scale: 1), ""),
    ("5,8%", Number(mantissa: 58, scale: 1), "%"),
    ("90%", Number(90), "%"),
    ("5,8 %", Number(mantissa: 58, scale: 1), "%"),
    ("0", Number(0), ""),
    ("0,0", Number(0), ""),
    ("112 677 mnkr", Number(112_677), "mnkr"),
    ("- 0,5 mnkr", Number(mantissa: -5, scale: 1), "mnkr"),
  ])
  func parsesSwedishSpellings(text: String, value: Number, unit: String) {
    let parsed = SwedishNumber.parse(text)
    #expect(parsed?.value == value)
    #expect(parsed?.unit == unit)
  }

  @Test(arguments: ["", "abc", "2.3.7", "15(34)", "(16", "21)", "12 34", "1 2345", "000", "1,", ",5", "5%%", "1 204,1 5"])
  func rejectsWhatIsNotOneNumber(text: String) {
    #expect(SwedishNumber.parse(text) == nil)
  }

  @Test func keepsAComparisonBeforeTheNumber() {
    let parsed = SwedishNumber.parse("> -5,2%")
    #expect(parsed?.qualifier == ">")
    #expect(parsed?.value == Number(mantissa: -52, scale: 1))
    #expect(parsed?.isPercent == true)
  }
}
