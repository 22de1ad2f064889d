import HQData

/// What a table's own arithmetic says about its columns: a deviation column (`Avvikelse`) holds
/// the difference of two columns of the same year (budget and forecast, outcome and budget).
/// Used to choose between ways of reading a header that words alone do not settle, and never
/// to change a number.
enum GridArithmetic {
  /// True when every deviation column (not a percentage) is, in at least four of five rows
  /// that have the numbers, the difference of two columns of the same year standing before it,
  /// within the rounding of the printed numbers.
  static func deviationsHold(_ headers: [String], _ rows: [[SwedishNumber?]], context: GridContext) -> Bool {
    let meaning = ColumnMeaning.Context(reportYear: context.reportYear, reportPeriod: context.reportPeriod)
    let columns = headers.map { GridColumns.column($0, meaning, context) }
    let deviations = columns.indices.filter {
      columns[$0].meaning.kind == .avvikelse && columns[$0].meaning.unit != "%"
        && !columns[$0].header.lowercased().contains("procent")
    }
    guard !deviations.isEmpty else { return false }
    for d in deviations {
      // The columns a deviation compares stand before it, are of the same year and of two
      // kinds, one of them the kind its header names (`Prognosavvikelse`, `Avvikelse mot budget`).
      let candidates = columns.indices.filter { c in
        c < d && columns[c].undetermined == nil && comparedKinds.contains(columns[c].meaning.kind)
          && columns[c].meaning.year == columns[d].meaning.year
      }
      let named = namedKinds(columns[d].header)
      var holds = false
      for a in candidates {
        for b in candidates where b != a && columns[a].meaning.kind != columns[b].meaning.kind {
          guard named.isEmpty || named.contains(columns[a].meaning.kind) || named.contains(columns[b].meaning.kind) else {
            continue
          }
          var agree = 0
          var compared = 0
          for row in rows {
            guard d < row.count, a < row.count, b < row.count, let v = row[d]?.value, let x = row[a]?.value,
              let y = row[b]?.value, let difference = x.subtracting(y)
            else { continue }
            compared += 1
            if let gap = v.subtracting(difference), abs(gap.doubleValue) <= 0.11 + abs(v.doubleValue) * 0.001 { agree += 1 }
          }
          if compared >= 2, agree * 5 >= compared * 4 { holds = true }
        }
      }
      if !holds { return false }
    }
    return true
  }

  /// The kinds a deviation compares.
  static let comparedKinds: Set<FactKind> = [.utfall, .budget, .prognos]

  /// The kinds a deviation's header names besides the deviation (`Prognosavvikelse` → prognos,
  /// `Avvikelse mot budget` → budget, `Avvikelse` → none).
  static func namedKinds(_ header: String) -> Set<FactKind> {
    var kinds: Set<FactKind> = []
    for word in header.lowercased().split(separator: " ") {
      var text = String(word)
      if let range = text.firstRange(of: "avvik") { text = String(text[..<range.lowerBound]) }
      if !text.isEmpty, let kind = ColumnMeaning.kind(of: text), comparedKinds.contains(kind) { kinds.insert(kind) }
    }
    return kinds
  }
}
