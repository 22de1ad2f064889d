#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file's bytes: memory-mapped read-only for a regular file, read into memory for a
/// pipe; released when the value goes away.
///
/// Mapping instead of reading keeps a 1 GB CSV out of the heap: the parser walks the pages
/// once, front to back, and ``releaser`` hands finished pages back to the kernel, so
/// the file adds only a window of pages to the process's resident memory, not its full size.
///
/// A pipe cannot be mapped and has no size until it ends: a FIFO (`mkfifo`), a process
/// substitution (`<(gen)`, a `/dev/fd/N`) or `/dev/stdin` fed by a pipe is read to its end
/// instead, like sqlite3's `.import` and DuckDB's `read_csv('/dev/stdin')` do. Opening a FIFO
/// waits, as every reader of one does, until a program opens it for writing; Ctrl-C ends the
/// wait. Directories and devices (a terminal, `/dev/zero`) are refused by name.
///
/// The corresponding C calls are `open`, `fstat`, `mmap`, `madvise`, `munmap` and `read`.
final class FileBytes {
  let base: UnsafeRawPointer?
  let count: Int
  /// True when `base` is a mapping (`munmap` frees it), false when `malloc` gave it.
  let isMapped: Bool
  /// Told of the bytes ``releaser`` is handed: the reader is through with them.
  private let progress: LoadProgress?

  private init(base: UnsafeRawPointer?, count: Int, isMapped: Bool, progress: LoadProgress? = nil) {
    self.base = base
    self.count = count
    self.isMapped = isMapped
    self.progress = progress
  }

  deinit {
    guard let base else { return }
    if isMapped {
      if count > 0 { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    } else {
      free(UnsafeMutableRawPointer(mutating: base))
    }
  }

  var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// The bytes of `path`, or a ``LoadError`` naming the file and the system's reason.
  ///
  /// - Parameter limits: a pipe is read until Ctrl-C (`isCancelled`) or `maxPipedBytes`.
  static func read(_ path: String, limits: LoadLimits = .standard) throws(LoadError) -> FileBytes {
    var fd: Int32
    repeat {
      fd = open(path, O_RDONLY | O_CLOEXEC)
    } while fd < 0 && errno == EINTR && !limits.isCancelled()
    guard fd >= 0 else {
      if errno == EINTR {
        throw LoadError(file: path, message: "interrupted while opening the file (a FIFO waits until a program opens it for writing)")
      }
      throw LoadError(file: path, message: "cannot open the file: \(errnoText())")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw LoadError(file: path, message: "cannot read the file: \(errnoText())") }
    switch info.st_mode & S_IFMT {
    // A size of 0 is not proof of emptiness: /proc and /sys files report 0 (or a page) and
    // produce their text when read. Those, and files the kernel will not map, are read to
    // their end like a pipe; a truly empty file reads 0 bytes all the same.
    case S_IFREG:
      if info.st_size > 0, let mapped = map(fd, size: Int(info.st_size), progress: limits.progress) { return mapped }
      return try readToEnd(fd, path: path, limits: limits)
    case S_IFIFO, S_IFSOCK: return try readToEnd(fd, path: path, limits: limits)
    case S_IFDIR: throw LoadError(file: path, message: "is a directory; expected a file")
    case S_IFCHR, S_IFBLK: throw LoadError(file: path, message: "is a device; expected a file or a pipe")
    default: throw LoadError(file: path, message: "is neither a file nor a pipe; expected a file")
    }
  }

  /// Maps a regular file of `size` bytes (> 0); nil when the file cannot be mapped.
  private static func map(_ fd: Int32, size: Int, progress: LoadProgress?) -> FileBytes? {
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
    _ = madvise(mapped, size, MADV_SEQUENTIAL)
    return FileBytes(base: UnsafeRawPointer(mapped), count: size, isMapped: true, progress: progress)
  }

  /// Reads a pipe until its writer closes it, doubling the buffer as it fills.
  ///
  /// Ctrl-C is polled before every `read` (an endless writer such as `cat /dev/zero` never
  /// lets a read block, so an `EINTR` alone would never come), a read interrupted by another
  /// signal is retried, and more than `limits.maxPipedBytes` is an error that says how to allow more.
  ///
  /// - Complexity: O(n) in the bytes read (each byte is copied at most twice on average).
  static func readToEnd(_ fd: Int32, path: String, limits: LoadLimits) throws(LoadError) -> FileBytes {
    var capacity = 1 << 16
    var count = 0
    guard var storage = malloc(capacity) else { throw LoadError(file: path, message: "out of memory") }
    while true {
      if limits.isCancelled() {
        free(storage)
        throw LoadError(file: path, message: "interrupted while reading; nothing was loaded")
      }
      if count > limits.maxPipedBytes {
        free(storage)
        throw LoadError(
          file: path,
          message: "more than \(LoadLimits.describe(bytes: limits.maxPipedBytes)) arrived through the pipe and reading stopped; nothing was loaded (save the data to a file and load that, or allow more with HQ_MAX_PIPE_INPUT=SIZE)")
      }
      if count == capacity {
        guard let grown = realloc(storage, capacity * 2) else {
          free(storage)
          throw LoadError(file: path, message: "out of memory after reading \(count) bytes")
        }
        storage = grown
        capacity *= 2
      }
      let got = systemRead(fd, storage + count, min(capacity - count, limits.maxPipedBytes - count + 1))
      if got > 0 {
        count += got
        limits.progress?.addReceived(got)
      } else if got == 0 {
        break
      } else if errno != EINTR {
        let reason = errnoText()
        free(storage)
        throw LoadError(file: path, message: "cannot read the file: \(reason)")
      }
    }
    guard count > 0 else {
      free(storage)
      return FileBytes(base: nil, count: 0, isMapped: false)
    }
    // Give back the unused end of the last doubling.
    let fitted = realloc(storage, count) ?? storage
    return FileBytes(base: UnsafeRawPointer(fitted), count: count, isMapped: false)
  }

  /// A function that tells the kernel the pages wholly inside `from..<to` are no longer
  /// needed. They are re-read from the file if touched again (for example to render an
  /// error), so this is always safe; it only keeps resident memory down. Safe to call from
  /// the threads of a parallel read, each for its own range. The range also counts as read
  /// for the load's progress line (``LoadProgress/parsed``).
  var releaser: @Sendable (Int, Int) -> Void { releaser(reportingProgress: true) }

  /// ``releaser``, counting the bytes for the load's progress line only when
  /// `reportingProgress` (a later read of some columns is not part of the load).
  func releaser(reportingProgress: Bool) -> @Sendable (Int, Int) -> Void {
    guard let base, isMapped else { return { _, _ in } }
    let address = Int(bitPattern: base)
    let count = self.count
    let progress = reportingProgress ? self.progress : nil
    return { from, to in
      progress?.addParsed(min(to, count) - from)
      let page = Int(sysconf(Int32(_SC_PAGESIZE)))
      let first = (from + page - 1) / page * page
      let last = min(to, count) / page * page
      guard last > first, let start = UnsafeMutableRawPointer(bitPattern: address + first) else { return }
      _ = madvise(start, last - first, MADV_DONTNEED)
    }
  }

  /// The bytes as a `String` (without a leading byte order mark), or an error at the first
  /// byte that is not UTF-8.
  ///
  /// The standard library validates while it copies, in one pass; only a file that fails is
  /// scanned again, to find the place to report.
  func validatedString(file: String) throws(LoadError) -> String {
    let bytes = buffer
    var start = 0
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
    let text = UnsafeRawBufferPointer(rebasing: bytes[start...]).withMemoryRebound(to: UInt8.self) {
      String(validating: $0, as: UTF8.self)
    }
    if let text { return text }
    let bad = UTF8Check.firstInvalidOffset(in: bytes) ?? start
    throw LoadError(file: file, offset: bad, in: bytes, message: "invalid UTF-8; expected text encoded as UTF-8")
  }

  private static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}

/// The C `read`, named apart from ``FileBytes/read(_:)``, which hides it inside the type.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(fd, buffer, count)
}
