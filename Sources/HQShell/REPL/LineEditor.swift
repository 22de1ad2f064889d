@preconcurrency import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The libedit (editline) line editor: prompt, emacs keys, history, Ctrl-R, Tab completion.
///
/// Every `el_*` and `history` call of hq is in this file. The class owns the `EditLine *` and
/// `History *` handles and frees them in `deinit`. libedit calls our key functions
/// synchronously on the thread that called `el_gets`; they find this object through
/// `EL_CLIENTDATA`.
///
/// Ctrl-C is a key while editing ("^C as a key", see the libedit notes): ISIG is cleared in
/// libedit's edit-mode tty settings and `^C` is bound to a function that marks the line
/// cancelled. Outside `el_gets` the tty is back in the user's mode, so Ctrl-C during a running
/// statement raises SIGINT as usual.
final class LineEditor {
  /// What one call to ``readLine(prompt:)`` got.
  enum Input: Equatable {
    case line(String)
    /// Ctrl-C: discard what was typed.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case endOfInput
  }

  /// What Tab completion needs from the shell: the replacement range start (a byte offset
  /// into the text before the cursor) and the candidates, each a full replacement.
  typealias Completer = (_ textBeforeCursor: String) -> Completion.Result

  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private var promptText: UnsafeMutablePointer<CChar>?
  private var cancelled = false
  let completer: Completer
  /// Text of earlier lines of the statement being typed; completion sees it too.
  var pendingText = ""

  let historyPath: String?
  private var historyWritable = true
  /// Why the history file is not used (a symbolic link, not a history file), set by `init`;
  /// the shell shows it once and goes on without a history file.
  private(set) var historyProblem: String?
  /// The last entry added, so a repeated statement is not appended again (libedit keeps
  /// adjacent duplicates out of its memory the same way, `H_SETUNIQUE`).
  private var lastEntry: String?
  /// Called once when the history file cannot be written.
  var warn: (String) -> Void = { _ in }

  /// - Parameter historyPath: nil keeps no history file.
  init?(program: String, historyPath: String?, completer: @escaping Completer) {
    guard let el = clibedit_init(program) else { return nil }
    guard let h = history_init() else {
      el_end(el)
      return nil
    }
    editLine = el
    history = h
    self.historyPath = historyPath
    self.completer = completer
    _ = clibedit_history_setsize(h, 2000)
    _ = clibedit_history_setunique(h, 1)
    _ = clibedit_set_history(el, h)
    _ = clibedit_set_editor(el, "emacs")
    _ = clibedit_set_signal(el, 1)
    _ = clibedit_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
    _ = clibedit_set_prompt(el, { el in
      guard let el, let editor = LineEditor.from(el) else { return nil }
      return editor.promptText
    })
    _ = clibedit_setty(el, "-d", "-isig")
    _ = clibedit_add_function(el, "hq-interrupt", "Cancel the line", { el, _ in
      guard let el, let editor = LineEditor.from(el) else { return UInt8(CC_ERROR) }
      editor.cancelled = true
      _ = el_cursor(el, 1 << 20)
      _ = el_insertstr(el, "^C")
      el_push(el, "\n")
      return UInt8(CC_REFRESH)
    })
    _ = clibedit_add_function(el, "hq-suspend", "Suspend hq", { _, _ in
      kill(0, SIGTSTP)
      return UInt8(CC_REDISPLAY)
    })
    _ = clibedit_add_function(el, "hq-complete", "Complete the word", { el, _ in
      guard let el, let editor = LineEditor.from(el) else { return UInt8(CC_ERROR) }
      return editor.complete()
    })
    _ = clibedit_bind(el, "^C", "hq-interrupt")
    _ = clibedit_bind(el, "^Z", "hq-suspend")
    _ = clibedit_bind(el, "^I", "hq-complete")
    _ = clibedit_bind(el, "^R", "em-inc-search-prev")
    if let historyPath {
      if let problem = HistoryFile.problem(with: historyPath) {
        historyProblem = problem + "; history is kept for this session only"
        historyWritable = false
      } else {
        loadHistory(historyPath)
      }
    }
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptText)
  }

  private static func from(_ el: OpaquePointer) -> LineEditor? {
    guard let data = clibedit_get_clientdata(el) else { return nil }
    return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
  }

  /// Shows `prompt` and reads one line. The corresponding libedit call is `el_gets`.
  func readLine(prompt: String) -> Input {
    free(promptText)
    promptText = strdup(prompt)
    cancelled = false
    var count: Int32 = 0
    // errno is only meaningful right after a failed call: a SIGWINCH (terminal resize) or an
    // earlier Ctrl-C leaves EINTR behind, and Ctrl-D (count 0) sets nothing, so without this
    // reset Ctrl-D after a resize was taken for an interrupted read and hq never left.
    errno = 0
    let result = el_gets(editLine, &count)
    let code = errno
    if cancelled { return .interrupted }
    guard let result, count > 0 else {
      // Ctrl-C as a signal (`kill -INT`, or a key in signal mode) ends el_gets with -1/EINTR;
      // libedit retries its read after a SIGWINCH, so EINTR with count 0 is Ctrl-D. Any other
      // failure (EIO when the terminal is gone) is the end of input too, never a loop.
      if Signals.wasInterrupted || (count < 0 && code == EINTR) { return .interrupted }
      return .endOfInput
    }
    var line = String(cString: result)
    if line.hasSuffix("\n") { line.removeLast() }
    return .line(line)
  }

  /// True when more input is already waiting on the terminal (the rest of a paste): `poll`
  /// with no timeout. libedit reads a byte at a time, so what it has not read is still there.
  func inputIsWaiting() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
  }

  /// Adds an entry (a whole statement, newlines included) to the history and appends it to
  /// the file at once, so a crash loses nothing. The corresponding libedit call is
  /// `history(H_ENTER)`.
  func addHistory(_ entry: String) {
    var trimmed = Substring(entry)
    // libedit drops one trailing blank when recalling; store none.
    while let last = trimmed.last, last == " " || last == "\t" { trimmed = trimmed.dropLast() }
    guard !trimmed.isEmpty else { return }
    let text = String(trimmed)
    _ = clibedit_history_enter(history, text)
    guard text != lastEntry else { return }
    lastEntry = text
    saveHistory(text)
  }

  /// The corresponding libedit call is `history(H_LOAD)`, after ``HistoryFile/problem(with:)``
  /// found the path to be a history file or nothing.
  private func loadHistory(_ path: String) {
    _ = clibedit_history_load(history, path)
  }

  /// Appends the entry (``HistoryFile``: `O_APPEND`, `flock`, never a rewrite; created 0600).
  /// A failure warns once and history stays in memory.
  private func saveHistory(_ entry: String) {
    guard historyWritable, let path = historyPath else { return }
    if let reason = HistoryFile(path: path).append(entry) {
      historyWritable = false
      warn("cannot write the history file \(path): \(reason); history is kept for this session only")
    }
  }

  /// Tab: complete the common prefix of the candidates; list them when that adds nothing.
  private func complete() -> UInt8 {
    let buffer = clibedit_buffer(editLine)
    let cursor = Int(clibedit_cursor_offset(editLine))
    guard let buffer else { return UInt8(CC_ERROR) }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: cursor)
    let before = String(decoding: bytes, as: UTF8.self)
    let prefix = pendingText.isEmpty ? "" : pendingText + "\n"
    let result = completer(prefix + before)
    let start = min(bytes.count, max(0, result.replaceFrom - prefix.utf8.count))
    let typed = String(decoding: bytes[start...], as: UTF8.self)
    guard !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
    if result.candidates.count == 1, let only = result.candidates.first {
      replace(typed, with: only + result.suffix)
      return UInt8(CC_REFRESH)
    }
    let common = Completion.commonPrefix(result.candidates)
    if common.count > typed.count || (common != typed && Completion.folds(typed, toPrefixOf: common)) {
      replace(typed, with: common)
      return UInt8(CC_REFRESH)
    }
    clibedit_print("\n" + Completion.columns(result.candidates, width: Terminal.width() ?? 80))
    return UInt8(CC_REDISPLAY)
  }

  /// Replaces the `typed` characters before the cursor. The libedit calls are `el_deletestr`
  /// and `el_insertstr`.
  private func replace(_ typed: String, with text: String) {
    if !typed.isEmpty { el_deletestr(editLine, Int32(typed.unicodeScalars.count)) }
    _ = el_insertstr(editLine, text)
  }
}
