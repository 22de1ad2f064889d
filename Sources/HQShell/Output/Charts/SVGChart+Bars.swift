import HQData
import HQEngine

extension SVGChart {
  /// Horizontal bars from a zero axis, labels on the left, values at the bars' ends, the value
  /// axis with grid lines below; returns the image's height.
  func bars(_ body: inout SVGWriter, top: Double) -> Double {
    let multi = chart.seriesNames.count > 1
    let texts = chart.values.map { $0.map { $0.map(numbers.text) } }
    let extent = BarExtent(chart.values, texts: texts) { $0.count }
    let (low, high, negativeChars, positiveChars) = (extent.low, extent.high, extent.negativeWidth, extent.positiveWidth)
    let labelChars = min(40, chart.categories.map(\.count).max() ?? 0)
    let labelRight = 16 + Double(labelChars) * Self.characterWidth
    let plotLeft = labelRight + 8 + (negativeChars > 0 ? Double(negativeChars) * Self.characterWidth + 6 : 0)
    let plotRight = Double(Self.width) - 16 - (positiveChars > 0 ? Double(positiveChars) * Self.characterWidth + 6 : 0)
    let scale = high > low ? (plotRight - plotLeft) / (high - low) : 0
    let zero = plotLeft - low * scale
    let barHeight = multi ? 14.0 : 18.0
    let groupGap = multi ? 10.0 : 6.0
    let groupHeight = barHeight * Double(chart.seriesNames.count) + groupGap
    let bottom = top + groupHeight * Double(chart.categories.count)

    let ticks = ChartTicks(min: low, max: high, count: 6)
    body.open("g", "class=\"grid\" stroke=\"#dddddd\"")
    for tick in ticks.values where tick >= low - ticks.step / 1000 && tick <= high + ticks.step / 1000 && tick != 0 {
      let x = zero + tick * scale
      body.element("line", "x1=\"\(fmt(x))\" y1=\"\(fmt(top))\" x2=\"\(fmt(x))\" y2=\"\(fmt(bottom))\"")
    }
    body.close("g")

    let seriesNames = chart.seriesNames.map(SVGWriter.escape)
    body.reserve(chart.categories.count * chart.seriesNames.count * 300)
    for p in chart.categories.indices {
      let groupTop = top + Double(p) * groupHeight + groupGap / 2
      let label = SVGWriter.truncate(chart.categories[p], to: 40)
      body.text(label, x: labelRight, y: groupTop + groupHeight / 2 - groupGap / 2 + 4, className: "label", anchor: "end")
      for s in chart.seriesNames.indices {
        guard let value = chart.values[s][p], let text = texts[s][p] else { continue }
        let d = value.doubleValue
        let y = groupTop + Double(s) * barHeight
        let x = d < 0 ? zero + d * scale : zero
        // Written piece by piece into the image: a chart may have 10 000 bars.
        body.raw("<rect class=\"bar\" x=\"")
        body.number(x)
        body.raw("\" y=\"")
        body.number(y + 1)
        body.raw("\" width=\"")
        body.number(abs(d) * scale)
        body.raw("\" height=\"")
        body.number(barHeight - 2)
        body.raw("\" fill=\"")
        body.raw(ChartPalette.hex[s])
        body.raw("\" data-series=\"")
        body.raw(seriesNames[s])
        body.raw("\" data-label=\"")
        body.raw(SVGWriter.escape(chart.categories[p]))
        body.raw("\" data-value=\"")
        body.raw(value.description)
        body.raw("\"/>\n")
        let end = d < 0 ? x - 4 : x + abs(d) * scale + 4
        body.text(text, x: end, y: y + barHeight / 2 + 4, className: "value", anchor: d < 0 ? "end" : "start")
      }
    }

    body.open("g", "class=\"axis\" stroke=\"#333333\"")
    body.element("line", "x1=\"\(fmt(zero))\" y1=\"\(fmt(top))\" x2=\"\(fmt(zero))\" y2=\"\(fmt(bottom))\"")
    body.element("line", "x1=\"\(fmt(plotLeft))\" y1=\"\(fmt(bottom))\" x2=\"\(fmt(plotRight))\" y2=\"\(fmt(bottom))\"")
    for tick in ticks.values where tick >= low - ticks.step / 1000 && tick <= high + ticks.step / 1000 {
      let x = zero + tick * scale
      body.element("line", "class=\"tick\" x1=\"\(fmt(x))\" y1=\"\(fmt(bottom))\" x2=\"\(fmt(x))\" y2=\"\(fmt(bottom + 5))\"")
    }
    body.close("g")
    for tick in ticks.values where tick >= low - ticks.step / 1000 && tick <= high + ticks.step / 1000 {
      body.text(numbers.text(tick, decimals: ticks.decimals), x: zero + tick * scale, y: bottom + 18, className: "tick-label", anchor: "middle")
    }
    if !chart.valueAxisName.isEmpty {
      body.text(chart.valueAxisName, x: (plotLeft + plotRight) / 2, y: bottom + 38, className: "axis-name", anchor: "middle")
    }
    return bottom + 52
  }
}
