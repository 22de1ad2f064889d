#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns an SVG image into PNG with `rsvg-convert` (librsvg; Debian package `librsvg2-bin`),
/// run as ``ChildProcess`` runs tools: no shell, the SVG on its standard input, stopped by
/// Ctrl-C or after `timeout` seconds.
public enum SVGConverter {
  /// The Debian package that provides `rsvg-convert`, named in the error when it is missing.
  public static let package = "librsvg2-bin"

  /// Why a conversion failed, as a reason to place in a sentence.
  public struct Failure: Error, Sendable {
    public var message: String
  }

  /// The PNG bytes of `svg`.
  ///
  /// - Parameters:
  ///   - environment: where `PATH` and the `HQ_RSVG_CONVERT` override are read (tests pass
  ///     their own); also the tool's environment.
  public static func png(
    fromSVG svg: String, environment: [String: String] = ProcessEnvironment.current,
    timeout: Double = 60, isCancelled: () -> Bool = { false }
  ) throws(Failure) -> [UInt8] {
    guard let tool = findTool(environment: environment) else {
      throw Failure(
        message: "writing PNG needs the rsvg-convert tool, which was not found on PATH (Debian/Ubuntu: apt-get install \(package)); a .svg file needs nothing")
    }
    let bytes = Array(svg.utf8)
    let outcome: Swift.Result<ChildProcess.Result, ChildProcess.Failure> = bytes.withUnsafeBytes { raw in
      do throws(ChildProcess.Failure) {
        return .success(
          try ChildProcess.run(
            tool, arguments: ["--format", "png"], environment: environment, input: raw, timeout: timeout, isCancelled: isCancelled))
      } catch {
        return .failure(error)
      }
    }
    let result: ChildProcess.Result
    switch outcome {
    case .success(let value): result = value
    case .failure(let error):
      switch error {
      case .cannotStart(let code): throw Failure(message: "cannot run \(tool): \(String(cString: strerror(code)))")
      case .interrupted: throw Failure(message: "interrupted while rsvg-convert was drawing the PNG")
      case .timedOut: throw Failure(message: "rsvg-convert did not finish within \(Int(timeout)) s and was stopped")
      case .outputTooLarge: throw Failure(message: "rsvg-convert wrote too much")
      case .system(let what, let code): throw Failure(message: "\(what): \(String(cString: strerror(code)))")
      }
    }
    guard result.status == 0, result.output.starts(with: [0x89, 0x50, 0x4E, 0x47]) else {
      let reason = String(decoding: result.errors, as: UTF8.self).trimmingWhitespace
      throw Failure(message: "rsvg-convert could not draw the PNG (exit status \(result.status))\(reason.isEmpty ? "" : ": \(reason)")")
    }
    return result.output
  }

  /// `HQ_RSVG_CONVERT` if set, else the first executable `rsvg-convert` on `PATH`.
  static func findTool(environment: [String: String]) -> String? {
    if let override = environment["HQ_RSVG_CONVERT"] {
      return ProcessEnvironment.isExecutableFile(override) ? override : nil
    }
    for directory in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = String(directory) + "/rsvg-convert"
      if ProcessEnvironment.isExecutableFile(candidate) { return candidate }
    }
    return nil
  }

  /// True when `rsvg-convert` can be found (for tests that need it).
  public static var isAvailable: Bool {
    findTool(environment: ProcessEnvironment.current) != nil
  }
}
