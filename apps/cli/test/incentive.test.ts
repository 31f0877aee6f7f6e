import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

type Year = { year: number; rule: string; status: string; returned: number | null }
type Zone = {
  cluster_id: string
  base: { total: number | null }
  years: Year[]
  total_returned: number | null
  known_returned: number
  total_status: string
  missing_years: number[]
}
type Incentive = { policy: { base_year: number }; assumptions: { en: string }[]; rules: { id: string; source: { kind: string } }[]; results: Zone[] }
type Failure = { error: { code: string } }

const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
const files = ["--data", fx("incentive-data.csv"), "--clusters", fx("incentive-zones.csv")]
const run = async (...args: string[]) => {
  const r = await runCli(["incentive", ...files, ...args, "--json"])
  expect(r.stderr).toBe("")
  return r.json() as Incentive
}

// t1's three taxes (增值税 + 营业税 + 企业所得税): 2009 20 (the base), 2010 24, 2011 19, 2012 30, 2013 32, 2014 28,
// 2015 incomplete (no 企业所得税).
describe("jiju incentive on a hand-made data file", () => {
  it("the documents' rule by default: 2010–2012 share above the base, no year-on-year return", async () => {
    const out = await run("--share", "0.25", "--cluster", "t1")
    const t1 = out.results[0]!
    expect(t1.years.map((y) => [y.year, y.rule, y.returned])).toEqual([
      [2010, "full_return_above_base", 1],
      [2011, "full_return_above_base", 0],
      [2012, "full_return_above_base", 2.5],
    ])
    expect(t1).toMatchObject({ total_returned: 3.5, known_returned: 3.5, total_status: "complete", missing_years: [] })
    expect(out.rules.map((r) => r.id)).not.toContain("p8.incentive.yoy")
  })

  it("Henan's later practice as an option: 2010–2012 share above the base, 2013–2015 the year-on-year increase", async () => {
    const out = await run("--share", "0.25", "--cluster", "t1", "--rule", "full_refund_then_yoy")
    const t1 = out.results[0]!
    expect(t1.base.total).toBe(20)
    const returned = t1.years.map((y) => [y.year, y.rule, y.returned])
    // 0.25 × (24 − 20), 0 (below the base), 0.25 × (30 − 20); then 0.25 × (32 − 30), 0 (a fall), missing.
    expect(returned).toEqual([
      [2010, "full_return_above_base", 1],
      [2011, "full_return_above_base", 0],
      [2012, "full_return_above_base", 2.5],
      [2013, "increase_return", 0.5],
      [2014, "increase_return", 0],
      [2015, "increase_return", null],
    ])
    expect(t1.missing_years).toEqual([2015])
    // 2015 is missing: no total, the known part a floor.
    expect(t1).toMatchObject({ total_returned: null, total_status: "missing" })
    expect(t1.known_returned).toBeCloseTo(4, 12)
    expect(out.assumptions).toEqual([])
    expect(out.rules.find((r) => r.id === "p8.incentive.yoy")?.source.kind).toBe("practice")
  })

  it("one rule over a chosen range; a zone without data has no total, never 0", async () => {
    const full = (await run("--rule", "full_refund", "--from", "2010", "--to", "2012", "--share", "0.4", "--cluster", "t1")).results[0]!
    expect(full.years.map((y) => y.returned)).toEqual([expect.closeTo(1.6, 12), 0, expect.closeTo(4, 12)])
    const yoy = (await run("--rule", "yoy", "--from", "2011", "--to", "2012", "--share", "0.5", "--cluster", "t1")).results[0]!
    // 0.5 × (19 − 24) < 0 → 0; 0.5 × (30 − 19) = 5.5.
    expect(yoy.years.map((y) => [y.year, y.rule, y.returned])).toEqual([
      [2011, "increase_return", 0],
      [2012, "increase_return", 5.5],
    ])
    const all = await run("--share", "0.25")
    expect(all.assumptions).toEqual([])
    const t2 = all.results.find((z) => z.cluster_id === "t2")!
    expect(t2.years.every((y) => y.status === "missing" && y.returned === null)).toBe(true)
    expect(t2).toMatchObject({ total_returned: null, known_returned: 0, total_status: "missing" })
  })

  it("a readable table, and precise errors", async () => {
    const t = await runCli(["incentive", ...files, "--share", "0.25"])
    expect(t.code).toBe(0)
    expect(t.stdout).toContain("基数 Base 2009")
    // t2 has no data: its total is a dash, not 0.00.
    const t2row = t.stdout.split("\n").find((l) => l.includes("t2"))!
    expect(t2row).toContain("— (≥ 0.00)")
    expect(t.stdout).toContain("依据 p8.incentive.share")
    const none = await runCli(["incentive", ...files, "--json"])
    expect(none.code).toBe(2)
    expect((none.json() as Failure).error.code).toBe("missing_share")
    const rule = await runCli(["incentive", ...files, "--share", "0.25", "--rule", "half", "--json"])
    expect(rule.code).toBe(2)
    const share = await runCli(["incentive", ...files, "--share", "1.5", "--json"])
    expect(share.code).toBe(2)
    const base = await runCli(["incentive", ...files, "--share", "0.25", "--base-year", "2001", "--json"])
    expect((base.json() as Failure).error.code).toBe("unknown_period")
    const unknown = await runCli(["incentive", ...files, "--share", "0.25", "--cluster", "nope", "--json"])
    expect((unknown.json() as Failure).error.code).toBe("unknown_cluster")
  })
})
