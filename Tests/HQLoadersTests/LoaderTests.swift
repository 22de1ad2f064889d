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
    guard case .table(let name, let table) = try Loader.load(path: Fixtures.path("enkel.tsv"), as: "mitt") else {
      Issue.record("expected a table")
      return
    }
    #expect(name == "mitt")
    #expect(table.name == "mitt")
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
    #expect(loadError(file) == "\(file):2:2: error: invalid UTF-8; expected text encoded as UTF-8")
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
    #expect(loadError(file) == "\(file):2:2: error: invalid UTF-8; expected text encoded as UTF-8")
  }
}

import Foundation

enum FileManagerShim {
  static func makeDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }
}
