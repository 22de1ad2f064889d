import HQData
import HQSyntax

/// Projection pushdown for a run whose statements are known before its files are read (a
/// `-c` one-shot, a script): the columns of a table read column by column
/// (``HQData/DeferredTable``) that the statements read, so its first read parses only those.
extension Engine {
  /// The columns of the table `name` that the statements of `texts` read, ascending; nil
  /// when a statement reads them all, or reads the table in a way not followed here (a join
  /// or union with it, a `let` of its name, a statement that does not check against its
  /// sniffed types), or a text does not parse. Statements that do not mention the table read
  /// none of its columns.
  ///
  /// The answer is a plan, not a promise: a statement that needs more columns when it runs
  /// (its columns turned out to have other types) reads them then.
  public func columnsRead(of name: String, by texts: [String]) -> [Int]? {
    guard let fields = catalog.fields(of: name) else { return nil }
    var read = Set<Int>()
    // Functions the statements define are known to the statements after them.
    var engine = self
    for text in texts {
      let source = SourceFile(name: "<plan>", text: text)
      let parsed = Parser.parse(source)
      guard !parsed.hasErrors else { return nil }
      for statement in parsed.statements {
        if case .function(let function, let parameters, let body) = statement.kind {
          try? engine.define(function, parameters, body, statement: statement, in: source)
          continue
        }
        var mentions = Self.occurrences(of: name, in: source, statement.range)
        guard mentions > 0 else { continue }
        if case .binding(let bound, _) = statement.kind, bound.name == name { return nil }
        guard let pipeline = statement.pipeline, case .named(let from) = pipeline.source.kind, from.name == name,
          engine.views[name] == nil
        else { return nil }
        mentions -= 1
        guard mentions == 0, !pipeline.stages.isEmpty,
          let batch = try? engine.plan(pipeline, from: 0, input: fields, checker: engine.checker(for: source)),
          let narrowed = Executor.projection(batch.stages, width: fields.count, gathersFirst: false)
        else { return nil }
        read.formUnion(narrowed.kept)
      }
    }
    return read.sorted()
  }

  /// How often `word` appears in `range` of `source` as a whole word (not inside a longer
  /// name); a mention in a string or comment counts too, which only makes the answer of
  /// ``columnsRead(of:by:)`` more cautious.
  static func occurrences(of word: String, in source: SourceFile, _ range: SourceRange) -> Int {
    let text = Array(source.text.utf8)
    let needle = Array(word.utf8)
    guard !needle.isEmpty else { return 0 }
    func isNamePart(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "_") || byte >= 0x80 || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }
    let end = min(range.end, text.count)
    var count = 0
    var i = max(0, range.start)
    while i + needle.count <= end {
      if text[i..<(i + needle.count)].elementsEqual(needle), i == 0 || !isNamePart(text[i - 1]),
        i + needle.count == text.count || !isNamePart(text[i + needle.count])
      {
        count += 1
        i += needle.count
      } else {
        i += 1
      }
    }
    return count
  }
}
