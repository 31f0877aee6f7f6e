import { type Bilingual, InputError, type InputLocation, inputError } from "../../model/errors.js"
import { chiSquareSf } from "../linalg/distributions.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { stackedLag, stackedLagColumns } from "../weights/spatialLag.js"
import type { ImpactTerm } from "./impacts.js"
import { impactsFromTraces, impactTracesAt } from "./impacts.js"
import { type LogDetChoice, type LogDeterminant, logDeterminant } from "./LogDeterminant.js"
import { leeYuCorrection } from "./leeYu.js"
import { estimateError } from "./SpatialError.js"
import type { Estimate, SpatialDurbinFit, SpatialErrorFit, SpatialLagFit } from "./SpatialFit.js"
import { estimateLag } from "./SpatialLag.js"
import { estimate, type StackedData, type VarianceChoice } from "./stacked.js"
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
  /** lag (SAR), error (SEM) or durbin (SDM: lag with the spatial lags WX of the regressors). */
  readonly model: "lag" | "error" | "durbin"
  /** durbin: the regressors whose spatial lags enter (default all). */
  readonly durbin?: ReadonlyArray<string> | undefined
  readonly effects?: PanelEffects
  /** "lee-yu": Lee & Yu (2010) bias correction as Elhorst's code applies it; "none" (default): plain ML. */
  readonly biasCorrection?: "none" | "lee-yu"
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
  readonly biasCorrection: "none" | "lee-yu"
}
export type SpatialPanelLagFit = SpatialLagFit & PanelInfo
export type SpatialPanelErrorFit = SpatialErrorFit & PanelInfo
export type SpatialPanelDurbinFit = SpatialDurbinFit & PanelInfo
/** Any fixed-effects spatial panel fit. */
export type SpatialPanelFit = SpatialPanelLagFit | SpatialPanelErrorFit | SpatialPanelDurbinFit

/**
 * Check a balanced panel against the weights and stack it by period (row t·N + i, units in the order of
 * weights.ids, periods sorted); `pos[r]` is the stacked position of input row r.
 * @internal
 */
export const stackPanel = (input: Pick<SpatialPanelInput, "y" | "X" | "names" | "unit" | "period" | "weights">) => {
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
  return { N, T, rows, pos, y, X, k }
}

/**
 * Fixed-effects spatial lag, error or Durbin panel by maximum likelihood, with Elhorst's conventions
 * (Elhorst 2003, 2014; his sar_panel_FE and sem_panel_FE): lag and Durbin models: Wy (and WX) are formed on
 * the raw data, then y, Wy, X, WX are demeaned by unit, period or both; error model: y and X are demeaned
 * first and the demeaned data are filtered with (I − λW) per period. The concentrated log-likelihood
 * T·log|I − ρW| − (NT/2)·log(2π·e'e/NT) − NT/2 is maximised by Brent's method; σ² = e'e/NT; standard errors
 * from the information matrix with T-fold traces, or the observed Hessian. `biasCorrection: "lee-yu"`
 * applies Lee & Yu (2010) as Elhorst's code does (see leeYuCorrection). Impacts (lag, Durbin) use the N×N
 * weights. Residuals (of the demeaned model) and fitted values y − e come back in the input row order.
 * @example
 * fitSpatialPanel({ y, X, names: ["x1"], unit, period, weights, model: "lag", effects: "twoways" }).rho
 */
export const fitSpatialPanel = (input: SpatialPanelInput): SpatialPanelFit => {
  const effects = input.effects ?? "twoways"
  const w = input.weights
  const { N, T, rows, pos, y, X, k } = stackPanel(input)
  const demean = demeaner(N, T, effects)
  const biasCorrection = input.biasCorrection ?? "none"
  if (biasCorrection === "lee-yu" && input.variance === "hessian")
    throw inputError(
      "bias_correction_needs_information",
      "the Lee–Yu correction uses the information matrix (as Elhorst's code); drop --variance hessian",
      "Lee–Yu 偏差校正使用信息矩阵（与 Elhorst 代码一致）；请去掉 --variance hessian",
      { column: "variance" },
    )
  // Durbin: append WX (formed on the raw data) to X, named lag.<term>.
  let names = input.names
  let Xall = X
  let terms: ImpactTerm[] = names.map((term, beta) => ({ term, beta }))
  if (input.model === "durbin") {
    const lagged = input.durbin === undefined ? names.map((_, j) => j) : input.durbin.map((t) => names.indexOf(t))
    const bad = input.durbin?.filter((t) => !names.includes(t)) ?? []
    if (bad.length > 0)
      throw new InputError({
        code: "unknown_durbin_term",
        message: `${bad.join(", ")} ${bad.length > 1 ? "are" : "is"} not among the regressors (${names.join(", ")})`,
        zh: `${bad.join("、")} 不是解释变量（${names.join("、")}）`,
        issues: bad.map((t) => ({ column: "durbin", value: t, en: `${t} is not a regressor`, zh: `${t} 不是解释变量` })),
      })
    const WXr = stackedLagColumns(w, T, X)
    const m = lagged.length
    Xall = matrix(rows, k + m)
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < k; j++) Xall.data[i * (k + m) + j] = X.data[i * k + j]!
      lagged.forEach((j, c) => {
        Xall.data[i * (k + m) + k + c] = WXr.data[i * k + j]!
      })
    }
    terms = names.map((term, beta) => {
      const c = lagged.indexOf(beta)
      return { term, beta, theta: c < 0 ? undefined : k + c }
    })
    names = [...names, ...lagged.map((j) => `lag.${names[j]!}`)]
  }
  const yd = demean(y)
  const Xd = demeanColumns(Xall, demean)
  validateRegression(yd, Xd, names, undefined, rows)
  const logDet = input.logDet ?? logDeterminant(w, input.method ?? "auto")
  const common = { y: yd, X: Xd, names, weights: w, logDet, interval: input.interval ?? logDet.interval, periods: T, variance: input.variance ?? "auto" }
  // Lag and Durbin: W·y on the raw y, then demeaned. Error: W applied to the demeaned y and X.
  const data: StackedData =
    input.model === "error" ? { ...common, wy: stackedLag(w, T, yd), WX: stackedLagColumns(w, T, Xd) } : { ...common, wy: demean(stackedLag(w, T, y)) }
  const info = { effects, units: N, periods: T, method: logDet.method, n: rows, k: Xall.cols, biasCorrection }
  const unstack = (v: Float64Array) => {
    const out = new Float64Array(rows)
    for (let r = 0; r < rows; r++) out[r] = v[pos[r]!]!
    return out
  }
  // Fitted values on the original scale (fixed effects included): y − e.
  const fittedOf = (e: Float64Array) => unstack(e).map((v, r) => input.y[r]! - v)
  const kind = input.model === "error" ? "error" : "lag"
  const core = kind === "lag" ? estimateLag(data, terms) : estimateError(data)
  const corrected = biasCorrection === "lee-yu" ? applyLeeYu(kind, effects, data, core, terms) : core
  const out = { ...corrected, ...info, residuals: unstack(corrected.residuals), fitted: fittedOf(corrected.residuals) }
  if (input.model === "durbin")
    return { model: "durbin", kX: k, ...(out as typeof out & Pick<SpatialLagFit, "rho" | "impacts" | "impactsMethod" | "impactTerms">) }
  if (input.model === "lag") return { model: "lag", ...(out as typeof out & Pick<SpatialLagFit, "rho" | "impacts" | "impactsMethod" | "impactTerms">) }
  return { model: "error", ...(out as typeof out & Pick<SpatialErrorFit, "lambda">) }
}

type Core = ReturnType<typeof estimateLag> | ReturnType<typeof estimateError>

// Replace the ML estimates by the Lee–Yu corrected ones (see leeYuCorrection), keeping Elhorst's conventions for
// the log-likelihood; residuals, impacts and the LR test follow the corrected estimates.
const applyLeeYu = (kind: "lag" | "error", effects: PanelEffects, d: StackedData, core: Core, terms: ReadonlyArray<ImpactTerm>): Core => {
  const k = d.X.cols
  const nObs = d.y.length
  const T = d.periods
  const par = "rho" in core ? core.rho : core.lambda
  const beta = Float64Array.from(d.names, (nm) => core.coefficients[nm]!.estimate)
  const c = leeYuCorrection(kind, effects, d, beta, par.estimate, core.sigma2)
  const q = k + 2
  const se = (i: number) => Math.sqrt(c.covariance.data[i * q + i]!)
  const coefficients: Record<string, Estimate> = {}
  d.names.forEach((nm, j) => {
    coefficients[nm] = estimate(c.beta[j]!, se(j))
  })
  const cov = matrix(k + 1, k + 1)
  const at = (i: number) => (i === 0 ? k : i - 1)
  for (let i = 0; i <= k; i++) for (let j = 0; j <= k; j++) cov.data[i * (k + 1) + j] = c.covariance.data[at(i) * q + at(j)]!
  // Residuals at the corrected estimates (lag: e = y − ρWy − Xβ; error: e = (I − λW)(y − Xβ)).
  const e = new Float64Array(nObs)
  for (let i = 0; i < nObs; i++) {
    let xb = 0
    for (let j = 0; j < k; j++) xb += d.X.data[i * k + j]! * c.beta[j]!
    e[i] = kind === "lag" ? d.y[i]! - c.rho * d.wy[i]! - xb : d.y[i]! - xb
  }
  if (kind === "error") {
    const wxb = new Float64Array(nObs)
    for (let i = 0; i < nObs; i++) {
      let s = 0
      for (let j = 0; j < k; j++) s += d.WX!.data[i * k + j]! * c.beta[j]!
      wxb[i] = s
    }
    for (let i = 0; i < nObs; i++) e[i] = e[i]! - c.rho * (d.wy[i]! - wxb[i]!)
  }
  const sse = core.sigma2 * nObs
  const logLik = c.logLikAtCorrected ? T * d.logDet.logDet(par.estimate) - (nObs / 2) * Math.log(2 * Math.PI * c.sigma2) - sse / (2 * c.sigma2) : core.logLik
  const statistic = 2 * (logLik - core.logLikOLS)
  const base = {
    ...core,
    coefficients,
    sigma2: c.sigma2,
    logLik,
    aic: -2 * logLik + 2 * (k + 2),
    lr: { statistic, p: chiSquareSf(statistic, 1), df: 1 },
    covariance: { names: [kind === "lag" ? "rho" : "lambda", ...d.names], matrix: cov },
    residuals: e,
    fitted: d.y.map((v, i) => v - e[i]!),
  }
  if (kind === "error") return { ...base, lambda: estimate(c.rho, se(k)) } as Core
  const impacts = impactsFromTraces(terms, c.beta, impactTracesAt(d.weights, d.logDet)(c.rho), d.weights.ids.length)
  return { ...base, rho: estimate(c.rho, se(k)), impacts } as Core
}

/** Within transformation on a stacked vector (row t·N + i). @internal */
export const demeaner =
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

/** The within transformation of each column. @internal */
export const demeanColumns = (m: Matrix, demean: (v: Float64Array) => Float64Array): Matrix => {
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
