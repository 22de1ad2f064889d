import HQData

/// Row selection by index: the one way every stage (where, sort, take, join, distinct)
/// builds its output from its input, column by column, without touching `Value`s.
///
/// Text columns keep their dictionary; only the codes are copied.
extension Column {
  /// The rows at `rows`, in that order; an index of -1 yields a null (for left joins).
  func gathered(_ rows: [Int32]) -> Column {
    var nullMask: NullMask? = nil
    if nulls != nil || rows.contains(-1) {
      var mask = NullMask()
      for r in rows { mask.append(r < 0 || isNull(Int(r))) }
      nullMask = mask.hasNulls ? mask : nil
    }
    let storage: Storage
    switch self.storage {
    case .number(let mantissas, let scales, let uniform):
      let m = rows.map { $0 < 0 ? 0 : mantissas[Int($0)] }
      let s = uniform == nil ? rows.map { $0 < 0 ? 0 : scales[Int($0)] } : []
      storage = .number(mantissas: m, scales: s, uniformScale: uniform)
    case .text(let codes, let dictionary):
      storage = .text(codes: rows.map { $0 < 0 ? 0 : codes[Int($0)] }, dictionary: dictionary.isEmpty ? [""] : dictionary)
    case .bool(let values):
      storage = .bool(rows.map { $0 < 0 ? false : values[Int($0)] })
    }
    return Column(name: name, type: type, storage: storage, nulls: nullMask, count: rows.count, role: role)
  }

  /// ``gathered(_:)`` for long selections, polling `cancellation` between chunks of rows.
  func gathered(_ rows: [Int32], cancellation: CancellationCheck) throws(RuntimeFailure) -> Column {
    guard cancellation.token != nil, rows.count > CancellationCheck.chunk else { return gathered(rows) }
    var pieces: [Column] = []
    try cancellation.forEachChunk(rows.count) { chunk in
      pieces.append(gathered(Array(rows[chunk])))
    }
    var column = Column.concatenating(pieces, like: self, count: rows.count)
    column.role = role
    return column
  }

  /// Pieces gathered from one column, laid end to end (they share its dictionary and type).
  private static func concatenating(_ pieces: [Column], like source: Column, count: Int) -> Column {
    var nullMask: NullMask? = nil
    if pieces.contains(where: { $0.nulls != nil }) {
      var mask = NullMask()
      for piece in pieces { for r in 0..<piece.count { mask.append(piece.isNull(r)) } }
      nullMask = mask
    }
    let storage: Storage
    switch source.storage {
    case .number(_, _, let uniform):
      var m: [Int64] = []
      var s: [Int8] = []
      m.reserveCapacity(count)
      for piece in pieces {
        guard case .number(let pm, let ps, _) = piece.storage else { continue }
        m.append(contentsOf: pm)
        s.append(contentsOf: ps)
      }
      storage = .number(mantissas: m, scales: s, uniformScale: uniform)
    case .text(_, let dictionary):
      var codes: [UInt32] = []
      codes.reserveCapacity(count)
      for piece in pieces {
        guard case .text(let pc, _) = piece.storage else { continue }
        codes.append(contentsOf: pc)
      }
      storage = .text(codes: codes, dictionary: dictionary.isEmpty ? [""] : dictionary)
    case .bool:
      var values: [Bool] = []
      values.reserveCapacity(count)
      for piece in pieces {
        guard case .bool(let pv) = piece.storage else { continue }
        values.append(contentsOf: pv)
      }
      storage = .bool(values)
    }
    return Column(name: source.name, type: source.type, storage: storage, nulls: nullMask, count: count)
  }

  /// The first `n` rows.
  func prefix(_ n: Int) -> Column {
    if n >= count { return self }
    return gathered((0..<Int32(n)).map { $0 })
  }

  /// The same column under another name.
  func renamed(_ newName: String) -> Column {
    var copy = self
    copy.name = newName
    return copy
  }

  /// The number at `row` (not null).
  @inline(__always)
  func number(at row: Int) -> Number {
    switch storage {
    case .number(let mantissas, let scales, let uniform):
      return Number(mantissa: mantissas[row], scale: uniform ?? scales[row])
    default:
      return .zero
    }
  }

  /// A column of `count` nulls of `type`.
  static func nulls(name: String, type: ValueType, count: Int) -> Column {
    let storage: Storage
    switch type {
    case .number: storage = .number(mantissas: [Int64](repeating: 0, count: count), scales: [], uniformScale: 0)
    case .text: storage = .text(codes: [UInt32](repeating: 0, count: count), dictionary: [""])
    case .bool: storage = .bool([Bool](repeating: false, count: count))
    }
    return Column(
      name: name, type: type, storage: storage,
      nulls: count > 0 ? NullMask(repeating: true, count: count) : nil, count: count)
  }

  /// A column holding `value` in every one of `count` rows.
  static func constant(_ value: Value, name: String, type: ValueType, count: Int) -> Column {
    switch value {
    case .null: return nulls(name: name, type: type, count: count)
    case .number(let n):
      return Column(
        name: name, type: .number,
        storage: .number(mantissas: [Int64](repeating: n.mantissa, count: count), scales: [], uniformScale: n.scale),
        nulls: nil, count: count)
    case .text(let s):
      return Column(
        name: name, type: .text, storage: .text(codes: [UInt32](repeating: 0, count: count), dictionary: [s]),
        nulls: nil, count: count)
    case .bool(let b):
      return Column(name: name, type: .bool, storage: .bool([Bool](repeating: b, count: count)), nulls: nil, count: count)
    }
  }
}

extension Table {
  /// The rows at `rows`, in that order.
  func gathered(_ rows: [Int32]) -> Table {
    Table(name: name, columns: columns.map { $0.gathered(rows) })
  }

  /// ``gathered(_:)``, polling `cancellation` between chunks of rows.
  func gathered(_ rows: [Int32], cancellation: CancellationCheck) throws(RuntimeFailure) -> Table {
    var out: [Column] = []
    for column in columns { out.append(try column.gathered(rows, cancellation: cancellation)) }
    return Table(name: name, columns: out)
  }
}
