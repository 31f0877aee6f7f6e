import { isPeriodText, measureProblem, type ValueProblem } from "@jiju/domain/model"
import { Schema } from "effect"
import type { FormIndicator } from "./schemeIndicators.js"

/** Why a field is not acceptable yet. */
export type FieldIssue =
  | { readonly kind: "required" }
  | { readonly kind: "number" }
  | { readonly kind: "negative" }
  | { readonly kind: "percent" }
  | { readonly kind: "integer" }
  | { readonly kind: "confirm"; readonly ratio: number }

/** A checked field: the number read (null when blank or unreadable), its issue, and the ratio to last period when unusual. */
export interface FieldCheck {
  readonly value: number | null
  readonly issue: FieldIssue | null
  /** value / previous when ≥ 10 or ≤ 0.1 (needs explicit confirmation); null otherwise. */
  readonly unusual: number | null
}

/** A value this many times the previous period's (or this fraction of it) must be confirmed. */
export const UNUSUAL_RATIO = 10

const isFiniteNumber = Schema.is(Schema.Finite)

// The value rule's verdict (the one the API and both imports apply) as the form's message.
const fieldIssueOf = (p: ValueProblem): FieldIssue =>
  p.code === "negative_value"
    ? { kind: "negative" }
    : p.code === "percent_range"
      ? { kind: "percent" }
      : p.code === "not_integer"
        ? { kind: "integer" }
        : { kind: "number" }

/**
 * Read what a user typed as a number: spaces and thousands separators are ignored, full-width digits accepted.
 * @example readNumber(" 1,234.5 ") // 1234.5
 */
export const readNumber = (raw: string): number | null | undefined => {
  const s = raw
    .replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, "")
    .replace("．", ".")
  if (s === "") return null
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined
  const n = Number(s)
  return isFiniteNumber(n) ? n : undefined
}

/**
 * The ratio of a value to the previous period's when it is unusual (≥ 10× or ≤ 0.1×), else null.
 * @example unusualRatio(120, 10) // 12
 */
export const unusualRatio = (value: number, previous: number | undefined): number | null => {
  if (previous === undefined || previous <= 0 || value <= 0) return null
  const r = value / previous
  return r >= UNUSUAL_RATIO || r <= 1 / UNUSUAL_RATIO ? r : null
}

/**
 * Check one field. Blank required fields are an issue only on submit; an unusual change must be confirmed only
 * on submit (it is flagged as soon as it is typed). Whether the number itself is acceptable (sign, percentage
 * range, whole counts) is the domain's value rule (model/ValueRule.ts), the one the API and both imports apply.
 */
export const checkField = (ind: FormIndicator, raw: string, previous: number | undefined, confirmed: boolean, onSubmit: boolean): FieldCheck => {
  const n = readNumber(raw)
  if (n === undefined) return { value: null, issue: { kind: "number" }, unusual: null }
  if (n === null) return { value: null, issue: onSubmit && ind.required ? { kind: "required" } : null, unusual: null }
  const broken = measureProblem(ind.def, n)
  if (broken) return { value: n, issue: fieldIssueOf(broken), unusual: null }
  const unusual = unusualRatio(n, previous)
  if (unusual !== null && !confirmed && onSubmit) return { value: n, issue: { kind: "confirm", ratio: unusual }, unusual }
  return { value: n, issue: null, unusual }
}

/** Whether a period is well formed (the domain's period grammar, as the API and the imports read it). */
export const validPeriod = (p: string): boolean => isPeriodText(p)

/** The whole form checked: per-field results, the values to send, and the codes with issues in order. */
export const checkForm = (
  items: ReadonlyArray<FormIndicator>,
  raw: Readonly<Record<string, string>>,
  previous: ReadonlyMap<string, number>,
  confirmed: ReadonlySet<string>,
  onSubmit: boolean,
) => {
  const fields = new Map<string, FieldCheck>()
  const values: Record<string, number> = {}
  const invalid: string[] = []
  for (const it of items) {
    const c = checkField(it, raw[it.code] ?? "", previous.get(it.code), confirmed.has(it.code), onSubmit)
    fields.set(it.code, c)
    if (c.issue) invalid.push(it.code)
    else if (c.value !== null) values[it.code] = c.value
  }
  return { fields, values, invalid }
}
