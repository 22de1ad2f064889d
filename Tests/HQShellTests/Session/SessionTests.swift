import Foundation
import HQData
import HQReports
import Testing
@testable import HQShell

@Suite struct SessionTests {
  private func makeSession(format: OutputFormat = .csv) -> (Session, OutputSink, OutputSink) {
    let out = OutputSink()
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: format, output: out, errors: err, outputIsTerminal: false)
    return (session, out, err)
  }

  private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hq-session-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func parametersSetShownAndUnset() {
    let (session, out, err) = makeSession()
    #expect(session.run(".set year 2024\n.set area 'Region Halland'\n.vars", name: "t.hq") == .success)
    #expect(out.text == "name,value\n$area,\"\"\"Region Halland\"\"\"\n$year,2024\n")
    #expect(session.engine.parameters["year"] == .number(Number(2024)))
    #expect(session.run(".unset year\n.unset year", name: "t.hq") == .failure)
    // The one shape: the command's line, the caret under the command.
    #expect(err.text == "t.hq:2:1: error: no parameter '$year' is set\n.unset year\n^~~~~~\n")
  }

  @Test func warningsGoToTheErrorStreamAndTheStatementSucceeds() {
    let (session, out, err) = makeSession()
    // The empty model has no rows: a view of no reports stands in.
    let table = "let t = from reports | take 0\n"
    #expect(session.run(table + "from t | compare year 2019 vs 2024 value facts by id", name: "w.hq") == .success)
    #expect(err.text.hasPrefix("w.hq:2:23: warning: no row has year 2019, so the column '2019' is empty\n"))
    #expect(out.text == "id,2019,2024,delta,change_pct\n")
  }

  @Test func functionsAreSavedCompletedAndListed() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, out, _) = makeSession()
    let path = dir.appendingPathComponent("f.hq").path
    #expect(session.run("let pct(a, b) = round(a / b * 100, 1)\n.save \(path) all", name: "<input>") == .success)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "# Saved by hq: the whole session.\nlet pct(a, b) = round(a / b * 100, 1)\n")
    // A new session that runs the saved file has the function.
    let (replay, replayOut, replayErr) = makeSession()
    #expect(replay.run(".run \(path)\nlet t = from reports | take 0\nfrom t | select p = pct(3, 4)", name: "<input>") == .success, "\(replayErr.text)")
    #expect(replayOut.text == "p\n")
    #expect(Completion.complete("from facts | select pc", using: replay).candidates == ["pct("])
    #expect(Completion.complete(".help pc", using: replay).candidates == ["pct"])
    #expect(session.run(".help pct\n.help", name: "<input>") == .success)
    #expect(out.text.contains("pct(a, b) (your function)\n  let pct(a, b) = round(a / b * 100, 1)\n\nCall it in any expression with 2 arguments"))
    #expect(out.text.contains("Your functions: pct(a, b)"))
  }

  @Test func saveWritesReplayableCommandsAtomically() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, _, _) = makeSession()
    let path = dir.appendingPathComponent("saved.hq").path
    _ = session.run(".set year 2024\n.format json\n.tables\n.nosuch\n.save \(path) all", name: "<input>", keepGoing: true)
    let saved = try String(contentsOfFile: path, encoding: .utf8)
    #expect(saved == "# Saved by hq: the whole session.\n.set year 2024\n.format json\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["saved.hq"])
  }

  /// `.save FILE` keeps only what the last result needs: its statement, the `let`s it reads
  /// (and theirs), the last `.set` of the parameters they use and the last `.format`; an
  /// unused `let`, an earlier query and a parameter no kept statement reads are left out. The
  /// saved script, run in a new session, gives the same result.
  @Test func saveKeepsWhatTheLastResultNeeds() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, out, err) = makeSession()
    let path = dir.appendingPathComponent("last.hq").path
    let statements = """
      .set n 2
      .set unused 5
      .set n 3
      let base = from reports | take 0
      let half(x) = x / 2
      let other = from goals
      from other | count
      .format tsv
      let view = from base | select id, h = half($n)
      from view | count
      .save \(path)
      """
    #expect(session.run(statements, name: "<input>") == .success, "\(err.text)")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == """
      # Saved by hq: the last result and what it needs.
      .set n 3
      let base = from reports | take 0
      let half(x) = x / 2
      .format tsv
      let view = from base | select id, h = half($n)
      from view | count

      """)
    let (replay, replayOut, replayErr) = makeSession()
    #expect(replay.run(".run \(path)", name: "<input>") == .success, "\(replayErr.text)")
    #expect(replayOut.text == "count\n0\n")
    #expect(out.text.hasSuffix("count\n0\n"))
    // No result yet: nothing to save, and the message says how to save the whole session.
    let (fresh, _, freshErr) = makeSession()
    #expect(fresh.run("let a = from goals\n.save \(path)", name: "<input>") == .failure)
    #expect(freshErr.text.contains("no result to save yet; '.save \(path) all' saves the whole session"), "\(freshErr.text)")
  }

  /// `.run FILE NAME=VALUE`: the caller's value holds over the script's own `.set` (a
  /// default) while it runs and stays set after; without it the script's `.set` applies.
  @Test func runPassesParametersOverTheScriptsSet() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("p.hq").path
    try ".set year 2023\nlet t = from reports | take 0\nfrom t | select id, y = $year\n.vars\n".write(
      toFile: script, atomically: true, encoding: .utf8)
    let (session, out, err) = makeSession()
    #expect(session.run(".run \(script) year=2031 note='x y'", name: "<input>") == .success, "\(err.text)")
    #expect(out.text == "id,y\nname,value\n$note,\"\"\"x y\"\"\"\n$year,2031\n", "\(out.text)")
    #expect(session.engine.parameters["year"] == .number(Number(2031)))
    #expect(!session.pinnedParameters.contains("year"))
    #expect(session.run(".run \(script)", name: "<input>") == .success)
    #expect(session.engine.parameters["year"] == .number(Number(2023)))
    #expect(session.run(".run \(script) 2031", name: "<input>") == .failure)
    #expect(err.text.contains(".run takes a script file and NAME=VALUE parameters; '2031' has no '='"), "\(err.text)")
  }

  /// The transcript `.save` writes is bounded (issue 12, item 15): past 4 MiB of statements
  /// nothing more is kept, and `.save` says so instead of saving part of the session.
  @Test func saveAfterAVeryLongSessionSaysWhyItCannot() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var transcript = Transcript()
    let unit = ".set a \"" + String(repeating: "x", count: 1000) + "\""
    for _ in 0..<5000 { transcript.append(unit) }
    #expect(transcript.isIncomplete)
    #expect(transcript.text.isEmpty)
    let (session, _, errors) = makeSession()
    session.transcript = transcript
    let path = dir.appendingPathComponent("saved.hq").path
    #expect(session.run(".save \(path)", name: "<input>", keepGoing: false) == .failure)
    #expect(errors.text.contains("more than .save keeps; nothing was saved"), "\(errors.text)")
    #expect(!FileManager.default.fileExists(atPath: path))
    // `.run` going back to its mark keeps what came before.
    var short = Transcript()
    short.append(".format csv")
    let mark = short.mark
    short.append(".set a 1")
    short.restore(mark)
    #expect(short.text == ".format csv\n")
  }

  @Test func outputAndOnceRedirectIntoFiles() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let (session, out, _) = makeSession()
    let all = dir.appendingPathComponent("all.csv").path
    let one = dir.appendingPathComponent("one.csv").path
    _ = session.run(".output \(all)\n.schema goals\n.schema reports\n.output\n.once \(one)\n.schema goals\n.vars", name: "t")
    session.finish()
    let allText = try String(contentsOfFile: all, encoding: .utf8)
    #expect(allText.hasPrefix("source,column,type,role\ngoals,report,text,\ngoals,name,text,\ngoals,status,text,\ngoals,line,number,position\n"))
    #expect(allText.contains("reports,id,text,\n"))
    #expect(try String(contentsOfFile: one, encoding: .utf8).hasPrefix("source,column,type,role\ngoals,report,text,\n"))
    #expect(out.text == "name,value\n")
    #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir.path)) == ["all.csv", "one.csv"])
  }

  @Test func outputToAnUnwritablePlaceFails() {
    let (session, _, err) = makeSession()
    #expect(session.run(".output /nonexistent-dir/x.csv", name: "<input>") == .failure)
    #expect(err.text.hasPrefix("<input>:1:1: error: cannot write '/nonexistent-dir/x.csv'"))
    #expect(err.text.hasSuffix("\n.output /nonexistent-dir/x.csv\n^~~~~~~\n"))
  }

  @Test func failedLoadLeavesTheDataAsItWas() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = dir.appendingPathComponent("kolada.csv")
    try "kommun,värde\nHalmstad,12,5\n".write(to: good, atomically: true, encoding: .utf8)
    let (session, _, err) = makeSession()
    let before = session.engine.catalog.names
    #expect(session.run(".load \(dir.path)/missing.csv as kolada", name: "<input>") == .failure)
    #expect(err.text.contains("missing.csv"))
    #expect(session.engine.catalog.names == before)
  }

  @Test func failedReloadKeepsTheEarlierTable() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let good = dir.appendingPathComponent("good.csv")
    let bad = dir.appendingPathComponent("bad.csv")
    try "kommun,varde\nHalmstad,12\n".write(to: good, atomically: true, encoding: .utf8)
    try "kommun,varde\n\"Halmstad,12\n".write(to: bad, atomically: true, encoding: .utf8)
    let (session, _, err) = makeSession()
    #expect(session.run(".load \(good.path) as k", name: "<input>") == .success)
    #expect(session.run(".load \(bad.path) as k", name: "<input>") == .failure)
    #expect(err.text.contains("\(bad.path):2:"))
    #expect(session.engine.catalog["k"]?.rowCount == 1)
    #expect(session.engine.catalog["k"]?.row(0) == [.text("Halmstad"), .number(Number(12))])
  }

  @Test func commandLineParametersWinOverAScriptsSet() {
    let (session, _, _) = makeSession()
    session.engine.parameters["year"] = .number(Number(2017))
    session.pinnedParameters = ["year"]
    #expect(session.run(".set year 2024\n.set area Halland", name: "t.hq") == .success)
    #expect(session.engine.parameters["year"] == .number(Number(2017)))
    #expect(session.engine.parameters["area"] == .text("Halland"))
  }

  @Test func reportsListsTheLoadedReports() {
    var model = ReportModel()
    model.reports = [Report(id: "rh-up2-2017", title: "Uppföljningsrapport 2 2017", organisation: "Region Halland", year: 2017, period: "jan–aug", kind: "uppföljningsrapport", source: "x.txt")]
    let out = OutputSink()
    let session = Session(model: model, format: .csv, output: out, errors: OutputSink(), outputIsTerminal: false)
    #expect(session.run(".reports", name: "<input>") == .success)
    #expect(out.text.hasPrefix("id,title,organisation,committee,year,period,kind,source,facts,goals,sections\nrh-up2-2017,Uppföljningsrapport 2 2017,Region Halland,,2017,jan–aug,uppföljningsrapport,x.txt,0,0,0\n"))
  }

  @Test func loadsACSVTableUnderItsName() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("kolada.csv")
    try "kommun,varde\nHalmstad,12\nVarberg,7\n".write(to: file, atomically: true, encoding: .utf8)
    let (session, _, err) = makeSession()
    #expect(session.run(".load \(file.path) as k", name: "<input>") == .success)
    #expect(session.engine.catalog["k"]?.rowCount == 2)
    #expect(err.text == "loaded k: 2 rows, 2 columns\n")
  }

  @Test func loadingSeveralReportsReplacesOnesAlreadyLoaded() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let up1 = dir.appendingPathComponent("up1.txt")
    let ar = dir.appendingPathComponent("ar.txt")
    try "Uppföljningsrapport 1 2025\nRegion Halland\n".write(to: up1, atomically: true, encoding: .utf8)
    try "Årsredovisning 2024\nRegion Halland\n".write(to: ar, atomically: true, encoding: .utf8)
    var start = ReportModel()
    start.reports = [Report(id: "rh-up2-2017", title: "Uppföljningsrapport 2 2017", organisation: "Region Halland", year: 2017, period: "jan–aug", kind: "uppföljningsrapport", source: "x.txt")]
    start.lines = [TextLine(report: "rh-up2-2017", section: "", line: 1, text: "Uppföljningsrapport 2 2017")]
    let session = Session(model: start, format: .csv, output: OutputSink(), errors: OutputSink(), outputIsTerminal: false)
    // up1 is loaded twice: the second load replaces the first, and goes last.
    try session.load(paths: [up1.path, ar.path, up1.path])
    #expect(session.model.reports.map(\.id) == ["rh-up2-2017", "rh-ar-2024", "rh-up1-2025"])
    let reports = try #require(session.engine.catalog["reports"])
    #expect((0..<reports.rowCount).map { reports.row($0)[0] } == [.text("rh-up2-2017"), .text("rh-ar-2024"), .text("rh-up1-2025")])
    let lines = try #require(session.engine.catalog["lines"])
    #expect((0..<lines.rowCount).map { lines.row($0)[3].description } == [
      "Uppföljningsrapport 2 2017", "Årsredovisning 2024", "Region Halland", "Uppföljningsrapport 1 2025", "Region Halland",
    ])
  }

  @Test func tablesAndReportsLoadedTogetherKeepTheirOrder() throws {
    // CSV files are read one after another (each on all cores), report texts side by side;
    // what the session gets and says is in the order of the list all the same.
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = dir.appendingPathComponent("a.csv")
    let report = dir.appendingPathComponent("ar.txt")
    let second = dir.appendingPathComponent("b.csv")
    let again = dir.appendingPathComponent("a2.csv")
    try "x\n1\n2\n".write(to: first, atomically: true, encoding: .utf8)
    try "Årsredovisning 2024\nRegion Halland\n".write(to: report, atomically: true, encoding: .utf8)
    try "y;z\n3;4\n".write(to: second, atomically: true, encoding: .utf8)
    try "w\n5\n6\n7\n".write(to: again, atomically: true, encoding: .utf8)
    let (session, _, err) = makeSession()
    try session.load(paths: [first.path, report.path, second.path, again.path], names: [nil, nil, nil, "a"])
    #expect(session.engine.catalog["a"]?.schema.fields.map(\.name) == ["w"])
    #expect(session.engine.catalog["b"]?.rowCount == 1)
    #expect(session.model.reports.map(\.id) == ["rh-ar-2024"])
    #expect(err.text.isEmpty, "\(err.text)")
    // A failure is the first in the list's order, and nothing is loaded.
    let bad = dir.appendingPathComponent("bad.csv")
    try "x,y\n1\n".write(to: bad, atomically: true, encoding: .utf8)
    let (other, _, _) = makeSession()
    #expect(throws: ShellError.self) { try other.load(paths: [report.path, bad.path, dir.appendingPathComponent("none.csv").path]) }
    do {
      try other.load(paths: [report.path, bad.path, dir.appendingPathComponent("none.csv").path])
    } catch {
      #expect(error.rendered().hasPrefix("\(bad.path):2:2: error: expected 2 fields, got 1"), "\(error.rendered())")
    }
    #expect(other.model.reports.isEmpty && other.engine.catalog["bad"] == nil)
  }

  @Test func helpHasAPagePerTopicWithAnExample() throws {
    let (session, out, err) = makeSession()
    for topic in ["compare", "where", "round", "sum", "load", "format", "facts", ".save"] {
      #expect(session.run(".help \(topic)", name: "<input>") == .success, "\(topic)")
    }
    #expect(out.text.components(separatedBy: "Example:").count == 9)
    #expect(session.run(".help comprae", name: "<input>") == .failure)
    // At the prompt as in a script: `<input>:1:1`, the line, the caret, the suggestion as help.
    #expect(err.text == "<input>:1:1: error: no help for 'comprae'\n.help comprae\n^~~~~\nhelp: did you mean 'compare'?\n")
  }

  @Test func runNestedTooDeepStops() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("self.hq").path
    try ".run \(script)\n".write(toFile: script, atomically: true, encoding: .utf8)
    let (session, _, err) = makeSession()
    #expect(session.run(".run \(script)", name: "<input>") == .failure)
    #expect(err.text.contains("nested too deeply"))
  }

  @Test func quitStopsTheScript() {
    let (session, out, _) = makeSession()
    #expect(session.run(".quit\n.vars", name: "t") == .quit)
    #expect(out.text.isEmpty)
  }
}

@Suite struct SessionErrorTests {
  @Test func aStatementAfterASemicolonIsShownOnItsRealLine() {
    let err = OutputSink()
    let session = Session(model: ReportModel(), format: .csv, output: OutputSink(), errors: err, outputIsTerminal: false)
    #expect(session.run("from goals; from faktа", name: "t.hq") == .failure)
    let lines = err.text.split(separator: "\n")
    #expect(lines.first?.hasPrefix("t.hq:1:18: error: unknown source") == true)
    #expect(lines.count > 2 && lines[1] == "from goals; from faktа")
    #expect(lines.count > 2 && lines[2] == "                 ^~~~~")
  }

  /// Start-up builds no table: a statement builds the sources it reads, once (issue 14).
  @Test func sourcesAreBuiltWhenAStatementFirstReadsThem() {
    let model = DataLoading.bundledModel().model
    let out = OutputSink()
    let session = Session(model: model, format: .csv, output: out, errors: OutputSink(), outputIsTerminal: false)
    let sources = ["facts", "goals", "sections", "reports", "lines", "unread"]
    #expect(session.engine.sourceNames == sources)
    #expect(sources.allSatisfy { !session.engine.catalog.isBuilt($0) })
    #expect(session.run("from reports | count", name: "t.hq") == .success)
    // The two bundled Region Halland reports.
    #expect(out.text == "count\n2\n")
    #expect(session.engine.catalog.isBuilt("reports"))
    #expect(["facts", "goals", "sections", "lines", "unread"].allSatisfy { !session.engine.catalog.isBuilt($0) })
    #expect(session.run("from facts | count", name: "t.hq") == .success)
    #expect(out.text == "count\n2\ncount\n\(model.facts.count)\n")
    #expect(session.engine.catalog.isBuilt("facts") && !session.engine.catalog.isBuilt("lines"))
  }
}
