/// `chart bar|line VALUE, … by LABEL [series COL] [title "…"] [swedish] [width N]`: the last
/// stage of a pipeline, drawing its rows instead of listing them.
///
///     from facts | where kind == "avvikelse" | top 10 by abs(value) | chart bar value by indicator
///     from facts | where table ~ "nyckeltal" and kind == "utfall" | chart line value by year series indicator
///
/// `values` holds one column or several (`chart bar \`2023\`, \`2024\` by indicator` after a
/// `pivot` or `compare`: each column is a series); `series` splits one value column into
/// series by another column's values instead. The options may come in any order.
public struct ChartStage: Sendable, Hashable {
  /// What is drawn: horizontal bars in row order, or lines over an ordered x.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case bar
    case line
  }

  public var kind: Kind
  /// Where the kind word (`bar`, `line`) was written.
  public var kindRange: SourceRange
  /// The number columns drawn; more than one makes each column a series.
  public var values: [Identifier]
  /// The bar labels (bar charts) or the x axis (line charts).
  public var label: Identifier
  /// The column whose values split the rows into series (one bar or line each).
  public var series: Identifier?
  /// The text of `title "…"`.
  public var title: String?
  /// `swedish`: numbers on the axes and at the bars as Swedish prints them (`1 234,5`, `−3`).
  public var swedish: Bool
  /// `width N`: the text chart's width in columns instead of the terminal's.
  public var width: StageCount?

  public init(
    kind: Kind, kindRange: SourceRange, values: [Identifier], label: Identifier, series: Identifier?,
    title: String?, swedish: Bool, width: StageCount?
  ) {
    self.kind = kind
    self.kindRange = kindRange
    self.values = values
    self.label = label
    self.series = series
    self.title = title
    self.swedish = swedish
    self.width = width
  }
}
