import {
  type GwrBandwidth,
  type GwrCriterion,
  type GwrData,
  type GwrFit,
  type GwrKernel,
  type GwrSelection,
  gwr,
  modelFrame,
  selectBandwidth,
} from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { inputError } from "../model/errors.js"
import { tableCoordinates, unitIds } from "./WeightsSpec.js"

/** Options of a GWR (the flags of `jiju gwr`): exactly one of bandwidth, neighbours and select. */
export interface GwrReportOptions {
  readonly id?: string | undefined
  /** R-style formula, e.g. "log(y) ~ x1 + x2". */
  readonly formula: string
  /** Coordinate columns [x, y]; GeoJSON point geometries when absent. */
  readonly coords?: readonly [string, string] | undefined
  readonly kernel: GwrKernel
  /** A fixed bandwidth (distance in the coordinates' units). */
  readonly bandwidth?: number | undefined
  /** An adaptive bandwidth: K nearest points, the point itself counted. */
  readonly neighbours?: number | undefined
  /** Choose the bandwidth by AICc or cross-validation. */
  readonly select?: GwrCriterion | undefined
  /** With select: search fixed distances or adaptive K (default: adaptive for bisquare, fixed for gaussian). */
  readonly search?: "fixed" | "adaptive" | undefined
}

/** What a GWR computed: the fit, the selection (when asked for) and the rows dropped for missing values. */
export interface GwrAnalysis {
  readonly fit: GwrFit
  readonly selection: GwrSelection | null
  readonly formula: string
  readonly nDropped: number
}

/**
 * Fit a GWR from a table (GWmodel's definitions), at a given bandwidth or at the one AICc / CV selects.
 * Rows with a missing value in the formula are dropped and counted. Throws InputError "bad_option" unless exactly
 * one of bandwidth, neighbours and select is given, and the estimator's errors.
 * @example gwrAnalysis(table, { formula: "CRIME ~ INC + HOVAL", coords: ["X", "Y"], kernel: "bisquare", select: "aicc" }).fit.aicc
 */
export const gwrAnalysis = (table: DataTable, options: GwrReportOptions): GwrAnalysis => {
  const given = [options.bandwidth, options.neighbours, options.select].filter((v) => v !== undefined).length
  if (given !== 1)
    throw inputError(
      "bad_option",
      `give exactly one of bandwidth (fixed), neighbours (adaptive) and select (aicc or cv), got ${given}`,
      `带宽（固定）、近邻数（自适应）与带宽选择（aicc 或 cv）须且只能给出一个，实际给出 ${given} 个`,
      { column: "bandwidth" },
    )
  const frame = modelFrame(table, options.formula)
  const all = tableCoordinates(table, options.coords, "GWR")
  const ids = unitIds(table, options.id)
  const rows = [...frame.rows]
  const data: GwrData = {
    ids: rows.map((r) => ids[r]!),
    x: frame.x,
    y: frame.y,
    names: frame.names,
    coords: { x: Float64Array.from(rows, (r) => all.x[r]!), y: Float64Array.from(rows, (r) => all.y[r]!) },
  }
  let bandwidth: GwrBandwidth
  let selection: GwrSelection | null = null
  if (options.select !== undefined) {
    const adaptive = (options.search ?? (options.kernel === "bisquare" ? "adaptive" : "fixed")) === "adaptive"
    selection = selectBandwidth(data, options.kernel, { adaptive, criterion: options.select })
    bandwidth = { adaptive, value: selection.bandwidth }
  } else if (options.neighbours !== undefined) bandwidth = { adaptive: true, value: options.neighbours }
  else bandwidth = { adaptive: false, value: options.bandwidth! }
  return { fit: gwr(data, options.kernel, bandwidth), selection, formula: options.formula, nDropped: frame.nDropped }
}

const quartiles = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b)
  const q = (p: number) => {
    const h = (s.length - 1) * p
    const lo = Math.floor(h)
    return s[lo]! + (h - lo) * ((s[Math.ceil(h)] ?? s[lo]!) - s[lo]!)
  }
  return { min: s[0]!, q1: q(0.25), median: q(0.5), q3: q(0.75), max: s[s.length - 1]! }
}

/**
 * The document `jiju gwr --json` prints: the bandwidth (and its search), GWmodel's diagnostics with their
 * definitions, a five-number summary of each coefficient, and per point the local estimates, standard errors,
 * local R², fitted value and residual.
 * @example gwrDocument(gwrAnalysis(table, options)).effective_parameters
 */
export const gwrDocument = (a: GwrAnalysis) => {
  const { fit, selection } = a
  const names = fit.names
  return {
    formula: a.formula,
    n: fit.n,
    n_dropped: a.nDropped,
    kernel: fit.kernel,
    adaptive: fit.bandwidth.adaptive,
    bandwidth: fit.bandwidth.value,
    selection:
      selection === null ? null : { criterion: selection.criterion, score: selection.score, range: selection.range, evaluations: selection.evaluations },
    aicc: fit.aicc,
    aic: fit.aic,
    r2: fit.r2,
    adj_r2: fit.adjR2,
    rss: fit.rss,
    effective_parameters: fit.traceS,
    trace_sts: fit.traceStS,
    enp: fit.enp,
    edf: fit.edf,
    sigma2: fit.sigma2,
    summary: Object.fromEntries(names.map((name, k) => [name, quartiles(fit.rows.map((r) => r.coefficients[k]!))])),
    definitions: [
      {
        en: "GWmodel (gwr.basic): σ² = RSS/(n − 2 tr S + tr SᵀS); SE(β_ik) = √(σ² [C_i C_iᵀ]_kk), C_i = (XᵀW_iX)⁻¹XᵀW_i; AIC = n ln(RSS/n) + n ln 2π + n + tr S (Fotheringham et al. 2002, eq. 4.22); AICc = n ln(RSS/n) + n ln 2π + n (n + tr S)/(n − 2 − tr S) (eq. 2.33); effective_parameters = tr S",
        zh: "GWmodel（gwr.basic）定义：σ² = RSS/(n − 2 tr S + tr SᵀS)；SE(β_ik) = √(σ² [C_i C_iᵀ]_kk)，C_i = (XᵀW_iX)⁻¹XᵀW_i；AIC = n ln(RSS/n) + n ln 2π + n + tr S（Fotheringham 等 2002，式 4.22）；AICc = n ln(RSS/n) + n ln 2π + n (n + tr S)/(n − 2 − tr S)（式 2.33）；effective_parameters = tr S",
      },
      {
        en: `${fit.kernel} kernel${fit.kernel === "gaussian" ? " exp(−½ (d/b)²)" : " (1 − (d/b)²)² for d < b"}; ${fit.bandwidth.adaptive ? `adaptive: b is each point's distance to its ${fit.bandwidth.value}-th nearest point, the point itself counted` : `fixed bandwidth b = ${fit.bandwidth.value}`}; Euclidean distances on the coordinates as given`,
        zh: `${fit.kernel === "gaussian" ? "高斯核 exp(−½ (d/b)²)" : "bisquare 核 (1 − (d/b)²)²（d < b）"}；${fit.bandwidth.adaptive ? `自适应带宽：b 为各点到第 ${fit.bandwidth.value} 近点（含自身）的距离` : `固定带宽 b = ${fit.bandwidth.value}`}；按所给坐标计算欧氏距离`,
      },
    ],
    rows: fit.rows.map((r) => ({
      id: r.id,
      coefficients: Object.fromEntries(names.map((name, k) => [name, { estimate: r.coefficients[k]!, se: r.se[k]! }])),
      local_r2: r.localR2,
      fitted: r.fitted,
      residual: r.residual,
    })),
  }
}

/**
 * The document `jiju gwr --json` prints.
 * @example gwrReport(table, { formula: "CRIME ~ INC + HOVAL", coords: ["X", "Y"], kernel: "gaussian", bandwidth: 3.5 }).aicc
 */
export const gwrReport = (table: DataTable, options: GwrReportOptions) => gwrDocument(gwrAnalysis(table, options))
