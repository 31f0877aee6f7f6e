import type { Bilingual } from "../../model/errors.js"
import { inputError } from "../../model/errors.js"
import type { Direction } from "../../model/Indicator.js"
import { entropyWeights } from "../composite/EntropyWeights.js"
import { normalise } from "../composite/Normalise.js"
import { equalWeights } from "../composite/Weights.js"
import { BOUNDARY_RULE, type BoundaryRule, type CoordinationLevel, coordinationLevel } from "./CoordinationLevel.js"
import { correctedCouplingDegree, couplingDegree } from "./CouplingDegree.js"

/** One indicator of a subsystem: its values over all unit-periods (rows), and its direction. */
export interface CouplingIndicator {
  readonly name: string
  readonly values: ArrayLike<number>
  readonly direction?: Direction
}

/** A subsystem (子系统), e.g. industry, environment, innovation. */
export interface CouplingSubsystem {
  readonly name: string
  readonly indicators: ReadonlyArray<CouplingIndicator>
}

/** Options of {@link couplingCoordination}. */
export interface CouplingOptions {
  /** Weights of indicators within each subsystem: `entropy` (default) or `equal`. */
  readonly weighting?: "entropy" | "equal"
  /** `minmax` (default) or `shifted` (into `shiftedRange`, default [0.01, 0.99]). */
  readonly normalise?: "minmax" | "shifted"
  readonly shiftedRange?: readonly [number, number]
  /** Contribution α_s of each subsystem to T; default equal (1/n). Must be non-negative and sum to 1. */
  readonly alpha?: ArrayLike<number>
}

/** Coupling results for one row (unit-period). */
export interface CouplingRow {
  /** Comprehensive level of each subsystem, U_s = Σ_j w_j x'_j, by subsystem name. */
  readonly U: Readonly<Record<string, number>>
  /** Coupling degree C ∈ [0, 1] of the subsystems' levels (the classical formula). */
  readonly C: number
  /** Corrected coupling degree of 王淑佳 et al. (2021), see {@link correctedCouplingDegree}. */
  readonly C_corrected: number
  /** Comprehensive coordination index T = Σ_s α_s U_s. */
  readonly T: number
  /** Coupling coordination degree D = √(C·T) ∈ [0, 1]. */
  readonly D: number
  /** Coordination degree using C_corrected: √(C_corrected·T). */
  readonly D_corrected: number
  /** Class of D in tenths (极度失调 … 优质协调). */
  readonly level: CoordinationLevel
  /** Class of D_corrected. */
  readonly level_corrected: CoordinationLevel
  /** Name of the subsystem with the smallest U, or "none" when the smallest U is shared (balanced). */
  readonly lagging: string
}

/** Everything {@link couplingCoordination} computed. */
export interface CouplingCoordination {
  /** Indicator weights within each subsystem: weights[subsystem][indicator]. */
  readonly weights: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** Contribution weight α_s of each subsystem in T, by subsystem name (they sum to 1). */
  readonly alpha: Readonly<Record<string, number>>
  /** One row per observation (region or zone-year), in input order. */
  readonly rows: ReadonlyArray<CouplingRow>
  /** How D values on a class boundary are classed (lower bound inclusive). */
  readonly boundary_rule: BoundaryRule
  /** Remarks on the computation (e.g. constant indicators), in both languages. */
  readonly notes: ReadonlyArray<Bilingual>
}

/** Absolute tolerance under which two U count as tied when naming the lagging subsystem. */
export const LAGGING_TIE_TOLERANCE = 1e-12

/**
 * Coupling coordination degree model (耦合协调度模型, domain.md §3) over n ≥ 2 subsystems.
 *
 * Per subsystem each indicator is normalised (min-max or shifted, negative indicators reversed) and weighted
 * (entropy or equal); U_s = Σ_j w_j x'_j. Normalisation and entropy weights are computed over all rows pooled —
 * every unit and every period together — so U is comparable across units and over time within the data set
 * (results change when rows are added). Then C = n(Π U)^{1/n}/Σ U, T = Σ α_s U_s, D = √(C·T), the class of D
 * by tenths ({@link BOUNDARY_RULE}), the lagging subsystem, and the corrected C of 王淑佳 et al. (2021).
 *
 * @throws InputError `too_few_subsystems`, `empty_subsystem`, `duplicate_name`, `ragged`, `bad_alpha`, and those
 *   of normalise / entropyWeights (`not_finite`, `too_few_units`).
 * @example couplingCoordination([{ name: "econ", indicators: [{ name: "gdp", values: [1, 2, 3] }] },
 *                                { name: "env", indicators: [{ name: "so2", values: [5, 3, 4], direction: "negative" }] }])
 */
export const couplingCoordination = (subsystems: ReadonlyArray<CouplingSubsystem>, options: CouplingOptions = {}): CouplingCoordination => {
  const n = subsystems.length
  if (n < 2) throw inputError("too_few_subsystems", `coupling needs at least 2 subsystems, got ${n}`, `耦合分析至少需要 2 个子系统，实际 ${n} 个`)
  const names = subsystems.map((s) => s.name)
  const seen = new Set<string>()
  for (const name of names) {
    if (seen.has(name)) throw inputError("duplicate_name", `subsystem "${name}" is given twice`, `子系统“${name}”重复`, { value: name })
    seen.add(name)
  }
  const rows = subsystems[0]!.indicators[0]?.values.length ?? 0
  const alpha = checkAlpha(options.alpha, names)
  const method = options.normalise ?? "minmax"
  const weighting = options.weighting ?? "entropy"
  const notes: Bilingual[] = [
    {
      en: `indicators normalised (${method}) and weighted (${weighting}) over all ${rows} rows pooled`,
      zh: `指标标准化（${method}）与赋权（${weighting}）基于全部 ${rows} 行合并计算`,
    },
  ]
  const weights: Record<string, Record<string, number>> = {}
  const levels = subsystems.map((sub) => {
    if (sub.indicators.length === 0)
      throw inputError("empty_subsystem", `subsystem "${sub.name}" has no indicators`, `子系统“${sub.name}”没有指标`, { value: sub.name })
    const normalised = sub.indicators.map((ind) => {
      if (ind.values.length !== rows)
        throw inputError(
          "ragged",
          `indicator ${ind.name} has ${ind.values.length} values, expected ${rows}`,
          `指标 ${ind.name} 有 ${ind.values.length} 个值，应为 ${rows} 个`,
          {
            column: ind.name,
          },
        )
      return normalise(ind.values, {
        method,
        direction: ind.direction ?? "positive",
        shiftedRange: options.shiftedRange ?? [0.01, 0.99],
        label: ind.name,
      })
    })
    const indicatorNames = sub.indicators.map((i) => i.name)
    let w: Float64Array
    if (weighting === "entropy") {
      const ew = entropyWeights(normalised, indicatorNames)
      w = ew.weights
      if (ew.degenerate)
        notes.push({ en: `subsystem ${sub.name}: every indicator is constant; equal weights used`, zh: `子系统 ${sub.name}：所有指标均为常数，改用等权重` })
    } else w = equalWeights(normalised.length).weights
    weights[sub.name] = Object.fromEntries(indicatorNames.map((name, j) => [name, w[j]!]))
    const u = new Float64Array(rows)
    normalised.forEach((col, j) => {
      for (let i = 0; i < rows; i++) u[i]! += w[j]! * col[i]!
    })
    return u
  })
  const out: CouplingRow[] = []
  const us = new Float64Array(n)
  for (let i = 0; i < rows; i++) {
    for (let s = 0; s < n; s++) us[s] = levels[s]![i]!
    const c = couplingDegree(us)
    const cc = correctedCouplingDegree(us)
    let t = 0
    for (let s = 0; s < n; s++) t += alpha[s]! * us[s]!
    const d = Math.sqrt(c * t)
    const dc = Math.sqrt(cc * t)
    out.push({
      U: Object.fromEntries(names.map((name, s) => [name, us[s]!])),
      C: c,
      C_corrected: cc,
      T: t,
      D: d,
      D_corrected: dc,
      level: coordinationLevel(d),
      level_corrected: coordinationLevel(dc),
      lagging: laggingSubsystem(us, names),
    })
  }
  return {
    weights,
    alpha: Object.fromEntries(names.map((name, s) => [name, alpha[s]!])),
    rows: out,
    boundary_rule: BOUNDARY_RULE,
    notes,
  }
}

/**
 * The subsystem with the smallest U (滞后子系统), or "none" when two or more share the smallest value
 * (within {@link LAGGING_TIE_TOLERANCE}).
 * @example laggingSubsystem([0.3, 0.6], ["econ", "env"]) // "econ"
 */
export const laggingSubsystem = (u: ArrayLike<number>, names: ReadonlyArray<string>): string => {
  let min = Infinity
  for (let s = 0; s < u.length; s++) min = Math.min(min, u[s]!)
  const at: number[] = []
  for (let s = 0; s < u.length; s++) if (u[s]! - min <= LAGGING_TIE_TOLERANCE) at.push(s)
  return at.length === 1 ? names[at[0]!]! : "none"
}

const checkAlpha = (alpha: ArrayLike<number> | undefined, names: ReadonlyArray<string>): Float64Array => {
  const n = names.length
  if (alpha === undefined) return new Float64Array(n).fill(1 / n)
  const given = Array.from(alpha)
  if (given.length !== n)
    throw inputError(
      "bad_alpha",
      `alpha has ${given.length} values but there are ${n} subsystems (${names.join(", ")})`,
      `α 有 ${given.length} 个值，但子系统有 ${n} 个（${names.join("、")}）`,
      {
        value: given,
      },
    )
  given.forEach((a, s) => {
    if (!Number.isFinite(a) || a < 0)
      throw inputError("bad_alpha", `alpha for ${names[s]} is ${a}; it must be a non-negative number`, `子系统 ${names[s]} 的 α 为 ${a}，须为非负数`, {
        value: a,
      })
  })
  const sum = given.reduce((a, b) => a + b, 0)
  if (Math.abs(sum - 1) > 1e-6) throw inputError("bad_alpha", `alpha must sum to 1, got ${sum}`, `α 之和须为 1，实际为 ${sum}`, { value: given })
  return Float64Array.from(given)
}
