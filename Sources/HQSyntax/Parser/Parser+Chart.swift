extension Parser {
  /// `chart bar|line VALUE, … by LABEL [series COL] [title "…"] [swedish] [width N]`, after the
  /// `chart` keyword. The options may come in any order, each once.
  mutating func parseChart() throws(ParseError) -> ChartStage {
    let example = "chart bar value by indicator"
    let kindToken = current
    guard kindToken.kind == .identifier, let kind = ChartStage.Kind(rawValue: kindToken.value) else {
      let help = kindToken.kind == .identifier
        ? Suggestion.bestMatch(for: kindToken.value, in: Keywords.chartKinds).map { "did you mean '\($0)'?" } ?? example
        : example
      throw error("expected the kind of chart after 'chart' (bar or line), found \(kindToken.displayName)", at: kindToken.range, help: help)
    }
    advance()
    let kindExample = "chart \(kind.rawValue) value by \(kind == .bar ? "indicator" : "year")"
    let values = try parseNameList("expected the column of numbers to draw after 'chart \(kind.rawValue)'", help: kindExample)
    _ = try expectWord("by", "expected 'by' and the column of the \(kind == .bar ? "bar labels" : "x axis")", help: kindExample)
    let label = try parseName("expected the column of the \(kind == .bar ? "bar labels" : "x axis") after 'by'", help: kindExample)
    var chart = ChartStage(
      kind: kind, kindRange: kindToken.range, values: values, label: label, series: nil, title: nil, swedish: false, width: nil)
    var seen: Set<String> = []
    while !atStageEnd {
      let word = current
      guard word.kind == .identifier, Keywords.chartOptions.contains(word.value) else {
        let help = word.kind == .identifier
          ? Suggestion.bestMatch(for: word.value, in: Keywords.chartOptions).map { "did you mean '\($0)'?" }
          : nil
        throw error(
          "expected a chart option (series, title, swedish, width) or the end of the chart, found \(word.displayName)", at: word.range,
          help: help ?? "for example: \(kindExample) series report title \"Utfall\"")
      }
      if !seen.insert(word.value).inserted {
        throw error("'\(word.value)' is written twice in this 'chart'", at: word.range)
      }
      advance()
      switch word.value {
      case "series":
        chart.series = try parseName("expected the column that splits the rows into series after 'series'", help: "\(kindExample) series report")
      case "title":
        let text = try expect(.string, "expected the title in double quotes after 'title'", help: "\(kindExample) title \"Utfall per år\"")
        chart.title = text.value
      case "swedish":
        chart.swedish = true
      default:
        chart.width = try parseCount(after: "width")
      }
    }
    return chart
  }
}
