#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path hq writes to (`.output`, `.once`, `.save`, `.export`), opened the way its kind needs.
///
/// - A **regular file** (or a name that does not exist yet) is written under a temporary name
///   next to it and renamed over it by ``commit()``, so a full disk or a crash leaves the old
///   contents or the whole new ones, never a truncated file. The new file keeps the old one's
///   permission bits and, where allowed, its owner and group (a 0600 file stays 0600); a new
///   file gets 0666 less the umask, as a shell's `>` gives.
/// - A **symbolic link** is followed: its target is what gets replaced, and the link stays.
/// - **Anything else** — a device (`/dev/null`, a terminal), a FIFO — is written in place:
///   renaming a file over `/dev/null` would replace the device node. `/dev/stdout`,
///   `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` write to hq's own descriptor (a `dup`),
///   sharing its position, as a shell's `> /dev/stdout` does.
///
/// The temporary name (`.NAME.PID.tmp`) is predictable, so whatever is there is removed and the
/// file created with `O_EXCL | O_NOFOLLOW`: a planted symlink cannot redirect the write.
///
/// Failures are ``LoadError``s whose `message` is the reason alone (`No space left on device`),
/// for callers to place in their own sentence.
public final class FileDestination {
  /// The path as the user gave it.
  public let path: String
  /// Where the data goes once committed: `path` with symbolic links followed.
  public let target: String
  /// The temporary file renamed over ``target`` by ``commit()``; nil when written in place.
  public let temporaryPath: String?
  /// Open for writing until ``commit()`` or ``abandon()``.
  public let descriptor: Int32
  private var isOpen = true

  /// True when the data replaces the target on ``commit()`` (a regular file or a new name).
  public var isReplacing: Bool { temporaryPath != nil }

  /// Opens `path` for writing. The corresponding C calls are `lstat`, `readlink`, `open`,
  /// `fchmod`, `fchown` and `dup`.
  public init(path: String) throws(LoadError) {
    self.path = path
    if let fd = Self.ownDescriptor(path) {
      let copy = dup(fd)
      guard copy >= 0 else { throw LoadError(file: path, message: Self.reason(errno)) }
      _ = fcntl(copy, F_SETFD, FD_CLOEXEC)
      target = path
      temporaryPath = nil
      descriptor = copy
      return
    }
    let resolved = try Self.followLinks(path)
    target = resolved
    var info = stat()
    if stat(resolved, &info) != 0 {
      guard errno == ENOENT else { throw LoadError(file: path, message: Self.reason(errno)) }
      (temporaryPath, descriptor) = try Self.createTemporary(for: resolved, path: path, like: nil)
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG:
      (temporaryPath, descriptor) = try Self.createTemporary(for: resolved, path: path, like: info)
    case S_IFDIR:
      throw LoadError(file: path, message: "it is a directory; expected a file name")
    default:
      // A device, FIFO or socket: write to it, never replace it. Opening a FIFO waits for a
      // reader; Ctrl-C (EINTR, the SIGINT handler has no SA_RESTART) ends the wait.
      let fd = open(resolved, O_WRONLY | O_CLOEXEC | O_NOCTTY)
      guard fd >= 0 else {
        let code = errno
        throw LoadError(file: path, message: code == EINTR ? "interrupted while waiting for a reader" : Self.reason(code))
      }
      temporaryPath = nil
      descriptor = fd
    }
  }

  deinit { abandon() }

  /// Completes the write: for a replaced file, forces the data to disk (`fsync`, so a power cut
  /// cannot leave an empty file under the name), closes and renames into place; for one written
  /// in place, closes. On failure the temporary file is removed and the target left as it was.
  public func commit() throws(LoadError) {
    guard isOpen else { return }
    isOpen = false
    guard let temporaryPath else {
      guard close(descriptor) == 0 || errno == EINTR else { throw LoadError(file: path, message: Self.reason(errno)) }
      return
    }
    let synced = fsync(descriptor) == 0
    let syncError = errno
    let closed = close(descriptor) == 0 || errno == EINTR
    let closeError = errno
    guard synced, closed else {
      unlink(temporaryPath)
      throw LoadError(file: path, message: Self.reason(synced ? closeError : syncError))
    }
    guard rename(temporaryPath, target) == 0 else {
      let code = errno
      unlink(temporaryPath)
      throw LoadError(file: path, message: Self.reason(code))
    }
  }

  /// Gives up: closes and removes the temporary file; the target stays as it was.
  public func abandon() {
    guard isOpen else { return }
    isOpen = false
    close(descriptor)
    if let temporaryPath { unlink(temporaryPath) }
  }

  /// Writes `bytes` to `path` and commits.
  public static func write(_ bytes: [UInt8], to path: String) throws(LoadError) {
    let destination = try FileDestination(path: path)
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count, let base = raw.baseAddress {
        let n = systemWrite(destination.descriptor, base + offset, raw.count - offset)
        if n > 0 {
          offset += n
        } else if n < 0 && errno == EINTR {
          continue
        } else {
          failure = n < 0 ? errno : EIO
          return
        }
      }
    }
    guard failure == 0 else {
      destination.abandon()
      throw LoadError(file: path, message: reason(failure))
    }
    try destination.commit()
  }

  /// `strerror`, as text.
  public static func reason(_ code: Int32) -> String {
    strerror(code).map { String(cString: $0) } ?? "error \(code)"
  }

  // MARK: Opening

  /// hq's own descriptor for `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N`.
  static func ownDescriptor(_ path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return 1
    case "/dev/stderr": return 2
    default: break
    }
    for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
      return Int32(path.dropFirst(prefix.count))
    }
    return nil
  }

  /// `path` with every symbolic link along the last component followed (at most 40, as the
  /// kernel allows); a relative link is taken from the link's directory. A link whose target
  /// does not exist yet gives that target (the file is created there).
  static func followLinks(_ path: String) throws(LoadError) -> String {
    var current = path
    for _ in 0..<40 {
      var info = stat()
      if lstat(current, &info) != 0 {
        if errno == ENOENT { return current }
        throw LoadError(file: path, message: reason(errno))
      }
      guard info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let n = readlink(current, &buffer, buffer.count - 1)
      guard n >= 0 else { throw LoadError(file: path, message: reason(errno)) }
      let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current = link.hasPrefix("/") ? link : directory(of: current) + link
    }
    throw LoadError(file: path, message: reason(ELOOP))
  }

  /// `a/b/` for `a/b/c`, `` for `c`.
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }

  /// Creates `.NAME.PID.tmp` next to `target`, with the permissions (and, where allowed, the
  /// owner) of the file it will replace.
  private static func createTemporary(for target: String, path: String, like existing: stat?) throws(LoadError) -> (String, Int32) {
    let directory = directory(of: target)
    let name = String(target.dropFirst(directory.count))
    guard !name.isEmpty, name != ".", name != ".." else {
      throw LoadError(file: path, message: "it is a directory; expected a file name")
    }
    let temporary = directory + ".\(name).\(getpid()).tmp"
    unlink(temporary)
    let mode: mode_t = existing == nil ? 0o666 : 0o600
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { throw LoadError(file: path, message: reason(errno)) }
    if let existing {
      // Owner first: chown clears set-id bits, which fchmod then restores.
      _ = fchown(fd, existing.st_uid, existing.st_gid)
      _ = fchmod(fd, existing.st_mode & 0o7777)
    }
    return (temporary, fd)
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
