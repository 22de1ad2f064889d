#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time and memory measurements for the pathological-input tests.
///
/// Each hostile input must end in a result or a clear error within bounded time and memory;
/// these helpers give the tests a wall-clock figure and the process's peak resident size.
enum Measure {
  /// Seconds taken by `body`, with its result.
  static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    let value = try body()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &end)
    let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    return (value, seconds)
  }

  /// The process's peak resident set size so far, in megabytes (getrusage `ru_maxrss`).
  static var peakResidentMB: Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
    return Double(usage.ru_maxrss) / 1_048_576
    #else
    return Double(usage.ru_maxrss) / 1024
    #endif
  }
}
