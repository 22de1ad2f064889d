import HQEngine

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

  static let pages: [Page] = stages + functions + aggregates + operators + clauses + sources

  /// The aggregates that share no page with another.
  static let aggregates: [Page] = [
    Page(topic: "max", kind: "aggregate", text: "max(expr): the largest value (min(expr) the smallest); text compares in Swedish order.", example: "from facts | summarize hi = max(value) by year"),
    Page(topic: "count_distinct", kind: "aggregate", text: "count_distinct(expr): how many distinct non-null values.", example: "from facts | summarize indicators = count_distinct(indicator) by report"),
    Page(topic: "stddev", kind: "aggregate", text: "stddev(expr): the sample standard deviation (n − 1) of the non-null values.", example: "from facts | where kind == \"utfall\" | summarize s = stddev(value) by indicator"),
    Page(topic: "first", kind: "aggregate", text: "first(expr) / last(expr): the value of the group's first / last row, in row order (in derive, in the group's `sort` order).", example: "from facts | where kind == \"utfall\" | sort year | summarize from_value = first(value), to_value = last(value) by indicator"),
    Page(topic: "last", kind: "aggregate", text: "last(expr): the value of the group's last row, in row order (in derive, in the group's `sort` order).", example: "from facts | where kind == \"utfall\" | sort year | summarize latest = last(value) by indicator"),
  ]

  /// Operators, each with its own topic (`.help ~`, `.help in`).
  static let operators: [Page] = {
    let comparison = "a == b, a != b, a < b, a <= b, a > b, a >= b: numbers by value, text in Swedish order; null compared with anything is null (a row where it is tested is not kept)."
    let arithmetic = "a + b, a - b, a * b, a / b, a % b: exact decimal arithmetic; null in, null out; a / 0 is null; % is the remainder with the sign of a."
    var pages = ["==", "!=", "<", "<=", ">", ">="].map {
      Page(topic: $0, kind: "operator", text: comparison, example: "from facts | where year >= 2023 and unit != \"%\"")
    }
    pages += ["+", "-", "*", "/", "%"].map {
      Page(topic: $0, kind: "operator", text: arithmetic, example: "from facts | where kind == \"utfall\" | select indicator, year, thousands = value * 1000, half = value / 2")
    }
    pages += [
      Page(topic: "~", kind: "operator", text: "text ~ part: true when part occurs in text, folding case, diacritics one way (a matches å, ä) and dashes and white space; !~ is its negation.", example: "from facts | where indicator ~ \"lakemedel\""),
      Page(topic: "!~", kind: "operator", text: "text !~ part: true when part does not occur in text (folded as ~ folds); null text is neither.", example: "from facts | where table ~ \"nyckeltal\" and indicator !~ \"förnybara\""),
      Page(topic: "in", kind: "operator", text: "x in [a, b, …]: true when x equals one of the list's values; not in its negation.", example: "from facts | where year in [2022, 2024] and kind in [\"utfall\", \"mål\"]"),
      Page(topic: "is", kind: "operator", text: "x is null, x is not null: whether x has no value (== null is always null, never true).", example: "from facts | where rank is not null | select indicator, year, rank"),
      Page(topic: "and", kind: "operator", text: "a and b, a or b, not a: logic with null as unknown (false and null is false, true or null is true).", example: "from facts | where (year == 2024 or year == 2023) and not (unit == \"%\")"),
      Page(topic: "or", kind: "operator", text: "a or b: true when either is true (null when neither is true and one is null).", example: "from facts | where kind == \"budget\" or kind == \"prognos\""),
      Page(topic: "not", kind: "operator", text: "not a: true when a is false, null when a is null; also in `not in`, `is not null`.", example: "from goals | where not (status == \"helt\")"),
    ]
    return pages
  }()

  /// The words a stage reads after its first part.
  static let clauses: [Page] = [
    Page(topic: "by", kind: "clause", text: "… by col, …: the groups of summarize, derive (an aggregate or window function per group), compare, pivot and top … per; without by, all rows are one group.", example: "from facts | summarize n = count() by report, kind"),
    Page(topic: "per", kind: "clause", text: "top N by expr per col, …: N rows of each group.", example: "from facts | where kind == \"avvikelse\" | top 2 by value per report"),
    Page(topic: "vs", kind: "clause", text: "compare COLUMN A vs B: the two values of COLUMN set side by side.", example: "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | compare year 2023 vs 2024 by indicator"),
    Page(topic: "value", kind: "clause", text: "compare … value EXPR, pivot … value EXPR: what is compared or spread (default: the value column); an aggregate in pivot.", example: "from facts | where rank is not null | compare year 2022 vs 2024 value rank by indicator"),
    Page(topic: "on", kind: "clause", text: "join SOURCE on col, … (equal names) or on col == other_col: the columns rows are matched by.", example: "from facts | select report, indicator | join reports on report == id | take 3"),
    Page(topic: "into", kind: "clause", text: "unpivot col, … into NAME, VALUE: the names of the two columns the turned columns become.", example: "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | pivot year by indicator | unpivot `2023`, `2024` into year, value"),
    Page(topic: "asc", kind: "clause", text: "sort expr asc|desc, top N by expr asc|desc: ascending (the default for sort) or descending (the default for top).", example: "from facts | sort year desc, value asc | take 5"),
    Page(topic: "desc", kind: "clause", text: "desc: descending, largest first (text: ö before a); nulls stay last.", example: "from facts | sort value desc | take 5"),
  ]

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
    Page(topic: "describe", kind: "stage", text: "One row per column of the pipeline so far: name, type, values, distinct values, min, max and the most frequent values.", example: "from facts | describe"),
    Page(topic: "top", kind: "stage", text: "The N rows with the highest (or, with asc, lowest) value: `top N by expr [asc|desc] [per col, …]`; with `per`, N rows of each group.", example: "from facts | top 3 by value per report"),
    Page(topic: "compare", kind: "stage", text: "Puts the rows where COLUMN is A and where it is B side by side with `delta` and `change_pct`: `compare COLUMN A vs B [value EXPR] [by col, …]`; `value EXPR` compares EXPR (e.g. rank) instead of `value`. A side that matches no row gives a warning.", example: "from facts | where indicator ~ \"antibiotika\" | compare year 2023 vs 2024"),
    Page(topic: "pivot", kind: "stage", text: "One column per distinct value of COLUMN: `pivot COLUMN [value EXPR] [by col, …]`.", example: "from facts | where table ~ \"nyckeltalsjämförelse\" and kind == \"utfall\" | select indicator, year, value | pivot year by indicator"),
    Page(topic: "join", kind: "stage", text: "Joins another source on equal columns: `join SOURCE on col, …`, or `on col == other_col` when the names differ. `left join` keeps every row, `right join` every row of SOURCE, `full join` both; `semi join` keeps the rows with a match, `anti join` those without.", example: "from facts | select report, indicator, value | join reports on report == id"),
    Page(topic: "union", kind: "stage", text: "Adds the rows of another source, columns matched by name (missing ones empty): `union SOURCE`.", example: "let a = from goals | where status == \"helt\"\nfrom goals | where status == \"delvis\" | union a"),
    Page(topic: "unpivot", kind: "stage", text: "Turns columns into rows: `unpivot col, … into NAME, VALUE`; NAME is a number when every column name is one.", example: "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | pivot year by indicator | unpivot `2023`, `2024` into year, value"),
    Page(topic: "chart", kind: "stage", text: "Draws the rows, ending the pipeline: `chart bar VALUE, … by LABEL` (a bar per row; negative bars left of zero), `chart line VALUE by X` (a line over X, numbers in order), `series COL` for one bar or line per value of COL (at most 8), `title \"…\"`, `swedish` (12 345,6 and −3), `width N`. In the terminal in Unicode blocks and braille; as SVG with .once FILE.svg, .output FILE.svg or --format svg; as PNG with .once FILE.png (needs rsvg-convert). See docs/CHARTS.md.", example: "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" and indicator ~ \"antibiotika\" | chart line value by year title \"Antibiotikarecept\""),
    Page(topic: "let", kind: "statement", text: "Binds a pipeline to a name usable as a source for the rest of the session: `let NAME = PIPELINE`; or defines a function usable in every expression: `let NAME(PARAM, …) = EXPR`.", example: "let costs = from facts | where kind == \"utfall\"\nlet pct(a, b) = round(a / b * 100, 1)\nfrom costs | select indicator, p = pct(value, 1000)"),
    Page(topic: "search", kind: "source", text: "The report lines that contain the text (folded as `~` folds: case, dashes, white space, accents one way), with report, section and line: `search \"text\"`.", example: "search \"tillgänglighet\" | take 5"),
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
    Page(topic: "concat", kind: "function", text: "concat(a, b, …): the arguments as one text (numbers as text(x) writes them; nulls left out).", example: "from facts | select label = concat(indicator, \" (\", unit, \")\")"),
    Page(topic: "substr", kind: "function", text: "substr(text, start [, length]): the characters from start (1 is the first) on, length of them.", example: "from goals | select short = substr(name, 1, 10)"),
    Page(topic: "replace", kind: "function", text: "replace(text, from, to): every occurrence of from replaced by to (exact case).", example: "from facts | select u = replace(unit, \"mnkr\", \"miljoner kronor\")"),
    Page(topic: "trim", kind: "function", text: "trim(text): without spaces, tabs and line breaks at either end.", example: "from goals | select t = trim(name)"),
    Page(topic: "split_part", kind: "function", text: "split_part(text, separator, n): the n-th part (1 is the first, -1 the last); empty text when there is none.", example: "from facts | where period != \"\" | select period, first_year = split_part(period, \"–\", 1)"),
    Page(topic: "matches", kind: "function", text: "matches(text, pattern): true when the regular expression matches somewhere in text; (?i) ignores case. Write a backslash as \\\\.", example: "from facts | where matches(indicator, \"^Antal\")"),
    Page(topic: "extract", kind: "function", text: "extract(text, pattern [, group]): the first match of the regular expression (or its group); null when none.", example: "from facts | select period, first = extract(period, \"\\\\d{4}\")"),
    Page(topic: "regex_replace", kind: "function", text: "regex_replace(text, pattern, replacement): every match replaced; \\\\1 … \\\\9 in the replacement are the groups.", example: "from goals | select n = regex_replace(name, \"\\\\s+och\\\\s+\", \" & \")"),
    Page(topic: "number", kind: "function", text: "number(text): the number written in text, plain (-1204.1) or Swedish (1 204,1, −5,8, 5,8 %, 12 450,0 mnkr); null when it is none.", example: "from goals | take 1 | select n = number(\"12 450,0 mnkr\")"),
    Page(topic: "text", kind: "function", text: "text(x): a number or true/false as text (25.5, true).", example: "from facts | select label = concat(text(year), \": \", indicator)"),
    Page(topic: "sqrt", kind: "function", text: "sqrt(x), ln(x), log10(x), exp(x): square root, natural and base-10 logarithm, e^x (null outside their domain; 15 significant digits).", example: "from facts | where value > 0 | select value, r = sqrt(value)"),
    Page(topic: "ln", kind: "function", text: "ln(x): the natural logarithm (null for x ≤ 0).", example: "from facts | where value > 0 | select value, l = ln(value)"),
    Page(topic: "exp", kind: "function", text: "exp(x): e to the power x.", example: "from goals | take 1 | select e = exp(1)"),
    Page(topic: "log10", kind: "function", text: "log10(x): the base-10 logarithm (null for x ≤ 0).", example: "from facts | where value > 0 | select value, digits = floor(log10(value)) + 1"),
    Page(topic: "pow", kind: "function", text: "pow(x, y): x to the power y (exact for whole y). Average annual growth: pow(last / first, 1 / years) - 1.", example: "from facts | where indicator ~ \"antibiotika\" and kind == \"utfall\" | summarize growth = pow(last(value) / first(value), 1 / 7) - 1"),
    Page(topic: "mod", kind: "function", text: "mod(a, b), a % b: the remainder of a / b, with the sign of a; null when b is 0.", example: "from facts | where year % 2 == 0"),
    Page(topic: "bar", kind: "function", text: "bar(x, max [, width]): x as a bar of x / max × width cells (10 by default), in eighths of a cell; empty for x ≤ 0, full from max on.", example: "from facts | where kind == \"avvikelse\" and year == 2017 | select indicator, value, b = bar(abs(value), 250)"),
    Page(topic: "case", kind: "expression", text: "case when COND then A [when COND then B …] [else D] end: the result of the first true condition, else D (null without else).", example: "from facts | select indicator, size = case when value > 1000 then \"large\" when value > 10 then \"medium\" else \"small\" end"),
    Page(topic: "count()", kind: "aggregate", text: "count() counts rows; count(expr) the non-null values; count_distinct(expr) the distinct ones.", example: "from facts | summarize n = count() by report"),
    Page(topic: "sum", kind: "aggregate", text: "sum(expr): the exact sum, nulls skipped.", example: "from facts | summarize total = sum(value) by year"),
    Page(topic: "avg", kind: "aggregate", text: "avg(expr): the mean of the non-null values.", example: "from facts | summarize mean = avg(value) by indicator"),
    Page(topic: "min", kind: "aggregate", text: "min(expr) / max(expr): the smallest / largest value.", example: "from facts | summarize lo = min(value), hi = max(value)"),
    Page(topic: "median", kind: "aggregate", text: "median(expr), stddev(expr), first(expr), last(expr).", example: "from facts | summarize m = median(value) by indicator"),
    Page(topic: "percentile", kind: "aggregate", text: "percentile(expr, p): the continuous p-quantile (0 ≤ p ≤ 1), interpolated between the two values around it, exact.", example: "from facts | summarize p90 = percentile(value, 0.9) by indicator"),
    Page(topic: "variance", kind: "aggregate", text: "variance(expr): the sample variance (n − 1), exact to 12 decimals.", example: "from facts | summarize v = variance(value) by indicator"),
    Page(topic: "list", kind: "aggregate", text: "list(expr [, separator]): the group's non-null values as one text, in row order, separated by \", \" or the separator.", example: "from goals | summarize names = list(name, \"; \") by status"),
    Page(topic: "spark", kind: "aggregate", text: "spark(expr): the group's values as a sparkline in row order, ▁ for the smallest to █ for the largest (eight levels; a null is a space). Sort first for the order you want.", example: "from facts | where table ~ \"nyckeltal\" and kind == \"utfall\" | sort year | summarize trend = spark(value) by indicator"),
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
    Page(topic: "lines", kind: "source", text: "Every line of every report's text: report, section, line, text (what `search` reads).", example: "from lines | where text ~ \"ekonomi i balans\" | take 3"),
    Page(topic: "reports", kind: "source", text: "One row per loaded report: id, title, organisation, committee, year, period, kind, source and counts.", example: "from reports"),
  ]

  /// The index (no topic) or one topic's page.
  static func page(for topic: String?, functions: [UserFunction] = []) throws(ShellError) -> String {
    guard let topic = topic?.lowercased().trimmingPrefix(".") else { return index(functions: functions) }
    let key = String(topic)
    if let function = functions.first(where: { $0.name.lowercased() == key }) {
      return "\(function.signature) (your function)\n  \(function.definition)\n\nCall it in any expression with \(function.parameters.count) argument\(function.parameters.count == 1 ? "" : "s"), e.g.:\n  from facts | derive x = \(function.name)(…)\n"
    }
    if let page = pages.first(where: { $0.topic == key || $0.topic == key + "()" }) {
      return "\(page.topic) (\(page.kind))\n  \(page.text)\n\nExample:\n  \(page.example)\n"
    }
    if let command = MetaCommand.catalog.first(where: { $0.name == key }) {
      return "\(command.usage)\n  \(command.summary)\n\nExample:\n  \(metaExample(command.name))\n"
    }
    if let format = OutputFormat(name: key) {
      return "\(format.rawValue) (format)\n  \(format.helpText)\n\nExample:\n  \(format.helpExample)\n"
    }
    if key == "format" || key == "formats" {
      return formatsPage
    }
    let all = pages.map(\.topic) + MetaCommand.catalog.map(\.name) + ["formats"] + OutputFormat.allCases.map(\.rawValue)
      + functions.map(\.name)
    let hint = Suggestions.nearest(to: key, in: all).map { "did you mean '\($0)'?" } ?? ".help lists the topics"
    throw ShellError("no help for '\(key)'", help: hint)
  }

  /// `.help formats`: every output format with its summary.
  static var formatsPage: String {
    "Output formats (.format NAME, --format NAME; .output/.once FILE take it from the file's extension):\n"
      + OutputFormat.allCases.map { "  \(pad($0.rawValue, 9)) \($0.summary)\n" }.joined()
      + "\n.help NAME shows one, e.g. .help xlsx\n\nExample:\n  .format json\n"
  }

  static func index(functions: [UserFunction] = []) -> String {
    var text = """
      hq queries Region Halland's reports as data. A statement is a pipeline:

        from facts | where year == 2024 | summarize total = sum(value) by indicator | sort total desc

      Stages:    \(stages.filter { $0.kind == "stage" }.map(\.topic).joined(separator: " "))
      Sources:   facts goals sections reports lines, `search "text"`, loaded tables, `let` views
      Functions: \(Self.functions.filter { $0.kind == "function" }.map(\.topic).joined(separator: " "))
      Expressions: case when … then … [else …] end, a % b (remainder)
      Aggregates: count() count(x) count_distinct(x) sum avg min max median stddev first last percentile variance list spark
      Window functions (in derive): \(Self.functions.filter { $0.kind == "window function" }.map(\.topic).joined(separator: " "))
      Your functions: \(functions.isEmpty ? "none yet; define one with let pct(a, b) = round(a / b * 100, 1)" : functions.map(\.signature).joined(separator: " "))

      Commands:

      """
    for command in MetaCommand.catalog {
      text += "  \(pad(command.usage, 22)) \(command.summary)\n"
    }
    text += "\nFormats:   \(OutputFormat.allCases.map(\.rawValue).joined(separator: " "))\n"
    text += "\n.help TOPIC shows a page with an example, e.g. `.help compare`, `.help load`, `.help formats`, `.help xlsx`.\n"
    return text
  }

  /// A meta command's example as its page shows it: each line, with its note in brackets
  /// after it when it has one.
  static func metaExample(_ name: String) -> String {
    let lines = metaExamples(name)
    let width = lines.filter { $0.note != nil }.map(\.line.count).max() ?? 0
    return lines.map { example in
      example.note.map { pad(example.line, width) + "  (" + $0 + ")" } ?? example.line
    }.joined(separator: "\n  ")
  }

  /// The lines of a meta command's example, each with an optional note; a test runs them.
  static func metaExamples(_ name: String) -> [(line: String, note: String?)] {
    switch name {
    case "load":
      [(".load kolada.csv as kolada", nil),
       (".load /dev/stdin as kolada.csv", "no extension in PATH: NAME.csv gives the kind"),
       (".load export.csv encoding=cp1252", "a file saved by Excel; found out without encoding=, with a note")]
    case "run": [(".run Scripts/examples/year-over-year.hq from=2022 to=2023", nil)]
    case "save":
      [("from goals | where status == \"delvis\" | select name", nil),
       (".save my-analysis.hq", "the statement and what it needs, to .run again")]
    case "output":
      [(".output result.csv", "csv, from the extension; .xlsx a workbook, one sheet per statement"),
       (".output result.txt json", "a format named after the file")]
    case "once":
      [(".once top5.json", nil), (".once trend.svg", "then a pipeline ending in chart"),
       ("from facts | where indicator ~ \"antibiotika\" and kind == \"utfall\" | chart line value by year", nil)]
    case "format": [(".format markdown", nil)]
    case "set": [(".set year 2024", nil), ("from facts | where year == $year | count", nil)]
    case "unset": [(".unset year", "after .set year 2024")]
    case "timer": [(".timer on", nil)]
    case "maxrows": [(".maxrows 100", nil), (".maxrows all", "every row, as files and pipes always get")]
    case "numbers":
      [(".numbers sv", nil),
       ("from facts | where value > 100000 | select indicator, value", "shown as 2 381 640 and 196 465 in table and line output")]
    case "schema": [(".schema facts", nil)]
    case "export": [(".export reports.json", nil)]
    case "help": [(".help summarize", nil)]
    default: [(".\(name)", nil)]
    }
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }
}
