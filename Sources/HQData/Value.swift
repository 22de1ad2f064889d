/// One cell of a table, or the result of an expression.
///
/// The type system is deliberately small: analysts work with numbers, text, truth values and
/// missing values. Every number is an exact ``Number``; years and ranks are numbers too.
public enum Value: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Number)
  case text(String)

  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  public var type: ValueType? {
    switch self {
    case .null: nil
    case .bool: .bool
    case .number: .number
    case .text: .text
    }
  }

  public var number: Number? {
    if case .number(let n) = self { return n }
    return nil
  }

  public var text: String? {
    if case .text(let s) = self { return s }
    return nil
  }

  public var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public static func int(_ value: Int) -> Value { .number(Number(value)) }
}

extension Value: CustomStringConvertible {
  /// The plain rendering used by machine formats: numbers as ``Number/description``,
  /// text as is, `true`/`false`, and the empty string for null.
  public var description: String {
    switch self {
    case .null: ""
    case .bool(let b): b ? "true" : "false"
    case .number(let n): n.description
    case .text(let s): s
    }
  }
}

/// The type of a column or expression. Null belongs to every type.
public enum ValueType: String, Sendable, Hashable, CaseIterable {
  case number
  case text
  case bool

  /// The name used in schemas and error messages.
  public var name: String { rawValue }
}
