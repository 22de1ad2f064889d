import Foundation
import HQData
import HQEngine
import HQShell
import HQSyntax
import Testing

/// The SVG images in docs/charts/ are the charts of the docs/CHARTS.md examples they follow,
/// as hq draws them now: each `![…](charts/NAME.svg)` is drawn from the ```` ```hq ```` example
/// above it and compared with the committed file.
///
/// `HQ_RECORD_DOCS=1 swift test --filter ChartDocImageTests` writes the files instead (and
/// records an issue per file, so a recording run never passes silently); review them in a
/// browser and with `git diff` before committing.
@Suite struct ChartDocImageTests {
  struct Image: Sendable, CustomTestStringConvertible {
    var name: String
    var line: Int
    var query: String
    var testDescription: String { "CHARTS.md:\(line) charts/\(name)" }
  }

  static let images: [Image] = {
    let path = DocExample.docsDirectory.appendingPathComponent("CHARTS.md").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    let examples = DocExample.all.filter { $0.document == "CHARTS.md" }
    var images: [Image] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let open = line.range(of: "](charts/"), let close = line[open.upperBound...].firstIndex(of: ")") else { continue }
      let name = String(line[open.upperBound..<close])
      guard name.hasSuffix(".svg"), let example = examples.last(where: { $0.line < index + 1 }) else { continue }
      images.append(Image(name: name, line: index + 1, query: example.query))
    }
    return images
  }()

  static var recording: Bool {
    let value = ProcessInfo.processInfo.environment["HQ_RECORD_DOCS"] ?? ""
    return !value.isEmpty && value != "0"
  }

  @Test func theDocumentShowsImages() {
    #expect(Self.images.count >= 4)
  }

  @Test(arguments: images)
  func imageMatchesItsExample(_ image: Image) throws {
    var engine = Engine(catalog: DocExample.catalog)
    var svg: String?
    try engine.run(SourceFile(name: "query", text: image.query), warning: { _ in }) { result in
      if case .chart(let chart) = result { svg = SVGChart(chart).render() }
    }
    let drawn = try #require(svg, "CHARTS.md:\(image.line): the example above charts/\(image.name) draws no chart")
    let url = DocExample.docsDirectory.appendingPathComponent("charts/\(image.name)")
    if Self.recording {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try drawn.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("recorded docs/charts/\(image.name); review it and run the tests again without HQ_RECORD_DOCS")
      return
    }
    let committed = try? String(contentsOf: url, encoding: .utf8)
    #expect(committed == drawn, "docs/charts/\(image.name) is not what CHARTS.md:\(image.line)'s example draws; re-record with HQ_RECORD_DOCS=1 and review")
  }
}
