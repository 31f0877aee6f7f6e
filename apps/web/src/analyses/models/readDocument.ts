import type { OpenDocument } from "../../api/analysisDocuments.js"

/** One estimated parameter as a document reports it. */
export interface Estimate {
  readonly name: string
  readonly estimate: number
  readonly se: number | null
  /** z or t, whichever the model reports. */
  readonly stat: number | null
  readonly p: number | null
}

/** A χ² (or other) test as a document reports it. */
export interface TestResult {
  readonly name: string
  readonly statistic: number
  readonly df: number | null
  readonly p: number
}

/** The direct, indirect (spillover) and total effect of one regressor, with simulated or exact SEs when given. */
export interface Impact {
  readonly name: string
  readonly direct: number
  readonly indirect: number
  readonly total: number
  readonly se: { readonly direct: number; readonly indirect: number; readonly total: number } | null
}

type Rec = Readonly<Record<string, unknown>>
const isRecord = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v)
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)

const estimateOf = (name: string, v: unknown): Estimate | null => {
  if (!isRecord(v) || num(v.estimate) === null) return null
  return { name, estimate: v.estimate as number, se: num(v.se), stat: num(v.z) ?? num(v.t), p: num(v.p) }
}

const testOf = (name: string, v: unknown): TestResult | null =>
  isRecord(v) && num(v.statistic) !== null && num(v.p) !== null ? { name, statistic: v.statistic as number, df: num(v.df), p: v.p as number } : null

/**
 * The coefficients of a regression or panel document, the spatial parameters ρ and λ after them.
 * @example estimates({ coefficients: { x: { estimate: 1, se: 0.1, z: 10, p: 0 } }, rho: { estimate: 0.3, se: 0.1, z: 3, p: 0.003 } }).map((e) => e.name) // ["x", "rho"]
 */
export const estimates = (doc: OpenDocument): Estimate[] => {
  const coefficients = isRecord(doc.coefficients) ? Object.entries(doc.coefficients).map(([k, v]) => estimateOf(k, v)) : []
  const spatial = ["rho", "lambda"].map((k) => estimateOf(k, doc[k]))
  return [...coefficients, ...spatial].filter((e): e is Estimate => e !== null)
}

/**
 * The scalar facts of a document (n, σ², log-likelihood, AIC, R², θ, methods …), in the document's order.
 * @example facts({ n: 49, sigma2: 95.5, coefficients: {} }) // [["n", 49], ["sigma2", 95.5]]
 */
export const facts = (doc: OpenDocument): Array<readonly [string, number | string | boolean]> =>
  Object.entries(doc).flatMap(([k, v]) => (typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? [[k, v] as const] : []))

/**
 * Every test a document reports: at its top level (LR, Hausman) and in its `diagnostics` and `effects_lr`.
 * @example tests({ hausman: { statistic: 3.2, df: 2, p: 0.2 } })[0].name // "hausman"
 */
export const tests = (doc: OpenDocument): TestResult[] => {
  const top = Object.entries(doc).map(([k, v]) => testOf(k, v))
  const nested = ["diagnostics", "effects_lr"].flatMap((group) =>
    isRecord(doc[group]) ? Object.entries(doc[group] as Rec).map(([k, v]) => testOf(group === "effects_lr" ? `effects_lr.${k}` : k, v)) : [],
  )
  return [...top, ...nested].filter((t): t is TestResult => t !== null)
}

const effects = (v: unknown) =>
  isRecord(v) && num(v.direct) !== null && num(v.indirect) !== null && num(v.total) !== null
    ? { direct: v.direct as number, indirect: v.indirect as number, total: v.total as number }
    : null

/**
 * The impacts (direct, indirect, total) of a spatial model, with their standard errors when the document has them.
 * @example impacts({ impacts: { x: { direct: 1, indirect: 0.5, total: 1.5 } } })[0].total // 1.5
 */
export const impacts = (doc: OpenDocument): Impact[] => {
  if (!isRecord(doc.impacts)) return []
  const se = isRecord(doc.impacts_se) ? (doc.impacts_se as Rec) : {}
  return Object.entries(doc.impacts).flatMap(([name, v]) => {
    const e = effects(v)
    return e ? [{ name, ...e, se: effects(se[name]) }] : []
  })
}

const bilingual = (v: unknown) => (isRecord(v) && typeof v.en === "string" && typeof v.zh === "string" ? [{ en: v.en, zh: v.zh }] : [])

/** The model the LM tests of the OLS residuals point to, as the server decided it, with its reason in both languages. */
export interface Recommendation {
  readonly model: "ols" | "lag" | "error"
  readonly alpha: number
  readonly reason: { readonly en: string; readonly zh: string }
}

/**
 * The server's model recommendation from the LM tests of the OLS residuals (a regression document with weights), or null.
 * @example recommendation({ recommendation: { model: "lag", alpha: 0.05, reason: { en: "LM lag", zh: "LM 滞后" } } })?.model // "lag"
 */
export const recommendation = (doc: OpenDocument): Recommendation | null => {
  const r = doc.recommendation
  if (!isRecord(r) || !["ols", "lag", "error"].includes(r.model as string) || num(r.alpha) === null) return null
  const [reason] = bilingual(r.reason)
  return reason ? { model: r.model as Recommendation["model"], alpha: r.alpha as number, reason } : null
}

/**
 * The bilingual notes of a document: the panel conventions and the warnings (the recommendation has its own place).
 * @example notes({ warnings: [{ en: "3 rows dropped", zh: "剔除 3 行" }] })[0].en // "3 rows dropped"
 */
export const notes = (doc: OpenDocument): Array<{ readonly en: string; readonly zh: string }> => {
  // Conventions and warnings the domain words in English only stand as they are in both languages.
  const either = (v: unknown) => (typeof v === "string" ? [{ en: v, zh: v }] : bilingual(v))
  const conventions = isRecord(doc.conventions) ? Object.values(doc.conventions).flatMap(either) : []
  const warnings = Array.isArray(doc.warnings) ? doc.warnings.flatMap(either) : []
  return [...conventions, ...warnings]
}
