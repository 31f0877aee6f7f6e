import { type AssessmentData, assessmentInputFromRegister, type FactRow, type RegisterCluster } from "../../src/assessment/index.js"
import { InputError } from "../../src/model/index.js"

/** A hand-made cluster value: zone (or 6-digit region) id, period, indicator, value. */
export type Value = readonly [id: string, period: string, indicator: string, value: number]

/** Assessment data as the store or a file would give it, from a few zones and values. */
export const dataOf = (
  clusters: ReadonlyArray<RegisterCluster>,
  values: ReadonlyArray<Value>,
  opts: { facts?: ReadonlyArray<FactRow>; regions?: ReadonlyArray<Value>; demo?: boolean } = {},
): AssessmentData => {
  const observations = [
    ...values.map(([id, period, indicator, value]) => ({ target: { kind: "cluster" as const, id }, period, indicator, value })),
    ...(opts.regions ?? []).map(([id, period, indicator, value]) => ({ target: { kind: "region" as const, id }, period, indicator, value })),
  ]
  const input = assessmentInputFromRegister(clusters, observations, opts.facts ?? [])
  return { input, source: "store", hasDemo: opts.demo ?? false, periods: input.periods }
}

/** The InputError `f` throws (fails the test when it throws nothing or something else). */
export const inputErrorOf = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}
