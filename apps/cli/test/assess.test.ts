import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { assessmentRepo, openStore } from "@jiju/store"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv } from "./storeEnv.js"

type Zone = {
  id: string
  name: string
  group: "urban_district" | "county"
  status: "ranked" | "vetoed" | "excluded"
  score: number | null
  rank: number | null
  rank_change: number | null
  stars: number | null
  star_change: string | null
  reward: boolean
  veto: { reason: { zh: string; en: string }; rules: string[] } | null
  missing: string[]
  contributions: { indicator: string; value: number | null; normalised: number | null; weight: number; points: number | null }[]
  explanation: { zh: string; en: string }
  stability?: { median: number; p5: number; p95: number; min: number; max: number; reward_share: number }
}
type Assess = {
  scheme: { id: string }
  period: string
  previous_period: string | null
  previous_source: "stored" | "computed" | null
  stored: boolean
  run: { id: string; published: boolean } | null
  weights: { code: string; weight: number }[]
  groups: { group: string; size: number; reward_band: number; ranking: { cluster_id: string; rank: number; score: number; reward: boolean }[] }[]
  clusters: Zone[]
  stability?: { draws: number; seed: number }
}
type Failure = { error: { code: string; message: string } }

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }
const NEGATIVE = new Set(["energy_per_value_added"])

describe.each(engines)("jiju assess on the demo data (%s)", (engine) => {
  let env: Record<string, string>
  let dir: string
  let dispose: () => Promise<void>
  let first: Assess
  beforeAll(async () => {
    ;({ env, dir, dispose } = await makeStoreEnv(engine))
    expect((await runCli(["demo", "--json"], env)).code).toBe(0)
    // henan-2017 by name: as before the default schemes of each kind (the tests below the old default's behaviour).
    const r = await runCli(["assess", "--period", "2025", "--scheme", "henan-2017", "--json"], env)
    expect(r.stderr).toBe("")
    expect(r.code).toBe(0)
    first = r.json() as Assess
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it("ranks every non-vetoed, complete zone of both groups by competition rank", () => {
    expect(first.scheme.id).toBe("henan-2017")
    expect(first.period).toBe("2025")
    expect(first.groups.map((g) => g.group)).toEqual(["urban_district", "county"])
    for (const g of first.groups) expect(g.size).toBeGreaterThan(5)
    for (const z of first.clusters) {
      const complete = z.veto === null && z.missing.length === 0
      expect(z.status === "ranked").toBe(complete)
      expect(z.rank !== null).toBe(complete)
    }
    // Competition ranking, derived here from the scores: 1 + the number of zones of the group scoring more.
    for (const g of first.groups) {
      const zones = first.clusters.filter((z) => z.group === g.group && z.status === "ranked")
      expect(zones).toHaveLength(g.size)
      for (const z of zones) expect(z.rank).toBe(1 + zones.filter((o) => o.score! > z.score! + 1e-9).length)
    }
  })

  it("rewards at most the top 10 urban-district and top 30 county zones", () => {
    const band = { urban_district: 10, county: 30 }
    for (const g of first.groups) {
      const zones = first.clusters.filter((z) => z.group === g.group)
      expect(zones.filter((z) => z.reward).length).toBeLessThanOrEqual(band[g.group as keyof typeof band])
      for (const z of zones) expect(z.reward).toBe(z.rank !== null && z.rank <= band[g.group as keyof typeof band])
    }
  })

  it("explains each score term by term: contributions sum to it, and follow min-max within the group", () => {
    const wsum = first.weights.reduce((a, w) => a + w.weight, 0)
    expect(wsum).toBeCloseTo(1, 12)
    for (const z of first.clusters.filter((x) => x.status === "ranked")) {
      const sum = z.contributions.reduce((a, c) => a + c.points!, 0)
      expect(Math.abs(sum - z.score!)).toBeLessThan(1e-9)
      expect(z.explanation.zh).toContain(z.name)
      expect(z.explanation.en.length).toBeGreaterThan(20)
    }
    // Recompute one indicator's points from the raw values: (x − min)/(max − min) over the ranked zones of the
    // group (reversed for a negative indicator) × weight × 100 points.
    for (const g of first.groups) {
      const zones = first.clusters.filter((z) => z.group === g.group && z.status === "ranked")
      for (const [j, c0] of zones[0]!.contributions.entries()) {
        const xs = zones.map((z) => z.contributions[j]!.value!)
        const lo = Math.min(...xs)
        const hi = Math.max(...xs)
        for (const z of zones) {
          const x = z.contributions[j]!.value!
          const n = NEGATIVE.has(c0.indicator) ? (hi - x) / (hi - lo) : (x - lo) / (hi - lo)
          expect(z.contributions[j]!.normalised!).toBeCloseTo(n, 12)
          expect(z.contributions[j]!.points!).toBeCloseTo(n * c0.weight * 100, 10)
        }
      }
    }
  })

  it("lists vetoed zones with the reason and excluded zones with the missing codes", () => {
    const vetoed = first.clusters.filter((z) => z.status === "vetoed")
    expect(vetoed.length).toBeGreaterThan(0)
    for (const z of vetoed) {
      expect(z.veto!.rules).toContain("no_master_plan")
      expect(z.veto!.reason.zh).toContain("总体发展规划")
      expect(z.score).toBeNull()
    }
    for (const z of first.clusters.filter((x) => x.status === "excluded")) expect(z.missing.length).toBeGreaterThan(0)
  })

  it("stores the result (readable from the store) and uses the stored previous period next time", SLOW, async () => {
    expect(first.stored).toBe(true)
    expect(first.previous_source).toBe("computed")
    // 2024 as the readable table (zh headers with en), then 2025 again: the stored 2024 run gives the rank changes.
    const table2024 = await runCli(["assess", "--period", "2024", "--scheme", "henan-2017"], env)
    expect(table2024.code).toBe(0)
    for (const h of ["排名 Rank", "编号 ID", "得分 Score", "变化 Change", "一票否决 Vetoed"]) expect(table2024.stdout).toContain(h)
    const again = await runCli(["assess", "--period", "2025", "--scheme", "henan-2017", "--publish", "--json"], env)
    expect(again.code).toBe(0)
    const second = again.json() as Assess
    expect(second.previous_source).toBe("stored")
    expect(second.run!.published).toBe(true)

    const store = await openStore({ env })
    try {
      const { runs } = assessmentRepo(store.db)
      const stored2024 = await runs.latest("henan-2017", "2024")
      const before = new Map(stored2024!.result.clusters.map((c) => [c.clusterId, c.rank]))
      for (const z of second.clusters) {
        const prev = before.get(z.id) ?? null
        expect(z.rank_change).toBe(z.rank !== null && prev !== null ? prev - z.rank : null)
      }
      const latest = await runs.latest("henan-2017", "2025")
      expect(latest?.id).toBe(second.run!.id)
      expect(latest?.published).toBe(true)
      expect(latest?.result.clusters.map((c) => [c.clusterId, c.rank])).toEqual(second.clusters.map((z) => [z.id, z.rank]))
      const zone = second.clusters.find((z) => z.status === "ranked")!
      const history = await runs.history("henan-2017", zone.id)
      expect(history.map((h) => [h.period, h.rank])).toEqual([
        ["2024", before.get(zone.id) ?? null],
        ["2025", zone.rank],
      ])
    } finally {
      await store.close()
    }
  })

  it("fails precisely: unknown period, unknown scheme, invalid scheme file naming the field", SLOW, async () => {
    const period = await runCli(["assess", "--period", "2031", "--json"], env)
    expect(period.code).toBe(1)
    expect((period.json() as Failure).error.code).toBe("unknown_period")
    expect((period.json() as Failure).error.message).toContain("2009 … 2025")

    const badPeriod = await runCli(["assess", "--period", "25", "--json"], env)
    expect(badPeriod.code).toBe(2)
    expect((badPeriod.json() as Failure).error.code).toBe("bad_period")

    const scheme = await runCli(["assess", "--period", "2025", "--scheme", "no-such-scheme", "--json"], env)
    expect(scheme.code).toBe(1)
    expect((scheme.json() as Failure).error.code).toBe("unknown_scheme")
    expect((scheme.json() as Failure).error.message).toContain("henan-2017")

    const file = join(dir, "bad-scheme.json")
    writeFileSync(
      file,
      JSON.stringify({
        id: "bad-one",
        name: { zh: "坏方案", en: "Bad" },
        totalPoints: 100,
        dimensions: [{ id: "scale", name: { zh: "规模", en: "Scale" }, indicators: [{ code: "revenue", weight: "twelve" }] }],
        weighting: { method: "given" },
        normalisation: { method: "minmax" },
        normaliseWithin: "group",
        rewards: { urban_district: 10, county: 30 },
        veto: [],
      }),
    )
    const invalid = await runCli(["assess", "--period", "2025", "--scheme", file, "--json"], env)
    expect(invalid.code).toBe(1)
    expect((invalid.json() as Failure).error.message).toContain("dimensions.0.indicators.0.weight")
  })

  it("accepts a valid scheme file, stores its definition, and finds it by id afterwards", SLOW, async () => {
    const file = join(dir, "two-indicators.json")
    writeFileSync(
      file,
      JSON.stringify({
        id: "two-indicators",
        name: { zh: "双指标方案", en: "Two indicators" },
        totalPoints: 100,
        dimensions: [
          {
            id: "scale",
            name: { zh: "规模", en: "Scale" },
            indicators: [
              { code: "revenue", weight: 1 },
              { code: "tax_total", weight: 1 },
            ],
          },
        ],
        weighting: { method: "given" },
        normalisation: { method: "minmax" },
        normaliseWithin: "all",
        rewards: { urban_district: 3, county: 3 },
        veto: [],
      }),
    )
    const a = (await runCli(["assess", "--period", "2025", "--scheme", file, "--json"], env)).json() as Assess
    expect(a.scheme.id).toBe("two-indicators")
    for (const g of a.groups) expect(g.ranking.filter((r) => r.reward).length).toBeLessThanOrEqual(3)
    const byId = await runCli(["assess", "--period", "2025", "--scheme", "two-indicators", "--json"], env)
    expect(byId.code).toBe(0)
    expect((byId.json() as Assess).clusters.map((z) => z.score)).toEqual(a.clusters.map((z) => z.score))
  })

  it("without --scheme runs every kind with its own scheme, keeps the report's keys and lists each run", SLOW, async () => {
    const r = await runCli(["assess", "--period", "2025", "--json"], env)
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as Assess & { kind: string; runs: { kind: string; scheme: string; run_id: string | null; published: boolean; zones: number }[] }
    // Every key of the henan-2017 document is there, for the industrial kind's run; runs is added.
    for (const key of Object.keys(first)) expect(Object.keys(doc)).toContain(key)
    expect(doc).toMatchObject({ scheme: { id: "jiju-industrial" }, kind: "industrial", stored: true })
    expect(doc.runs.map((x) => [x.kind, x.scheme, x.zones, x.published])).toEqual([
      ["industrial", "jiju-industrial", 157, false],
      ["modern_service", "jiju-service", 20, false],
    ])
    expect(doc.runs[0]!.run_id).toBe(doc.run!.id)
    // The documents name no veto: every industrial zone with its data is ranked.
    expect(doc.clusters.filter((z) => z.status === "vetoed")).toEqual([])
    const store = await openStore({ env })
    try {
      const service = await assessmentRepo(store.db).runs.get(doc.runs[1]!.run_id!)
      expect(service?.provenance).toMatchObject({ kind: "modern_service" })
      expect(service?.result.clusters.every((c) => c.clusterId.startsWith("cbd-") || c.name.includes("商业区"))).toBe(true)
    } finally {
      await store.close()
    }
  })

  it("publishes on Jiju defaults only with --confirm-defaults, recording the confirmation", SLOW, async () => {
    // The on-disk store is opened only between commands (one process at a time holds it).
    const count = async () => {
      const store = await openStore({ env })
      try {
        return (await store.db.query<{ n: number }>("select count(*)::int as n from assessment_runs"))[0]!.n
      } finally {
        await store.close()
      }
    }
    const before = await count()
    const refused = await runCli(["assess", "--period", "2025", "--publish", "--json"], env)
    expect(refused.code).toBe(1)
    expect((refused.json() as Failure).error.code).toBe("defaults_unconfirmed")
    expect((refused.json() as Failure).error.message).toContain("--confirm-defaults")
    expect(await count()).toBe(before)
    expect((await runCli(["assess", "--period", "2025", "--confirm-defaults"], env)).code).toBe(2)
    const ok = await runCli(["assess", "--period", "2025", "--publish", "--confirm-defaults", "--json"], env)
    expect(ok.code, ok.stderr).toBe(0)
    const doc = ok.json() as Assess & { confirmation: { by: string; at: string; items: { item: string }[] }; runs: { published: boolean }[] }
    expect(doc.confirmation.by).toMatch(/^operator:/)
    expect(Number.isNaN(Date.parse(doc.confirmation.at))).toBe(false)
    expect(doc.confirmation.items.map((i) => i.item)).toEqual(["weights", "normalisation"])
    expect(doc.runs.map((x) => x.published)).toEqual([true, true])
    expect(await count()).toBe(before + 2)
  })

  it("the other assessment commands read the same store", SLOW, async () => {
    const zone = first.clusters.find((z) => z.status === "ranked")!.id
    const diagnosis = await runCli(["diagnose", "--cluster", zone, "--period", "2025", "--json"], env)
    expect(diagnosis.code).toBe(0)
    const d = diagnosis.json() as { source: string; demo: boolean; results: { cluster_id: string; problems: { evidence: unknown[] }[] }[] }
    expect(d).toMatchObject({ source: "store", demo: true })
    expect(d.results.map((r) => r.cluster_id)).toEqual([zone])
    for (const p of d.results[0]!.problems) expect(p.evidence.length).toBeGreaterThan(0)

    const certified = await runCli(["certify", "--period", "2025", "--json"], env)
    expect(certified.code).toBe(0)
    const c = certified.json() as {
      results: { form: string | null; status: string; passed: { actual: unknown; evidence: { origin: string } | null }[] }[]
    }
    expect(c.results.length).toBeGreaterThan(0)
    expect(c.results.some((r) => r.status === "certified")).toBe(true)
    for (const r of c.results) {
      expect(r.form).not.toBeNull()
      // Never certified on a guess: every yes/no condition passed rests on a fact the store or the register holds.
      if (r.status === "certified")
        for (const o of r.passed.filter((x) => typeof x.actual === "boolean")) expect(["stored", "register"]).toContain(o.evidence?.origin)
    }

    const stage = await runCli(["stage", "--cluster", zone, "--period", "2025", "--json"], env)
    expect((stage.json() as { results: { id: string; stage: string }[] }).results[0]!.id).toBe(zone)

    const unknown = await runCli(["stage", "--cluster", "no-such-zone", "--period", "2025", "--json"], env)
    expect(unknown.code).toBe(1)
    expect((unknown.json() as Failure).error.code).toBe("unknown_cluster")
  })
})

describe("jiju assess on hand-made files (no store)", () => {
  const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
  const files = ["--data", fx("data.csv"), "--clusters", fx("zones.csv"), "--scheme", fx("tiny-scheme.json")]

  it("matches a hand-worked ranking: min-max within groups, ties share a rank, veto and missing data", async () => {
    const r = await runCli(["assess", "--period", "2025", ...files, "--json"])
    expect(r.stderr).toBe("")
    const a = r.json() as Assess
    expect(a.stored).toBe(false)
    expect(a.previous_source).toBe("computed")
    const z = new Map(a.clusters.map((c) => [c.id, c]))
    // Weights 3:1 → 75 and 25 points. County 2025: revenue 10/30/20/30 (min 10, max 30); energy (negative)
    // 1.0/2.0/0.5/2.0 (min 0.5, max 2): a = 25·(2−1)/1.5, b = d = 75, c = 75·0.5 + 25 = 62.5.
    expect(z.get("a")!.score).toBeCloseTo(50 / 3, 12)
    expect(z.get("b")!.score).toBeCloseTo(75, 12)
    expect(z.get("c")!.score).toBeCloseTo(62.5, 12)
    expect(z.get("d")!.score).toBeCloseTo(75, 12)
    expect(["a", "b", "c", "d"].map((id) => z.get(id)!.rank)).toEqual([4, 1, 3, 1])
    expect(["a", "b", "c", "d"].map((id) => z.get(id)!.reward)).toEqual([false, true, false, true])
    // 2024: a = 100 (1st), c = d = 37.5 + 25·(2−1)/1.5 (2nd, tied), b = 0 (4th).
    expect(["a", "b", "c", "d"].map((id) => z.get(id)!.rank_change)).toEqual([-3, 3, -1, 1])
    expect(z.get("e")).toMatchObject({ status: "excluded", rank: null, missing: ["energy_per_value_added"] })
    // Urban: u1 = 25·(3−1)/2 = 25, u2 = 75; u3 is vetoed by the stated fact.
    expect(z.get("u1")).toMatchObject({ rank: 2, reward: false })
    expect(z.get("u2")).toMatchObject({ rank: 1, reward: true })
    expect(z.get("u1")!.score).toBeCloseTo(25, 12)
    expect(z.get("u3")).toMatchObject({ status: "vetoed", rank: null, score: null })
    expect(z.get("u3")!.veto!.reason.zh).toContain("发生重大污染")
  })

  it("gives the same stability analysis for the same seed", async () => {
    const run = async () => (await runCli(["assess", "--period", "2025", ...files, "--stability", "200", "--seed", "5", "--json"])).json() as Assess
    const a = await run()
    const b = await run()
    expect(a.stability).toMatchObject({ draws: 200, seed: 5 })
    for (const c of a.clusters.filter((x) => x.status === "ranked")) {
      const s = c.stability!
      expect(s.min).toBeLessThanOrEqual(s.p5)
      expect(s.p5).toBeLessThanOrEqual(s.median)
      expect(s.median).toBeLessThanOrEqual(s.p95)
      expect(s.p95).toBeLessThanOrEqual(s.max)
      expect(s.reward_share).toBeGreaterThanOrEqual(0)
      expect(s.reward_share).toBeLessThanOrEqual(1)
    }
    // u2 leads u1 on revenue, u1 on energy: the urban group of two always ranks 1 and 2.
    expect(a.clusters.find((c) => c.id === "u2")!.stability!.max).toBeLessThanOrEqual(2)
    expect(b.clusters.map((c) => c.stability)).toEqual(a.clusters.map((c) => c.stability))
  })

  it("rates stars against the previous period: promotion, demotion below entry, exact thresholds", async () => {
    const r = await runCli([
      "assess",
      "--period",
      "2025",
      "--scheme",
      "henan-service-two-zones",
      "--data",
      fx("stars-data.csv"),
      "--clusters",
      fx("stars-zones.csv"),
      "--json",
    ])
    expect(r.code).toBe(0)
    const z = new Map((r.json() as Assess).clusters.map((c) => [c.id, c]))
    // p1: 1 star in 2024 (6亿 / 0.8亿 / 0.31万 ≥ 5 / 0.75 / 0.3), 2 stars in 2025 (10 / 1.4 / 0.55 ≥ 9.1 / 1.37 / 0.546).
    expect(z.get("p1")).toMatchObject({ stars: 2, star_change: "promoted" })
    // p2: 1.9亿 of value added is below the 2亿 entry threshold: not rated, demoted from 1 star.
    expect(z.get("p2")).toMatchObject({ stars: null, star_change: "demoted" })
    // p3: entry only (0 stars) in 2024; exactly the one-star thresholds (5 / 0.75 / 0.3) in 2025.
    expect(z.get("p3")).toMatchObject({ stars: 1, star_change: "promoted" })
  })

  it("names the row of a data file that refers to an unknown zone", async () => {
    const r = await runCli(["assess", "--period", "2025", "--data", fx("data.csv"), "--clusters", fx("zones-short.csv"), "--json"])
    expect(r.code).toBe(1)
    const e = (r.json() as Failure).error
    expect(e.code).toBe("invalid_rows")
    expect(e.message).toMatch(/row \d+, cluster "u3": unknown cluster/)
  })
})
