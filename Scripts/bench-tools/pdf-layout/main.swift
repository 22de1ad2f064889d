// Times the PDF layout step alone: reading `pdftotext -tsv` output and laying it out
// (PDFWords.parse + PDFLayout.text), in-process, 50 runs. Built and run by
// Scripts/bench-tools/pdf-layout.sh; see docs/PERFORMANCE.md, "The PDF path".
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let pages = Int(arguments[2]),
  let data = FileManager.default.contents(atPath: arguments[1])
else {
  print("usage: pdf-layout-bench FILE.tsv PAGES")
  exit(2)
}
let bytes = [UInt8](data)
var times: [Double] = []
var length = 0
for _ in 0..<50 {
  let start = DispatchTime.now().uptimeNanoseconds
  let text = PDFLayout.text(of: PDFWords.parse(bytes))
  times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
  length = text.utf8.count
}
times.sort()
let median = times[times.count / 2]
print(
  String(
    format: "parse + layout: min %.2f ms, median %.2f ms for %d pages (%.3f ms a page); %d bytes of TSV, %d of text",
    times[0], median, pages, median / Double(pages), bytes.count, length))
