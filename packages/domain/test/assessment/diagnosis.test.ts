import { describe, expect, it } from "vitest"
import { type DiagnosedCluster, diagnose, factLookup, valueLookup } from "../../src/assessment/index.js"

const infra = { road: true, water: true, power: true, drainage: true, telecom: true, gas: true, heat: true, levelledSite: true, sewagePlant: true }
const clusters: DiagnosedCluster[] = [
  {
    id: "a",
    name: "甲",
    group: "county",
    infrastructure: { ...infra, water: false },
    managementBody: "管委会",
    financing: { count: 1, registeredCapital: 2, cumulativeFinancing: 1 },
  },
  {
    id: "b",
    name: "乙",
    group: "county",
    infrastructure: infra,
    managementBody: "管委会",
    financing: { count: 0, registeredCapital: 0, cumulativeFinancing: 0 },
  },
  { id: "c", name: "丙", group: "county", infrastructure: infra, managementBody: null },
]
const rows = (indicator: string, vals: Record<string, number>) =>
  Object.entries(vals).map(([clusterId, value]) => ({ clusterId, indicator, period: "2025", value }))
const value = valueLookup([
  ...rows("investment_intensity", { a: 50, b: 200, c: 120 }), // median 120; trigger below 84
  ...rows("energy_per_value_added", { a: 0.5, b: 1, c: 0.6 }), // median 0.6; trigger above 0.78
])

describe("diagnose", () => {
  const [a, b, c] = diagnose({ clusters, value, fact: factLookup([{ clusterId: "c", fact: "labour_shortage", period: "2025", value: true }]) }, "2025")
  it("lists triggered problems with evidence, strongest first", () => {
    // a: no water → below 三通一平 (severity 1); investment intensity 50 < 120 × 0.7 = 84 → (84 − 50)/84 ≈ 0.405.
    expect(a!.problems.map((p) => p.id)).toEqual(["infrastructure", "land"])
    const land = a!.problems[1]!
    expect(land.evidence[0]).toMatchObject({ indicator: "investment_intensity", value: 50, groupMedian: 120 })
    expect(land.evidence[0]!.reference).toBeCloseTo(84, 12)
    expect(land.severity).toBeCloseTo(34 / 84, 12)
    expect(land.evidence[0]!.text.zh).toContain("组内中位数 120 × 0.7 = 84")
    expect(land.measures[0]!.zh).toContain("容积率")
  })
  it("finds a missing financing platform and a high energy use; a missing management body; a stated fact", () => {
    // b: energy 1 > 0.6 × 1.3 = 0.78 → (1 − 0.78)/0.78 ≈ 0.282; no platform → 1.
    expect(b!.problems.map((p) => p.id)).toEqual(["financing", "environment"])
    expect(b!.problems[1]!.severity).toBeCloseTo(0.22 / 0.78, 12)
    expect(c!.problems.map((p) => p.id).sort()).toEqual(["management", "talent"])
    expect(c!.text.en).toContain("Tangled management")
  })
  it("a missing value never triggers", () => {
    const [z] = diagnose({ clusters: [{ id: "z", name: "z", group: "county" }], value: () => undefined }, "2025")
    expect(z!.problems).toEqual([])
  })

  describe("the problems the documents name that no indicator measures", () => {
    const zone = (id: string, planning?: DiagnosedCluster["planning"]): DiagnosedCluster => ({
      id,
      name: id,
      group: "county",
      infrastructure: infra,
      managementBody: "管委会",
      financing: { count: 1, registeredCapital: 2, cumulativeFinancing: 1 },
      ...(planning ? { planning } : {}),
    })
    const stated = (clusterId: string, fact: string) => ({ clusterId, fact, period: "2025", value: true })
    const ids = (r: ReturnType<typeof diagnose>[number] | undefined) => r!.problems.map((p) => p.id).sort()

    it("soft environment, duplicate construction, demolition and staff status are set off by the facts recorded", () => {
      const [x] = diagnose(
        {
          clusters: [zone("x")],
          value: valueLookup([]),
          fact: factLookup([
            stated("x", "soft_environment_complaints"),
            stated("x", "low_level_duplication"),
            stated("x", "demolition_backlog"),
            stated("x", "staff_status_unresolved"),
            stated("x", "landless_farmers_unhoused"),
          ]),
        },
        "2025",
      )
      expect(ids(x)).toEqual(["city_integration", "demolition", "duplicate_construction", "soft_environment", "staff_status"])
      const soft = x!.problems.find((p) => p.id === "soft_environment")!
      expect(soft.sources).toEqual(["002 篇8"])
      expect(soft.evidence[0]!.text.zh).toContain("吃拿卡要")
      expect(x!.problems.find((p) => p.id === "staff_status")!.measures[0]!.zh).toContain("参照公务员管理")
    })

    it("a weak regional brand: no famous brand at all (0 < 1); one brand is enough; no figure, no finding", () => {
      const value = valueLookup(rows("brands", { none: 0, one: 1 }))
      const [none, one, unknown] = diagnose({ clusters: [zone("none"), zone("one"), zone("unknown")], value }, "2025")
      expect(ids(none)).toEqual(["weak_brand"])
      expect(ids(one)).toEqual([])
      expect(ids(unknown)).toEqual([])
    })

    it("五规合一: an ecological or public-service facilities plan listed as not approved sets off 产城互动; one not listed is unknown", () => {
      const [drafting, approved, absent] = diagnose(
        {
          clusters: [
            zone("drafting", [{ kind: "ecological_plan", state: "drafting" }]),
            zone("approved", [
              { kind: "ecological_plan", state: "approved" },
              { kind: "public_service_facilities_plan", state: "approved" },
            ]),
            zone("absent", [{ kind: "master_plan", state: "approved" }]),
          ],
          value: valueLookup([]),
        },
        "2025",
      )
      expect(ids(drafting)).toEqual(["city_integration"])
      expect(drafting!.problems[0]!.evidence[0]!.text.zh).toBe("生态环保规划未批复")
      expect(ids(approved)).toEqual([])
      expect(ids(absent)).toEqual([])
    })
  })

  it("flags the detailed-plan sanction (篇8: 停批项目、不供土地) when the plan is known unapproved; unknown is no flag", () => {
    const zone = (id: string, planning?: DiagnosedCluster["planning"]): DiagnosedCluster => ({
      id,
      name: id,
      group: "county",
      ...(planning ? { planning } : {}),
    })
    const [drafting, approved, unlisted, stated] = diagnose(
      {
        clusters: [
          zone("drafting", [{ kind: "regulatory_detailed_plan", state: "drafting" }]),
          zone("approved", [{ kind: "regulatory_detailed_plan", state: "approved" }]),
          zone("unlisted", [{ kind: "master_plan", state: "approved" }]),
          zone("stated"),
        ],
        value: valueLookup([]),
        fact: (id, fact) => (id === "stated" && fact === "detailed_plan" ? false : id === "drafting" && fact === "detailed_plan" ? false : undefined),
      },
      "2025",
    )
    expect(drafting!.sanctions.map((x) => x.id)).toEqual(["detailed_plan_deadline"])
    expect(drafting!.sanctions[0]!.rule.source).toMatchObject({ kind: "document", quote: "10月以后,没有详规的市里将停批项目、不供土地" })
    expect(approved!.sanctions).toEqual([])
    expect(unlisted!.sanctions).toEqual([])
    expect(stated!.sanctions.map((x) => x.id)).toEqual(["detailed_plan_deadline"])
  })
})
