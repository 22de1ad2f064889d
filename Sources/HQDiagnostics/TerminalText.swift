/// Text from data (a CSV header, a cell, a file name) made safe to show on a terminal.
///
/// A control character in data must never reach the terminal as itself: ESC starts an escape
/// sequence that can recolour, clear or retitle the terminal, move the cursor over what was
/// printed, or (in some terminals) answer back into the input. The rule, the only one in hq:
/// every C0 control (U+0000–U+001F), DEL (U+007F) and C1 control (U+0080–U+009F, where U+009B
/// is a one-character CSI) becomes a space. Tables and lines use it for cells and headers;
/// diagnostics and everything hq writes to standard error use it too, keeping the line breaks
/// and tabs that separate and align their own lines.
public enum TerminalText {
  /// `text` with every control character replaced by a space; `keeping` names the ones that
  /// stay (`"\n\t"` for multi-line messages). Scalar by scalar, so a CR before a kept LF is
  /// replaced and the LF kept.
  public static func visible(_ text: String, keeping kept: Set<Unicode.Scalar> = []) -> String {
    guard needsCleaning(text, keeping: kept) else { return text }
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      scalars.append(isControl(scalar) && !kept.contains(scalar) ? " " : scalar)
    }
    return String(scalars)
  }

  /// Fast check on the bytes: C0 and DEL are single bytes, C1 controls are `C2 80`–`C2 9F`.
  static func needsCleaning(_ text: String, keeping kept: Set<Unicode.Scalar>) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x7F {
        if !kept.contains(Unicode.Scalar(byte)) { return true }
      } else if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F {
        return true
      }
      previous = byte
    }
    return false
  }

  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
  }
}
