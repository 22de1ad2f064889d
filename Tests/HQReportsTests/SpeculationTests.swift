import Testing

@testable import HQReports

/// Running recognizers two at a time finds what running them one after the other finds, in the
/// same order, whether the one running ahead is kept or thrown away.
@Suite struct SpeculationTests {
  /// A step of a toy pipeline: claims `claims`, and notes (as a warning) whether `asks` was
  /// already claimed when it looked.
  struct Step: Sendable {
    var name: String
    var asks: [Int]
    var claims: [Int]

    func run(_ context: inout RecognitionContext) {
      for line in asks {
        let seen = context.isClaimed(line) ? "claimed" : "free"
        context.warnings.append(IngestWarning(file: name, line: line, message: seen))
      }
      context.claim(claims)
    }
  }

  static func sequential(_ steps: [Step]) -> RecognitionContext {
    var context = RecognitionContext()
    for step in steps { step.run(&context) }
    return context
  }

  static func inPairs(_ steps: [Step]) -> RecognitionContext {
    var context = RecognitionContext()
    Speculation.runInPairs(steps.count, context: &context) { k, context in steps[k].run(&context) }
    return context
  }

  @Test func aStepThatAsksAboutNothingTheOneBeforeClaimedIsKept() {
    let steps = [
      Step(name: "a", asks: [1], claims: [3, 4]), Step(name: "b", asks: [5, 6], claims: [5]),
      Step(name: "c", asks: [5], claims: []),
    ]
    let pairs = Self.inPairs(steps)
    #expect(pairs.warnings == Self.sequential(steps).warnings)
    #expect(pairs.warnings.map(\.message) == ["free", "free", "free", "claimed"])
    #expect(pairs.claimed == LineSet([3, 4, 5]))
    #expect(pairs.claimReads == nil)
  }

  @Test func aStepThatAskedAboutALineTheOneBeforeClaimedRunsAgain() {
    // `b` running ahead would see line 3 free; in its turn it is claimed by `a`.
    let steps = [
      Step(name: "a", asks: [], claims: [3]), Step(name: "b", asks: [3], claims: [7]),
      Step(name: "c", asks: [7], claims: []), Step(name: "d", asks: [3, 7], claims: [9]),
    ]
    let pairs = Self.inPairs(steps)
    #expect(pairs.warnings == Self.sequential(steps).warnings)
    #expect(pairs.warnings.map(\.message) == ["claimed", "claimed", "claimed", "claimed"])
    #expect(pairs.claimed == LineSet([3, 7, 9]))
  }

  @Test func oneOrNoStepsRunAsTheyAre() {
    #expect(Self.inPairs([]).warnings.isEmpty)
    let one = [Step(name: "a", asks: [2], claims: [2])]
    #expect(Self.inPairs(one).warnings == Self.sequential(one).warnings)
    #expect(Self.inPairs(one).claimed == LineSet([2]))
  }
}
