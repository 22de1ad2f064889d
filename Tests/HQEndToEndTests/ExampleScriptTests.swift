import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Runs each script in `Scripts/examples` through the binary and checks its rows against
/// values read by hand from the report texts in `Datasets/` (line numbers in the comments;
/// shares and changes worked out by hand from those values).
@Suite struct ExampleScriptTests {
  private func run(_ name: String, _ extra: [String] = []) throws -> [[String]] {
    let path = HQProcess.packageRoot.appendingPathComponent("Scripts/examples/\(name)").path
    let result = try HQProcess.run([path, "--format", "csv"] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    return CSV.parse(result.stdout)
  }

  /// Uppföljningsrapport 2 2017, lines 296–312: "Avvikelse mot budget för jan–augusti" and
  /// "Prognostiserad avvikelse mot budget för 2017" per area; ties keep the report's order.
  @Test func budgetDeviations2017() throws {
    #expect(try run("budget-deviations-2017.hq") == [
      ["area", "jan_aug", "forecast_2017"],
      ["Finansiering", "148.4", "242.1"],
      ["Hälso- och sjukvårdsfinansiering", "51.1", "-23.8"],
      ["Regionkontoret Bas", "15.9", "15.5"],
      ["Förtroendevalda", "9.4", "9.52"],
      ["E-plan utveckling", "1.1", "-5"],
      ["Drift av utvecklingsprojekt", "0", "0"],
      ["Bidrag till Hallandstrafiken", "0", "0"],
      ["Tillväxt utveckling", "-3.5", "0"],
      ["Regiongemensamma kostnader", "-110.3", "-73.1"],
    ])
  }

  /// Årsredovisning 2024, lines 192–210: 2024 value, RHs mål and the 2023 rank "(n av 21)".
  /// Every indicator misses its target in 2024 (e.g. antibiotics 276 > 250, recycling 21.4 < 55).
  @Test func missedTargets() throws {
    #expect(try run("missed-targets.hq") == [
      ["indicator", "unit", "outcome_2024", "target", "gap", "rank_2023", "of"],
      ["Avfallsåtervinning i sjukhusfastigheter", "%", "21.4", "55", "-33.6", "21", "21"],
      ["Medicinska gasers klimatpåverkan", "kg CO2ekv/inv", "2.8", "1.8", "1", "20", "21"],
      ["Antibiotikarecept per 1000 invånare", "", "276", "250", "26", "17", "21"],
      ["Ekologiska livsmedel", "%", "27.4", "30", "-2.6", "17", "21"],
      ["Energianvändning i lokaler", "kWh/m2", "188", "176", "12", "17", "21"],
      ["Förnybara drivmedel i kollektivtrafik", "%", "98.6", "100", "-1.4", "12", "21"],
    ])
  }

  /// Årsredovisning 2024, lines 194–210, 2023 and 2024 columns; change_pct by hand:
  /// -4/280 = -1.43 %, 2.4/25 = 9.6 %, 0.2/98.4 = 0.20 %, 4/184 = 2.17 %, -0.1/2.9 = -3.45 %,
  /// -0.5/21.9 = -2.28 %.
  @Test func yearOverYear() throws {
    #expect(try run("year-over-year.hq") == [
      ["indicator", "2023", "2024", "delta", "change_pct"],
      ["Ekologiska livsmedel", "25", "27.4", "2.4", "9.6"],
      ["Energianvändning i lokaler", "184", "188", "4", "2.17"],
      ["Förnybara drivmedel i kollektivtrafik", "98.4", "98.6", "0.2", "0.2"],
      ["Antibiotikarecept per 1000 invånare", "280", "276", "-4", "-1.43"],
      ["Avfallsåtervinning i sjukhusfastigheter", "21.9", "21.4", "-0.5", "-2.28"],
      ["Medicinska gasers klimatpåverkan", "2.9", "2.8", "-0.1", "-3.45"],
    ])
  }

  /// The parameters can be overridden from the command line: 2017 to 2024, antibiotics
  /// 306 → 276 is -30 (-9.80 %, printed -9.8).
  @Test func yearOverYearWithParameters() throws {
    let rows = try run("year-over-year.hq", ["--set", "from=2017"])
    #expect(rows.first == ["indicator", "2017", "2024", "delta", "change_pct"])
    #expect(rows.contains(["Antibiotikarecept per 1000 invånare", "306", "276", "-30", "-9.8"]))
  }

  /// Årsredovisning 2024, lines 311–337: "90% … jämfört med 87% för riket i snitt" etc.
  @Test func accessibilityAgainstTheNationalAverage() throws {
    #expect(try run("accessibility.hq") == [
      ["indicator", "halland", "national", "points_above_national"],
      ["Första besök i specialiserad vård", "87", "69", "18"],
      ["Operation/åtgärd i specialiserad vård", "73", "59", "14"],
      ["Telefontillgänglighet primärvård", "90", "87", "3"],
      ["Medicinsk bedömning i primärvård", "88", "88", "0"],
    ])
  }

  /// Årsredovisning 2024, lines 491–506: the five cost lines sum to the printed 319.2;
  /// shares by hand: 136.7/319.2 = 42.8 %, 70.4/319.2 = 22.1 %, 52.0/319.2 = 16.3 %,
  /// 51.4/319.2 = 16.1 %, 8.7/319.2 = 2.7 %.
  @Test func fvisCostBreakdown() throws {
    #expect(try run("fvis-costs.hq") == [
      ["item", "cost", "share_pct"],
      ["Faktiska kostnader FVIS centralt - konsulter", "136.7", "42.8"],
      ["Faktiska kostnader FVIS centralt - Cambio Healthcare (grundimplementation, huvudavtal, tilläggsavtal)", "70.4", "22.1"],
      ["Faktiska kostnader FVIS centralt - interna personella resurser", "52", "16.3"],
      ["Faktiska kostnader FVIS centralt - Sussa samverkan", "51.4", "16.1"],
      ["Faktiska kostnader FVIS centralt - övriga poster", "8.7", "2.7"],
    ])
  }

  /// The chart scripts as SVG: every bar or point is a value read by hand (the forecast
  /// deviations are those of ``budgetDeviations2017()``, the indicators those of the
  /// LANGUAGE.md `pivot` example, Årsredovisning 2024 lines 194–210).
  private func svg(_ name: String) throws -> XMLDocument {
    let path = HQProcess.packageRoot.appendingPathComponent("Scripts/examples/\(name)").path
    let result = try HQProcess.run([path, "--format", "svg"])
    #expect(result.status == 0, "\(result.stderr)")
    return try XMLDocument(data: Data(result.stdout.utf8))
  }

  private func values(_ document: XMLDocument, _ xpath: String, _ attribute: String) throws -> [String] {
    try document.nodes(forXPath: xpath).compactMap { ($0 as? XMLElement)?.attributes?.first { $0.name == attribute }?.stringValue }
  }

  @Test func deviationsChart() throws {
    let document = try svg("deviations-chart.hq")
    let bars = "//*[@class='bar']"
    #expect(try values(document, bars, "data-label") == [
      "Finansiering", "Regionkontoret Bas", "Förtroendevalda", "Drift av utvecklingsprojekt", "Tillväxt utveckling",
      "Bidrag till Hallandstrafiken", "E-plan utveckling", "Hälso- och sjukvårdsfinansiering", "Regiongemensamma kostnader",
    ])
    #expect(try values(document, bars, "data-value") == ["242.1", "15.5", "9.52", "0", "0", "0", "-5", "-23.8", "-73.1"])
    let texts = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
    #expect(texts.contains("Prognostiserad avvikelse mot budget 2017") && texts.contains("242,1") && texts.contains("\u{2212}73,1"))
  }

  @Test func indicatorTrendsChart() throws {
    let document = try svg("indicator-trends.hq")
    #expect(try values(document, "//*[@class='series']", "data-series") == [
      "Ekologiska livsmedel", "Förnybara drivmedel i kollektivtrafik", "Avfallsåtervinning i sjukhusfastigheter",
    ])
    #expect(try values(document, "//*[@class='point']", "data-value") == [
      "31", "28.2", "25", "27.4", "85.6", "98", "98.4", "98.6", "29.4", "20.3", "21.9", "21.4",
    ])
    #expect(try values(document, "//*[@class='point']", "data-x").prefix(4) == ["2017", "2022", "2023", "2024"])
  }

  /// The sparklines of the key indicators, level by level: (v − min) / (max − min) × 7,
  /// rounded. Antibiotics 306 257 280 276: █ ▁ 3.3→▄ 2.7→▄; organic food 31 28.2 25 27.4:
  /// █ 3.7→▅ ▁ 2.8→▄; renewable fuels 85.6 98 98.4 98.6: ▁ 6.7→█ █ █; energy 199 188 184 188:
  /// █ 1.9→▃ ▁ ▃; medical gases 4.1 3.4 2.9 2.8: █ 3.2→▄ 0.5→▂ ▁; recycling 29.4 20.3 21.9
  /// 21.4: █ ▁ 1.2→▂ 0.8→▂.
  @Test func indicatorSparklines() throws {
    #expect(try run("indicator-sparklines.hq") == [
      ["indicator", "trend", "first", "latest"],
      ["Antibiotikarecept per 1000 invånare", "█▁▄▄", "306", "276"],
      ["Ekologiska livsmedel", "█▅▁▄", "31", "27.4"],
      ["Förnybara drivmedel i kollektivtrafik", "▁███", "85.6", "98.6"],
      ["Energianvändning i lokaler", "█▃▁▃", "199", "188"],
      ["Medicinska gasers klimatpåverkan", "█▄▂▁", "4.1", "2.8"],
      ["Avfallsåtervinning i sjukhusfastigheter", "█▁▂▂", "29.4", "21.4"],
    ])
  }

  @Test func examplesAreExecutableScripts() throws {
    let directory = HQProcess.packageRoot.appendingPathComponent("Scripts/examples")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".hq") }
    #expect(names.count >= 5)
    for name in names {
      let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      #expect(text.hasPrefix("#!/usr/bin/env hq\n"), "\(name)")
      #expect(FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent(name).path), "\(name)")
    }
  }
}

/// A CSV reader for the tests (RFC 4180), independent of the formatter it checks.
enum CSV {
  static func parse(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)[...]
    while let c = chars.popFirst() {
      if quoted {
        if c == "\"" {
          if chars.first == "\"" {
            field.append("\"")
            chars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(c)
        }
      } else if c == "\"" {
        quoted = true
      } else if c == "," {
        row.append(field)
        field = ""
      } else if c == "\n" {
        row.append(field)
        field = ""
        rows.append(row)
        row = []
      } else {
        field.append(c)
      }
    }
    if !field.isEmpty || !row.isEmpty {
      row.append(field)
      rows.append(row)
    }
    return rows
  }
}
