/// A test a reader can run on a record's cells while it reads them, before building the
/// record's row (predicate pushdown, issue 16): a `where` stage's filter in the few forms a
/// cell's bytes decide (a column against a number or a text, null or not), as a conjunction of
/// clauses, each a disjunction of tests.
///
/// It may keep more rows than the filter does, never fewer: a test a cell cannot decide
/// (text that may be written another way, a cell that does not read as a number) keeps the row, and a
/// filter part it cannot express is left out (``HQEngine`` runs the whole filter on the rows it
/// keeps and checks that they include every row the filter keeps).
public struct RowPrefilter: Sendable, Hashable {
  /// One test of one cell.
  public enum Test: Sendable, Hashable {
    /// The cell, read as a number, compared with a constant; an empty cell (null) fails.
    case number(column: Int, ComparisonOperator, Number)
    /// The cell's text equal (or, `equal` false, not equal) to the text of these bytes; an
    /// empty cell (null) fails. `oneWay`: the text has no character from U+0300 up, so it is
    /// written one way only (Unicode's canonical forms of such text are the text itself):
    /// a cell of such characters with other bytes is another text. Made by
    /// ``text(column:_:equal:)``.
    case text(column: Int, bytes: [UInt8], equal: Bool, oneWay: Bool)
    /// The cell empty (null), or (`isNull` false) not.
    case null(column: Int, isNull: Bool)

    public var column: Int {
      switch self {
      case .number(let column, _, _), .text(let column, _, _, _), .null(let column, _): column
      }
    }

    /// The test of a cell's text against `text`.
    public static func text(column: Int, _ text: String, equal: Bool) -> Test {
      .text(column: column, bytes: Array(text.utf8), equal: equal, oneWay: !text.unicodeScalars.contains { $0.value >= 0x300 })
    }
  }

  /// Every clause must hold; a clause holds when one of its tests does.
  public var clauses: [[Test]]

  public init(clauses: [[Test]]) {
    self.clauses = clauses
  }

  /// The columns the tests read, ascending.
  public var columns: [Int] {
    Set(clauses.flatMap { $0.map(\.column) }).sorted()
  }
}

/// A comparison of two values (`==`, `!=`, `<`, `<=`, `>`, `>=`).
public enum ComparisonOperator: Sendable, Hashable {
  case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

  /// Whether an ordering result (-1, 0, 1) satisfies the operator.
  @inline(__always)
  public func holds(_ order: Int) -> Bool {
    switch self {
    case .equal: order == 0
    case .notEqual: order != 0
    case .less: order < 0
    case .lessOrEqual: order <= 0
    case .greater: order > 0
    case .greaterOrEqual: order >= 0
    }
  }

  /// The operator with its sides swapped: `5 < x` is `x > 5`.
  public var mirrored: ComparisonOperator {
    switch self {
    case .equal, .notEqual: self
    case .less: .greater
    case .lessOrEqual: .greaterOrEqual
    case .greater: .less
    case .greaterOrEqual: .lessOrEqual
    }
  }
}
