import HQData
import HQSyntax

/// What a pipeline ending in `chart` produces: the numbers to draw, arranged as series over an
/// x axis, with the words a picture needs (title, axis names, unit). The shell draws it in the
/// terminal or as SVG; nothing here knows about either.
///
/// `values[s][i]` is series `s` at the i-th x position (``categories`` or ``positions``; see
/// ``label(at:)``); nil where the series has no value there (a null, or a row missing for
/// that x).
public struct Chart: Sendable {
  public typealias Kind = ChartStage.Kind

  public var kind: Kind
  public var title: String?
  /// Numbers written as Swedish writes them (`1 234,5`, `−3`), from the `swedish` option.
  public var swedish: Bool
  /// The text width asked for with `width N`; nil: the terminal's (80 when not a terminal).
  public var width: Int?
  /// The name of what the bars or lines measure: the value column, or the value columns
  /// joined with `, ` when each is a series.
  public var valueName: String
  /// The name of the label (bar) or x (line) column.
  public var labelName: String
  /// The name of the `series` column, when the series come from one.
  public var seriesName: String?
  /// The one unit of the rows drawn (the `unit` column), when there is one.
  public var unit: String?
  /// The labels at the x positions, in drawing order (bars top to bottom, x left to right);
  /// empty when the positions are numbers (``positions``), which are written only when drawn.
  public var categories: [String]
  /// For a line chart over a number column: the x value of each position, increasing. Nil
  /// when the positions are categories, evenly spaced.
  public var positions: [Number]?
  /// The series in the order they first appear, each with its name.
  public var seriesNames: [String]
  /// `values[series][position]`.
  public var values: [[Number?]]
  /// The rows the chart was drawn from (for output that cannot draw).
  public var table: Table

  /// The most series a chart draws: as many as there are colours and markers to tell them apart.
  public static let maxSeries = 8

  public init(
    kind: Kind, title: String?, swedish: Bool, width: Int?, valueName: String, labelName: String, seriesName: String?,
    unit: String?, categories: [String], positions: [Number]?, seriesNames: [String], values: [[Number?]], table: Table
  ) {
    self.kind = kind
    self.title = title
    self.swedish = swedish
    self.width = width
    self.valueName = valueName
    self.labelName = labelName
    self.seriesName = seriesName
    self.unit = unit
    self.categories = categories
    self.positions = positions
    self.seriesNames = seriesNames
    self.values = values
    self.table = table
  }

  /// How many x positions (bars, or points of each line) there are.
  public var count: Int { positions?.count ?? categories.count }

  /// The label of x position `p`: its category, or its number as hq writes numbers.
  public func label(at p: Int) -> String {
    positions.map { $0[p].description } ?? categories[p]
  }

  /// The name on the value axis: `value (mnkr)`, or the value name alone without a unit. When
  /// the series are value columns (`chart bar \`2023\`, \`2024\` by …`), the legend names them
  /// and the axis only the unit (empty without one).
  public var valueAxisName: String {
    if seriesName == nil && seriesNames.count > 1 { return unit ?? "" }
    return unit.map { "\(valueName) (\($0))" } ?? valueName
  }

  /// The smallest and largest value drawn, or nil when there is none.
  public var valueRange: (min: Double, max: Double)? {
    var low = Double.infinity
    var high = -Double.infinity
    for series in values {
      for case let value? in series {
        let d = value.doubleValue
        if d < low { low = d }
        if d > high { high = d }
      }
    }
    return low <= high ? (low, high) : nil
  }
}

/// The result of one statement: rows, or a chart of them.
public enum StatementResult: Sendable {
  case table(Table)
  case chart(Chart)

  /// The rows: the table itself, or the rows the chart was drawn from.
  public var table: Table {
    switch self {
    case .table(let table): table
    case .chart(let chart): chart.table
    }
  }
}
