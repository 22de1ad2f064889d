/// The units a number is written with (`5,8 %`, `12 450 tkr`), one list for the report reader
/// and for the CSV loader, which notes a column's unit when every number in it carries the
/// same one.
public enum UnitVocabulary {
  /// The unit a word written after a number names, normalised: `%` and `procent` → `%`;
  /// `mnkr`, `Mnkr`, `MNKR` → `mnkr`; `tkr`, `Tkr` → `tkr`; `kr`; `mdkr`, `mdr` → `mdkr`;
  /// `st`, `st.` → `st`. Nil for any other word.
  ///
  /// Compares bytes with no allocation, so a loader may call it per cell. The strings
  /// returned are literals.
  public static func unit(ofWord word: UnsafeBufferPointer<UInt8>) -> String? {
    if word.count == 1 { return word[0] == UInt8(ascii: "%") ? "%" : nil }
    return NumberWord.unitWord(word)
  }
}

extension UnitVocabulary {
  /// Every unit ``unit(ofWord:)`` returns, in a fixed order: ``code(ofWord:)`` numbers them
  /// from 1, so a hot loop can keep a unit in a byte.
  public static let names: [String] = ["%", "kr", "tkr", "mnkr", "mdkr", "st"]

  /// The 1-based place in ``names`` of the unit `word` names, 0 when it names none.
  public static func code(ofWord word: UnsafeBufferPointer<UInt8>) -> UInt8 {
    switch unit(ofWord: word) {
    case "%"?: 1
    case "kr"?: 2
    case "tkr"?: 3
    case "mnkr"?: 4
    case "mdkr"?: 5
    case "st"?: 6
    default: 0
    }
  }

  /// The unit numbered `code` by ``code(ofWord:)``, nil for 0.
  public static func name(ofCode code: UInt8) -> String? {
    code == 0 || Int(code) > names.count ? nil : names[Int(code) - 1]
  }
}
