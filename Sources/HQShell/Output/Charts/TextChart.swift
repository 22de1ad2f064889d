import HQData
import HQEngine
import HQSyntax

/// A ``Chart`` drawn with Unicode characters for a terminal, a text file or a pipe.
///
/// - Bar charts: one row per bar, the label on the left, the bar from a zero axis `│` (to the
///   right for positive values, to the left for negative ones), the value printed at its end;
///   bars are measured in eighths of a cell (`▏▎▍▌▋▊▉█`; negative bars in halves, `▐`). A
///   chart with series has a row per series under each label, named in a column.
/// - Line charts: the lines drawn in braille dots (2 × 4 per cell), each point marked with its
///   series' marker (``ChartPalette/markers``) when there is room, the value axis on the left
///   with nice ticks, the x axis below.
///
/// The chart fits `width` columns (at least 20 are used). With `colour`, each series is
/// drawn in its colour (ANSI 256-colour escapes); without, the text has no escape codes.
public struct TextChart {
  var chart: Chart
  var width: Int
  var colour: Bool

  public init(_ chart: Chart, width: Int, colour: Bool) {
    self.chart = chart
    self.width = max(20, width)
    self.colour = colour
  }

  var numbers: ChartNumbers { ChartNumbers(swedish: chart.swedish) }

  /// The whole chart, every line ending in a line break, no trailing spaces.
  public func render() -> String {
    var lines: [String] = []
    if let title = chart.title { lines.append(DisplayWidth.truncate(TerminalText.visible(title), to: width)) }
    if chart.seriesNames.count > 1 { lines += legend() }
    if lines.count > 0 { lines.append("") }
    switch chart.kind {
    case .bar: lines += bars()
    case .line: lines += self.lines()
    }
    var out = ""
    out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 1 })
    for line in lines {
      out += Self.trimTrailing(line)
      out += "\n"
    }
    return out
  }

  /// `● name  ○ name …` (`█ name` for bars), wrapped to the width.
  func legend() -> [String] {
    var lines: [String] = []
    var line = ""
    var used = 0
    for (i, name) in chart.seriesNames.enumerated() {
      let shown = DisplayWidth.truncate(TerminalText.visible(name), to: max(4, width - 2))
      let swatch = chart.kind == .bar ? "█" : String(ChartPalette.markers[i])
      let entryWidth = 2 + DisplayWidth.of(shown)
      if used > 0 && used + 2 + entryWidth > width {
        lines.append(line)
        line = ""
        used = 0
      }
      if used > 0 {
        line += "  "
        used += 2
      }
      line += painted(swatch, series: i) + " " + shown
      used += entryWidth
    }
    if used > 0 { lines.append(line) }
    return lines
  }

  /// `text` in series `i`'s colour when colour is on.
  func painted(_ text: String, series i: Int) -> String {
    colour && !text.isEmpty ? ChartPalette.start(i) + text + ChartPalette.reset : text
  }

  /// A centred line of `text` over `span` columns starting at `offset`.
  func centred(_ text: String, offset: Int, span: Int) -> String {
    let shown = DisplayWidth.truncate(text, to: max(1, width - offset))
    let lead = offset + max(0, (span - DisplayWidth.of(shown)) / 2)
    return String(repeating: " ", count: lead) + shown
  }

  static func trimTrailing(_ line: String) -> String {
    guard line.utf8.last == UInt8(ascii: " ") else { return line }
    var line = Substring(line)
    while line.last == " " { line = line.dropLast() }
    return String(line)
  }
}

/// Labels placed along an axis line at column positions, centred on them, leaving out any
/// that would overlap the one before or run past the end. Columns are display columns: a wide
/// character (年) takes two.
struct AxisLabels {
  private var cells: [String]
  private var lastEnd = -1

  init(width: Int) {
    cells = Array(repeating: " ", count: max(0, width))
  }

  mutating func place(_ text: String, at column: Int) {
    let width = DisplayWidth.of(text)
    let start = min(max(0, column - width / 2), cells.count - width)
    guard start > lastEnd, start >= 0, start + width <= cells.count else { return }
    var position = start
    for character in text {
      let w = DisplayWidth.of(character)
      if w == 0 {
        if position > start { cells[position - 1].append(character) }
        continue
      }
      cells[position] = String(character)
      if w == 2 { cells[position + 1] = "" }
      position += w
    }
    lastEnd = start + width
  }

  var text: String { TextChart.trimTrailing(cells.joined()) }
}
