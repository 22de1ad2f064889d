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
  /// The path of the open `.output`/`.once` text file, if any.
  var redirectionPath: String? {
    guard let redirection, case .text(let file) = redirection.target else { return nil }
    return file.path
  }

  /// How a chart goes where results go now: a `.png` file takes a PNG image; the `svg` format
  /// (`--format svg`, `.format svg`, a file named `*.svg`) an SVG image; anything else text.
  var chartTarget: ChartTarget {
    if let path = redirectionPath, ChartTarget.forPath(path) == .png { return .png }
    return (redirection?.format ?? format) == .svg ? .svg : .text
  }

  /// A statement's table cannot go where an image is expected.
  func refuseTableAsImage() throws(ShellError) {
    let target = chartTarget
    guard target != .text else { return }
    let what = target == .png ? "PNG" : "SVG"
    throw ShellError(
      "only a chart can be written as \(what), and this statement's result is a table; end the pipeline with a chart (| chart bar value by indicator), or write the table in another format (.format table)")
  }

  /// Writes a chart where results go now: drawn as text, SVG or PNG (``chartTarget``).
  ///
  /// - Throws: when an image file already holds a chart, the results go to a workbook, or PNG
  ///   cannot be drawn (no `rsvg-convert`).
  func emit(_ chart: Chart) throws(ShellError) {
    if let redirection, case .workbook = redirection.target {
      throw ShellError(
        "an .xlsx workbook holds tables, not charts; write the chart to an image with .once FILE.svg (or FILE.png), or its rows to the workbook without '| chart …'")
    }
    let target = chartTarget
    let sink = output
    let toImageFile = target != .text && redirection != nil
    if toImageFile, let current = redirection, current.results > 0 {
      throw ShellError(
        "'\(redirectionPath ?? "the file")' already holds a chart, and an image file holds one; write each chart with its own .once FILE")
    }
    switch target {
    case .text:
      let format = redirection?.format ?? self.format
      let terminal = sink === standardOutput && outputIsTerminal
      let colour = colourCharts && terminal && format == .table
      sink.write(TextChart(chart, width: chart.width ?? (terminal ? Terminal.width() : nil) ?? 80, colour: colour).render())
    case .svg:
      sink.write(SVGChart(chart).render())
    case .png:
      do throws(SVGConverter.Failure) {
        sink.write(bytes: try SVGConverter.png(fromSVG: SVGChart(chart).render(), isCancelled: { Signals.wasInterrupted }))
      } catch {
        throw ShellError("cannot write '\(redirectionPath ?? "the PNG")': \(error.message)")
      }
    }
    sink.flush()
    if toImageFile { redirection?.results += 1 }
  }

  /// After a result could not be written to a `.once` or `.output` file: the file is given up
  /// (a file that existed keeps its contents), so no empty or half image is left behind. An
  /// `.output` file that already holds results keeps them.
  func abandonOnce() {
    guard let current = redirection, current.results == 0 || current.once else { return }
    redirection = nil
    Signals.untrack { current.abandon() }
  }
}
