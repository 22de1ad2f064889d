import Foundation
import HQReports
import Testing

@testable import HQLoaders

/// The fixture is made by Scripts/make-pdf-fixture; its four lines are listed there.
@Suite struct PDFTextTests {
  static let hasPDFToText = PDFText.findTool(environment: ProcessInfo.processInfo.environment, fallbacks: PDFText.fallbackDirectories) != nil

  @Test(.enabled(if: hasPDFToText, "pdftotext (poppler-utils) is not installed; run Scripts/setup"))
  func extractsTheFixtureText() throws {
    let text = try PDFText.extract(path: Fixtures.path("rapport.pdf"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
    #expect(lines == [
      "<!-- sida 1 -->",
      "Uppföljningsrapport 1 2025 för Testnämnden",
      "2.1 Ekonomi",
      "Nämnden redovisar ett överskott på 4,2 mnkr.",
      "Kostnad per invånare ökade med 3,5 procent.",
    ])
    #expect(!text.contains("\u{0C}"))
  }

  @Test(.enabled(if: hasPDFToText, "pdftotext (poppler-utils) is not installed; run Scripts/setup"))
  func loadingAPDFGivesAReportModel() throws {
    guard case .reports = try Loader.load(path: Fixtures.path("rapport.pdf"), as: nil) else {
      Issue.record("expected report rows from a PDF")
      return
    }
  }

  @Test(.enabled(if: hasPDFToText, "pdftotext (poppler-utils) is not installed; run Scripts/setup"))
  func aPDFFromAPipe() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let pdf = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("rapport.pdf"))))
    let writer = try FIFO.serve(dir.path + "/rapport.pdf", pdf)
    let text = try PDFText.extract(path: dir.path + "/rapport.pdf")
    writer.wait()
    #expect(text.split(separator: "\n").dropFirst().first == "Uppföljningsrapport 1 2025 för Testnämnden")
  }

  @Test(.enabled(if: hasPDFToText, "pdftotext (poppler-utils) is not installed; run Scripts/setup"))
  func aFileThatIsNotAPDF() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("trasig.pdf", "not a pdf")
    let message = loadError(file) ?? ""
    #expect(message.hasPrefix("\(file): error: pdftotext could not read the PDF (exit status 1)"))
    #expect(message.hasSuffix("; expected a PDF with a text layer"))
  }

  @Test func missingToolSaysHowToInstallIt() {
    do {
      _ = try PDFText.extract(path: Fixtures.path("rapport.pdf"), environment: ["PATH": "/nonexistent"], fallbacks: [])
      Issue.record("expected a failure")
    } catch {
      #expect(error.description == "\(Fixtures.path("rapport.pdf")): error: cannot read PDF files: the pdftotext tool was not found; expected it on PATH (Debian/Ubuntu: apt-get install poppler-utils, or run Scripts/setup)")
    }
  }

  @Test func missingFile() {
    #expect(loadError("/nonexistent/rapport.pdf") == "/nonexistent/rapport.pdf: error: cannot open the file: no such readable file")
  }

  @Test func argumentsAreAVectorNotAShellLine() {
    #expect(PDFText.arguments(for: "a b; rm -rf x.pdf") == ["-tsv", "-enc", "UTF-8", "a b; rm -rf x.pdf", "-"])
    #expect(PDFText.arguments(for: "-x.pdf", mode: .readingOrder) == ["-enc", "UTF-8", "./-x.pdf", "-"])
  }
}
