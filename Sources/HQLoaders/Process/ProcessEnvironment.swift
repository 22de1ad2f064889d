#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment and the file checks the tool runners need, from the C library:
/// hq does not load Foundation (docs/PERFORMANCE.md, "Start-up"), so neither `ProcessInfo`
/// nor `FileManager`.
public enum ProcessEnvironment {
  /// Every `NAME=VALUE` of the environment, as a dictionary (the first of a repeated name).
  /// The corresponding C variable is `environ`.
  public static var current: [String: String] {
    var result: [String: String] = [:]
    #if canImport(Darwin)
    let first = _NSGetEnviron()?.pointee
    #else
    let first: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
    #endif
    guard var entry = first else { return result }
    while let pointer = entry.pointee {
      let pair = String(cString: pointer)
      if let equals = pair.firstIndex(of: "="), result[String(pair[..<equals])] == nil {
        result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
      }
      entry += 1
    }
    return result
  }

  /// True for a file (not a directory) this process may run. The corresponding C call is
  /// `access(path, X_OK)`.
  public static func isExecutableFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFDIR && access(path, X_OK) == 0
  }

  /// True for a path this process may read. The corresponding C call is `access(path, R_OK)`.
  public static func isReadable(_ path: String) -> Bool {
    access(path, R_OK) == 0
  }

  /// The processors the system has online (at least 1). The corresponding C call is `sysconf`.
  public static var processorCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}

extension String {
  /// The text without the spaces, tabs and line breaks at either end (a tool's message).
  var trimmingWhitespace: String { trimming { $0.isWhitespace } }

  /// The text without the characters at either end for which `isTrimmed` is true.
  func trimming(_ isTrimmed: (Character) -> Bool) -> String {
    guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else {
      return ""
    }
    return String(self[first...last])
  }
}
