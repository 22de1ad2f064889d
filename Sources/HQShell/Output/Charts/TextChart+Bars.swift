import HQData
import HQEngine
import HQSyntax

extension TextChart {
  /// The bar rows, then the value axis with its ticks and name.
  func bars() -> [String] {
    let multi = chart.seriesNames.count > 1
    var texts = chart.values.map { $0.map { $0.map(numbers.text) } }
    var low = 0.0
    var high = 0.0
    var negativeWidth = 0
    var positiveWidth = 0
    for (s, series) in chart.values.enumerated() {
      for (p, value) in series.enumerated() {
        guard let value, let text = texts[s][p] else { continue }
        let d = value.doubleValue
        low = min(low, d)
        high = max(high, d)
        if d < 0 { negativeWidth = max(negativeWidth, DisplayWidth.of(text)) } else { positiveWidth = max(positiveWidth, DisplayWidth.of(text)) }
      }
    }
    let labels = chart.categories.map { TerminalText.visible($0) }
    let names = chart.seriesNames.map { TerminalText.visible($0) }
    let seriesWidth = multi ? min(16, names.map { DisplayWidth.of($0) }.max() ?? 0) : 0
    let reserveLeft = negativeWidth > 0 ? negativeWidth + 1 : 0
    let reserveRight = positiveWidth > 0 ? positiveWidth + 1 : 0
    // The label column takes what the bars leave, at most 2/5 of the width.
    let fixed = 1 + (multi ? seriesWidth + 1 : 0) + reserveLeft + 1 + reserveRight
    let longest = labels.map { DisplayWidth.of($0) }.max() ?? 0
    let labelWidth = max(1, min(longest, width * 2 / 5, width - fixed - 10))
    let plot = max(1, width - labelWidth - fixed)
    // Cells left of the axis in proportion to the negative part of the range; then one scale
    // that keeps the longest bar on each side within its cells.
    let span = high - low
    let negativeCells = span > 0 ? Int((-low / span * Double(plot)).rounded()) : 0
    var scale = span > 0 ? Double(plot) / span : 0
    if high > 0 { scale = min(scale, Double(plot - negativeCells) / high) }
    if low < 0 { scale = min(scale, Double(negativeCells) / -low) }
    let axisColumn = labelWidth + 1 + (multi ? seriesWidth + 1 : 0) + reserveLeft + negativeCells

    var lines: [String] = []
    for p in chart.categories.indices {
      if multi && p > 0 { lines.append("") }
      for s in chart.seriesNames.indices {
        var line = s == 0 ? DisplayWidth.pad(DisplayWidth.truncate(labels[p], to: labelWidth), to: labelWidth, alignLeft: true)
          : String(repeating: " ", count: labelWidth)
        line += " "
        if multi { line += DisplayWidth.pad(DisplayWidth.truncate(names[s], to: seriesWidth), to: seriesWidth, alignLeft: true) + " " }
        let value = chart.values[s][p]?.doubleValue
        let text = texts[s][p] ?? ""
        if let value, value < 0 {
          let halves = Int((-value * scale * 2).rounded())
          let bar = (halves % 2 == 1 ? "▐" : "") + String(repeating: "█", count: halves / 2)
          let left = text + " " + bar
          line += String(repeating: " ", count: max(0, reserveLeft + negativeCells - DisplayWidth.of(left)))
          line += text + " " + painted(bar, series: s) + "│"
        } else {
          line += String(repeating: " ", count: reserveLeft + negativeCells) + "│"
          if let value {
            let eighths = Int((value * scale * 8).rounded())
            let bar = String(repeating: "█", count: eighths / 8) + CellCharts.eighths[eighths % 8]
            line += painted(bar, series: s) + (bar.isEmpty ? "" : " ") + text
          }
        }
        lines.append(line)
      }
    }
    texts.removeAll()
    lines += valueAxis(axisColumn: axisColumn, negativeCells: negativeCells, plot: plot, scale: scale, low: low, high: high)
    return lines
  }

  /// `└──┴──┴──` under the bars, the tick values under it, and the axis name.
  private func valueAxis(axisColumn: Int, negativeCells: Int, plot: Int, scale: Double, low: Double, high: Double) -> [String] {
    let start = axisColumn - negativeCells
    var axis = Array(repeating: Character("─"), count: negativeCells + 1 + (plot - negativeCells))
    axis[negativeCells] = negativeCells == 0 ? "└" : "┴"
    var labels = AxisLabels(width: width)
    if scale > 0 {
      let ticks = ChartTicks(min: low, max: high, count: max(2, plot / 8))
      for tick in ticks.values where tick >= low - ticks.step / 1000 && tick <= high + ticks.step / 1000 {
        let offset = Int((tick * scale).rounded())
        let column = negativeCells + offset
        guard column >= 0, column < axis.count else { continue }
        if tick != 0 { axis[column] = "┴" }
        labels.place(numbers.text(tick, decimals: ticks.decimals), at: start + column)
      }
    } else {
      labels.place("0", at: axisColumn)
    }
    let line = String(repeating: " ", count: start) + String(axis)
    let name = chart.valueAxisName.isEmpty ? [] : [centred(TerminalText.visible(chart.valueAxisName), offset: start, span: axis.count)]
    return [line, labels.text] + name
  }
}
