import Foundation
import Testing

@testable import HQLoaders

/// The report PDFs made by Scripts/make-table-pdfs: every table cell is its own text object, so
/// reading-order pdftotext gives one cell per line. Read from word geometry, each table must come
/// out as a Markdown pipe table holding exactly the generator's numbers (its `.truth.tsv`).
@Suite struct PDFLayoutTests {
  static let hasPDFToText = PDFTextTests.hasPDFToText
  static let reports = [
    "lunneby-delarsrapport-2024", "norrvik-arsredovisning-2023", "smedby-uppfoljning-april-2025",
  ]

  static func text(_ name: String) throws -> String {
    try PDFText.extract(path: Fixtures.report(name + ".pdf"))
  }

  @Test(.enabled(if: hasPDFToText), arguments: reports)
  func tablesHoldExactlyTheGeneratorsNumbers(_ name: String) throws {
    let read = Set(MarkdownTables.parse(try Self.text(name)).flatMap(\.facts))
    let truth = try TruthFile.read(Fixtures.report(name + ".truth.tsv"))
    #expect(read.subtracting(truth).sorted() == [], "read but not in the truth file")
    #expect(truth.subtracting(read).sorted() == [], "in the truth file but not read")
  }

  @Test(.enabled(if: hasPDFToText))
  func driftredovisningWithASpanningAndHyphenatedHeader() throws {
    let text = try Self.text("lunneby-delarsrapport-2024")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try #require(lines.firstIndex { $0.hasPrefix("| Verksamhet |") })
    #expect(lines[header - 2] == "Driftredovisning (mnkr)")
    #expect(lines[header - 1] == "")
    #expect(
      lines[header]
        == "| Verksamhet | Bokslut 2023<br>Intäkter | Bokslut 2023<br>Kostnader | Bokslut 2023<br>Netto-<br>kostnader | Budget<br>2024 | Prognos<br>helår<br>2024 | Avvikelse<br>mot budget |"
    )
    #expect(lines[header + 1] == "| --- | --- | --- | --- | --- | --- | --- |")
    #expect(lines[header + 2] == "| Politisk verksamhet | 0,4 | -6,2 | -5,8 | -6,0 | -6,1 | -0,1 |")
    #expect(
      lines[header + 3]
        == "| Gator och vägar | 38,6 | -1 012,6 | -974,0 | -968,5 | -981,2 | -12,7 |")
    #expect(
      lines.contains(
        "| Lokalförsörjning och fastighetsförvaltning | 312,5 | -298,1 | 14,4 | 12,0 | 15,3 | 3,3 |"
      ))
    #expect(lines.contains("| Summa | 410,5 | -1 699,8 | -1 289,3 | -1 293,5 | -1 305,9 | -12,4 |"))
    #expect(lines.contains("| Sjukfrånvaro | 5,8 % | 6,1 % | 5,0 % |"))
    #expect(
      lines.contains(
        "| Projekt | Budget<br>2024 | Utfall<br>jan–aug<br>2024 | Prognos<br>2024 | Avvikelse |"))
    #expect(lines.contains("| Konstgräsplan Vallen | -12 500 | -8 214 | -12 100 | 400 |"))
  }

  @Test(.enabled(if: hasPDFToText))
  func resultatrakningWithANotColumnAndAFootnoteOnAYear() throws {
    let lines = try Self.text("norrvik-arsredovisning-2023").split(separator: "\n").map(String.init)
    let header = try #require(lines.firstIndex { $0.hasPrefix("|  | Not | Utfall") })
    #expect(lines[header - 1] == "Belopp i mnkr")
    #expect(
      lines[header]
        == "|  | Not | Utfall<br>20221 | Utfall<br>2023 | Budget<br>2023 | Avvikelse<br>mot budget |"
    )
    #expect(
      lines[header + 3]
        == "| Verksamhetens kostnader | 2 | -2 145,3 | -2 264,8 | -2 240,0 | -24,8 |")
    #expect(
      lines[header + 5]
        == "| Verksamhetens nettokostnader |  | -1 831,2 | -1 932,7 | -1 926,5 | -6,2 |")
    #expect(lines.contains("|  | Not | 2022-12-31 | 2023-12-31 |"))
    #expect(
      lines.contains("| Tillgångar |  |  |  |"), "a group row keeps its place, with empty cells")
    #expect(lines.contains("| Omsättningstillgångar | 10 | 402,7 | 371,5 |"))
    #expect(
      lines.contains(
        "1 Utfall 2022 är omräknat enligt ändrad redovisningsprincip för exploatering."))
  }

  @Test(.enabled(if: hasPDFToText))
  func aHeaderCellOverTwoColumnsAndAHyphenatedLabel() throws {
    let lines = try Self.text("smedby-uppfoljning-april-2025").split(separator: "\n").map(
      String.init)
    #expect(
      lines.contains(
        "| Nämnd | Budget<br>2025 | Utfall<br>jan–apr<br>2025 | Prognos 2025<br>Helår | Prognos 2025<br>Avvikelse | Avvikelse<br>% |"
      ))
    #expect(lines.contains("| Samhällsbyggnadsnämnden | -96,2 | -30,5 | -94,8 | 1,4 | 1,5 |"))
    #expect(
      lines.contains(
        "| Barn- och utbildningsnämnden | -1 412,5 | -471,2 | -1 425,9 | -13,4 | -0,9 |"))
    #expect(lines.contains("|  | Jan–apr<br>2024 | Jan–apr<br>2025 |"))
  }

  @Test(.enabled(if: hasPDFToText))
  func aTableBrokenByAPageBreakIsOneTable() throws {
    let lunneby = MarkdownTables.parse(try Self.text("lunneby-delarsrapport-2024"))
    let drift = try #require(lunneby.first)
    #expect(drift.rows.count == 11)
    #expect(
      drift.rows.map { $0[0] }.suffix(5) == [
        "Kulturskola", "Lokalförsörjning och fastighetsförvaltning", "Föreningsbidrag",
        "Kollektivtrafik", "Summa",
      ])
    #expect(drift.pages == [1], "the table is written where it starts")
    let text = try Self.text("lunneby-delarsrapport-2024")
    #expect(
      !text.contains("Nettokostnader"), "the header repeated on page 2 is dropped, not left as text"
    )
    #expect(
      text.components(separatedBy: "Bokslut 2023").count - 1 == 3,
      "the header once, its spanning cell three times")

    let smedby = MarkdownTables.parse(try Self.text("smedby-uppfoljning-april-2025"))
    #expect(smedby.count == 2)
    #expect(smedby[0].rows.count == 10)
    #expect(smedby[0].rows.last?[0] == "Summa nämnder")
  }

  @Test(.enabled(if: hasPDFToText), arguments: reports)
  func pageFurnitureIsNotInTables(_ name: String) throws {
    let text = try Self.text(name)
    let furniture = [
      "Lunneby kommun", "Norrvik kommun", "Smedby kommun", "Sida", "Nämnden för Teknik & Fritid",
    ]
    for table in MarkdownTables.parse(text) {
      for line in table.lines {
        #expect(!furniture.contains { line.contains($0) }, "\(line)")
      }
      for row in table.rows {
        let isNumber = row[0].allSatisfy { $0.isNumber }
        #expect(!isNumber, "a page number as a row: \(row)")
      }
    }
    let pages = text.split(separator: "\n").filter { $0.hasPrefix("<!-- sida ") }.map(String.init)
    #expect(pages == (1...max(pages.count, 1)).map { "<!-- sida \($0) -->" })
    #expect(pages.count >= 2)
  }

  @Test(.enabled(if: hasPDFToText))
  func furnitureStaysText() throws {
    let lines = try Self.text("norrvik-arsredovisning-2023").split(separator: "\n")
    #expect(lines.contains("Norrvik kommun · Sida 1 av 2"))
    #expect(lines.contains("Norrvik kommun · Sida 2 av 2"))
  }

  @Test(.enabled(if: hasPDFToText))
  func oneColumnOfNumbersIsNotATable() throws {
    let text = try Self.text("lunneby-delarsrapport-2024")
    #expect(text.split(separator: "\n").contains("1 Ekonomisk sammanfattning"))
    #expect(
      MarkdownTables.parse(text).allSatisfy {
        !$0.lines.joined().contains("Ekonomisk sammanfattning")
      })
    #expect(MarkdownTables.parse(text).count == 3)
  }

  /// Prose reads as before: the text from word geometry, page markers aside, is pdftotext's
  /// reading order (a word hyphenated at a line end re-joined, a blank line after each flow).
  @Test(
    .enabled(if: hasPDFToText),
    arguments: [
      Fixtures.path("rapport.pdf"), Fixtures.report("lunneby-verksamhetsberattelse-2024.pdf"),
    ])
  func proseIsReadingOrder(_ path: String) throws {
    let layout = try PDFText.extract(path: path)
    let readingOrder = try PDFText.extract(path: path, mode: .readingOrder)
    #expect(!layout.contains("|"))
    #expect(collapsed(withoutMarkers(layout)) == collapsed(readingOrder))
    #expect(
      layout.contains("verksamheten har bytt till LED-belysning") || !path.contains("lunneby"))
  }

  func withoutMarkers(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter {
      !$0.hasPrefix("<!-- sida ")
    }
    .joined(separator: "\n")
  }

  /// Lines with runs of blank lines as one, and no blank lines at the ends.
  func collapsed(_ text: String) -> [String] {
    var out: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.isEmpty, out.last?.isEmpty ?? true { continue }
      out.append(String(line))
    }
    while out.last?.isEmpty == true { out.removeLast() }
    return out
  }
}

/// The Markdown pipe tables of a text: header cells and body rows, and the page each starts on.
struct MarkdownTables {
  var header: [String]
  var rows: [[String]]
  var lines: [String]
  var pages: [Int]

  static func parse(_ text: String) -> [MarkdownTables] {
    var tables: [MarkdownTables] = []
    var page = 0
    var current: [String] = []
    func flush() {
      if current.count >= 2 {
        let cells = current.map(split)
        tables.append(
          MarkdownTables(
            header: cells[0], rows: Array(cells.dropFirst(2)), lines: current, pages: [page]))
      }
      current = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("<!-- sida "), let number = Int(line.dropFirst(10).prefix { $0.isNumber }) {
        page = number
      }
      if line.hasPrefix("|") { current.append(String(line)) } else { flush() }
    }
    flush()
    return tables
  }

  static func split(_ line: String) -> [String] {
    let inner = line.dropFirst(2).dropLast(2)
    return inner.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// What a person reads in the table: (row label, column meaning, value) for every number,
  /// the column meaning being its header lines joined as words (`Netto-` + `kostnader` →
  /// `Nettokostnader`) with a footnote digit taken off a year (`20221` → `2022`). `Not` columns
  /// hold note numbers, never facts.
  var facts: [TruthFile.Fact] {
    let measures = header.map { cell in
      let parts = cell.components(separatedBy: "<br>")
      let joined = parts.dropFirst().reduce(parts[0]) { PDFTables.joinLabel($0, $1) }
      return joined.replacing(/\b((?:19|20)\d\d)\d\b/) { String($0.output.1) }
    }
    var facts: [TruthFile.Fact] = []
    for row in rows {
      for (column, cell) in row.enumerated().dropFirst()
      where !cell.isEmpty && measures[column] != "Not" {
        facts.append(
          .init(indicator: row[0], measure: measures[column], value: TruthFile.plain(cell)))
      }
    }
    return facts
  }
}

/// A `.truth.tsv` written by Scripts/make-table-pdfs.
enum TruthFile {
  struct Fact: Hashable, Comparable, CustomStringConvertible {
    var indicator: String
    var measure: String
    var value: String

    static func < (a: Fact, b: Fact) -> Bool { a.description < b.description }
    var description: String { "\(indicator) / \(measure) / \(value)" }
  }

  static func read(_ path: String) throws -> Set<Fact> {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var facts = Set<Fact>()
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      facts.insert(Fact(indicator: fields[0], measure: fields[1], value: fields[5]))
    }
    return facts
  }

  /// `-1 204,1` → `-1204.1`, `5,8 %` → `5.8`: the truth file's form of a printed number.
  static func plain(_ printed: String) -> String {
    printed.replacingOccurrences(of: " %", with: "").replacingOccurrences(of: " ", with: "")
      .replacingOccurrences(of: ",", with: ".")
  }
}
