import HQData

extension Column {
  /// The same numbers with one shared scale (the largest in the column), or nil when the
  /// column already has one or some value would not fit at that scale.
  ///
  /// Report values mix scales (`306`, `9.4`, `5.85`); at one scale, sums add mantissas,
  /// comparisons compare `Int64`s and sort keys need no rescaling, row after row.
  func uniformlyScaled() -> Column? {
    guard case .number(let mantissas, let scales, nil) = storage else { return nil }
    let target = maxScale
    var out = mantissas
    for r in 0..<count where !isNull(r) && scales[r] != target {
      guard let m = Number(mantissa: mantissas[r], scale: scales[r]).mantissa(atScale: target) else { return nil }
      out[r] = m
    }
    return Column(name: name, type: type, storage: .number(mantissas: out, scales: [], uniformScale: target), nulls: nulls, count: count)
  }
}

extension Table {
  /// The table with every number column at one scale where that fits; nil when nothing changes.
  func uniformlyScaled() -> Table? {
    var changed = false
    let columns = self.columns.map { column in
      if let scaled = column.uniformlyScaled() {
        changed = true
        return scaled
      }
      return column
    }
    return changed ? Table(name: name, columns: columns) : nil
  }
}
