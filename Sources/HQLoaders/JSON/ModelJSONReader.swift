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
      LoadError(file: path, offset: offset, in: bytes, message: message)
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
    // Each record is read by the source's column declarations
    // (HQReports/Model/ReportColumns.swift): their keys, kinds and defaults.
    var model = ReportModel()
    model.reports = try records(root, ReportModel.reportsColumns).map(\.report)
    model.facts = try records(root, ReportModel.factsColumns)
    model.goals = try records(root, ReportModel.goalsColumns)
    model.sections = try records(root, ReportModel.sectionsColumns)
    model.lines = try records(root, ReportModel.linesColumns)
    model.unread = try records(root, ReportModel.unreadColumns)
    return model
  }

  /// The rows of `table`'s array: each starts as the table's blank row and takes the stored
  /// columns' keys, checked in column order.
  private func records<Row>(_ root: JSONObject, _ table: ModelTable<Row>) throws(LoadError) -> [Row] {
    let columns = table.storedColumns
    return try records(root, table.name) { (object: JSONObject) throws(LoadError) -> Row in
      var row = table.blank
      for column in columns {
        guard let set = column.set, let cell = try object.cell(column.name, column.kind) else { continue }
        set(&row, cell)
      }
      return row
    }
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

  /// The value of `key` read as a column of `kind`; nil when absent (or null) and the row's
  /// default stands.
  func cell(_ key: String, _ kind: ModelCellKind) throws(LoadError) -> ModelCell? {
    switch kind {
    case .text(let required):
      return .text(try text(key, required: required))
    case .choice(let choices, let required):
      return try choice(key, choices, required: required).map(ModelCell.text)
    case .int:
      return try int(key).map { .int($0) }
    case .number:
      return .number(try number(key))
    case .computed:
      return nil
    }
  }

  /// One of `choices`; absent or null gives nil unless `required`.
  func choice(_ key: String, _ choices: [String], required: Bool) throws(LoadError) -> String? {
    let listed = choices.joined(separator: ", ")
    guard let value = values[key], !isNull(value) else {
      if required { throw missing(key, "one of \(listed)") }
      return nil
    }
    guard case .string(let s) = value.kind, choices.contains(s) else {
      throw failure(value.offset, "unknown \(key) \(describe(value)); expected one of \(listed)")
    }
    return s
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
