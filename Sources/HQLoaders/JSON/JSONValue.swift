/// A parsed JSON value that remembers where it started, so a model file's errors can say
/// `FILE:LINE:COL`. Numbers keep their spelling: they become exact ``HQData/Number``s later,
/// never `Double`s.
struct JSONValue {
  indirect enum Kind {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([Member])
  }

  /// One `"key": value` pair; `keyOffset` is where the key's opening quote is.
  struct Member {
    var key: String
    var keyOffset: Int
    var value: JSONValue
  }

  var kind: Kind
  /// The byte offset of the value's first character.
  var offset: Int

  /// What the value is, for messages: `a string`, `an object`, `null`, ….
  var description: String {
    switch kind {
    case .null: "null"
    case .bool: "true or false"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// A syntax error in a JSON document at a byte offset.
struct JSONSyntaxError: Error {
  var offset: Int
  var message: String
}
