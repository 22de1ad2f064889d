import Synchronization

/// How far the loads under way have come, for the shell's progress line: bytes of mapped
/// files the CSV reader is done with, and bytes received through pipes. Reader threads add to
/// it; the progress line reads it. Report texts and PDFs are not counted (their line shows
/// the time only).
public final class LoadProgress: Sendable {
  private let parsedBytes = Atomic<Int>(0)
  private let receivedBytes = Atomic<Int>(0)

  public init() {}

  /// Bytes of mapped files read through (the CSV reader releases them every 16 MB).
  public var parsed: Int { parsedBytes.load(ordering: .relaxed) }
  /// Bytes that came through pipes so far.
  public var received: Int { receivedBytes.load(ordering: .relaxed) }

  func addParsed(_ bytes: Int) {
    if bytes > 0 { parsedBytes.add(bytes, ordering: .relaxed) }
  }

  func addReceived(_ bytes: Int) {
    if bytes > 0 { receivedBytes.add(bytes, ordering: .relaxed) }
  }
}
