import Testing

@testable import HQLoaders

/// The layout step on words placed by hand (no pdftotext): numbers, rows, headers, furniture.
@Suite struct PDFGeometryTests {
  @Test func wordsFromTSV() {
    let tsv = """
      level\tpage_num\tpar_num\tblock_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
      1\t1\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###
      3\t1\t0\t0\t0\t0\t72.000000\t73.384000\t243.468000\t59.100000\t-1\t###FLOW###
      5\t1\t0\t0\t0\t0\t72.00\t73.38\t104.04\t11.10\t100\tUppföljningsrapport
      5\t1\t2\t1\t3\t1\t179.38\t73.38\t6.67\t11.10\t100\t-1 204,1
      1\t2\t0\t0\t0\t0\t0.000000\t0.000000\t595.000000\t842.000000\t-1\t###PAGE###

      """
    let pages = PDFWords.parse(Array(tsv.utf8))
    #expect(pages.map(\.number) == [1, 2])
    #expect(pages[0].height == 842)
    #expect(pages[0].words.map(\.text) == ["Uppföljningsrapport", "-1 204,1"])
    #expect(
      pages[0].words[1].flow == 2 && pages[0].words[1].block == 1 && pages[0].words[1].line == 3)
    #expect(abs(pages[0].words[0].right - 176.04) < 1e-9)
    #expect(pages[1].words.isEmpty)
  }

  @Test(arguments: [
    ("-1 204,1", PDFSegment.Kind.number), ("5,8 %", .number), ("12", .number), ("−3,5", .number),
    ("+2,0", .number), ("0,0*", .number), ("–", .number), ("453 300", .number), ("2023", .year),
    ("20221", .year), ("2 023", .number), ("-2023", .number), ("1 2345", .text),
    ("12,4 -45,8", .text),
    ("Utfall", .text), ("2022-12-31", .text), ("4d", .text), ("3,", .text),
    ("1\u{00A0}204,1", .number),
    ("12\u{202F}%", .number),
  ])
  func numbers(_ text: String, _ kind: PDFSegment.Kind) {
    #expect(PDFNumber.kind(of: text) == kind, "\(text)")
  }

  @Test func pageNumbers() {
    for text in ["7", "Sida 7", "sida 7 av 12", "7 av 12", "7 (12)", "7(12)", "7/12", "- 7 -"] {
      #expect(PDFLayout.isPageNumber(text), "\(text)")
    }
    for text in ["Sida", "2.1 Ekonomi", "12345", "7 mnkr", "Bilaga 7"] {
      #expect(!PDFLayout.isPageNumber(text), "\(text)")
    }
    #expect(
      PDFLayout.furnitureKey("Årsredovisning 2023 · Sida 3 av 12")
        == "Årsredovisning # · Sida # av #")
  }

  @Test func wrappedLabels() {
    #expect(PDFTables.joinLabel("Samhällsbyggnads-", "nämnden") == "Samhällsbyggnadsnämnden")
    #expect(PDFTables.joinLabel("Vård-", "och omsorgsnämnden") == "Vård- och omsorgsnämnden")
    #expect(
      PDFTables.joinLabel("Totalt Regionstyrelsens", "verksamheter")
        == "Totalt Regionstyrelsens verksamheter")
    #expect(PDFTables.joinLabel("Hälso-", "Sjukvård") == "Hälso- Sjukvård")
    #expect(PDFTables.joinLabel("", "Skola") == "Skola")
  }

  // MARK: - Tables from placed words

  /// A page of words placed by hand: each `(text, x, y)` is one word 9 points high, 5 points
  /// wide per character; `right: true` right-aligns it at x.
  static func page(_ items: [(String, Double, Double, Bool)], height: Double = 842) -> PDFPage {
    var page = PDFPage(number: 1, width: 595, height: height)
    for (index, (text, x, y, right)) in items.enumerated() {
      var left = x
      for (part, word) in text.split(separator: " ").enumerated() {
        let width = Double(word.count) * 5
        if right, part == 0 { left = x - Double(text.count) * 5 }
        page.words.append(
          PDFWord(
            flow: index, block: 0, line: 0, left: left, top: y, right: left + width, bottom: y + 9,
            text: String(word)))
        left += width + 2.5
      }
    }
    return page
  }

  static func markdown(_ items: [(String, Double, Double, Bool)]) -> [String] {
    PDFLayout.text(of: [page(items)]).split(separator: "\n").filter { $0.hasPrefix("|") }.map(
      String.init)
  }

  @Test func aHeaderOverAYearIsNotSpreadToItsNeighbours() {
    // `Budget` stands alone on the top line, its neighbours' headers start one line lower;
    // right-aligned like the `2024` below it, it is its own column's only.
    let lines = Self.markdown([
      ("Budget", 300, 100, true),
      ("Verksamhet", 50, 112, false), ("Netto", 200, 112, true), ("2024", 300, 112, true),
      ("Avvikelse", 400, 112, true),
      ("Skola", 50, 126, false), ("-45,2", 200, 126, true), ("-44,0", 300, 126, true),
      ("1,2", 400, 126, true),
      ("Kultur", 50, 140, false), ("-12,0", 200, 140, true), ("-12,5", 300, 140, true),
      ("-0,5", 400, 140, true),
    ])
    #expect(lines.first == "| Verksamhet | Netto | Budget<br>2024 | Avvikelse |")
    #expect(lines.last == "| Kultur | -12,0 | -12,5 | -0,5 |")
  }

  @Test func aCentredHeaderSpansTheColumnsUnderIt() {
    let lines = Self.markdown([
      ("Bokslut 2023", 245, 100, false),
      ("Verksamhet", 50, 112, false), ("Intäkter", 200, 112, true), ("Kostnader", 300, 112, true),
      ("Netto", 400, 112, true), ("Budget", 500, 112, true),
      ("Skola", 50, 126, false), ("12,0", 200, 126, true), ("-45,2", 300, 126, true),
      ("-33,2", 400, 126, true), ("-34,0", 500, 126, true),
      ("Kultur", 50, 140, false), ("1,0", 200, 140, true), ("-12,0", 300, 140, true),
      ("-11,0", 400, 140, true), ("-12,5", 500, 140, true),
    ])
    #expect(
      lines.first
        == "| Verksamhet | Bokslut 2023<br>Intäkter | Bokslut 2023<br>Kostnader | Bokslut 2023<br>Netto | Budget |"
    )
  }

  @Test func proseAboveATableIsNotItsHeader() {
    let lines = Self.markdown([
      ("Tabellen nedan visar nämndens kostnader per verksamhet för året", 50, 88, false),
      ("Budget", 300, 100, true), ("Utfall", 400, 100, true),
      ("Skola", 50, 114, false), ("-45,2", 300, 114, true), ("-44,0", 400, 114, true),
      ("Kultur", 50, 128, false), ("-12,0", 300, 128, true), ("-12,5", 400, 128, true),
    ])
    #expect(
      lines == [
        "|  | Budget | Utfall |", "| --- | --- | --- |", "| Skola | -45,2 | -44,0 |",
        "| Kultur | -12,0 | -12,5 |",
      ])
  }

  @Test func textBetweenNumbersIsNotATableRow() {
    let lines = Self.markdown([
      ("2", 50, 100, false), ("CARD16", 100, 100, false), ("MAJOR_VERSION", 200, 100, false),
      ("1", 350, 100, false),
      ("2", 50, 114, false), ("CARD16", 100, 114, false), ("MINOR_VERSION", 200, 114, false),
      ("2", 350, 114, false),
    ])
    #expect(lines.isEmpty)
  }

  @Test func runningHeadersAndPageNumbersAreFurniture() {
    let first = Self.page([
      ("Norrvik kommun Årsredovisning 2023", 50, 20, false), ("Text", 50, 300, false),
      ("1", 300, 810, false),
    ])
    var second = Self.page([
      ("Norrvik kommun Årsredovisning 2023", 50, 20, false), ("Mer text", 50, 300, false),
      ("2", 300, 810, false),
    ])
    second.number = 2
    var rows = [PDFLayout.rows(of: first), PDFLayout.rows(of: second)]
    PDFLayout.markFurniture(&rows, pages: [first, second])
    #expect(rows.map { $0.map(\.isFurniture) } == [[true, false, true], [true, false, true]])
  }
}
