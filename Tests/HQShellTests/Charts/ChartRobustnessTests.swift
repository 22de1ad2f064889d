import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HQData
import HQEngine
import Testing
@testable import HQShell
import HQDiagnostics

/// Charts of awkward data drawn at many widths: never a trap, never a line wider than asked,
/// always well-formed SVG. The data come from a fixed pseudo-random sequence, so a failure
/// names a case that can be run again.
@Suite struct ChartRobustnessTests {
  /// A linear congruential generator (the constants of glibc's `rand`).
  struct Sequence {
    var state: UInt32
    mutating func next(_ bound: Int) -> Int {
      state = state &* 1_103_515_245 &+ 12345
      return Int((state >> 8) % UInt32(max(1, bound)))
    }
  }

  /// The values a chart may meet: zeros, negatives, nulls, tiny and huge magnitudes, ties.
  static func value(_ random: inout Sequence) -> Number? {
    switch random.next(9) {
    case 0: return nil
    case 1: return .zero
    case 2: return Number(mantissa: Int64(random.next(1000)) - 500, scale: 0)
    case 3: return Number(mantissa: Int64(random.next(100_000)), scale: Int8(random.next(13)))
    case 4: return Number(mantissa: 999_999_999_999_999_999, scale: 0)
    case 5: return Number(mantissa: -999_999_999_999_999_999, scale: Int8(random.next(3)))
    case 6: return Number(mantissa: 1, scale: 12)
    case 7: return Number(7)
    default: return Number(mantissa: Int64(random.next(20_000)) - 10_000, scale: 1)
    }
  }

  static func chart(seed: UInt32) -> (Chart, Int) {
    var random = Sequence(state: seed)
    let kind: Chart.Kind = random.next(2) == 0 ? .bar : .line
    let count = 1 + random.next(40)
    let seriesCount = 1 + random.next(Chart.maxSeries)
    let numeric = kind == .line && random.next(2) == 0
    var positions: [Number] = []
    var x = Int64(random.next(100)) - 50
    for _ in 0..<count {
      x += Int64(1 + random.next(5))
      positions.append(Number(mantissa: x, scale: Int8(random.next(2))))
    }
    positions.sort()
    let words = ["Läkemedel", "a", "", "Väldigt långt namn på en indikator som inte får plats", "x\ty", "<&>\"'", "年度", "2024"]
    let categories = numeric ? [] : (0..<count).map { "\(words[random.next(words.count)])\($0)" }
    let names = (0..<seriesCount).map { words[random.next(words.count)] + "\($0)" }
    let values = (0..<seriesCount).map { _ in (0..<count).map { _ in value(&random) } }
    let chart = Chart(
      kind: kind, title: random.next(2) == 0 ? nil : words[random.next(words.count)], swedish: random.next(2) == 0, width: nil,
      valueName: "value", labelName: "x", seriesName: seriesCount > 1 ? "s" : nil, unit: random.next(2) == 0 ? nil : "mnkr",
      categories: categories, positions: numeric ? positions : nil, seriesNames: names, values: values,
      table: Table(name: "t", columns: []))
    return (chart, 20 + random.next(140))
  }

  @Test(arguments: 0..<200)
  func awkwardChartsDrawWithinTheirWidth(_ seed: Int) throws {
    let (chart, width) = Self.chart(seed: UInt32(seed))
    let text = TextChart(chart, width: width, colour: seed % 2 == 0).render()
    for line in PlainText.lines(text) {
      #expect(DisplayWidth.of(line) <= width, "seed \(seed), width \(width): \(line)")
    }
    let svg = SVGChart(chart).render()
    #expect(throws: Never.self, "seed \(seed): the SVG is not well-formed") { try XMLDocument(data: Data(svg.utf8)) }
  }
}

/// Lines of rendered text with colour escapes taken out, for measuring.
enum PlainText {
  static func lines(_ text: String) -> [String] {
    var plain = ""
    var inEscape = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        continue
      }
      plain.unicodeScalars.append(scalar)
    }
    return plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}
