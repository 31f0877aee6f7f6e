import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"

type Problem = {
  id: string
  severity: number
  evidence: { indicator: string | null; value: number | null; reference: number | null; group_median: number | null }[]
  measures: { zh: string }[]
}
type Diagnosis = { cluster?: string; results: { cluster_id: string; problems: Problem[] }[] }
type Failure = { error: { code: string } }

const fx = (f: string) => join(import.meta.dirname, "fixtures", "assessment", f)
const files = ["--data", fx("diagnose-data.csv"), "--clusters", fx("diagnose-zones.csv")]

// County group investment intensity 100, 200, 300, 400: median 250, trigger below 0.7 × 250 = 175.
describe("jiju diagnose on a hand-made data file", () => {
  it("lists the triggered problems strongest first, with evidence and the documents' measures", async () => {
    const r = await runCli(["diagnose", "--cluster", "k1", "--period", "2025", ...files, "--json"])
    expect(r.stderr).toBe("")
    const d = r.json() as Diagnosis
    expect(d.cluster).toBe("k1")
    const problems = d.results[0]!.problems
    // The stated labour shortage (severity 1), land use (175 − 100)/175, sewage (90 − 80)/90.
    expect(problems.map((p) => p.id)).toEqual(["talent", "land", "environment"])
    expect(problems[1]!.severity).toBeCloseTo(75 / 175, 12)
    expect(problems[1]!.evidence[0]).toMatchObject({ indicator: "investment_intensity", value: 100, group_median: 250 })
    expect(problems[1]!.evidence[0]!.reference).toBeCloseTo(175, 12)
    expect(problems[2]!.severity).toBeCloseTo(10 / 90, 12)
    for (const p of problems) expect(p.measures.length).toBeGreaterThan(0)
  })

  it("finds nothing for a zone above every trigger; prints a table; fails precisely", async () => {
    const ok = (await runCli(["diagnose", "--cluster", "k2", "--period", "2025", ...files, "--json"])).json() as Diagnosis
    expect(ok.results[0]!.problems).toEqual([])
    const t = await runCli(["diagnose", "--cluster", "k1", "--period", "2025", ...files])
    expect(t.stdout).toContain("问题 Problem")
    expect(t.stdout).toContain("对策 measures")
    const unknown = await runCli(["diagnose", "--cluster", "nope", "--period", "2025", ...files, "--json"])
    expect(unknown.code).toBe(1)
    expect((unknown.json() as Failure).error.code).toBe("unknown_cluster")
    const period = await runCli(["diagnose", "--cluster", "k1", "--period", "2024", ...files, "--json"])
    expect((period.json() as Failure).error.code).toBe("unknown_period")
  })
})
