/// An active `.output FILE` or `.once FILE`: results go to an ``AtomicFile`` until
/// `.output` alone (or, for `.once`, the next statement) completes it.
struct Redirection {
  var file: AtomicFile
  var once: Bool

  var sink: OutputSink { file.sink }
}

extension Session {
  /// Starts sending results to `path`, completing any earlier redirection first.
  func redirect(to path: String, once: Bool) throws(ShellError) {
    if let current = redirection {
      redirection = nil
      try current.file.commit()
    }
    redirection = Redirection(file: try AtomicFile(path: path), once: once)
  }

  /// Completes a `.once` redirection after the statement it was for.
  func finishOnce() {
    guard let current = redirection, current.once else { return }
    redirection = nil
    finishRedirection(current)
  }

  func finishRedirection(_ redirection: Redirection) {
    do throws(ShellError) {
      try redirection.file.commit()
    } catch {
      errors.write("error: \(error.message)\n")
    }
  }
}
