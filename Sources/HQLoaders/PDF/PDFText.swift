import Foundation

/// Extracts a PDF's text with poppler's `pdftotext`, the tool the bundled report texts were
/// made with.
///
/// The text is built from word geometry (``Mode/layout``): `pdftotext -tsv -enc UTF-8 FILE -`
/// gives every word with its box, and ``PDFLayout`` keeps prose and headings in pdftotext's
/// reading order while writing tables as Markdown pipe tables, with a `<!-- sida N -->` line
/// before each page. ``Mode/readingOrder`` is plain `pdftotext -enc UTF-8 FILE -`, the mode
/// that matches Datasets/*.txt (page breaks become line breaks).
///
/// The tool runs with an argument vector, never through a shell, so no file name can be taken
/// for a command.
enum PDFText {
  /// How the text is built.
  enum Mode: Sendable {
    /// From word geometry (`-tsv`): tables as Markdown, page markers, furniture out of tables.
    case layout
    /// pdftotext's reading order, as it writes it.
    case readingOrder

    var options: [String] {
      switch self {
      case .layout: ["-tsv", "-enc", "UTF-8"]
      case .readingOrder: ["-enc", "UTF-8"]
      }
    }
  }

  /// The places `pdftotext` is looked for, in order, when `PATH` does not have it.
  static let fallbackDirectories = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]

  /// - Parameters:
  ///   - environment: where `PATH` and the `HQ_PDFTOTEXT` override are read (tests pass their own).
  ///   - fallbacks: directories tried after `PATH`.
  ///   - mode: word geometry (the default) or pdftotext's reading order.
  static func extract(
    path: String, mode: Mode = .layout,
    environment: [String: String] = ProcessInfo.processInfo.environment,
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
    process.arguments = piped == nil ? arguments(for: path, mode: mode) : mode.options + ["-", "-"]
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
    switch mode {
    case .layout:
      return PDFLayout.text(of: PDFWords.parse(bytes))
    case .readingOrder:
      for i in bytes.indices where bytes[i] == 0x0C { bytes[i] = 0x0A }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// True for a regular file (or a link to one); false for a pipe, a directory, a device,
  /// or a path that cannot be looked at (``FileBytes`` then says which).
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// The argument vector; `path` is one argument whatever characters it holds, and a path
  /// starting with `-` is prefixed with `./` so pdftotext cannot take it for an option.
  static func arguments(for path: String, mode: Mode = .layout) -> [String] {
    mode.options + [path.hasPrefix("-") ? "./" + path : path, "-"]
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
