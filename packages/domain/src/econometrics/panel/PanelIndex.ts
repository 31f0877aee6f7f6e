import { InputError } from "../../model/errors.js"

/** Unit and period of each observation, as dense codes 0..units−1 and 0..periods−1. */
export interface PanelIndex {
  readonly unit: Int32Array
  readonly period: Int32Array
  /** Labels in order of first appearance. */
  readonly units: ReadonlyArray<string>
  readonly periods: ReadonlyArray<string>
  /** True when every unit is observed in every period exactly once. */
  readonly balanced: boolean
}

const encode = (labels: ReadonlyArray<string>) => {
  const map = new Map<string, number>()
  const codes = new Int32Array(labels.length)
  labels.forEach((l, i) => {
    let c = map.get(l)
    if (c === undefined) {
      c = map.size
      map.set(l, c)
    }
    codes[i] = c
  })
  return { codes, levels: [...map.keys()] }
}

/**
 * Index a panel from the unit and period label of each observation. A (unit, period) pair seen twice throws
 * InputError "duplicate_observation" naming both rows (`rowNumbers` maps positions to 1-based data rows).
 * @example panelIndex(["a", "a", "b", "b"], ["2019", "2020", "2019", "2020"]).balanced // true
 */
export const panelIndex = (units: ReadonlyArray<string>, periods: ReadonlyArray<string>, rowNumbers?: ArrayLike<number>): PanelIndex => {
  const u = encode(units)
  const p = encode(periods)
  const nu = u.levels.length
  const np = p.levels.length
  // Dense lookup table when it fits (fast), else a map keyed by unit × periods + period.
  const dense = nu * np <= 50_000_000 ? new Int32Array(nu * np).fill(-1) : undefined
  const seen = dense ? undefined : new Map<number, number>()
  for (let i = 0; i < units.length; i++) {
    const key = u.codes[i]! * np + p.codes[i]!
    const prev = dense ? dense[key]! : (seen!.get(key) ?? -1)
    if (prev >= 0) {
      const r1 = rowNumbers ? rowNumbers[prev]! : prev + 1
      const r2 = rowNumbers ? rowNumbers[i]! : i + 1
      const en = `Unit "${units[i]}" appears twice in period "${periods[i]}" (rows ${r1} and ${r2})`
      const zh = `单元“${units[i]}”在时期“${periods[i]}”出现两次（第 ${r1} 行和第 ${r2} 行）`
      throw new InputError({
        code: "duplicate_observation",
        message: en,
        zh,
        issues: [{ row: r2, value: `${units[i]}/${periods[i]}`, en, zh }],
      })
    }
    if (dense) dense[key] = i
    else seen!.set(key, i)
  }
  return {
    unit: u.codes,
    period: p.codes,
    units: u.levels,
    periods: p.levels,
    balanced: units.length === nu * np,
  }
}
