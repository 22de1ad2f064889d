import Foundation
import Testing

@testable import HQShell

/// ``HistoryFile``: appends under a lock, in libedit's format (issue 12, item 11).
@Suite struct HistoryAppendTests {
  /// Many writers at once (threads here, shells in life): every entry arrives whole, the
  /// first line is written once, nothing is lost.
  @Test func concurrentAppendsLoseNothing() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("history").path
    DispatchQueue.concurrentPerform(iterations: 4) { writer in
      for i in 0..<250 { #expect(HistoryFile(path: path).append("from facts | take \(writer)-\(i)") == nil) }
    }
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "_HiStOrY_V2_")
    #expect(lines.count == 1001)
    #expect(Set(lines.dropFirst()).count == 1000)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("from\\040facts\\040|\\040take\\040") })
  }

  @Test func entriesAreEncodedAsLibeditDoes() {
    #expect(String(decoding: HistoryFile.encode("a b\tc\nd\\e å\u{7F}"), as: UTF8.self) == "a\\040b\\011c\\012d\\\\e\\040å\\177")
  }

  @Test func whatIsRefused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hq-history-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(HistoryFile.problem(with: dir.appendingPathComponent("new").path) == nil)
    #expect(HistoryFile.problem(with: dir.path)?.contains("is not a regular file") == true)
    let empty = dir.appendingPathComponent("empty")
    _ = FileManager.default.createFile(atPath: empty.path, contents: Data())
    #expect(HistoryFile.problem(with: empty.path) == nil)
    let link = dir.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: empty.path)
    #expect(HistoryFile.problem(with: link.path)?.contains("symbolic link") == true)
    #expect(HistoryFile(path: link.path).append("x") == "it is a symbolic link")
    #expect(try Data(contentsOf: empty).isEmpty)
  }
}
