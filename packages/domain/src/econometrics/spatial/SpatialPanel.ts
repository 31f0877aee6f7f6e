import { type Bilingual, InputError, type InputLocation } from "../../model/errors.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { stackedLag, stackedLagColumns } from "../weights/spatialLag.js"
import { type LogDetChoice, type LogDeterminant, logDeterminant } from "./LogDeterminant.js"
import { estimateError } from "./SpatialError.js"
import type { SpatialErrorFit, SpatialLagFit } from "./SpatialFit.js"
import { estimateLag } from "./SpatialLag.js"
import type { VarianceChoice } from "./stacked.js"
import { validateRegression } from "./validate.js"

/** Which fixed effects are swept out: unit, period, or both (two-way, the default). */
export type PanelEffects = "twoways" | "individual" | "time"

/** Inputs of a fixed-effects spatial panel: one row per (unit, period), any row order, balanced. */
export interface SpatialPanelInput {
  readonly y: ArrayLike<number>
  /** Regressors, NT×k, without an intercept (it is absorbed by the fixed effects). */
  readonly X: Matrix
  readonly names: ReadonlyArray<string>
  /** Unit of each row, matched as text against weights.ids. */
  readonly unit: ReadonlyArray<string | number>
  /** Period of each row (numbers sort numerically, text lexically). */
  readonly period: ReadonlyArray<string | number>
  readonly weights: SpatialWeights
  readonly model: "lag" | "error"
  readonly effects?: PanelEffects
  readonly method?: LogDetChoice
  readonly logDet?: LogDeterminant
  readonly interval?: readonly [number, number]
  /** Standard errors: "auto" (information matrix for N ≤ 1,500, observed Hessian above), or force one. */
  readonly variance?: VarianceChoice
}

interface PanelInfo {
  readonly effects: PanelEffects
  /** Number of units N and periods T (n = N·T). */
  readonly units: number
  readonly periods: number
}
export type SpatialPanelLagFit = SpatialLagFit & PanelInfo
export type SpatialPanelErrorFit = SpatialErrorFit & PanelInfo

/**
 * Fixed-effects spatial lag or error panel by maximum likelihood (Elhorst 2003, 2014): y, Wy and X (and WX
 * for the error model) are demeaned by unit, period or both; the concentrated log-likelihood
 * T·log|I − ρW| − (NT/2)·log(2π·e'e/NT) − NT/2 is maximised by Brent's method; σ² = e'e/NT; standard errors
 * from the information matrix with T-fold traces (observed Hessian for N > 1,500). Residuals (of the
 * demeaned model) and fitted values y − e come back in the input row order.
 * @example
 * fitSpatialPanel({ y, X, names: ["x1"], unit, period, weights, model: "lag", effects: "twoways" }).rho
 */
export const fitSpatialPanel = (input: SpatialPanelInput): SpatialPanelLagFit | SpatialPanelErrorFit => {
  const effects = input.effects ?? "twoways"
  const w = input.weights
  const N = w.ids.length
  const rows = input.y.length
  const idIndex = new Map<string, number>()
  w.ids.forEach((id, i) => {
    idIndex.set(id, i)
  })
  const issues: Array<InputLocation & Bilingual> = []
  if (input.unit.length !== rows || input.period.length !== rows)
    throw new InputError({
      code: "dimension_mismatch",
      message: `unit (${input.unit.length}) and period (${input.period.length}) must have one entry per row of y (${rows})`,
      zh: `unit（${input.unit.length}）与 period（${input.period.length}）须与 y 的行数（${rows}）一致`,
    })
  const unitIdx = new Int32Array(rows)
  for (let r = 0; r < rows; r++) {
    const u = idIndex.get(String(input.unit[r]))
    if (u === undefined)
      issues.push({
        row: r + 1,
        column: "unit",
        value: input.unit[r],
        en: `unit ${String(input.unit[r])} is not in the weights`,
        zh: `单元 ${String(input.unit[r])} 不在空间权重中`,
      })
    else unitIdx[r] = u
  }
  if (issues.length > 0) throw new InputError({ code: "unknown_unit", message: issues[0]!.en, zh: issues[0]!.zh, issues: issues.slice(0, 100) })
  const labels = [...new Set(input.period)]
  const numeric = labels.every((l) => typeof l === "number")
  labels.sort((a, b) => (numeric ? (a as number) - (b as number) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0))
  const periodIndex = new Map(labels.map((l, t) => [l, t]))
  const T = labels.length
  if (rows !== N * T)
    throw new InputError({
      code: "unbalanced_panel",
      message: `the panel is not balanced: ${rows} rows for ${N} units × ${T} periods`,
      zh: `面板不平衡：${N} 个单元 × ${T} 期应有 ${N * T} 行，实际 ${rows} 行`,
    })
  const pos = new Int32Array(rows)
  const seen = new Int32Array(rows).fill(-1)
  for (let r = 0; r < rows; r++) {
    const p = periodIndex.get(input.period[r]!)! * N + unitIdx[r]!
    if (seen[p]! >= 0)
      issues.push({
        row: r + 1,
        column: "unit",
        value: input.unit[r],
        en: `unit ${String(input.unit[r])} appears twice in period ${String(input.period[r])} (rows ${seen[p]! + 1} and ${r + 1})`,
        zh: `单元 ${String(input.unit[r])} 在第 ${String(input.period[r])} 期出现两次（第 ${seen[p]! + 1} 与 ${r + 1} 行）`,
      })
    seen[p] = r
    pos[r] = p
  }
  if (issues.length > 0) throw new InputError({ code: "duplicate_observation", message: issues[0]!.en, zh: issues[0]!.zh, issues: issues.slice(0, 100) })
  validateRegression(input.y, input.X, input.names, undefined, rows)
  const k = input.X.cols
  // Stack by period: row t·N + i.
  const y = new Float64Array(rows)
  const X = matrix(rows, k)
  for (let r = 0; r < rows; r++) {
    y[pos[r]!] = input.y[r]!
    for (let j = 0; j < k; j++) X.data[pos[r]! * k + j] = input.X.data[r * k + j]!
  }
  const wy = stackedLag(w, T, y)
  const WX = stackedLagColumns(w, T, X)
  const demean = demeaner(N, T, effects)
  const yd = demean(y)
  const Xd = demeanColumns(X, demean)
  validateRegression(yd, Xd, input.names, undefined, rows)
  const logDet = input.logDet ?? logDeterminant(w, input.method ?? "auto")
  const data = {
    y: yd,
    wy: demean(wy),
    X: Xd,
    WX: demeanColumns(WX, demean),
    names: input.names,
    weights: w,
    logDet,
    interval: input.interval ?? logDet.interval,
    periods: T,
    variance: input.variance ?? "auto",
  }
  const info = { effects, units: N, periods: T, method: logDet.method, n: rows, k }
  const unstack = (v: Float64Array) => {
    const out = new Float64Array(rows)
    for (let r = 0; r < rows; r++) out[r] = v[pos[r]!]!
    return out
  }
  // Fitted values on the original scale (fixed effects included): y − e.
  const fittedOf = (e: Float64Array) => unstack(e).map((v, r) => input.y[r]! - v)
  if (input.model === "lag") {
    const core = estimateLag(data)
    return { model: "lag", ...core, ...info, residuals: unstack(core.residuals), fitted: fittedOf(core.residuals) }
  }
  const core = estimateError(data)
  return { model: "error", ...core, ...info, residuals: unstack(core.residuals), fitted: fittedOf(core.residuals) }
}

// Within transformation on a stacked vector (row t·N + i).
const demeaner =
  (N: number, T: number, effects: PanelEffects) =>
  (v: Float64Array): Float64Array => {
    const unitMean = new Float64Array(N)
    const periodMean = new Float64Array(T)
    let grand = 0
    for (let t = 0; t < T; t++)
      for (let i = 0; i < N; i++) {
        const x = v[t * N + i]!
        unitMean[i]! += x / T
        periodMean[t]! += x / N
        grand += x
      }
    grand /= N * T
    const out = new Float64Array(v.length)
    for (let t = 0; t < T; t++)
      for (let i = 0; i < N; i++) {
        const x = v[t * N + i]!
        out[t * N + i] = effects === "individual" ? x - unitMean[i]! : effects === "time" ? x - periodMean[t]! : x - unitMean[i]! - periodMean[t]! + grand
      }
    return out
  }

const demeanColumns = (m: Matrix, demean: (v: Float64Array) => Float64Array): Matrix => {
  const k = m.cols
  const out = matrix(m.rows, k)
  const c = new Float64Array(m.rows)
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < m.rows; i++) c[i] = m.data[i * k + j]!
    const d = demean(c)
    for (let i = 0; i < m.rows; i++) out.data[i * k + j] = d[i]!
  }
  return out
}
