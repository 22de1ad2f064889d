#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HQData
import Testing

@testable import HQReports

/// How well the texts with a hand-checked or generated truth are read: `Scripts/fidelity`'s
/// matching (ported in ``Fidelity``) as a test, so a regression fails instead of waiting for
/// someone to run the script.
///
/// On every text: no wrong number, no more guessed facts than its allowance, and a recall of
/// at least its floor. The floors stand 3 points below what the code reached when they were
/// set (commit c787d24, and for the dev texts raised on 2026-12-03; the recall in each line's
/// comment, rounded down to a whole percent) — but never below 90 % for a dev text, the
/// recall issue 11 asks of every one;
/// the guessed allowances are the guesses it made then. Raise the floors and lower the
/// allowances when the reading improves. Each test prints its table.
@Suite struct FidelityTests {
  /// What a text must keep reaching.
  struct Bar {
    /// The least recall, in percent of the truth rows.
    var recall: Double
    /// The most facts allowed on lines its truth lists as unreadable.
    var guessed: Int = 0
  }

  /// The dev texts (Datasets/dev) against Datasets/truth.
  static let devBars: [String: Bar] = [
    "kungsbacka-budget-2026-finansiella-rapporter": Bar(recall: 90, guessed: 2),  // 90.7%
    "kungsbacka-dr-2025-aug-finansiella-rapporter": Bar(recall: 90, guessed: 3),  // 92.9%
    "kungsbacka-fg-dr-2024-aug-matt-personal": Bar(recall: 90),  // 90.6%
    "kungsbacka-ga-dr-2024-aug-matt-ekonomi": Bar(recall: 96),  // 99.2%
    "kungsbacka-ifo-ar-2023-matt-personal-ekonomi": Bar(recall: 94, guessed: 1),  // 97.4%
    "kungsbacka-kultur-ar-2024-personal-ekonomi": Bar(recall: 90),  // 91.8%
    "kungsbacka-service-ar-2024-personal-ekonomi": Bar(recall: 92),  // 95.8%
    "kungsbacka-teknik-ar-2024-ekonomi": Bar(recall: 90),  // 92.8%
    "kungsbacka-uppf-2025-apr-ekonomi": Bar(recall: 94),  // 97.5%
  ]

  /// The synthetic texts (Tests/Fixtures/Synthetic), each against its generated truth.
  static let syntheticBars: [String: Bar] = [
    "ale-bmn-up-2024-apr-md": Bar(recall: 96),  // 99.0%
    "are-kb-2025-text": Bar(recall: 95, guessed: 5),  // 98.8%
    "blekinge-dr-2025-aug-text": Bar(recall: 96),  // 99.4%
    "blekinge-kb-2027-layout": Bar(recall: 89, guessed: 5),  // 92.6%
    "blekinge-up-2024-apr-text": Bar(recall: 96),  // 99.0%
    "dalarna-up-2025-apr-layout": Bar(recall: 96),  // 99.0%
    "falkoping-dr-2022-aug-text": Bar(recall: 96),  // 99.0%
    "harryda-kb-2026-layout": Bar(recall: 94, guessed: 5),  // 97.3%
    "kavlinge-kfn-dr-2022-aug-md": Bar(recall: 94),  // 97.9%
    "lerum-ks-up-2023-apr-md": Bar(recall: 95),  // 98.9%
    "ljusdal-amn-ar-2024-text": Bar(recall: 97),  // 100.0%
    "lysekil-bun-up-2025-apr-text": Bar(recall: 92),  // 95.5%
    "mora-up-2024-apr-layout": Bar(recall: 97),  // 100.0%
    "orsa-von-dr-2025-aug-layout": Bar(recall: 90),  // 93.3%
    "osthammar-sen-ar-2023-layout": Bar(recall: 96),  // 99.0%
    "partille-kb-2026-text": Bar(recall: 95, guessed: 5),  // 98.9%
    "sandviken-tn-ar-2022-layout": Bar(recall: 87),  // 90.5%
    "sotenas-ar-2025-text": Bar(recall: 97),  // 100.0%
    "svalov-kb-2027-md": Bar(recall: 94, guessed: 5),  // 97.1%
    "tanum-dr-2025-aug-layout": Bar(recall: 96),  // 99.4%
    "vara-amn-ar-2025-md": Bar(recall: 95),  // 98.7%
    "vasternorrland-kb-2024-md": Bar(recall: 94, guessed: 3),  // 97.6%
    "vimmerby-sn-dr-2022-aug-md": Bar(recall: 95),  // 98.4%
    "ydre-sen-ar-2021-md": Bar(recall: 96),  // 99.0%
  ]

  /// The reading-order texts of the generated table PDFs against their `.truth.tsv` (which
  /// has no line column: matched by indicator, kind, period, year and value).
  /// The blind reports (Tests/Fixtures/Blind, `Scripts/make-blind-reports --seed 2026`), from a
  /// generator written without reading the reader or the other generator; floors set on
  /// 2026-12-04 as above.
  static let blindBars: [String: Bar] = [
    "blind-kalmar-up4-2025-text": Bar(recall: 90),  // 93.9%
    "blind-kommunalforbundet-budget-2023-layout": Bar(recall: 97),  // 100.0%
    "blind-lidbo-ar-2025-text": Bar(recall: 97),  // 100.0%
    "blind-lidbo-up9-2025-text": Bar(recall: 97),  // 100.0%
    "blind-lidkopings-budget-2024-layout": Bar(recall: 90),  // 93.6%
    "blind-molndals-up4-2024-markdown": Bar(recall: 97),  // 100.0%
    "blind-ostergotland-budget-2023-markdown": Bar(recall: 97),  // 100.0%
    "blind-ostergotland-dr8-2024-markdown": Bar(recall: 97),  // 100.0%
    "blind-ostergotland-up4-2024-text": Bar(recall: 97),  // 100.0%
    "blind-ostersunds-ar-2023-markdown": Bar(recall: 97),  // 100.0%
    "blind-raddningstjanstforbundet-ar-2023-layout": Bar(recall: 97),  // 100.0%
    "blind-raddningstjanstforbundet-dr8-2024-markdown": Bar(recall: 97),  // 100.0%
    "blind-raddningstjanstforbundet-up9-2025-layout": Bar(recall: 97),  // 100.0%
    "blind-samordningsforbundet-ar-2024-layout": Bar(recall: 84),  // 87.2%
    "blind-skogsbo-dr6-2023-text": Bar(recall: 97),  // 100.0%
    "blind-sormland-dr6-2024-markdown": Bar(recall: 97),  // 100.0%
    "blind-sundsvalls-dr8-2025-markdown": Bar(recall: 97),  // 100.0%
    "blind-tranemo-dr8-2025-layout": Bar(recall: 97),  // 100.0%
    "blind-upplands-bro-ar-2023-layout": Bar(recall: 95),  // 98.9%
    "blind-uppsala-dr8-2024-text": Bar(recall: 97),  // 100.0%
    "blind-vanerfastigheter-dr8-2025-markdown": Bar(recall: 97),  // 100.0%
    "blind-vanerfastigheter-up9-2023-text": Bar(recall: 97),  // 100.0%
    "blind-vanersborgs-dr8-2025-layout": Bar(recall: 97),  // 100.0%
    "blind-vastmanland-dr8-2025-text": Bar(recall: 97),  // 100.0%
  ]

  static let readingOrderBars: [String: Bar] = [
    "lunneby-delarsrapport-2024": Bar(recall: 97),  // 100.0%
    "norrvik-arsredovisning-2023": Bar(recall: 97),  // 100.0%
    "smedby-uppfoljning-april-2025": Bar(recall: 97),  // 100.0%
  ]

  @Test func devTexts() throws {
    let scored = try ReportTexts.dev.map { text in
      try (text, Fidelity.score(
        text, truth: ReportTexts.path("Datasets/truth/\(text.name).tsv"),
        unread: ReportTexts.path("Datasets/truth/\(text.name).unread.tsv")))
    }
    #expect(scored.count == 9)
    check(scored, bars: Self.devBars, title: "dev texts (Datasets/dev against Datasets/truth)")
  }

  @Test func syntheticTexts() throws {
    let scored = try ReportTexts.synthetic.map { text in
      try (text, Fidelity.score(text, truth: text.sibling(".tsv"), unread: text.sibling(".unread.tsv")))
    }
    #expect(!scored.isEmpty)
    check(scored, bars: Self.syntheticBars, title: "synthetic texts (Tests/Fixtures/Synthetic)")
  }

  @Test func blindTexts() throws {
    let scored = try ReportTexts.blind.map { text in
      try (text, Fidelity.score(text, truth: text.sibling(".tsv"), unread: text.sibling(".unread.tsv")))
    }
    #expect(scored.count == 24)
    check(scored, bars: Self.blindBars, title: "blind texts (Tests/Fixtures/Blind)")
  }

  @Test func readingOrderTexts() throws {
    let withTruth = ReportTexts.readingOrder.filter { FileManager.default.fileExists(atPath: $0.sibling(".truth.tsv")) }
    let scored = try withTruth.map { text in
      try (text, Fidelity.score(text, truth: text.sibling(".truth.tsv"), unread: nil))
    }
    #expect(!scored.isEmpty)
    check(scored, bars: Self.readingOrderBars, title: "reading-order texts of the table PDFs (Tests/Fixtures/Reports)")
  }

  /// Prints the table, then holds every text to its bar.
  private func check(_ scored: [(ReportTexts.Text, Fidelity.Score)], bars: [String: Bar], title: String) {
    print(Fidelity.table(scored.map { ($0.0.name, $0.1, bars[$0.0.name]) }, title: title))
    for (text, score) in scored {
      #expect(score.wrong.isEmpty, "\(text.fileName): wrong numbers\n\(Fidelity.describe(score.wrong))")
      guard let bar = bars[text.name] else {
        Issue.record(
          "\(text.fileName) has no bar; it reads recall \(Fidelity.percent(score.recall)), \(score.guessed.count) guessed")
        continue
      }
      #expect(
        score.guessed.count <= bar.guessed,
        "\(text.fileName): \(score.guessed.count) guessed facts, allowed \(bar.guessed)\n\(Fidelity.describe(score.guessed))")
      #expect(
        score.recall >= bar.recall,
        "\(text.fileName): recall \(Fidelity.percent(score.recall)) is below its floor \(Fidelity.percent(bar.recall))")
    }
  }

  // MARK: - The port itself

  @Test func labelsMatchAsTheScriptMatchesThem() {
    #expect(Fidelity.words("Verksamhetens nettokostnad (mnkr)") == ["verksamhetens", "nettokostnad", "mnkr"])
    #expect(Fidelity.words("ÅÄÖ-É/Ü x2") == ["åäö", "é", "ü", "x2"])
    // One's squashed words within the other's.
    #expect(Fidelity.sameLabel("Summa intäkter", "Summa  intäkter totalt"))
    #expect(Fidelity.sameLabel("Vatten & Avlopp", "vattenavlopp"))
    // Otherwise at least 60 % of the shorter label's distinct words (rounded down, at least one).
    #expect(Fidelity.sameLabel("Kultur och fritid nämnd", "Nämnd för kultur"))
    #expect(Fidelity.sameLabel("Kultur och fritid", "Gator och vägar"), "one shared `och` is enough for three words")
    #expect(!Fidelity.sameLabel("Politisk verksamhet", "Gator och vägar"))
    #expect(!Fidelity.sameLabel("", "Summa"))
  }

  @Test func matchingIsOneToOneAndSortsTheMisses() {
    func fact(_ line: Int, _ indicator: String, _ kind: FactKind, _ year: Int?, _ value: Int) -> Fact {
      Fact(
        report: "r", section: "", table: "", indicator: indicator, measure: "", kind: kind, period: "helår",
        year: year, value: Number(value), unit: "mnkr", line: line)
    }
    func truth(_ line: Int, _ indicator: String, _ kind: String, _ year: Int?, _ value: Int) -> Fidelity.TruthRow {
      Fidelity.TruthRow(
        line: line, indicator: indicator, measure: "", kind: kind, period: "helår", year: year, value: Number(value),
        unit: "mnkr")
    }
    let truth = [
      truth(10, "Intäkter", "utfall", 2024, 5), truth(10, "Intäkter", "budget", 2024, 6),
      truth(11, "Kostnader", "utfall", 2024, -7), truth(12, "Netto", "utfall", 2024, -2),
    ]
    let facts = [
      fact(10, "Intäkter", .utfall, 2024, 5), fact(10, "Verksamhetens intäkter", .budget, 2024, 6),
      fact(11, "Kostnader", .utfall, 2024, -8), fact(12, "Netto", .prognos, 2024, -2),
      fact(13, "Sida", .värde, nil, 13), fact(14, "Annat", .värde, nil, 1),
    ]
    let score = Fidelity.compare(truth: truth, facts: facts, unreadLines: [13])
    #expect(score.found.count == 2)
    #expect(score.wrong.map(\.fact.value) == [Number(-8)])
    #expect(score.miskind.map(\.fact.kind) == [.prognos])
    #expect(score.guessed.map(\.line) == [13])
    #expect(score.extra.map(\.line) == [14])
    #expect(score.missing.isEmpty)
    #expect(score.recall == 50)
  }
}

/// `Scripts/fidelity`'s matching of facts to truth rows, ported line for line.
///
/// Facts are matched to truth rows one to one, in three passes over the truth rows in file
/// order, each taking the first fact (in `facts` order) not matched yet:
///
/// 1. *found*: same line, value, kind, year and period, and a compatible label;
/// 2. *wrong*: same line, kind, year, period and label, another value;
/// 3. *mis-kind*: same line, value and label, another kind, year or period.
///
/// A fact left over is *guessed* when it stands on a line the truth lists as unreadable,
/// else *extra*. A truth row without a line (the table PDFs' truth) matches on any line.
enum Fidelity {
  /// One row of a truth file (the columns of Datasets/truth/README.md).
  struct TruthRow {
    var line: Int?
    var indicator: String
    var measure: String
    var kind: String
    var period: String
    var year: Int?
    var value: Number
    var unit: String
  }

  /// A truth row and the fact matched to it.
  typealias Pair = (truth: TruthRow, fact: Fact)

  /// The outcome of matching one text's facts to its truth.
  struct Score {
    var truth: Int
    var found: [Pair] = []
    var wrong: [Pair] = []
    var miskind: [Pair] = []
    var guessed: [Fact] = []
    var extra: [Fact] = []
    var missing: [TruthRow] = []
    var facts: Int

    /// Found truth rows, in percent of all.
    var recall: Double { truth == 0 ? 0 : 100 * Double(found.count) / Double(truth) }
    /// Found facts whose unit differs from the truth's.
    var unitDiffers: Int { found.filter { $0.truth.unit != $0.fact.unit }.count }
  }

  struct FileError: Error, CustomStringConvertible {
    var path: String
    var line: Int
    var message: String
    var description: String { "\(path):\(line): \(message)" }
  }

  /// Ingests a text and matches its facts to the truth file (and the unread file, if given
  /// and present).
  static func score(_ text: ReportTexts.Text, truth: String, unread: String?) throws -> Score {
    let rows = try readTruth(truth)
    let unreadLines = try unread.map(readUnreadLines) ?? []
    let facts = try text.model().facts
    return compare(truth: rows, facts: facts, unreadLines: unreadLines)
  }

  // MARK: Labels

  /// The lowercased text split at everything but `0-9 a-z å ä ö é ü`.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var word = String.UnicodeScalarView()
    for scalar in text.lowercased().unicodeScalars {
      if ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || "åäöéü".unicodeScalars.contains(scalar) {
        word.append(scalar)
      } else if !word.isEmpty {
        words.append(String(word))
        word = String.UnicodeScalarView()
      }
    }
    if !word.isEmpty { words.append(String(word)) }
    return words
  }

  /// The fact's label names the truth's row: one's words within the other's, spaces aside, or
  /// enough words in common.
  static func sameLabel(_ truth: String, _ fact: String) -> Bool {
    let (t, f) = (words(truth), words(fact))
    let (squashedT, squashedF) = (t.joined(), f.joined())
    if squashedT.isEmpty || squashedF.isEmpty { return false }
    if squashedF.contains(squashedT) || squashedT.contains(squashedF) { return true }
    let (tw, fw) = (Set(t), Set(f))
    return tw.intersection(fw).count >= max(1, Int(0.6 * Double(min(tw.count, fw.count))))
  }

  // MARK: Matching

  static func compare(truth: [TruthRow], facts: [Fact], unreadLines: Set<Int>) -> Score {
    var score = Score(truth: truth.count, facts: facts.count)
    var used = [Bool](repeating: false, count: facts.count)
    func sameLine(_ t: TruthRow, _ f: Fact) -> Bool { t.line.map { $0 == f.line } ?? true }
    func sameKey(_ t: TruthRow, _ f: Fact) -> Bool {
      f.kind.rawValue == t.kind && f.year == t.year && f.period == t.period
    }
    /// Takes the first fact not used yet that `matches` the row.
    func take(_ t: TruthRow, where matches: (Fact) -> Bool) -> Fact? {
      guard let i = facts.indices.first(where: { !used[$0] && sameLine(t, facts[$0]) && matches(facts[$0]) }) else {
        return nil
      }
      used[i] = true
      return facts[i]
    }

    var unfound: [TruthRow] = []
    for t in truth {
      if let f = take(t, where: { $0.value == t.value && sameKey(t, $0) && sameLabel(t.indicator, $0.indicator) }) {
        score.found.append((t, f))
      } else {
        unfound.append(t)
      }
    }
    var unplaced: [TruthRow] = []
    for t in unfound {
      if let f = take(t, where: { sameKey(t, $0) && sameLabel(t.indicator, $0.indicator) }) {
        score.wrong.append((t, f))
      } else {
        unplaced.append(t)
      }
    }
    for t in unplaced {
      if let f = take(t, where: { $0.value == t.value && sameLabel(t.indicator, $0.indicator) }) {
        score.miskind.append((t, f))
      } else {
        score.missing.append(t)
      }
    }
    for (i, f) in facts.enumerated() where !used[i] {
      if unreadLines.contains(f.line) { score.guessed.append(f) } else { score.extra.append(f) }
    }
    return score
  }

  // MARK: Files

  /// A truth file: a header line naming the columns, then one row per line; blank lines and
  /// lines starting with `#` are skipped. A file without a `line` column gives rows without one.
  static func readTruth(_ path: String) throws -> [TruthRow] {
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated().filter { !$0.element.allSatisfy(\.isWhitespace) && !$0.element.hasPrefix("#") }
    guard let header = lines.first else { return [] }
    let columns = header.element.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return try lines.dropFirst().map { number, line in
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
      func cell(_ name: String) -> String {
        guard let i = columns.firstIndex(of: name), i < cells.count else { return "" }
        return String(cells[i]).trimmingWhitespace
      }
      func fail(_ message: String) -> FileError { FileError(path: path, line: number + 1, message: message) }
      guard let value = Number(cell("value")) else { throw fail("the value `\(cell("value"))` is no number") }
      var lineNumber: Int?
      if columns.contains("line") {
        guard let n = Int(cell("line")) else { throw fail("the line `\(cell("line"))` is no number") }
        lineNumber = n
      }
      let year = cell("year")
      guard year.isEmpty || Number(year)?.intValue != nil else { throw fail("the year `\(year)` is no number") }
      return TruthRow(
        line: lineNumber, indicator: cell("indicator"), measure: cell("measure"), kind: cell("kind"),
        period: cell("period"), year: year.isEmpty ? nil : Number(year)?.intValue, value: value, unit: cell("unit"))
    }
  }

  /// The lines listed in an unread file (`line`, `text`, `reason`; first line a header);
  /// none when the file does not exist.
  static func readUnreadLines(_ path: String) throws -> Set<Int> {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    var result = Set<Int>()
    for line in lines.dropFirst() where !line.hasPrefix("#") {
      if let first = line.split(separator: "\t", omittingEmptySubsequences: false).first,
        let number = Int(String(first).trimmingWhitespace)
      {
        result.insert(number)
      }
    }
    return result
  }

  // MARK: Output

  /// The per-text table, as `Scripts/fidelity` prints it, with each text's bar, then every
  /// wrong, mis-kind and guessed fact under its text.
  static func table(_ rows: [(name: String, score: Score, bar: FidelityTests.Bar?)], title: String) -> String {
    let width = max(44, rows.map { $0.name.count }.max() ?? 0)
    let heads = ["truth", "found", "recall", "wrong", "miskind", "guessed", "extra", "facts", "unit≠", "floor", "allow"]
    var out = "fidelity: \(title)\n" + pad("text", width, left: true)
    out += heads.map { " " + pad($0, max(5, $0.count)) }.joined() + "\n"
    var total = Score(truth: 0, facts: 0)
    func line(_ name: String, _ s: Score, _ bar: FidelityTests.Bar?) -> String {
      let cells = [
        "\(s.truth)", "\(s.found.count)", percent(s.recall), "\(s.wrong.count)", "\(s.miskind.count)",
        "\(s.guessed.count)", "\(s.extra.count)", "\(s.facts)", "\(s.unitDiffers)",
        bar.map { percent($0.recall) } ?? "-", bar.map { "\($0.guessed)" } ?? "-",
      ]
      return pad(name, width, left: true) + zip(heads, cells).map { " " + pad($1, max(5, $0.count)) }.joined() + "\n"
    }
    for (name, score, bar) in rows {
      out += line(name, score, bar)
      out += describe(score.wrong, as: "WRONG  ") + describe(score.miskind, as: "MISKIND")
      out += score.guessed.map { "    GUESSED \(describe($0))\n" }.joined()
      total.truth += score.truth
      total.facts += score.facts
      total.found += score.found
      total.wrong += score.wrong
      total.miskind += score.miskind
      total.guessed += score.guessed
      total.extra += score.extra
    }
    return out + line("all", total, nil)
  }

  static func describe(_ pairs: [Pair], as label: String = "") -> String {
    pairs.map {
      "    \(label) truth \(describe($0.truth))\n    \(String(repeating: " ", count: label.count)) fact  \(describe($0.fact))\n"
    }.joined()
  }

  static func describe(_ facts: [Fact]) -> String {
    facts.map { "    \(describe($0))\n" }.joined()
  }

  static func describe(_ f: Fact) -> String {
    "\(f.line): \(f.indicator) | \(f.measure) | \(f.kind.rawValue) \(f.period) \(f.year.map(String.init) ?? "-") = \(f.value) \(f.unit)"
  }

  static func describe(_ t: TruthRow) -> String {
    "\(t.line.map(String.init) ?? "-"): \(t.indicator) | \(t.measure) | \(t.kind) \(t.period) \(t.year.map(String.init) ?? "-") = \(t.value) \(t.unit)"
  }

  /// `93.456` → `93.5%`.
  static func percent(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }

  private static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + fill : fill + text
  }
}

extension StringProtocol {
  /// The text without leading and trailing whitespace (Python's `strip()`).
  fileprivate var trimmingWhitespace: String {
    guard let start = firstIndex(where: { !$0.isWhitespace }), let end = lastIndex(where: { !$0.isWhitespace }) else {
      return ""
    }
    return String(self[start...end])
  }
}
