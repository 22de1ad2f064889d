#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HQLoaders

/// A file the shell writes (`.output`, `.once`, `.save`): a ``FileDestination`` with a buffered
/// ``OutputSink`` in front.
///
/// A regular file is replaced atomically when the write is complete (its permissions kept); a
/// device, FIFO or `/dev/stdout` is written in place; a symbolic link writes to its target
/// (``FileDestination`` says why each).
final class OutputFile {
  let destination: FileDestination
  let sink: OutputSink

  var path: String { destination.path }

  /// Opens the destination. Errors read `cannot write 'PATH': REASON`.
  init(path: String) throws(ShellError) {
    do throws(LoadError) {
      destination = try FileDestination(path: path)
    } catch {
      throw ShellError("cannot write '\(path)': \(error.message)")
    }
    sink = OutputSink(descriptor: destination.descriptor)
  }

  /// Flushes and completes the write (rename into place, or close); on any failure the
  /// destination keeps what it had and the error says why.
  func commit() throws(ShellError) {
    sink.flush()
    if sink.isBroken {
      destination.abandon()
      throw ShellError("cannot write '\(path)': \(Self.reason(sink.failure))\(keptNote)")
    }
    do throws(LoadError) {
      try destination.commit()
    } catch {
      throw ShellError("cannot write '\(path)': \(error.message)\(keptNote)")
    }
  }

  /// Gives up the write; the destination keeps what it had.
  func abandon() {
    destination.abandon()
  }

  /// What became of the destination after a failure.
  private var keptNote: String {
    destination.isReplacing ? "; the file is left as it was" : ""
  }

  /// Writes `text` to `path` and commits.
  static func write(_ text: String, to path: String) throws(ShellError) {
    let file = try OutputFile(path: path)
    file.sink.write(text)
    try file.commit()
  }

  static func reason(_ code: Int32) -> String {
    FileDestination.reason(code)
  }
}
