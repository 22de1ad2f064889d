import HQData
import HQDiagnostics
import Testing

@testable import HQLoaders

/// A read narrowed by a ``RowPrefilter`` (predicate pushdown, issue 16): the columns it
/// narrows hold exactly the cells of the records the filter keeps, the rows it keeps include
/// every row the filter's tests keep, and undecidable cells keep their rows.
@Suite struct CSVRowFilterTests {
  private func source(_ path: String, parts: Int) throws -> CSVColumnSource {
    let file = try FileBytes.read(path)
    guard let opened = CSVColumnSource.open(
      file, file: path, tableName: "t", delimiter: nil, encoding: nil, isCancelled: { false }, parts: parts)
    else { throw LoadError(file: path, message: "not opened column by column") }
    return opened.source
  }

  private func texts(_ column: Column) -> [String?] {
    (0..<column.count).map { if case .text(let t) = column.value(at: $0) { t } else { nil } }
  }

  /// Eight records whose kept rows are worked out by hand below.
  static let file = #"""
    år;kommun;belopp;grupp;not
    2021;Alingsås;12,5;A;första
    2022;"Borås; stad";;B;andra
    2023;Lerum;5,8 %;B;"sa ""hej"""
    2022;Åre;-3;A;
    ;Kiruna;7;B;femte
    2024;"Malung-Sälen";1 204,5;B;sjätte
    2023;Mölndal;n/a;C;sjunde
    2022;Åre;0;b;åttonde
    2025;A\#u{30A}re;2;B;nionde

    """#

  @Test func keptRowsAndNarrowedCellsByHand() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write("t.csv", Self.file)
    // År ≥ 2022 and grupp "B": records 2 (2022, B), 3 (2023, B), 6 (2024, B), 9 (2025, B);
    // record 5 has no year (null: fails), record 8's group is "b" (other bytes: fails).
    let filter = RowPrefilter(clauses: [
      [.number(column: 0, .greaterOrEqual, Number(2022))], [.text(column: 3, "B", equal: true)],
    ])
    for parts in [1, 2, 3] {
      let read = try source(path, parts: parts).read([0, 3], narrowing: .init(columns: [1, 4], filter: filter))
      let narrowed = try #require(read.narrowed)
      #expect(read.rowCount == 9)
      #expect(narrowed.rows == [1, 2, 5, 8], "\(parts) parts")
      #expect(texts(narrowed.columns[0]) == ["Borås; stad", "Lerum", "Malung-Sälen", "A\u{30A}re"])
      #expect(texts(narrowed.columns[1]) == ["andra", "sa \"hej\"", "sjätte", "nionde"])
      // The columns asked for whole are whole.
      #expect(read.columns[3].map(texts) == ["A", "B", "B", "A", "B", "B", "C", "b", "B"])
    }
  }

  @Test func numbersAsWrittenAndUndecidableCells() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write("t.csv", Self.file)
    let cases: [(String, RowPrefilter, [Int32])] = [
      // `belopp` is text here (`n/a`), yet the tests read cells as numbers where they can:
      // 12,5 and 1 204,5 and 5,8 % are over 5; `n/a` does not read (kept); empty fails.
      ("belopp > 5", .init(clauses: [[.number(column: 2, .greater, Number(5))]]), [0, 2, 4, 5, 6]),
      ("belopp <= 0", .init(clauses: [[.number(column: 2, .lessOrEqual, Number(0))]]), [3, 6, 7]),
      // Text under U+0300 with other bytes is another text; `Åre` written with a combining
      // ring (record 9) may be the same text: kept.
      ("kommun == Åre", .init(clauses: [[.text(column: 1, "Åre", equal: true)]]), [3, 7, 8]),
      ("kommun != Lerum", .init(clauses: [[.text(column: 1, "Lerum", equal: false)]]), [0, 1, 3, 4, 5, 6, 7, 8]),
      // The Kelvin sign is `K` as text: every cell that differs in bytes is kept.
      ("kommun == \u{212A}", .init(clauses: [[.text(column: 1, "\u{212A}", equal: true)]]), Array(0..<9)),
      // A cell with doubled quotes is not its text: kept.
      ("not == x", .init(clauses: [[.text(column: 4, "x", equal: true)]]), [2]),
      ("not is null or år < 2022", .init(clauses: [[.null(column: 4, isNull: true), .number(column: 0, .less, Number(2022))]]),
       [0, 3]),
      ("år is not null", .init(clauses: [[.null(column: 0, isNull: false)]]), [0, 1, 2, 3, 5, 6, 7, 8]),
    ]
    for (what, filter, rows) in cases {
      let read = try source(path, parts: 1).read([], narrowing: .init(columns: [1], filter: filter))
      #expect(read.narrowed?.rows == rows, "\(what)")
    }
  }

  @Test func aNarrowingOfAColumnThatIsNotSettledTextIsNotMade() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write("t.csv", Self.file)
    let filter = RowPrefilter(clauses: [[.null(column: 4, isNull: false)]])
    let source = try source(path, parts: 1)
    // `år` is numbers in the sampled records: a dropped cell could have made it text.
    #expect(try source.read([], narrowing: .init(columns: [0], filter: filter)).narrowed == nil)
    #expect(try source.read([1], narrowing: .init(columns: [1], filter: filter)).narrowed == nil)
  }

  /// Random files (quotes, line breaks in cells, nulls, mixed scales) and filters, in one to
  /// seven parts: the narrowed columns equal the whole ones at the kept rows, and the kept
  /// rows are those the tests keep, worked out here from the whole columns' values.
  @Test(arguments: 1...6)
  func randomFilesAgainstTheWholeColumns(seed: UInt64) throws {
    var random = SeededRandom(seed &* 104_729)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = [5, 999, 1_000, 1_700, 2_600, 4_000][Int(seed - 1)]
    let path = try directory.write("r.csv", CSVColumnSourceTests.generated(rows: rows, seed: seed))
    let full = try CSVReader.read(try FileBytes.read(path), file: path, tableName: "t").table
    // id,namn,varde,blandad,sen,kon,tom: tests on id, varde and kon, narrowing namn and kon.
    for round in 0..<6 {
      let bound = Int(random.next() % UInt64(max(rows, 1)))
      let limit = Number(mantissa: Int64(random.next() % 20_000) - 500, scale: 0)
      let kon = ["T", "K", "M", "X"][Int(random.next() % 4)]
      let filter: RowPrefilter
      let keeps: (Int) -> Bool
      func number(_ column: Int, _ row: Int) -> Number? {
        if case .number(let n) = full.columns[column].value(at: row) { n } else { nil }
      }
      func text(_ column: Int, _ row: Int) -> String? {
        if case .text(let t) = full.columns[column].value(at: row) { t } else { nil }
      }
      switch round % 3 {
      case 0:
        filter = .init(clauses: [[.number(column: 0, .less, Number(bound))], [.text(column: 5, kon, equal: true)]])
        keeps = { row in (number(0, row).map { $0 < Number(bound) } ?? false) && text(5, row) == kon }
      case 1:
        filter = .init(clauses: [[.number(column: 2, .greaterOrEqual, limit), .null(column: 2, isNull: true)]])
        keeps = { row in number(2, row).map { $0 >= limit } ?? true }
      default:
        filter = .init(clauses: [[.text(column: 5, kon, equal: false)], [.null(column: 2, isNull: false)]])
        keeps = { row in text(5, row).map { $0 != kon } ?? false && number(2, row) != nil }
      }
      let expected = (0..<full.rowCount).filter(keeps).map { Int32($0) }
      let parts = Int(random.next() % 7) + 1
      let read = try source(path, parts: parts).read([0], narrowing: .init(columns: [1, 5], filter: filter))
      let narrowed = try #require(read.narrowed)
      #expect(narrowed.rows == expected, "seed \(seed), round \(round), \(parts) parts")
      for (position, index) in [1, 5].enumerated() {
        let whole = texts(full.columns[index])
        #expect(texts(narrowed.columns[position]) == narrowed.rows.map { whole[Int($0)] }, "seed \(seed), round \(round)")
      }
    }
  }

  /// The tests stop after a window of records in which they kept more than half; every
  /// record after it is then kept.
  @Test func theTestsStopWhenAWindowKeepsMostRecords() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    // Three records in four are group A in the first window, then only group B follows.
    let window = CSVRowFilter.window
    var text = "id,grupp,namn\n"
    for id in 0..<(window * 2 + 500) {
      text += "\(id),\(id < window && id % 4 != 0 ? "A" : "B"),namn \(id % 13)\n"
    }
    let path = try directory.write("t.csv", text)
    let filter = RowPrefilter(clauses: [[.text(column: 1, "A", equal: true)]])
    let read = try source(path, parts: 1).read([0, 1], narrowing: .init(columns: [2], filter: filter))
    let narrowed = try #require(read.narrowed)
    let expected = (0..<window).filter { $0 % 4 != 0 }.map(Int32.init) + (Int32(window)..<Int32(window * 2 + 500))
    #expect(narrowed.rows == expected)
    #expect(texts(narrowed.columns[0]) == expected.map { "namn \($0 % 13)" })
    // In parts, each judges its own records; the cells are those of the kept rows all the same.
    for parts in [2, 3] {
      let read = try source(path, parts: parts).read([0], narrowing: .init(columns: [2], filter: filter))
      let narrowed = try #require(read.narrowed)
      #expect(Set(expected.filter { $0 < Int32(window) }).isSubset(of: Set(narrowed.rows)), "\(parts) parts")
      #expect(texts(narrowed.columns[0]) == narrowed.rows.map { "namn \($0 % 13)" }, "\(parts) parts")
    }
  }
}
