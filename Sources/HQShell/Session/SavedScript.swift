import HQSyntax

/// The smallest script that gives a session's last result again (`.save FILE`): the last
/// statement that is no definition, the `let`s it reads (and those they read, in turn), the
/// last `.set` of each parameter they use, the `.load`s whose sources they read, the last
/// `.format` and `.numbers` and every `.run` before it — in the session's order. Names are read from the
/// statements' tokens, so a column spelled like a `let` keeps that `let` too: never less than
/// needed.
enum SavedScript {
  /// - Parameters:
  ///   - transcript: the session's successful units (``Transcript``).
  ///   - loads: for each `.load` line (``key(_:)``), the sources it gave.
  /// - Returns: nil when the session has no result yet.
  static func smallest(_ transcript: String, loads: [String: Set<String>]) -> String? {
    let units = ScriptScanner.units(of: transcript)
    guard let last = units.lastIndex(where: { $0.kind == .statement && definedName($0.text) == nil }) else { return nil }
    var names = Set<String>()
    var parameters = Set<String>()
    collect(units[last].text, names: &names, parameters: &parameters)
    var keep = [last]
    var defined = Set<String>()
    var set = Set<String>()
    var formatKept = false
    var numbersKept = false
    for i in stride(from: last - 1, through: 0, by: -1) {
      let unit = units[i]
      switch unit.kind {
      case .statement:
        guard let name = definedName(unit.text), names.contains(name), !defined.contains(name) else { continue }
        defined.insert(name)
        keep.append(i)
        collect(unit.text, names: &names, parameters: &parameters)
      case .metaCommand:
        guard let command = try? MetaCommand.parse(unit.text) else { continue }
        switch command {
        case .set(let name, _):
          guard parameters.contains(name), !set.contains(name) else { continue }
          set.insert(name)
          keep.append(i)
        case .format:
          guard !formatKept else { continue }
          formatKept = true
          keep.append(i)
        case .numbers(.some):
          guard !numbersKept else { continue }
          numbersKept = true
          keep.append(i)
        case .load:
          guard let provided = loads[key(unit.text)], !provided.isDisjoint(with: names) else { continue }
          keep.append(i)
        case .run: keep.append(i)
        default: continue
        }
      }
    }
    return keep.sorted().map { units[$0].text + "\n" }.joined()
  }

  /// The name a `let` defines (`let climate = …`, `let pct(a, b) = …`); nil for any other
  /// statement.
  static func definedName(_ text: String) -> String? {
    let tokens = Lexer.tokenize(text).tokens
    guard tokens.count >= 2, tokens[0].isWord("let"), tokens[1].kind == .identifier || tokens[1].kind == .quotedIdentifier
    else { return nil }
    return tokens[1].value
  }

  /// The names and parameters a statement's tokens spell.
  static func collect(_ text: String, names: inout Set<String>, parameters: inout Set<String>) {
    for token in Lexer.tokenize(text).tokens {
      switch token.kind {
      case .identifier, .quotedIdentifier: names.insert(token.value)
      case .parameter: parameters.insert(token.value)
      default: continue
      }
    }
  }

  /// A `.load` line as a key: without blanks around it.
  static func key(_ line: String) -> String {
    Substring(line).trimmingSpaces()
  }
}
