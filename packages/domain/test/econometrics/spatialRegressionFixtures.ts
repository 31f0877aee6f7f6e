// Shared loaders for the spatial regression golden fixtures (written by scripts/golden/spatial.R).
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { expect } from "vitest"
import type { Matrix } from "../../src/econometrics/linalg/Matrix.js"
import type { SpatialWeights } from "../../src/econometrics/weights/SpatialWeights.js"

export const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/spatial/${name}.json`, import.meta.url)), "utf8")) as T

/** Row-standardised (spdep style "W") or binary weights from 0-based neighbour lists; islands stay empty. */
export const weightsFrom = (neighbours: ReadonlyArray<ReadonlyArray<number> | number>, style: "W" | "B" = "W"): SpatialWeights => {
  const lists = neighbours.map((nb) => (Array.isArray(nb) ? [...nb].sort((a, b) => a - b) : typeof nb === "number" ? [nb] : []))
  const n = lists.length
  const rowPtr = new Int32Array(n + 1)
  lists.forEach((nb, i) => {
    rowPtr[i + 1] = rowPtr[i]! + nb.length
  })
  const colIdx = new Int32Array(rowPtr[n]!)
  const values = new Float64Array(rowPtr[n]!)
  lists.forEach((nb, i) => {
    nb.forEach((j, q) => {
      colIdx[rowPtr[i]! + q] = j
      values[rowPtr[i]! + q] = style === "W" ? 1 / nb.length : 1
    })
  })
  const set = new Set<string>()
  lists.forEach((nb, i) => {
    for (const j of nb) set.add(`${i},${j}`)
  })
  const symmetric = lists.every((nb, i) => nb.every((j) => set.has(`${j},${i}`)))
  return { ids: lists.map((_, i) => String(i)), rowPtr, colIdx, values, style, symmetric }
}

export const matrixFrom = (rows: ReadonlyArray<ReadonlyArray<number> | number>): Matrix => {
  const rs = rows.map((r) => (Array.isArray(r) ? r : [r as number]))
  const k = rs[0]!.length
  const data = new Float64Array(rs.length * k)
  rs.forEach((r, i) => {
    data.set(r, i * k)
  })
  return { rows: rs.length, cols: k, data }
}

export interface RTerm {
  estimate: number
  se: number
  z: number
  p: number
}
export interface RFit {
  method: string
  coefficients: Record<string, RTerm>
  rho?: RTerm
  lambda?: RTerm
  sigma2: number
  logLik: number
  aic: number
  logLikOLS: number
  lr: { statistic: number; p: number }
  interval: [number, number]
  impacts?: Record<string, { direct: number; indirect: number; total: number }>
}

/** |a − b| ≤ tol·|b| (relative), with a floor for values near zero. */
export const close = (actual: number, expected: number, tol: number, what: string): void => {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12)
  expect(err, `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol)
}

/**
 * Coefficients: within tol relative, or within tol·10 standard errors for coefficients near zero (R's own
 * optimum is only located to about 1e-8 in ρ/λ, which moves a near-zero coefficient by ~1e-9 absolute:
 * Boston INDUS differs by that much between R's own eigen and Matrix fits).
 */
export const closeCoef = (actual: number, expected: number, se: number, tol: number, what: string): void => {
  const err = Math.abs(actual - expected)
  expect(err, `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol * Math.max(Math.abs(expected), 10 * se))
}

/** Compare a p-value through its logarithm (tiny p-values carry the relative error of z times z²). */
export const closeP = (actual: number, expected: number, tol: number, what: string): void => {
  if (expected === 0) return
  if (expected > 0.01) {
    expect(Math.abs(actual - expected), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol)
    return
  }
  close(Math.log(actual), Math.log(expected), tol, `${what} log p`)
}

export interface Tolerances {
  coef: number
  se: number
  logLik: number
}

/** Compare one of our fits to R's (coefficients, the spatial parameter, σ², logLik, AIC, LR, impacts). */
export const compareFit = (
  fit: {
    coefficients: Record<string, RTerm>
    rho?: RTerm
    lambda?: RTerm
    sigma2: number
    logLik: number
    aic: number
    logLikOLS: number
    lr: { statistic: number; p: number }
    impacts?: Record<string, { direct: number; indirect: number; total: number }>
  },
  r: RFit,
  tol: Tolerances,
  label: string,
): void => {
  for (const [name, t] of Object.entries(r.coefficients)) {
    const ours = fit.coefficients[name]
    expect(ours, `${label} ${name}`).toBeDefined()
    closeCoef(ours!.estimate, t.estimate, t.se, tol.coef, `${label} ${name} estimate`)
    close(ours!.se, t.se, tol.se, `${label} ${name} se`)
    // z is scale-free: compare absolutely for |z| < 1 (near-zero coefficients, see closeCoef).
    expect(Math.abs(ours!.z - t.z), `${label} ${name} z: ${ours!.z} vs R ${t.z}`).toBeLessThanOrEqual(tol.se * Math.max(Math.abs(t.z), 1))
    closeP(ours!.p, t.p, 2 * tol.se + 1e-6, `${label} ${name}`)
  }
  const par = r.rho ?? r.lambda!
  const ourPar = (fit.rho ?? fit.lambda)!
  close(ourPar.estimate, par.estimate, tol.coef, `${label} spatial parameter`)
  close(ourPar.se, par.se, tol.se, `${label} spatial parameter se`)
  closeP(ourPar.p, par.p, 2 * tol.se + 1e-6, `${label} spatial parameter`)
  close(fit.sigma2, r.sigma2, tol.coef, `${label} sigma2`)
  close(fit.logLik, r.logLik, tol.logLik, `${label} logLik`)
  close(fit.aic, r.aic, tol.logLik, `${label} AIC`)
  close(fit.logLikOLS, r.logLikOLS, 1e-10, `${label} OLS logLik`)
  close(fit.lr.statistic, r.lr.statistic, 1e-6, `${label} LR`)
  // spatialreg's LR1.Sarlm reports 1 − pchisq(LR, 1), which loses everything below ~1e-15: compare
  // absolutely there.
  if (r.lr.p > 1e-10) closeP(fit.lr.p, r.lr.p, 1e-5, `${label} LR`)
  else expect(Math.abs(fit.lr.p - r.lr.p)).toBeLessThan(1e-14)
  if (r.impacts !== undefined) {
    for (const [name, imp] of Object.entries(r.impacts)) {
      const ours = fit.impacts?.[name]
      expect(ours, `${label} impacts ${name}`).toBeDefined()
      close(ours!.direct, imp.direct, tol.coef, `${label} ${name} direct`)
      close(ours!.indirect, imp.indirect, tol.coef, `${label} ${name} indirect`)
      close(ours!.total, imp.total, tol.coef, `${label} ${name} total`)
    }
  }
}
