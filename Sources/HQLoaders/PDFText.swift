import Foundation

/// Extracts a PDF's text with poppler's `pdftotext`, the tool the bundled report texts were
/// made with, so a PDF loads exactly like its `.txt`.
///
/// The tool runs with an argument vector (`pdftotext -enc UTF-8 FILE -`), never through a
/// shell, so no file name can be taken for a command. Reading order (not `-layout`) is the
/// mode that matches Datasets/*.txt; page breaks (form feeds) become line breaks.
enum PDFText {
  /// The places `pdftotext` is looked for, in order, when `PATH` does not have it.
  static let fallbackDirectories = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]

  /// - Parameters:
  ///   - environment: where `PATH` and the `HQ_PDFTOTEXT` override are read (tests pass their own).
  ///   - fallbacks: directories tried after `PATH`.
  static func extract(
    path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
    fallbacks: [String] = fallbackDirectories
  ) throws(LoadError) -> String {
    guard FileManager.default.isReadableFile(atPath: path) else {
      throw LoadError(file: path, message: "cannot open the file: no such readable file")
    }
    guard let tool = findTool(environment: environment, fallbacks: fallbacks) else {
      throw LoadError(
        file: path,
        message: "cannot read PDF files: the pdftotext tool was not found; expected it on PATH (Debian/Ubuntu: apt-get install poppler-utils, or run Scripts/setup)")
    }
    // pdftotext seeks in its input, which a pipe cannot do: a pipe's bytes are read here and
    // handed to it on its standard input (`-`), which it reads whole first.
    var piped: Data?
    if !isRegularFile(path) {
      let file = try FileBytes.read(path)
      piped = withExtendedLifetime(file) { Data(file.buffer) }
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = piped == nil ? arguments(for: path) : ["-enc", "UTF-8", "-", "-"]
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = piped == nil ? FileHandle.nullDevice : input
    do { try process.run() } catch {
      throw LoadError(file: path, message: "cannot run \(tool): \(error.localizedDescription)")
    }
    // Read both pipes to the end before waiting, so a large text cannot fill a pipe and stall.
    let errorBox = DataBox()
    let group = DispatchGroup()
    if let piped {
      group.enter()
      DispatchQueue.global().async {
        try? input.fileHandleForWriting.write(contentsOf: piped)
        try? input.fileHandleForWriting.close()
        group.leave()
      }
    }
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
    var bytes = [UInt8](data)
    for i in bytes.indices where bytes[i] == 0x0C { bytes[i] = 0x0A }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// True for a regular file (or a link to one); false for a pipe, a directory, a device,
  /// or a path that cannot be looked at (``FileBytes`` then says which).
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// The argument vector; `path` is one argument whatever characters it holds, and a path
  /// starting with `-` is prefixed with `./` so pdftotext cannot take it for an option.
  static func arguments(for path: String) -> [String] {
    ["-enc", "UTF-8", path.hasPrefix("-") ? "./" + path : path, "-"]
  }

  /// `HQ_PDFTOTEXT` if set, else the first executable `pdftotext` on `PATH` or in `fallbacks`.
  static func findTool(environment: [String: String], fallbacks: [String]) -> String? {
    if let override = environment["HQ_PDFTOTEXT"] {
      return FileManager.default.isExecutableFile(atPath: override) ? override : nil
    }
    let path = environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init) + fallbacks
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
