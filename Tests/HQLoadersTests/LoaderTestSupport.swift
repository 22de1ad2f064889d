import Foundation
import Testing

@testable import HQLoaders

/// Where the hand-made fixture files live.
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Loaders").path

  static func path(_ name: String) -> String { directory + "/" + name }
}

/// A fresh temporary directory per test, so tests can write files with exact bytes.
struct TemporaryDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "hq-loaders-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes `bytes` to `name` in the directory and returns the file's path.
  func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let file = path + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// The error a load must fail with, or a test failure saying what came back instead.
func loadError(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
  do {
    _ = try Loader.load(path: path, as: nil)
    Issue.record("expected the load to fail", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error.description
  }
}
