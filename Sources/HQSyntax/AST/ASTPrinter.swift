/// Prints the AST back as hq text, with every operator's operands in parentheses, so a
/// test (or a person) sees exactly how a statement was grouped.
///
///     from facts | where ((year == 2024) and (value > 5))
///
/// Names that are not plain words are backquoted and text is quoted with escapes, so the
/// printed form parses back to the same tree.
public enum ASTPrinter {
  public static func print(_ statement: Statement) -> String {
    switch statement.kind {
    case .pipeline(let pipeline): print(pipeline)
    case .binding(let name, let pipeline): "let \(print(name)) = \(print(pipeline))"
    case .function(let name, let parameters, let body):
      "let \(print(name))(\(parameters.map(print).joined(separator: ", "))) = \(print(body))"
    }
  }

  public static func print(_ pipeline: Pipeline) -> String {
    ([print(pipeline.source)] + pipeline.stages.map(print)).joined(separator: " | ")
  }

  public static func print(_ source: PipelineSource) -> String {
    switch source.kind {
    case .named(let name): "from \(print(name))"
    case .search(let text, _): "search \(quote(text))"
    }
  }

  public static func print(_ stage: Stage) -> String {
    switch stage.kind {
    case .where(let expr): "where \(print(expr))"
    case .select(let items): "select \(items.map(print).joined(separator: ", "))"
    case .derive(let items, let by, let sort):
      "derive \(items.map(print).joined(separator: ", "))" + printBy(by.isEmpty ? nil : by)
        + (sort.isEmpty ? "" : " sort " + sort.map(print).joined(separator: ", "))
    case .summarize(let aggregates, let by):
      (["summarize"] + (aggregates.isEmpty ? [] : [aggregates.map(print).joined(separator: ", ")])
        + (by.isEmpty ? [] : ["by " + by.map(print).joined(separator: ", ")])).joined(separator: " ")
    case .sort(let keys): "sort \(keys.map(print).joined(separator: ", "))"
    case .take(let count): "take \(print(count))"
    case .distinct(let names): (["distinct"] + (names.isEmpty ? [] : [names.map(print).joined(separator: ", ")])).joined(separator: " ")
    case .count: "count"
    case .describe: "describe"
    case .top(let count, let keys, let per):
      "top \(print(count)) by \(keys.map(print).joined(separator: ", "))"
        + (per.isEmpty ? "" : " per " + per.map(print).joined(separator: ", "))
    case .compare(let column, let first, let second, let value, let by):
      "compare \(print(column)) \(print(first.value)) vs \(print(second.value))"
        + (value.map { " value \(print($0))" } ?? "") + printBy(by)
    case .pivot(let column, let value, let by):
      "pivot \(print(column))" + (value.map { " value \(print($0))" } ?? "") + printBy(by)
    case .join(let kind, let source, let keys):
      "\(kind == .inner ? "join" : kind.rawValue + " join") \(printJoinSource(source)) on "
        + keys.map { $0.isSameName ? print($0.left) : "\(print($0.left)) == \(print($0.right))" }.joined(separator: ", ")
    case .union(let source): "union \(printJoinSource(source))"
    case .unpivot(let columns, let name, let value):
      "unpivot \(columns.map(print).joined(separator: ", ")) into \(print(name)), \(print(value))"
    case .chart(let chart):
      "chart \(chart.kind.rawValue) \(chart.values.map(print).joined(separator: ", ")) by \(print(chart.label))"
        + (chart.series.map { " series \(print($0))" } ?? "") + (chart.title.map { " title \(quote($0))" } ?? "")
        + (chart.swedish ? " swedish" : "") + (chart.width.map { " width \(print($0))" } ?? "")
    }
  }

  public static func print(_ expr: Expr) -> String {
    switch expr.kind {
    case .literal(let literal): print(literal)
    case .column(let name): printName(name)
    case .parameter(let name): "$" + name
    case .unary(.negate, let operand): "(-\(print(operand)))"
    case .unary(.not, let operand): "(not \(print(operand)))"
    case .binary(let op, let lhs, let rhs, _): "(\(print(lhs)) \(op.symbol) \(print(rhs)))"
    case .inList(let value, let list, let negated):
      "(\(print(value)) \(negated ? "not in" : "in") [\(list.map(print).joined(separator: ", "))])"
    case .isNull(let value, let negated): "(\(print(value)) is \(negated ? "not null" : "null"))"
    case .call(let name, let arguments): "\(name.name)(\(arguments.map(print).joined(separator: ", ")))"
    case .parenthesized(let inner): print(inner)
    case .caseWhen(let branches, let otherwise):
      "case " + branches.map { "when \(print($0.condition)) then \(print($0.result)) " }.joined()
        + (otherwise.map { "else \(print($0)) " } ?? "") + "end"
    }
  }

  public static func print(_ literal: Literal) -> String {
    switch literal {
    case .number(let digits): digits
    case .string(let text): quote(text)
    case .bool(let value): value ? "true" : "false"
    case .null: "null"
    }
  }

  static func print(_ item: SelectItem) -> String {
    (item.name.map { print($0) + " = " } ?? "") + print(item.expr)
  }

  static func print(_ key: SortKey) -> String {
    print(key.expr) + (key.direction.map { " " + $0.rawValue } ?? "")
  }

  static func print(_ count: StageCount) -> String {
    switch count.kind {
    case .literal(let value): String(value)
    case .parameter(let name): "$" + name
    }
  }

  static func print(_ name: Identifier) -> String { printName(name.name) }

  static func printBy(_ by: [Identifier]?) -> String {
    by.map { " by " + $0.map(print).joined(separator: ", ") } ?? ""
  }

  static func printJoinSource(_ source: PipelineSource) -> String {
    if case .named(let name) = source.kind { return print(name) }
    return print(source)
  }

  /// A name as a bare word when it lexes as one and is not reserved, else backquoted.
  public static func printName(_ name: String) -> String {
    let isWord = !name.isEmpty && !Keywords.expressionWords.contains(name)
      && name.unicodeScalars.enumerated().allSatisfy { offset, scalar in
        scalar == "_" || scalar.properties.isAlphabetic || (offset > 0 && scalar.properties.numericType != nil)
      }
    return isWord ? name : "`\(name)`"
  }

  /// Text in double quotes with `"`, `\`, newline and tab escaped.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
