import HQData
import Testing

@testable import HQReports

@Suite struct NumberRunTests {
  private func values(_ line: String, _ expected: Int? = nil) -> [Number] {
    NumberRun.read(Substring(line), expectedCount: expected).numbers.map(\.value)
  }

  private func label(_ line: String, _ expected: Int? = nil) -> String {
    NumberRun.read(Substring(line), expectedCount: expected).label
  }

  @Test func splitsDecimalNumbersAtTheirCommas() {
    let line = "Regiongemensamma kostnader -5 952,9 -110,3 -73,1"
    #expect(values(line, 3) == [Number(mantissa: -59529, scale: 1), Number(mantissa: -1103, scale: 1), Number(mantissa: -731, scale: 1)])
    #expect(label(line, 3) == "Regiongemensamma kostnader")
  }

  @Test func splitsAGroupedRunIntoTheExpectedCountAsAPersonWould() {
    let tokens = "2 381 640 98 712 196 465 17 796".split(separator: " ")
    let split = NumberRun.splitNumberRun(tokens, expectedCount: 4)
    #expect(split.numbers.map(\.value) == [2_381_640, 98_712, 196_465, 17_796])
    #expect(split.labelAtoms == 0)
  }

  @Test func keepsThousandsGroupsWhenTheRowHasFewerValues() {
    #expect(values("Kvar av ram 10 548", 2) == [10_548])
    #expect(values("Lokalanpassning OP Halmstad 2 700") == [2_700])
    #expect(values("Screening osteoporos 5 200", 1) == [5_200])
  }

  @Test func aYearInTheLabelIsNotAValue() {
    #expect(values("Total ram 2017 220 000", 1) == [220_000])
    #expect(label("Total ram 2017 220 000", 1) == "Total ram 2017")
    #expect(values("Budget 2017 16,3 12,8", 2) == [Number(mantissa: 163, scale: 1), Number(mantissa: 128, scale: 1)])
    #expect(label("Budget 2017 16,3 12,8") == "Budget 2017")
  }

  @Test func aDateInTheLabelIsNotAValue() {
    let line = "Beslutade projektmedel 170831 15,5 10,6"
    #expect(values(line) == [Number(mantissa: 155, scale: 1), Number(mantissa: 106, scale: 1)])
    #expect(label(line) == "Beslutade projektmedel 170831")
  }

  @Test func sectionNumbersPageMarkersAndRanksAreNotValues() {
    #expect(values("2.3.7 Läkemedel").isEmpty)
    #expect(values("15(34)").isEmpty)
    #expect(values("Andel (16 av 21)").isEmpty)
    #expect(values("Läkemedel utom förmån * 25,5 18,7 7,5 -18", 4).count == 4)
  }

  @Test func unitsAndLoneSignsInsideTheRun() {
    let row = NumberRun.read("112 677 mnkr 112 151 mnkr - 0,5 mnkr", expectedCount: 3)
    #expect(row.numbers.map(\.value) == [112_677, 112_151, Number(mantissa: -5, scale: 1)])
    #expect(row.numbers.map(\.unit) == ["mnkr", "mnkr", "mnkr"])
    #expect(row.label == "")
  }

  @Test func percentagesAndComparisons() {
    let row = NumberRun.read("2% 0,1% > -5,2% -1,2% 3,0% 5,4%", expectedCount: 6)
    #expect(row.numbers.count == 6)
    #expect(row.numbers[2].qualifier == ">")
    #expect(row.numbers[2].value == Number(mantissa: -52, scale: 1))
    #expect(row.numbers.allSatisfy { $0.isPercent })
  }

  @Test func noBreakSpacesSeparateWordsAndGroups() {
    #expect(values("Summa\u{00A0}kostnad\u{00A0}införande\u{00A0}FVIS 450,6 \u{00A0}") == [Number(mantissa: 4506, scale: 1)])
    #expect(values("Totalt\u{00A0}1\u{00A0}204,1", 1) == [Number(mantissa: 12041, scale: 1)])
  }

  @Test func garbageNeverTraps() {
    #expect(values("").isEmpty)
    #expect(values("999999999999999999999 1").count <= 2)
    #expect(values(String(repeating: "1 ", count: 10_000), 3).count <= 3)
    #expect(values("- - - % mnkr > <").isEmpty)
  }
}

extension NumberRunTests {
  @Test func hugeRunsStayFast() {
    let line = String(repeating: "000 ", count: 20_000) + "1 234"
    #expect(NumberRun.read(Substring(line)).numbers.map(\.value) == [1_234])
  }
}
