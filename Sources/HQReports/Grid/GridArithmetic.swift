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

  /// True when the numbers contradict no arithmetic the headers imply: every deviation column
  /// (not a percentage) is the difference of two columns (``deviationsHold(_:_:context:)``),
  /// and every `Netto…` column beside `Intäkter` and `Kostnader` columns of the same kind and
  /// year is their sum (``partsHold(_:_:context:)``). Headers that imply neither hold.
  static func holds(_ headers: [String], _ rows: [[SwedishNumber?]], context: GridContext) -> Bool {
    let meaning = ColumnMeaning.Context(reportYear: context.reportYear, reportPeriod: context.reportPeriod)
    let columns = headers.map { GridColumns.column($0, meaning, context) }
    let hasDeviation = columns.contains {
      $0.meaning.kind == .avvikelse && $0.meaning.unit != "%" && !$0.header.lowercased().contains("procent")
    }
    if hasDeviation, !deviationsHold(headers, rows, context: context) { return false }
    return partsHold(columns, rows)
  }

  /// True when every column naming a net (`Nettokostnader`, `Netto`) is, in at least four of five
  /// rows that have the numbers, the sum of the columns naming income (`Intäkter`) and costs
  /// (`Kostnader`) of its kind and year, or their difference where costs are printed positive.
  static func partsHold(_ columns: [GridColumn], _ rows: [[SwedishNumber?]]) -> Bool {
    let words = columns.map { Vocabulary.letters($0.header) }
    let sameKind = { (a: Int, b: Int) in
      columns[a].meaning.kind == columns[b].meaning.kind && columns[a].meaning.year == columns[b].meaning.year
    }
    let isPart = { (c: Int, stem: String, net: Int) in
      words[c].contains(stem) && !words[c].contains(Vocabulary.netStem) && sameKind(c, net)
    }
    for net in columns.indices where words[net].contains(Vocabulary.netStem) {
      guard let income = columns.indices.first(where: { isPart($0, Vocabulary.incomeStem, net) }),
        let costs = columns.indices.first(where: { isPart($0, Vocabulary.costStem, net) })
      else { continue }
      var compared = 0
      var agree = 0
      for row in rows {
        guard net < row.count, income < row.count, costs < row.count, let n = row[net]?.value, let i = row[income]?.value,
          let k = row[costs]?.value
        else { continue }
        compared += 1
        if let sum = i.adding(k), GridReading.closeEnough(n, sum, rows: 2) {
          agree += 1
        } else if let difference = i.subtracting(k), GridReading.closeEnough(n, difference, rows: 2) {
          agree += 1
        }
      }
      if compared < 2 || agree * 5 < compared * 4 { return false }
    }
    return true
  }

  /// The kinds a deviation compares.
  static let comparedKinds: Set<FactKind> = [.utfall, .budget, .prognos]

  /// The kinds a deviation's header names besides the deviation (`Prognosavvikelse` → prognos,
  /// `Avvikelse mot budget` → budget, `Avvikelse` → none).
  static func namedKinds(_ header: String) -> Set<FactKind> {
    var kinds: Set<FactKind> = []
    for word in header.lowercased().split(ascii: " ") {
      var text = String(word)
      if let range = text.firstRange(of: "avvik") { text = String(text[..<range.lowerBound]) }
      if !text.isEmpty, let kind = ColumnMeaning.kind(of: text), comparedKinds.contains(kind) { kinds.insert(kind) }
    }
    return kinds
  }
}
