// The exact trace engine (spatial/inverseTraces.ts): its routes must agree with the dense inverse.
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { inverseTraces } from "../../src/econometrics/spatial/inverseTraces.js"
import { fixture, weightsFrom } from "./spatialRegressionFixtures.js"

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300)

describe("exact traces of (I − ρW)⁻¹", () => {
  for (const name of ["boston", "baltimore_knn4"]) {
    const f = fixture<{ neighbours: Array<number[] | number> }>(name)
    const w = weightsFrom(f.neighbours)
    const binary = weightsFrom(f.neighbours, "B")
    const v = Array.from({ length: w.ids.length }, (_, i) => Math.sin(i))
    const dense = inverseTraces(w, "dense")
    const routes = [inverseTraces(w), inverseTraces(w, "lu")]

    it(`${name}: every route equals the dense inverse to 1e-11 (impacts, information, SAC cross terms)`, { timeout: 60_000 }, () => {
      for (const t of routes) {
        for (const rho of [0.43, -0.3, 0.0005]) {
          const x = dense.impacts(rho)
          const y = t.impacts(rho)
          for (const k of ["traceA", "traceWA", "sumA", "sumAW"] as const) expect(relErr(y[k], x[k]), `${t.route} ${k} ρ = ${rho}`).toBeLessThan(1e-11)
          const p = dense.information(rho, [v])
          const q = t.information(rho, [v])
          for (const k of ["trace", "traceSquare", "frobenius2"] as const) expect(relErr(q[k], p[k]), `${t.route} ${k} ρ = ${rho}`).toBeLessThan(1e-11)
          expect(Math.abs(q.products[0]![7]! - p.products[0]![7]!)).toBeLessThan(1e-12)
        }
        const c1 = dense.cross(0.43, -0.2, [v])
        const c2 = t.cross(0.43, -0.2, [v])
        for (const k of ["traceBA", "traceBtA"] as const) expect(relErr(c2[k], c1[k])).toBeLessThan(1e-11)
      }
    })

    it(`${name}: the selected-inversion information traces equal the column solves (fast-check over ρ)`, { timeout: 60_000 }, () => {
      const t = inverseTraces(w)
      if (t.columnsInformation === undefined) return // asymmetric weights: LU route only
      fc.assert(
        fc.property(fc.double({ min: -0.9, max: 0.95, noNaN: true }), (rho) => {
          const a = t.information(rho)
          const b = t.columnsInformation!(rho)
          expect(relErr(a.trace, b.trace)).toBeLessThan(1e-10)
          expect(relErr(a.traceSquare, b.traceSquare)).toBeLessThan(1e-10)
          expect(relErr(a.frobenius2, b.frobenius2)).toBeLessThan(1e-8)
        }),
        { numRuns: 20 },
      )
      // Binary (symmetric) weights: ‖Z‖² = tr Z².
      const tb = inverseTraces(binary).information(0.05)
      expect(relErr(tb.frobenius2, tb.traceSquare)).toBeLessThan(1e-12)
    })
  }
})
