import { describe, expect, it } from "vitest"
import { landQuotaDocument, landQuotaLists, landQuotaOptions, landQuotaRange, outputIntensity } from "../../src/assessment/index.js"
import { dataOf, inputErrorOf, type Value } from "./documentData.js"

// 篇8: "对投入产出强度排后20位的将适度扣减下一年年度用地指标,并奖励给排名前20位的产业集聚区".
// 45 industrial zones z01…z45 with a reported intensity equal to their number: z45 is first, z01 last.
const id = (i: number) => `z${String(i).padStart(2, "0")}`
const zones = Array.from({ length: 45 }, (_, k) => ({ id: id(k + 1), name: `区${k + 1}`, group: k % 2 ? ("county" as const) : ("urban_district" as const) }))
const reported = (values: (i: number) => number): Value[] => zones.map((z, k) => [z.id, "2025", "output_intensity", values(k + 1)])

describe("投入产出强度 (output_intensity)", () => {
  it("is revenue × 10⁴ over the built-up 亩 (1 km² = 1 500 亩), a reported figure first, nothing without an area", () => {
    // 30 亿元 on 2 km² = 3 000 亩: 300 000 万元 / 3 000 亩 = 100 万元/亩.
    expect(outputIntensity(undefined, 30, 2)).toEqual({ value: 100, origin: "derived" })
    expect(outputIntensity(250, 30, 2)).toEqual({ value: 250, origin: "reported" })
    expect(outputIntensity(undefined, 30, undefined)).toEqual({ value: null, lacks: ["built_up_area"] })
    expect(outputIntensity(undefined, undefined, 0)).toEqual({ value: null, lacks: ["revenue", "built_up_area"] })
  })
})

describe("landQuotaDocument (篇8 用地指标)", () => {
  it("puts exactly the 20 first and the 20 last places on the lists: the 20th is on, the 21st is not", () => {
    const doc = landQuotaDocument(
      dataOf(
        zones,
        reported((i) => i),
      ),
      { period: "2025" },
    )
    expect(doc).toMatchObject({ period: "2025", quotaYear: "2026", indicator: "output_intensity", unit: "万元/亩", count: 20, places: 20, placed: 45 })
    expect(doc.first.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, k) => id(45 - k)))
    expect(doc.first.at(-1)).toMatchObject({ id: "z26", position: 20 })
    expect(doc.last.map((e) => e.id)).toEqual(Array.from({ length: 20 }, (_, k) => id(k + 1)))
    expect(doc.last.at(-1)).toMatchObject({ id: "z20", positionFromLast: 20 })
    // z21…z25 are on neither list.
    expect([...doc.first, ...doc.last].some((e) => ["z21", "z25"].includes(e.id))).toBe(false)
    // Without an amount (the document says only 适度扣减) the lists stand alone.
    expect(doc).toMatchObject({ status: "lists_only", pool: null, amount: null })
    expect(doc.first.every((e) => e.mu === null)).toBe(true)
    expect(doc.settings.map((s) => [s.name, s.value, s.source.kind])).toEqual([
      ["count", 20, "document"],
      ["amount", null, "default"],
      ["distribution", "equal", "default"],
    ])
    expect(doc.settings[0]!.source.quote).toContain("排后20位")
    expect(doc.rules.map((r) => r.id)).toEqual([
      "p8.land_quota",
      "p8.land_quota.indicator",
      "p8.land_quota.scope",
      "p8.land_quota.ties",
      "p8.land_quota.amount",
      "p8.land_quota.distribution",
    ])
  })

  it("keeps every zone tied at the 20th place on the list, and says so", () => {
    // z25 equals z26 (26): both share the 20th place, so the first list holds 21 zones.
    const tied = landQuotaDocument(
      dataOf(
        zones,
        reported((i) => (i === 25 ? 26 : i)),
      ),
      { period: "2025" },
    )
    expect(tied.first).toHaveLength(21)
    expect(tied.first.slice(-2).map((e) => [e.id, e.position])).toEqual([
      ["z25", 20],
      ["z26", 20],
    ])
    expect(tied.notes.map((n) => n.en).join(" ")).toContain("a tie at place 20 of the first list: the list holds 20 places and 21 zones")
    // A tie just past the boundary (the 21st place) lengthens nothing: z24 equals z25, both 21st.
    const after = landQuotaDocument(
      dataOf(
        zones,
        reported((i) => (i === 24 ? 25 : i)),
      ),
      { period: "2025" },
    )
    expect(after.first).toHaveLength(20)
    // At the bottom: z20 and z21 equal share the 20th place from the last.
    const bottom = landQuotaDocument(
      dataOf(
        zones,
        reported((i) => (i === 21 ? 20 : i)),
      ),
      { period: "2025" },
    )
    expect(bottom.last.slice(-2).map((e) => [e.id, e.positionFromLast])).toEqual([
      ["z20", 20],
      ["z21", 20],
    ])
  })

  it("cuts a number of 亩 from each of the last and shares the pool equally among the first", () => {
    const doc = landQuotaDocument(
      dataOf(
        zones,
        reported((i) => i),
      ),
      { period: "2025", unit: "mu", cut: 50 },
    )
    expect(doc).toMatchObject({ status: "complete", pool: 1000, amount: { unit: "mu", cut: 50 } })
    expect(doc.last.every((e) => e.mu === 50)).toBe(true)
    expect(doc.first.every((e) => e.mu === 50)).toBe(true)
    expect(doc.settings[1]).toMatchObject({ name: "amount", value: "50 mu", source: { kind: "commission" } })
    // With 21 zones tied onto the first list the same 1 000 亩 go to 21.
    const tied = landQuotaDocument(
      dataOf(
        zones,
        reported((i) => (i === 25 ? 26 : i)),
      ),
      { period: "2025", cut: 50 },
    )
    expect(tied.first[0]!.mu).toBeCloseTo(1000 / 21, 12)
  })

  it("cuts a share of each zone's next-year quota, and is incomplete when one is missing", () => {
    const quotas: Value[] = zones.map((z) => [z.id, "2026", "land_quota", 200])
    const doc = landQuotaDocument(dataOf(zones, [...reported((i) => i), ...quotas]), { period: "2025", unit: "share", cut: 0.1 })
    expect(doc).toMatchObject({ status: "complete", pool: 400 })
    expect(doc.last[0]!.mu).toBe(20)
    const gap = landQuotaDocument(dataOf(zones, [...reported((i) => i), ...quotas.filter(([z]) => z !== "z03")]), {
      period: "2025",
      unit: "share",
      cut: 0.1,
    })
    expect(gap).toMatchObject({ status: "incomplete", pool: null, quotaMissing: ["z03"] })
    expect(gap.last.find((e) => e.id === "z03")!.mu).toBeNull()
    expect(gap.first.every((e) => e.mu === null)).toBe(true)
  })

  it("derives the intensity where none is reported, leaves zones without one apart and places no service zone", () => {
    const few = [
      { id: "a", name: "甲", group: "county" as const },
      { id: "b", name: "乙", group: "county" as const },
      { id: "c", name: "丙", group: "urban_district" as const },
      { id: "cbd", name: "商务区", group: "county" as const, kind: "modern_service" as const },
    ]
    const doc = landQuotaDocument(
      dataOf(few, [
        ["a", "2025", "revenue", 30],
        ["a", "2025", "built_up_area", 2],
        ["b", "2025", "output_intensity", 80],
        ["c", "2025", "revenue", 10],
        ["cbd", "2025", "output_intensity", 999],
      ]),
      { period: "2025" },
    )
    expect(doc.placed).toBe(2)
    expect(doc.missing).toEqual([{ id: "c", name: "丙", lacks: ["built_up_area"] }])
    // Two zones placed, fewer than 40: one place per list.
    expect(doc.places).toBe(1)
    expect(doc.first.map((e) => [e.id, e.value, e.origin])).toEqual([["a", 100, "derived"]])
    expect(doc.last.map((e) => [e.id, e.value, e.origin])).toEqual([["b", 80, "reported"]])
  })

  it("puts zones tied across the middle on neither list", () => {
    const four = zones.slice(0, 4)
    const doc = landQuotaDocument(
      dataOf(
        four,
        four.map((z) => [z.id, "2025", "output_intensity", 7] as Value),
      ),
      { period: "2025" },
    )
    expect(doc).toMatchObject({ places: 2, first: [], last: [], onBoth: ["z01", "z02", "z03", "z04"] })
  })

  it("refuses bad options, naming each", () => {
    expect(landQuotaRange({ period: "2025" })).toEqual({ from: "2025", to: "2026" })
    expect(landQuotaOptions({ period: "2025", cut: 5 })).toEqual({ period: "2025", count: 20, amount: { unit: "mu", cut: 5 } })
    for (const [o, column] of [
      [{ period: "2025H1" }, "period"],
      [{ period: "2025", count: 0 }, "count"],
      [{ period: "2025", count: 2.5 }, "count"],
      [{ period: "2025", unit: "acre" as never, cut: 1 }, "unit"],
      [{ period: "2025", unit: "share" as const }, "cut"],
      [{ period: "2025", unit: "share" as const, cut: 1.5 }, "cut"],
      [{ period: "2025", cut: -1 }, "cut"],
    ] as const) {
      const e = inputErrorOf(() => landQuotaOptions(o))
      expect(e.code).toBe("bad_option")
      expect(e.issues?.[0]?.column).toBe(column)
      expect(e.zh.length).toBeGreaterThan(0)
    }
    expect(
      inputErrorOf(() =>
        landQuotaDocument(
          dataOf(
            zones,
            reported((i) => i),
          ),
          { period: "2031" },
        ),
      ).code,
    ).toBe("unknown_period")
  })

  it("lists the same zones through the pure function", () => {
    const lists = landQuotaLists(
      [
        { id: "a", name: "a", group: "g", value: 3 },
        { id: "b", name: "b", group: "g", value: 2 },
        { id: "c", name: "c", group: "g", value: 1 },
      ],
      { count: 1, amount: { unit: "mu", cut: 10 } },
    )
    expect(lists).toMatchObject({ places: 1, pool: 10, first: [{ id: "a", mu: 10 }], last: [{ id: "c", mu: 10 }] })
  })
})
