import HQData

/// Rows numbered by the distinct values of their key columns: the core of `summarize … by`,
/// `distinct`, `compare`, `pivot` and `join`.
///
/// Each key column is first reduced to dense per-value ids (text by dictionary code, numbers
/// by their mantissa at one scale, truth values directly); the ids of several columns are then
/// paired into composite ids, through a flat table when the combinations are few and a
/// ``HashIndex`` otherwise. Groups are numbered in order of first appearance. Nulls form a
/// group of their own, as in SQL's GROUP BY.
///
/// - Complexity: O(rows × key columns), no allocation per row.
struct Grouping {
  /// The group of each row.
  var groupOf: [UInt32]
  /// How many groups there are.
  var groupCount: Int
  /// The first row of each group.
  var firstRow: [Int32]

  /// Groups the rows of `keys` (columns of equal length). With no keys, every row is in group 0.
  static func make(keys: [Column], rowCount: Int, cancellation: CancellationCheck) throws(RuntimeFailure) -> Grouping {
    guard !keys.isEmpty else {
      return Grouping(groupOf: [UInt32](repeating: 0, count: rowCount), groupCount: rowCount > 0 ? 1 : 0, firstRow: rowCount > 0 ? [0] : [])
    }
    var combined = try KeyAtoms.make([keys[0]], cancellation: cancellation)
    for key in keys.dropFirst() {
      combined = try combined.paired(with: KeyAtoms.make([key], cancellation: cancellation), cancellation: cancellation)
    }
    return try combined.renumbered(cancellation: cancellation)
  }

  /// The rows of each group, groups in order, rows in input order within a group
  /// (a counting sort by group).
  func rowsByGroup(cancellation: CancellationCheck = .none) throws(RuntimeFailure) -> (offsets: [Int], rows: [Int32]) {
    var offsets = [Int](repeating: 0, count: groupCount + 1)
    try cancellation.forEachChunk(groupOf.count) { chunk in
      for r in chunk { offsets[Int(groupOf[r]) + 1] += 1 }
    }
    for i in 0..<groupCount { offsets[i + 1] += offsets[i] }
    var cursor = offsets
    var rows = [Int32](repeating: 0, count: groupOf.count)
    try cancellation.forEachChunk(groupOf.count) { chunk in
      for row in chunk {
        let g = Int(groupOf[row])
        rows[cursor[g]] = Int32(row)
        cursor[g] += 1
      }
    }
    return (offsets, rows)
  }
}

/// Dense ids for the values of one key (or a combination of keys), for rows that may span
/// several columns laid end to end (a join's left and right side).
struct KeyAtoms {
  var ids: [UInt32]
  /// Ids are `0..<cardinality`.
  var cardinality: Int
  /// True for rows where any key column is null.
  var hasNull: [Bool]?

  /// The ids of the values of `columns` read one after another. The columns must share a type.
  static func make(_ columns: [Column], cancellation: CancellationCheck = .none) throws(RuntimeFailure) -> KeyAtoms {
    let total = columns.reduce(0) { $0 + $1.count }
    var ids = [UInt32]()
    ids.reserveCapacity(total)
    var hasNull: [Bool]? = nil
    if columns.contains(where: { $0.nulls != nil }) {
      var flags = [Bool]()
      flags.reserveCapacity(total)
      for c in columns {
        try cancellation.forEachChunk(c.count) { chunk in
          for r in chunk { flags.append(c.isNull(r)) }
        }
      }
      hasNull = flags
    }
    guard let first = columns.first else { return KeyAtoms(ids: [], cardinality: 0, hasNull: nil) }
    var cardinality = 0
    switch first.storage {
    case .text:
      // One shared numbering of the strings of every dictionary involved.
      var index: [String: UInt32] = [:]
      for column in columns {
        guard case .text(let codes, let dictionary) = column.storage else { continue }
        var map = [UInt32](repeating: 0, count: dictionary.count)
        try cancellation.forEachChunk(dictionary.count) { chunk in
          for code in chunk {
            let s = dictionary[code]
            if let id = index[s] {
              map[code] = id
            } else {
              let id = UInt32(index.count)
              index[s] = id
              map[code] = id
            }
          }
        }
        try cancellation.forEachChunk(column.count) { chunk in
          if let mask = column.nulls {
            for r in chunk { ids.append(mask[r] ? 0 : map[Int(codes[r])]) }
          } else {
            for r in chunk { ids.append(map[Int(codes[r])]) }
          }
        }
      }
      cardinality = index.count
    case .bool:
      for column in columns {
        guard case .bool(let values) = column.storage else { continue }
        try cancellation.forEachChunk(values.count) { chunk in
          for r in chunk { ids.append(values[r] ? 1 : 0) }
        }
      }
      cardinality = 2
    case .number:
      var hash = HashIndex(expectedCount: 1024)
      let scale = columns.map(\.maxScale).max() ?? 0
      for column in columns {
        guard case .number(let mantissas, let scales, let uniform) = column.storage else { continue }
        try cancellation.forEachChunk(column.count) { chunk in
          if let uniform, uniform == scale {
            for r in chunk { ids.append(hash.id(for: UInt64(bitPattern: mantissas[r]))) }
          } else {
            for r in chunk {
              let key = Self.rescaledKey(mantissas[r], from: uniform ?? scales[r], to: scale)
              ids.append(hash.id(for: key))
            }
          }
        }
      }
      cardinality = hash.count
    }
    if let hasNull {
      // Nulls become one more id of their own.
      let nullID = UInt32(cardinality)
      try cancellation.forEachChunk(ids.count) { chunk in
        for r in chunk where hasNull[r] { ids[r] = nullID }
      }
      cardinality += 1
    }
    return KeyAtoms(ids: ids, cardinality: cardinality, hasNull: hasNull)
  }

  /// A 64-bit key equal for equal numbers at a common scale. Values too large to rescale
  /// (beyond 18 digits) get a key from their normalized form with the top bit set, so they
  /// still group exactly with each other.
  static func rescaledKey(_ mantissa: Int64, from scale: Int8, to target: Int8) -> UInt64 {
    var m = mantissa
    var s = scale
    while s < target {
      let (product, overflow) = m.multipliedReportingOverflow(by: 10)
      if overflow {
        let n = Number(mantissa: mantissa, scale: scale).normalized
        var h = Hasher()
        h.combine(n.mantissa)
        h.combine(n.scale)
        return UInt64(bitPattern: Int64(h.finalize())) | (1 << 63)
      }
      m = product
      s += 1
    }
    return UInt64(bitPattern: m)
  }

  /// Composite ids for the pair (self, other), row by row.
  func paired(with other: KeyAtoms, cancellation: CancellationCheck = .none) throws(RuntimeFailure) -> KeyAtoms {
    var ids = [UInt32](repeating: 0, count: self.ids.count)
    let width = other.cardinality
    var cardinality = 0
    if Self.product(self.cardinality, width) <= 1 << 22 {
      var table = [UInt32](repeating: .max, count: self.cardinality * width)
      try cancellation.forEachChunk(ids.count) { chunk in
        for r in chunk {
          let slot = Int(self.ids[r]) * width + Int(other.ids[r])
          var id = table[slot]
          if id == .max {
            id = UInt32(cardinality)
            table[slot] = id
            cardinality += 1
          }
          ids[r] = id
        }
      }
    } else {
      var hash = HashIndex(expectedCount: 1024)
      try cancellation.forEachChunk(ids.count) { chunk in
        for r in chunk {
          ids[r] = hash.id(for: UInt64(self.ids[r]) << 32 | UInt64(other.ids[r]))
        }
      }
      cardinality = hash.count
    }
    var hasNull: [Bool]? = nil
    switch (self.hasNull, other.hasNull) {
    case (nil, nil): break
    case (let a?, nil): hasNull = a
    case (nil, let b?): hasNull = b
    case (let a?, let b?): hasNull = zip(a, b).map { $0 || $1 }
    }
    return KeyAtoms(ids: ids, cardinality: cardinality, hasNull: hasNull)
  }

  private static func product(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
  }

  /// Groups numbered in order of first appearance.
  func renumbered(cancellation: CancellationCheck = .none) throws(RuntimeFailure) -> Grouping {
    var map = [UInt32](repeating: .max, count: cardinality)
    var groupOf = [UInt32](repeating: 0, count: ids.count)
    var firstRow: [Int32] = []
    try cancellation.forEachChunk(ids.count) { chunk in
      for r in chunk {
        var g = map[Int(ids[r])]
        if g == .max {
          g = UInt32(firstRow.count)
          map[Int(ids[r])] = g
          firstRow.append(Int32(r))
        }
        groupOf[r] = g
      }
    }
    return Grouping(groupOf: groupOf, groupCount: firstRow.count, firstRow: firstRow)
  }
}

extension Column {
  /// The largest scale of any non-null number in the column (0 for other types).
  var maxScale: Int8 {
    guard case .number(_, let scales, let uniform) = storage else { return 0 }
    if let uniform { return uniform }
    var best: Int8 = 0
    for r in 0..<count where !isNull(r) && scales[r] > best { best = scales[r] }
    return best
  }
}
