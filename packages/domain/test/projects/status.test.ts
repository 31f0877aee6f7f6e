import { describe, expect, it } from "vitest"
import { currentStatus, milestonesOf, statusHistoryProblems, statusOn } from "../../src/projects/ProjectStatus.js"
import { steps } from "./fixtures.js"

const codes = (h: ReturnType<typeof steps>, today = "2025-12-31") => statusHistoryProblems(h, today).map((i) => [i.code, i.column])

describe("the status rule", () => {
  it("accepts the milestones in order, skipping some, and a stall with its resumption", () => {
    expect(codes(steps(["signed", "2024-01-10"], ["land_supplied", "2024-03-01"], ["started", "2024-05-01"], ["in_production", "2025-04-01"]))).toEqual([])
    // A project in a rented standard plant gets no land.
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-02-01"]))).toEqual([])
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-02-01"], ["stalled", "2024-06-01"], ["started", "2024-09-01"]))).toEqual([])
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-02-01"], ["stalled", "2024-06-01"], ["in_production", "2024-09-01"]))).toEqual([])
  })

  it("refuses what cannot happen, naming the step", () => {
    expect(codes(steps(["started", "2024-01-10"]))).toEqual([["first_not_signed", "history.0.status"]])
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-02-01"], ["land_supplied", "2024-03-01"]))).toEqual([["status_order", "history.2.status"]])
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-02-01"], ["started", "2024-03-01"]))).toEqual([["status_order", "history.2.status"]])
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-02-01"], ["stalled", "2024-03-01"], ["land_supplied", "2024-04-01"]))).toEqual([
      ["status_order", "history.3.status"],
    ])
    expect(codes(steps(["signed", "2024-01-10"], ["stalled", "2024-02-01"], ["stalled", "2024-03-01"]))).toEqual([["status_order", "history.2.status"]])
    expect(codes(steps(["signed", "2024-01-10"], ["land_recovered", "2024-02-01"]))).toEqual([["no_land_to_recover", "history.1.status"]])
    expect(
      codes(steps(["signed", "2024-01-10"], ["land_supplied", "2024-02-01"], ["land_recovered", "2026-02-01"], ["started", "2026-03-01"]), "2026-12-31"),
    ).toEqual([["history_closed", "history.3.status"]])
    expect(codes(steps(["signed", "2024-01-10"], ["started", "2024-01-09"]))).toEqual([["date_order", "history.1.on"]])
    expect(codes(steps(["signed", "2026-01-01"]))).toEqual([["date_in_future", "history.0.on"]])
  })

  it("reads the current status, the milestones and the status on a day", () => {
    const h = steps(["signed", "2024-01-10"], ["land_supplied", "2024-03-01"], ["started", "2024-05-01"], ["stalled", "2024-09-01"])
    expect(currentStatus(h)).toBe("stalled")
    expect(milestonesOf(h)).toEqual({
      signedOn: "2024-01-10",
      landSuppliedOn: "2024-03-01",
      startedOn: "2024-05-01",
      inProductionOn: null,
      atCapacityOn: null,
      stalledSince: "2024-09-01",
      landRecoveredOn: null,
    })
    expect(statusOn(h, "2024-04-30")).toBe("land_supplied")
    expect(statusOn(h, "2024-01-09")).toBeUndefined()
    expect(milestonesOf([...h, { status: "started", on: "2024-10-01" }]).stalledSince).toBeNull()
  })
})
