import HQData
import HQReports

/// Reads an hq model file (docs/MODEL-json.md) back into a ``HQReports/ReportModel``.
///
/// The whole file is checked before anything is returned: a wrong type, a missing key or an
/// unknown `kind` is an error at the offending value's `LINE:COL`, and no partial model is
/// produced. Keys the format does not define are ignored, so newer files stay readable.
enum ModelJSONReader {
  /// The `version` this reader understands; files with a larger one were written by a newer hq.
  static let version = 1

  static func read(_ file: FileBytes, file path: String) throws(LoadError) -> ReportModel {
    try read(file.buffer, file: path)
  }

  static func read(_ bytes: UnsafeRawBufferPointer, file path: String) throws(LoadError) -> ReportModel {
    let failure = { (offset: Int, message: String) -> LoadError in
      let place = TextPosition(of: offset, in: bytes)
      return LoadError(file: path, line: place.line, column: place.column, message: message)
    }
    if let bad = UTF8Check.firstInvalidOffset(in: bytes) {
      throw failure(bad, "invalid UTF-8; expected JSON encoded as UTF-8")
    }
    let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    let document: JSONValue
    do { document = try JSONParser.parse(bytes, from: start) } catch { throw failure(error.offset, error.message) }
    let decoder = ModelDecoder(failure: failure)
    return try decoder.model(document)
  }
}

/// Turns the parsed JSON into model values, with a located error for every mismatch.
struct ModelDecoder {
  let failure: (Int, String) -> LoadError

  func model(_ document: JSONValue) throws(LoadError) -> ReportModel {
    let root = try object(document, what: "an hq model file (an object with \"format\": \"hq-model\")")
    guard let format = root["format"], case .string("hq-model") = format.kind else {
      throw failure(document.offset, "not an hq model file; expected an object with \"format\": \"hq-model\"")
    }
    if let version = try root.int("version"), version > ModelJSONReader.version {
      throw failure(root["version"]?.offset ?? document.offset, "model format version \(version) is newer than this hq understands; expected version \(ModelJSONReader.version)")
    }
    var model = ReportModel()
    model.reports = try records(root, "reports") { (r: JSONObject) throws(LoadError) -> Report in
      Report(
        id: try r.text("id", required: true), title: try r.text("title"), organisation: try r.text("organisation"),
        committee: try r.text("committee"),
        year: try r.int("year"), period: try r.text("period"), kind: try r.text("kind"), source: try r.text("source"))
    }
    model.facts = try records(root, "facts") { (f: JSONObject) throws(LoadError) -> Fact in try fact(f) }
    model.goals = try records(root, "goals") { (g: JSONObject) throws(LoadError) -> Goal in
      Goal(
        report: try g.text("report", required: true), name: try g.text("name", required: true),
        status: try g.enumeration("status", GoalStatus.self, required: true) ?? .inte, line: try g.int("line") ?? 0)
    }
    model.sections = try records(root, "sections") { (s: JSONObject) throws(LoadError) -> Section in
      Section(
        report: try s.text("report", required: true), number: try s.text("number"), title: try s.text("title", required: true),
        level: try s.int("level") ?? 1, line: try s.int("line") ?? 0, text: try s.text("text"))
    }
    model.lines = try records(root, "lines") { (l: JSONObject) throws(LoadError) -> TextLine in
      TextLine(
        report: try l.text("report", required: true), section: try l.text("section"), line: try l.int("line") ?? 0,
        text: try l.text("text", required: true))
    }
    model.unread = try records(root, "unread") { (u: JSONObject) throws(LoadError) -> UnreadNumber in
      UnreadNumber(
        report: try u.text("report", required: true), section: try u.text("section"), table: try u.text("table"),
        line: try u.int("line") ?? 0, text: try u.text("text", required: true), reason: try u.text("reason"))
    }
    return model
  }

  private func fact(_ f: JSONObject) throws(LoadError) -> Fact {
    Fact(
      report: try f.text("report", required: true), section: try f.text("section"), table: try f.text("table"),
      indicator: try f.text("indicator", required: true), measure: try f.text("measure"),
      kind: try f.enumeration("kind", FactKind.self) ?? .värde, period: try f.text("period"), year: try f.int("year"),
      value: try f.number("value"), unit: try f.text("unit"), rank: try f.int("rank"), rankOf: try f.int("rank_of"),
      line: try f.int("line") ?? 0, rowRole: try f.enumeration("row_role", RowRole.self) ?? .detail)
  }

  /// The array under `key` (absent means none), each element decoded by `make`.
  private func records<T>(
    _ root: JSONObject, _ key: String, _ make: (JSONObject) throws(LoadError) -> T
  ) throws(LoadError) -> [T] {
    guard let value = root[key] else { return [] }
    guard case .array(let elements) = value.kind else {
      throw failure(value.offset, "expected an array for '\(key)', found \(value.description)")
    }
    var result: [T] = []
    result.reserveCapacity(elements.count)
    for element in elements {
      result.append(try make(try object(element, what: "an object for each element of '\(key)'")))
    }
    return result
  }

  func object(_ value: JSONValue, what: String) throws(LoadError) -> JSONObject {
    guard case .object(let members) = value.kind else {
      throw failure(value.offset, "expected \(what), found \(value.description)")
    }
    return JSONObject(members: members, offset: value.offset, failure: failure)
  }
}

/// One JSON object's members with typed, located accessors.
struct JSONObject {
  private var values: [String: JSONValue] = [:]
  let offset: Int
  let failure: (Int, String) -> LoadError

  init(members: [JSONValue.Member], offset: Int, failure: @escaping (Int, String) -> LoadError) {
    for member in members { values[member.key] = member.value }
    self.offset = offset
    self.failure = failure
  }

  subscript(key: String) -> JSONValue? { values[key] }

  private func missing(_ key: String, _ expected: String) -> LoadError {
    failure(offset, "missing key '\(key)' in this object; expected \(expected)")
  }

  /// A string; absent gives "" unless `required`; null gives "" (an empty text is written
  /// as null, and is null in the tables).
  func text(_ key: String, required: Bool = false) throws(LoadError) -> String {
    guard let value = values[key], !isNull(value) else {
      if required && values[key] == nil { throw missing(key, "a string") }
      return ""
    }
    guard case .string(let s) = value.kind else {
      throw failure(value.offset, "expected a string for '\(key)', found \(value.description)")
    }
    return s
  }

  /// A whole number; absent or null gives nil.
  func int(_ key: String) throws(LoadError) -> Int? {
    guard let value = values[key], !isNull(value) else { return nil }
    guard case .number(let text) = value.kind, let number = Number(text), let int = number.intValue else {
      throw failure(value.offset, "expected a whole number or null for '\(key)', found \(describe(value))")
    }
    return int
  }

  /// An exact number; required.
  func number(_ key: String) throws(LoadError) -> Number {
    guard let value = values[key] else { throw missing(key, "a number") }
    guard case .number(let text) = value.kind else {
      throw failure(value.offset, "expected a number for '\(key)', found \(value.description)")
    }
    guard let number = Number(text) else {
      throw failure(value.offset, "number out of range for '\(key)'; expected at most 18 significant digits")
    }
    return number
  }

  /// One of an enumeration's raw values; absent or null gives nil unless `required`.
  func enumeration<E: RawRepresentable & CaseIterable>(
    _ key: String, _ type: E.Type, required: Bool = false
  ) throws(LoadError) -> E? where E.RawValue == String {
    let choices = E.allCases.map(\.rawValue).joined(separator: ", ")
    guard let value = values[key], !isNull(value) else {
      if required { throw missing(key, "one of \(choices)") }
      return nil
    }
    guard case .string(let s) = value.kind, let result = E(rawValue: s) else {
      throw failure(value.offset, "unknown \(key) \(describe(value)); expected one of \(choices)")
    }
    return result
  }

  private func isNull(_ value: JSONValue) -> Bool {
    if case .null = value.kind { return true }
    return false
  }

  private func describe(_ value: JSONValue) -> String {
    switch value.kind {
    case .string(let s): "'\(s)'"
    case .number(let n): n
    default: value.description
    }
  }
}
