import HQData
import HQEngine
import HQSyntax
import Testing

/// Column pruning (issue 16, item 3): stages that keep their columns carry only those read
/// later. Results are the same as without it; what changes is what a join or a `where`
/// gathers, which shows in the join's memory estimate.
@Suite struct PruningTests {
  @Test func aJoinFollowedBySummarizeGathersOnlyWhatItSums() throws {
    var engine = Engine(catalog: Catalog([JoinBudgetTests.sameKey("a", rows: 2_000), JoinBudgetTests.sameKey("b", rows: 1_000)]))
    // All five columns of the 2,000,000 joined rows need 80,000,000 bytes (JoinBudgetTests);
    // the key and a's v, 2,000,000 × (8 of row indexes… 8 + 8 + 8) = 48,000,000, fit in 50 MB.
    engine.memoryBudget = 50_000_000
    #expect(failure("from a | join b on k | take 1", engine: engine).contains("would need about 76.2 MiB"))
    // v of a is 0…1999, each row matched by 1,000 rows of b: 1,000 × 1,999,000.
    #expect(try run("from a | join b on k | summarize n = count(), s = sum(v)", engine: &engine) == ["n,s", "2000000,1999000000"])
    #expect(try run("from a | where v < 1000 | join b on k | select v | summarize s = sum(v)", engine: &engine)
      == ["s", "499500000"])
  }

  @Test func prunedPipelinesGiveTheRowsWorkedOutByHand() throws {
    var engine = SetAndJoinTests.engine
    // l join r on k == key: (a 1 10) (a 1 50) (b 2 30) (a 4 10) (a 4 50); by k: a 120 over 4 rows, b 30.
    #expect(try run("from l | join r on k == key | summarize s = sum(y), n = count() by k", engine: &engine)
      == ["k,s,n", "a,120,4", "b,30,1"])
    // The right side's column read by a later where, the left's by the select.
    #expect(try run("from l | join r on k == key | where y > 20 | select x", engine: &engine) == ["x", "1", "2", "4"])
    #expect(try run("from l | left join r on k == key | distinct k", engine: &engine) == ["k", "a", "b", "null", "c"])
    var facts = Fixture.engine
    // 2024: Antibiotika 270, Läkemedel 16.1 (utfall), 15 (budget), ambulans 5, Öppenvård null.
    #expect(try run("from facts | where year == 2024 | sort value desc | take 2 | select indicator, value", engine: &facts)
      == ["indicator,value", "Antibiotika,270", "Läkemedel,16.1"])
    #expect(try run("from facts | top 1 by value desc per kind | select indicator, kind", engine: &facts)
      == ["indicator,kind", "Antibiotika,utfall", "Läkemedel,budget"])
    #expect(try run("from facts | where unit == \"st\" | pivot year by indicator", engine: &facts)
      == ["indicator,2023,2024", "Antibiotika,300,270", "ambulans,0,5"])
    // A pipeline that ends keeping its columns shows them all.
    #expect(try run("from facts | where value > 200", engine: &facts)
      == ["report,indicator,kind,year,value,unit", "r,Antibiotika,utfall,2023,300,st", "r,Antibiotika,utfall,2024,270,st"])
  }
}
