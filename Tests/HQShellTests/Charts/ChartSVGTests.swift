import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HQData
import HQEngine
import HQLoaders
import HQReports
import Testing
@testable import HQShell

/// Charts written as SVG: parsed as XML, their bars, points, labels and texts checked against
/// the rows they were drawn from.
@Suite struct ChartSVGTests {
  static func svg(_ csv: String, _ query: String) throws -> XMLDocument {
    let (session, out, err, dir) = try ChartTextTests.session(csv, format: .svg)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(session.run(query, name: "q.hq") == .success, "\(err.text)")
    return try XMLDocument(data: Data(out.text.utf8))
  }

  static func nodes(_ document: XMLDocument, _ xpath: String) throws -> [XMLElement] {
    try document.nodes(forXPath: xpath).compactMap { $0 as? XMLElement }
  }

  /// An attribute's value. (`XMLElement.attribute(forName:)` of swift-corelibs-foundation
  /// misses attributes of some elements in SVG's default namespace; the list does not.)
  static func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
  }

  @Test func barsOnePerValueWithLabelsAndTitle() throws {
    let document = try Self.svg(
      "label,value,unit\nLäkemedel,-115,mnkr\nFinansiering,242.1,mnkr\n\"A & <B>\",9.5,mnkr\n",
      "from t | chart bar value by label title \"Avvikelser 2017\"")
    let root = try #require(document.rootElement())
    #expect(root.name == "svg")
    #expect(Self.attribute(root, "width") == "720")
    let bars = try Self.nodes(document, "//*[local-name()='rect'][@class='bar']")
    #expect(bars.map { Self.attribute($0, "data-label") } == ["Läkemedel", "Finansiering", "A & <B>"])
    #expect(bars.map { Self.attribute($0, "data-value") } == ["-115", "242.1", "9.5"])
    // Bar widths are in proportion to the values: 242.1 / 115 and 9.5 / 115.
    let widths = bars.compactMap { Self.attribute($0, "width").flatMap(Double.init) }
    #expect(abs(widths[1] / widths[0] - 242.1 / 115) < 0.01)
    #expect(abs(widths[2] / widths[0] - 9.5 / 115) < 0.01)
    // The negative bar ends where the positive ones start: at the zero axis.
    let x = bars.compactMap { Self.attribute($0, "x").flatMap(Double.init) }
    #expect(abs(x[0] + widths[0] - x[1]) < 0.02 && x[1] == x[2])
    let texts = try Self.nodes(document, "//*[local-name()='text']").map { $0.stringValue ?? "" }
    #expect(texts.contains("Avvikelser 2017"))
    #expect(texts.contains("A & <B>") && texts.contains("-115") && texts.contains("242.1"))
    #expect(texts.contains("value (mnkr)"), "the axis names the unit of the rows")
    let title = try Self.nodes(document, "/*[local-name()='svg']/*[local-name()='title']")
    #expect(title.first?.stringValue == "Avvikelser 2017")
    #expect(try Self.nodes(document, "//*[@class='tick']").count >= 3)
  }

  @Test func groupedBarsHaveALegendAndOneColourPerSeries() throws {
    let document = try Self.svg(
      "indicator,2023,2024\nA,280,276\nB,25,27.4\n", "from t | chart bar `2023`, `2024` by indicator")
    let bars = try Self.nodes(document, "//*[local-name()='rect'][@class='bar']")
    #expect(bars.count == 4)
    #expect(bars.map { Self.attribute($0, "data-series") } == ["2023", "2024", "2023", "2024"])
    #expect(bars.map { Self.attribute($0, "data-value") } == ["280", "276", "25", "27.4"])
    #expect(Set(bars.compactMap { Self.attribute($0, "fill") }) == ["#1f77b4", "#ff7f0e"])
    let legend = try Self.nodes(document, "//*[@class='legend']/*[local-name()='text']").map { $0.stringValue ?? "" }
    #expect(legend == ["2023", "2024"])
  }

  @Test func linesHaveAPointPerValueAndBreakAtNulls() throws {
    let csv = "year,region,value\n2021,Halland,1\n2022,Halland,\n2023,Halland,3\n2024,Halland,4\n2021,Riket,2\n2022,Riket,2.5\n2023,Riket,2.5\n2024,Riket,3\n"
    let document = try Self.svg(csv, "from t | chart line value by year series region swedish")
    let groups = try Self.nodes(document, "//*[@class='series']")
    #expect(groups.compactMap { Self.attribute($0, "data-series") } == ["Halland", "Riket"])
    // Halland has no 2022: two pieces of line, three points; Riket one line of four.
    let halland = try Self.nodes(document, "//*[@data-series='Halland']/*[local-name()='polyline']")
    #expect(halland.map { Self.attribute($0, "points")?.split(separator: " ").count } == [1, 2])
    let points = try Self.nodes(document, "//*[local-name()='circle'][@class='point']")
    #expect(points.map { Self.attribute($0, "data-x") } == ["2021", "2023", "2024", "2021", "2022", "2023", "2024"])
    #expect(points.map { Self.attribute($0, "data-value") } == ["1", "3", "4", "2", "2.5", "2.5", "3"])
    // Points at the same value share a height; a higher value is higher up (smaller y).
    let cy = points.compactMap { Self.attribute($0, "cy").flatMap(Double.init) }
    #expect(cy[4] == cy[5])
    #expect(cy[2] < cy[1] && cy[1] < cy[0])
    let texts = try Self.nodes(document, "//*[local-name()='text']").map { $0.stringValue ?? "" }
    #expect(texts.contains("2021") && texts.contains("2024") && texts.contains("year"))
    // Ticks every 0.5 from 1 to 4 (five intervals of 0.6 → 0.5), written with a decimal comma.
    #expect(texts.contains("1,5") && texts.contains("2,5") && !texts.contains("2.5"), "Swedish tick labels: \(texts)")
  }

  @Test func onceFileIsWrittenAsSVGAndATableIsRefused() throws {
    let (session, _, err, dir) = try ChartTextTests.session("label,value\na,1\nb,2\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("chart.svg").path
    #expect(session.run(".once \(path)\nfrom t | chart bar value by label", name: "q.hq") == .success, "\(err.text)")
    let written = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
    #expect(try Self.nodes(written, "//*[@class='bar']").count == 2)
    let table = dir.appendingPathComponent("table.svg").path
    #expect(session.run(".once \(table)\nfrom t | take 1", name: "q.hq") == .failure)
    #expect(err.text.contains("q.hq:2:1: error: only a chart can be written as SVG"))
    #expect(!FileManager.default.fileExists(atPath: table), "no empty image is left behind")
  }

  @Test func anOutputImageHoldsOneChart() throws {
    let (session, _, err, dir) = try ChartTextTests.session("label,value\na,1\nb,2\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("two.svg").path
    let script = ".output \(path)\nfrom t | chart bar value by label\nfrom t | chart bar value by label\n.output"
    #expect(session.run(script, name: "q.hq") == .failure)
    #expect(err.text.contains("q.hq:3:1: error: '\(path)' already holds a chart"))
    #expect(session.run(".output", name: "q.hq") == .success)
    #expect(try Self.nodes(XMLDocument(contentsOf: URL(fileURLWithPath: path)), "//*[@class='bar']").count == 2)
  }

  @Test func aChartIsNoSheetOfAWorkbook() throws {
    let (session, _, err, dir) = try ChartTextTests.session("label,value\na,1\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("book.xlsx").path
    #expect(session.run(".once \(path)\nfrom t | chart bar value by label", name: "q.hq") == .failure)
    #expect(err.text.contains("q.hq:2:1: error: an .xlsx workbook holds tables, not charts"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func pngWithoutRsvgConvertNamesThePackage() {
    #expect {
      try SVGConverter.png(fromSVG: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", environment: ["PATH": "/nonexistent"])
    } throws: { error in
      (error as? SVGConverter.Failure)?.message.contains("apt-get install librsvg2-bin") == true
    }
  }

  @Test(.enabled(if: SVGConverter.isAvailable, "rsvg-convert (Debian librsvg2-bin) is not installed"))
  func pngThroughRsvgConvert() throws {
    let (session, _, err, dir) = try ChartTextTests.session("label,value\na,1\nb,2\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("chart.png").path
    #expect(session.run(".once \(path)\nfrom t | chart bar value by label", name: "q.hq") == .success, "\(err.text)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
  }
}
