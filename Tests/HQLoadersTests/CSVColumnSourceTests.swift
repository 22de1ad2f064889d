#if canImport(Glibc)
import Glibc
#endif
import HQData
import HQReports
import HQDiagnostics
import Testing

@testable import HQLoaders

/// A CSV file read column by column (projection pushdown, issue 16) must give, for any set of
/// columns read in any order and any number of parts, exactly the columns a full load gives,
/// and the errors a full load reports, at the same place.
@Suite struct CSVColumnSourceTests {
  /// A table with what makes reading hard: nulls, quoted cells (a delimiter, a line break and
  /// doubled quotes inside), decimals of three scales in one column, Swedish text, a column
  /// that is numbers for its first 1,200 rows (past the sniffed records) and text after, and
  /// one that is null until late.
  static func generated(rows: Int = 2_500, seed: UInt64 = 16) -> String {
    var random = SeededRandom(seed)
    let words = ["vård", "omsorg", "Ölands kommun", "Åre", "skola, förskola", "\"citat\" här", "rad\nbrytning", "ÄÖÅ"]
    var text = "id,namn,varde,blandad,sen,kon,tom\n"
    for row in 0..<rows {
      let word = words[Int(random.next() % UInt64(words.count))]
      let name = word.contains(",") || word.contains("\"") || word.contains("\n")
        ? "\"" + word.replacingQuotes() + "\"" : (random.next() % 10 == 0 ? "\"\(word)\"" : word)
      let cents = Int(random.next() % 2_000_000) - 50_000
      let value: String
      switch random.next() % 4 {
      case 0: value = ""
      case 1: value = "\(cents / 100)"
      case 2: value = "\(cents / 10 / 10).\(abs(cents / 10) % 10)"
      default: value = (cents < 0 ? "-" : "") + "\(abs(cents) / 100)." + String(abs(cents) % 100 + 100).dropFirst()
      }
      let mixed = row < 1_200 ? "\(row * 3)" : (row % 5 == 0 ? "n/a" : "\(row)")
      let late = row > rows - 10 ? "\(row).5" : ""
      let kon = ["T", "K", "M"][row % 3]
      text += "\(row),\(name),\(value),\(mixed),\(late),\(kon),\n"
    }
    return text
  }

  private func eager(_ path: String, encoding: TextEncoding? = nil) throws -> Table {
    let file = try FileBytes.read(path)
    return try CSVReader.read(file, file: path, tableName: "t", encoding: encoding).table
  }

  private func source(_ path: String, parts: Int, encoding: TextEncoding? = nil) throws -> (CSVColumnSource, [Field]) {
    let file = try FileBytes.read(path)
    guard let opened = CSVColumnSource.open(
      file, file: path, tableName: "t", delimiter: nil, encoding: encoding, isCancelled: { false }, parts: parts)
    else { throw LoadError(file: path, message: "not opened column by column") }
    return opened
  }

  private func values(_ column: Column) -> [Value] { (0..<column.count).map { column.value(at: $0) } }

  @Test func anyColumnsInAnyOrderEqualAFullLoad() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write("t.csv", Self.generated())
    let full = try eager(path)
    #expect(full.schema.fields.map(\.type) == [.number, .text, .number, .text, .number, .text, .text])
    for parts in [1, 2, 3, 7] {
      for order in [[[2], [0, 3], [1, 4, 5, 6]], [[], [6, 1], [0, 2, 3, 4, 5]], [[3, 4], [0, 1, 2, 5, 6]]] {
        let (source, sniffed) = try self.source(path, parts: parts)
        // Sniffed from the first records: `blandad` looks numeric there, `sen` and `tom` empty.
        #expect(sniffed.map(\.type) == [.number, .text, .number, .number, .text, .text, .text])
        for wanted in order {
          let read = try source.read(wanted)
          #expect(read.rowCount == full.rowCount)
          #expect(Set(read.columns.keys) == Set(wanted))
          for index in wanted {
            let column = try #require(read.columns[index])
            #expect(column.name == full.columns[index].name)
            #expect(column.type == full.columns[index].type, "column \(index), \(parts) parts")
            #expect(values(column) == values(full.columns[index]), "column \(index), \(parts) parts")
          }
        }
      }
    }
  }

  @Test(arguments: 1...8)
  func randomFilesAndColumns(seed: UInt64) throws {
    var random = SeededRandom(seed &* 7919)
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rows = [1, 7, 999, 1_000, 1_001, 1_700, 2_600, 4_000][Int(seed - 1)]
    let path = try directory.write("r.csv", Self.generated(rows: rows, seed: seed))
    let full = try eager(path)
    let parts = Int(random.next() % 4) + 1
    let (source, _) = try self.source(path, parts: parts)
    var unread = Array(0..<full.columns.count)
    while !unread.isEmpty {
      let take = Int(random.next() % UInt64(unread.count)) + 1
      var wanted: [Int] = []
      for _ in 0..<take { wanted.append(unread.remove(at: Int(random.next() % UInt64(unread.count)))) }
      let read = try source.read(wanted.sorted())
      #expect(read.rowCount == full.rowCount)
      for index in wanted {
        let column = try #require(read.columns[index])
        #expect(column.type == full.columns[index].type, "seed \(seed), column \(index)")
        #expect(values(column) == values(full.columns[index]), "seed \(seed), column \(index), \(parts) parts")
      }
    }
  }

  @Test func theFirstReadReportsWhatAFullLoadReports() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var lines = Self.generated(rows: 1_500).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let broken: [(String, (inout [String]) -> Void)] = [
      ("ragged, too few", { $0[1_400] = "1,2,3" }),
      ("ragged, too many", { $0[1_350] += ",extra" }),
      ("unclosed quote", { $0[1_300] = "1,\"öppen,2,3,4,T," }),
      ("text after a quote", { $0[1_450] = "1,\"a\"b,2,3,4,T," }),
    ]
    for (what, breakIt) in broken {
      var copy = lines
      breakIt(&copy)
      let path = try directory.write("b.csv", copy.joined(separator: "\n"))
      var expected = ""
      do { _ = try eager(path) } catch let error as LoadError { expected = error.description } catch {}
      #expect(!expected.isEmpty, "\(what): a full load fails")
      for parts in [1, 3] {
        for wanted in [[], [0], [5, 6]] {
          let (source, _) = try self.source(path, parts: parts)
          var got = ""
          do { _ = try source.read(wanted) } catch { got = error.description }
          #expect(got == expected, "\(what), \(parts) parts, columns \(wanted)")
        }
      }
    }
    lines = []
  }

  @Test func bytesThatAreNotUTF8InAColumnNotAskedFor() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    // `namn` of row 1,100 holds å as Windows-1252 writes it (one byte, E5).
    var bytes = Array(Self.generated(rows: 1_500).utf8)
    var line = 0
    var i = 0
    while line < 1_401 {
      if bytes[i] == UInt8(ascii: "\n") { line += 1 }
      i += 1
    }
    let comma = bytes[i...].firstIndex(of: UInt8(ascii: ","))!
    bytes.insert(0xE5, at: comma + 1)
    let path = try directory.write("w.csv", bytes)
    // Declared UTF-8: the same error as a full load's.
    var expected = ""
    do { _ = try eager(path, encoding: .utf8) } catch let error as LoadError { expected = error.description } catch {}
    #expect(expected.contains("invalid UTF-8"))
    let (strict, _) = try source(path, parts: 2, encoding: .utf8)
    var got = ""
    do { _ = try strict.read([0]) } catch { got = error.description }
    #expect(got == expected)
    // Not declared: read whole as Windows-1252, with the full load's note.
    let file = try FileBytes.read(path)
    let full = try CSVReader.read(file, file: path, tableName: "t")
    let (source, _) = try self.source(path, parts: 2)
    let read = try source.read([0])
    #expect(read.columns.count == full.table.columns.count)
    for (index, column) in full.table.columns.enumerated() {
      #expect(try values(#require(read.columns[index])) == values(column))
    }
    #expect(read.notes.map(\.rendered) == full.notes.map(\.diagnostic.rendered))
  }

  @Test func aFileRewrittenInPlaceIsNotReadFurther() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write("c.csv", "a,b\n1,x\n2,y\n")
    let (source, _) = try self.source(path, parts: 1)
    #expect(try source.read([0]).rowCount == 2)
    // Rewritten in place (same inode, shorter): the other column is not read from it.
    let fd = open(path, O_WRONLY | O_TRUNC)
    #expect(fd >= 0)
    _ = Array("a,b\n1,x\n".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    var message = ""
    do { _ = try source.read([1]) } catch { message = error.message }
    #expect(message == CSVColumnSource.changedMessage)
    // A new file put in its place under the name leaves the loaded one as it was.
    let (kept, _) = try self.source(path, parts: 1)
    #expect(try kept.read([0]).rowCount == 1)
    _ = try directory.write("c.new", "a,b\n7,x\n8,y\n9,z\n")
    #expect(rename(directory.path + "/c.new", path) == 0)
    let read = try kept.read([1])
    #expect(read.rowCount == 1 && read.columns[1].map { values($0) } == [.text("x")])
  }

  @Test func filesReadWholeAreNotOpenedColumnByColumn() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let facts = try directory.write("f.csv", ReportModel.factsSchema.names.joined(separator: ",") + "\n")
    let mac = try directory.write("m.csv", "a,b\r1,2\r")
    let empty = try directory.write("e.csv", "")
    // An error in the first records, which are read to sniff the types: a full load reports it.
    let early = try directory.write("r.csv", "a,b\n1,2\n3\n")
    for path in [facts, mac, empty, early] {
      let file = try FileBytes.read(path)
      #expect(CSVColumnSource.open(file, file: path, tableName: "t", delimiter: nil, encoding: nil, isCancelled: { false }) == nil)
    }
    let plain = try directory.write("p.csv", "a,b\n1,2\n")
    let file = try FileBytes.read(plain)
    #expect(CSVColumnSource.open(file, file: plain, tableName: "t", delimiter: nil, encoding: .windows1252, isCancelled: { false }) == nil)
  }
}

/// A small deterministic generator (SplitMix64), so generated files are the same every run.
struct SeededRandom {
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

extension String {
  fileprivate func replacingQuotes() -> String {
    var out = ""
    for c in self { out += c == "\"" ? "\"\"" : String(c) }
    return out
  }
}
