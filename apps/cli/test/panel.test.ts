import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { tempFiles } from "./spatial.js"

const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))
const pfile = (name: string) => join(fixtures, "panel", name)
const golden = <T>(rel: string): T => JSON.parse(readFileSync(join(fixtures, rel), "utf8")) as T
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)
const errorOf = (r: { json: () => unknown }) => (r.json() as { error: { code: string; message: string } }).error

interface PlmResult {
  names: string[]
  estimate: number[]
  se: number[]
  p: number[]
  cluster_se: number[]
  df_residual: number
  r2: number
  n: number
  units: number
  periods: number
}
interface PlmGolden {
  formula: string
  unit: string
  period: string
  results: Record<string, PlmResult>
}
interface Coef {
  estimate: number
  se: number
  cluster_se: number | null
  p: number
}
type Out = Record<string, unknown> & { coefficients: Record<string, Coef> }

const expectLikePlm = (out: Out, r: PlmResult) => {
  expect(out.n).toBe(r.n)
  expect(out.units).toBe(r.units)
  expect(out.periods).toBe(r.periods)
  expect(out.df_residual).toBe(r.df_residual)
  expect(rel(out.r2_within as number, r.r2)).toBeLessThan(1e-8)
  expect(Object.keys(out.coefficients)).toEqual(r.names)
  r.names.forEach((name, j) => {
    const c = out.coefficients[name]!
    expect(rel(c.estimate, r.estimate[j]!)).toBeLessThan(1e-6)
    expect(rel(c.se, r.se[j]!)).toBeLessThan(1e-5)
    expect(rel(c.cluster_se!, r.cluster_se[j]!)).toBeLessThan(1e-5)
    expect(rel(c.p, r.p[j]!)).toBeLessThan(1e-5)
  })
}

describe("jiju panel", () => {
  for (const effects of ["individual", "time", "twoways"])
    it(`Produc ${effects} effects: the JSON contract and plm values`, async () => {
      const g = golden<PlmGolden>("panel/produc.json")
      const r = await runCli([
        "panel",
        "--data",
        pfile("produc.csv"),
        "--unit",
        "state",
        "--period",
        "year",
        "--formula",
        g.formula,
        "--effects",
        effects,
        "--json",
      ])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as Out
      for (const k of ["n", "units", "periods", "coefficients", "r2_within", "df_residual"]) expect(out).toHaveProperty(k)
      expectLikePlm(out, g.results[effects]!)
    })

  it("unbalanced Grunfeld, two-way: plm values; a regressor constant within firms is reported as dropped", async () => {
    const g = golden<PlmGolden>("panel/grunfeld_unbalanced_size.json")
    const r = await runCli(["panel", "--data", pfile("grunfeld_unbalanced.csv"), "--unit", "firm", "--period", "year", "--formula", g.formula, "--json"])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json() as Out
    expectLikePlm(out, g.results.twoways!)
    expect(out.dropped).toEqual([{ name: "size", reason: expect.objectContaining({ en: expect.stringMatching(/no variation/) }) }])
  })

  it("text output: a coefficient table with classic and cluster-robust s.e.", async () => {
    const r = await runCli(["panel", "--data", pfile("grunfeld.csv"), "--unit", "firm", "--period", "year", "--formula", "inv ~ value + capital"])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain("Cluster s.e.")
    expect(r.stdout).toContain("Within R-squared")
    expect(r.stdout).toMatch(/^value\s+0\.11/m)
  })

  for (const model of ["lag", "error"] as const)
    it(`--model ${model}: calls the ML spatial panel estimator`, async () => {
      type Fit = { coefficients: Record<string, Coef>; rho?: Coef; lambda?: Coef; logLik: number }
      const g = golden<{ N: number; unit: number[]; time: number[]; X: number[][]; y_lag: number[]; y_error: number[]; fits: Record<string, Fit> }>(
        "spatial/columbus_panel.json",
      )
      const y = model === "lag" ? g.y_lag : g.y_error
      // units are columbus POLYIDs 1..49 in col.gal.nb order
      const csv = ["unit,year,y,x1,x2,x3", ...y.map((v, i) => [g.unit[i]! + 1, 2000 + g.time[i]!, v, ...g.X[i]!].join(","))].join("\n")
      const dir = tempFiles({ "p.csv": csv })
      const r = await runCli([
        "panel",
        "--data",
        join(dir, "p.csv"),
        "--unit",
        "unit",
        "--period",
        "year",
        "--formula",
        "y ~ x1 + x2 + x3",
        "--model",
        model,
        "--effects",
        "twoways",
        "--weights",
        join(fixtures, "ols", "columbus.gal"),
        "--json",
      ])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as Out & Fit
      const R = g.fits[`${model}_twoways`]!
      const par = model === "lag" ? "rho" : "lambda"
      expect(rel(out[par]!.estimate, R[par]!.estimate)).toBeLessThan(1e-6)
      for (const [name, c] of Object.entries(R.coefficients)) expect(rel(out.coefficients[name]!.estimate, c.estimate)).toBeLessThan(1e-6)
      expect(rel(out.logLik, R.logLik)).toBeLessThan(1e-8)
      expect(out.units).toBe(49)
      expect(out.periods).toBe(8)
    })

  describe("failures", () => {
    it("unknown unit column", async () => {
      const r = await runCli(["panel", "--data", pfile("grunfeld.csv"), "--unit", "company", "--period", "year", "--formula", "inv ~ value", "--json"])
      expect(r.code).toBe(1)
      expect(errorOf(r).code).toBe("unknown_column")
    })
    it("a unit observed twice in a period", async () => {
      const lines = readFileSync(pfile("grunfeld.csv"), "utf8").trimEnd().split("\n")
      const dir = tempFiles({ "dup.csv": [...lines, lines[1]!].join("\n") })
      const r = await runCli(["panel", "--data", join(dir, "dup.csv"), "--unit", "firm", "--period", "year", "--formula", "inv ~ value", "--json"])
      expect(r.code).toBe(1)
      expect(errorOf(r).code).toBe("duplicate_observation")
      expect(errorOf(r).message).toContain("rows 1 and 201")
    })
    it("non-numeric cell and bad flags", async () => {
      const lines = readFileSync(pfile("grunfeld.csv"), "utf8").split("\n")
      lines[5] = lines[5]!.replace(/^(\d+),(\d+),([^,]+),/, "$1,$2,n/a?,")
      const dir = tempFiles({ "bad.csv": lines.join("\n") })
      const r = await runCli(["panel", "--data", join(dir, "bad.csv"), "--unit", "firm", "--period", "year", "--formula", "inv ~ value", "--json"])
      expect(r.code).toBe(1)
      expect(errorOf(r).code).toBe("not_numeric")
      const b = await runCli([
        "panel",
        "--data",
        pfile("grunfeld.csv"),
        "--unit",
        "firm",
        "--period",
        "year",
        "--formula",
        "inv ~ value",
        "--effects",
        "both",
        "--json",
      ])
      expect(b.code).toBe(2)
      const c = await runCli([
        "panel",
        "--data",
        pfile("grunfeld.csv"),
        "--unit",
        "firm",
        "--period",
        "year",
        "--formula",
        "inv ~ value",
        "--model",
        "lag",
        "--json",
      ])
      expect(c.code).toBe(2)
      expect(errorOf(c).code).toBe("missing_weights")
    })
  })

  describe("random effects, spatial diagnostics, Durbin panels and --by", () => {
    const sp = (f: string) => join(fixtures, "spatial_panel", f)
    const base = ["--data", sp("produc.csv"), "--unit", "state", "--period", "year", "--formula", "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp"]
    const elhorst = golden<{
      fits: Record<string, { rho?: { estimate: number }; lambda?: { estimate: number } }>
      lm: Record<string, { lm_error: { statistic: number } }>
      effects_lr: { unit: { statistic: number; df: number } }
    }>("spatial_panel/produc.json")

    it("--model re: Swamy–Arora coefficients, θ and the Hausman test as plm", async () => {
      const g = golden<{ results: { individual: { estimate: number[]; theta: number; hausman: { statistic: number } } } }>("spatial_panel/re_produc.json")
      const r = await runCli(["panel", ...base, "--model", "re", "--effects", "individual", "--json"])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as Out & { theta: { id: number }; hausman: { statistic: number; df: number; p: number } }
      expect(rel(out.coefficients["log(pc)"]!.estimate, g.results.individual.estimate[2]!)).toBeLessThan(1e-6)
      expect(rel(out.theta.id, g.results.individual.theta)).toBeLessThan(1e-8)
      expect(rel(out.hausman.statistic, g.results.individual.hausman.statistic)).toBeLessThan(1e-6)
      const text = await runCli(["panel", ...base, "--model", "re", "--effects", "individual"])
      expect(text.stdout).toContain("Hausman test")
    })

    it("--model fe with weights adds Elhorst's LM tests and the LR tests of the effects", async () => {
      const r = await runCli(["panel", ...base, "--weights", sp("usa48.gal"), "--json"])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as Out & { diagnostics: { lm_error: { statistic: number } }; effects_lr: { unit: { statistic: number; df: number } } }
      expect(rel(out.diagnostics.lm_error.statistic, elhorst.lm.twoways!.lm_error.statistic)).toBeLessThan(1e-8)
      expect(out.effects_lr.unit.df).toBe(48)
      expect(rel(out.effects_lr.unit.statistic, elhorst.effects_lr.unit.statistic)).toBeLessThan(1e-8)
    })

    it("--model error demeans first (λ = 0.3909 on Produc, two-way), durbin with --bias-correction lee-yu", async () => {
      const e = await runCli(["panel", ...base, "--model", "error", "--weights", sp("usa48.gal"), "--json"])
      expect(e.code, e.stderr).toBe(0)
      const eo = e.json() as { lambda: { estimate: number }; conventions: { error: string } }
      expect(rel(eo.lambda.estimate, elhorst.fits.error_twoways_none!.lambda!.estimate)).toBeLessThan(1e-6)
      expect(eo.lambda.estimate.toFixed(4)).toBe("0.3909")
      expect(eo.conventions.error).toMatch(/demeaned first/)
      const d = await runCli(["panel", ...base, "--model", "durbin", "--bias-correction", "lee-yu", "--weights", sp("usa48.gal"), "--json"])
      expect(d.code, d.stderr).toBe(0)
      const dout = d.json() as { rho: { estimate: number }; bias_correction: string; impacts: Record<string, unknown> }
      expect(dout.bias_correction).toBe("lee-yu")
      expect(rel(dout.rho.estimate, elhorst.fits.durbin_twoways_leeyu!.rho!.estimate)).toBeLessThan(1e-6)
      expect(Object.keys(dout.impacts)).toHaveLength(4)
    })

    it("--by zone runs the model per zone and compares them in one table", async () => {
      const r = await runCli(["panel", ...base, "--model", "lag", "--weights", sp("usa48.gal"), "--by", "zone", "--json"])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as { by: string; groups: Array<{ group: string; units: number }>; table: { terms: string[]; rows: Array<{ group: string }> } }
      expect(out.by).toBe("zone")
      expect(out.groups.map((g) => g.group).sort()).toEqual(["central", "east", "west"])
      expect(out.table.terms).toContain("rho")
      const text = await runCli(["panel", ...base, "--model", "fe", "--by", "zone"])
      expect(text.code, text.stderr).toBe(0)
      expect(text.stdout).toContain("Comparison by zone")
    })
  })
})
