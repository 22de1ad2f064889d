import HQReports
import Testing

@testable import HQLoaders

@Suite struct LoaderTests {
  @Test func unknownExtension() {
    #expect(loadError("data.xlsx") == "data.xlsx: error: cannot load this kind of file; expected a name ending in .txt, .pdf, .csv, .tsv or .json")
  }

  @Test func missingFile() {
    #expect(loadError("/nonexistent/x.csv") == "/nonexistent/x.csv: error: cannot open the file: No such file or directory")
  }

  @Test func directory() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    try FileManagerShim.makeDirectory(dir.path + "/d.csv")
    #expect(loadError(dir.path + "/d.csv") == "\(dir.path)/d.csv: error: is a directory; expected a file")
  }

  @Test func namesComeFromTheFileOrTheUser() throws {
    #expect(Loader.stem("a/b/kolada.2024.csv") == "kolada.2024")
    #expect(Loader.stem(".hidden") == ".hidden")
    #expect(Loader.fileName("a/b/c.txt") == "c.txt")
    guard case .table(let name, let table, _) = try Loader.load(path: Fixtures.path("enkel.tsv"), as: "mitt") else {
      Issue.record("expected a table")
      return
    }
    #expect(name == "mitt")
    #expect(table.name == "mitt")
  }

  @Test func aNameWithoutExtensionAsksForOne() {
    // /dev/stdin and /dev/fd/63 (bash's `<(gen)`) have no extension to tell the kind by.
    #expect(loadError("/dev/fd/63") == "/dev/fd/63: error: cannot tell what kind of file this is without an extension; expected a name with one: .load /dev/fd/63 as NAME.csv (on the command line: --load /dev/fd/63 --as NAME.csv)")
  }

  @Test func aCSVFromAFIFONamedByItsExtension() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // 20,000 rows (about 200 KB, more than one read) of i and 2·i.
    let csv = "i,dubbel\n" + (1...20_000).map { "\($0),\(2 * $0)\n" }.joined()
    let writer = try FIFO.serve(dir.path + "/tal.csv", Array(csv.utf8))
    let loaded = try Loader.load(path: dir.path + "/tal.csv", as: nil)
    writer.wait()
    guard case .table(let name, let table, _) = loaded else {
      Issue.record("expected a table")
      return
    }
    #expect(name == "tal")
    #expect(table.rowCount == 20_000)
    #expect(table.schema.fields.map(\.name) == ["i", "dubbel"])
  }

  @Test func aNameWithAnExtensionGivesTheKindAndTheTableName() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    // A FIFO without extension, loaded as TSV: the tab splits the fields.
    let writer = try FIFO.serve(dir.path + "/pipe", Array("kommun\tinvånare\nHalmstad\t106084\n".utf8))
    let loaded = try Loader.load(path: dir.path + "/pipe", as: "kommuner.tsv")
    writer.wait()
    guard case .table(let name, let table, _) = loaded else {
      Issue.record("expected a table")
      return
    }
    #expect(name == "kommuner")
    #expect(table.schema.fields.map(\.name) == ["kommun", "invånare"])
    #expect(table.rowCount == 1)
    // Without an extension the name is only the table name, as before.
    guard case .table(let plain, _, _) = try Loader.load(path: Fixtures.path("enkel.tsv"), as: "enkel.v2") else {
      Issue.record("expected a table")
      return
    }
    #expect(plain == "enkel.v2")
  }

  @Test func aReportTextFromAPipeIsNamedByItsName() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let writer = try FIFO.serve(dir.path + "/pipe", Array("Uppföljningsrapport 1 2025\n".utf8))
    let loaded = try Loader.load(path: dir.path + "/pipe", as: "min-rapport.txt")
    writer.wait()
    guard case .reports(let model, _) = loaded else {
      Issue.record("expected report rows")
      return
    }
    #expect(model.reports.map(\.source) == ["min-rapport.txt"])
  }

  @Test func extensionsAreCaseInsensitive() {
    #expect(FileKind(path: "X.CSV") == .csv)
    #expect(FileKind(path: "x.Tsv") == .tsv)
    #expect(FileKind(path: "x.PDF") == .pdf)
    #expect(FileKind(path: "x") == nil)
  }

  @Test func reportTextGoesThroughTheIngester() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("rapport.txt", "Uppföljningsrapport 1 2025\n")
    guard case .reports = try Loader.load(path: file, as: nil) else {
      Issue.record("expected report rows")
      return
    }
  }

  @Test func reportTextMustBeUTF8() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("latin1.txt", Array("Rad ett\nG".utf8) + [0xF6] + Array("teborg\n".utf8))
    #expect(loadError(file) == "\(file):2:2: error: invalid UTF-8; expected text encoded as UTF-8\nG\u{FFFD}teborg\n ^")
  }

  @Test func aByteOrderMarkIsNotPartOfTheText() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Uppföljningsrapport 1 2025\nRad två\n".utf8))
    guard case .reports(let model, _) = try Loader.load(path: file, as: nil) else {
      Issue.record("expected report rows")
      return
    }
    #expect(model.lines.map(\.text) == ["Uppföljningsrapport 1 2025", "Rad två"])
  }

  @Test func invalidUTF8AfterAByteOrderMarkIsPlacedInTheFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let file = try dir.write("bom-latin1.txt", [0xEF, 0xBB, 0xBF] + Array("Rad\nG".utf8) + [0xF6] + Array("teborg\n".utf8))
    #expect(loadError(file) == "\(file):2:2: error: invalid UTF-8; expected text encoded as UTF-8\nG\u{FFFD}teborg\n ^")
  }
}

import Foundation

enum FileManagerShim {
  static func makeDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
}
