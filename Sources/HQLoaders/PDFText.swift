import Foundation

/// Extracts a PDF's text with poppler's `pdftotext`, the tool the bundled report texts were
/// made with, so a PDF loads exactly like its `.txt`.
///
/// The tool runs with an argument vector (`pdftotext -layout FILE -`), never through a shell,
/// so no file name can be taken for a command.
enum PDFText {
  /// The places `pdftotext` is looked for, in order, when `PATH` does not have it.
  static let fallbackDirectories = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]

  static func extract(path: String) throws(LoadError) -> String {
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw LoadError(file: path, message: "cannot open the file: no such readable file")
    }
    guard let tool = findTool() else {
      throw LoadError(
        file: path,
        message: "cannot read PDF files: the pdftotext tool was not found; expected it on PATH (Debian/Ubuntu: apt-get install poppler-utils, or run Scripts/setup)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments(for: path)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch {
      throw LoadError(file: path, message: "cannot run \(tool): \(error.localizedDescription)")
    }
    // Read both pipes to the end before waiting, so a large text cannot fill a pipe and stall.
    let errorBox = DataBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorBox.set(errors.fileHandleForReading.readDataToEndOfFile())
      group.leave()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let reason = String(decoding: errorBox.get(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      throw LoadError(file: path, message: "pdftotext could not read the PDF (exit status \(process.terminationStatus))\(reason.isEmpty ? "" : ": \(reason)"); expected a PDF with a text layer")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The argument vector: layout mode keeps table columns apart, as in Datasets/*.txt.
  static func arguments(for path: String) -> [String] {
    ["-layout", "-enc", "UTF-8", path, "-"]
  }

  static func findTool() -> String? {
    if let override = ProcessInfo.processInfo.environment["HQ_PDFTOTEXT"] {
      return FileManager.default.isExecutableFile(atPath: override) ? override : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init) + fallbackDirectories
    for directory in directories {
      let candidate = directory + "/pdftotext"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}

/// The standard-error bytes, handed from the reading thread to the waiting one.
private final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  func set(_ value: Data) { lock.withLock { data = value } }
  func get() -> Data { lock.withLock { data } }
}
