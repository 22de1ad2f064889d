import HQData
import HQEngine
import HQLoaders

/// How a statement's chart is written: as text (a terminal, a text file, a pipe), as SVG
/// (`--format svg`, `.format svg`, or an `.output`/`.once` file named `*.svg`), or as PNG (a
/// file named `*.png`, through `rsvg-convert`).
enum ChartTarget: Equatable {
  case text
  case svg
  case png

  /// The target for a file name: by its extension, case-insensitively.
  static func forPath(_ path: String) -> ChartTarget? {
    let lower = path.lowercased()
    if lower.hasSuffix(".svg") { return .svg }
    if lower.hasSuffix(".png") { return .png }
    return nil
  }
}

extension Session {
  /// The chart target of results going to `sink` in `format`: a redirection's file extension
  /// first, then the format.
  func chartTarget(for sink: OutputSink, format: OutputFormat) -> ChartTarget {
    if let redirection, redirection.sink === sink, let target = ChartTarget.forPath(redirection.file.path) { return target }
    return format == .svg ? .svg : .text
  }

  /// Writes one statement's result: a table in the format, or a chart drawn for its target.
  ///
  /// - Parameter width: the terminal's width when `sink` is the terminal, else nil.
  func write(_ result: StatementResult, to sink: OutputSink, width: Int?, format: OutputFormat) throws(ShellError) {
    let target = chartTarget(for: sink, format: format)
    let toImageFile = target != .text && redirection.map { $0.sink === sink } == true
    if toImageFile, let current = redirection, current.results > 0 {
      throw ShellError(
        "'\(current.file.path)' already holds a chart, and an image file holds one; write each chart with its own .once FILE")
    }
    switch result {
    case .table(let table):
      guard target == .text else {
        let what = target == .png ? "PNG" : "SVG"
        throw ShellError(
          "only a chart can be written as \(what), and this statement's result is a table; end the pipeline with a chart (| chart bar value by indicator), or write the table in another format (.format table)")
      }
      format.write(table, to: sink, width: width)
    case .chart(let chart):
      switch target {
      case .text:
        let colour = colourCharts && sink === standardOutput && format == .table
        sink.write(TextChart(chart, width: chart.width ?? width ?? 80, colour: colour).render())
      case .svg:
        sink.write(SVGChart(chart).render())
      case .png:
        do throws(SVGConverter.Failure) {
          sink.write(bytes: try SVGConverter.png(fromSVG: SVGChart(chart).render(), isCancelled: { Signals.wasInterrupted }))
        } catch {
          throw ShellError("cannot write '\(redirection?.file.path ?? "the PNG")': \(error.message)")
        }
      }
    }
    if toImageFile { redirection?.results += 1 }
  }

  /// After a result could not be written to a `.once` or `.output` file: the file is given up
  /// (a file that existed keeps its contents), so no empty or half image is left behind.
  func abandonOnce() {
    guard let current = redirection, current.results == 0 || current.once else { return }
    redirection = nil
    Signals.untrack { current.file.abandon() }
  }
}
