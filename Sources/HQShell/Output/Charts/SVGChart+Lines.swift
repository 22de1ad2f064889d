import HQData
import HQEngine

extension SVGChart {
  /// The value axis with grid lines on the left, the x axis below, one polyline per series
  /// (broken where a value is missing) and a circle at each point; returns the image's height.
  func lines(_ body: inout SVGWriter, top: Double) -> Double {
    guard let range = chart.valueRange else { return top }
    let ticks = ChartTicks(min: range.min, max: range.max, count: 5)
    let tickTexts = ticks.values.map { numbers.text($0, decimals: ticks.decimals) }
    if !chart.valueAxisName.isEmpty { body.text(chart.valueAxisName, x: 16, y: top + 4, className: "axis-name") }
    let plotTop = top + 20
    let plotBottom = plotTop + 300
    let left = 16 + Double(tickTexts.map(\.count).max() ?? 1) * Self.characterWidth + 10
    let right = Double(Self.width) - 28
    func y(_ value: Double) -> Double {
      ticks.high > ticks.low ? plotBottom - (value - ticks.low) / (ticks.high - ticks.low) * (plotBottom - plotTop) : (plotTop + plotBottom) / 2
    }
    let first = chart.positions?.first?.doubleValue ?? 0
    let last = chart.positions?.last?.doubleValue ?? 0
    func x(value: Double) -> Double {
      last > first ? left + (value - first) / (last - first) * (right - left) : (left + right) / 2
    }
    func x(_ p: Int) -> Double {
      if let positions = chart.positions { return x(value: positions[p].doubleValue) }
      let n = chart.count
      return n > 1 ? left + Double(p) / Double(n - 1) * (right - left) : (left + right) / 2
    }

    body.open("g", "class=\"grid\" stroke=\"#dddddd\"")
    for tick in ticks.values {
      body.element("line", "x1=\"\(fmt(left))\" y1=\"\(fmt(y(tick)))\" x2=\"\(fmt(right))\" y2=\"\(fmt(y(tick)))\"")
    }
    body.close("g")
    for (i, tick) in ticks.values.enumerated() {
      body.text(tickTexts[i], x: left - 8, y: y(tick) + 4, className: "tick-label", anchor: "end")
    }

    var xTicks: [(Double, String)] = []
    if let positions = chart.positions, positions.count > 20 {
      let nice = ChartTicks(min: first, max: last, count: 8)
      for value in nice.values where value >= first && value <= last {
        xTicks.append((x(value: value), numbers.text(value, decimals: nice.decimals)))
      }
    } else {
      for p in 0..<chart.count {
        xTicks.append((x(p), chart.positions.map { numbers.text($0[p]) } ?? chart.categories[p]))
      }
    }
    body.open("g", "class=\"axis\" stroke=\"#333333\"")
    body.element("line", "x1=\"\(fmt(left))\" y1=\"\(fmt(plotTop))\" x2=\"\(fmt(left))\" y2=\"\(fmt(plotBottom))\"")
    body.element("line", "x1=\"\(fmt(left))\" y1=\"\(fmt(plotBottom))\" x2=\"\(fmt(right))\" y2=\"\(fmt(plotBottom))\"")
    for (position, _) in xTicks {
      body.element("line", "class=\"tick\" x1=\"\(fmt(position))\" y1=\"\(fmt(plotBottom))\" x2=\"\(fmt(position))\" y2=\"\(fmt(plotBottom + 5))\"")
    }
    body.close("g")
    var lastEnd = -Double.infinity
    for (position, text) in xTicks {
      let shown = SVGWriter.truncate(text, to: 24)
      let half = Double(shown.count) * Self.characterWidth / 2
      guard position - half > lastEnd + 4 else { continue }
      body.text(shown, x: position, y: plotBottom + 18, className: "tick-label", anchor: "middle")
      lastEnd = position + half
    }
    body.text(chart.labelName, x: (left + right) / 2, y: plotBottom + 38, className: "axis-name", anchor: "middle")

    let pointCount = chart.values.reduce(0) { $0 + $1.count { $0 != nil } }
    for (s, series) in chart.values.enumerated() {
      let colour = ChartPalette.hex[s]
      body.open("g", "class=\"series\" data-series=\"\(SVGWriter.escape(chart.seriesNames[s]))\"")
      var segment = ""
      func flush() {
        if !segment.isEmpty {
          body.element("polyline", "points=\"\(segment)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" stroke-linejoin=\"round\"")
          segment = ""
        }
      }
      for (p, value) in series.enumerated() {
        guard let value else {
          flush()
          continue
        }
        if !segment.isEmpty { segment += " " }
        segment += "\(fmt(x(p))),\(fmt(y(value.doubleValue)))"
      }
      flush()
      if pointCount <= Self.maxMarkedPoints {
        for (p, value) in series.enumerated() {
          guard let value else { continue }
          body.element(
            "circle",
            "class=\"point\" cx=\"\(fmt(x(p)))\" cy=\"\(fmt(y(value.doubleValue)))\" r=\"3\" fill=\"\(colour)\" "
              + "data-x=\"\(SVGWriter.escape(chart.label(at: p)))\" data-value=\"\(value.description)\"")
        }
      }
      body.close("g")
    }
    return plotBottom + 52
  }
}
