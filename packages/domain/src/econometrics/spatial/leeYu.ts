import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { PanelEffects } from "./SpatialPanel.js"
import { blockSummaries, column, dot, matVec, type StackedData, tracesOf } from "./stacked.js"

/**
 * Information matrix of a fixed-effects spatial panel in Elhorst's order (β, ρ or λ, σ²), as his
 * sar_panel_FE / sem_panel_FE compute it: lag: [ββ] X'X/σ², [βρ] X'(I_T⊗Z)Xβ/σ², [ρρ] ‖(I_T⊗Z)Xβ‖²/σ² +
 * T(tr Z² + ‖Z‖²_F), [ρσ²] T·tr Z/σ², [σ²σ²] NT/(2σ⁴); error: [ββ] X̃'X̃/σ² with X̃ = X − λ₀WX filtered at
 * `filterAt`, [λλ] T(tr Z² + ‖Z‖²_F), [λσ²] T·tr Z/σ², no β–λ term. Z = W(I − ρW)⁻¹.
 * @internal
 */
export const panelInformation = (model: "lag" | "error", d: StackedData, beta: ArrayLike<number>, rho: number, sigma2: number, filterAt = rho): Matrix => {
  const k = d.X.cols
  const T = d.periods
  const nObs = d.y.length
  const q = k + 2
  const info = matrix(q, q)
  const set = (i: number, j: number, v: number) => {
    info.data[i * q + j] = v
    info.data[j * q + i] = v
  }
  if (model === "lag") {
    const s = blockSummaries(d, rho, matVec(d.X, beta))
    for (let a = 0; a < k; a++) {
      const ca = column(d.X, a)
      set(a, k, dot(ca, s.zv) / sigma2)
      for (let b = 0; b <= a; b++) set(a, b, dot(ca, column(d.X, b)) / sigma2)
    }
    set(k, k, dot(s.zv, s.zv) / sigma2 + T * (s.traceSquare + s.frobenius2))
    set(k, k + 1, (T * s.trace) / sigma2)
  } else {
    const WX = d.WX!
    const xs = matrix(nObs, k)
    for (let i = 0; i < nObs * k; i++) xs.data[i] = d.X.data[i]! - filterAt * WX.data[i]!
    for (let a = 0; a < k; a++) {
      const ca = column(xs, a)
      for (let b = 0; b <= a; b++) set(a, b, dot(ca, column(xs, b)) / sigma2)
    }
    const s = tracesOf(d.weights).information(rho)
    set(k, k, T * (s.traceSquare + s.frobenius2))
    set(k, k + 1, (T * s.trace) / sigma2)
  }
  set(k + 1, k + 1, nObs / (2 * sigma2 * sigma2))
  return info
}

/** Estimates after the Lee–Yu correction, with the covariance of (β, ρ or λ, σ²) at the corrected values. */
export interface LeeYuCorrected {
  readonly beta: Float64Array
  readonly rho: number
  readonly sigma2: number
  readonly covariance: Matrix
  /** Whether the log-likelihood is to be evaluated at the corrected σ² (individual or time effects), as Elhorst's code. */
  readonly logLikAtCorrected: boolean
}

/**
 * Lee & Yu (2010) bias correction as Elhorst's sar_panel_FE / sem_panel_FE apply it (info.bc = 1): individual
 * effects: σ² ← T/(T − 1)·σ²; time effects: σ² ← N/(N − 1)·σ²; two-way effects:
 * (β, ρ, σ²) ← (β, ρ, σ²) + (I/NT)⁻¹·(0, 1/(1 − ρ), 1/(2σ²))/N with I the information matrix, then
 * σ² ← T/(T − 1)·σ². The covariance is the inverse information matrix at the corrected values (for the
 * error model the β block keeps X̃ filtered at the uncorrected λ, as Elhorst's code does).
 * @internal
 */
export const leeYuCorrection = (
  model: "lag" | "error",
  effects: PanelEffects,
  d: StackedData,
  beta: Float64Array,
  rho: number,
  sigma2: number,
): LeeYuCorrected => {
  const N = d.weights.ids.length
  const T = d.periods
  const k = beta.length
  if (effects !== "twoways") {
    const s2 = sigma2 * (effects === "individual" ? T / (T - 1) : N / (N - 1))
    return { beta, rho, sigma2: s2, covariance: inverse(panelInformation(model, d, beta, rho, s2)), logLikAtCorrected: true }
  }
  const nObs = d.y.length
  const info = panelInformation(model, d, beta, rho, sigma2)
  const scaled = matrix(k + 2, k + 2)
  for (let i = 0; i < scaled.data.length; i++) scaled.data[i] = info.data[i]! / nObs
  const inv = inverse(scaled)
  const g = new Float64Array(k + 2)
  g[k] = 1 / (1 - rho)
  g[k + 1] = 1 / (2 * sigma2)
  const delta = new Float64Array(k + 2)
  for (let i = 0; i < k + 2; i++) {
    let s = 0
    for (let j = 0; j < k + 2; j++) s += inv.data[i * (k + 2) + j]! * g[j]!
    delta[i] = s / N
  }
  const b = beta.map((v, j) => v + delta[j]!)
  const r = rho + delta[k]!
  const s2 = (T / (T - 1)) * (sigma2 + delta[k + 1]!)
  return { beta: b, rho: r, sigma2: s2, covariance: inverse(panelInformation(model, d, b, r, s2, rho)), logLikAtCorrected: false }
}
