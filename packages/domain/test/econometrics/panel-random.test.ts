// Random effects (Swamy–Arora) and the Hausman test against plm (scripts/golden/spatial_panel.R).
import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { panelFrame, randomEffects, type WithinEffects } from "../../src/econometrics/panel/index.js"
import { parseCsv } from "../../src/io/csv.js"

interface Golden {
  formula: string
  unit: string
  period: string
  results: Partial<
    Record<
      WithinEffects,
      {
        names: string[]
        estimate: number[]
        se: number[]
        t: number[]
        p: number[]
        sigma2: { idios: number; id?: number; time?: number }
        theta: number | number[] | { id: number; time: number; total: number }
        r2: number
        df_residual: number
        rss: number
        hausman: { statistic: number; df: number; p: number }
      }
    >
  >
}
const golden = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/spatial_panel/re_${name}.json`, import.meta.url), "utf8")) as Golden
const table = (path: string) => parseCsv(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), "utf8"))
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

const cases = [
  { name: "grunfeld", csv: "panel/grunfeld.csv" },
  { name: "produc", csv: "spatial_panel/produc.csv" },
  { name: "grunfeld_unbalanced", csv: "panel/grunfeld_unbalanced.csv" },
]

describe("random effects as plm(model = 'random'), Hausman as phtest", () => {
  for (const c of cases) {
    const g = golden(c.name)
    for (const [effect, r] of Object.entries(g.results) as Array<[WithinEffects, NonNullable<Golden["results"][WithinEffects]>]>)
      it(`${c.name}, ${effect} effects`, () => {
        const pf = panelFrame(table(c.csv), g.formula, g.unit, g.period)
        const fit = randomEffects(pf.frame.x, pf.frame.y, pf.frame.names, pf.index, effect)
        expect(fit.names).toEqual(r.names)
        r.names.forEach((_, j) => {
          const co = fit.coefficients[j]!
          expect(Math.abs(co.estimate - r.estimate[j]!), `${c.name} ${effect} ${r.names[j]}`).toBeLessThanOrEqual(
            1e-6 * Math.max(Math.abs(r.estimate[j]!), r.se[j]!),
          )
          expect(rel(co.se, r.se[j]!)).toBeLessThan(1e-6)
          expect(rel(co.z, r.t[j]!)).toBeLessThan(1e-6)
          expect(rel(co.p, r.p[j]!)).toBeLessThan(1e-5)
        })
        expect(rel(fit.sigma2.idios, r.sigma2.idios)).toBeLessThan(1e-8)
        if (r.sigma2.id !== undefined) expect(Math.abs(fit.sigma2.id! - r.sigma2.id)).toBeLessThanOrEqual(1e-8 * Math.max(r.sigma2.id, r.sigma2.idios))
        if (r.sigma2.time !== undefined) expect(Math.abs(fit.sigma2.time! - r.sigma2.time)).toBeLessThanOrEqual(1e-8 * Math.max(r.sigma2.time, r.sigma2.idios))
        const th = r.theta
        if (typeof th === "number") expect(Math.abs((fit.theta.id ?? fit.theta.time) as number) - th).toBeLessThan(1e-8)
        else if (!Array.isArray(th)) {
          expect(Math.abs((fit.theta.id as number) - th.id)).toBeLessThan(1e-8)
          expect(Math.abs((fit.theta.time as number) - th.time)).toBeLessThan(1e-8)
          expect(Math.abs((fit.theta.total as number) - th.total)).toBeLessThan(1e-8)
        } else {
          const t = (fit.theta.id ?? fit.theta.time) as { min: number; max: number }
          expect(Math.abs(t.min - Math.min(...th))).toBeLessThan(1e-8)
          expect(Math.abs(t.max - Math.max(...th))).toBeLessThan(1e-8)
        }
        expect(fit.dfResidual).toBe(r.df_residual)
        expect(rel(fit.rss, r.rss)).toBeLessThan(1e-8)
        expect(rel(fit.r2, r.r2)).toBeLessThan(1e-8)
        expect(fit.hausman.df).toBe(r.hausman.df)
        expect(rel(fit.hausman.statistic, r.hausman.statistic)).toBeLessThan(1e-6)
        expect(rel(fit.hausman.p, r.hausman.p)).toBeLessThan(1e-5)
      })
  }
})
