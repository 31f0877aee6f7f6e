import { describe, expect, it } from "vitest"
import { assessmentInputFromRegister, certify, countyServiceCertification, registerFacts } from "../../src/assessment/index.js"

const planning = [
  { kind: "master_plan" as const, state: "approved" as const },
  { kind: "spatial_plan" as const, state: "drafting" as const },
]

describe("assessmentInputFromRegister", () => {
  it("derives yes/no facts from the register, and leaves unknowable ones unstated", () => {
    expect(registerFacts({ id: "a", name: "甲", group: "county", managementBody: "管委会", planning })).toEqual({
      management_body: true,
      "plan:master_plan": true,
      "plan:spatial_plan": false,
      positioning_plan: false,
      layout_plans: false,
    })
    expect(registerFacts({ id: "b", name: "乙", group: "county", managementBody: null })).toEqual({ management_body: false })
    expect(registerFacts({ id: "c", name: "丙", group: "county" })).toEqual({})
    // A detailed plan is known only when the register lists it.
    expect(registerFacts({ id: "d", name: "丁", group: "county", planning: [{ kind: "regulatory_detailed_plan", state: "submitted" }] }).detailed_plan).toBe(
      false,
    )
  })

  it("splits cluster and region values, and lets a stated fact override the register", () => {
    const input = assessmentInputFromRegister(
      [{ id: "a", name: "甲", group: "county", form: "cbd", managementBody: null, planning }],
      [
        { target: { kind: "cluster", id: "a" }, period: "2025", indicator: "floor_area", value: 1.4 },
        { target: { kind: "cluster", id: "a" }, period: "2024", indicator: "floor_area", value: 1.2 },
        { target: { kind: "region", id: "410621" }, period: "2025", indicator: "gdp", value: 100 },
      ],
      [{ clusterId: "a", fact: "management_body", period: "2025", value: true }],
    )
    expect(input.value("a", "floor_area", "2025")).toBe(1.4)
    expect(input.value("410621", "gdp", "2025")).toBeUndefined()
    expect(input.regionValue("410621", "gdp", "2025")).toBe(100)
    expect(input.periods).toEqual(["2024", "2025"])
    expect(input.fact("a", "management_body", "2025")).toBe(true)
    expect(input.fact("a", "management_body", "2024")).toBe(false)
    expect(input.fact("a", "public_service", "2025")).toBeUndefined()
    expect(input.clusters[0]).toMatchObject({ id: "a", form: "cbd", managementBody: null })
    // The facts feed certification: the spatial plan is still drafting, so positioning_plan fails.
    const r = certify(countyServiceCertification, { form: "cbd", value: (i) => input.value("a", i, "2025"), fact: (f) => input.fact("a", f, "2025") })
    expect(r.failed.map((o) => o.id)).toContain("positioning_plan")
    expect(r.unknown.map((o) => o.id)).toEqual(expect.arrayContaining(["public_service", "firms", "revenue"]))
  })
})
