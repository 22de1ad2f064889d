/// How many terminal columns text takes: hq's one definition of a column, so tables line up
/// and carets stand under the right character with Swedish, accented, CJK and emoji text alike.
///
/// Counts grapheme clusters, not bytes or scalars: `Läkemedel` is 9 columns whether `ä` is
/// one precomposed scalar or `a` + a combining diaeresis (a combining mark adds nothing). East
/// Asian wide characters and emoji take two columns. A control character takes one, since hq
/// shows each as one space (``TerminalText``); a tab takes one too, as editors count it, and
/// a caret line copies the tab so it lines up however wide the terminal shows it.
///
/// Every `LINE:COL` hq prints counts columns so (``column(after:)``): queries and scripts
/// (``SourceFile/location(at:)``), loaded CSV and JSON files, report texts, standard input.
public enum DisplayWidth {
  /// The display width of `text`.
  public static func of(_ text: some StringProtocol) -> Int {
    // Fast path: printable ASCII is one column per byte.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
    var width = 0
    for character in text { width += of(character) }
    return width
  }

  /// The display width of one grapheme cluster.
  public static func of(_ character: Character) -> Int {
    if character.isASCII { return 1 }
    guard let first = character.unicodeScalars.first else { return 0 }
    if first.properties.isEmojiPresentation { return 2 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    return isWide(first.value) ? 2 : 1
  }

  /// The 1-based display column at which text starts after `prefix`, the text of its line
  /// before it: `column(after: "")` is 1, `column(after: "日本")` is 5.
  public static func column(after prefix: some StringProtocol) -> Int {
    1 + of(prefix)
  }

  /// East Asian Wide and Fullwidth blocks (Unicode TR 11), coarse but covering real text.
  private static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      true
    default:
      false
    }
  }

  /// `text` cut to at most `width` columns, ending in `…` when something was cut.
  public static func truncate(_ text: String, to width: Int) -> String {
    if of(text) <= width { return text }
    guard width > 0 else { return "" }
    var result = ""
    var used = 0
    for character in text {
      let w = of(character)
      if used + w > width - 1 { break }
      result.append(character)
      used += w
    }
    return result + "…"
  }

  /// `text` padded with spaces to `width` columns, on the right (`left: true`) or the left.
  public static func pad(_ text: String, to width: Int, alignLeft: Bool) -> String {
    let missing = width - of(text)
    guard missing > 0 else { return text }
    let spaces = String(repeating: " ", count: missing)
    return alignLeft ? text + spaces : spaces + text
  }
}
