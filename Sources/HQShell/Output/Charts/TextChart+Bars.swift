import HQData
import HQEngine
import HQSyntax

extension TextChart {
  /// The bar rows, then the value axis with its ticks and name.
  func bars() -> [String] {
    let multi = chart.seriesNames.count > 1
    var texts = chart.values.map { $0.map { $0.map(numbers.text) } }
    let extent = BarExtent(chart.values, texts: texts) { DisplayWidth.of($0) }
    let (low, high, negativeWidth, positiveWidth) = (extent.low, extent.high, extent.negativeWidth, extent.positiveWidth)
    let labels = chart.categories.map { TerminalText.visible($0) }
    let names = chart.seriesNames.map { TerminalText.visible($0) }
    let seriesWidth = multi ? max(1, min(16, width / 5, names.map { DisplayWidth.of($0) }.max() ?? 0)) : 0
    var reserveLeft = negativeWidth > 0 ? negativeWidth + 1 : 0
    var reserveRight = positiveWidth > 0 ? positiveWidth + 1 : 0
    // The label column takes what the bars leave, at most 2/5 of the width.
    var fixed = 1 + (multi ? seriesWidth + 1 : 0) + reserveLeft + 1 + reserveRight
    // Values too long to print beside bars of at least 4 cells are left out (the SVG and the
    // rows still have them), rather than drawing past the width.
    let showValues = width - fixed >= 1 + 4
    if !showValues {
      reserveLeft = 0
      reserveRight = 0
      fixed = 1 + (multi ? seriesWidth + 1 : 0) + 1
      texts = texts.map { $0.map { _ in nil } }
    }
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

    // Runs of blocks and spaces are cut from two strings made once (no string per bar for them).
    let runs = Runs(length: width)
    var lines: [String] = []
    lines.reserveCapacity(chart.categories.count * (multi ? chart.seriesNames.count + 1 : 1) + 3)
    for p in chart.categories.indices {
      if multi && p > 0 { lines.append("") }
      for s in chart.seriesNames.indices {
        var line = ""
        if s == 0 {
          let label = DisplayWidth.truncate(labels[p], to: labelWidth)
          line += label
          line += runs.spaces(labelWidth - DisplayWidth.of(label) + 1)
        } else {
          line += runs.spaces(labelWidth + 1)
        }
        if multi { line += DisplayWidth.pad(DisplayWidth.truncate(names[s], to: seriesWidth), to: seriesWidth, alignLeft: true) + " " }
        let value = chart.values[s][p]?.doubleValue
        let text = texts[s][p] ?? ""
        if let value, value < 0 {
          let halves = Int((-value * scale * 2).rounded())
          let barWidth = halves / 2 + halves % 2
          line += runs.spaces(reserveLeft + negativeCells - (showValues ? DisplayWidth.of(text) + 1 : 0) - barWidth)
          if showValues {
            line += text
            line += " "
          }
          if colour && halves > 0 { line += ChartPalette.start(s) }
          if halves % 2 == 1 { line += "▐" }
          line += runs.blocks(halves / 2)
          if colour && halves > 0 { line += ChartPalette.reset }
          line += "│"
        } else {
          line += runs.spaces(reserveLeft + negativeCells)
          line += "│"
          if let value {
            let eighths = Int((value * scale * 8).rounded())
            if eighths > 0 {
              if colour { line += ChartPalette.start(s) }
              line += runs.blocks(eighths / 8)
              line += CellCharts.eighths[eighths % 8]
              if colour { line += ChartPalette.reset }
            }
            if showValues {
              line += " "
              line += text
            }
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

/// Runs of spaces and full blocks of up to `length` cells, cut from two strings made once.
struct Runs {
  private let spaceText: String
  private let blockText: String

  init(length: Int) {
    spaceText = String(repeating: " ", count: max(0, length))
    blockText = String(repeating: "█", count: max(0, length))
  }

  /// `n` spaces (none for n ≤ 0).
  func spaces(_ n: Int) -> Substring {
    Substring(spaceText.utf8.prefix(max(0, n)))
  }

  /// `n` full blocks (each 3 bytes of UTF-8).
  func blocks(_ n: Int) -> Substring {
    Substring(blockText.utf8.prefix(3 * max(0, n)))
  }
}
