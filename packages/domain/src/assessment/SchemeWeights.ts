import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"
import type { Direction } from "../model/Indicator.js"
import { type AhpResult, ahpWeights } from "./Ahp.js"
import type { AssessmentScheme } from "./AssessmentScheme.js"

/** A scheme's indicator in flat order, with its dimension and resolved direction. */
export interface FlatIndicator {
  readonly code: string
  readonly dimension: string
  readonly zh: string
  readonly en: string
  readonly unit: string
  readonly direction: Direction
  readonly weight: number | null
  readonly base: number | undefined
}

/**
 * The scheme's indicators in the order they appear (dimension by dimension), with names, unit and direction
 * resolved from the catalogue.
 * @example flattenIndicators(henan2017Scheme)[0]?.code // "revenue"
 */
export const flattenIndicators = (scheme: AssessmentScheme): FlatIndicator[] =>
  scheme.dimensions.flatMap((d) =>
    d.indicators.map((i) => {
      const def = findIndicator(i.code)
      return {
        code: i.code,
        dimension: d.id,
        zh: def?.zh ?? i.code,
        en: def?.en ?? i.code,
        unit: def?.unit ?? "",
        direction: i.direction ?? def?.direction ?? "positive",
        weight: i.weight,
        base: i.base,
      }
    }),
  )

/** Weights that do not depend on data (`given`, `equal`, `ahp`), summing to 1 over the flat indicators. */
export interface StaticWeights {
  readonly weights: ReadonlyArray<number>
  readonly ahp?: AhpResult
  readonly warnings: ReadonlyArray<Bilingual>
}

/**
 * Resolve a scheme's weights when they do not depend on the data; undefined for `entropy`.
 * @example schemeWeights(henan2017Scheme)?.weights[0] // 12 / 100
 */
export const schemeWeights = (scheme: AssessmentScheme): StaticWeights | undefined => {
  const flat = flattenIndicators(scheme)
  const k = flat.length
  const w = scheme.weighting
  switch (w.method) {
    case "entropy":
      return undefined
    case "equal":
      return { weights: flat.map(() => 1 / k), warnings: [] }
    case "given": {
      const total = flat.reduce((a, f) => a + (f.weight ?? 0), 0)
      return { weights: flat.map((f) => (f.weight ?? 0) / total), warnings: [] }
    }
    case "ahp": {
      const ahp = ahpWeights(w.matrix, "weighting.matrix")
      const warnings: Bilingual[] = ahp.consistent
        ? []
        : [
            {
              zh: `判断矩阵一致性比率 CR = ${ahp.cr.toFixed(4)} > 0.1，权重可能不可靠，请调整两两比较判断`,
              en: `pairwise matrix consistency ratio CR = ${ahp.cr.toFixed(4)} > 0.1; the weights may be unreliable, revise the comparisons`,
            },
          ]
      if (w.level === "indicators") return { weights: ahp.weights, ahp, warnings }
      const weights: number[] = []
      scheme.dimensions.forEach((d, i) => {
        const given = d.indicators.map((x) => x.weight)
        const sum = given.reduce<number>((a, x) => a + (x ?? 0), 0)
        const useGiven = given.every((x) => x !== null) && sum > 0
        for (const x of d.indicators) weights.push(ahp.weights[i]! * (useGiven ? x.weight! / sum : 1 / d.indicators.length))
      })
      return { weights, ahp, warnings }
    }
  }
}
