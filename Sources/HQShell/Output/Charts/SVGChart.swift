import HQData
import HQEngine

/// A ``Chart`` as a standalone SVG image: title, legend, axes with ticks and labels, bars or
/// lines, all text as SVG `<text>` (searchable, editable) in fonts every system has.
///
/// Every drawn bar is a `<rect class="bar">` and every point of a line a `<circle
/// class="point">` (up to ``maxMarkedPoints`` per chart; the lines are `<polyline
/// class="series">`), each carrying its series, label and value as `data-*` attributes, so a
/// test or a script can check the picture against the data.
public struct SVGChart {
  var chart: Chart

  static let width = 720
  static let fontFamily = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif"
  /// Lines with more points than this are drawn without a circle per point.
  static let maxMarkedPoints = 500
  /// The average advance of a character at 12 px, for laying out labels.
  static let characterWidth = 7.0

  public init(_ chart: Chart) {
    self.chart = chart
  }

  var numbers: ChartNumbers { ChartNumbers(swedish: chart.swedish) }

  /// The SVG document.
  public func render() -> String {
    var body = SVGWriter()
    var top = 16.0
    if let title = chart.title {
      top += 8
      body.text(title, x: Double(Self.width) / 2, y: top, className: "title", anchor: "middle", size: 16, weight: "bold")
      top += 12
    }
    if chart.seriesNames.count > 1 { top = legend(&body, top: top + 8) }
    let height: Double
    switch chart.kind {
    case .bar: height = bars(&body, top: top + 8)
    case .line: height = lines(&body, top: top + 8)
    }
    let h = Int(height.rounded(.up))
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Self.width)" height="\(h)" viewBox="0 0 \(Self.width) \(h)" \
      font-family="\(Self.fontFamily)" font-size="12">

      """
    out += "<title>\(SVGWriter.escape(chart.title ?? "\(chart.valueName) by \(chart.labelName)"))</title>\n"
    out += "<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
    out += body.text
    out += "</svg>\n"
    return out
  }

  /// The legend's swatches and names, wrapped over rows; returns the y below it.
  private func legend(_ body: inout SVGWriter, top: Double) -> Double {
    var x = 16.0
    var y = top
    body.open("g", "class=\"legend\"")
    for (i, name) in chart.seriesNames.enumerated() {
      let shown = SVGWriter.truncate(name, to: 40)
      let entry = 18 + Double(shown.count) * Self.characterWidth + 16
      if x > 16 && x + entry > Double(Self.width) - 16 {
        x = 16
        y += 18
      }
      body.element("rect", "x=\"\(fmt(x))\" y=\"\(fmt(y - 9))\" width=\"12\" height=\"12\" fill=\"\(ChartPalette.hex[i])\"")
      body.text(shown, x: x + 16, y: y + 1, className: "legend-label")
      x += entry
    }
    body.close("g")
    return y + 14
  }
}

/// Builds SVG markup: elements, escaped text, numbers with at most two decimals.
struct SVGWriter {
  /// The markup, as UTF-8: appending bytes costs a tenth of appending to a `String`, and a
  /// chart may have 10 000 bars.
  private var bytes: [UInt8] = []

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Markup as it is, appended.
  mutating func raw(_ markup: String) {
    bytes.append(contentsOf: markup.utf8)
  }

  /// A number as ``fmt(_:)`` writes it (at most two decimals, no trailing zeros), appended.
  mutating func number(_ value: Double) {
    let hundredths = Int((value * 100).rounded())
    if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = hundredths.magnitude
    appendDigits(magnitude / 100)
    let rest = magnitude % 100
    guard rest != 0 else { return }
    bytes.append(UInt8(ascii: "."))
    bytes.append(UInt8(ascii: "0") + UInt8(rest / 10))
    if rest % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(rest % 10)) }
  }

  private mutating func appendDigits(_ value: UInt) {
    if value >= 10 { appendDigits(value / 10) }
    bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

  mutating func reserve(_ count: Int) {
    bytes.reserveCapacity(bytes.count + count)
  }

  mutating func element(_ name: String, _ attributes: String) {
    raw("<")
    raw(name)
    raw(" ")
    raw(attributes)
    raw("/>\n")
  }

  mutating func open(_ name: String, _ attributes: String) {
    raw("<")
    raw(name)
    raw(" ")
    raw(attributes)
    raw(">\n")
  }

  mutating func close(_ name: String) {
    raw("</")
    raw(name)
    raw(">\n")
  }

  mutating func text(
    _ content: String, x: Double, y: Double, className: String, anchor: String = "start", size: Int? = nil, weight: String? = nil
  ) {
    raw("<text class=\"")
    raw(className)
    raw("\" x=\"")
    number(x)
    raw("\" y=\"")
    number(y)
    raw("\"")
    if anchor != "start" {
      raw(" text-anchor=\"")
      raw(anchor)
      raw("\"")
    }
    if let size { raw(" font-size=\"\(size)\"") }
    if let weight { raw(" font-weight=\"\(weight)\"") }
    raw(">")
    raw(Self.escape(content))
    raw("</text>\n")
  }

  /// Text and attribute values with `&`, `<`, `>`, `"` and `'` escaped, and control
  /// characters (which XML 1.0 forbids) left out.
  static func escape(_ text: String) -> String {
    // Most labels need nothing escaped: then the text itself, without building a copy. (Text
    // with a 0xC2 or 0xEF byte, which begin the C1 controls and U+FFFE/U+FFFF, takes the slow
    // path below, which decides per character.)
    let plain = text.utf8.allSatisfy { byte in
      byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
        && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "'") && byte != 0x7F && byte != 0xC2 && byte != 0xEF
    }
    if plain { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n": out += " "
      default:
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `text` cut to `count` characters, ending in `…` when cut.
  static func truncate(_ text: String, to count: Int) -> String {
    text.count <= count ? text : String(text.prefix(count - 1)) + "…"
  }
}

/// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `12.25`.
func fmt(_ value: Double) -> String {
  let hundredths = Int((value * 100).rounded())
  let whole = hundredths / 100
  let rest = abs(hundredths % 100)
  let sign = hundredths < 0 && whole == 0 ? "-" : ""
  if rest == 0 { return sign + String(whole) }
  return sign + String(whole) + (rest % 10 == 0 ? ".\(rest / 10)" : rest < 10 ? ".0\(rest)" : ".\(rest)")
}
