import { describe, expect, it } from "vitest"
import { competitionRanks } from "../../src/assessment/index.js"

describe("competitionRanks (1224)", () => {
  it("ties share a rank and the next rank is skipped", () => {
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4])
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1])
    expect(competitionRanks([1, 3, 2, 3])).toEqual([4, 1, 3, 1])
  })
  it("sums that differ only by rounding tie", () => {
    expect(competitionRanks([0.1 + 0.2, 0.3, 0.1])).toEqual([1, 1, 3])
  })
})
