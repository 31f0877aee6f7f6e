import { modelFrame, type PanelThresholdResult, panelIndex, panelThreshold } from "../econometrics/index.js"
import type { DataTable } from "../io/DataTable.js"
import { requireColumn, stringColumn } from "../io/index.js"
import { inputError } from "../model/errors.js"
import { variableValues } from "./variable.js"

/** Options of the panel threshold regression (the flags of `jiju threshold`). */
export interface ThresholdReportOptions {
  readonly unit: string
  readonly period: string
  /** "y ~ z1 + z2": the response and the regressors whose coefficients do not change; the intercept is absorbed. */
  readonly formula: string
  /** The threshold variable q (column or expression). */
  readonly thresholdVar: string
  /** The regressor(s) whose coefficients change with the regime (columns or expressions), not repeated in the formula. */
  readonly regimeVar: string | ReadonlyArray<string>
  readonly thresholds?: number | undefined
  readonly trim?: number | undefined
  readonly bootstrap?: number | undefined
  readonly seed?: number | undefined
  readonly onProgress?: ((done: number, total: number) => void) | undefined
}

/**
 * Hansen's (1999) threshold regression from a long table (one row per unit and period).
 * Throws InputError "regime_in_formula", "missing_value", "unbalanced_panel", "too_few_candidates", … .
 * @example thresholdAnalysis(table, { unit: "state", period: "year", formula: "y ~ z", thresholdVar: "q", regimeVar: "x" })
 */
export const thresholdAnalysis = (table: DataTable, options: ThresholdReportOptions): PanelThresholdResult => {
  requireColumn(table, options.unit)
  requireColumn(table, options.period)
  const regime = (typeof options.regimeVar === "string" ? options.regimeVar.split(",") : [...options.regimeVar]).map((s) => s.trim()).filter((s) => s !== "")
  const frame = modelFrame(table, options.formula)
  for (const v of regime)
    if (frame.names.includes(v))
      throw inputError(
        "regime_in_formula",
        `the regime variable "${v}" is also in the formula; give it only as the regime variable (its coefficients are estimated per regime)`,
        `区制变量“${v}”同时出现在公式中；它只应作为区制变量给出（其系数按区制分别估计）`,
        { column: v },
      )
  if (frame.nDropped > 0)
    throw inputError(
      "missing_value",
      `row ${frame.dropped[0]} has a missing value in the formula's variables; the threshold model needs a balanced panel without gaps`,
      `第 ${frame.dropped[0]} 行公式变量缺失；门槛模型需要没有缺失的平衡面板`,
      { row: frame.dropped[0]! },
    )
  const units = stringColumn(table, options.unit)
  const index = panelIndex(units, stringColumn(table, options.period))
  const keep = frame.names.flatMap((n, j) => (n === "(Intercept)" ? [] : [j]))
  const z = keep.map((j) => Float64Array.from({ length: frame.x.rows }, (_, i) => frame.x.data[i * frame.x.cols + j]!))
  return panelThreshold(
    {
      index,
      y: frame.y,
      z,
      zNames: keep.map((j) => frame.names[j]!),
      x: regime.map((v) => variableValues(table, v, units)),
      xNames: regime,
      q: variableValues(table, options.thresholdVar, units),
    },
    {
      thresholds: options.thresholds ?? 1,
      trim: options.trim ?? 0.05,
      bootstrap: options.bootstrap ?? 300,
      seed: options.seed ?? 1,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  )
}

/**
 * The document `jiju threshold --json` prints.
 * @example thresholdDocument(result, options).thresholds[0].ci_low
 */
export const thresholdDocument = (r: PanelThresholdResult, options: ThresholdReportOptions) => ({
  formula: options.formula,
  threshold_var: options.thresholdVar,
  regime_var: typeof options.regimeVar === "string" ? options.regimeVar.split(",").map((s) => s.trim()) : [...options.regimeVar],
  units: r.units,
  periods: r.periods,
  n: r.n,
  trim: r.trim,
  min_regime: r.minRegime,
  candidates: r.candidates,
  bootstrap: r.bootstrap,
  seed: options.seed ?? 1,
  lr_critical: r.lrCritical,
  ssr_linear: r.ssrLinear,
  thresholds: r.thresholds.map((t) => ({
    order: t.order,
    estimate: t.estimate,
    ci_low: t.ciLow,
    ci_high: t.ciHigh,
    ssr: t.ssr,
    f_statistic: t.fStatistic,
    p: t.p,
    critical: t.critical === null ? null : { p10: t.critical.p10, p5: t.critical.p5, p1: t.critical.p1 },
  })),
  regimes: r.regimes.map((g, k) => ({ regime: k + 1, low: g.low, high: g.high, count: g.count })),
  coefficients: r.fit.coefficients.map((c) => ({
    name: c.name,
    estimate: c.estimate,
    se: c.se,
    t: c.t,
    p: c.p,
    cluster_se: c.clusterSe,
    cluster_p: c.clusterP,
  })),
  dropped: r.fit.dropped.map((d) => ({ name: d.name, reason: d.reason })),
  rss: r.fit.rss,
  df_residual: r.fit.dfResidual,
  r2_within: r.fit.r2Within,
  notes: [
    {
      en: "Hansen (1999): unit fixed effects (within transformation); candidates are the distinct values of the threshold variable leaving every regime at least ⌈trim·N⌉ observations; thresholds found one at a time, earlier ones refined given the later; F_k = (S_{k−1} − S_k)/(S_k/(N(T−1))); p-values by the unit bootstrap (share of F* above F); 95 % intervals {γ: LR(γ) ≤ −2 ln(1 − √0.95)}; regime r: γ_{r−1} < q ≤ γ_r; coefficient standard errors classic (df N − units − k) and clustered by unit",
      zh: "Hansen (1999)：个体固定效应（组内变换）；候选门槛为门槛变量的不同取值，且每个区制至少含 ⌈trim·N⌉ 个观测；逐个搜索门槛，并在给定后续门槛时重新估计前面的门槛；F_k = (S_{k−1} − S_k)/(S_k/(N(T−1)))；p 值由按个体的自助法得到（F* 大于 F 的比例）；95 % 置信区间为 {γ: LR(γ) ≤ −2 ln(1 − √0.95)}；区制 r 为 γ_{r−1} < q ≤ γ_r；系数标准误给出普通标准误（自由度 N − 个体数 − k）与按个体聚类的稳健标准误",
    },
  ],
})

/**
 * The document `jiju threshold --json` prints.
 * @example thresholdReport(table, { unit: "state", period: "year", formula: "log(gsp) ~ log(emp)", thresholdVar: "unemp", regimeVar: "log(pcap)" })
 */
export const thresholdReport = (table: DataTable, options: ThresholdReportOptions) => thresholdDocument(thresholdAnalysis(table, options), options)
