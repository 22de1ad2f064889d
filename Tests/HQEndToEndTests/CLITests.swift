import Foundation
import Testing

/// The `hq` command line through the built binary: exit statuses, messages, formats.
@Suite struct CLITests {
  @Test func versionAndHelp() throws {
    let version = try HQProcess.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("hq "))
    let help = try HQProcess.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("USAGE: hq "))
    #expect(help.stdout.contains("EXAMPLES:"))
    #expect(help.stdout.contains("-k, --keep-going"))
    #expect(help.stderr.isEmpty)
  }

  /// `--generate-completion-script` (swift-argument-parser's) for each shell it knows.
  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let result = try HQProcess.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    // fish names a long option without its dashes (`-l 'keep-going'`).
    #expect(result.stdout.contains(shell == "fish" ? "-l 'keep-going'" : "--keep-going"), "\(shell)")
    #expect(result.stdout.contains("csv-sv"), "\(shell): the formats as --format's values")
    let unknown = try HQProcess.run(["--generate-completion-script", "tcsh"])
    #expect(unknown.status == 2)
  }

  /// `--as` and `--encoding` name and decode the `--load` before them, whatever stands between.
  @Test func asAndEncodingPairWithTheirLoad() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let first = dir.appendingPathComponent("a.csv")
    // "år" in Windows-1252: not UTF-8, so read wrongly unless --encoding reaches this file.
    try Data(Array("namn,v\n".utf8) + [0xE5] + Array("r,1\n".utf8)).write(to: first)
    let second = dir.appendingPathComponent("b.csv")
    try "x\n1\n2\n".write(to: second, atomically: true, encoding: .utf8)
    let result = try HQProcess.run([
      "--load", first.path, "--format", "csv", "--encoding", "cp1252", "--as", "first",
      "-l", second.path, "--as", "second", "-c", "from first | select namn", "-c", "from second | count",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "namn\når\ncount\n2\n", "\(result.stdout.debugDescription)")
    let misplaced = try HQProcess.run(["--as", "x", "--load", first.path, "-c", ".tables"])
    #expect(misplaced.status == 2)
    #expect(misplaced.stderr.contains("--as NAME names the file of the --load just before it"))
  }

  @Test func swedishNumbersFromTheCommandLine() throws {
    // Antal besök i öppenvård, 2024: 2 381 640 (the årsredovisning 2024, line 370, prints it so).
    let result = try HQProcess.run([
      "--numbers", "sv", "--format", "table", "-c",
      "from facts | where indicator == \"Antal besök i öppenvård\" and year == 2024 | select value",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "    value\n─────────\n2 381 640\n(1 row)\n")
    let bad = try HQProcess.run(["--numbers", "comma", "-c", "from goals"])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("--numbers takes plain (2381640.5) or sv (2 381 640,5); 'comma' is neither"), "\(bad.stderr)")
  }

  @Test func usageErrorsExitTwo() throws {
    let unknown = try HQProcess.run(["--frmat", "csv"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("Unknown option '--frmat'. Did you mean '--format'?"), "\(unknown.stderr)")
    #expect(unknown.stdout.isEmpty)
    let missing = try HQProcess.run(["/nonexistent/script.hq"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("cannot read '/nonexistent/script.hq'"))
    #expect(try HQProcess.run(["--format", "xml", "-c", ".tables"]).status == 2)
    #expect(try HQProcess.run(["-c"]).status == 2)
  }

  @Test func noCrashTextOnErrors() throws {
    for arguments in [["-c", ".nosuch"], ["-c", "from"], ["-c", "from facts | where ((("], ["--set", "="]] {
      let result = try HQProcess.run(arguments)
      #expect(result.status == 1 || result.status == 2)
      #expect(!result.stderr.contains("Fatal error"))
      #expect(!result.stderr.contains("Stack dump"))
    }
  }

  /// Issue 12, item 13: a CSV header and a file name carrying terminal escape sequences were
  /// echoed raw in error messages (the table output already cleaned them). Every message on
  /// standard error is cleaned now, by the same rule as tables; the data itself is untouched
  /// in CSV output.
  @Test func escapeSequencesFromDataNeverReachTheTerminal() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let csv = dir.appendingPathComponent("t.csv")
    try "\u{1B}]0;owned\u{7}name,value\nx,1\n".write(to: csv, atomically: true, encoding: .utf8)
    let hostileName = dir.appendingPathComponent("\u{1B}[2J\u{1B}[31mgone.csv").path
    func isClean(_ text: String) -> Bool { !text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } }

    // A header quoted in a checker diagnostic (the did-you-mean help names it).
    let unknown = try HQProcess.run(["--load", csv.path, "-c", "from t | where nme == 1"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("unknown column 'nme'"), "\(unknown.stderr)")
    #expect(unknown.stderr.contains(" ]0;owned name"), "\(unknown.stderr.debugDescription)")
    #expect(isClean(unknown.stderr), "\(unknown.stderr.debugDescription)")
    // A file name in a load error, from `--load` and from `.load` in a script.
    let missing = try HQProcess.run(["--load", hostileName, "-c", ".tables"])
    #expect(missing.stderr.contains("[2J [31mgone.csv"), "\(missing.stderr.debugDescription)")
    #expect(isClean(missing.stderr), "\(missing.stderr.debugDescription)")
    let script = dir.appendingPathComponent("s.hq")
    try ".load '\(hostileName)'\n".write(to: script, atomically: true, encoding: .utf8)
    let loaded = try HQProcess.run([script.path])
    #expect(loaded.status == 1)
    #expect(isClean(loaded.stderr), "\(loaded.stderr.debugDescription)")
    // A header in a CSV result is data: written as it is.
    let data = try HQProcess.run(["--load", csv.path, "--format", "csv", "-c", "from t"])
    #expect(data.stdout.hasPrefix("\u{1B}]0;owned\u{7}name,value\n"), "\(data.stdout.debugDescription)")
  }

  /// Issue 12, item 15: statements from standard input run one at a time, each as soon as it
  /// is complete, and memory does not grow with the length of the stream. Every successful
  /// statement used to be kept (a `String` each, for `.save`): 132 MB for a million. The
  /// session now keeps at most 4 MiB of them.
  ///
  /// A debug build runs some 10,000 such statements a second, so the stream here is 100,000
  /// statements (11 MB, more than the 4 MiB kept); the million-statement figure, with the
  /// release binary, is in docs/RELIABILITY.md.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "needs /usr/bin/time for the peak memory"))
  func statementsFromStandardInputRunInBoundedMemory() throws {
    func peakKilobytes(statements: Int) throws -> Int {
      let generator = "awk 'BEGIN { x = sprintf(\"%100s\", \"\"); for (i = 0; i < \(statements); i++) printf \".set a \\\"%s%d\\\"\\n\", x, i }'"
      let result = try HQProcess.shell("\(generator) | /usr/bin/time -f 'peak %M' \"$HQ\" > /dev/null")
      #expect(result.status == 0, "\(result.stderr)")
      let line = result.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") }
      return Int(line?.dropFirst(5) ?? "") ?? .max
    }
    let small = try peakKilobytes(statements: 1_000)
    let large = try peakKilobytes(statements: 100_000)
    // Before: 100,000 statements peaked 19 MB above 1,000 (debug build). Now 5 MB: the 4 MiB
    // transcript and allocator slack.
    #expect(large - small < 10_000, "peak \(small) kB for 1,000 statements, \(large) kB for 100,000")

    // Statement by statement: the first result comes while the input is still open.
    let process = Process()
    process.executableURL = URL(fileURLWithPath: HQProcess.binary)
    process.environment = ProcessInfo.processInfo.environment.merging(["HQ_HISTORY": "/dev/null"]) { $1 }
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    // A hq that waited for the end of input would never answer: stop it, so the test fails
    // instead of hanging.
    DispatchQueue.global().asyncAfter(deadline: .now() + 20) { if process.isRunning { process.terminate() } }
    input.fileHandleForWriting.write(Data("from goals | count\n.set a 1\n".utf8))
    var seen = Data()
    let deadline = Date().addingTimeInterval(20)
    while !String(decoding: seen, as: UTF8.self).contains("count\n7\n"), Date() < deadline {
      seen.append(output.fileHandleForReading.availableData)
    }
    #expect(String(decoding: seen, as: UTF8.self) == "count\n7\n")
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
  }

  @Test func metaCommandErrorsInScriptsNameFileAndLine() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("bad.hq")
    try "# a comment\n.tables\n\n.lod data.csv\n.tables\n".write(to: script, atomically: true, encoding: .utf8)
    let result = try HQProcess.run([script.path])
    #expect(result.status == 1)
    #expect(result.stderr == "\(script.path):4:1: error: unknown command '.lod'\n.lod data.csv\n^~~~\nhelp: did you mean '.load'?\n")
    // The script stopped at the failure: one .tables output only.
    #expect(result.stdout.components(separatedBy: "source,rows,columns").count == 2)

    let going = try HQProcess.run([script.path, "--keep-going"])
    #expect(going.status == 1)
    #expect(going.stdout.components(separatedBy: "source,rows,columns").count == 3)
  }

  @Test func statementErrorsShowLocationSourceLineAndCaret() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("report.hq")
    try "#!/usr/bin/env hq\n\nfrom nosuchsource | take 3\n".write(to: script, atomically: true, encoding: .utf8)
    let result = try HQProcess.run([script.path])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count >= 3)
    #expect(lines[0].hasPrefix("\(script.path):3:"))
    #expect(lines[0].contains(": error: "))
    #expect(lines[1] == "from nosuchsource | take 3")
    #expect(lines[2].trimmingCharacters(in: .whitespaces).hasPrefix("^"))
  }

  @Test func defaultFormatOffTerminalIsCSVAndEveryFormatParsesBack() throws {
    let csv = try HQProcess.run(["-c", ".schema goals"])
    #expect(csv.status == 0)
    #expect(csv.stdout.hasPrefix("source,column,type,role\ngoals,report,text,\n"))
    #expect(csv.stdout.contains("goals,line,number,position\n"))
    let json = try HQProcess.run(["-c", ".schema goals", "--format", "json"])
    let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]]
    #expect(rows?.first == ["source": "goals", "column": "report", "type": "text", "role": ""])
    #expect(rows?.last == ["source": "goals", "column": "line", "type": "number", "role": "position"])
    let ndjson = try HQProcess.run(["-c", ".schema goals", "--format=ndjson"])
    for line in ndjson.stdout.split(separator: "\n") {
      #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }
    let tsv = try HQProcess.run(["-c", ".schema goals", "-f", "tsv"])
    #expect(tsv.stdout.split(separator: "\n").first == "source\tcolumn\ttype\trole")
    let markdown = try HQProcess.run(["-c", ".format markdown", "-c", ".schema goals"])
    #expect(markdown.stdout.hasPrefix("| source | column | type | role |\n| --- | --- | --- | --- |\n"))
    let line = try HQProcess.run(["-c", ".schema goals", "--format", "line"])
    #expect(line.stdout.hasPrefix("-[ RECORD 1 ]"))
    let table = try HQProcess.run(["-c", ".schema goals", "--format", "table"])
    #expect(table.stdout.hasSuffix("(4 rows)\n"))
  }

  /// Uppföljningsrapport 2 2017 line 296: "Förtroendevalda 9,4 9,4 9,52".
  @Test func reportValuesAreJSONNumbersSpelledExactly() throws {
    let query = "from facts | where table ~ \"anslag enligt\" and indicator == \"Förtroendevalda\" | select measure, value"
    let result = try HQProcess.run(["-c", query, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(rows.compactMap { ($0["value"] as? NSNumber)?.doubleValue } == [9.4, 9.4, 9.52])
    #expect(result.stdout.contains("\"value\":9.52}"))
    let sum = try HQProcess.run(["-c", query + " | summarize total = sum(value)", "--format", "ndjson"])
    // 9.4 + 9.4 + 9.52 = 28.32 exactly, not 28.319999999999997.
    #expect(sum.stdout == "{\"total\":28.32}\n")
  }

  @Test func statementsFromStandardInput() throws {
    let result = try HQProcess.run([], input: ".format json\n\n# comment\n.vars\n.set year 2024\n.vars\n")
    #expect(result.status == 0)
    #expect(result.stdout == "[]\n[\n  {\"name\":\"$year\",\"value\":\"2024\"}\n]\n")
  }

  @Test func setOnTheCommandLine() throws {
    let result = try HQProcess.run(["--set", "area=Hälso- och sjukvård", "-s", "year=2017", "-c", ".vars"])
    #expect(result.stdout == "name,value\n$area,\"\"\"Hälso- och sjukvård\"\"\"\n$year,2017\n")
  }

  @Test func closedPipeEndsQuietly() throws {
    let commands = String(repeating: "-c .help ", count: 3000)
    let result = try HQProcess.shell("\"$HQ\" \(commands) 2>/tmp/hq-epipe-$$.err | head -1; cat /tmp/hq-epipe-$$.err; rm -f /tmp/hq-epipe-$$.err")
    #expect(result.stdout.hasPrefix("hq queries Region Halland's reports as data."))
    #expect(result.stdout.split(separator: "\n").count == 1)
    #expect(result.stderr.isEmpty)
  }

  /// Several `--load`s act as if loaded one by one, in order: a facts-shaped CSV loaded after a
  /// report replaces `facts`; one loaded before a report is replaced by the report's facts.
  @Test func severalLoadsActInOrder() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let facts = dir.appendingPathComponent("facts.csv").path
    try """
      report,section,table,indicator,measure,kind,period,year,value,unit,rank,rank_of,line
      x,s,t,i,m,utfall,,2020,5,mnkr,,,1
      x,s,t,j,m,utfall,,2020,7,mnkr,,,2

      """.write(toFile: facts, atomically: true, encoding: .utf8)
    let other = dir.appendingPathComponent("other.csv").path
    try "a,b\n1,2\n".write(toFile: other, atomically: true, encoding: .utf8)
    let model = dir.appendingPathComponent("model.json").path
    #expect(try HQProcess.run(["-c", ".export \(model)"]).status == 0)

    let csvLast = try HQProcess.run(["--load", model, "--load", other, "--load", facts, "-c", "from facts | summarize n = count(), total = sum(value)", "-c", "from other | count"])
    #expect(csvLast.status == 0, "\(csvLast.stderr)")
    #expect(csvLast.stdout == "n,total\n2,12\ncount\n1\n")

    let before = try HQProcess.run(["-c", "from facts | count"])
    let reportLast = try HQProcess.run(["--load", facts, "--load", model, "-c", "from facts | count"])
    #expect(reportLast.status == 0, "\(reportLast.stderr)")
    #expect(reportLast.stdout == before.stdout)
  }

  @Test func missingLoadFileFailsWithItsName() throws {
    let result = try HQProcess.run(["--load", "/nonexistent/data.csv", "-c", ".tables"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("/nonexistent/data.csv"))
  }

  /// Pipes load like files: standard input, bash's `<(…)`, and a FIFO another process writes.
  @Test func loadsFromPipes() throws {
    let csv = "a,b\n1,2\n3,4\n"
    let stdin = try HQProcess.run(["--load", "/dev/stdin", "--as", "k.csv", "-c", "from k | summarize s = sum(b)"], input: csv)
    #expect(stdin.status == 0, "\(stdin.stderr)")
    #expect(stdin.stdout == "s\n6\n")

    let substituted = try HQProcess.shell(#"$HQ --load <(printf 'a,b\n1,2\n3,4\n') --as k.csv -c 'from k | count'"#)
    #expect(substituted.status == 0, "\(substituted.stderr)")
    #expect(substituted.stdout == "count\n2\n")

    // Without a name that has an extension, the kind is unknown: say how to give it.
    let unnamed = try HQProcess.shell(#"$HQ --load <(printf 'a,b\n') -c 'from k'"#)
    #expect(unnamed.status == 1)
    #expect(unnamed.stderr.hasPrefix("/dev/fd/"))
    #expect(unnamed.stderr.contains(": error: cannot tell what kind of file this is without an extension; expected a name with one: .load /dev/fd/"))
    #expect(unnamed.stderr.contains(" --as NAME.csv)"))

    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let fifo = dir.appendingPathComponent("tal.csv").path
    let fed = try HQProcess.shell(
      "mkfifo '\(fifo)' && { printf 'n\\n1\\n2\\n3\\n' > '\(fifo)' & } && $HQ -c '.load \(fifo) as t' -c 'from t | summarize s = sum(n)'")
    #expect(fed.status == 0, "\(fed.stderr)")
    #expect(fed.stdout == "s\n6\n")
    #expect(fed.stderr == "loaded t: 3 rows, 1 columns\n")

    let stray = try HQProcess.run(["--as", "k.csv", "-c", ".tables"])
    #expect(stray.status == 2)
    #expect(stray.stderr.contains("--as NAME names the file of the --load just before it"))
  }
}

/// What a session writes: `.save` scripts that replay, `.export` models that load back.
@Suite struct SessionFileTests {
  @Test func savedSessionRunsAgainWithTheSameResult() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let saved = dir.appendingPathComponent("saved.hq").path
    let last = dir.appendingPathComponent("last.hq").path
    let input = """
      .set year 2024
      let mine = from facts | where year == $year and kind == "utfall"
      from nosuch
      from mine | summarize n = count(), total = sum(value) by table | sort table
      .format json
      from goals | select name, status | sort name
      .save \(saved) all
      .save \(last)

      """
    let first = try HQProcess.run(["--keep-going"], input: input)
    #expect(first.status == 1)
    #expect(first.stderr.contains("<stdin>:3:6: error: unknown source 'nosuch'"))
    let script = try String(contentsOfFile: saved, encoding: .utf8)
    #expect(!script.contains("nosuch"))
    #expect(!script.contains(".save"))
    let second = try HQProcess.run([saved])
    #expect(second.status == 0, "\(second.stderr)")
    #expect(second.stdout == first.stdout)
    #expect(!second.stdout.isEmpty)
    // `.save FILE` without `all`: only the last result, with the format it was shown in.
    let lastScript = try String(contentsOfFile: last, encoding: .utf8)
    #expect(lastScript == "# Saved by hq: the last result and what it needs.\n.format json\nfrom goals | select name, status | sort name\n")
    let third = try HQProcess.run([last])
    #expect(third.status == 0, "\(third.stderr)")
    #expect(third.stdout.hasPrefix("["))
    #expect(first.stdout.hasSuffix(third.stdout))
  }

  /// The exported reports are the bundled ones: each is kept once, with a note.
  @Test func exportedModelLoadsBackKeepingEachReportOnce() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let model = dir.appendingPathComponent("model.json").path
    let export = try HQProcess.run(["-c", ".export \(model)"])
    #expect(export.status == 0, "\(export.stderr)")
    let before = try HQProcess.run(["-c", "from facts | count"])
    let after = try HQProcess.run(["--load", model, "-c", "from facts | count"])
    #expect(after.status == 0, "\(after.stderr)")
    #expect(after.stdout == before.stdout)
    #expect(after.stderr.split(separator: "\n").count == 2)
    #expect(after.stderr.contains("\(model): note: report 'rh-ar-2024' (\"Årsredovisning 2024 – Region Halland\") is already loaded"))
  }
}

@Suite struct ScriptFileTests {
  @Test func shebangScriptsRunDirectly() throws {
    let dir = try HQProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let script = dir.appendingPathComponent("count-goals.hq")
    try "#!/usr/bin/env hq\n# How many goals?\nfrom goals | count\n".write(to: script, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    // Another test thread forking while the script was open for writing keeps a descriptor of
    // it open in its child for a moment: exec then fails with ETXTBSY (status 126), a race of
    // the test process, not of hq. Tried again after it.
    var result = try HQProcess.shell("PATH=\"$(dirname \"$HQ\"):$PATH\" '\(script.path)' --format json")
    for _ in 0..<5 where result.status == 126 && result.stderr.contains("busy") {
      usleep(200_000)
      result = try HQProcess.shell("PATH=\"$(dirname \"$HQ\"):$PATH\" '\(script.path)' --format json")
    }
    #expect(result.status == 0, "\(result.stderr)")
    // Årsredovisning 2024 follows up seven goals (focus areas).
    #expect(result.stdout == "[\n  {\"count\":7}\n]\n")
  }

  @Test func scriptFromStandardInputWithDash() throws {
    let result = try HQProcess.run(["-", "--format", "tsv"], input: "from goals\n| count\n")
    #expect(result.status == 0)
    #expect(result.stdout == "count\n7\n")
  }

  @Test func timerReportsOnTheErrorStream() throws {
    let result = try HQProcess.run(["-c", ".timer on", "-c", "from goals | count"])
    #expect(result.stdout == "count\n7\n")
    #expect(result.stderr.hasPrefix("time: "))
    #expect(result.stderr.hasSuffix(" ms\n") || result.stderr.hasSuffix(" s\n"))
  }
}
