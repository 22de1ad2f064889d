import HQData
import HQSyntax

extension Checker {
  /// `chart`: the value columns must hold numbers; the label and series columns may hold
  /// anything; `series` and several value columns are two ways to make series, so only one.
  func chart(_ chart: ChartStage, input: [Field], stage: Stage) throws(CheckFailure) -> ChartSpec {
    var values: [Int] = []
    for name in chart.values {
      let index = try columnIndex(name, in: input)
      guard input[index].type == .number else {
        let numbers = input.filter { $0.type == .number }.map(\.name)
        let example = numbers.first.map { "chart \(chart.kind.rawValue) \($0) by \(name.name)" }
          ?? "summarize n = count() by \(name.name) | chart \(chart.kind.rawValue) n by \(name.name)"
        throw CheckFailure(
          .error, "a chart draws numbers, but '\(name.name)' holds \(Binder.article(input[index].type))", at: name.range,
          help: "draw a number column, e.g. \(example)")
      }
      if values.contains(index) {
        throw CheckFailure(.error, "the column '\(name.name)' is drawn twice", at: name.range)
      }
      values.append(index)
    }
    if chart.values.count > Chart.maxSeries {
      let extra = chart.values[Chart.maxSeries]
      throw CheckFailure(
        .error, "a chart tells at most \(Chart.maxSeries) series apart, but \(chart.values.count) columns are drawn here", at: extra.range,
        help: "draw at most \(Chart.maxSeries) columns in one chart")
    }
    let label = try columnIndex(chart.label, in: input)
    var series: Int?
    if let name = chart.series {
      if chart.values.count > 1 {
        throw CheckFailure(
          .error, "a chart of several columns draws each column as a series, so it cannot also have 'series'", at: name.range,
          help: "draw one column by series (chart \(chart.kind.rawValue) \(chart.values[0].name) by \(chart.label.name) series \(name.name)), or the columns without 'series'")
      }
      series = try columnIndex(name, in: input)
      if series == label {
        throw CheckFailure(.error, "'\(name.name)' is both the \(chart.kind == .bar ? "bar labels" : "x axis") and the series", at: name.range)
      }
    }
    var width: Int?
    if let written = chart.width {
      let n = try count(written)
      guard n >= 20, n <= 1000 else {
        throw CheckFailure(.error, "a chart's width must be from 20 to 1000 columns, not \(n)", at: written.range, help: "width 80")
      }
      width = n
    }
    let unit = input.firstIndex { $0.name == "unit" && $0.type == .text }
    let first = chart.values[0].range
    let last = chart.values[chart.values.count - 1].range
    return ChartSpec(
      kind: chart.kind, values: values, label: label, series: series, unit: unit, title: chart.title, swedish: chart.swedish,
      width: width, keywordRange: stage.keywordRange, valuesRange: SourceRange(first.start, last.end),
      seriesRange: chart.series?.range)
  }
}
