import HQData
import HQSyntax

extension Executor {
  /// `union SOURCE`: the input's rows, then the source's, each output column filled from the
  /// column of the same name on each side (nulls where a side lacks it).
  func union(_ spec: UnionSpec, _ input: Table) throws(RuntimeFailure) -> Table {
    let other = spec.other
    var out: [Column] = []
    for (left, right) in spec.columns {
      try cancellation.check()
      let template = left.map { input.columns[$0] } ?? right.map { other.columns[$0] }
      guard let template else { continue }
      let top = left.map { input.columns[$0] } ?? .nulls(name: template.name, type: template.type, count: input.rowCount)
      let bottom = right.map { other.columns[$0] } ?? .nulls(name: template.name, type: template.type, count: other.rowCount)
      out.append(Column.concatenated(top, bottom).renamed(template.name))
    }
    return Table(name: input.name, columns: out)
  }

  /// `unpivot col, … into NAME, VALUE`: for each row, one row per listed column whose cell is
  /// not null, in the order listed; the other columns repeated.
  func unpivot(_ spec: UnpivotSpec, _ input: Table) throws(RuntimeFailure) -> Table {
    var rows: [Int32] = []
    var which: [UInt32] = []
    let sources = spec.columns.map { input.columns[$0] }
    try cancellation.forEachChunk(input.rowCount) { chunk in
      for r in chunk {
        for (k, column) in sources.enumerated() where !column.isNull(r) {
          rows.append(Int32(r))
          which.append(UInt32(k))
        }
      }
    }
    var out: [Column] = []
    for k in spec.kept { out.append(try input.columns[k].gathered(rows, cancellation: cancellation)) }
    let names = sources.map(\.name)
    if spec.namesAreNumbers {
      let numbers = names.map { Number($0) ?? .zero }
      var builder = NumberColumnBuilder(capacity: which.count)
      for k in which { builder.append(numbers[Int(k)]) }
      out.append(builder.build(name: spec.name))
    } else {
      out.append(Column(name: spec.name, type: .text, storage: .text(codes: which, dictionary: names), nulls: nil, count: which.count))
    }
    out.append(try Column.picking(from: sources, which: which, rows: rows, cancellation: cancellation).renamed(spec.value))
    return Table(name: input.name, columns: out)
  }
}

extension Column {
  /// `self`'s rows, then `other`'s (of the same type); text dictionaries are merged.
  static func concatenated(_ top: Column, _ bottom: Column) -> Column {
    let count = top.count + bottom.count
    var nulls: NullMask? = nil
    if top.nulls != nil || bottom.nulls != nil {
      var mask = NullMask()
      for r in 0..<top.count { mask.append(top.isNull(r)) }
      for r in 0..<bottom.count { mask.append(bottom.isNull(r)) }
      nulls = mask
    }
    let storage: Storage
    switch (top.storage, bottom.storage) {
    case (.number(let m1, _, let u1?), .number(let m2, _, let u2?)) where u1 == u2:
      storage = .number(mantissas: m1 + m2, scales: [], uniformScale: u1)
    case (.number, .number):
      // Different scales: brought to the larger when that fits, else a scale per row.
      var builder = NumberColumnBuilder(capacity: count)
      for r in 0..<top.count { if top.isNull(r) { builder.appendNull() } else { builder.append(top.number(at: r)) } }
      for r in 0..<bottom.count { if bottom.isNull(r) { builder.appendNull() } else { builder.append(bottom.number(at: r)) } }
      return builder.build(name: top.name)
    case (.text(let c1, let d1), .text(let c2, let d2)):
      var dictionary = d1
      var index: [String: UInt32] = [:]
      for (i, s) in d1.enumerated() where index[s] == nil { index[s] = UInt32(i) }
      var remap = [UInt32](repeating: 0, count: d2.count)
      for (i, s) in d2.enumerated() {
        if let code = index[s] {
          remap[i] = code
        } else {
          let code = UInt32(dictionary.count)
          dictionary.append(s)
          index[s] = code
          remap[i] = code
        }
      }
      var codes = c1
      codes.reserveCapacity(count)
      for c in c2 { codes.append(remap.isEmpty ? 0 : remap[Int(c)]) }
      storage = .text(codes: codes, dictionary: dictionary.isEmpty ? [""] : dictionary)
    case (.bool(let b1), .bool(let b2)):
      storage = .bool(b1 + b2)
    default:
      // The checker makes both sides one type; anything else is nulls rather than a crash.
      return .nulls(name: top.name, type: top.type, count: count)
    }
    return Column(name: top.name, type: top.type, storage: storage, nulls: nulls, count: count)
  }

  /// Row i is `sources[which[i]]` at `rows[i]` (all sources of one type, no null picked).
  static func picking(from sources: [Column], which: [UInt32], rows: [Int32], cancellation: CancellationCheck) throws(RuntimeFailure) -> Column {
    guard let first = sources.first else { return .nulls(name: "", type: .number, count: 0) }
    switch first.storage {
    case .number:
      var builder = NumberColumnBuilder(capacity: rows.count)
      try cancellation.forEachChunk(rows.count) { chunk in
        for i in chunk { builder.append(sources[Int(which[i])].number(at: Int(rows[i]))) }
      }
      return builder.build()
    case .text:
      // One dictionary for all sources, each source's codes remapped once.
      var merged = sources[0]
      var offsets: [Int] = [0]
      for source in sources.dropFirst() {
        let before = merged.count
        merged = concatenated(merged, source)
        offsets.append(before)
      }
      guard case .text(let codes, let dictionary) = merged.storage else { return merged }
      var out = [UInt32](repeating: 0, count: rows.count)
      try cancellation.forEachChunk(rows.count) { chunk in
        for i in chunk { out[i] = codes[offsets[Int(which[i])] + Int(rows[i])] }
      }
      return Column(name: "", type: .text, storage: .text(codes: out, dictionary: dictionary), nulls: nil, count: rows.count)
    case .bool:
      var out = [Bool](repeating: false, count: rows.count)
      for i in rows.indices {
        if case .bool(let values) = sources[Int(which[i])].storage { out[i] = values[Int(rows[i])] }
      }
      return Column(name: "", type: .bool, storage: .bool(out), nulls: nil, count: rows.count)
    }
  }

  /// This column with its nulls filled from `other` (same type and length).
  func coalesced(with other: Column, cancellation: CancellationCheck) throws(RuntimeFailure) -> Column {
    guard nulls != nil else { return self }
    var picks = [Int32](repeating: 0, count: count)
    var which = [UInt32](repeating: 0, count: count)
    var keep = [Bool](repeating: true, count: count)
    for r in 0..<count {
      picks[r] = Int32(r)
      if isNull(r) {
        which[r] = 1
        if other.isNull(r) { keep[r] = false }
      }
    }
    var picked = try Column.picking(from: [self, other], which: which, rows: picks, cancellation: cancellation)
    if keep.contains(false) {
      var mask = NullMask()
      for k in keep { mask.append(!k) }
      picked.nulls = mask
    }
    return picked.renamed(name)
  }
}
