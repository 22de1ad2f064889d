/// The words of the language, for the parser's messages, completion and `.help`.
public enum Keywords {
  /// Stage keywords, in the order `.help` and completion list them.
  public static let stages = [
    "where", "select", "derive", "summarize", "sort", "take", "distinct", "count", "top",
    "compare", "pivot", "join", "left join", "right join", "full join", "semi join", "anti join",
    "union", "unpivot", "describe", "chart",
  ]

  /// The kinds of chart `chart` draws, and the options that may follow `chart KIND VALUE by LABEL`.
  public static let chartKinds = ["bar", "line"]
  public static let chartOptions = ["series", "title", "swedish", "width"]

  /// The words a statement may start with.
  public static let statementStarts = ["from", "search", "let"]

  /// Words reserved inside expressions; a column with one of these names needs backquotes.
  public static let expressionWords = ["and", "or", "not", "in", "is", "null", "true", "false"]

  /// Words from SQL, KQL, PRQL, dplyr and pandas that analysts type for a stage, with the hq
  /// stage to suggest instead.
  public static let stageAliases: [String: String] = [
    "filter": "where", "limit": "take", "head": "take", "order": "sort", "orderby": "sort",
    "arrange": "sort", "group": "summarize", "groupby": "summarize", "aggregate": "summarize",
    "agg": "summarize", "extend": "derive", "mutate": "derive", "project": "select",
    "unique": "distinct", "uniq": "distinct", "lookup": "join", "merge": "join",
    "append": "union", "bind_rows": "union", "concat": "union", "melt": "unpivot", "gather": "unpivot",
    "inner": "join", "outer": "full join", "summary": "describe", "info": "describe", "schema": "describe",
    "plot": "chart", "graph": "chart", "draw": "chart",
  ]

  /// The stage keywords as one readable list: `where, select, …, left join`.
  static var stageList: String { stages.joined(separator: ", ") }
}

/// The built-in functions, for completion and `.help`; the engine implements them.
public enum Functions {
  /// Scalar functions: one value per row.
  public static let names = [
    "abs", "round", "floor", "ceil", "lower", "upper", "length", "contains", "startswith",
    "endswith", "coalesce", "if", "concat", "substr", "replace", "trim", "split_part", "matches",
    "extract", "regex_replace", "number", "text", "sqrt", "pow", "ln", "exp", "log10", "mod",
    "bar",
  ]

  /// Aggregates, allowed in `summarize`, `derive` (over the row's group) and `pivot … value`.
  public static let aggregates = [
    "count", "count_distinct", "sum", "avg", "min", "max", "median", "stddev", "first", "last",
    "percentile", "variance", "list", "spark",
  ]

  /// Window functions, allowed only in `derive`: they read the rows of the row's group in the
  /// order of `derive … sort …`.
  public static let windows = [
    "lag", "lead", "row_number", "rank", "dense_rank", "running_sum", "moving_avg",
  ]

  /// Every function name, scalar functions first.
  public static var all: [String] { names + aggregates + windows }
}
