import HQData

extension Session: CompletionProvider {
  var sourceNames: [String] { engine.sourceNames }

  var parameterNames: [String] { engine.parameters.keys.sorted() }

  var functionNames: [String] { engine.functions.keys.sorted() }

  /// The engine's answer, or, while it cannot resolve the prefix, the columns of the source
  /// the pipeline starts from.
  func columns(afterPipelinePrefix prefix: String) -> [String] {
    if let fields = engine.columns(afterPipelinePrefix: prefix) { return fields.map(\.name) }
    guard let source = Self.sourceName(in: prefix), let fields = engine.catalog.fields(of: source) else { return [] }
    return fields.map(\.name)
  }

  func values(of column: String, afterPipelinePrefix prefix: String) -> [String] {
    guard let source = Self.sourceName(in: prefix), let fields = engine.catalog.fields(of: source),
      let index = fields.firstIndex(where: { $0.name == column })
    else { return [] }
    // Of a table read column by column, only this column is read.
    let found = engine.catalog.deferred(source).flatMap { try? $0.columns([index]).first } ?? engine.catalog[source]?.columns[index]
    guard let found, case .text(_, let dictionary) = found.storage else { return [] }
    return Array(Set(dictionary))
  }

  /// The word after the last `from` in a pipeline (`from facts | where …` → `facts`).
  static func sourceName(in pipeline: String) -> String? {
    let words = pipeline.split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "|" }
    guard let from = words.lastIndex(where: { $0.lowercased() == "from" }), from + 1 < words.count else { return nil }
    return String(words[from + 1]).trimmingCharacters(in: "`")
  }
}

extension String {
  func trimmingCharacters(in set: Character) -> String {
    String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}
