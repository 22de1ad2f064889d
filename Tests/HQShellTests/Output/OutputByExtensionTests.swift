import Foundation
import HQData
import HQReports
import Testing
@testable import HQShell

/// `.output FILE` and `.once FILE` take the format from the file's extension unless one is
/// given, and `csv-sv` is CSV as Swedish Excel reads it.
@Suite struct OutputByExtensionTests {
  private func makeSession(format: OutputFormat) -> (Session, OutputSink, OutputSink) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: format, output: out, errors: err, outputIsTerminal: true)
    session.engine.catalog["t"] = Fixtures.awkward()
    return (session, out, err)
  }

  private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hq-ext-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test func theExtensionChoosesTheFormatNeverABoxTableInACSV() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, out, err) = makeSession(format: .table)
    let query = "from t | select indicator, year | take 2"
    var script = ""
    for name in ["r.csv", "r.tsv", "r.json", "r.ndjson", "r.md", "R.CSV", "r.txt"] {
      script += ".once \(dir.path)/\(name)\n\(query)\n"
    }
    script += ".once \(dir.path)/e.txt csv\n\(query)\n.once \(dir.path)/e.csv json\n\(query)\n"
    #expect(session.run(script, name: "e.hq") == .success, "\(err.text)")
    #expect(out.text.isEmpty)
    let csv = "indicator,year\nLäkemedel,2023\n\"Tandvård, barn\",2024\n"
    #expect(try read(dir.path + "/r.csv") == csv)
    #expect(try read(dir.path + "/R.CSV") == csv)
    #expect(try read(dir.path + "/r.tsv") == "indicator\tyear\nLäkemedel\t2023\nTandvård, barn\t2024\n")
    #expect(try read(dir.path + "/r.json") == "[\n  {\"indicator\":\"Läkemedel\",\"year\":2023},\n  {\"indicator\":\"Tandvård, barn\",\"year\":2024}\n]\n")
    #expect(try read(dir.path + "/r.ndjson") == "{\"indicator\":\"Läkemedel\",\"year\":2023}\n{\"indicator\":\"Tandvård, barn\",\"year\":2024}\n")
    #expect(try read(dir.path + "/r.md") == "| indicator | year |\n| --- | --: |\n| Läkemedel | 2023 |\n| Tandvård, barn | 2024 |\n")
    // No extension hq knows: the current format (table, as on the terminal), no width limit.
    #expect(try read(dir.path + "/r.txt").contains("───"))
    #expect(try read(dir.path + "/e.txt") == csv)
    #expect(try read(dir.path + "/e.csv").hasPrefix("[\n"))
  }

  @Test func csvSVWritesSemicolonsDecimalCommasAndOneByteOrderMark() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, _, err) = makeSession(format: .csvSV)
    let path = dir.path + "/excel.csv"
    // csv-sv is kept for a .csv file, as it is a kind of CSV; two results share one mark.
    #expect(session.run(".output \(path)\nfrom t | select indicator, value\nfrom t | select note | take 1\n.output", name: "s.hq") == .success, "\(err.text)")
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == """
      indicator;value
      Läkemedel;25,5
      Tandvård, barn;-1204,1
      Åtgärd\tflik;0,05
      x|y;
      note
      plain

      """)
  }

  @Test func csvSVReadsBackAsTheSameTable() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, out, err) = makeSession(format: .csv)
    let path = dir.path + "/tur.csv"
    #expect(session.run(".once \(path) csv-sv\nfrom t | select indicator, value\n.load \(path) as retur\nfrom retur", name: "r.hq") == .success, "\(err.text)")
    #expect(out.text == "indicator,value\nLäkemedel,25.5\n\"Tandvård, barn\",-1204.1\nÅtgärd\tflik,0.05\nx|y,\n")
  }

  @Test func theFormatNamesItsFileAndTheOptions() throws {
    #expect(try MetaCommand.parse(".output bok.xlsx") == .output(path: "bok.xlsx", format: nil))
    #expect(try MetaCommand.parse(".output data.txt CSV-SV") == .output(path: "data.txt", format: .csvSV))
    #expect(try MetaCommand.parse(".once r.dat json") == .once(path: "r.dat", format: .json))
    #expect(try MetaCommand.parse(".load a.csv as b encoding=cp1252") == .load(path: "a.csv", name: "b", encoding: .windows1252))
    #expect(try MetaCommand.parse(".load a.csv encoding=utf8") == .load(path: "a.csv", name: nil, encoding: .utf8))
    let format = #expect(throws: ShellError.self) { try MetaCommand.parse(".once r.x xls") }
    #expect(format?.message == "unknown format 'xls'; did you mean 'xlsx'? choose one of: table, csv, csv-sv, tsv, json, ndjson, markdown, line, xlsx, svg")
    let encoding = #expect(throws: ShellError.self) { try MetaCommand.parse(".load a.csv encoding=ebcdic") }
    #expect(encoding?.message == "unknown encoding 'ebcdic'; choose one of: utf-8, cp1252 (also windows-1252, latin1)")
    #expect(OutputFormat.forFile("a/b.XLSX") == .xlsx)
    #expect(OutputFormat.forFile("a.jsonl") == .ndjson)
    #expect(OutputFormat.forFile(".csv") == nil)
    #expect(OutputFormat.forFile("x.csv", explicit: nil, current: .csvSV) == .csvSV)
    #expect(OutputFormat.forFile("x.json", explicit: nil, current: .csvSV) == .json)
    #expect(OutputFormat.forFile("x.csv", explicit: .tsv, current: .table) == .tsv)
  }

  @Test func loadingASwedishExcelFileNotesTheEncodingAndSchemaShowsUnits() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Fixtures/Loaders/excel-sv-cp1252.csv").path
    let (session, out, err) = makeSession(format: .csv)
    #expect(session.run(".load \(fixture) as sv\n.schema sv", name: "l.hq") == .success)
    #expect(err.text == """
      \(fixture):1:14: note: not UTF-8 (byte 0xE5), so the file was read as Windows-1252, the encoding Swedish Excel saves CSV in; to choose, load it with encoding=cp1252 or encoding=utf-8
      loaded sv: 4 rows, 5 columns

      """)
    #expect(out.text == """
      source,column,type,role,unit
      sv,Kommun,text,,
      sv,Sjukfrånvaro,number,,%
      sv,Förändring,number,,
      sv,Kostnad,number,,tkr
      sv,Invånare,number,,

      """)
  }
}
