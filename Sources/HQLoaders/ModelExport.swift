import Foundation
import HQReports

/// Writes a ``ReportModel`` as an hq model file (JSON; the format is docs/MODEL-json.md),
/// the file `.export` writes and `.load FILE.json` reads back.
public enum ModelExport {
  /// Writes atomically: the JSON goes to a temporary file in the same directory, which is
  /// then renamed over `path`, so a crash or a full disk never leaves a half-written model.
  public static func write(_ model: ReportModel, to path: String) throws(LoadError) {
    let bytes = ModelJSONWriter.encode(model)
    try AtomicFile.write(bytes, to: path)
  }
}

/// Atomic replacement of a file's contents: write a sibling temporary file, then `rename`.
enum AtomicFile {
  static func write(_ bytes: [UInt8], to path: String) throws(LoadError) {
    let directory = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).tmp"
    // The name is predictable: remove whatever is there (a stale file, or a symlink planted
    // to redirect the write) and create a fresh file, never following a link.
    unlink(temporary)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw LoadError(file: path, message: "cannot write the file: \(String(cString: strerror(errno)))")
    }
    var written = 0
    let ok = bytes.withUnsafeBytes { raw -> Bool in
      guard let base = raw.baseAddress else { return fsync(fd) == 0 }
      while written < raw.count {
        let n = Foundation.write(fd, base + written, raw.count - written)
        if n <= 0 { return false }
        written += n
      }
      return fsync(fd) == 0
    }
    let reason = String(cString: strerror(errno))
    close(fd)
    guard ok, rename(temporary, path) == 0 else {
      let renameReason = ok ? String(cString: strerror(errno)) : reason
      unlink(temporary)
      throw LoadError(file: path, message: "cannot write the file: \(renameReason)")
    }
  }
}
