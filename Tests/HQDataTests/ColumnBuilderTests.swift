import HQData
import Testing

@Suite struct ColumnBuilderTests {
  private func numbers(_ column: Column) -> (mantissas: [Int64], scales: [Int8], uniform: Int8?)? {
    guard case .number(let m, let s, let u) = column.storage else { return nil }
    return (m, s, u)
  }

  @Test func mixedScalesAreBroughtToTheLargest() throws {
    var builder = ColumnBuilder(name: "value", type: .number)
    for text in ["306", "9.4", "5.85", "-1204.1"] { builder.appendNumber(try #require(Number(text))) }
    let column = builder.build()
    let storage = try #require(numbers(column))
    #expect(storage.uniform == 2)
    #expect(storage.mantissas == [30600, 940, 585, -120410])
    #expect(storage.scales.isEmpty)
    #expect((0..<4).map { column.value(at: $0).description } == ["306", "9.4", "5.85", "-1204.1"])
  }

  @Test func oneScaleNeedsNoRescaling() throws {
    var builder = ColumnBuilder(name: "value", type: .number)
    builder.appendNumber(Number(mantissa: 94, scale: 1))
    builder.appendNumber(Number(mantissa: 161, scale: 1))
    let storage = try #require(numbers(builder.build()))
    #expect(storage.uniform == 1)
    #expect(storage.mantissas == [94, 161])
  }

  @Test func nullsDoNotDecideTheScale() throws {
    var builder = ColumnBuilder(name: "rank", type: .number)
    builder.appendInteger(nil)
    builder.appendNumber(Number(mantissa: 15, scale: 1))
    builder.appendInteger(nil)
    builder.appendNumber(Number(mantissa: 25, scale: 1))
    let column = builder.build()
    let storage = try #require(numbers(column))
    #expect(storage.uniform == 1)
    #expect(storage.mantissas == [0, 15, 0, 25])
    #expect((0..<4).map { column.isNull($0) } == [true, false, true, false])
    #expect(column.value(at: 3) == .number(Number(mantissa: 25, scale: 1)))
  }

  @Test func aValueThatWouldOverflowKeepsPerRowScales() throws {
    // Int64.max at scale 0 cannot be written at scale 1 (it would need 10 × Int64.max).
    var builder = ColumnBuilder(name: "value", type: .number)
    builder.appendNumber(Number(mantissa: .max, scale: 0))
    builder.appendNumber(Number(mantissa: 5, scale: 1))
    builder.appendInteger(nil)
    let column = builder.build()
    let storage = try #require(numbers(column))
    #expect(storage.uniform == nil)
    #expect(storage.mantissas == [.max, 5, 0])
    #expect(storage.scales == [0, 1, 0])
    #expect(column.value(at: 0) == .number(Number(mantissa: .max, scale: 0)))
    #expect(column.value(at: 1).description == "0.5")
    #expect(column.value(at: 2) == .null)
  }

  @Test func canonicallyEquivalentTextsShareOneCode() throws {
    var builder = ColumnBuilder(name: "indicator", type: .text)
    builder.appendText("Vårdplatser")
    builder.appendText("Va\u{30A}rdplatser")
    builder.appendText("Läkare")
    let column = builder.build()
    guard case .text(let codes, let dictionary) = column.storage else { Issue.record("not text"); return }
    #expect(codes == [0, 0, 1])
    #expect(dictionary == ["Vårdplatser", "Läkare"])
  }

  @Test func aLeadingNullTextIsTheEmptyTextAtCodeZero() {
    var builder = ColumnBuilder(name: "unit", type: .text)
    builder.appendNull()
    builder.appendText("mnkr")
    let column = builder.build()
    guard case .text(let codes, let dictionary) = column.storage else { Issue.record("not text"); return }
    #expect(codes == [0, 1])
    #expect(dictionary == ["", "mnkr"])
    #expect(column.value(at: 0) == .null)
    #expect(column.value(at: 1) == .text("mnkr"))
  }

  @Test func aColumnWithoutNullsHasNoMask() {
    var builder = ColumnBuilder(name: "ok", type: .bool)
    builder.appendBool(true)
    builder.appendBool(false)
    let column = builder.build()
    #expect(column.nulls == nil)
    #expect(column.value(at: 1) == .bool(false))
  }

  @Test func appendingAValueChecksItsType() {
    var builder = ColumnBuilder(name: "year", type: .number)
    #expect(throws: ColumnBuilder.TypeMismatch.self) { try builder.append(.text("2024")) }
    #expect(throws: Never.self) { try builder.append(.null) }
    #expect(throws: Never.self) { try builder.append(.int(2024)) }
    #expect(builder.build().count == 2)
  }
}
