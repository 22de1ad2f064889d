import HQData
import HQReports

/// libFuzzer entry for the input forms of report ingestion: Markdown pipe tables (cells with
/// `<br>`, `<!-- sida N -->` markers, as hq's own PDF layout and other converters write them),
/// layout-preserving text (columns aligned with spaces) and reading-order text (one cell per
/// line). The entry is the same as `ingest`'s; the seeds and dictionary are these forms, cut
/// from the synthetic reports in Tests/Fixtures/Synthetic.
///
/// The ingester promises never to fail and never to trap; any crash is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzForms(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
  let result = ReportIngester.ingest(text: text, source: "fuzz.md")
  _ = result.model.allTables()
  return 0
}
