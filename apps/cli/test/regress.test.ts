import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { tempFiles } from "./spatial.js"

const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))
const ofile = (name: string) => join(fixtures, "ols", name)
const golden = <T>(rel: string): T => JSON.parse(readFileSync(join(fixtures, rel), "utf8")) as T
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

interface Test {
  statistic: number
  p: number
}
interface OlsGolden {
  formula: string
  n_dropped: number
  ols: { names: string[]; estimate: number[]; se: number[]; t: number[]; p: number[]; sigma2: number; r2: number; logLik: number; aic: number; n: number }
  diagnostics: {
    moran: { I: number; expected: number; variance: number; z: number; p: number }
    LMerr: Test
    LMlag: Test
    RLMerr: Test
    RLMlag: Test
    SARMA: Test
  }
}
interface Est {
  estimate: number
  se: number
  z: number
  p: number
}
type Out = Record<string, unknown> & {
  coefficients: Record<string, Est>
  diagnostics: Record<string, Test & { I: number; expected: number; variance: number; z: number }>
}
const errorOf = (r: { json: () => unknown }) => (r.json() as { error: { code: string; message: string } }).error

const columbus = ["--data", ofile("columbus.csv"), "--id", "POLYID", "--weights", ofile("columbus.gal")]

const expectOlsLikeR = (out: Out, g: OlsGolden) => {
  expect(out.n).toBe(g.ols.n)
  expect(out.n_dropped).toBe(g.n_dropped)
  g.ols.names.forEach((name, j) => {
    const c = out.coefficients[name.replace(/\s+/g, "")]!
    expect(rel(c.estimate, g.ols.estimate[j]!)).toBeLessThan(1e-6)
    expect(rel(c.se, g.ols.se[j]!)).toBeLessThan(1e-5)
    expect(rel(c.z, g.ols.t[j]!)).toBeLessThan(1e-6)
    expect(rel(c.p, g.ols.p[j]!)).toBeLessThan(1e-5)
  })
  expect(rel(out.sigma2 as number, g.ols.sigma2)).toBeLessThan(1e-8)
  expect(rel(out.r2 as number, g.ols.r2)).toBeLessThan(1e-8)
  expect(rel(out.logLik as number, g.ols.logLik)).toBeLessThan(1e-8)
  expect(rel(out.aic as number, g.ols.aic)).toBeLessThan(1e-8)
  const d = out.diagnostics
  const m = d.moran_residuals!
  for (const k of ["I", "expected", "variance", "z", "p"] as const) expect(rel(m[k], g.diagnostics.moran[k])).toBeLessThan(1e-6)
  const pairs: Array<[string, Test]> = [
    ["lm_error", g.diagnostics.LMerr],
    ["lm_lag", g.diagnostics.LMlag],
    ["robust_lm_error", g.diagnostics.RLMerr],
    ["robust_lm_lag", g.diagnostics.RLMlag],
    ["sarma", g.diagnostics.SARMA],
  ]
  for (const [k, r] of pairs) {
    expect(rel(d[k]!.statistic, r.statistic)).toBeLessThan(1e-6)
    expect(rel(d[k]!.p, r.p)).toBeLessThan(1e-6)
  }
}

describe("jiju regress", () => {
  it("OLS on columbus: the JSON contract, lm + lm.morantest + lm.LMtests values", async () => {
    const g = golden<OlsGolden>("ols/columbus.json")
    const r = await runCli(["regress", ...columbus, "--formula", "CRIME ~ INC + HOVAL", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json() as Out
    for (const k of ["model", "n", "k", "coefficients", "sigma2", "logLik", "aic", "lr", "r2", "diagnostics", "recommendation", "n_dropped"])
      expect(out).toHaveProperty(k)
    expect(Object.keys(out.diagnostics)).toEqual(["moran_residuals", "lm_error", "lm_lag", "robust_lm_error", "robust_lm_lag", "sarma"])
    expect(out.model).toBe("ols")
    expect(out.k).toBe(3)
    expectOlsLikeR(out, g)
    expect((out.recommendation as { model: string }).model).toBe("lag")
  })

  it("OLS on Boston with log() and I(RM^2) terms (boston.soi weights)", async () => {
    const g = golden<OlsGolden>("ols/boston.json")
    const r = await runCli(["regress", "--data", ofile("boston.csv"), "--id", "id", "--weights", ofile("boston.gal"), "--formula", g.formula, "--json"])
    expect(r.code, r.stderr).toBe(0)
    expectOlsLikeR(r.json() as Out, g)
  })

  it("drops rows with missing values, counts them and subsets the weights as spdep does", async () => {
    const g = golden<OlsGolden>("ols/columbus_missing.json")
    const r = await runCli([
      "regress",
      "--data",
      ofile("columbus_missing.csv"),
      "--id",
      "POLYID",
      "--weights",
      ofile("columbus.gal"),
      "--formula",
      g.formula,
      "--json",
    ])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json() as Out
    expect(out.n_dropped).toBe(3)
    expect(out.dropped_rows).toEqual([5, 17, 30])
    expectOlsLikeR(out, g)
  })

  it("OLS without weights has no diagnostics; the text report looks like summary.lm", async () => {
    const j = await runCli(["regress", "--data", ofile("columbus.csv"), "--formula", "CRIME ~ INC + HOVAL", "--json"])
    expect(j.code, j.stderr).toBe(0)
    expect(j.json()).not.toHaveProperty("diagnostics")
    const t = await runCli(["regress", ...columbus, "--formula", "CRIME ~ INC + HOVAL"])
    expect(t.code, t.stderr).toBe(0)
    expect(t.stdout).toContain("(Intercept)")
    expect(t.stdout).toContain("Pr(>|t|)")
    expect(t.stdout).toContain("Robust LM-lag")
    expect(t.stdout).toContain("建议")
  })

  for (const model of ["lag", "error"] as const)
    it(`--model ${model} calls the ML spatial estimator (spatialreg values)`, async () => {
      const R = golden<{ [m: string]: { eigen: Record<string, unknown> & { coefficients: Record<string, Est> } } }>("spatial/columbus.json")[model]!.eigen
      const r = await runCli(["regress", ...columbus, "--formula", "CRIME ~ INC + HOVAL", "--model", model, "--json"])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as Out
      expect(out.model).toBe(model)
      const par = model === "lag" ? "rho" : "lambda"
      expect(rel((out[par] as Est).estimate, (R[par] as Est).estimate)).toBeLessThan(1e-6)
      for (const [name, c] of Object.entries(R.coefficients)) expect(rel(out.coefficients[name]!.estimate, c.estimate)).toBeLessThan(1e-6)
      expect(rel(out.logLik as number, R.logLik as number)).toBeLessThan(1e-8)
      expect(out).toHaveProperty("lr")
      expect(out).toHaveProperty("diagnostics")
    })

  describe("failures", () => {
    it("unknown column: exit 1, code unknown_column, lists the columns", async () => {
      const r = await runCli(["regress", ...columbus, "--formula", "CRIME ~ INCOME", "--json"])
      expect(r.code).toBe(1)
      expect(errorOf(r).code).toBe("unknown_column")
      expect(errorOf(r).message).toContain("POLYID, CRIME, INC, HOVAL")
    })
    it("non-numeric cell: names row, column and value", async () => {
      const text = readFileSync(ofile("columbus.csv"), "utf8").split("\n")
      const cells = text[3]!.split(",")
      cells[2] = "abc" // INC of data row 3
      text[3] = cells.join(",")
      const dir = tempFiles({ "bad.csv": text.join("\n") })
      const r = await runCli(["regress", "--data", join(dir, "bad.csv"), "--formula", "CRIME ~ INC + HOVAL", "--json"])
      expect(r.code).toBe(1)
      expect(errorOf(r).code).toBe("not_numeric")
      expect(errorOf(r).message).toMatch(/"abc".*"INC", row 3/)
    })
    it("singular design (a duplicated regressor) names the collinear term", async () => {
      const r = await runCli(["regress", ...columbus, "--formula", "CRIME ~ INC + HOVAL + I(2 * INC)", "--json"])
      expect(r.code).toBe(1)
      expect(errorOf(r).code).toBe("singular_design")
      expect(errorOf(r).message).toContain('"I(2*INC)" is collinear with "INC"')
    })
    it("weights ids that do not match the data", async () => {
      // data id 49 renamed 4900: the GAL file still says 49
      const csv = readFileSync(ofile("columbus.csv"), "utf8").replace(/^49,/m, "4900,")
      const dir = tempFiles({ "d.csv": csv })
      const r = await runCli([
        "regress",
        "--data",
        join(dir, "d.csv"),
        "--id",
        "POLYID",
        "--weights",
        ofile("columbus.gal"),
        "--formula",
        "CRIME ~ INC",
        "--json",
      ])
      expect(r.code).toBe(1)
      expect(errorOf(r).message).toContain("4900")
      expect(errorOf(r).code).toBe("ids_mismatch")
    })
    it("usage errors exit 2: spatial model without weights, unknown model", async () => {
      const a = await runCli(["regress", "--data", ofile("columbus.csv"), "--formula", "CRIME ~ INC", "--model", "lag", "--json"])
      expect(a.code).toBe(2)
      expect(errorOf(a).code).toBe("missing_weights")
      const b = await runCli(["regress", "--data", ofile("columbus.csv"), "--formula", "CRIME ~ INC", "--model", "probit", "--json"])
      expect(b.code).toBe(2)
      const c = await runCli(["regress", "--data", ofile("columbus.csv"), "--formula", "CRIME ~ (INC", "--json"])
      expect(c.code).toBe(1)
      expect(errorOf(c).code).toBe("formula_syntax")
    })
  })

  describe("spatial Durbin family", () => {
    const durbin = golden<{
      sdm: { coefficients: Record<string, Est>; rho: Est }
      sac: { rho: Est; lambda: Est }
      sdem: { impacts_se: Record<string, { direct: number; indirect: number; total: number }> }
      reductions: { lag: { lr: Test & { df: number } } }
    }>("durbin/columbus.json")
    const sp = (f: string) => join(fixtures, "spatial", f)
    const base = ["--data", sp("columbus.csv"), "--id", "id", "--weights", sp("columbus.gal"), "--formula", "CRIME ~ INC + HOVAL"]

    it("--model durbin: lag.<term> coefficients, impacts, reductions with a bilingual verdict, variance_method", async () => {
      const r = await runCli(["regress", ...base, "--model", "durbin", "--json"])
      expect(r.code, r.stderr).toBe(0)
      const out = r.json() as Out & {
        rho: Est
        impacts: Record<string, { direct: number }>
        reductions: { lag: { lr: Test & { df: number }; wald: Test }; error: unknown; verdict: { model: string; en: string; zh: string } }
        variance_method: string
        durbin_terms: string[]
      }
      expect(Object.keys(out.coefficients)).toEqual(["(Intercept)", "INC", "HOVAL", "lag.INC", "lag.HOVAL"])
      expect(out.durbin_terms).toEqual(["INC", "HOVAL"])
      expect(rel(out.coefficients["lag.INC"]!.estimate, durbin.sdm.coefficients["lag.INC"]!.estimate)).toBeLessThan(1e-6)
      expect(rel(out.rho.estimate, durbin.sdm.rho.estimate)).toBeLessThan(1e-6)
      expect(out.variance_method).toBe("information")
      expect(rel(out.reductions.lag.lr.statistic, durbin.reductions.lag.lr.statistic)).toBeLessThan(1e-6)
      expect(out.reductions.verdict.zh).toMatch(/模型/)
      expect(out.reductions.verdict.en.length).toBeGreaterThan(10)
      expect(Object.keys(out.impacts)).toEqual(["INC", "HOVAL"])
    })

    it("--model sac and sdem, --variance hessian, --durbin, text output", async () => {
      const sac = await runCli(["regress", ...base, "--model", "sac", "--variance", "hessian", "--json"])
      expect(sac.code, sac.stderr).toBe(0)
      const s = sac.json() as { rho: Est; lambda: Est; variance_method: string; lr: { df: number } }
      expect(rel(s.lambda.estimate, durbin.sac.lambda.estimate)).toBeLessThan(1e-6)
      expect(s.variance_method).toBe("hessian")
      expect(s.lr.df).toBe(2)
      const sdem = await runCli(["regress", ...base, "--model", "sdem", "--durbin", "INC", "--json"])
      expect(sdem.code, sdem.stderr).toBe(0)
      const d = sdem.json() as { coefficients: Record<string, Est>; impacts_se: Record<string, { indirect: number }> }
      expect(Object.keys(d.coefficients)).toEqual(["(Intercept)", "INC", "HOVAL", "lag.INC"])
      expect(d.impacts_se.HOVAL!.indirect).toBe(0)
      const text = await runCli(["regress", ...base, "--model", "slx"])
      expect(text.code, text.stderr).toBe(0)
      expect(text.stdout).toContain("SLX model")
      expect(text.stdout).toMatch(/^lag\.INC\s/m)
    })

    it("--impacts-se N --seed S is reproducible; misuse of the new flags is a usage or input error", async () => {
      const a = await runCli(["regress", ...base, "--model", "lag", "--impacts-se", "300", "--seed", "9", "--json"])
      const b = await runCli(["regress", ...base, "--model", "lag", "--impacts-se", "300", "--seed", "9", "--json"])
      expect(a.code, a.stderr).toBe(0)
      expect((a.json() as { impacts_se: unknown }).impacts_se).toEqual((b.json() as { impacts_se: unknown }).impacts_se)
      expect((a.json() as { impacts_simulation: { draws: number; seed: number } }).impacts_simulation).toMatchObject({ draws: 300, seed: 9 })
      const bad = await runCli(["regress", ...base, "--model", "durbin", "--durbin", "RENT", "--json"])
      expect(bad.code).toBe(1)
      expect(errorOf(bad).code).toBe("unknown_durbin_term")
      const sdem = await runCli(["regress", ...base, "--model", "sdem", "--impacts-se", "100", "--json"])
      expect(errorOf(sdem).code).toBe("impacts_se_not_applicable")
      const v = await runCli(["regress", ...base, "--model", "lag", "--variance", "sandwich", "--json"])
      expect(v.code).toBe(2)
    })
  })
})
