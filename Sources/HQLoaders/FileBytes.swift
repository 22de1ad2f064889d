#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file's bytes, memory-mapped read-only, unmapped when the value goes away.
///
/// Mapping instead of reading keeps a 1 GB CSV out of the heap: the parser walks the pages
/// once, front to back, and ``releaser`` hands finished pages back to the kernel, so
/// the file adds only a window of pages to the process's resident memory, not its full size.
/// The corresponding C calls are `open`, `fstat`, `mmap`, `madvise` and `munmap`.
final class FileBytes {
  let base: UnsafeRawPointer?
  let count: Int

  private init(base: UnsafeRawPointer?, count: Int) {
    self.base = base
    self.count = count
  }

  deinit {
    if let base, count > 0 { munmap(UnsafeMutableRawPointer(mutating: base), count) }
  }

  var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

  /// Maps `path`, or throws a ``LoadError`` naming the file and the system's reason.
  static func read(_ path: String) throws(LoadError) -> FileBytes {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw LoadError(file: path, message: "cannot open the file: \(errnoText())") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw LoadError(file: path, message: "cannot read the file: \(errnoText())") }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw LoadError(file: path, message: "is a directory; expected a file")
    }
    let size = Int(info.st_size)
    guard size > 0 else { return FileBytes(base: nil, count: 0) }
    guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else {
      throw LoadError(file: path, message: "cannot map the file: \(errnoText())")
    }
    _ = madvise(mapped, size, MADV_SEQUENTIAL)
    return FileBytes(base: UnsafeRawPointer(mapped), count: size)
  }

  /// A function that tells the kernel the pages wholly inside `from..<to` are no longer
  /// needed. They are re-read from the file if touched again (for example to render an
  /// error), so this is always safe; it only keeps resident memory down. Safe to call from
  /// the threads of a parallel read, each for its own range.
  var releaser: @Sendable (Int, Int) -> Void {
    guard let base else { return { _, _ in } }
    let address = Int(bitPattern: base)
    let count = self.count
    return { from, to in
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
    let place = TextPosition(of: bad, in: bytes)
    throw LoadError(file: file, line: place.line, column: place.column, message: "invalid UTF-8; expected text encoded as UTF-8")
  }

  private static func errnoText() -> String {
    String(cString: strerror(errno))
  }
}
