import { stringColumn } from "../../io/columns.js"
import type { DataTable } from "../../io/DataTable.js"
import { type Bilingual, InputError } from "../../model/errors.js"
import { type Formula, type ModelFrame, modelFrame } from "../formula/index.js"
import { type Matrix, matrix, qrCoefficients, qrDecomposeColumnMajor, qrUnscaledCovariance, toColumnMajor, tPValue } from "../linalg/index.js"
import { type PanelIndex, panelIndex } from "./PanelIndex.js"
import { type WithinEffects, type WithinOptions, within, withinPlan } from "./within.js"

/** A fixed-effects coefficient with classic and cluster-robust (by unit) inference. */
export interface PanelCoefficient {
  /** Regressor name as in the formula. */
  readonly name: string
  /** Within estimate, as coef(plm(..., model = "within")). */
  readonly estimate: number
  /** Classic standard error √(σ² (X̃ᵀX̃)⁻¹_jj). */
  readonly se: number
  /** estimate / se. */
  readonly t: number
  /** Two-sided t p-value with df.residual (as plm's summary). */
  readonly p: number
  /** Cluster-robust se by unit, plm vcovHC(type = "sss", cluster = "group"). */
  readonly clusterSe: number
  /** estimate / clusterSe. */
  readonly clusterT: number
  /** Two-sided t p-value of clusterT with dfResidual degrees of freedom (as coeftest with the cluster vcov). */
  readonly clusterP: number
}

/** A regressor left out of the fit, and why. */
export interface DroppedRegressor {
  /** Regressor name as in the formula. */
  readonly name: string
  /** Why it was dropped, in both languages. */
  readonly reason: Bilingual
}

/** A within (fixed-effects) panel regression, as plm(model = "within"). */
export interface PanelFit {
  /** Which fixed effects were swept out: "individual", "time" or "twoways". */
  readonly effects: WithinEffects
  /** Names of the kept regressors, in the order of `coefficients`. */
  readonly names: ReadonlyArray<string>
  /** Estimates with classic and cluster-robust inference. */
  readonly coefficients: ReadonlyArray<PanelCoefficient>
  /** Estimates as a vector, in the order of `names`. */
  readonly beta: Float64Array
  /** Regressors removed: no within variation, or collinear with others. Never silently kept. */
  readonly dropped: ReadonlyArray<DroppedRegressor>
  /** Number of observations used. */
  readonly n: number
  /** Number of units (individuals) N. */
  readonly units: number
  /** Number of periods T. */
  readonly periods: number
  /** Whether every unit is observed in every period. */
  readonly balanced: boolean
  /** Number of kept regressors. */
  readonly k: number
  /** n − k − (number of fixed effects: N, T, or N + T − 1), as plm's df.residual. */
  readonly dfResidual: number
  /** Residual sum of squares of the within regression. */
  readonly rss: number
  /** RSS / dfResidual. */
  readonly sigma2: number
  /** Within R² (plm's r.squared): 1 − RSS / TSS of the demeaned response. */
  readonly r2Within: number
  /** Within-transformed response, regressors (one array per kept column) and residuals. */
  readonly yWithin: Float64Array
  /** Within-transformed regressors, one array per kept column. */
  readonly xWithin: ReadonlyArray<Float64Array>
  /** Within residuals, as residuals(plm). */
  readonly residuals: Float64Array
  /** Classic covariance σ²(X̃ᵀX̃)⁻¹ and cluster-robust covariance, k×k. */
  readonly vcov: Matrix
  /** Cluster-robust (by unit) covariance, k×k. */
  readonly vcovCluster: Matrix
}

const NO_VARIATION: Record<WithinEffects, Bilingual> = {
  individual: { en: "no variation within units (constant for each unit)", zh: "单元内无变化（各单元内为常数）" },
  time: { en: "no variation within periods (constant in each period)", zh: "时期内无变化（各时期内为常数）" },
  twoways: {
    en: "no variation left after removing unit and period effects",
    zh: "去除单元与时期效应后无剩余变化",
  },
}

/**
 * Fixed-effects regression by the within transformation (never dummies), matching plm's "within" model:
 * coefficients, classic se with plm's df.residual, cluster-robust se by unit (vcovHC type "sss"), within R².
 * Columns named "(Intercept)" are ignored (fixed effects absorb them). Regressors without within variation
 * or collinear with others are reported in `dropped`.
 * @example fixedEffects(frame.x, frame.y, frame.names, panelIndex(units, periods), "twoways")
 */
export const fixedEffects = (
  x: Matrix,
  y: Float64Array,
  names: ReadonlyArray<string>,
  index: PanelIndex,
  effects: WithinEffects,
  opts: WithinOptions = {},
): PanelFit => {
  const n = x.rows
  const plan = withinPlan(index, effects)
  const yw = within(plan, y, opts)
  const cols: number[] = []
  const demeaned: Float64Array[] = []
  const dropped: DroppedRegressor[] = []
  // One transposition to columns (contiguous sweeps), instead of strided reads per column.
  const xc = toColumnMajor(x)
  for (let j = 0; j < x.cols; j++) {
    if (names[j] === "(Intercept)") continue
    const raw = xc.subarray(j * n, (j + 1) * n)
    let rawNorm = 0
    for (let i = 0; i < n; i++) rawNorm += raw[i]! * raw[i]!
    const d = within(plan, raw, opts)
    let dn = 0
    for (let i = 0; i < n; i++) dn += d[i]! * d[i]!
    // Nothing left after the transformation (relative to the column's size): the effects absorb it.
    if (dn === 0 || Math.sqrt(dn) <= 1e-8 * Math.sqrt(rawNorm)) {
      dropped.push({ name: names[j]!, reason: NO_VARIATION[effects] })
      continue
    }
    cols.push(j)
    demeaned.push(d)
  }
  // Collinear among themselves (as lm's aliasing in plm): QR with R's tolerance on the demeaned columns.
  const columnMajor = (ds: ReadonlyArray<Float64Array>) => {
    const buf = new Float64Array(n * ds.length)
    ds.forEach((d, c) => {
      buf.set(d, c * n)
    })
    return buf
  }
  let f = qrDecomposeColumnMajor(columnMajor(demeaned), n, demeaned.length)
  if (f.rank < cols.length) {
    const keep = [...f.pivot.subarray(0, f.rank)].sort((a, b) => a - b)
    for (const c of f.pivot.subarray(f.rank)) {
      const b = qrCoefficients(f, demeaned[c]!)
      const partners = keep.filter((q) => Math.abs(b[q]!) > 1e-7).map((q) => names[cols[q]!]!)
      dropped.push({
        name: names[cols[c]!]!,
        reason: {
          en: `collinear with ${partners.join(", ") || "the fixed effects"} after the within transformation`,
          zh: `组内变换后与${partners.join("、") || "固定效应"}共线`,
        },
      })
    }
    const kept = keep.map((q) => cols[q]!)
    const keptD = keep.map((q) => demeaned[q]!)
    cols.length = 0
    cols.push(...kept)
    demeaned.length = 0
    demeaned.push(...keptD)
    f = qrDecomposeColumnMajor(columnMajor(demeaned), n, demeaned.length)
  }
  const k = cols.length
  if (k === 0) {
    const en = "No regressor has within variation: every term is absorbed by the fixed effects"
    const zh = "没有任何自变量具有组内变化：所有项均被固定效应吸收"
    throw new InputError({ code: "singular_design", message: en, zh, issues: dropped.map((d) => ({ column: d.name, en: d.reason.en, zh: d.reason.zh })) })
  }
  const beta = qrCoefficients(f, yw)
  // Residuals ỹ − X̃β straight from the demeaned columns (cheaper than applying Q twice).
  const residuals = Float64Array.from(yw)
  for (let c = 0; c < k; c++) {
    const d = demeaned[c]!
    const bc = beta[c]!
    for (let i = 0; i < n; i++) residuals[i]! -= d[i]! * bc
  }
  const xtxInv = qrUnscaledCovariance(f)
  const G = index.units.length
  const T = index.periods.length
  const cardFe = effects === "individual" ? G : effects === "time" ? T : G + T - 1
  const dfResidual = n - k - cardFe
  if (dfResidual <= 0) {
    const en = `Too few observations: ${n} rows for ${k} coefficients and ${cardFe} fixed effects`
    const zh = `观测太少：${n} 行数据，${k} 个系数和 ${cardFe} 个固定效应`
    throw new InputError({ code: "too_few_rows", message: en, zh, issues: [{ en, zh }] })
  }
  let rss = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    rss += residuals[i]! * residuals[i]!
    my += yw[i]!
  }
  my /= n
  let tss = 0
  for (let i = 0; i < n; i++) tss += (yw[i]! - my) ** 2
  const sigma2 = rss / dfResidual
  const vcov = matrix(k, k)
  for (let a = 0; a < k * k; a++) vcov.data[a] = sigma2 * xtxInv.data[a]!
  // Cluster by unit: meat = Σ_g (X̃_gᵀ û_g)(X̃_gᵀ û_g)ᵀ, small-sample factor G/(G−1)·(n−1)/(n−k).
  const scores = new Float64Array(G * k)
  const unit = index.unit
  for (let c = 0; c < k; c++) {
    const d = demeaned[c]!
    for (let i = 0; i < n; i++) scores[unit[i]! * k + c]! += d[i]! * residuals[i]!
  }
  const meat = new Float64Array(k * k)
  for (let g = 0; g < G; g++)
    for (let a = 0; a < k; a++) {
      const sa = scores[g * k + a]!
      if (sa === 0) continue
      for (let b = 0; b < k; b++) meat[a * k + b]! += sa * scores[g * k + b]!
    }
  const adj = (G / (G - 1)) * ((n - 1) / (n - k))
  const tmp = new Float64Array(k * k)
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0
      for (let c = 0; c < k; c++) s += xtxInv.data[a * k + c]! * meat[c * k + b]!
      tmp[a * k + b] = s
    }
  const vcovCluster = matrix(k, k)
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0
      for (let c = 0; c < k; c++) s += tmp[a * k + c]! * xtxInv.data[c * k + b]!
      vcovCluster.data[a * k + b] = adj * s
    }
  const keptNames = cols.map((j) => names[j]!)
  const coefficients = keptNames.map((name, c) => {
    const se = Math.sqrt(vcov.data[c * k + c]!)
    const cse = Math.sqrt(vcovCluster.data[c * k + c]!)
    const t = beta[c]! / se
    const ct = beta[c]! / cse
    return { name, estimate: beta[c]!, se, t, p: tPValue(t, dfResidual), clusterSe: cse, clusterT: ct, clusterP: tPValue(ct, dfResidual) }
  })
  return {
    effects,
    names: keptNames,
    coefficients,
    beta,
    dropped,
    n,
    units: G,
    periods: T,
    balanced: index.balanced,
    k,
    dfResidual,
    rss,
    sigma2,
    r2Within: 1 - rss / tss,
    yWithin: yw,
    xWithin: demeaned,
    residuals,
    vcov,
    vcovCluster,
  }
}

/** A panel model frame: the formula's model frame plus the panel index of the kept rows. */
export interface PanelFrame {
  readonly frame: ModelFrame
  readonly index: PanelIndex
  /** Unit and period label of each kept row. */
  readonly unitLabels: ReadonlyArray<string>
  readonly periodLabels: ReadonlyArray<string>
}

/**
 * Build the model frame and panel index from a table with unit and period columns.
 * Rows with missing values are dropped (and counted in frame.nDropped) before indexing.
 * @example panelFrame(table, "log(gsp) ~ log(pcap) + unemp", "state", "year")
 */
export const panelFrame = (table: DataTable, formula: string | Formula, unit: string, period: string): PanelFrame => {
  const units = stringColumn(table, unit)
  const periods = stringColumn(table, period)
  const frame = modelFrame(table, formula)
  const rows = [...frame.rows]
  const unitLabels = rows.map((r) => units[r]!)
  const periodLabels = rows.map((r) => periods[r]!)
  const index = panelIndex(
    unitLabels,
    periodLabels,
    rows.map((r) => r + 1),
  )
  return { frame, index, unitLabels, periodLabels }
}

/**
 * Fixed-effects regression from a formula on a long table (one row per unit and period).
 * @example panelFixedEffects(produc, "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp", "state", "year", "twoways")
 */
export const panelFixedEffects = (
  table: DataTable,
  formula: string | Formula,
  unit: string,
  period: string,
  effects: WithinEffects,
  opts: WithinOptions = {},
): PanelFrame & { readonly fit: PanelFit } => {
  const pf = panelFrame(table, formula, unit, period)
  return { ...pf, fit: fixedEffects(pf.frame.x, pf.frame.y, pf.frame.names, pf.index, effects, opts) }
}
