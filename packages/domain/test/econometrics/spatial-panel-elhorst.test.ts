// Fixed-effects spatial lag, error and Durbin panels, Elhorst's LM tests and the LR tests of the effects,
// against the reference written in R from Elhorst's conventions (scripts/golden/spatial_panel.R; splm is not
// installable): Produc (48 US states × 17 years, usa48 contiguity) and North Carolina SIDS (100 counties × 2).
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { panelAnalysis, panelByAnalysis, panelByDocument, panelDocument } from "../../src/analyses/PanelReport.js"
import { parseCsv } from "../../src/io/csv.js"
import { close, closeCoef, closeP, type RTerm } from "./spatialRegressionFixtures.js"

interface Fit {
  model: string
  effects: "individual" | "time" | "twoways"
  bias_correction: "none" | "lee-yu"
  coefficients: Record<string, RTerm>
  rho?: RTerm
  lambda?: RTerm
  sigma2: number
  logLik: number
  logLikOLS: number
  lr: { statistic: number; p: number }
  aic: number
  impacts?: Record<string, { direct: number; indirect: number; total: number }>
  hessian_se?: { spatial: number; coefficients: Record<string, number> }
}
interface Golden {
  formula: string
  unit: string
  period: string
  N: number
  T: number
  fits: Record<string, Fit>
  lm: Record<string, Record<"lm_lag" | "lm_error" | "robust_lm_lag" | "robust_lm_error", { statistic: number; p: number }>>
  effects_lr: { unit: { statistic: number; df: number; p: number }; time: { statistic: number; df: number; p: number } }
}

const read = (f: string) => readFileSync(new URL(`../fixtures/spatial_panel/${f}`, import.meta.url), "utf8")
const cases = [
  { name: "produc", gal: "usa48.gal" },
  { name: "nc_sids", gal: "nc_sids.gal" },
]

// Worst relative errors seen, per quantity (printed with JIJU_TOLERANCE_REPORT=1).
const worst: Record<string, number> = {}
const track = (key: string, a: number, b: number, scale = Math.abs(b)) => {
  worst[key] = Math.max(worst[key] ?? 0, Math.abs(a - b) / Math.max(scale, 1e-300))
}

describe("spatial panels with Elhorst's conventions", () => {
  for (const c of cases) {
    const g = JSON.parse(read(`${c.name}.json`)) as Golden
    const table = parseCsv(read(`${c.name}.csv`))
    const weights = { kind: "file" as const, format: "gal" as const, text: read(c.gal) }
    for (const [key, r] of Object.entries(g.fits))
      it(`${c.name}: ${key.replaceAll("_", " ")}`, () => {
        const a = panelAnalysis(table, {
          unit: g.unit,
          period: g.period,
          formula: g.formula,
          effects: r.effects,
          model: r.model as "lag" | "error" | "durbin",
          weights,
          biasCorrection: r.bias_correction,
          variance: "information",
        })
        if (a.model === "fe" || a.model === "re") throw new Error("unexpected model")
        const fit = a.fit
        expect(fit.units).toBe(g.N)
        expect(fit.periods).toBe(g.T)
        const label = `${c.name} ${key}`
        for (const [name, t] of Object.entries(r.coefficients)) {
          const o = fit.coefficients[name]
          expect(o, `${label} ${name}`).toBeDefined()
          closeCoef(o!.estimate, t.estimate, t.se / 10, 1e-6, `${label} ${name}`)
          close(o!.se, t.se, 1e-6, `${label} ${name} se`)
          closeP(o!.p, t.p, 1e-5, `${label} ${name} p`)
          track("estimate", o!.estimate, t.estimate, Math.max(Math.abs(t.estimate), t.se))
          track("se", o!.se, t.se)
        }
        const rp = r.rho ?? r.lambda!
        const op = fit.model === "error" ? fit.lambda : fit.rho
        close(op.estimate, rp.estimate, 1e-6, `${label} spatial parameter`)
        close(op.se, rp.se, 1e-6, `${label} spatial parameter se`)
        track("estimate", op.estimate, rp.estimate)
        track("se", op.se, rp.se)
        close(fit.sigma2, r.sigma2, 1e-6, `${label} sigma2`)
        close(fit.logLik, r.logLik, 1e-9, `${label} logLik`)
        close(fit.logLikOLS, r.logLikOLS, 1e-10, `${label} logLik of the within model`)
        close(fit.aic, r.aic, 1e-9, `${label} AIC`)
        close(fit.lr.statistic, r.lr.statistic, 1e-6, `${label} LR`)
        track("statistic", fit.lr.statistic, r.lr.statistic)
        if (r.impacts !== undefined && fit.model !== "error")
          for (const [name, imp] of Object.entries(r.impacts))
            for (const k of ["direct", "indirect", "total"] as const) {
              // Relative to the largest of the variable's three effects (the indirect effect is total − direct).
              const scale = Math.max(Math.abs(imp.direct), Math.abs(imp.indirect), Math.abs(imp.total))
              expect(Math.abs(fit.impacts[name]![k] - imp[k]), `${label} ${name} ${k}`).toBeLessThanOrEqual(1e-6 * scale)
              track("impacts", fit.impacts[name]![k], imp[k], scale)
            }
        const doc = panelDocument(a)
        expect(doc.bias_correction).toBe(r.bias_correction)
        expect(doc.variance_method).toBe("information")
        if (r.hessian_se !== undefined) {
          // The observed Hessian of the concentrated log-likelihood against numDeriv (error model: λ only,
          // its coefficients' s.e. come from σ²(X̃'X̃)⁻¹ under either method).
          const h = panelAnalysis(table, {
            unit: g.unit,
            period: g.period,
            formula: g.formula,
            effects: r.effects,
            model: r.model as "lag",
            weights,
            variance: "hessian",
          })
          if (h.model === "fe" || h.model === "re") throw new Error("unexpected model")
          expect(h.fit.variance).toBe("hessian")
          const hp = h.fit.model === "error" ? h.fit.lambda : h.fit.rho
          close(hp.se, r.hessian_se.spatial, 1e-4, `${label} hessian spatial se`)
          track("hessian_se", hp.se, r.hessian_se.spatial)
          if (h.fit.model !== "error")
            for (const [name, se] of Object.entries(r.hessian_se.coefficients)) {
              close(h.fit.coefficients[name]!.se, se, 1e-4, `${label} hessian ${name} se`)
              track("hessian_se", h.fit.coefficients[name]!.se, se)
            }
        }
      })

    for (const effects of ["individual", "time", "twoways"] as const)
      it(`${c.name}: fixed effects with weights, ${effects}: LM tests (LMsarsem_panel) and LR tests of the effects`, () => {
        const a = panelAnalysis(table, { unit: g.unit, period: g.period, formula: g.formula, effects, model: "fe", weights })
        if (a.model !== "fe" || a.diagnostics === undefined) throw new Error("no diagnostics")
        const d = a.diagnostics
        const ref = g.lm[effects]!
        const pairs = [
          [d.lmLag, ref.lm_lag],
          [d.lmError, ref.lm_error],
          [d.robustLmLag, ref.robust_lm_lag],
          [d.robustLmError, ref.robust_lm_error],
        ] as const
        for (const [ours, theirs] of pairs) {
          close(ours.statistic, theirs.statistic, 1e-8, `${c.name} ${effects} LM`)
          closeP(ours.p, theirs.p, 1e-6, `${c.name} ${effects} LM p`)
          track("statistic", ours.statistic, theirs.statistic)
        }
        for (const k of ["unit", "time"] as const) {
          expect(d.effectsLr[k].df).toBe(g.effects_lr[k].df)
          close(d.effectsLr[k].statistic, g.effects_lr[k].statistic, 1e-8, `${c.name} LR ${k} effects`)
          track("statistic", d.effectsLr[k].statistic, g.effects_lr[k].statistic)
        }
        const doc = panelDocument(a) as { diagnostics: Record<string, unknown>; effects_lr: Record<string, unknown> }
        expect(Object.keys(doc.diagnostics).sort()).toEqual(["lm_error", "lm_lag", "robust_lm_error", "robust_lm_lag"])
      })
  }

  it("reports the worst relative errors when asked", () => {
    if (process.env.JIJU_TOLERANCE_REPORT) console.log("spatial panels, worst relative errors:", worst)
    expect(Object.keys(worst).length).toBeGreaterThan(0)
  })
})

describe("heterogeneity: the same model per group (--by)", () => {
  interface ByGolden {
    groups: Record<
      string,
      {
        units: number
        fe: { names: string[]; estimate: number[]; se: number[] }
        lag: Fit
      }
    >
  }
  const g = JSON.parse(read("produc_by_zone.json")) as ByGolden
  const table = parseCsv(read("produc.csv"))
  const weights = { kind: "file" as const, format: "gal" as const, text: read("usa48.gal") }
  const base = { unit: "state", period: "year", formula: "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", by: "zone" }

  it("fixed effects per zone equal plm on each zone's rows, and the comparison table lists every group", () => {
    const by = panelByAnalysis(table, { ...base, model: "fe" })
    expect(by.groups.map((x) => x.group).sort()).toEqual(Object.keys(g.groups).sort())
    for (const { group, analysis } of by.groups) {
      if (analysis.model !== "fe") throw new Error("fe expected")
      const r = g.groups[group]!.fe
      r.names.forEach((nm, j) => {
        const c = analysis.fit.coefficients.find((x) => x.name === nm)!
        closeCoef(c.estimate, r.estimate[j]!, r.se[j]! / 10, 1e-9, `${group} ${nm}`)
        close(c.se, r.se[j]!, 1e-9, `${group} ${nm} se`)
      })
    }
    const doc = panelByDocument(by) as { table: { terms: string[]; rows: Array<{ group: string; cells: Record<string, { estimate: number } | null> }> } }
    expect(doc.table.terms).toEqual(["log(pcap)", "log(pc)", "log(emp)", "unemp"])
    expect(doc.table.rows).toHaveLength(3)
  })

  it("the spatial lag panel per zone uses the weights restricted to the zone (as spdep subset.listw)", () => {
    const by = panelByAnalysis(table, { ...base, model: "lag", weights, variance: "information" })
    for (const { group, analysis } of by.groups) {
      if (analysis.model !== "lag" || analysis.fit.model !== "lag") throw new Error("lag expected")
      const r = g.groups[group]!.lag
      expect(analysis.fit.units).toBe(g.groups[group]!.units)
      close(analysis.fit.rho.estimate, r.rho!.estimate, 1e-6, `${group} rho`)
      close(analysis.fit.rho.se, r.rho!.se, 1e-6, `${group} rho se`)
      for (const [nm, t] of Object.entries(r.coefficients)) closeCoef(analysis.fit.coefficients[nm]!.estimate, t.estimate, t.se / 10, 1e-6, `${group} ${nm}`)
      close(analysis.fit.logLik, r.logLik, 1e-9, `${group} logLik`)
    }
  })

  it("refuses a grouping column that changes within a unit", () => {
    const bad = { ...table, rows: table.rows.map((row, i) => (i === 0 ? { ...row, zone: "elsewhere" } : row)) }
    expect(() => panelByAnalysis(bad, { ...base, model: "fe" })).toThrowError(/group/)
  })
})

describe("simulated impact standard errors of a spatial Durbin panel", () => {
  it("are reproducible from the seed and of the size of the coefficients' standard errors", () => {
    const table = parseCsv(read("produc.csv"))
    const weights = { kind: "file" as const, format: "gal" as const, text: read("usa48.gal") }
    const options = {
      unit: "state",
      period: "year",
      formula: "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp",
      model: "durbin" as const,
      weights,
      impactsSe: { draws: 400, seed: 3 },
    }
    const a = panelAnalysis(table, options)
    const b = panelAnalysis(table, options)
    if (a.model !== "durbin" || b.model !== "durbin" || a.fit.model !== "durbin") throw new Error("durbin expected")
    expect(a.impactsSimulation!.se).toEqual(b.impactsSimulation!.se)
    // The direct effect is close to β (tr A⁻¹/N ≈ 1 + small): its simulated s.e. is near β's s.e.
    const se = a.impactsSimulation!.se["log(pc)"]!
    const ratio = se.direct / a.fit.coefficients["log(pc)"]!.se
    expect(ratio).toBeGreaterThan(0.8)
    expect(ratio).toBeLessThan(1.25)
    expect(se.indirect).toBeGreaterThan(0)
    const doc = panelDocument(a) as { impacts_simulation: { draws: number; seed: number } }
    expect(doc.impacts_simulation).toMatchObject({ draws: 400, seed: 3 })
  })
})
