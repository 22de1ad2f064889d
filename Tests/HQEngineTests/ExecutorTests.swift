import HQData
import HQEngine
import Testing

/// Each stage over the miniature `facts` table of ``Fixture``; expected rows worked out by
/// hand from the eight rows written there.
@Suite struct ExecutorTests {
  @Test func whereKeepsRowsWhoseConditionIsTrue() throws {
    #expect(try run("from facts | where year == 2024 | select indicator, value") == [
      "indicator,value", "Läkemedel,16.1", "Antibiotika,270", "Läkemedel,15", "Öppenvård,null", "ambulans,5",
    ])
  }

  @Test func whereDropsNullConditionsBothWays() throws {
    #expect(try run("from facts | where value > 10 | select value") == ["value", "16.1", "300", "270", "15"])
    #expect(try run("from facts | where not (value > 10) | select value") == ["value", "9.4", "0", "5"])
    #expect(try run("from facts | where value is null | select indicator") == ["indicator", "Öppenvård"])
    #expect(try run("from facts | where value is not null | count") == ["count", "7"])
  }

  @Test func containsFoldsCaseAndDiacritics() throws {
    #expect(try run("from facts | where indicator ~ \"lakemedel\" | count") == ["count", "3"])
    #expect(try run("from facts | where indicator !~ \"LAKEMEDEL\" | count") == ["count", "5"])
    #expect(try run("from facts | where indicator ~ \"oppen\" | select indicator") == ["indicator", "Öppenvård"])
  }

  @Test func inListMatchesAnyItem() throws {
    #expect(try run("from facts | where indicator in [\"ambulans\", \"Öppenvård\"] | select value") == [
      "value", "null", "0", "5",
    ])
    #expect(try run("from facts | where year not in [2023] | count") == ["count", "5"])
  }

  @Test func selectNamesColumnsAfterTheirText() throws {
    #expect(try run("from facts | take 2 | select indicator, value * 2, v = value + 1") == [
      "indicator,value * 2,v", "Läkemedel,18.8,10.4", "Läkemedel,32.2,17.1",
    ])
  }

  @Test func deriveAddsAndReplacesColumns() throws {
    #expect(try run("from facts | take 1 | derive value = value * 10, half = year / 2") == [
      "report,indicator,kind,year,value,unit,half", "r,Läkemedel,utfall,2023,94,mnkr,1011.5",
    ])
  }

  @Test func sumIsExactDecimal() throws {
    #expect(try run("from facts | where indicator == \"Läkemedel\" and kind == \"utfall\" | summarize s = sum(value)") == [
      "s", "25.5",
    ])
    #expect(try run("from facts | take 1 | select x = 0.1 + 0.2, y = 9.4 + 16.1") == ["x,y", "0.3,25.5"])
  }

  @Test func summarizeByGroupsInOrderOfFirstAppearance() throws {
    #expect(try run("from facts | summarize total = sum(value), n = count(), m = count(value) by indicator") == [
      "indicator,total,n,m", "Läkemedel,40.5,3,3", "Antibiotika,570,2,2", "Öppenvård,null,1,0", "ambulans,5,2,2",
    ])
  }

  @Test func everyAggregate() throws {
    // Non-null values: 9.4 16.1 300 270 15 0 5 (sum 615.5, 7 values).
    #expect(try run("from facts | summarize n = count(), c = count(value), s = sum(value), a = avg(value), md = median(value)") == [
      "n,c,s,a,md", "8,7,615.5,87.928571428571,15",
    ])
    #expect(try run("from facts | summarize lo = min(value), hi = max(value), first(indicator), last(indicator), count_distinct(kind)") == [
      "lo,hi,first_indicator,last_indicator,count_distinct_kind", "0,300,Läkemedel,ambulans,2",
    ])
    // Text min/max in Swedish order: ambulans < Antibiotika < Läkemedel < Öppenvård.
    #expect(try run("from facts | summarize lo = min(indicator), hi = max(indicator)") == ["lo,hi", "ambulans,Öppenvård"])
    // ambulans: 0 and 5, mean 2.5, sample variance 12.5, sd √12.5 = 3.5355339059…
    #expect(try run("from facts | where indicator == \"ambulans\" | summarize sd = stddev(value), md = median(value)") == [
      "sd,md", "3.5355339059,2.5",
    ])
  }

  @Test func summarizeWithoutRowsGivesOneRow() throws {
    #expect(try run("from facts | where year == 1999 | summarize n = count(), s = sum(value)") == ["n,s", "0,null"])
    #expect(try run("from facts | where year == 1999 | summarize n = count() by kind") == ["kind,n"])
  }

  @Test func summarizeItemsMayCombineAggregatesAndKeys() throws {
    #expect(try run("from facts | summarize n = count(), label = upper(kind) by kind") == [
      "kind,n,label", "utfall,7,UTFALL", "budget,1,BUDGET",
    ])
    #expect(try run("from facts | summarize per = sum(value) / count(value) by kind") == [
      "kind,per", "utfall,100.083333333333", "budget,15",
    ])
  }

  @Test func sortPutsNullsLastInBothDirections() throws {
    #expect(try run("from facts | sort value | select value") == ["value", "0", "5", "9.4", "15", "16.1", "270", "300", "null"])
    #expect(try run("from facts | sort value desc | select value") == ["value", "300", "270", "16.1", "15", "9.4", "5", "0", "null"])
  }

  @Test func sortByManyKeysIsStable() throws {
    #expect(try run("from facts | sort kind desc, year | select kind, year, indicator") == [
      "kind,year,indicator",
      "utfall,2023,Läkemedel", "utfall,2023,Antibiotika", "utfall,2023,ambulans",
      "utfall,2024,Läkemedel", "utfall,2024,Antibiotika", "utfall,2024,Öppenvård", "utfall,2024,ambulans",
      "budget,2024,Läkemedel",
    ])
  }

  @Test func textSortsInSwedishOrderIgnoringCaseWithInputOrderForTies() throws {
    let words = Fixture.table(
      "words", [("w", .text)], ["öl", "abc", "Ärta", "zebra", "Abc", "åker", "Apa", "ABC"].map { [.text($0)] })
    var engine = Engine(catalog: Catalog([words]))
    #expect(try run("from words | sort w", engine: &engine) == ["w", "abc", "Abc", "ABC", "Apa", "zebra", "åker", "Ärta", "öl"])
    #expect(try run("from words | sort w desc", engine: &engine) == ["w", "öl", "Ärta", "åker", "zebra", "Apa", "abc", "Abc", "ABC"])
  }

  @Test func takeDistinctCountTop() throws {
    #expect(try run("from facts | take 2 | select value") == ["value", "9.4", "16.1"])
    #expect(try run("from facts | take 0 | count") == ["count", "0"])
    #expect(try run("from facts | distinct kind") == ["kind", "utfall", "budget"])
    #expect(try run("from facts | select kind, unit | distinct") == ["kind,unit", "utfall,mnkr", "utfall,st", "budget,mnkr"])
    #expect(try run("from facts | count") == ["count", "8"])
    #expect(try run("from facts | top 2 by value | select value") == ["value", "300", "270"])
    #expect(try run("from facts | top 2 by value asc | select value") == ["value", "0", "5"])
  }

  /// Over many rows `top` keeps a bounded heap instead of sorting everything; ties keep input
  /// order and nulls never come first. v = id mod 7, null where id is a multiple of 10.
  @Test func topOverManyRowsKeepsTiesInInputOrder() throws {
    let rows: [[Value]] = (0..<400).map { id in [.int(id), id % 10 == 0 ? .null : .int(id % 7)] }
    var engine = Engine(catalog: Catalog([Fixture.table("t", [("id", .number), ("v", .number)], rows)]))
    // v = 6 at ids 6, 13, 20 (null), 27; v = 0 at ids 0 (null), 7, 14, 21.
    #expect(try run("from t | top 3 by v | select id", engine: &engine) == ["id", "6", "13", "27"])
    #expect(try run("from t | sort v desc | take 3 | select id", engine: &engine) == ["id", "6", "13", "27"])
    #expect(try run("from t | top 3 by v asc | select id", engine: &engine) == ["id", "7", "14", "21"])
    #expect(try run("from t | top 2 by v, id desc | select id", engine: &engine) == ["id", "398", "391"])
  }

  @Test func numbersOfMixedScalesCompareExactly() throws {
    let rows: [[Value]] = ["9.4", "306", "0.05", "16.10", "-2"].map { [Fixture.n($0)] }
    var engine = Engine(catalog: Catalog([Fixture.table("t", [("v", .number)], rows)]))
    #expect(try run("from t | where v > 9.4 | select v", engine: &engine) == ["v", "306", "16.1"])
    #expect(try run("from t | where v == 16.1 | count", engine: &engine) == ["count", "1"])
    #expect(try run("from t | where v <= 0.05 | select v", engine: &engine) == ["v", "0.05", "-2"])
    #expect(try run("from t | where v < 0.055 | count", engine: &engine) == ["count", "2"])
    // 9.4 + 306 + 0.05 + 16.1 − 2 = 329.55; sorted: −2, 0.05, 9.4, 16.1, 306.
    #expect(try run("from t | summarize s = sum(v), hi = max(v)", engine: &engine) == ["s,hi", "329.55,306"])
    #expect(try run("from t | sort v | select v", engine: &engine) == ["v", "-2", "0.05", "9.4", "16.1", "306"])
  }

  @Test func longInListsStayShallow() throws {
    let list = (0..<5000).map { String($0 * 10) }.joined(separator: ", ")
    // The list holds 0, 10, …, 49990: 2020 is in it, but the fixture's years are 2023 and 2024.
    #expect(try run("from facts | where year in [\(list)] | count") == ["count", "0"])
    #expect(try run("from facts | where year in [\(list), 2024] | count") == ["count", "5"])
  }

  @Test func joinMatchesEqualKeys() throws {
    #expect(try run("from goals | join facts on report | count") == ["count", "8"])
    #expect(try run("from goals | left join facts on report | count") == ["count", "9"])
    #expect(try run("from goals | left join facts on report | where report == \"q\" | select name, indicator") == [
      "name,indicator", "Kort väntetid,null",
    ])
    #expect(try run("from facts | take 1 | join goals on report | select indicator, name, status") == [
      "indicator,name,status", "Läkemedel,Nöjda patienter,uppfyllt",
    ])
  }

  @Test func joinRenamesCollidingColumns() throws {
    #expect(try run("from goals | join goals on name | select name, report, goals_report, goals_status") == [
      "name,report,goals_report,goals_status", "Nöjda patienter,r,r,uppfyllt", "Kort väntetid,q,q,ej uppfyllt",
    ])
  }

  @Test func searchFindsLinesFoldingCaseAndDiacritics() throws {
    #expect(try run("search \"lakemedel\"") == [
      "report,section,line,text", "r,Ekonomi,10,Kostnaden för läkemedel ökade", "r,Vård,20,LÄKEMEDELSFÖRMÅN minskade",
    ])
    #expect(try run("search \"budget\" | select line") == ["line", "11"])
  }
}
