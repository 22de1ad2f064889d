import HQData

/// One key of a sort: a column and a direction. Nulls sort last in either direction.
struct SortSpec {
  var column: Column
  var descending: Bool
}

/// A stable multi-key sort of row indices, as an LSD radix sort.
///
/// Each key is reduced once to a 64-bit unsigned integer whose order is the key's order:
/// Swedish primary ranks for text (so `abc` and `Abc` tie and keep their input order), the
/// mantissa at the column's largest scale for numbers (sign bit flipped), 0/1 for truth values;
/// descending keys are complemented. Radix passes are stable, so sorting by the last key
/// first, then by each earlier key, yields the multi-key order with input order as the final
/// tiebreak, and a pass per key's null flag puts nulls last. Passes whose digit is the same for
/// every row are skipped, so small ranges cost one counting pass.
///
/// - Complexity: O(rows × passes), at most 8 passes of 8 bits or 4 of 16 bits per key.
enum Sorting {
  static func order(_ keys: [SortSpec], rowCount: Int, cancellation: CancellationCheck) throws(RuntimeFailure) -> [Int32] {
    var perm = (0..<Int32(rowCount)).map { $0 }
    var scratch = perm
    for key in keys.reversed() {
      try cancellation.check()
      let values = try sortValues(key, cancellation: cancellation)
      try radixSort(&perm, &scratch, by: values, cancellation: cancellation)
      if let mask = key.column.nulls {
        // Stable partition: non-null rows, then null rows.
        var out = 0
        try cancellation.forEachChunk(perm.count) { chunk in
          for i in chunk where !mask[Int(perm[i])] { scratch[out] = perm[i]; out += 1 }
        }
        try cancellation.forEachChunk(perm.count) { chunk in
          for i in chunk where mask[Int(perm[i])] { scratch[out] = perm[i]; out += 1 }
        }
        swap(&perm, &scratch)
      }
    }
    return perm
  }

  /// The first `limit` rows of ``order(_:rowCount:cancellation:)`` without sorting the rest:
  /// a bounded max-heap over the precomputed key values, O(rows × log limit).
  static func firstRows(_ keys: [SortSpec], limit: Int, rowCount: Int, cancellation: CancellationCheck) throws(RuntimeFailure) -> [Int32] {
    if limit <= 0 { return [] }
    // `limit * 8 >= rowCount`, written so that a limit near Int.max (`top 2^60`) cannot overflow.
    if limit >= rowCount / 8 + (rowCount % 8 == 0 ? 0 : 1) || keys.isEmpty {
      return Array(try order(keys, rowCount: rowCount, cancellation: cancellation).prefix(limit))
    }
    var values: [[UInt64]] = []
    for key in keys { values.append(try sortValues(key, cancellation: cancellation)) }
    let masks = keys.map(\.column.nulls)
    // a before b in the final order (nulls last, then value, then row).
    func precedes(_ a: Int32, _ b: Int32) -> Bool {
      for k in values.indices {
        if let mask = masks[k] {
          let an = mask[Int(a)]
          let bn = mask[Int(b)]
          if an != bn { return bn }
          if an { continue }
        }
        let x = values[k][Int(a)]
        let y = values[k][Int(b)]
        if x != y { return x < y }
      }
      return a < b
    }
    // heap[0] is the row that comes last among those kept.
    var heap: [Int32] = []
    heap.reserveCapacity(limit)
    for r in 0..<Int32(rowCount) {
      try cancellation.check(every: Int(r))
      if heap.count < limit {
        heap.append(r)
        var i = heap.count - 1
        while i > 0 {
          let parent = (i - 1) / 2
          if precedes(heap[parent], heap[i]) { heap.swapAt(parent, i); i = parent } else { break }
        }
      } else if precedes(r, heap[0]) {
        heap[0] = r
        var i = 0
        while true {
          let l = 2 * i + 1
          let rr = l + 1
          var largest = i
          if l < heap.count && precedes(heap[largest], heap[l]) { largest = l }
          if rr < heap.count && precedes(heap[largest], heap[rr]) { largest = rr }
          if largest == i { break }
          heap.swapAt(i, largest)
          i = largest
        }
      }
    }
    return heap.sorted(by: precedes)
  }

  /// The key's order-preserving 64-bit values, indexed by row.
  static func sortValues(_ key: SortSpec, cancellation: CancellationCheck = .none) throws(RuntimeFailure) -> [UInt64] {
    let column = key.column
    var values = [UInt64](repeating: 0, count: column.count)
    switch column.storage {
    case .text(let codes, let dictionary):
      let ranks = try cancellation.ranks(of: dictionary).primary
      try cancellation.forEachChunk(codes.count) { chunk in
        for r in chunk { values[r] = UInt64(ranks[Int(codes[r])]) }
      }
    case .bool(let b):
      try cancellation.forEachChunk(b.count) { chunk in
        for r in chunk { values[r] = b[r] ? 1 : 0 }
      }
    case .number(let mantissas, let scales, let uniform):
      if uniform != nil {
        try cancellation.forEachChunk(mantissas.count) { chunk in
          for r in chunk { values[r] = UInt64(bitPattern: mantissas[r]) ^ (1 << 63) }
        }
      } else {
        try cancellation.check()
        values = numberRanks(column, mantissas: mantissas, scales: scales)
      }
    }
    if key.descending {
      try cancellation.forEachChunk(values.count) { chunk in
        for i in chunk { values[i] = ~values[i] }
      }
    }
    return values
  }

  /// Mantissas at the largest scale, or, when some value does not fit there, dense ranks
  /// from an exact comparison sort.
  private static func numberRanks(_ column: Column, mantissas: [Int64], scales: [Int8]) -> [UInt64] {
    let target = column.maxScale
    var values = [UInt64](repeating: 0, count: mantissas.count)
    var fits = true
    for r in mantissas.indices where !column.isNull(r) {
      var m = mantissas[r]
      var s = scales[r]
      while s < target {
        let (p, o) = m.multipliedReportingOverflow(by: 10)
        if o { fits = false; break }
        m = p
        s += 1
      }
      if !fits { break }
      values[r] = UInt64(bitPattern: m) ^ (1 << 63)
    }
    if fits { return values }
    let order = mantissas.indices.filter { !column.isNull($0) }.sorted {
      column.number(at: $0) < column.number(at: $1)
    }
    var rank: UInt64 = 0
    for (i, r) in order.enumerated() {
      if i > 0 && column.number(at: order[i - 1]) != column.number(at: r) { rank += 1 }
      values[r] = rank
    }
    return values
  }

  /// Stable LSD radix sort of `perm` by `values[perm[i]]`.
  static func radixSort(
    _ perm: inout [Int32], _ scratch: inout [Int32], by values: [UInt64], cancellation: CancellationCheck
  ) throws(RuntimeFailure) {
    let n = perm.count
    guard n > 1 else { return }
    var orAll: UInt64 = 0
    var andAll: UInt64 = ~0
    try cancellation.forEachChunk(values.count) { chunk in
      for i in chunk { orAll |= values[i]; andAll &= values[i] }
    }
    let varying = orAll ^ andAll
    let bits = n >= 1 << 16 ? 16 : 8
    let buckets = 1 << bits
    let digitMask = UInt64(buckets - 1)
    var counts = [Int](repeating: 0, count: buckets)
    var shift = 0
    while shift < 64 {
      defer { shift += bits }
      if (varying >> UInt64(shift)) & digitMask == 0 { continue }
      for i in counts.indices { counts[i] = 0 }
      try cancellation.forEachChunk(n) { chunk throws(RuntimeFailure) in
        perm.withUnsafeBufferPointer { p in
          values.withUnsafeBufferPointer { v in
            counts.withUnsafeMutableBufferPointer { c in
              for i in chunk { c[Int((v[Int(p[i])] >> UInt64(shift)) & digitMask)] += 1 }
            }
          }
        }
      }
      var total = 0
      for i in counts.indices {
        let c = counts[i]
        counts[i] = total
        total += c
      }
      try cancellation.forEachChunk(n) { chunk throws(RuntimeFailure) in
        perm.withUnsafeBufferPointer { p in
          values.withUnsafeBufferPointer { v in
            scratch.withUnsafeMutableBufferPointer { out in
              counts.withUnsafeMutableBufferPointer { c in
                for i in chunk {
                  let r = p[i]
                  let d = Int((v[Int(r)] >> UInt64(shift)) & digitMask)
                  out[c[d]] = r
                  c[d] += 1
                }
              }
            }
          }
        }
      }
      swap(&perm, &scratch)
    }
  }
}
