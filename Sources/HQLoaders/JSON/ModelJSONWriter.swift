import HQData
import HQReports

/// Encodes a ``HQReports/ReportModel`` as an hq model file (docs/MODEL-json.md).
///
/// Hand-written so that the key order is fixed, numbers are exact (``HQData/Number``'s
/// shortest spelling, never a binary float) and each record sits on one line, which keeps
/// exported models diffable.
enum ModelJSONWriter {
  static func encode(_ model: ReportModel) -> [UInt8] {
    var out = JSONOutput()
    out.raw("{\n  \"format\": \"hq-model\",\n  \"version\": \(ModelJSONReader.version),\n")
    // The records' keys are the stored columns of the sources' declarations
    // (HQReports/Model/ReportColumns.swift), in their order.
    out.records(ReportModel.reportsColumns, model.reports.map { ReportRow(report: $0) }, last: false)
    out.records(ReportModel.factsColumns, model.facts, last: false)
    out.records(ReportModel.goalsColumns, model.goals, last: false)
    out.records(ReportModel.sectionsColumns, model.sections, last: false)
    out.records(ReportModel.linesColumns, model.lines, last: false)
    out.records(ReportModel.unreadColumns, model.unread, last: true)
    out.raw("}\n")
    return out.bytes
  }
}

/// A byte buffer with JSON writing helpers.
struct JSONOutput {
  enum Scalar {
    case text(String)
    case int(Int?)
    case number(Number)
  }

  private(set) var bytes: [UInt8] = []

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

  mutating func array<T>(_ key: String, _ items: [T], last: Bool, _ write: (inout JSONOutput, T) -> Void) {
    raw("  \"\(key)\": [")
    for (i, item) in items.enumerated() {
      raw(i == 0 ? "\n    " : ",\n    ")
      write(&self, item)
    }
    raw(items.isEmpty ? "]" : "\n  ]")
    raw(last ? "\n" : ",\n")
  }

  /// The array `table.name` with one object per row, holding the table's stored columns.
  mutating func records<Row>(_ table: ModelTable<Row>, _ rows: [Row], last: Bool) {
    let columns = table.storedColumns
    array(table.name, rows, last: last) { o, row in
      o.fields(columns.map { column in
        switch column.get(row) {
        case .text(let s): (column.name, .text(s))
        case .int(let n): (column.name, .int(n))
        case .number(let n): (column.name, .number(n))
        }
      })
    }
  }

  mutating func fields(_ fields: [(String, Scalar)]) {
    bytes.append(UInt8(ascii: "{"))
    for (i, (key, value)) in fields.enumerated() {
      if i > 0 { raw(", ") }
      string(key)
      raw(": ")
      switch value {
      case .text(let s) where s.isEmpty: raw("null")  // an empty text is null, as in the tables
      case .text(let s): string(s)
      case .int(let n?): raw(String(n))
      case .int(nil): raw("null")
      case .number(let n): raw(n.description)
      }
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`.
  mutating func string(_ s: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): raw("\\\"")
      case UInt8(ascii: "\\"): raw("\\\\")
      case 0x0A: raw("\\n")
      case 0x0D: raw("\\r")
      case 0x09: raw("\\t")
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        raw("\\u00")
        bytes.append(hex[Int(byte >> 4)])
        bytes.append(hex[Int(byte & 15)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
