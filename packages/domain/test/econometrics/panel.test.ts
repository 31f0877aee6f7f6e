import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { matrix } from "../../src/econometrics/linalg/index.js"
import {
  fixedEffects,
  panelFixedEffects,
  panelFrame,
  panelIndex,
  type WithinEffects,
  within,
  withinAlternating,
  withinPlan,
} from "../../src/econometrics/panel/index.js"
import { parseCsv } from "../../src/io/csv.js"
import type { InputError } from "../../src/model/errors.js"

const fixture = (name: string) => readFileSync(new URL(`../fixtures/panel/${name}`, import.meta.url), "utf8")
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

interface Result {
  names: string[]
  estimate: number[]
  se: number[]
  t: number[]
  p: number[]
  cluster_se: number[]
  cluster_p: number[]
  df_residual: number
  r2: number
  rss: number
  n: number
  units: number
  periods: number
  balanced: boolean
}
interface Golden {
  formula: string
  unit: string
  period: string
  results: Partial<Record<WithinEffects, Result>>
}

const cases: Array<[string, string]> = [
  ["produc.json", "produc.csv"],
  ["grunfeld.json", "grunfeld.csv"],
  ["grunfeld_unbalanced.json", "grunfeld_unbalanced.csv"],
  ["grunfeld_unbalanced_size.json", "grunfeld_unbalanced.csv"],
]

describe("fixed effects against plm (within; vcovHC sss by group)", () => {
  for (const [json, csv] of cases) {
    const g = JSON.parse(fixture(json)) as Golden
    const table = parseCsv(fixture(csv))
    for (const [effects, r] of Object.entries(g.results) as Array<[WithinEffects, Result]>)
      it(`${json.replace(".json", "")} ${effects}`, () => {
        const { fit } = panelFixedEffects(table, g.formula, g.unit, g.period, effects)
        expect(fit.names).toEqual(r.names)
        expect(fit.n).toBe(r.n)
        expect(fit.units).toBe(r.units)
        expect(fit.periods).toBe(r.periods)
        expect(fit.balanced).toBe(r.balanced)
        expect(fit.dfResidual).toBe(r.df_residual)
        fit.coefficients.forEach((c, j) => {
          expect(rel(c.estimate, r.estimate[j]!)).toBeLessThan(1e-6)
          expect(rel(c.se, r.se[j]!)).toBeLessThan(1e-5)
          expect(rel(c.t, r.t[j]!)).toBeLessThan(1e-6)
          expect(rel(c.p, r.p[j]!)).toBeLessThan(1e-5)
          expect(rel(c.clusterSe, r.cluster_se[j]!)).toBeLessThan(1e-5)
          expect(rel(c.clusterP, r.cluster_p[j]!)).toBeLessThan(1e-5)
        })
        expect(rel(fit.r2Within, r.r2)).toBeLessThan(1e-8)
        expect(rel(fit.rss, r.rss)).toBeLessThan(1e-8)
        if (json.includes("size")) {
          expect(fit.dropped.map((d) => d.name)).toEqual(["size"])
          expect(fit.dropped[0]!.reason.en).toMatch(/no variation/)
        } else expect(fit.dropped).toEqual([])
      })
  }

  it("gives the same estimates whatever the row order", () => {
    const g = JSON.parse(fixture("grunfeld_unbalanced.json")) as Golden
    const t = parseCsv(fixture("grunfeld_unbalanced.csv"))
    const rows = [...t.rows].reverse()
    const a = panelFixedEffects(t, g.formula, "firm", "year", "twoways").fit
    const b = panelFixedEffects({ columns: t.columns, rows }, g.formula, "firm", "year", "twoways").fit
    a.coefficients.forEach((c, j) => {
      expect(rel(b.coefficients[j]!.estimate, c.estimate)).toBeLessThan(1e-10)
      expect(rel(b.coefficients[j]!.clusterSe, c.clusterSe)).toBeLessThan(1e-9)
    })
  })

  it("unbalanced two-way: the direct projection equals alternating projections to 1e-13", () => {
    const t = parseCsv(fixture("grunfeld_unbalanced.csv"))
    const { index, frame } = panelFrame(t, "inv ~ value + capital", "firm", "year")
    const plan = withinPlan(index, "twoways")
    expect(plan.solver).toBeDefined()
    const direct = within(plan, frame.y)
    const alternating = withinAlternating(plan, frame.y, { tol: 1e-15 })
    const scale = Math.max(...frame.y.map(Math.abs))
    direct.forEach((v, i) => {
      expect(Math.abs(v - alternating[i]!)).toBeLessThan(1e-11 * scale)
    })
  })

  it("reports a duplicated unit-period pair with its rows", () => {
    let e: InputError | undefined
    try {
      panelIndex(["a", "a", "b", "a"], ["1", "2", "1", "2"])
    } catch (x) {
      e = x as InputError
    }
    expect(e?.code).toBe("duplicate_observation")
    expect(e?.message).toContain("rows 2 and 4")
  })

  it("recovers the slopes on 200,000 rows × 10 regressors, unbalanced two-way (speed is in pnpm bench)", { timeout: 60_000 }, () => {
    const N = 2000
    const T = 100
    const k = 10
    const keep: number[] = []
    // drop ~3 % of cells to make it unbalanced
    let s = 7
    for (let i = 0; i < N * T; i++) {
      s = (s * 1103515245 + 12345) % 2147483648
      if (s % 33 !== 0) keep.push(i)
    }
    const n = keep.length
    const x = matrix(n, k)
    const y = new Float64Array(n)
    const units = new Array<string>(n)
    const periods = new Array<string>(n)
    const beta = Array.from({ length: k }, (_, j) => (j + 1) / 10)
    keep.forEach((cell, r) => {
      const u = Math.floor(cell / T)
      const t = cell % T
      units[r] = `u${u}`
      periods[r] = `t${t}`
      let v = Math.sin(u) + Math.cos(t)
      for (let j = 0; j < k; j++) {
        s = (s * 1103515245 + 12345) % 2147483648
        const xv = s / 2147483648 + 0.01 * u * (j % 3) + 0.02 * t * (j % 2)
        x.data[r * k + j] = xv
        v += beta[j]! * xv
      }
      s = (s * 1103515245 + 12345) % 2147483648
      y[r] = v + (s / 2147483648 - 0.5) * 0.1
    })
    const index = panelIndex(units, periods)
    const fit = fixedEffects(
      x,
      y,
      Array.from({ length: k }, (_, j) => `x${j}`),
      index,
      "twoways",
    )
    expect(fit.n).toBe(n)
    // The data were generated with these slopes and small noise; the fit must recover them.
    fit.coefficients.forEach((c, j) => {
      expect(Math.abs(c.estimate - beta[j]!)).toBeLessThan(0.01)
    })
  })
})
