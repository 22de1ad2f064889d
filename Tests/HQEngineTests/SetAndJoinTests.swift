import HQData
import HQEngine
import HQSyntax
import Testing

/// The join kinds, `join … on a == b`, `union` and `unpivot` over small tables written here;
/// every expected row is worked out by hand in the comments.
@Suite struct SetAndJoinTests {
  /// L: (a 1) (b 2) (null 3) (a 4) (c 5); R: (a 10) (d 20) (b 30) (null 40) (a 50).
  static var engine: Engine {
    let l = Fixture.table("l", [("k", .text), ("x", .number)], [
      [.text("a"), .int(1)], [.text("b"), .int(2)], [.null, .int(3)], [.text("a"), .int(4)], [.text("c"), .int(5)],
    ])
    let r = Fixture.table("r", [("key", .text), ("y", .number)], [
      [.text("a"), .int(10)], [.text("d"), .int(20)], [.text("b"), .int(30)], [.null, .int(40)], [.text("a"), .int(50)],
    ])
    let t1 = Fixture.table("t1", [("a", .text), ("n", .number)], [[.text("x"), .int(1)], [.text("y"), Fixture.n("2.5")]])
    let t2 = Fixture.table("t2", [("n", .number), ("b", .bool)], [[.int(3), .bool(true)]])
    let t3 = Fixture.table("t3", [("a", .number)], [[.int(7)]])
    let w = Fixture.table("w", [("region", .text), ("2023", .number), ("2024", .number)], [
      [.text("A"), .int(1), .int(2)], [.text("B"), .null, .int(4)],
    ])
    let q = Fixture.table("q", [("id", .text), ("q1", .text), ("q2", .text)], [[.text("i"), .text("låg"), .text("hög")]])
    return Engine(catalog: Catalog([l, r, t1, t2, t3, w, q]))
  }

  func rows(_ query: String) throws -> [String] {
    var engine = Self.engine
    return try run(query, engine: &engine)
  }

  @Test func innerAndLeftJoinOnDifferentlyNamedColumns() throws {
    // a matches R's rows 0 and 4 (10, 50), b row 2 (30); null and c match nothing.
    #expect(try rows("from l | join r on k == key") == ["k,x,y", "a,1,10", "a,1,50", "b,2,30", "a,4,10", "a,4,50"])
    #expect(try rows("from l | left join r on k == key") == [
      "k,x,y", "a,1,10", "a,1,50", "b,2,30", "null,3,null", "a,4,10", "a,4,50", "c,5,null",
    ])
  }

  @Test func rightAndFullJoinAddTheUnmatchedRightRowsWithTheirKeys() throws {
    // Unmatched on the right: d (20) and the null key (40), at the end, keys from the right.
    #expect(try rows("from l | right join r on k == key") == [
      "k,x,y", "a,1,10", "a,1,50", "b,2,30", "a,4,10", "a,4,50", "d,null,20", "null,null,40",
    ])
    #expect(try rows("from l | full join r on k == key") == [
      "k,x,y", "a,1,10", "a,1,50", "b,2,30", "null,3,null", "a,4,10", "a,4,50", "c,5,null", "d,null,20", "null,null,40",
    ])
  }

  @Test func semiAndAntiJoinKeepLeftRowsOnce() throws {
    #expect(try rows("from l | semi join r on k == key") == ["k,x", "a,1", "b,2", "a,4"])
    // A null key matches nothing, so an anti join keeps it.
    #expect(try rows("from l | anti join r on k == key") == ["k,x", "null,3", "c,5"])
  }

  @Test func countingAJoinCountsItsRows() throws {
    // inner 5, left 7, right 7, full 9, semi 3, anti 2 (as listed above).
    for (kind, n) in [("", 5), ("left ", 7), ("right ", 7), ("full ", 9), ("semi ", 3), ("anti ", 2)] {
      #expect(try rows("from l | \(kind)join r on k == key | count") == ["count", "\(n)"], "\(kind)join")
    }
  }

  @Test func joinErrorsNameTheSides() {
    let engine = Self.engine
    #expect(failure("from l | join r on k", engine: engine).contains(
      "error: the joined source 'r' has no column 'k'"))
    #expect(failure("from l | join r on k", engine: engine).contains("write: join r on k == COLUMN"))
    #expect(failure("from l | join r on x == key", engine: engine).contains(
      "error: 'x' is a number here but 'key' is text in 'r'"))
    #expect(failure("from l | join r on k = key", engine: engine).contains("error: '=' does not compare"))
  }

  @Test func unionMatchesColumnsByName() throws {
    // t1 (a, n) then t2 (n, b): a and b are null on the side that lacks them.
    #expect(try rows("from t1 | union t2") == ["a,n,b", "x,1,null", "y,2.5,null", "null,3,true"])
    #expect(try rows("from t2 | union t1") == ["n,b,a", "3,true,null", "1,null,x", "2.5,null,y"])
    #expect(try rows("from t1 | union t1 | summarize total = sum(n), names = count_distinct(a)") == ["total,names", "7,2"])
    #expect(failure("from t1 | union t3", engine: Self.engine).contains("error: 'a' is text here but a number in 't3'"))
    #expect(failure("from t1 | union nosuch", engine: Self.engine).contains("error: unknown source 'nosuch'"))
  }

  @Test func unpivotMakesOneRowPerColumn() throws {
    // A: 2023 → 1, 2024 → 2; B: 2023 is null (left out), 2024 → 4. The names are numbers.
    #expect(try rows("from w | unpivot `2023`, `2024` into year, value") == [
      "region,year,value", "A,2023,1", "A,2024,2", "B,2024,4",
    ])
    #expect(try rows("from w | unpivot `2023`, `2024` into year, value | where year > 2023 | summarize s = sum(value)") == ["s", "6"])
    #expect(try rows("from q | unpivot q1, q2 into quarter, level") == ["id,quarter,level", "i,q1,låg", "i,q2,hög"])
    #expect(failure("from w | unpivot `2023`, region into k, v", engine: Self.engine).contains(
      "error: unpivot puts the columns in one column, but 'region' is text and '2023' a number"))
    #expect(failure("from w | unpivot `2023` into region, v", engine: Self.engine).contains("error: there is already a column 'region'"))
  }
}

/// `describe` over ``Fixture/facts`` (eight rows), counted by hand.
@Suite struct DescribeTests {
  @Test func oneRowPerColumn() throws {
    // indicator: Läkemedel ×3, Antibiotika ×2, Öppenvård, ambulans ×2; in Swedish order
    // ambulans < Antibiotika < Läkemedel < Öppenvård. value: seven values, one null.
    // unit: mnkr ×4 and st ×4, mnkr seen first.
    #expect(try run("from facts | describe") == [
      "column,type,values,distinct,min,max,most_frequent",
      "report,text,8,1,r,r,\"r\" (8)",
      "indicator,text,8,4,ambulans,Öppenvård,\"Läkemedel\" (3), \"Antibiotika\" (2), \"ambulans\" (2)",
      "kind,text,8,2,budget,utfall,\"utfall\" (7), \"budget\" (1)",
      "year,number,8,2,2023,2024,2024 (5), 2023 (3)",
      "value,number,7,7,0,300,9.4 (1), 16.1 (1), 300 (1)",
      "unit,text,8,2,mnkr,st,\"mnkr\" (4), \"st\" (4)",
    ])
  }

  @Test func describesThePipelineSoFar() throws {
    #expect(try run("from facts | where year == 2023 | select value | describe") == [
      "column,type,values,distinct,min,max,most_frequent", "value,number,3,3,0,300,9.4 (1), 300 (1), 0 (1)",
    ])
    #expect(try run("from facts | where year == 1 | describe | where column == \"kind\"") == [
      "column,type,values,distinct,min,max,most_frequent", "kind,text,0,0,null,null,null",
    ])
    #expect(try run("from facts | describe | where distinct == 1 | select column") == ["column", "report"])
  }
}
