#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What hq needs to know about the terminal it runs in, in one place.
public enum Terminal {
  /// True when file descriptor `fd` is a terminal. The corresponding C call is `isatty`.
  public static func isTerminal(_ fd: Int32) -> Bool {
    isatty(fd) == 1
  }

  /// The width of the terminal on standard output: `TIOCGWINSZ`, else `$COLUMNS`, else nil.
  public static func width() -> Int? {
    var size = winsize()
    if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    if let columns = environment("COLUMNS").flatMap({ Int($0) }), columns > 0 { return columns }
    return nil
  }

  /// True when output to the terminal on standard output may be coloured: it is a terminal,
  /// `NO_COLOR` is unset or empty (no-color.org), and `TERM` is not `dumb`.
  public static func allowsColour(on descriptor: Int32 = 1) -> Bool {
    guard isTerminal(descriptor) else { return false }
    if let noColour = environment("NO_COLOR"), !noColour.isEmpty { return false }
    return environment("TERM") != "dumb"
  }

  /// An environment variable, or nil. The corresponding C call is `getenv`.
  public static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Makes `ä` one character for libedit and wide-character functions: the user's locale,
  /// or `C.UTF-8` when that is the plain C locale (which would drop non-ASCII letters).
  public static func setUTF8Locale() {
    let result = setlocale(LC_CTYPE, "")
    let name = result.map { String(cString: $0) } ?? "C"
    if name == "C" || name == "POSIX" {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
    }
  }
}
