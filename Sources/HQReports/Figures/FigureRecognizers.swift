extension Recognizers {
  /// The slide-figure and goal recognizers (``FigureRecognizers``). Owned by the figures work.
  static var figures: [any Recognizer] { [FigureRecognizers()] }
}

/// The slide-figure and goal recognizers, most specific first, over one reading of the lines'
/// first bytes (``LineStarts``): most of them reject a line by its first byte alone, and
/// reading it from each line's `String` six times over cost more than the tests themselves.
struct FigureRecognizers: Recognizer {
  var name: String { "figures" }

  /// The recognizers in the order the pass runs them, most specific first (each also runs
  /// alone, reading the ``LineStarts`` itself).
  static var members: [any LineStartRecognizer] {
    [
      IndicatorComparisonRecognizer(), AccessibilityRecognizer(), StaffFiguresRecognizer(), LabelledRunRecognizer(),
      BulletAmountRecognizer(), FocusAreaRecognizer(),
    ]
  }

  func recognize(in text: ReportText, context: inout RecognitionContext) {
    let starts = LineStarts(text)
    for member in Self.members {
      member.recognize(in: text, starts: starts, context: &context)
    }
  }
}

/// A recognizer that tests each line's first byte before reading the line; run alone (tests)
/// it reads the ``LineStarts`` itself.
protocol LineStartRecognizer: Recognizer {
  func recognize(in text: ReportText, starts: LineStarts, context: inout RecognitionContext)
}

extension LineStartRecognizer {
  func recognize(in text: ReportText, context: inout RecognitionContext) {
    recognize(in: text, starts: LineStarts(text), context: &context)
  }
}

/// The first two bytes of each line's cleaned text (0 where the text is shorter), read once
/// per text.
struct LineStarts {
  var bytes: [UInt8]
  var secondBytes: [UInt8]

  init(_ text: ReportText) {
    bytes = []
    secondBytes = []
    bytes.reserveCapacity(text.cleaned.count)
    secondBytes.reserveCapacity(text.cleaned.count)
    for line in text.cleaned {
      let utf8 = line.utf8
      var index = utf8.startIndex
      var first: UInt8 = 0
      var second: UInt8 = 0
      if index < utf8.endIndex {
        first = utf8[index]
        index = utf8.index(after: index)
        if index < utf8.endIndex { second = utf8[index] }
      }
      bytes.append(first)
      secondBytes.append(second)
    }
  }

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
