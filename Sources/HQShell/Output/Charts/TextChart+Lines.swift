import HQData
import HQEngine
import HQSyntax

extension TextChart {
  /// The value axis name, the plot (braille lines, markers, ticks on the left), the x axis
  /// with its labels, and the x axis name.
  func lines() -> [String] {
    guard let range = chart.valueRange else { return [] }
    // Rows so that every tick falls on a row: a whole number of rows per tick interval.
    let target = max(6, min(20, width * 3 / 20))
    let ticks = ChartTicks(min: range.min, max: range.max, count: max(2, target / 3))
    let intervals = max(1, Int(((ticks.high - ticks.low) / ticks.step).rounded()))
    let rowsPerInterval = max(1, Int((Double(target - 1) / Double(intervals)).rounded()))
    let rows = intervals * rowsPerInterval + 1
    // Tick labels longer than half the width are cut (with …) so the plot keeps its room.
    let labelWidth = min(width / 2, ticks.values.map { DisplayWidth.of(numbers.text($0, decimals: ticks.decimals)) }.max() ?? 1)
    let tickTexts = ticks.values.map { DisplayWidth.truncate(numbers.text($0, decimals: ticks.decimals), to: labelWidth) }
    let columns = max(4, width - labelWidth - 2)
    var grid = BrailleGrid(columns: columns, rows: rows)
    let layout = LineLayout(chart: chart, dotWidth: columns * 2, dotHeight: rows * 4, low: ticks.low, high: ticks.high)
    let sparse = chart.count * 4 <= columns
    for (s, series) in chart.values.enumerated() {
      var previous: (x: Int, y: Int)?
      var last: (x: Int, y: Int)?
      for (p, value) in series.enumerated() {
        guard let value else {
          previous = nil
          continue
        }
        let point = (x: layout.x(p), y: layout.y(value.doubleValue))
        if let from = previous { grid.line(from: from, to: point, series: s) } else { grid.dot(point.x, point.y, series: s) }
        if sparse { grid.mark(point.x / 2, point.y / 4, series: s) }
        previous = point
        last = point
      }
      if !sparse, let last { grid.mark(last.x / 2, last.y / 4, series: s) }
    }
    var tickRow = [Int: String]()
    for (i, text) in tickTexts.enumerated() { tickRow[(intervals - i) * rowsPerInterval] = text }
    var lines = chart.valueAxisName.isEmpty ? [] : [DisplayWidth.truncate(TerminalText.visible(chart.valueAxisName), to: width)]
    for row in 0..<rows {
      let prefix = tickRow[row].map { DisplayWidth.pad($0, to: labelWidth, alignLeft: false) + "┤" }
        ?? String(repeating: " ", count: labelWidth) + "│"
      lines.append(prefix + grid.row(row, colour: colour))
    }
    lines += xAxis(layout: layout, labelWidth: labelWidth, columns: columns)
    return lines
  }

  /// `└──┬──┬──`, the x labels centred under their ticks, and the x axis name.
  private func xAxis(layout: LineLayout, labelWidth: Int, columns: Int) -> [String] {
    var axis = Array(repeating: Character("─"), count: columns)
    var labels = AxisLabels(width: width)
    func tick(at dot: Int, _ text: String) {
      let cell = min(columns - 1, dot / 2)
      axis[cell] = "┬"
      labels.place(text, at: labelWidth + 1 + cell)
    }
    // A tick per position when their labels fit side by side, else nice ticks over numbers.
    // (Every label takes at least 3 columns with its gap: more than columns / 3 never fit.)
    let texts = chart.count * 3 > columns && chart.positions != nil ? []
      : chart.positions.map { $0.map(numbers.text) } ?? chart.categories.map { TerminalText.visible($0) }
    let widest = texts.map { DisplayWidth.of($0) }.max() ?? 1
    if let positions = chart.positions, texts.isEmpty || positions.count * (widest + 2) > columns,
      let first = positions.first, let last = positions.last
    {
      let ticks = ChartTicks(min: first.doubleValue, max: last.doubleValue, count: max(1, columns / 10))
      for value in ticks.values where value >= first.doubleValue && value <= last.doubleValue {
        tick(at: layout.x(value: value), numbers.text(value, decimals: ticks.decimals))
      }
    } else {
      for (p, text) in texts.enumerated() { tick(at: layout.x(p), text) }
    }
    return [String(repeating: " ", count: labelWidth) + "└" + String(axis), labels.text,
            centred(TerminalText.visible(chart.labelName), offset: labelWidth + 1, span: columns)]
  }
}

/// Where a line chart's values and x positions fall on the dot grid.
struct LineLayout {
  var chart: Chart
  var dotWidth: Int
  var dotHeight: Int
  var low: Double
  var high: Double

  /// The dot row of `value`: `high` in the middle of the top row of cells (dot row 1.5,
  /// rounded to 2), `low` in the middle of the bottom one, so values at the ticks are drawn
  /// level with the ticks' `┤`.
  func y(_ value: Double) -> Int {
    guard high > low else { return dotHeight / 2 }
    let row = Int(((high - value) / (high - low) * Double(dotHeight - 4) + 1.5).rounded())
    return min(dotHeight - 1, max(0, row))
  }

  /// The dot column of x position `p`: by value over numbers, evenly spaced over categories.
  func x(_ p: Int) -> Int {
    if let positions = chart.positions { return x(value: positions[p].doubleValue) }
    let n = chart.count
    guard n > 1 else { return dotWidth / 2 }
    return Int((Double(p) / Double(n - 1) * Double(dotWidth - 1)).rounded())
  }

  /// The dot column of an x value of a line over numbers.
  func x(value: Double) -> Int {
    guard let positions = chart.positions, let first = positions.first?.doubleValue, let last = positions.last?.doubleValue,
      last > first
    else { return dotWidth / 2 }
    return min(dotWidth - 1, max(0, Int(((value - first) / (last - first) * Double(dotWidth - 1)).rounded())))
  }
}

/// Cells of 2 × 4 braille dots, each remembering the series that drew in it last and,
/// where a point is marked, that series' marker.
struct BrailleGrid {
  let columns: Int
  let rows: Int
  private var dots: [UInt8]
  private var owner: [Int8]
  private var marker: [Int8]

  /// The bit of each dot in a braille cell (U+2800 + bits), by row then column.
  private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

  init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
    dots = [UInt8](repeating: 0, count: columns * rows)
    owner = [Int8](repeating: -1, count: columns * rows)
    marker = [Int8](repeating: -1, count: columns * rows)
  }

  mutating func dot(_ x: Int, _ y: Int, series: Int) {
    guard x >= 0, y >= 0, x < columns * 2, y < rows * 4 else { return }
    let cell = (y / 4) * columns + x / 2
    dots[cell] |= Self.bits[y % 4][x % 2]
    owner[cell] = Int8(series)
  }

  mutating func mark(_ column: Int, _ row: Int, series: Int) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    marker[row * columns + column] = Int8(series)
  }

  /// Bresenham's line between two dots, both included.
  mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), series: Int) {
    var x = a.x
    var y = a.y
    let dx = abs(b.x - x)
    let dy = -abs(b.y - y)
    let sx = x < b.x ? 1 : -1
    let sy = y < b.y ? 1 : -1
    var error = dx + dy
    while true {
      dot(x, y, series: series)
      if x == b.x && y == b.y { break }
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        x += sx
      }
      if e2 <= dx {
        error += dx
        y += sy
      }
    }
  }

  /// One row of cells as text: markers, braille, spaces; coloured runs when `colour`.
  func row(_ row: Int, colour: Bool) -> String {
    var text = ""
    var current: Int8 = -1
    for column in 0..<columns {
      let cell = row * columns + column
      let series = marker[cell] >= 0 ? marker[cell] : owner[cell]
      if colour && series != current && series >= 0 {
        if current >= 0 { text += ChartPalette.reset }
        text += ChartPalette.start(Int(series))
        current = series
      } else if colour && series < 0 && current >= 0 {
        text += ChartPalette.reset
        current = -1
      }
      if marker[cell] >= 0 {
        text.append(ChartPalette.markers[Int(marker[cell])])
      } else if dots[cell] != 0 {
        text.unicodeScalars.append(Unicode.Scalar(0x2800 + UInt32(dots[cell])) ?? " ")
      } else {
        text.append(" ")
      }
    }
    if colour && current >= 0 { text += ChartPalette.reset }
    return text
  }
}
