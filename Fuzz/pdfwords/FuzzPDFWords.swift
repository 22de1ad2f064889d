import HQData
import HQReports
@testable import HQLoaders

/// libFuzzer entry for PDF word geometry: arbitrary bytes taken as the output of
/// `pdftotext -tsv` through ``PDFWords/parse(_:)`` (pages and word boxes), ``PDFLayout/text(of:)``
/// (rows, tables as Markdown, page furniture) and then ``ReportIngester`` on the text, exactly
/// the path of a `.load x.pdf`.
///
/// Coordinates come from the input, so they can be huge, negative, overlapping or infinite;
/// any crash is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPDFWords(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
  let text = PDFLayout.text(of: PDFWords.parse(bytes))
  let result = ReportIngester.ingest(text: text, source: "fuzz.pdf")
  _ = result.model.allTables()
  return 0
}
