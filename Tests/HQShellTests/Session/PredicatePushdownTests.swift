import Foundation
import HQData
import HQReports
import Testing

@testable import HQShell

/// Predicate pushdown (issue 16, item 2): in a one-shot run, the load's first read of a file
/// runs the tests of the only statement's `where` on each record and builds the statement's
/// other text columns for the records that pass only. Its results, warnings and errors must be
/// the ones the statement gives without pushdown, at the prompt, and with the whole file loaded
/// at once, and the table must keep no partial column.
@Suite struct PredicatePushdownTests {
  private func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hq-predicate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// How a session reads the file: whole at the load, column by column at the prompt, or with
  /// the statements planned before the load (`-c`) with or without pushdown.
  enum Mode: CaseIterable {
    case whole, prompt, plannedPushed, plannedUnpushed
  }

  /// The output and errors of each of `texts`, run one after another in one session.
  private func outputs(_ path: String, _ texts: [String], mode: Mode) -> [String] {
    Fixtures.outputs([path], texts) { session in
      session.readsColumnsOnDemand = mode != .whole
      session.engine.pushesPredicates = mode != .plannedUnpushed
      if mode == .plannedPushed || mode == .plannedUnpushed {
        session.plannedUnits = texts.flatMap { ScriptScanner.units(of: $0) }
      }
    }
  }

  @Test func aFilterThatKeepsFewRowsByHand() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.csv").path
    try "id,namn,n,kon\n1,\"Borås, stad\",5,T\n2,Åre,12.5,K\n3,,7,M\n4,\"sa \"\"hej\"\"\",20,T\n5,Kiruna,,K\n6,Åre,3,T\n"
      .write(toFile: path, atomically: true, encoding: .utf8)
    let texts = [
      "from t | where n > 6 | select namn, n, kon",
      "from t | where n > 6 and kon == \"T\" | select namn",
      "from t | where kon == \"X\" | select namn",
      "from t | where n >= 12.5 | sort namn | select namn, id",
    ]
    let expected = [
      "namn,n,kon\nÅre,12.5,K\n,7,M\n\"sa \"\"hej\"\"\",20,T\n",
      "namn\n\"sa \"\"hej\"\"\"\n",
      "namn\n",
      "namn,id\n\"sa \"\"hej\"\"\",4\nÅre,2\n",
    ]
    for mode in Mode.allCases {
      let got = outputs(path, texts, mode: mode)
      for index in texts.indices {
        if index == 2 {
          #expect(got[index].hasPrefix(expected[index]), "\(mode): \(texts[index])")
          #expect(got[index].contains("no row has kon \"X\""), "\(mode): \(texts[index])")
        } else {
          #expect(got[index] == expected[index], "\(mode): \(texts[index])")
        }
      }
    }
  }

  @Test func theTableKeepsNoPartialColumn() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.csv").path
    var text = "id,namn,kon,ort\n"
    for row in 0..<2_000 { text += "\(row),namn \(row % 37),\(["T", "K", "M"][row % 3]),ort \(row % 5)\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let out = OutputSink()
    let session = Session(model: ReportModel(), format: .csv, output: out, errors: OutputSink(), outputIsTerminal: false)
    session.readsColumnsOnDemand = true
    let first = "from t | where id >= 1990 and kon == \"K\" | select namn, ort"
    session.plannedUnits = ScriptScanner.units(of: first)
    try session.load(paths: [path])
    let table = try #require(session.engine.catalog.deferred("t"))
    // The load read `id` and `kon` whole, `namn` and `ort` for the rows the filter keeps only.
    #expect(table.isRead(0) && table.isRead(2) && !table.isRead(1) && !table.isRead(3))
    _ = session.run(first, name: "<command>")
    #expect(out.text == "namn,ort\nnamn 29,ort 0\nnamn 32,ort 3\nnamn 35,ort 1\nnamn 1,ort 4\n")
    // The statement took the narrowed read; the table still has `namn` and `ort` unread.
    #expect(table.isRead(0) && table.isRead(2) && !table.isRead(1) && !table.isRead(3))
    _ = session.run("from t | where id < 3 | select namn, id", name: "<command>")
    #expect(out.text.hasSuffix("namn,id\nnamn 0,0\nnamn 1,1\nnamn 2,2\n"))
    _ = session.run("from t | summarize n = count() by namn | sort n desc, namn | take 1", name: "<command>")
    #expect(out.text.hasSuffix("namn,n\nnamn 0,55\n"))
    #expect(table.isRead(1))
  }

  @Test func aFilterOnAColumnWhoseTypeWasGuessedWrong() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.csv").path
    // `kod` is numbers in the sampled records and text after them.
    var text = "id,namn,kod\n"
    for row in 0..<1_500 { text += "\(row),namn \(row % 7),\(row < 1_200 ? String(row % 9) : "x\(row % 3)")\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let texts = [
      "from t | select kod | take 1", "from t | where kod == \"x1\" and id < 1210 | select namn, id",
      "from t | where kod == \"x2\" | count",
    ]
    let expected = ["kod\n0\n", "namn,id\nnamn 4,1201\nnamn 0,1204\nnamn 3,1207\n", "count\n100\n"]
    for mode in Mode.allCases {
      #expect(outputs(path, texts, mode: mode) == expected, "\(mode)")
    }
  }

  @Test func aFilterThatKeepsMostOfTheFirstRecordsAndFewAfter() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.csv").path
    // 40 000 records: group A for three in four of the first 20 000, B after; the tests stop
    // after their first window and keep every record after it.
    var text = "id,grupp,namn,ort\n"
    for id in 0..<40_000 { text += "\(id),\(id < 20_000 && id % 4 != 0 ? "A" : "B"),namn \(id % 7),Åre \(id % 3)\n" }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let texts = [
      "from t | where grupp == \"A\" | summarize n = count(), s = sum(id) by namn, ort | sort namn, ort | take 3",
      "from t | where grupp != \"A\" and id >= 19990 | take 3 | select namn, ort, id",
    ]
    // Worked out from the rows above: 15 000 rows of A, among them id 1, 2, 3, 5, …; `namn 0`
    // with `Åre 0` are the ids divisible by 21 and not by 4 under 20 000.
    let a = (0..<20_000).filter { $0 % 4 != 0 }
    func row(_ namn: Int, _ ort: Int) -> String {
      let ids = a.filter { $0 % 7 == namn && $0 % 3 == ort }
      return "namn \(namn),Åre \(ort),\(ids.count),\(ids.reduce(0, +))\n"
    }
    let expected = [
      "namn,ort,n,s\n" + row(0, 0) + row(0, 1) + row(0, 2),
      "namn,ort,id\nnamn 0,Åre 0,19992\nnamn 4,Åre 1,19996\nnamn 1,Åre 2,20000\n",
    ]
    for mode in Mode.allCases {
      #expect(texts.flatMap { outputs(path, [$0], mode: mode) } == expected, "\(mode)")
    }
  }

  @Test func aFileThatIsNotUTF8InARowTheFilterDrops() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("t.csv").path
    // Row 1 500's `namn` is `Malm` and 0xF6 (ö in Windows-1252), in a row the filter drops: the
    // load reads the file whole as Windows-1252, as it does without pushdown.
    var bytes = Array("id,namn,kon,ort\n".utf8)
    for row in 0..<2_000 {
      bytes += Array("\(row),".utf8) + (row == 1_500 ? Array("Malm".utf8) + [0xF6] : Array("namn \(row % 5)".utf8))
      bytes += Array(",\(row == 1_500 ? "M" : ["T", "K"][row % 2]),ort \(row % 3)\n".utf8)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let texts = ["from t | where kon == \"K\" and id > 1995 | select namn, ort", "from t | where kon == \"M\" | select namn, ort"]
    // 1 997 and 1 999 are the K rows over 1 995: namn id % 5, ort id % 3 (digit sums 26 and 28).
    let expected = ["namn,ort\nnamn 2,ort 2\nnamn 4,ort 1\n", "namn,ort\nMalmö,ort 0\n"]
    for mode in Mode.allCases {
      let got = texts.flatMap { outputs(path, [$0], mode: mode) }
      for index in texts.indices {
        #expect(got[index].hasPrefix(expected[index]), "\(mode): \(texts[index]): \(got[index])")
      }
    }
  }

  /// A file with nulls, quoted cells (a delimiter, a line break, doubled quotes), mixed
  /// decimal scales, Swedish text, a column of numbers that turns to text after the sampled
  /// records, and one of text that is numbers at first.
  static func csv(rows: Int, seed: UInt64) -> String {
    var random = Random(seed)
    let names = ["Åre", "\"Malung-Sälen\"", "\"Borås, stad\"", "Örebro", "\"sa \"\"hej\"\"\"", "Kiruna", "\"två\nrader\"", ""]
    var text = "id,namn,n,kon,kod,grupp,sent\n"
    for row in 0..<rows {
      let pick = Int(random.next() % 100)
      let n = pick < 5 ? "" : pick < 40 ? "\(Int(random.next() % 900) - 100)" : pick < 70 ? "\(random.next() % 500).5" : "-\(random.next() % 90).25"
      let kod = row < 1_100 || random.next() % 9 != 0 ? "\(random.next() % 40)" : "x\(random.next() % 5)"
      let grupp = ["stad", "land", "", "fjäll"][Int(random.next() % 4)]
      let sent = row < 1_050 ? "\(row % 13)" : "t\(row % 4)"
      text += "\(row),\(names[Int(random.next() % UInt64(names.count))]),\(n),\(["T", "K", "M"][Int(random.next() % 3)]),\(kod),\(grupp),\(sent)\n"
    }
    return text
  }

  static let predicates = [
    "n > 400", "n <= -50", "kon == \"K\"", "kon != \"T\" and n > 0", "namn ~ \"å\"", "n is null", "id < 25",
    "id >= 900 and kon == \"M\"", "grupp == \"fjäll\" or n > 450", "kon == \"X\"", "kod > 3", "sent == \"t1\"",
    "namn == \"Åre\"", "id > 100000", "n > 0 or n <= 0", "kod == \"x1\"", "sent != \"t2\" and id > 1040",
  ]
  static let tails = [
    "select namn, n", "sort n desc, id | take 5 | select id, namn, grupp", "summarize c = count() by grupp | sort grupp",
    "distinct namn, kon | count", "pivot kon value sum(n) by grupp | sort grupp", "count", "select namn, grupp, kod",
    "take 3 | select namn, sent", "summarize s = sum(n), c = count(namn) by kon | sort kon", "select id",
    "select namn, kon, grupp", "distinct namn, grupp | count", "sort id desc | take 4 | select kon, namn",
  ]

  @Test(arguments: 1...4)
  func pushedAndUnpushedGiveTheSameResults(seed: UInt64) throws {
    var random = Random(seed &* 7_919)
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("r.csv").path
    let rows = [40, 1_000, 1_900, 3_200][Int(seed - 1)]
    try Self.csv(rows: rows, seed: seed).write(toFile: path, atomically: true, encoding: .utf8)
    var texts: [String] = []
    for _ in 0..<24 {
      let predicate = Self.predicates[Int(random.next() % UInt64(Self.predicates.count))]
      let tail = Self.tails[Int(random.next() % UInt64(Self.tails.count))]
      texts.append("from r | where \(predicate) | \(tail)")
    }
    let whole = outputs(path, texts, mode: .whole)
    #expect(whole.count == texts.count)
    // Most of the statements are narrowed (their filter has a test a record can run and they
    // read two text columns the filter does not), so the comparison below tests pushdown.
    let session = Session(model: ReportModel(), format: .csv, output: OutputSink(), errors: OutputSink(), outputIsTerminal: false)
    try session.load(paths: [path])
    let narrowed = texts.filter { session.engine.plannedRead(of: "r", by: [$0])?.narrowing != nil }
    #expect(narrowed.count >= 4, "\(narrowed.count) of \(texts.count) narrowed")
    for mode in Mode.allCases where mode != .whole {
      // At the prompt, one session runs them all; planned, each runs alone as `hq -c` does.
      let got = mode == .prompt
        ? outputs(path, texts, mode: mode) : texts.flatMap { outputs(path, [$0], mode: mode) }
      for index in texts.indices {
        #expect(got[index] == whole[index], "seed \(seed), \(mode): \(texts[index])")
      }
    }
  }
}

/// SplitMix64, so generated files are the same every run.
private struct Random {
  private var state: UInt64
  init(_ seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
