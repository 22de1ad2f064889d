import HQData
import HQReports

/// libFuzzer entry for report ingestion: arbitrary bytes, decoded as UTF-8 with replacement
/// characters, through ``ReportIngester/ingest(text:source:)`` and the model's tables.
///
/// The ingester promises never to fail and never to trap; any crash is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let result = ReportIngester.ingest(text: text, source: "fuzz.txt")
  _ = result.model.allTables()
  return 0
}
