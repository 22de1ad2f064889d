import HQData
import HQReports
@testable import HQLoaders

/// libFuzzer entry for the model file reader (docs/MODEL-json.md): arbitrary bytes through
/// ``ModelJSONReader/read(_:file:)``. A model that reads is written back with
/// ``ModelJSONWriter/encode(_:)`` and read again, which must succeed with the same number of
/// records: what hq writes it must be able to read.
///
/// Every outcome must be a model or a located ``LoadError``; any crash is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  let model: ReportModel
  do {
    model = try ModelJSONReader.read(bytes, file: "fuzz.json")
  } catch {
    _ = error.description
    return 0
  }
  let written = ModelJSONWriter.encode(model)
  let again: ReportModel
  do {
    again = try written.withUnsafeBytes { try ModelJSONReader.read($0, file: "written.json") }
  } catch {
    fatalError("hq cannot read the model file it wrote: \(error)")
  }
  guard again.facts.count == model.facts.count, again.goals.count == model.goals.count,
    again.reports.count == model.reports.count, again.sections.count == model.sections.count
  else { fatalError("the model read back has other record counts than the model written") }
  return 0
}
