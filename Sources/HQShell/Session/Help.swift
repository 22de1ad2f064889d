/// The `.help` pages: one per stage, function, meta command and output format, each with an
/// example over the bundled reports.
enum Help {
  /// A topic's page: name, what it does, an example.
  struct Page {
    var topic: String
    var kind: String
    var text: String
    var example: String
  }

  static let pages: [Page] = stages + functions + sources

  static let stages: [Page] = [
    Page(topic: "from", kind: "source", text: "Starts a pipeline: `from SOURCE`. Sources: facts, goals, sections, reports, lines, unread, loaded tables and `let` views.", example: "from goals | take 5"),
    Page(topic: "where", kind: "stage", text: "Keeps the rows for which the condition is true (null counts as false).", example: "from facts | where year == 2024 and value > 100"),
    Page(topic: "select", kind: "stage", text: "Keeps, renames or computes columns: `select ITEM, …` where ITEM is `expr` or `name = expr`.", example: "from facts | select indicator, year, value"),
    Page(topic: "derive", kind: "stage", text: "Adds computed columns and keeps the others: `derive name = expr, … [by col, …] [sort key, …]`. An aggregate is computed over the row's group (all rows without `by`); window functions (lag, lead, row_number, rank, dense_rank, running_sum, moving_avg) follow `sort` within the group. Rows keep their order.", example: "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | derive previous = lag(value), share = value / sum(value) by indicator sort year"),
    Page(topic: "summarize", kind: "stage", text: "Aggregates rows: `summarize name = AGG(expr), … [by expr, …]`; one row per group.", example: "from facts | summarize n = count(), total = sum(value) by report"),
    Page(topic: "sort", kind: "stage", text: "Orders rows: `sort expr [asc|desc], …`. Text sorts in Swedish order (… z å ä ö), nulls last.", example: "from facts | sort value desc"),
    Page(topic: "take", kind: "stage", text: "Keeps the first N rows: `take N`.", example: "from facts | take 10"),
    Page(topic: "distinct", kind: "stage", text: "Removes duplicate rows, or keeps one row per distinct value of the named columns: `distinct [col, …]`.", example: "from facts | distinct indicator"),
    Page(topic: "count", kind: "stage", text: "Replaces the rows by one row with one column: how many there were.", example: "from goals | count"),
    Page(topic: "top", kind: "stage", text: "The N rows with the highest (or, with asc, lowest) value: `top N by expr [asc|desc] [per col, …]`; with `per`, N rows of each group.", example: "from facts | top 3 by value per report"),
    Page(topic: "compare", kind: "stage", text: "Puts the rows where COLUMN is A and where it is B side by side with `delta` and `change_pct`: `compare COLUMN A vs B [value EXPR] [by col, …]`; `value EXPR` compares EXPR (e.g. rank) instead of `value`. A side that matches no row gives a warning.", example: "from facts | where indicator ~ \"antibiotika\" | compare year 2023 vs 2024"),
    Page(topic: "pivot", kind: "stage", text: "One column per distinct value of COLUMN: `pivot COLUMN [value EXPR] [by col, …]`.", example: "from facts | where table ~ \"nyckeltalsjämförelse\" and kind == \"utfall\" | select indicator, year, value | pivot year by indicator"),
    Page(topic: "join", kind: "stage", text: "Joins another source on equal columns: `join SOURCE on col, …` (inner) or `left join`.", example: "from facts | select id = report, indicator, value | join reports on id"),
    Page(topic: "let", kind: "statement", text: "Binds a pipeline to a name usable as a source for the rest of the session: `let NAME = PIPELINE`.", example: "let costs = from facts | where kind == \"utfall\""),
    Page(topic: "search", kind: "source", text: "The report lines that contain the text (case and diacritics folded), with report, section and line: `search \"text\"`.", example: "search \"tillgänglighet\" | take 5"),
  ]

  static let functions: [Page] = [
    Page(topic: "abs", kind: "function", text: "abs(x): the absolute value.", example: "from facts | select d = abs(value)"),
    Page(topic: "round", kind: "function", text: "round(x [, digits]): rounds half away from zero.", example: "from facts | select r = round(value, 1)"),
    Page(topic: "floor", kind: "function", text: "floor(x): the largest whole number not above x.", example: "from facts | select f = floor(value)"),
    Page(topic: "ceil", kind: "function", text: "ceil(x): the smallest whole number not below x.", example: "from facts | select c = ceil(value)"),
    Page(topic: "lower", kind: "function", text: "lower(text): in lower case.", example: "from goals | select lower(name)"),
    Page(topic: "upper", kind: "function", text: "upper(text): in upper case.", example: "from goals | select upper(name)"),
    Page(topic: "length", kind: "function", text: "length(text): the number of characters.", example: "from goals | select n = length(name)"),
    Page(topic: "contains", kind: "function", text: "contains(text, part): true when part occurs in text (exact case).", example: "from goals | where contains(name, \"vård\")"),
    Page(topic: "startswith", kind: "function", text: "startswith(text, prefix).", example: "from facts | where startswith(indicator, \"Ant\")"),
    Page(topic: "endswith", kind: "function", text: "endswith(text, suffix).", example: "from facts | where endswith(unit, \"%\")"),
    Page(topic: "coalesce", kind: "function", text: "coalesce(a, b, …): the first argument that is not null.", example: "from facts | select r = coalesce(rank, 0)"),
    Page(topic: "if", kind: "function", text: "if(condition, then, else).", example: "from facts | select level = if(value > 100, \"high\", \"low\")"),
    Page(topic: "count()", kind: "aggregate", text: "count() counts rows; count(expr) the non-null values; count_distinct(expr) the distinct ones.", example: "from facts | summarize n = count() by report"),
    Page(topic: "sum", kind: "aggregate", text: "sum(expr): the exact sum, nulls skipped.", example: "from facts | summarize total = sum(value) by year"),
    Page(topic: "avg", kind: "aggregate", text: "avg(expr): the mean of the non-null values.", example: "from facts | summarize mean = avg(value) by indicator"),
    Page(topic: "min", kind: "aggregate", text: "min(expr) / max(expr): the smallest / largest value.", example: "from facts | summarize lo = min(value), hi = max(value)"),
    Page(topic: "median", kind: "aggregate", text: "median(expr), stddev(expr), first(expr), last(expr).", example: "from facts | summarize m = median(value) by indicator"),
    Page(topic: "lag", kind: "window function", text: "lag(x [, n]) / lead(x [, n]): x from the row n (default 1) before / after in the group's `sort` order; null past the group's ends. Only in derive.", example: "from facts | where kind == \"utfall\" | derive previous = lag(value) by indicator sort year"),
    Page(topic: "lead", kind: "window function", text: "lead(x [, n]): x from the row n (default 1) after in the group's `sort` order. Only in derive.", example: "from facts | where kind == \"utfall\" | derive next = lead(value) by indicator sort year"),
    Page(topic: "row_number", kind: "window function", text: "row_number(): 1, 2, 3, … in the group's `sort` order (input order without sort). Only in derive.", example: "from facts | derive n = row_number() by report"),
    Page(topic: "rank", kind: "window function", text: "rank() / dense_rank(): the place in the group's `sort` order; ties share a place, rank leaves gaps after them, dense_rank does not. Needs `sort`. Only in derive.", example: "from facts | where year == 2024 | derive placing = rank() by table sort value desc"),
    Page(topic: "dense_rank", kind: "window function", text: "dense_rank(): as rank(), without gaps after ties. Only in derive.", example: "from facts | where year == 2024 | derive placing = dense_rank() by table sort value desc"),
    Page(topic: "running_sum", kind: "window function", text: "running_sum(x): the exact sum of x over the group's rows so far, in `sort` order (nulls skipped). Only in derive.", example: "from facts | where kind == \"utfall\" | derive so_far = running_sum(value) by indicator sort year"),
    Page(topic: "moving_avg", kind: "window function", text: "moving_avg(x, n): the mean of x over the row and the n − 1 rows before it in the group's `sort` order (nulls skipped). Only in derive.", example: "from facts | where kind == \"utfall\" | derive smooth = moving_avg(value, 2) by indicator sort year"),
  ]

  static let sources: [Page] = [
    Page(topic: "facts", kind: "source", text: "Every number read from the reports: report, section, table, indicator, measure, kind, period, year, value, unit, rank, rank_of, line, row_role (detail, part, subtotal, total: sum only detail rows to count nothing twice).", example: "from facts | where report ~ \"2017\" | take 5"),
    Page(topic: "unread", kind: "source", text: "Numbers seen in the reports but not read as facts, because their row or column meaning is not determined: report, section, table, line, text, reason.", example: "from unread | summarize n = count() by reason"),
    Page(topic: "goals", kind: "source", text: "The goals the reports follow up, with their status: report, name, status, line.", example: "from goals | summarize n = count() by status"),
    Page(topic: "sections", kind: "source", text: "The headed sections of each report: report, number, title, level, line, text.", example: "from sections | where level == 1"),
    Page(topic: "reports", kind: "source", text: "One row per loaded report: id, title, organisation, committee, year, period, kind, source and counts.", example: "from reports"),
  ]

  /// The index (no topic) or one topic's page.
  static func page(for topic: String?) throws(ShellError) -> String {
    guard let topic = topic?.lowercased().trimmingPrefix(".") else { return index() }
    let key = String(topic)
    if let page = pages.first(where: { $0.topic == key || $0.topic == key + "()" }) {
      return "\(page.topic) (\(page.kind))\n  \(page.text)\n\nExample:\n  \(page.example)\n"
    }
    if let command = MetaCommand.catalog.first(where: { $0.name == key }) {
      return "\(command.usage)\n  \(command.summary)\n\nExample:\n  \(metaExample(command.name))\n"
    }
    if key == "format" || key == "formats" || OutputFormat(rawValue: key) != nil {
      return "Output formats (.format NAME, --format NAME):\n"
        + OutputFormat.allCases.map { "  \(pad($0.rawValue, 9)) \($0.summary)\n" }.joined()
        + "\nExample:\n  .format json\n"
    }
    let all = pages.map(\.topic) + MetaCommand.catalog.map(\.name) + ["format"]
    let hint = Suggestions.nearest(to: key, in: all).map { "; did you mean '\($0)'?" } ?? ""
    throw ShellError("no help for '\(key)'\(hint); .help lists the topics")
  }

  static func index() -> String {
    var text = """
      hq queries Region Halland's reports as data. A statement is a pipeline:

        from facts | where year == 2024 | summarize total = sum(value) by indicator | sort total desc

      Stages:    \(stages.filter { $0.kind == "stage" }.map(\.topic).joined(separator: " "))
      Sources:   facts goals sections reports lines, `search "text"`, loaded tables, `let` views
      Functions: \(functions.filter { $0.kind == "function" }.map(\.topic).joined(separator: " "))
      Aggregates: count() count(x) count_distinct(x) sum avg min max median stddev first last
      Window functions (in derive): \(functions.filter { $0.kind == "window function" }.map(\.topic).joined(separator: " "))

      Commands:

      """
    for command in MetaCommand.catalog {
      text += "  \(pad(command.usage, 22)) \(command.summary)\n"
    }
    text += "\n.help TOPIC shows a page with an example, e.g. `.help compare`, `.help load`, `.help format`.\n"
    return text
  }

  static func metaExample(_ name: String) -> String {
    switch name {
    case "load": ".load kolada.csv as kolada\n  .load /dev/stdin as kolada.csv    (no extension in PATH: NAME.csv gives the kind)"
    case "run": ".run Scripts/examples/budget-deviations-2017.hq"
    case "save": ".save my-analysis.hq"
    case "output": ".output result.csv"
    case "once": ".once top5.json"
    case "format": ".format markdown"
    case "set": ".set year 2024    (then: from facts | where year == $year)"
    case "unset": ".unset year"
    case "timer": ".timer on"
    case "schema": ".schema facts"
    case "export": ".export reports.json"
    case "help": ".help summarize"
    default: ".\(name)"
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
