#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
  ///   - environment: where `PATH` and the `HQ_PDFTOTEXT` override are read (tests pass their
  ///     own); also the tool's environment.
  ///   - fallbacks: directories tried after `PATH`.
  ///   - mode: word geometry (the default) or pdftotext's reading order.
  ///   - limits: Ctrl-C (polled every 100 ms; the tool is killed), the time the tool may take,
  ///     the most bytes read from a pipe.
  static func extract(
    path: String, mode: Mode = .layout,
    environment: [String: String] = ProcessEnvironment.current,
    fallbacks: [String] = fallbackDirectories, limits: LoadLimits = .standard
  ) throws(LoadError) -> String {
    guard ProcessEnvironment.isReadable(path) else {
      throw LoadError(file: path, message: "cannot open the file: no such readable file")
    }
    guard let tool = findTool(environment: environment, fallbacks: fallbacks) else {
      throw LoadError(
        file: path,
        message: "cannot read PDF files: the pdftotext tool was not found; expected it on PATH (Debian/Ubuntu: apt-get install poppler-utils, or run Scripts/setup)")
    }
    // pdftotext seeks in its input, which a pipe cannot do: a pipe's bytes are read here and
    // handed to it on its standard input (`-`), which it reads whole first.
    let piped: FileBytes? = isRegularFile(path) ? nil : try FileBytes.read(path, limits: limits)
    let arguments = piped == nil ? arguments(for: path, mode: mode) : mode.options + ["-", "-"]
    let result: ChildProcess.Result
    do throws(ChildProcess.Failure) {
      result = try withExtendedLifetime(piped) { () throws(ChildProcess.Failure) in
        try ChildProcess.run(
          tool, arguments: arguments, environment: environment, input: piped?.buffer, timeout: limits.toolTimeout,
          maxOutput: limits.maxPipedBytes, isCancelled: limits.isCancelled)
      }
    } catch {
      throw failure(error, tool: tool, path: path, limits: limits)
    }
    guard result.status == 0 else {
      let reason = String(decoding: result.errors, as: UTF8.self).trimmingWhitespace
      let status = result.status > 128 ? "killed by signal \(result.status - 128)" : "exit status \(result.status)"
      throw LoadError(file: path, message: "pdftotext could not read the PDF (\(status))\(reason.isEmpty ? "" : ": \(reason)"); expected a PDF with a text layer")
    }
    var bytes = result.output
    switch mode {
    case .layout:
      return PDFLayout.text(of: PDFWords.parse(bytes))
    case .readingOrder:
      for i in bytes.indices where bytes[i] == 0x0C { bytes[i] = 0x0A }
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The message for a tool run that did not finish.
  private static func failure(_ failure: ChildProcess.Failure, tool: String, path: String, limits: LoadLimits) -> LoadError {
    switch failure {
    case .cannotStart(let code):
      return LoadError(file: path, message: "cannot run \(tool): \(String(cString: strerror(code)))")
    case .interrupted:
      return LoadError(file: path, message: "interrupted while pdftotext was reading the PDF; nothing was loaded")
    case .timedOut:
      let seconds = limits.toolTimeout.rounded() == limits.toolTimeout ? String(Int(limits.toolTimeout)) : String(limits.toolTimeout)
      return LoadError(
        file: path,
        message: "pdftotext did not finish within \(seconds) s and was stopped; nothing was loaded (allow longer with HQ_PDFTOTEXT_TIMEOUT=SECONDS)")
    case .outputTooLarge:
      return LoadError(
        file: path,
        message: "pdftotext wrote more than \(LoadLimits.describe(bytes: limits.maxPipedBytes)) of text and was stopped; nothing was loaded (allow more with HQ_MAX_PIPE_INPUT=SIZE)")
    case .system(let what, let code):
      return LoadError(file: path, message: "\(what): \(String(cString: strerror(code)))")
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
      return ProcessEnvironment.isExecutableFile(override) ? override : nil
    }
    let path = environment["PATH"] ?? ""
    let directories = path.split(separator: ":").map(String.init) + fallbacks
    for directory in directories {
      let candidate = directory + "/pdftotext"
      if ProcessEnvironment.isExecutableFile(candidate) { return candidate }
    }
    return nil
  }
}
