import Foundation
import HQData
import HQReports
import Testing

@testable import HQShell

/// Projection pushdown seen from the shell (issue 16): a run whose statements are planned
/// before the load (`-c`, a script), a session whose statements each read their columns (the
/// prompt), and a session that reads every column at the load must print the same results
/// and the same errors, for a generated file with nulls, quoted cells, mixed decimal scales,
/// Swedish text and a column that turns to text after the records the types are sniffed from.
@Suite struct ColumnsOnDemandTests {
  static func csv(rows: Int) -> String {
    let names = ["Åre", "\"Malung-Sälen\"", "\"Borås, stad\"", "Örebro", "\"sa \"\"hej\"\"\"", "Kiruna"]
    var text = "kpi,kommun,ar,kon,varde,enhet,kod,sen\n"
    for row in 0..<rows {
      let value = row % 17 == 0 ? "" : row % 3 == 0 ? "\(row % 500)" : row % 3 == 1 ? "\(row % 300).5" : "-\(row % 90).25"
      let code = row < 1_500 ? "\(row % 40)" : (row % 7 == 0 ? "x\(row % 5)" : "\(row % 40)")
      let late = row > rows - 5 ? "\(row)" : ""
      text += "N\(row % 11),\(names[row % names.count]),\(2015 + row % 10),\(["T", "K", "M"][row % 3]),\(value),kr,\(code),\(late)\n"
    }
    return text
  }

  static let statements = [
    "from k | where ar >= 2020 and kon == \"T\" and varde > 50 | count",
    "from k | summarize n = count(), s = sum(varde) by kommun, ar | sort s desc, kommun, ar | take 5",
    "from k | where ar == 2023 and varde is not null | sort varde desc, kpi, kommun | take 4 | select kpi, kommun, varde",
    "from k | where kommun ~ \"bor\" | count",
    "from k | distinct kommun, kpi | count",
    "from k | where ar >= 2022 | pivot kon value sum(varde) by kommun, ar | sort kommun, ar | take 4",
    "from k | join g on kommun | summarize n = count(), s = sum(varde) by grupp | sort grupp",
    "from k | derive prev = lag(varde) by kpi, kommun, kon sort ar | summarize n = count(), p = count(prev), t = sum(prev)",
    "from k | summarize n = count() by kod | sort n desc, kod | take 3",
    "from k | where sen is not null | select kpi, sen",
    "from k | take 2",
    "from k | where vaule > 1 | count",
    "from k | where kod > 3 | count",
  ]

  private func directory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("hq-pushdown-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Loads `paths` and runs the statements one by one (then `.schema k`): output and errors
  /// of each. `planned`: each statement in a session of its own that knows it before the
  /// load, as `hq --load … -c STATEMENT` does.
  private func outputs(_ paths: [String], onDemand: Bool, planned: Bool) -> [String] {
    let texts = Self.statements + [".schema k"]
    guard !planned else {
      var results: [String] = []
      for text in texts {
        let one = outputs(paths, [text], onDemand: onDemand, plan: true)
        if one.count == 1 && one[0].hasPrefix("load: ") { return one }
        results += one
      }
      return results
    }
    return outputs(paths, texts, onDemand: onDemand, plan: false)
  }

  private func outputs(_ paths: [String], _ texts: [String], onDemand: Bool, plan: Bool) -> [String] {
    Fixtures.outputs(paths, texts) { session in
      session.readsColumnsOnDemand = onDemand
      if plan { session.plannedUnits = texts.flatMap { ScriptScanner.units(of: $0) } }
    }
  }

  @Test func plannedOnDemandAndWholeGiveTheSameResults() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let data = dir.appendingPathComponent("k.csv")
    try Self.csv(rows: 3_000).write(to: data, atomically: true, encoding: .utf8)
    let groups = dir.appendingPathComponent("g.csv")
    try "kommun,grupp\nÅre,fjäll\nÖrebro,stad\n\"Borås, stad\",stad\nKiruna,fjäll\n".write(to: groups, atomically: true, encoding: .utf8)
    let paths = [data.path, groups.path]
    let whole = outputs(paths, onDemand: false, planned: false)
    #expect(whole.count == Self.statements.count + 1)
    #expect(whole[11].contains("unknown column 'vaule'"))
    #expect(whole.last?.contains("k,kod,text,") == true)
    for (planned, label) in [(true, "planned"), (false, "on demand")] {
      let got = outputs(paths, onDemand: true, planned: planned)
      for index in whole.indices {
        #expect(got[index] == whole[index], "\(label): \(index < Self.statements.count ? Self.statements[index] : ".schema")")
      }
    }
  }

  @Test func badRowsAreReportedByTheLoadAsBefore() throws {
    let dir = try directory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var lines = Self.csv(rows: 2_500).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for (row, broken) in [(2_200, "N1,Åre,2020"), (1_800, "N1,Åre,2020,T,1,kr,3,,,"), (40, "N1,\"Åre,2020"), (2_400, "N1,\"Å\"re,2020,T,1,kr,3,")] {
      var copy = lines
      copy[row] = broken
      let path = dir.appendingPathComponent("k.csv")
      try copy.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
      let whole = outputs([path.path], onDemand: false, planned: false)
      #expect(whole.count == 1 && whole[0].hasPrefix("load: \(path.path):"), "\(whole.first ?? "")")
      #expect(outputs([path.path], onDemand: true, planned: true) == whole, "row \(row)")
      #expect(outputs([path.path], onDemand: true, planned: false) == whole, "row \(row)")
    }
    lines = []
  }
}
