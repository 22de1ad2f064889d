/// The first two bytes of each line's cleaned text (0 where the text is shorter), and the
/// byte-level tests that need the whole line, all read in one pass per text: each recognizer
/// then picks its candidate lines without touching the others.
struct LineStarts {
  var bytes: [UInt8]
  var secondBytes: [UInt8]
  /// Per line, the ``Scan`` bits.
  private var scans: [UInt8]

  /// The whole-line tests, one bit each.
  private enum Scan {
    /// ``FocusAreaRecognizer/mayStateStatus(_:)``.
    static let status: UInt8 = 1
    /// ``FigureText/wordsAfterRegion(_:)`` finds a word after `Region`.
    static let region: UInt8 = 2
    /// ``ComparisonHeader/mayStart(_:)``.
    static let comparison: UInt8 = 4
    /// The line starts with a digit or sign and holds `%`.
    static let percent: UInt8 = 8
    /// The line starts with a digit or sign and ``FigureText/mayBeNumbersOnly(_:)``.
    static let numbers: UInt8 = 16
    /// ``AccessibilityStatement/mayStart(_:)``.
    static let statement: UInt8 = 32
  }

  init(_ text: borrowing ReportText) {
    let count = text.cleaned.count
    bytes = [UInt8](repeating: 0, count: count)
    secondBytes = [UInt8](repeating: 0, count: count)
    scans = [UInt8](repeating: 0, count: count)
    for (index, line) in text.cleaned.enumerated() where !line.isEmpty {
      let read = line.utf8.withContiguousStorageIfAvailable(Self.read) ?? Array(line.utf8).withUnsafeBufferPointer(Self.read)
      bytes[index] = read.first
      secondBytes[index] = read.second
      scans[index] = read.scans
    }
  }

  /// The first two bytes of a non-empty line and its ``Scan`` bits.
  private static func read(_ line: UnsafeBufferPointer<UInt8>) -> (first: UInt8, second: UInt8, scans: UInt8) {
    var scans: UInt8 = 0
    if FocusAreaRecognizer.mayStateStatus(bytes: line) { scans |= Scan.status }
    // `Region` and a word after it take at least eight bytes, two years and a space nine.
    if line.count >= 8 && !FigureText.wordsAfterRegion(line).isEmpty { scans |= Scan.region }
    if line.count >= 9 && ComparisonHeader.hasYearPair(line) { scans |= Scan.comparison }
    let first = line.first ?? 0
    if FigureText.mayStartWithDigit(byte: first, orSign: true) {
      if ByteSearch.firstIndex(of: UInt8(ascii: "%"), in: line) != nil { scans |= Scan.percent }
      if FigureText.mayBeNumbersOnly(bytes: line) { scans |= Scan.numbers }
      if AccessibilityStatement.mayStart(bytes: line) { scans |= Scan.statement }
    }
    return (first, line.count > 1 ? line[1] : 0, scans)
  }

  /// ``FocusAreaRecognizer/mayStateStatus(_:)`` of the line's cleaned text.
  func mayStateStatus(_ index: Int) -> Bool { scans[index] & Scan.status != 0 }

  /// True when the line's cleaned text has a word after a word `Region`.
  func namesRegion(_ index: Int) -> Bool { scans[index] & Scan.region != 0 }

  /// ``ComparisonHeader/mayStart(_:)`` of the line's cleaned text.
  func mayStartComparison(_ index: Int) -> Bool { scans[index] & Scan.comparison != 0 }

  /// True when the line's cleaned text starts with a digit or sign and holds `%`.
  func hasPercent(_ index: Int) -> Bool { scans[index] & Scan.percent != 0 }

  /// True when the line's cleaned text starts with a digit or sign and
  /// ``FigureText/mayBeNumbersOnly(_:)``.
  func mayBeNumbersOnly(_ index: Int) -> Bool { scans[index] & Scan.numbers != 0 }

  /// ``AccessibilityStatement/mayStart(_:)`` of the line's cleaned text.
  func mayStartStatement(_ index: Int) -> Bool { scans[index] & Scan.statement != 0 }

  /// False when the line cannot start with a bullet mark followed by a space
  /// (``FigureText/bullet(_:)``): a one-byte mark (`-`, `o`) is followed by a space, `u` also
  /// by U+0308 (canonically `ü`), and the other marks are `Ø`/`ü` (C3 98, C3 BC) or start
  /// E2 80, E2 96 or E2 97.
  func mayStartWithBullet(_ index: Int) -> Bool {
    let second = secondBytes[index]
    switch bytes[index] {
    case 0x2D, 0x6F: return second == 0x20
    case 0x75: return second == 0x20 || second == 0xCC
    case 0xC3: return second == 0x98 || second == 0xBC
    case 0xE2: return second == 0x80 || second == 0x96 || second == 0x97
    default: return false
    }
  }
}
