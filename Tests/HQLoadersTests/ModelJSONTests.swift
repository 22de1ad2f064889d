import Foundation
import HQData
import HQReports
import Testing

@testable import HQLoaders

@Suite struct ModelJSONTests {
  private func model(_ path: String) throws -> ReportModel {
    guard case .reports(let model, let warnings) = try Loader.load(path: path, as: nil) else {
      Issue.record("expected a model")
      return ReportModel()
    }
    #expect(warnings.isEmpty)
    return model
  }

  @Test func readsTheHandWrittenModel() throws {
    let m = try model(Fixtures.path("modell.json"))
    #expect(m.reports == [Report(
      id: "rh-ar-2024", title: "Årsredovisning 2024", organisation: "Region Halland", year: 2024, period: "helår",
      kind: "årsredovisning", source: "region-halland-arsredovisning-2024.txt")])
    #expect(m.facts.count == 2)
    #expect(m.facts[0] == Fact(
      report: "rh-ar-2024", section: "Läkemedel", table: "Kostnader", indicator: "Läkemedelsförmån",
      measure: "Utfall 2024", kind: .utfall, year: 2024, value: Number(mantissa: 94, scale: 1), unit: "mnkr", line: 120))
    // Omitted keys take their defaults; unknown keys are ignored.
    #expect(m.facts[1] == Fact(
      report: "rh-ar-2024", section: "", table: "", indicator: "Antibiotikarecept per 1000 invånare", measure: "",
      kind: .värde, year: nil, value: Number(mantissa: -12041, scale: 1), unit: "st", rank: 16, rankOf: 21, line: 0))
    #expect(m.goals == [Goal(report: "rh-ar-2024", name: "Fokusområde \"Hälsa\"", status: .delvis, line: 40)])
    #expect(m.sections == [Section(
      report: "rh-ar-2024", number: "2.3.7", title: "Läkemedel", level: 3, line: 118, text: "Kostnaderna ökade.\nSe tabell.")])
    #expect(m.lines.map(\.text) == ["2.3.7 Läkemedel å😀"])
  }

  @Test func exportThenLoadGivesTheSameModel() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    var original = try model(Fixtures.path("modell.json"))
    original.facts.append(Fact(
      report: "x", section: "tab\there", table: "ctl\u{1}", indicator: "back\\slash", measure: "", kind: .avvikelse,
      period: "jan–aug", year: 2017, value: Number(mantissa: 5, scale: 18), unit: "%", line: 9))
    original.reports.append(Report(
      id: "kungsbacka-teknik-ar-2024", title: "Nämndens årsredovisning 2024", organisation: "Kungsbacka kommun",
      committee: "Nämnden för Teknik", year: 2024, period: "helår", kind: "årsredovisning", source: "teknik.txt"))
    let path = dir.path + "/export.json"
    try ModelExport.write(original, to: path)
    let again = try model(path)
    #expect(again.reports == original.reports)
    #expect(again.facts == original.facts)
    #expect(again.goals == original.goals)
    #expect(again.sections == original.sections)
    #expect(again.lines == original.lines)
  }

  /// Issue 13 item 11: an empty text is written as null (as the tables show it), and a null
  /// reads back as the empty text, even for a key that must be present.
  @Test func emptyTextsAreWrittenAsNullAndReadBack() throws {
    var model = ReportModel()
    model.reports = [Report(id: "r", title: "T", organisation: "O", year: 2024, period: "", kind: "", source: "s.txt")]
    model.facts = [Fact(
      report: "r", section: "", table: "", indicator: "", measure: "", kind: .utfall, year: nil,
      value: Number(mantissa: 1, scale: 0), unit: "", line: 1)]
    let json = String(decoding: ModelJSONWriter.encode(model), as: UTF8.self)
    #expect(json.contains(#""committee": null, "year": 2024, "period": null, "kind": null, "source": "s.txt""#))
    #expect(json.contains(#"{"report": "r", "section": null, "table": null, "indicator": null, "measure": null, "kind": "utfall", "period": null"#))
    #expect(!json.contains(#""""#))
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("nulls.json", json)
    let again = try self.model(path)
    #expect(again.facts == model.facts)
    #expect(again.reports == model.reports)
    let facts = again.factsTable()
    #expect(facts.column(named: "period")?.isNull(0) == true)
    #expect(facts.column(named: "indicator")?.isNull(0) == true)
  }

  @Test func exportReplacesAnExistingFileAndLeavesNoTemporaryFile() throws {
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    let path = try dir.write("modell.json", "old")
    try ModelExport.write(ReportModel(), to: path)
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text == "{\n  \"format\": \"hq-model\",\n  \"version\": 1,\n  \"reports\": [],\n  \"facts\": [],\n  \"goals\": [],\n  \"sections\": [],\n  \"lines\": [],\n  \"unread\": []\n}\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["modell.json"])
  }

  @Test func exportIntoAMissingDirectoryFails() {
    do {
      try ModelExport.write(ReportModel(), to: "/nonexistent-hq-dir/m.json")
      Issue.record("expected a failure")
    } catch {
      #expect(error.description == "/nonexistent-hq-dir/m.json: error: cannot write the file: No such file or directory")
    }
  }
}

/// Each error in the one diagnostic shape (since issue 14): the header, then the JSON line and a
/// caret under the column the header names (these lines are ASCII, so a column is a character).
@Suite struct ModelJSONErrorTests {
  /// The quoted line and caret that follow the header: line `line` of `json`, `column - 1` spaces, `^`.
  static func quoted(_ json: String, line: Int, column: Int) -> String {
    let text = json.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
    return "\n" + text + "\n" + String(repeating: " ", count: column - 1) + "^"
  }

  private func error(_ json: String) throws -> (String, String?) {
    let dir = try TemporaryDirectory()
    let file = try dir.write("m.json", json)
    defer { dir.remove() }
    return (file, loadError(file))
  }

  @Test func syntaxErrorIsLocated() throws {
    let json = "{\"format\": \"hq-model\",\n  \"facts\": [1 2]}"
    let (file, message) = try error(json)
    #expect(message == "\(file):2:15: error: expected ',' or ']' in the array, found '2'" + Self.quoted(json, line: 2, column: 15))
  }

  @Test func notAModelFile() throws {
    let json = "[1]"
    let (file, message) = try error(json)
    #expect(message == "\(file):1:1: error: expected an hq model file (an object with \"format\": \"hq-model\"), found an array" + Self.quoted(json, line: 1, column: 1))
    let json2 = "{\"facts\": []}"
    let (file2, message2) = try error(json2)
    #expect(message2 == "\(file2):1:1: error: not an hq model file; expected an object with \"format\": \"hq-model\"" + Self.quoted(json2, line: 1, column: 1))
  }

  @Test func wrongTypeForAKey() throws {
    let json = "{\"format\": \"hq-model\", \"facts\": [\n {\"report\": \"r\", \"indicator\": \"i\", \"value\": \"9,4\"}]}"
    let (file, message) = try error(json)
    #expect(message == "\(file):2:45: error: expected a number for 'value', found a string" + Self.quoted(json, line: 2, column: 45))
  }

  @Test func missingRequiredKeyPointsAtTheObject() throws {
    let json = "{\"format\": \"hq-model\",\n\"facts\": [{\"report\": \"r\", \"value\": 1}]}"
    let (file, message) = try error(json)
    #expect(message == "\(file):2:11: error: missing key 'indicator' in this object; expected a string" + Self.quoted(json, line: 2, column: 11))
  }

  @Test func unknownKind() throws {
    let json = "{\"format\": \"hq-model\", \"facts\": [{\"report\": \"r\", \"indicator\": \"i\", \"value\": 1, \"kind\": \"gissning\"}]}"
    let (file, message) = try error(json)
    #expect(message == "\(file):1:88: error: unknown kind 'gissning'; expected one of utfall, budget, prognos, avvikelse, mål, värde" + Self.quoted(json, line: 1, column: 88))
  }

  @Test func fractionalLine() throws {
    let json = "{\"format\": \"hq-model\", \"goals\": [{\"report\": \"r\", \"name\": \"n\", \"status\": \"helt\", \"line\": 2.5}]}"
    let (file, message) = try error(json)
    #expect(message == "\(file):1:89: error: expected a whole number or null for 'line', found 2.5" + Self.quoted(json, line: 1, column: 89))
  }

  @Test func newerVersion() throws {
    let json = "{\"format\": \"hq-model\", \"version\": 2}"
    let (file, message) = try error(json)
    #expect(message == "\(file):1:35: error: model format version 2 is newer than this hq understands; expected version 1" + Self.quoted(json, line: 1, column: 35))
  }

  @Test func unclosedString() throws {
    let json = "{\"format\": \"hq-model\", \"reports\": [{\"id\": \"rh"
    let (file, message) = try error(json)
    #expect(message == "\(file):1:43: error: unclosed string; expected a closing '\"' before the end of the file" + Self.quoted(json, line: 1, column: 43))
  }
}
