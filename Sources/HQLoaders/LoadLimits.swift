#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What bounds a load: how it learns of Ctrl-C, how much a pipe may hold, how long `pdftotext`
/// may run. Passed to ``Loader/load(path:as:limits:)`` and on to every read loop.
///
/// A regular file is memory-mapped and its size is known before reading, so only input whose
/// end is unknown (a pipe, `/dev/stdin`, a process substitution) is bounded by
/// ``maxPipedBytes``: `cat /dev/zero | hq --load /dev/stdin --as z.csv` then stops with an
/// error instead of reading until memory runs out.
public struct LoadLimits: Sendable {
  /// Polled by every read loop and loader (about every 64 KiB read or 65,536 CSV rows, and
  /// every 100 ms while `pdftotext` runs); true stops the load with ``LoadError`` "interrupted".
  public var isCancelled: @Sendable () -> Bool
  /// The most bytes read from a pipe (or a script that is a pipe) before giving up.
  public var maxPipedBytes: Int
  /// The most seconds `pdftotext` may run for one file before it is stopped.
  public var toolTimeout: Double

  public init(
    isCancelled: @escaping @Sendable () -> Bool = { false }, maxPipedBytes: Int = LoadLimits.defaultMaxPipedBytes,
    toolTimeout: Double = LoadLimits.defaultToolTimeout
  ) {
    self.isCancelled = isCancelled
    self.maxPipedBytes = maxPipedBytes
    self.toolTimeout = toolTimeout
  }

  /// No cancellation; the default bounds.
  public static let standard = LoadLimits()

  /// 4 GiB, or a quarter of physical memory when that is less: piped input is held in memory
  /// whole, and the table built from it needs about as much again.
  public static let defaultMaxPipedBytes: Int = {
    let quarter = PhysicalMemory.bytes / 4
    return quarter > 0 ? min(4 << 30, quarter) : 4 << 30
  }()

  /// Ten minutes: the bundled reports' PDFs take pdftotext a second or two.
  public static let defaultToolTimeout: Double = 600

  /// The limits with `HQ_MAX_PIPE_INPUT` (bytes, with an optional K/M/G suffix) and
  /// `HQ_PDFTOTEXT_TIMEOUT` (seconds) from `environment` applied; a value that does not parse
  /// is an error naming the variable.
  public static func fromEnvironment(
    _ environment: [String: String], isCancelled: @escaping @Sendable () -> Bool
  ) throws(LoadError) -> LoadLimits {
    var limits = LoadLimits(isCancelled: isCancelled)
    if let text = environment["HQ_MAX_PIPE_INPUT"], !text.isEmpty {
      guard let bytes = parseSize(text) else {
        throw LoadError(file: "HQ_MAX_PIPE_INPUT", message: "'\(text)' is not a size; expected bytes with an optional K, M or G suffix (HQ_MAX_PIPE_INPUT=512M)")
      }
      limits.maxPipedBytes = bytes
    }
    if let text = environment["HQ_PDFTOTEXT_TIMEOUT"], !text.isEmpty {
      guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
        throw LoadError(file: "HQ_PDFTOTEXT_TIMEOUT", message: "'\(text)' is not a number of seconds; expected a positive number (HQ_PDFTOTEXT_TIMEOUT=120)")
      }
      limits.toolTimeout = seconds
    }
    return limits
  }

  /// `512`, `64K`, `512M`, `2G` (powers of 1024; case-insensitive; an optional trailing `B`).
  /// Nil for anything else, and for sizes that do not fit in an `Int`.
  public static func parseSize(_ text: String) -> Int? {
    var digits = Substring(text.uppercased())
    if digits.hasSuffix("B") { digits = digits.dropLast() }
    var shift = 0
    switch digits.last {
    case "K": shift = 10
    case "M": shift = 20
    case "G": shift = 30
    case "T": shift = 40
    default: break
    }
    if shift > 0 { digits = digits.dropLast() }
    guard let number = Int(digits), number >= 0 else { return nil }
    let (value, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
    return overflow ? nil : value
  }

  /// `4.0 GiB`, `512 MiB`, `800 bytes`: a size as messages show it.
  public static func describe(bytes: Int) -> String {
    let units: [(String, Int)] = [("TiB", 40), ("GiB", 30), ("MiB", 20), ("KiB", 10)]
    for (name, shift) in units where bytes >= 1 << shift {
      let whole = bytes >> shift
      let tenths = ((bytes - (whole << shift)) * 10) >> shift
      return tenths == 0 ? "\(whole) \(name)" : "\(whole).\(tenths) \(name)"
    }
    return "\(bytes) bytes"
  }
}

/// The machine's physical memory, for default limits.
public enum PhysicalMemory {
  /// In bytes; 0 when the system does not say. The corresponding C call is `sysconf`.
  public static let bytes: Int = {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return 0 }
    let (total, overflow) = pages.multipliedReportingOverflow(by: size)
    return overflow ? Int.max : total
  }()
}
