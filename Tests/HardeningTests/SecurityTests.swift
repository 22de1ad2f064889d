@testable import HQLoaders
import Testing

/// External tools get an argument vector, never a shell command line built from user text.
@Suite struct SecurityTests {
  @Test func pdfPathIsOneArgumentAndNeverAnOption() {
    #expect(PDFText.arguments(for: "rapport; rm -rf ~.pdf") == ["-tsv", "-enc", "UTF-8", "rapport; rm -rf ~.pdf", "-"])
    #expect(PDFText.arguments(for: "$(touch x) `y`.pdf") == ["-tsv", "-enc", "UTF-8", "$(touch x) `y`.pdf", "-"])
    // Found here: a file named like an option was passed as one.
    #expect(PDFText.arguments(for: "-opw secret.pdf") == ["-tsv", "-enc", "UTF-8", "./-opw secret.pdf", "-"])
  }
}
