/// The statements and meta commands that ran successfully, for `.save`.
///
/// Kept as one text, each unit followed by a line break, and bounded: a stream of a million
/// statements (`hq < big.hq`) kept a `String` per statement (about 94 bytes each, 132 MB for a
/// million) that nothing would read unless `.save` came. Past ``maxBytes`` nothing more is
/// kept and `.save` says why it cannot save.
struct Transcript {
  /// Far more than a person types in a session (some 80,000 statements of 50 characters).
  static let maxBytes = 4 << 20

  private(set) var text = ""
  /// True once a unit did not fit: the text is no longer the whole session.
  private(set) var isIncomplete = false
  /// How many units were recorded (for tests and messages).
  private(set) var count = 0

  mutating func append(_ unit: String) {
    guard !isIncomplete else { return }
    guard text.utf8.count + unit.utf8.count + 1 <= Self.maxBytes else {
      isIncomplete = true
      text = ""
      return
    }
    text += unit
    text += "\n"
    count += 1
  }

  /// Where the transcript stands, to go back to with ``restore(_:)``.
  var mark: (bytes: Int, count: Int, incomplete: Bool) { (text.utf8.count, count, isIncomplete) }

  /// Drops what was recorded after `mark` (`.run FILE` is replayed as itself).
  mutating func restore(_ mark: (bytes: Int, count: Int, incomplete: Bool)) {
    // Once incomplete it stays so: what came before the mark may be gone.
    guard !isIncomplete else { return }
    text = String(decoding: text.utf8.prefix(mark.bytes), as: UTF8.self)
    count = mark.count
  }
}
