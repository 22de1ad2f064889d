import HQData
import HQSyntax

extension Checker {
  /// `[left|right|full|semi|anti] join SOURCE on key, …`.
  ///
  /// The result has the input's columns, then (except for semi and anti joins) the joined
  /// source's columns other than its keys; a name already taken gets the source's name in
  /// front (`goals_report`). For right and full joins the key columns hold the key of
  /// whichever side a row has.
  func join(kind: JoinKind, source joinSource: PipelineSource, on keys: [JoinKey], input: [Field], stage: Stage) throws(CheckFailure) -> (PlanStage, [Field]?) {
    let right = try lookup(joinSource)
    let rightFields = right.schema.fields
    var leftKeys: [Int] = []
    var rightKeys: [Int] = []
    for key in keys {
      let l = try columnIndex(key.left, in: input)
      guard let r = rightFields.firstIndex(where: { $0.name == key.right.name }) else {
        var failure = Binder.unknownColumn(key.right.name, at: key.right.range, in: rightFields)
        failure.diagnostic.message = "the joined source '\(right.name)' has no column '\(key.right.name)'"
        if failure.diagnostic.help?.hasPrefix("did you mean") != true {
          failure.diagnostic.help = "its columns are: \(rightFields.map(\.name).joined(separator: ", ")); "
            + "to join on a column with another name, write: join \(right.name) on \(key.left.name) == COLUMN"
        }
        throw failure
      }
      if input[l].type != rightFields[r].type {
        let both = key.isSameName ? "'\(key.left.name)' is" : "'\(key.left.name)' is"
        throw CheckFailure(
          .error,
          "\(both) \(Binder.article(input[l].type)) here but '\(key.right.name)' is \(Binder.article(rightFields[r].type)) in '\(right.name)'",
          at: SourceRange(key.left.range.start, key.right.range.end))
      }
      leftKeys.append(l)
      rightKeys.append(r)
    }
    var rightColumns: [(index: Int, name: String)] = []
    if kind != .semi && kind != .anti {
      var names = Set(input.map(\.name))
      for (i, f) in rightFields.enumerated() where !rightKeys.contains(i) {
        var name = f.name
        if names.contains(name) { name = "\(right.name)_\(f.name)" }
        while names.contains(name) { name += "_" }
        names.insert(name)
        rightColumns.append((i, name))
      }
    }
    let spec = JoinSpec(right: right, range: stage.keywordRange, leftKeys: leftKeys, rightKeys: rightKeys, kind: kind, rightColumns: rightColumns)
    // A joined column keeps its role; one renamed because the input has its name gets the
    // role of its new name.
    let joined = rightColumns.map { c in
      let f = rightFields[c.index]
      return Field(c.name, f.type, role: c.name == f.name ? f.role : ColumnRole.conventional(for: c.name))
    }
    return (.join(spec), input + joined)
  }

  /// `union SOURCE`: the input's columns, then the source's columns the input lacks; a column
  /// in both must have one type.
  func union(source unionSource: PipelineSource, input: [Field], stage: Stage) throws(CheckFailure) -> (PlanStage, [Field]?) {
    let other = try lookup(unionSource)
    var fields = input
    var sources: [(left: Int?, right: Int?)] = input.indices.map { ($0, nil) }
    for (i, f) in other.schema.fields.enumerated() {
      if let l = input.firstIndex(where: { $0.name == f.name }) {
        if input[l].type != f.type {
          throw CheckFailure(
            .error, "'\(f.name)' is \(Binder.article(input[l].type)) here but \(Binder.article(f.type)) in '\(other.name)'", at: unionSource.range,
            help: "convert one of them first, e.g. derive \(f.name) = \(input[l].type == .text ? "text" : "number")(\(f.name))")
        }
        sources[l].right = i
      } else {
        fields.append(f)
        sources.append((nil, i))
      }
    }
    return (.union(UnionSpec(other: other, columns: sources)), fields)
  }

  /// `unpivot col, … into NAME, VALUE`: the columns must exist and share a type; NAME and
  /// VALUE must be new names.
  func unpivot(columns: [Identifier], name: Identifier, value: Identifier, input: [Field], stage: Stage) throws(CheckFailure) -> (PlanStage, [Field]?) {
    var indexes: [Int] = []
    for column in columns {
      let i = try columnIndex(column, in: input)
      if indexes.contains(i) { throw CheckFailure(.error, "'\(column.name)' is listed twice", at: column.range) }
      if let first = indexes.first, input[first].type != input[i].type {
        throw CheckFailure(
          .error, "unpivot puts the columns in one column, but '\(column.name)' is \(Binder.article(input[i].type)) and '\(input[first].name)' \(Binder.article(input[first].type))",
          at: column.range, help: "convert it first, e.g. derive \(column.name) = text(\(column.name))")
      }
      indexes.append(i)
    }
    let kept = input.indices.filter { !indexes.contains($0) }
    for new in [name, value] where kept.contains(where: { input[$0].name == new.name }) {
      throw CheckFailure(.error, "there is already a column '\(new.name)'", at: new.range, help: "choose another name, or drop it first with select")
    }
    if name.name == value.name {
      throw CheckFailure(.error, "the two new columns need different names", at: value.range)
    }
    let namesAreNumbers = indexes.allSatisfy { Number(input[$0].name) != nil }
    let spec = UnpivotSpec(columns: indexes, kept: kept, namesAreNumbers: namesAreNumbers, name: name.name, value: value.name)
    let fields = kept.map { input[$0] } + [
      Field(name.name, namesAreNumbers ? .number : .text, role: Self.role(of: name.name, in: input)),
      Field(value.name, input[indexes[0]].type, role: Self.role(of: value.name, in: input)),
    ]
    return (.unpivot(spec), fields)
  }
}
