import type { Bilingual } from "../../model/errors.js"

/** One of the ten classes of the coupling coordination degree D (耦合协调等级). */
export interface CoordinationLevel extends Bilingual {
  /** Stable slug, e.g. "extreme_imbalance", "high_quality". */
  readonly code: string
  /** 1 (lowest) … 10 (highest). */
  readonly grade: number
  /** Class interval [lower, upper) — the last class also holds D = 1. */
  readonly lower: number
  readonly upper: number
}

const NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ["extreme_imbalance", "极度失调", "extreme imbalance"],
  ["serious_imbalance", "严重失调", "serious imbalance"],
  ["moderate_imbalance", "中度失调", "moderate imbalance"],
  ["mild_imbalance", "轻度失调", "mild imbalance"],
  ["near_imbalance", "濒临失调", "near imbalance"],
  ["barely_coordinated", "勉强协调", "barely coordinated"],
  ["primary_coordination", "初级协调", "primary coordination"],
  ["intermediate_coordination", "中级协调", "intermediate coordination"],
  ["good_coordination", "良好协调", "good coordination"],
  ["high_quality_coordination", "优质协调", "high-quality coordination"],
]

/**
 * The ten classes of the coupling coordination degree D in tenths, lowest first (极度失调 … 优质协调);
 * use it to draw a legend or to list the classes in a report.
 * @example COORDINATION_LEVELS.map((l) => l.zh)[9] // "优质协调"
 */
export const COORDINATION_LEVELS: ReadonlyArray<CoordinationLevel> = NAMES.map(([code, zh, en], k) => ({
  code,
  zh,
  en,
  grade: k + 1,
  lower: k / 10,
  upper: (k + 1) / 10,
}))

/** How a D on a class boundary is classed; reported with every coupling result. */
export interface BoundaryRule extends Bilingual {
  readonly rule: "lower_inclusive"
  /** Values this close below a boundary count as on it (floating-point noise). */
  readonly tolerance: number
}

/** The boundary rule used by {@link coordinationLevel}. */
export const BOUNDARY_RULE: BoundaryRule = {
  rule: "lower_inclusive",
  tolerance: 1e-12,
  en: "classes are [k/10, (k+1)/10): a value on a boundary belongs to the higher class (0.1 ≤ D < 0.2 is serious imbalance); D = 1 is high-quality coordination",
  zh: "等级区间为左闭右开 [k/10, (k+1)/10)：恰在分界点上的值归入较高等级（0.1 ≤ D < 0.2 为严重失调）；D = 1 为优质协调",
}

/**
 * Class of a coupling coordination degree D ∈ [0, 1] by tenths, lower bound inclusive ({@link BOUNDARY_RULE}).
 * Values outside [0, 1] are clamped into the first or last class.
 * @example coordinationLevel(0.1).zh // "严重失调";  coordinationLevel(1).en // "high-quality coordination"
 */
export const coordinationLevel = (d: number): CoordinationLevel => {
  const k = Math.floor(d * 10 + BOUNDARY_RULE.tolerance)
  return COORDINATION_LEVELS[Math.min(9, Math.max(0, Number.isFinite(k) ? k : 0))]!
}
