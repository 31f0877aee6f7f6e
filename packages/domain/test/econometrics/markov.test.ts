import { describe, expect, it } from "vitest"
import { classicMarkov, type MarkovChain, markovChain, quantileClasses, spatialMarkov } from "../../src/econometrics/markov/index.js"
import { alignWeights, weightsFromLinks, weightsFromNeighbourList } from "../../src/econometrics/weights/index.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import { readCsv, readGal, readJson } from "./weightsFixtures.js"

interface RChain {
  counts: number[][]
  probabilities: number[][]
  totals: number[]
  steady_state: number[] | null
  first_mean_passage: number[][] | null
}
interface RCase {
  k: number
  classify: "pooled" | "period"
  cutoffs: Array<{ period?: string; bounds: number[] | number }>
  classes: number[][]
  chain: RChain
  lag_cutoffs?: Array<{ period?: string; bounds: number[] | number }>
  lag_classes?: number[][]
  chains?: RChain[]
}
const fixture = readJson<{ ids: string[]; periods: string[]; cases: Record<string, RCase> }>("markov/markov.json")

const near = (a: number, b: number, what: string, tol = 1e-10) => {
  if (!(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)))) throw new Error(`${what}: ${a} vs R ${b}`)
}
const asArray = (v: number[] | number) => (Array.isArray(v) ? v : [v])

const checkChain = (c: MarkovChain, R: RChain, what: string) => {
  expect(c.counts, `${what} counts`).toEqual(R.counts)
  c.probabilities.forEach((row, i) => {
    row.forEach((v, j) => {
      near(v, R.probabilities[i]![j]!, `${what} P[${i}][${j}]`, 1e-14)
    })
  })
  if (R.first_mean_passage === null) expect(c.firstMeanPassage, `${what} fmpt`).toBeNull()
  else
    c.firstMeanPassage!.forEach((row, i) => {
      row.forEach((v, j) => {
        near(v, R.first_mean_passage![i]![j]!, `${what} M[${i}][${j}]`)
      })
    })
  if (R.steady_state !== null)
    c.steadyState!.forEach((v, i) => {
      near(v, R.steady_state![i]!, `${what} pi[${i}]`)
    })
  // R reports a steady state for ergodic chains only; Jiju also for a single closed class (then without passage times).
  else if (c.steadyState !== null) expect(c.firstMeanPassage).toBeNull()
}

const panel = () => {
  const d = readCsv("disparity/produc.csv")
  const state = stringColumn(d, "state")
  const year = stringColumn(d, "year")
  const gsp = numericColumn(d, "gsp")
  const emp = numericColumn(d, "emp")
  const { ids, periods } = fixture
  const values = new Float64Array(ids.length * periods.length)
  state.forEach((s, r) => {
    values[ids.indexOf(s) * periods.length + periods.indexOf(year[r]!)] = gsp[r]! / emp[r]!
  })
  return { ids, periods, values }
}

describe("Markov chains against the R reference (giddy conventions), counts exact, the rest 1e-10", () => {
  const p = panel()
  const w = alignWeights(weightsFromNeighbourList(readGal("markov/us_states.gal")), p.ids)

  for (const [name, R] of Object.entries(fixture.cases)) {
    it(`${name}: classes, bounds, counts, probabilities, steady state, first mean passage times`, () => {
      const r = R.chains ? spatialMarkov(p, w, R.k, { classify: R.classify }) : classicMarkov(p, R.k, { classify: R.classify })
      expect(r.cutoffs).toHaveLength(R.cutoffs.length)
      r.cutoffs.forEach((c, t) => {
        expect(c.period).toBe(R.cutoffs[t]!.period ?? null)
        c.bounds.forEach((b, j) => {
          near(b, asArray(R.cutoffs[t]!.bounds)[j]!, `${name} bound ${t}/${j}`, 1e-14)
        })
      })
      p.ids.forEach((_, i) => {
        p.periods.forEach((_, t) => {
          expect(r.classes[i * p.periods.length + t]).toBe(R.classes[i]![t])
        })
      })
      checkChain(r.chain, R.chain, name)
      if (R.chains) {
        const s = r as ReturnType<typeof spatialMarkov>
        p.ids.forEach((_, i) => {
          p.periods.forEach((_, t) => {
            expect(s.lagClasses[i * p.periods.length + t]).toBe(R.lag_classes![i]![t])
          })
        })
        s.chains.forEach((c, k) => {
          checkChain(c, R.chains![k]!, `${name} lag class ${k + 1}`)
        })
        // The conditional counts add up to the classic counts.
        const sum = s.chains.reduce(
          (acc, c) => acc.map((row, i) => row.map((v, j) => v + c.counts[i]![j]!)),
          s.chain.counts.map((row) => row.map(() => 0)),
        )
        expect(sum).toEqual(s.chain.counts)
      }
    })
  }
})

describe("hand-worked chains", () => {
  it("two classes: π = (1/3, 2/3), m_12 = 1/0.2 = 5, m_21 = 1/0.1 = 10, recurrence 3 and 1.5", () => {
    const c = markovChain([
      [8, 2],
      [1, 9],
    ])
    expect(c.steadyState![0]).toBeCloseTo(1 / 3, 14)
    expect(c.firstMeanPassage![0]![1]).toBeCloseTo(5, 12)
    expect(c.firstMeanPassage![1]![0]).toBeCloseTo(10, 12)
    expect(c.firstMeanPassage![0]![0]).toBeCloseTo(3, 12)
    expect(c.firstMeanPassage![1]![1]).toBeCloseTo(1.5, 12)
    expect(c.note).toBeNull()
  })

  it("an absorbing class: steady state on it, no passage times; an unobserved class: neither", () => {
    const absorbing = markovChain([
      [5, 5],
      [0, 10],
    ])
    expect(absorbing.steadyState).toEqual([0, 1])
    expect(absorbing.firstMeanPassage).toBeNull()
    expect(absorbing.note?.en).toMatch(/cannot be reached/)
    const empty = markovChain([
      [5, 5],
      [0, 0],
    ])
    expect(empty.steadyState).toBeNull()
    expect(empty.note?.en).toMatch(/class 2 has no observed transitions/)
    const two = markovChain([
      [5, 0],
      [0, 5],
    ])
    expect(two.steadyState).toBeNull()
    expect(two.note?.en).toMatch(/2 closed classes/)
  })

  it("quantile classes: upper bounds inclusive, as mapclassify", () => {
    const q = quantileClasses([1, 2, 3, 4, 5, 6], 3)
    expect(q.cutoffs[0]).toBeCloseTo(8 / 3, 14)
    expect([...q.classes]).toEqual([0, 0, 1, 1, 2, 2])
    expect([...quantileClasses([1, 2, 3, 4], 2).classes]).toEqual([0, 0, 1, 1])
  })
})

describe("bad input for the Markov chains", () => {
  it("a constant variable; tied class bounds; one period; too many classes; a unit without neighbours", () => {
    const ids = ["a", "b", "c", "d"]
    const flat = { ids, periods: ["1", "2"], values: new Float64Array(8).fill(3) }
    expect(() => classicMarkov(flat, 2)).toThrow(expect.objectContaining({ code: "constant_variable" }))
    const ties = { ids, periods: ["1", "2"], values: Float64Array.of(1, 1, 1, 1, 1, 1, 2, 3) }
    expect(() => classicMarkov(ties, 3)).toThrow(expect.objectContaining({ code: "tied_class_bounds" }))
    expect(() => classicMarkov({ ids, periods: ["1"], values: Float64Array.of(1, 2, 3, 4) }, 2)).toThrow(expect.objectContaining({ code: "too_few_periods" }))
    const v = { ids, periods: ["1", "2"], values: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8) }
    expect(() => classicMarkov(v, 9)).toThrow(expect.objectContaining({ code: "bad_classes" }))
    const w = weightsFromLinks(ids, [[1], [0], [1], []], undefined, "W")
    expect(() => spatialMarkov(v, w, 2)).toThrow(expect.objectContaining({ code: "no_neighbours", message: expect.stringContaining('"d"') }))
  })
})
