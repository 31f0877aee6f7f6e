import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { TargetSetJson } from "@jiju/domain"
import { toWire } from "@jiju/domain/contract"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

type Progress = {
  id: string
  actual: number | null
  target: number
  attained: boolean | null
  gap: number | null
  required_annual_growth: number | null
  missing: string[]
}
type Tracking = { set_id: string; target_year: number; years_left: number; zones: number; targets: Progress[]; assumptions: { en: string }[] }
type Failure = { error: { code: string; message: string } }

const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
const files = ["--data", fx("targets-data.csv"), "--clusters", fx("targets-zones.csv")]
const run = async (...args: string[]) => {
  const r = await runCli(["targets", "--period", "2025", ...files, ...args, "--json"])
  expect(r.stderr).toBe("")
  expect(r.code).toBe(0)
  return r.json() as Tracking
}

// Region 410621 holds g1, g2, g3: revenue 120, 60, 40 in 2025 (60, 30, 20 in 2020); industrial value added 30, 20, 10;
// GDP 100.
describe("jiju targets on hand-made data files", () => {
  it("衡水 targets for one county: counts above 100亿 and 50亿, and the clusters' share of the economy", async () => {
    const t = await run("--set", "hengshui", "--region", "410621", "--target-year", "2027")
    expect(t.zones).toBe(3)
    expect(t.assumptions).toEqual([])
    const by = new Map(t.targets.map((x) => [x.id, x]))
    expect(by.get("above_100")).toMatchObject({ actual: 1, target: 3, attained: false })
    expect(by.get("above_50")).toMatchObject({ actual: 2, target: 8, attained: false })
    expect(by.get("economy_share")!.actual).toBeCloseTo(0.6, 12)
    expect(by.get("economy_share")!.gap).toBeCloseTo(0.05, 12)
    expect(by.get("economy_share")!.attained).toBe(false)
    // The zones file gives no level: the three zones cannot be placed, and 3 at most is short of 6 whatever they are.
    expect(by.get("city_clusters")).toMatchObject({ actual: null, target: 6, attained: false, missing: ["g1", "g2", "g3"] })
  })

  it("the documents' years by default, stated; 大连's two stages each with its year and quote", async () => {
    const t = await run("--set", "dalian")
    expect(t.target_year).toBe(2018)
    expect(t.assumptions.map((a) => a.en)).toEqual([expect.stringContaining("2018")])
    const by = new Map(t.targets.map((x) => [x.id, x as Progress & { due_year: number; source: { quote: string } }]))
    expect(by.get("output_total")).toMatchObject({ due_year: 2015, target: 8800 })
    expect(by.get("output_total_2")).toMatchObject({ due_year: 2018, target: 13000 })
    expect(by.get("output_total_2")!.source.quote).toContain("13000亿元")
    const table = await runCli(["targets", "--period", "2025", ...files, "--set", "shaanxi"])
    expect(table.code).toBe(0)
    expect(table.stdout).toContain("stage3_sales")
    expect(table.stdout).toContain("依据 stage3_sales: 销售收入达到20000亿元,增加值约8000亿元")
  })

  it("a target set from a file: total with the growth needed, and realised annual growth", async () => {
    const t = await run("--set", fx("targets-set.json"), "--region", "410621")
    expect(t).toMatchObject({ set_id: "county-plan", target_year: 2028, years_left: 3 })
    const [total, growth] = t.targets
    // 220 now, 292.82 = 220 × 1.1³ due in 2028: 10 % a year closes the gap.
    expect(total).toMatchObject({ actual: 220, attained: false })
    expect(total!.gap).toBeCloseTo(72.82, 9)
    expect(total!.required_annual_growth).toBeCloseTo(0.1, 9)
    // 110 in 2020 to 220 in 2025: 2^(1/5) − 1 a year.
    expect(growth!.actual).toBeCloseTo(2 ** 0.2 - 1, 12)
    expect(growth!.attained).toBe(true)
    // Without --region g4 joins; it has no 2020 value, so growth cannot be computed and g4 is named.
    const all = await run("--set", fx("targets-set.json"))
    expect(all.targets[0]!.actual).toBe(420)
    expect(all.targets[1]).toMatchObject({ actual: null, attained: null, missing: ["g4"] })
  })

  it("reads a target set written as the API's body carries it (snake_case), with the same result", async () => {
    const camel = JSON.parse(readFileSync(fx("targets-set.json"), "utf8")) as Record<string, unknown>
    const dir = mkdtempSync(join(tmpdir(), "jiju-targets-"))
    try {
      const file = join(dir, "wire-set.json")
      writeFileSync(file, JSON.stringify(toWire(TargetSetJson, camel)))
      expect(readFileSync(file, "utf8")).toContain('"target_year"')
      expect(await run("--set", file, "--region", "410621")).toEqual(await run("--set", fx("targets-set.json"), "--region", "410621"))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("labels defaults as assumptions, prints a table, and fails precisely", async () => {
    const d = await run("--set", "shaanxi")
    expect(d.assumptions.map((a) => a.en).join(" ")).toMatch(/target year 2015.*base year 2008/)
    const table = await runCli(["targets", "--period", "2025", ...files, "--set", "dalian"])
    expect(table.stdout).toContain("目标 Target")
    const bad = await runCli(["targets", "--period", "2025", ...files, "--set", fx("targets-bad.json"), "--json"])
    expect(bad.code).toBe(1)
    expect((bad.json() as Failure).error.message).toContain("targets.0.min")
    const unknown = await runCli(["targets", "--period", "2025", ...files, "--set", "paris", "--json"])
    expect((unknown.json() as Failure).error.code).toBe("unknown_target_set")
    const region = await runCli(["targets", "--period", "2025", ...files, "--set", "dalian", "--region", "110000", "--json"])
    expect((region.json() as Failure).error.code).toBe("unknown_region")
  })
})
