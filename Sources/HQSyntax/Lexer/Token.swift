/// One token: what it is, where it is, and for names and literals the value it stands for.
public struct Token: Sendable, Hashable {
  public var kind: TokenKind
  public var range: SourceRange
  /// The name of an identifier (without backquotes) or parameter (without `$`), the digits of
  /// a number, or the text of a string with escapes resolved; empty for punctuation.
  public var value: String
  /// A string or backquoted name whose closing quote is missing (it runs to the end of input).
  public var isUnterminated: Bool

  public init(_ kind: TokenKind, _ range: SourceRange, value: String = "", isUnterminated: Bool = false) {
    self.kind = kind
    self.range = range
    self.value = value
    self.isUnterminated = isUnterminated
  }

  /// True for a bare word spelled `word` (keywords are bare words the parser recognizes by
  /// position, so `value`, `by` or `count` can still name columns).
  public func isWord(_ word: String) -> Bool {
    kind == .identifier && value == word
  }

  /// The binary operator this token spells, if any (`and`/`or` are words).
  public var binaryOperator: BinaryOperator? {
    switch kind {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .less
    case .lessOrEqual: .lessOrEqual
    case .greater: .greater
    case .greaterOrEqual: .greaterOrEqual
    case .tilde: .contains
    case .notTilde: .notContains
    case .plus: .add
    case .minus: .subtract
    case .star: .multiply
    case .slash: .divide
    case .percent: .remainder
    case .identifier where value == "and": .and
    case .identifier where value == "or": .or
    default: nil
    }
  }

  /// True when a line ending with this token continues on the next line: `|`, a binary
  /// operator, `,`, `=`, or a word that needs something after it (`not`, `in`, `is`, and
  /// `case`, `when`, `then`, `else`).
  public var continuesStatement: Bool {
    switch kind {
    case .pipe, .comma, .assign, .leftParen, .leftBracket: true
    case .identifier:
      binaryOperator != nil || ["not", "in", "is", "case", "when", "then", "else"].contains(value)
    default: binaryOperator != nil
    }
  }

  /// How the token is named in "found …" messages.
  public var displayName: String {
    switch kind {
    case .identifier: "'\(value)'"
    case .quotedIdentifier: "`\(value)`"
    case .number: "the number \(value)"
    case .string: "the text \"\(value.count > 30 ? String(value.prefix(30)) + "…" : value)\""
    case .parameter: "'$\(value)'"
    case .newline: "the end of the line"
    case .endOfInput: "the end of the input"
    default: "'\(kind.rawValue)'"
    }
  }
}

/// The kinds of token. Keywords are not token kinds: they are `.identifier`s recognized by
/// the parser where they may appear.
public enum TokenKind: String, Sendable, Hashable {
  case identifier = "name"
  case quotedIdentifier = "`name`"
  case number
  case string = "text"
  case parameter = "$parameter"
  case pipe = "|"
  case comma = ","
  case semicolon = ";"
  case leftParen = "("
  case rightParen = ")"
  case leftBracket = "["
  case rightBracket = "]"
  case assign = "="
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case tilde = "~"
  case notTilde = "!~"
  case plus = "+"
  case minus = "-"
  case star = "*"
  case slash = "/"
  case percent = "%"
  /// A line break that ends a statement (see ``Lexer/statementTokens(_:)``).
  case newline = "end of line"
  case endOfInput = "end of input"
}
