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
    out.array("reports", model.reports, last: false) { o, r in
      o.fields([("id", .text(r.id)), ("title", .text(r.title)), ("organisation", .text(r.organisation)),
                ("committee", .text(r.committee)), ("year", .int(r.year)), ("period", .text(r.period)), ("kind", .text(r.kind)), ("source", .text(r.source))])
    }
    out.array("facts", model.facts, last: false) { o, f in
      o.fields([("report", .text(f.report)), ("section", .text(f.section)), ("table", .text(f.table)),
                ("indicator", .text(f.indicator)), ("measure", .text(f.measure)), ("kind", .text(f.kind.rawValue)),
                ("period", .text(f.period)), ("year", .int(f.year)), ("value", .number(f.value)), ("unit", .text(f.unit)),
                ("rank", .int(f.rank)), ("rank_of", .int(f.rankOf)), ("line", .int(f.line)),
                ("row_role", .text(f.rowRole.rawValue))])
    }
    out.array("goals", model.goals, last: false) { o, g in
      o.fields([("report", .text(g.report)), ("name", .text(g.name)), ("status", .text(g.status.rawValue)), ("line", .int(g.line))])
    }
    out.array("sections", model.sections, last: false) { o, s in
      o.fields([("report", .text(s.report)), ("number", .text(s.number)), ("title", .text(s.title)),
                ("level", .int(s.level)), ("line", .int(s.line)), ("text", .text(s.text))])
    }
    out.array("lines", model.lines, last: false) { o, l in
      o.fields([("report", .text(l.report)), ("section", .text(l.section)), ("line", .int(l.line)), ("text", .text(l.text))])
    }
    out.array("unread", model.unread, last: true) { o, u in
      o.fields([("report", .text(u.report)), ("section", .text(u.section)), ("table", .text(u.table)),
                ("line", .int(u.line)), ("text", .text(u.text)), ("reason", .text(u.reason))])
    }
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
