import HQData
import HQSyntax

/// Projection pushdown (issue 16): a statement over a table read column by column
/// (``HQData/DeferredTable``) parses only the columns its stages read; for a run whose
/// statements are known before its files are read (a `-c` one-shot, a script), the columns
/// they read, so the first read parses only those.
extension Engine {
  /// The table read column by column that `source` names (not shadowed by a view), if any,
  /// while some of its columns are unread.
  func deferredSource(_ source: PipelineSource) -> DeferredTable? {
    guard case .named(let name) = source.kind, views[name.name] == nil, let deferred = catalog.deferred(name.name),
      !deferred.isComplete
    else { return nil }
    return deferred
  }

  /// The first batch of `pipeline` and the table it runs on: only the columns of `deferred`
  /// its stages read, parsed now if they were not before, the stages renumbered to them.
  /// Nil when the stages read every column (or in a way ``Executor/projection(_:width:gathersFirst:)``
  /// does not follow), or do not check against the sniffed types of unread columns: the
  /// caller then reads the whole table, and checks against it.
  ///
  /// The types of unread columns are guesses from the file's first records; the columns read
  /// have their real types. When a column read turns out to have another type than its guess
  /// (a column of numbers with text further down), the stages are checked again with it.
  ///
  /// A statement the load's first read was narrowed for (predicate pushdown) takes its rows
  /// from that read (``narrowedRead(_:_:_:fields:cancellation:warnings:)``).
  func projected(
    _ pipeline: Pipeline, _ deferred: DeferredTable, checker: Checker, cancellation: CancellationCheck = .none,
    warnings: WarningLog = WarningLog()
  ) throws -> (table: Table, batch: Batch)? {
    for _ in 0..<4 {
      let fields = deferred.fields
      guard let batch = try? plan(pipeline, from: 0, input: fields, checker: checker),
        let narrowed = Executor.projection(batch.stages, width: fields.count, gathersFirst: false, evenWhole: pushesPredicates)
      else { return nil }
      switch try narrowedRead(batch, narrowed, deferred, fields: fields, cancellation: cancellation, warnings: warnings) {
      case .read(let table, let first)?: return (table, first)
      case .retype?: continue
      case nil: break
      }
      // Every column read: the caller reads the whole table.
      if narrowed.kept.count == fields.count { return nil }
      let columns = try deferred.columns(narrowed.kept)
      let exact = deferred.fields
      if narrowed.kept.allSatisfy({ exact[$0].type == fields[$0].type }) {
        var narrowedBatch = batch
        narrowedBatch.stages = narrowed.stages
        return (Table(name: deferred.name, columns: columns), narrowedBatch)
      }
    }
    return nil
  }

  /// The columns of the table `name` that the statements of `texts` read, ascending; nil
  /// when a statement reads them all, or reads the table in a way not followed here (a join
  /// or union with it, a `let` of its name, a statement that does not check against its
  /// sniffed types), or a text does not parse. Statements that do not mention the table read
  /// none of its columns.
  ///
  /// The answer is a plan, not a promise: a statement that needs more columns when it runs
  /// (its columns turned out to have other types) reads them then.
  public func columnsRead(of name: String, by texts: [String]) -> [Int]? {
    plannedRead(of: name, by: texts)?.columns
  }

  /// ``columnsRead(of:by:)``, and when one statement alone reads the table and starts with a
  /// `where`, the columns it reads for the rows its filter keeps only, to be read so in the
  /// same read (predicate pushdown, ``narrowing(_:kept:_:fields:)``); those are then not in
  /// `columns`.
  public func plannedRead(of name: String, by texts: [String]) -> (columns: [Int], narrowing: DeferredTable.Narrowing?)? {
    guard let fields = catalog.fields(of: name) else { return nil }
    let deferred = catalog.deferred(name)
    var statements = 0
    var narrowing: DeferredTable.Narrowing?
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
          let narrowed = Executor.projection(
            batch.stages, width: fields.count, gathersFirst: false, evenWhole: engine.pushesPredicates)
        else { return nil }
        statements += 1
        // A `let` names a view that later statements extend: their stages, not its own, decide
        // what is read, so its filter narrows nothing.
        if case .binding = statement.kind {
          narrowing = nil
        } else {
          narrowing = deferred.flatMap { engine.narrowing(batch.stages, kept: narrowed.kept, $0, fields: fields) }
        }
        read.formUnion(narrowed.kept)
      }
    }
    // Narrowed columns serve one statement; with more, each column is read whole once.
    guard statements == 1, let narrowing else {
      return read.count == fields.count ? nil : (read.sorted(), nil)
    }
    return (read.subtracting(narrowing.columns).sorted(), narrowing)
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
