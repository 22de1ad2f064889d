import HQData

/// A regular expression written in a query, compiled once when the query is checked.
///
/// The pattern syntax is Swift's `Regex` (Perl-like: `\d`, `[a-zåäö]`, `(…)`, `+`, `*`, `?`,
/// `{m,n}`, `^`, `$`, `(?i)` for case-insensitive). Immutable after compilation, so it is
/// safe to share between threads.
struct Pattern: @unchecked Sendable {
  let regex: Regex<AnyRegexOutput>
  let source: String

  /// Compiles `source`; the error message says what is wrong with it.
  static func compile(_ source: String) -> Result<Pattern, PatternError> {
    do {
      return .success(Pattern(regex: try Regex(source), source: source))
    } catch {
      return .failure(PatternError(message: "\(error)"))
    }
  }
}

struct PatternError: Error {
  var message: String
}

/// The text, conversion and math functions, on single non-null values.
enum TextFunctions {
  /// `substr(t, start, length)`: the characters from `start` (1-based) on, `length` of them
  /// (to the end when nil), as SQL counts: positions before 1 count towards the length.
  /// Nil for a negative length.
  static func substring(_ text: String, start: Int, length: Int?) -> String? {
    if let length, length < 0 { return nil }
    let first = max(start, 1)
    // The end position (exclusive), clamped so the arithmetic cannot overflow.
    let end = length.map { start > Int.max - $0 ? Int.max : start + $0 } ?? Int.max
    guard end > first else { return "" }
    var out = ""
    var position = 1
    for character in text {
      if position >= end { break }
      if position >= first { out.append(character) }
      position += 1
    }
    return out
  }

  /// `split_part(t, separator, n)`: the n-th part (1-based; negative counts from the end),
  /// or the empty text when there is no such part. An empty separator gives the whole text
  /// as the only part.
  static func splitPart(_ text: String, separator: String, index: Int) -> String {
    let parts: [Substring] = separator.isEmpty ? [Substring(text)] : text.split(separator: separator, omittingEmptySubsequences: false)
    if index > 0, index <= parts.count { return String(parts[index - 1]) }
    if index < 0, index >= -parts.count { return String(parts[parts.count + index]) }
    return ""
  }

  /// `replace(t, from, to)`: every occurrence of `from` replaced, exactly (case and accents
  /// as written); an empty `from` leaves the text as it is.
  static func replace(_ text: String, _ from: String, _ to: String) -> String {
    from.isEmpty ? text : text.replacing(from, with: to)
  }

  /// `trim(t)`: without white space (spaces, tabs, line breaks, no-break spaces) at either end.
  static func trim(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }

  /// `extract(t, pattern, group)`: the text of the group (0: the whole match) in the first
  /// match; nil when nothing matches or the group took no part in the match.
  static func extract(_ text: String, _ pattern: Pattern, group: Int) -> String? {
    guard let match = text.firstMatch(of: pattern.regex), group >= 0, group < match.output.count else { return nil }
    return match.output[group].substring.map(String.init)
  }

  /// `regex_replace(t, pattern, replacement)`: every match replaced; `\1` … `\9` in the
  /// replacement stand for the match's groups, `\0` for the whole match, `\\` for `\`.
  static func regexReplace(_ text: String, _ pattern: Pattern, _ replacement: String) -> String {
    guard replacement.contains("\\") else { return text.replacing(pattern.regex, with: replacement) }
    let template = Array(replacement)
    return text.replacing(pattern.regex) { match -> String in
      var out = ""
      var i = 0
      while i < template.count {
        let c = template[i]
        if c == "\\", i + 1 < template.count {
          let next = template[i + 1]
          if let digit = next.wholeNumberValue, next.isASCII {
            if digit < match.output.count, let part = match.output[digit].substring { out += part }
            i += 2
            continue
          }
          if next == "\\" {
            out.append("\\")
            i += 2
            continue
          }
        }
        out.append(c)
        i += 1
      }
      return out
    }
  }

  /// `number(t)`: the number written in `t`, in the machine form (`-1204.1`, `1e3`) or as a
  /// Swedish report writes it: a sign (`-`, `−`, `–`, `+`), digits grouped by threes with
  /// spaces or no-break spaces, a decimal comma, and a unit after it (`%`, `mnkr`,
  /// `kWh/m2`, one word): `1 204,1`, `−5,8`, `5,8 %`, `12 450,0 mnkr`. Nil for anything else.
  static func parseNumber(_ text: String) -> Number? {
    let trimmed = trim(text)
    if let plain = Number(trimmed) { return plain }
    var scalars = Array(trimmed.unicodeScalars)
    var negative = false
    if let first = scalars.first, ["-", "−", "–", "+"].contains(first) {
      negative = first != "+"
      scalars.removeFirst()
      if scalars.first == " " || scalars.first == "\u{00A0}" { scalars.removeFirst() }
    }
    func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    func isGroupSpace(_ s: Unicode.Scalar) -> Bool { s == " " || s == "\u{00A0}" || s == "\u{202F}" }
    var digits = ""
    var i = 0
    var groupLength = 0
    var grouped = false
    while i < scalars.count {
      let scalar = scalars[i]
      if isDigit(scalar) {
        digits.unicodeScalars.append(scalar)
        groupLength += 1
        i += 1
        continue
      }
      // A space continues the number when 1–3 digits (the first group) or 3 digits (a later
      // group) are before it and exactly three digits follow it.
      if isGroupSpace(scalar), groupLength >= 1, grouped ? groupLength == 3 : groupLength <= 3,
        scalars[(i + 1)...].prefix(while: isDigit).count == 3
      {
        i += 1
        groupLength = 0
        grouped = true
        continue
      }
      break
    }
    guard !digits.isEmpty else { return nil }
    if i + 1 < scalars.count, scalars[i] == "," || scalars[i] == ".", isDigit(scalars[i + 1]) {
      digits += "."
      i += 1
      while i < scalars.count, isDigit(scalars[i]) {
        digits.unicodeScalars.append(scalars[i])
        i += 1
      }
    }
    // What follows is nothing, or one unit word: optional spaces, then a word that starts
    // with a letter or `%` (`%`, `mnkr`, `kWh/m2`); a longer text is not a number.
    var j = i
    while j < scalars.count, isGroupSpace(scalars[j]) { j += 1 }
    if j < scalars.count {
      let next = scalars[j]
      guard next == "%" || next.properties.isAlphabetic else { return nil }
      if j == i, next != "%" { return nil }
      if scalars[j...].contains(where: { $0.properties.isWhitespace }) { return nil }
    }
    guard let value = Number(digits) else { return nil }
    return negative ? value.negated : value
  }

  /// `text(x)`: a number in its shortest exact form (`25.5`), `true`/`false`, text as it is.
  static func text(_ value: Value) -> String? {
    value.isNull ? nil : value.description
  }
}
