#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shell's history file (`~/.hq_history`, or `$HQ_HISTORY`), written by appending.
///
/// libedit's own save (`history(H_SAVE)`) rewrites the whole file from the session's memory,
/// following a symbolic link and `fchmod`ing its target to 0600: with two shells open, the
/// last to save dropped the other's entries, and a history path that was a link to another
/// file replaced that file. Here every entry is appended in one `write`, under an exclusive
/// `flock`, to a file opened with `O_APPEND | O_NOFOLLOW`; nothing is ever rewritten. Loading
/// stays libedit's (`history(H_LOAD)`, the last ``LineEditor`` keeps 2,000 entries), so the
/// format is libedit's: the line `_HiStOrY_V2_`, then one entry per line, encoded the way
/// libedit's `strvis(VIS_WHITE)` does (blanks, line breaks and backslashes escaped).
///
/// A path that is a symbolic link, not a regular file, or a file that does not start with
/// `_HiStOrY_V2_` is refused with a message: the shell then works without a history file.
struct HistoryFile {
  static let cookie = "_HiStOrY_V2_\n"

  let path: String

  /// Nil when `path` may be used (a history file or nothing yet); else why not, for a message.
  static func problem(with path: String) -> String? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      return errno == ENOENT ? nil : "cannot use the history file \(path): \(String(cString: strerror(errno)))"
    }
    switch info.st_mode & S_IFMT {
    case S_IFLNK:
      return "the history file \(path) is a symbolic link; hq does not follow it, so that the file it points to is never overwritten (set HQ_HISTORY to the file itself)"
    case S_IFREG:
      break
    default:
      return "the history file \(path) is not a regular file (set HQ_HISTORY to a file)"
    }
    guard info.st_size > 0 else { return nil }
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return "cannot read the history file \(path): \(String(cString: strerror(errno)))" }
    defer { close(fd) }
    var head = [UInt8](repeating: 0, count: cookie.utf8.count)
    let got = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard got == head.count, head == Array(cookie.utf8) else {
      return "\(path) is not an hq history file (its first line is not _HiStOrY_V2_); it is left as it is (move it away, or set HQ_HISTORY to another file)"
    }
    return nil
  }

  /// Appends one entry; nil on success, else the system's reason. Creates the file (0600,
  /// with libedit's first line) when it does not exist.
  func append(_ entry: String) -> String? {
    var fd: Int32
    repeat {
      fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
    } while fd < 0 && errno == EINTR
    guard fd >= 0 else {
      return errno == ELOOP ? "it is a symbolic link" : String(cString: strerror(errno))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return "it is not a regular file" }
    // Another shell may be appending: one writer at a time, so the first line is written once
    // and entries never interleave.
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else { return String(cString: strerror(errno)) }
    }
    defer { _ = flock(fd, LOCK_UN) }
    guard fstat(fd, &info) == 0 else { return String(cString: strerror(errno)) }
    var bytes: [UInt8] = info.st_size == 0 ? Array(Self.cookie.utf8) : []
    bytes += Self.encode(entry)
    bytes.append(UInt8(ascii: "\n"))
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return write(fd, base + written, buffer.count - written)
      }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        // A partial entry would be read back as garbage: cut the file back to where it was.
        _ = ftruncate(fd, info.st_size)
        return reason
      }
      written += n
    }
    return nil
  }

  /// An entry as libedit's `strvis(…, VIS_WHITE)` writes it, so libedit's `H_LOAD` reads it
  /// back unchanged: space, tab, line breaks, other control characters and DEL as three-digit
  /// octal escapes (`\040`), a backslash doubled; UTF-8 and other printable bytes as they are.
  static func encode(_ entry: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(entry.utf8.count)
    for byte in entry.utf8 {
      if byte == UInt8(ascii: "\\") {
        out += [byte, byte]
      } else if byte <= 0x20 || byte == 0x7F {
        out += [UInt8(ascii: "\\"), 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
      } else {
        out.append(byte)
      }
    }
    return out
  }
}
