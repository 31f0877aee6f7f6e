import { inputError } from "../../model/errors.js"
import { quantileSorted } from "../distribution/quantile.js"
import { fromColumns } from "../linalg/index.js"
import { fixedEffects, type PanelFit } from "../panel/fixedEffects.js"
import type { PanelIndex } from "../panel/PanelIndex.js"
import { seededRandom } from "../random/Random.js"
import { demeanByUnit, indicatorColumns, profileSsr, type ThresholdGrid, thresholdGrid, withinResiduals } from "./ThresholdSearch.js"

/** A balanced panel for Hansen's threshold regression. */
export interface ThresholdPanel {
  /** Unit and period of each observation (a balanced panel). */
  readonly index: PanelIndex
  /** The response. */
  readonly y: Float64Array
  /** Regressors whose coefficients do not change with the regime (no intercept: the fixed effects absorb it). */
  readonly z: ReadonlyArray<Float64Array>
  readonly zNames: ReadonlyArray<string>
  /** Regressors whose coefficients change with the regime. */
  readonly x: ReadonlyArray<Float64Array>
  readonly xNames: ReadonlyArray<string>
  /** The threshold variable. */
  readonly q: Float64Array
}

/** Options for {@link panelThreshold}. */
export interface ThresholdOptions {
  /** Number of thresholds, 1 to 3 (default 1). */
  readonly thresholds?: number
  /** Each regime must hold at least ⌈trim·N⌉ observations (default 0.05). */
  readonly trim?: number
  /** Bootstrap replications for the p-values of the F tests (default 300; 0: none). */
  readonly bootstrap?: number
  /** Seed of the bootstrap (default 1). */
  readonly seed?: number
  /** Confidence level of the likelihood-ratio intervals (default 0.95). */
  readonly level?: number
  /** Called as the bootstrap proceeds (done, total). */
  readonly onProgress?: (done: number, total: number) => void
}

/** One estimated threshold with its test against one threshold fewer. */
export interface ThresholdEstimate {
  /** 1 for the first threshold found, 2 for the second, … */
  readonly order: number
  /** The estimate (refined as Hansen 1999 for all but the last one found). */
  readonly estimate: number
  /** Likelihood-ratio confidence set {γ: LR(γ) ≤ c(α)}, its smallest and largest candidate. */
  readonly ciLow: number
  readonly ciHigh: number
  /** S_k: the smallest SSR of the search that found this threshold. */
  readonly ssr: number
  /** F_k = (S_{k−1} − S_k)/σ̂²_k with σ̂²_k = S_k/(N(T − 1)). */
  readonly fStatistic: number
  /** Bootstrap p-value: the share of bootstrap F* above F_k; null without bootstrap. */
  readonly p: number | null
  /** Bootstrap critical values at 10 %, 5 % and 1 % (type-7 quantiles of F*); null without bootstrap. */
  readonly critical: { readonly p10: number; readonly p5: number; readonly p1: number } | null
}

/** Hansen's (1999) fixed-effects panel threshold regression. */
export interface PanelThresholdResult {
  readonly units: number
  readonly periods: number
  readonly n: number
  readonly trim: number
  /** Smallest number of observations per regime, ⌈trim·N⌉. */
  readonly minRegime: number
  /** Distinct values of the threshold variable (the candidates before trimming). */
  readonly candidates: number
  /** SSR of the linear fixed-effects model (no threshold), S_0. */
  readonly ssrLinear: number
  /** Bootstrap replications run. */
  readonly bootstrap: number
  /** Critical value c(α) = −2 ln(1 − √level) of the likelihood-ratio intervals. */
  readonly lrCritical: number
  readonly thresholds: ReadonlyArray<ThresholdEstimate>
  /** Regimes in increasing q: bounds (null: unbounded) and number of observations. */
  readonly regimes: ReadonlyArray<{ readonly low: number | null; readonly high: number | null; readonly count: number }>
  /** The final model at the estimated thresholds: within estimates, classic and cluster-robust (by unit) inference. */
  readonly fit: PanelFit
}

interface Stage {
  /** Candidate indices of the thresholds found so far, in the order found. */
  readonly found: number[]
  /** Stage minima S_1 … S_k. */
  readonly ssr: number[]
  /** SSR profile of each stage. */
  readonly profiles: Float64Array[]
}

/** Sequential search for m thresholds on (within-transformed) y: each stage searches one more given those found. */
const sequential = (grid: ThresholdGrid, base: ReadonlyArray<Float64Array>, q: Float64Array, y: Float64Array, m: number): Stage => {
  const found: number[] = []
  const ssr: number[] = []
  const profiles: Float64Array[] = []
  for (let k = 0; k < m; k++) {
    const F = [...base, ...found.flatMap((c) => indicatorColumns(grid, q, c))]
    const { ssr: profile, best } = profileSsr(grid, F, y, found)
    if (best < 0) throw tooFewCandidates(grid, k + 1)
    found.push(best)
    ssr.push(profile[best]!)
    profiles.push(profile)
  }
  return { found, ssr, profiles }
}

const tooFewCandidates = (grid: ThresholdGrid, k: number) =>
  inputError(
    "too_few_candidates",
    `no candidate is left for threshold ${k}: with the trim, every regime needs at least ${grid.minRegime} of ${grid.order.length} observations, and the threshold variable has ${grid.values.length} distinct value(s); lower the trim or ask for fewer thresholds`,
    `第 ${k} 个门槛没有候选值：按修剪比例，每个区制至少需要 ${grid.minRegime}/${grid.order.length} 个观测，而门槛变量只有 ${grid.values.length} 个不同取值；请降低修剪比例或减少门槛个数`,
    { column: "trim" },
  )

/** {γ candidates with LR ≤ crit}: smallest and largest. */
const confidenceSet = (grid: ThresholdGrid, profile: Float64Array, best: number, sigma2: number, crit: number) => {
  let lo = Number.POSITIVE_INFINITY
  let hi = Number.NEGATIVE_INFINITY
  const min = profile[best]!
  for (let c = 0; c < profile.length; c++) {
    const s = profile[c]!
    if (Number.isNaN(s) || (s - min) / sigma2 > crit) continue
    lo = Math.min(lo, grid.values[c]!)
    hi = Math.max(hi, grid.values[c]!)
  }
  return { lo, hi }
}

/**
 * Hansen's (1999) threshold regression for a balanced panel with unit fixed effects:
 * y_it = μ_i + zᵀ_it θ + Σ_r xᵀ_it β_r 1(γ_{r−1} < q_it ≤ γ_r) + e_it. Conventions:
 * - the within transformation subtracts each unit's mean (of y, z and every regime column x·1(·));
 * - candidates are the distinct values of q; a candidate is kept when every regime the thresholds cut holds at
 *   least ⌈trim·N⌉ observations (trim 0.05 by default) — InputError "too_few_candidates" when none is left;
 * - thresholds are found one at a time (each stage minimises the SSR given those already found); with two or more,
 *   each earlier threshold is then re-estimated given the others (Hansen's refinement);
 * - F_k = (S_{k−1} − S_k)/σ̂²_k, σ̂²_k = S_k/(N(T − 1)), S_0 the linear model's SSR, S_k the k-th stage minimum;
 * - p-values by Hansen's bootstrap: the residuals of the k-threshold model, grouped by unit, are drawn with
 *   replacement (whole units) and added to the fitted values of the (k − 1)-threshold model; both models are
 *   re-estimated on each sample the same way; p = #{F* > F}/B, seeded;
 * - confidence intervals: {γ: (S(γ) − S(γ̂))/σ̂² ≤ −2 ln(1 − √level)} with σ̂² of the model with all thresholds,
 *   S(γ) the profile that found (or refined) the threshold, others held at their estimates;
 * - the final coefficients are the within estimates at the thresholds (classic and cluster-robust inference, as
 *   `fixedEffects`), regime regressors named "x:regime1" (q ≤ γ_1), "x:regime2", ….
 * Throws InputError "unbalanced_panel", "bad_option" (thresholds or trim) or "too_few_candidates".
 * @example panelThreshold(panel, { thresholds: 2, bootstrap: 300, seed: 1 }).thresholds[1].p
 */
export const panelThreshold = (panel: ThresholdPanel, options: ThresholdOptions = {}): PanelThresholdResult => {
  const m = options.thresholds ?? 1
  const trim = options.trim ?? 0.05
  const B = Math.max(0, Math.floor(options.bootstrap ?? 300))
  const level = options.level ?? 0.95
  if (!Number.isInteger(m) || m < 1 || m > 3)
    throw inputError("bad_option", `thresholds must be 1, 2 or 3, got ${m}`, `门槛个数必须为 1、2 或 3，实际为 ${m}`, { column: "thresholds", value: m })
  if (!(trim > 0 && trim < 0.5))
    throw inputError("bad_option", `trim must be a share between 0 and 0.5, got ${trim}`, `修剪比例必须在 0 到 0.5 之间，实际为 ${trim}`, {
      column: "trim",
      value: trim,
    })
  const { index } = panel
  if (!index.balanced)
    throw inputError(
      "unbalanced_panel",
      "Hansen's threshold regression needs a balanced panel: every unit observed in every period",
      "Hansen 门槛回归需要平衡面板：每个单元在每个时期都有观测",
    )
  const G = index.units.length
  const T = index.periods.length
  const N = panel.y.length
  const unit = index.unit
  const grid = thresholdGrid(panel.q, panel.x, unit, G, T, trim)
  const dfSigma = G * (T - 1)
  const yw = demeanByUnit(panel.y, unit, G)
  const base = [...panel.z, ...panel.x].map((c) => demeanByUnit(c, unit, G))
  const q = panel.q
  const linear = withinResiduals(base, yw)
  const stage = sequential(grid, base, q, yw, m)
  // Refinement: each earlier threshold re-estimated given all the others.
  const final = [...stage.found]
  const profiles: Float64Array[] = [...stage.profiles]
  for (let j = 0; j < m - 1; j++) {
    const others = final.filter((_, k) => k !== j)
    const F = [...base, ...others.flatMap((c) => indicatorColumns(grid, q, c))]
    const r = profileSsr(grid, F, yw, others)
    if (r.best < 0) throw tooFewCandidates(grid, j + 1)
    final[j] = r.best
    profiles[j] = r.ssr
  }
  const sigma2 = stage.ssr[m - 1]! / dfSigma
  const crit = -2 * Math.log(1 - Math.sqrt(level))
  const ssrs = [linear.ssr, ...stage.ssr]
  const fStats = stage.ssr.map((s, k) => (ssrs[k]! - s) / (s / dfSigma))

  // Bootstrap of each F_k: residuals of the k-threshold model (sequential estimates), fitted values of the k − 1.
  const pValues: Array<number | null> = []
  const criticals: Array<ThresholdEstimate["critical"]> = []
  const rng = seededRandom(options.seed ?? 1)
  const total = B * m
  for (let k = 1; k <= m; k++) {
    if (B === 0) {
      pValues.push(null)
      criticals.push(null)
      continue
    }
    const alt = withinResiduals([...base, ...stage.found.slice(0, k).flatMap((c) => indicatorColumns(grid, q, c))], yw).residuals
    const nullRes = withinResiduals([...base, ...stage.found.slice(0, k - 1).flatMap((c) => indicatorColumns(grid, q, c))], yw).residuals
    const fittedNull = Float64Array.from(yw, (v, i) => v - nullRes[i]!)
    // Residual vectors by unit, in period order, so that a drawn unit's residuals keep their periods.
    const rowsOf: number[][] = Array.from({ length: G }, () => [])
    for (let i = 0; i < N; i++) rowsOf[unit[i]!]!.push(i)
    for (const r of rowsOf) r.sort((a, b) => index.period[a]! - index.period[b]!)
    const stats = new Float64Array(B)
    const yb = new Float64Array(N)
    for (let b = 0; b < B; b++) {
      options.onProgress?.((k - 1) * B + b, total)
      for (let g = 0; g < G; g++) {
        const from = rowsOf[rng.int(G)]!
        const to = rowsOf[g]!
        for (let t = 0; t < T; t++) yb[to[t]!] = fittedNull[to[t]!]! + alt[from[t]!]!
      }
      const s = sequential(grid, base, q, yb, k)
      const sPrev = k === 1 ? withinResiduals(base, yb).ssr : s.ssr[k - 2]!
      const sK = s.ssr[k - 1]!
      stats[b] = (sPrev - sK) / (sK / dfSigma)
    }
    let above = 0
    for (let b = 0; b < B; b++) if (stats[b]! > fStats[k - 1]!) above++
    pValues.push(above / B)
    const sorted = stats.slice().sort()
    criticals.push({ p10: quantileSorted(sorted, 0.9), p5: quantileSorted(sorted, 0.95), p1: quantileSorted(sorted, 0.99) })
  }
  if (B > 0) options.onProgress?.(total, total)

  const thresholds: ThresholdEstimate[] = final.map((c, k) => {
    const ci = confidenceSet(grid, profiles[k]!, c, sigma2, crit)
    return {
      order: k + 1,
      estimate: grid.values[c]!,
      ciLow: ci.lo,
      ciHigh: ci.hi,
      ssr: stage.ssr[k]!,
      fStatistic: fStats[k]!,
      p: pValues[k]!,
      critical: criticals[k]!,
    }
  })
  const cuts = [...final].sort((a, b) => a - b)
  const gammas = cuts.map((c) => grid.values[c]!)
  const regimes = [...gammas, null].map((high, r) => {
    const low = r === 0 ? null : gammas[r - 1]!
    let count = 0
    for (let i = 0; i < N; i++) if ((low === null || q[i]! > low) && (high === null || q[i]! <= high)) count++
    return { low, high, count }
  })
  // The final model on the raw variables: fixedEffects does the within transformation and the inference.
  const columns: Float64Array[] = [...panel.z]
  const names: string[] = [...panel.zNames]
  regimes.forEach((r, k) => {
    panel.x.forEach((col, j) => {
      columns.push(Float64Array.from(col, (v, i) => ((r.low === null || q[i]! > r.low) && (r.high === null || q[i]! <= r.high) ? v : 0)))
      names.push(`${panel.xNames[j]}:regime${k + 1}`)
    })
  })
  const fit = fixedEffects(fromColumns(columns, N), panel.y, names, index, "individual")
  return {
    units: G,
    periods: T,
    n: N,
    trim,
    minRegime: grid.minRegime,
    candidates: grid.values.length,
    ssrLinear: linear.ssr,
    bootstrap: B,
    lrCritical: crit,
    thresholds,
    regimes,
    fit,
  }
}
