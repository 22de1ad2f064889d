import Testing
@testable import HQShell

@Suite struct ScriptScannerTests {
  private func texts(_ script: String) -> [String] {
    ScriptScanner.units(of: script).map(\.text)
  }

  @Test func oneStatementPerLine() {
    let units = ScriptScanner.units(of: "#!/usr/bin/env hq\nfrom goals\n\n# note\nfrom facts | take 3\n")
    #expect(units.map(\.text) == ["from goals", "from facts | take 3"])
    #expect(units.map(\.line) == [2, 5])
    #expect(units.allSatisfy { $0.kind == .statement })
  }

  @Test func trailingPipeOrOperatorContinues() {
    #expect(texts("from facts |\n  where year ==\n  2024\nfrom goals") == ["from facts |\n  where year ==\n  2024", "from goals"])
    #expect(texts("from facts | where a > 1 and\n b < 2") == ["from facts | where a > 1 and\n b < 2"])
    #expect(texts("from facts | select a,\n b") == ["from facts | select a,\n b"])
  }

  @Test func nextLineStartingWithPipeContinues() {
    #expect(texts("from facts\n\n  | take 3\nfrom goals\n| count") == ["from facts\n\n  | take 3", "from goals\n| count"])
  }

  @Test func openBracketsAndStringsContinue() {
    #expect(texts("from facts | where year in [2023,\n 2024]\nx") == ["from facts | where year in [2023,\n 2024]", "x"])
    #expect(texts("search \"två\nrader\"\nnext") == ["search \"två\nrader\"", "next"])
    #expect(texts("from facts | where note == \"a # not a comment |\"\nnext") == ["from facts | where note == \"a # not a comment |\"", "next"])
  }

  @Test func commentsDoNotContinue() {
    #expect(texts("from facts # ends here |\nfrom goals") == ["from facts", "from goals"])
  }

  @Test func semicolonsSeparateStatementsKeepingColumns() {
    #expect(texts("from goals; from facts") == ["from goals", "            from facts"])
  }

  @Test func metaCommandsAreTheirOwnUnits() {
    let units = ScriptScanner.units(of: ".load data.csv as d\nfrom d\n  .format json\nfrom facts | where x > .5")
    #expect(units.map(\.kind) == [.metaCommand, .statement, .metaCommand, .statement])
    #expect(units[2].text == ".format json")
  }

  @Test func completenessForThePrompt() {
    #expect(ScriptScanner.isComplete("from facts"))
    #expect(!ScriptScanner.isComplete("from facts |"))
    #expect(!ScriptScanner.isComplete("from facts | where (a > 1"))
    #expect(!ScriptScanner.isComplete("search \"open"))
    #expect(ScriptScanner.isComplete(".load x.csv"))
    #expect(ScriptScanner.isComplete(""))
  }
}

@Suite struct MetaCommandTests {
  @Test func parsesEveryCommand() throws {
    #expect(try MetaCommand.parse(".help compare") == .help(topic: "compare"))
    #expect(try MetaCommand.parse(".load \"my data.csv\" as kolada") == .load(path: "my data.csv", name: "kolada"))
    #expect(try MetaCommand.parse(".output") == .output(path: nil))
    #expect(try MetaCommand.parse(".format JSON") == .format(.json))
    #expect(try MetaCommand.parse(".set $area Hälso- och sjukvård") == .set(name: "area", value: "Hälso- och sjukvård"))
    #expect(try MetaCommand.parse(".timer on") == .timer(true))
    #expect(try MetaCommand.parse("  .quit") == .quit)
  }

  @Test func reportsMistakesWithASuggestion() {
    #expect(throws: ShellError.self) { try MetaCommand.parse(".format xml") }
    do {
      _ = try MetaCommand.parse(".shcema facts")
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "unknown command '.shcema'")
      #expect(error.help == "did you mean '.schema'?")
    }
    #expect(throws: ShellError.self) { try MetaCommand.parse(".load a b c d") }
    #expect(throws: ShellError.self) { try MetaCommand.parse(".timer maybe") }
  }
}

@Suite struct OptionsTests {
  @Test func parsesFlagsInAnyOrder() throws {
    let options = try Options.parse(["report.hq", "--set", "year=2024", "--format=json", "-k", "--load", "a.csv"])
    #expect(options.script == "report.hq")
    #expect(options.parameters.map(\.name) == ["year"])
    #expect(options.parameters.map(\.value) == ["2024"])
    #expect(options.format == .json)
    #expect(options.keepGoing)
    #expect(options.loads == ["a.csv"])
  }

  @Test func numbersAndMaxrowsAsTheirCommandsTakeThem() throws {
    let options = try Options.parse(["--numbers", "sv", "--maxrows=all", "-c", "from goals"])
    #expect(options.numbers == .swedish)
    #expect(options.maxRows == .some(nil))
    #expect(try Options.parse(["--maxrows", "12"]).maxRows == .some(12))
    #expect(try Options.parse([]).maxRows == nil && Options.parse([]).numbers == nil)
    #expect(throws: ShellError.self) { try Options.parse(["--numbers", "comma"]) }
    #expect(throws: ShellError.self) { try Options.parse(["--maxrows", "-3"]) }
    // A value is not taken for a --load pairing's option.
    #expect(try Options.parse(["--numbers", "sv", "--load", "a.csv", "--as", "b"]).loadNames == ["b"])
  }

  @Test func loadAsNamesTheLoadBeforeIt() throws {
    let options = try Options.parse(["--load", "/dev/stdin", "--as", "k.csv", "--load", "b.csv", "-l", "c", "--as=c.tsv"])
    #expect(options.loads == ["/dev/stdin", "b.csv", "c"])
    #expect(options.loadNames == ["k.csv", nil, "c.tsv"])
    for arguments in [["--as", "x"], ["--load", "a", "--as", "x", "--as", "y"], ["--load", "a", "--as"]] {
      #expect(throws: ShellError.self, "\(arguments)") { try Options.parse(arguments) }
    }
  }

  /// argument-parser keeps no places, so the pairing is read from the order: each --as and
  /// --encoding belongs to the --load before it, with other options between them.
  @Test func asAndEncodingPairWithTheLoadBeforeThem() throws {
    let options = try Options.parse([
      "--load", "a.csv", "--format", "csv", "--encoding", "cp1252", "-l", "b.csv", "-k", "--as", "b",
      "--load=c.tsv", "--encoding=utf-8", "--as=c",
    ])
    #expect(options.loads == ["a.csv", "b.csv", "c.tsv"])
    #expect(options.loadNames == [nil, "b", "c"])
    #expect(options.loadEncodings == [.windows1252, nil, .utf8])
    // A value that looks like an option is still the value of the option before it.
    let quoted = try Options.parse(["-c", "--as", "--load", "--encoding"])
    #expect(quoted.commands == ["--as"])
    #expect(quoted.loads == ["--encoding"])
    #expect(quoted.loadNames == [nil])
    for arguments in [["--encoding", "cp1252", "--load", "a.csv"], ["--load", "a", "--encoding", "cp1252", "--encoding", "utf-8"]] {
      #expect(throws: ShellError.self, "\(arguments)") { try Options.parse(arguments) }
    }
  }

  @Test func valuesStartingWithADashAndScriptsAfterTheTerminator() throws {
    #expect(try Options.parse(["-c", "-1 + 2"]).commands == ["-1 + 2"])
    #expect(try Options.parse(["--", "-odd.hq"]).script == "-odd.hq")
    #expect(try Options.parse(["-"]).script == "-")
    #expect(try Options.parse(["--set", "$year=2024"]).parameters.map(\.name) == ["year"])
  }

  @Test func helpIsGeneratedFromTheDeclarations() throws {
    let help = try #require(try Options.parse(["--help"]).exitText)
    #expect(try Options.parse(["-h"]).exitText == help)
    for expected in [
      "USAGE: hq ", "hq -c STATEMENT [-c …]", "ARGUMENTS:", "<file.hq>", "OPTIONS:", "-c, --command <statement>",
      "-f, --format <format>", "-o, --output <file>", "-s, --set <name=value>", "-l, --load <path>", "--as <name>",
      "--encoding <enc>", "-k, --keep-going", "-V, --version", "EXAMPLES:", "ENVIRONMENT:", "HQ_MEMORY_LIMIT",
      "EXIT STATUS: 0 success, 1 a statement failed, 2 usage error",
    ] {
      #expect(help.contains(expected), "\(expected)")
    }
    #expect(try Options.parse(["-V"]).exitText == "hq \(HQCommand.version)\n")
  }

  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScripts(shell: String) throws {
    let script = try #require(try Options.parse(["--generate-completion-script", shell]).exitText)
    #expect(script.count > 500)
    // fish names a long option without its dashes (`-l 'keep-going'`).
    for flag in ["keep-going", "format", "encoding"] {
      #expect(script.contains(shell == "fish" ? "-l '\(flag)'" : "--\(flag)"), "\(shell): \(flag)")
    }
    // The formats are offered as the values of --format.
    #expect(script.contains("csv-sv"), "\(shell)")
  }

  @Test func aMistypedFlagNamesTheNearestOne() {
    #expect {
      try Options.parse(["--frmat", "csv"])
    } throws: { error in
      (error as? ShellError)?.message == "Unknown option '--frmat'. Did you mean '--format'?"
    }
    #expect {
      try Options.parse(["--keep-gong"])
    } throws: { error in
      (error as? ShellError)?.message.contains("Did you mean '--keep-going'?") == true
    }
  }

  @Test func repeatableCommands() throws {
    #expect(try Options.parse(["-c", "from goals", "--command", "from facts"]).commands == ["from goals", "from facts"])
  }

  @Test func usageErrors() {
    for arguments in [["--nope"], ["-c"], ["--format", "xml"], ["--set", "novalue"], ["a.hq", "b.hq"], ["a.hq", "-c", "x"]] {
      #expect(throws: ShellError.self, "\(arguments)") { try Options.parse(arguments) }
    }
  }
}
