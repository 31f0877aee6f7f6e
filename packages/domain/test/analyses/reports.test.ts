import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import {
  concentrationReport,
  couplingReport,
  lisaReport,
  moranReport,
  panelReport,
  regressReport,
  signedIndicator,
  type WeightsSpec,
  weightsReport,
} from "../../src/analyses/index.js"
import type { DataTable } from "../../src/io/DataTable.js"
import { parseCsv, parseGeoJson } from "../../src/io/index.js"

// Each builder is checked against the R golden fixtures (spdep, spatialreg, plm, REAT-style references).
const text = (rel: string) => readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), "utf8")
const golden = <T>(rel: string): T => JSON.parse(text(rel)) as T
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)
const columbus = parseCsv(text("weights/columbus.csv"))
const gal: WeightsSpec = { kind: "file", format: "gal", text: text("weights/columbus.gal") }

describe("weightsReport", () => {
  it("Columbus queen contiguity and 4 nearest neighbours: the neighbour counts of spdep poly2nb / knearneigh", () => {
    const links = golden<Record<string, Record<string, number[]>>>("weights/columbus_links.json")
    const geo = parseGeoJson(text("weights/columbus.geojson"))
    for (const [spec, table, R] of [
      [{ kind: "contiguity", rule: "queen" }, geo, links.queen!],
      [{ kind: "knn", k: 4, coords: ["X", "Y"] }, columbus, links.knn4!],
    ] as const) {
      const counts = Object.values(R).map((n) => n.length)
      const out = weightsReport(table, { weights: spec })
      expect(Object.keys(out)).toEqual(["n", "links", "islands", "min_neighbours", "max_neighbours", "mean_neighbours"])
      expect(out.n).toBe(49)
      expect(out.links).toBe(counts.reduce((a, b) => a + b, 0))
      expect(out.min_neighbours).toBe(Math.min(...counts))
      expect(out.max_neighbours).toBe(Math.max(...counts))
      expect(out.islands).toEqual([])
    }
  })
})

interface MoranGolden {
  results: Record<string, { global: Record<string, number>; local: Array<{ id: number; Ii: number; z: number; p: number; quadrant: string }> }>
}

describe("moranReport and lisaReport", () => {
  const R = golden<MoranGolden>("moran/columbus.json").results.CRIME_W!
  it("Columbus CRIME, row-standardised GAL weights: spdep moran.test to 1e-10", () => {
    const out = moranReport(columbus, { id: "POLYID", var: "CRIME", weights: gal })
    expect(out.n).toBe(49)
    for (const k of [
      "I",
      "expected",
      "variance_normality",
      "z_normality",
      "p_normality",
      "variance_randomization",
      "z_randomization",
      "p_randomization",
    ] as const)
      expect(rel(out[k]!, R.global[k]!), k).toBeLessThan(1e-10)
    expect(out.p_permutation).toBeNull()
  })
  it("Columbus CRIME: spdep localmoran Ii, z, p and quadrants", () => {
    const { rows } = lisaReport(columbus, { id: "POLYID", var: "CRIME", weights: gal })
    expect(rows).toHaveLength(49)
    R.local.forEach((r, i) => {
      expect(rows[i]!.id).toBe(String(r.id))
      expect(rel(rows[i]!.Ii, r.Ii)).toBeLessThan(1e-8)
      expect(rel(rows[i]!.z!, r.z)).toBeLessThan(1e-8)
      expect(rel(rows[i]!.p!, r.p)).toBeLessThan(1e-6)
      expect(rows[i]!.quadrant).toBe(r.quadrant)
    })
  })
  it("Columbus CRIME: the Moran scatter points multiply to spdep's Ii, and their slope is spdep's I", () => {
    const { rows } = lisaReport(columbus, { id: "POLYID", var: "CRIME", weights: gal })
    R.local.forEach((r, i) => {
      expect(rel(rows[i]!.std_value * rows[i]!.std_lag, r.Ii)).toBeLessThan(1e-8)
    })
    // The values are standardised with the population SD; the regression slope of the lag on them is I (W row-standardised).
    const x = rows.map((r) => r.std_value)
    expect(Math.abs(x.reduce((a, b) => a + b, 0))).toBeLessThan(1e-10)
    expect(Math.abs(x.reduce((a, b) => a + b * b, 0) / x.length - 1)).toBeLessThan(1e-12)
    const slope = rows.reduce((a, r) => a + r.std_value * r.std_lag, 0) / x.reduce((a, b) => a + b * b, 0)
    expect(rel(slope, R.global.I!)).toBeLessThan(1e-10)
  })
})

type Est = { estimate: number; se: number; z: number; p: number }
interface LagGolden {
  formula: string
  lag: { eigen: { coefficients: Record<string, Est>; rho: Est; logLik: number; logLikOLS: number } }
}

describe("regressReport", () => {
  it("Columbus spatial lag (ML): spatialreg lagsarlm coefficients 1e-6, s.e. 1e-5", () => {
    const R = golden<LagGolden>("spatial/columbus.json")
    const table = parseCsv(text("spatial/columbus.csv"))
    const out = regressReport(table, {
      formula: R.formula,
      model: "lag",
      id: "id",
      weights: { kind: "file", format: "gal", text: text("spatial/columbus.gal") },
    }) as { coefficients: Record<string, Est>; rho: Est; logLik: number; logLik_ols: number; diagnostics_of: string }
    const g = R.lag.eigen
    for (const [name, c] of Object.entries(g.coefficients)) {
      expect(rel(out.coefficients[name]!.estimate, c.estimate), name).toBeLessThan(1e-6)
      expect(rel(out.coefficients[name]!.se, c.se), name).toBeLessThan(1e-5)
    }
    expect(rel(out.rho.estimate, g.rho.estimate)).toBeLessThan(1e-6)
    expect(rel(out.rho.se, g.rho.se)).toBeLessThan(1e-5)
    expect(rel(out.logLik, g.logLik)).toBeLessThan(1e-8)
    expect(rel(out.logLik_ols, g.logLikOLS)).toBeLessThan(1e-8)
    expect(out.diagnostics_of).toBe("ols_residuals")
  })
  it("a spatial model without weights is an InputError missing_weights", () => {
    expect(() => regressReport(columbus, { formula: "CRIME ~ INC", model: "error" })).toThrow(expect.objectContaining({ code: "missing_weights" }))
  })
})

interface PlmGolden {
  formula: string
  results: Record<string, { names: string[]; estimate: number[]; se: number[]; cluster_se: number[]; r2: number; df_residual: number; n: number }>
}

describe("panelReport", () => {
  it("Grunfeld individual fixed effects: plm within estimates, s.e. and cluster s.e.", () => {
    const g = golden<PlmGolden>("panel/grunfeld.json")
    const R = g.results.individual!
    const out = panelReport(parseCsv(text("panel/grunfeld.csv")), { unit: "firm", period: "year", formula: g.formula, effects: "individual" }) as {
      n: number
      df_residual: number
      r2_within: number
      coefficients: Record<string, { estimate: number; se: number; cluster_se: number }>
    }
    expect(out.n).toBe(R.n)
    expect(out.df_residual).toBe(R.df_residual)
    expect(rel(out.r2_within, R.r2)).toBeLessThan(1e-8)
    expect(Object.keys(out.coefficients)).toEqual(R.names)
    R.names.forEach((name, j) => {
      expect(rel(out.coefficients[name]!.estimate, R.estimate[j]!)).toBeLessThan(1e-6)
      expect(rel(out.coefficients[name]!.se, R.se[j]!)).toBeLessThan(1e-5)
      expect(rel(out.coefficients[name]!.cluster_se, R.cluster_se[j]!)).toBeLessThan(1e-5)
    })
  })
})

interface CouplingGolden {
  data: Record<string, Array<string | number>>
  three_shifted_entropy: { weights: Record<string, Record<string, number>>; C: number[]; T: number[]; D: number[]; lagging: string[] }
}

describe("couplingReport", () => {
  it("three subsystems, shifted, entropy weights: the R reference computation", () => {
    const g = golden<CouplingGolden>("coupling/coupling.json")
    const columns = Object.keys(g.data)
    const table: DataTable = { columns, rows: g.data.id!.map((_, k) => Object.fromEntries(columns.map((c) => [c, g.data[c]![k]!]))) }
    const out = couplingReport(table, {
      id: "id",
      period: "period",
      normalise: "shifted",
      subsystems: [
        { name: "econ", indicators: ["revenue", "tax"].map(signedIndicator) },
        { name: "env", indicators: ["green", "-so2"].map(signedIndicator) },
        { name: "innov", indicators: ["patents", "rd"].map(signedIndicator) },
      ],
    })
    const R = g.three_shifted_entropy
    for (const [s, w] of Object.entries(R.weights)) for (const [c, v] of Object.entries(w)) expect(rel(out.weights[s]![c]!, v)).toBeLessThan(1e-10)
    out.rows.forEach((r, k) => {
      expect(rel(r.C, R.C[k]!)).toBeLessThan(1e-10)
      expect(rel(r.T, R.T[k]!)).toBeLessThan(1e-10)
      expect(rel(r.D, R.D[k]!)).toBeLessThan(1e-10)
      expect(r.lagging).toBe(R.lagging[k])
    })
    expect(out.weighting).toBe("entropy")
    expect(out.normalise).toBe("shifted")
  })
})

interface ConcentrationGolden {
  long: Array<{ region: string; industry: string; value: number }>
  lq: Array<{ region: string; industry: string; lq: number }>
  hhi: Record<string, number>
  plant_herfindahl: Record<string, number>
  ellison_glaeser: Record<string, { gamma: number }>
  krugman: Record<string, number>
}

describe("concentrationReport", () => {
  const g = golden<ConcentrationGolden>("concentration/concentration.json")
  const table: DataTable = { columns: ["region", "industry", "value"], rows: g.long.map((r) => ({ ...r })) }
  it("LQ, HHI, Ellison–Glaeser γ and Krugman specialisation: the R reference values", () => {
    const out = concentrationReport(table, { region: "region", industry: "industry", value: "value", plantH: g.plant_herfindahl })
    const lq = new Map(out.lq.map((q) => [`${q.region}/${q.industry}`, q.lq]))
    for (const q of g.lq) expect(rel(lq.get(`${q.region}/${q.industry}`)!, q.lq)).toBeLessThan(1e-10)
    for (const [ind, h] of Object.entries(g.hhi)) expect(rel(out.hhi[ind]!, h)).toBeLessThan(1e-10)
    for (const [ind, eg] of Object.entries(g.ellison_glaeser)) expect(rel(out.ellison_glaeser[ind]!.gamma, eg.gamma)).toBeLessThan(1e-10)
    for (const [reg, k] of Object.entries(g.krugman)) expect(rel(out.krugman[reg]!, k)).toBeLessThan(1e-10)
    expect(out.notes).toHaveLength(1)
  })
  it("plantH naming an industry not in the data is an InputError bad_plant_h", () => {
    expect(() => concentrationReport(table, { region: "region", industry: "industry", value: "value", plantH: { steel: 0.1 } })).toThrow(
      expect.objectContaining({ code: "bad_plant_h" }),
    )
  })
})
