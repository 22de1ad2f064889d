import HQData

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
  /// Where readers count the bytes they are through, for a progress line; nil counts nothing.
  public var progress: LoadProgress?

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
    let quarter = ByteSize.physicalMemory / 4
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

  /// `512`, `64K`, `512M`, `2G` (``HQData/ByteSize/parse(_:)``).
  public static func parseSize(_ text: String) -> Int? { ByteSize.parse(text) }

  /// `4 GiB`, `512 MiB`, `800 bytes` (``HQData/ByteSize/describe(_:)``).
  public static func describe(bytes: Int) -> String { ByteSize.describe(bytes) }
}
