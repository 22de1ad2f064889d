/// The colours and markers that tell a chart's series apart: series i has colour i and marker
/// i, in the terminal and in SVG alike. Eight of each (``HQEngine/Chart/maxSeries``).
///
/// The colours are the Tableau 10 palette's first eight, chosen to stay apart for the common
/// colour-vision deficiencies; in the terminal they are the nearest of the 256 xterm colours.
/// The markers differ in shape and fill, so a chart without colour (a file, a pipe, `NO_COLOR`)
/// still tells its series apart.
enum ChartPalette {
  static let hex = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
  static let xterm = [32, 208, 34, 160, 97, 94, 169, 244]
  static let markers: [Character] = ["●", "○", "■", "□", "▲", "△", "◆", "◇"]

  /// The escape sequence that starts series `i`'s colour in a terminal.
  static func start(_ i: Int) -> String { "\u{1B}[38;5;\(xterm[i % xterm.count])m" }
  /// The escape sequence that ends a colour.
  static let reset = "\u{1B}[0m"
}
