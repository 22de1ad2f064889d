import HQReports
import Testing
@testable import HQShell

@Suite struct HelpTests {
  static let model = DataLoading.bundledModel().model

  /// Every example on a help page runs without an error over the bundled reports.
  @Test(arguments: Help.pages.map(\.example))
  func helpExamplesRun(_ example: String) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: Self.model, format: .csv, output: out, errors: err, outputIsTerminal: false)
    #expect(session.run(example, name: "<help>") == .success, "\(err.text)")
  }

  @Test func indexListsEveryMetaCommand() throws {
    let index = try Help.page(for: nil)
    for command in MetaCommand.catalog { #expect(index.contains(command.usage)) }
  }
}
