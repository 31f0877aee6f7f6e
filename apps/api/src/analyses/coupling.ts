import { type CouplingSubsystem, couplingCoordination } from "@jiju/domain/econometrics"
import { idText, numericColumn, requireColumn, stringColumn } from "@jiju/domain/io"
import { Schema } from "effect"
import { DataInput, tableOf } from "./table.js"

/** Body of POST /v1/analyses/coupling (the flags of `jiju coupling`). */
export const CouplingRequest = Schema.Struct({
  ...DataInput,
  id: Schema.String,
  period: Schema.optional(Schema.String),
  /** Subsystems and their columns; "-" before a column marks a negative indicator, as in `--subsystem`. */
  subsystems: Schema.Array(Schema.Struct({ name: Schema.NonEmptyString, indicators: Schema.Array(Schema.NonEmptyString).check(Schema.isMinLength(1)) })).check(
    Schema.isMinLength(2),
  ),
  weighting: Schema.optional(Schema.Literals(["entropy", "equal"])),
  normalise: Schema.optional(Schema.Literals(["minmax", "shifted"])),
  alpha: Schema.optional(Schema.Array(Schema.Finite.check(Schema.isGreaterThanOrEqualTo(0)))),
})
export type CouplingRequest = typeof CouplingRequest.Type

/** The document `jiju coupling --json` prints, for the same data and options. */
export const runCoupling = (req: CouplingRequest) => {
  const data = tableOf(req)
  const weighting = req.weighting ?? "entropy"
  const method = req.normalise ?? "minmax"
  const subs = req.subsystems.map((s) => ({
    name: s.name,
    indicators: s.indicators.map((p) =>
      p.startsWith("-")
        ? { column: p.slice(1).trim(), direction: "negative" as const }
        : { column: p.startsWith("+") ? p.slice(1).trim() : p, direction: "positive" as const },
    ),
  }))
  for (const c of [req.id, ...(req.period ? [req.period] : []), ...subs.flatMap((s) => s.indicators.map((i) => i.column))]) requireColumn(data, c)
  const ids = stringColumn(data, req.id)
  const periods = req.period ? data.rows.map((r) => r[req.period!] ?? null) : undefined
  const subsystems: CouplingSubsystem[] = subs.map((s) => ({
    name: s.name,
    indicators: s.indicators.map((i) => ({ name: i.column, values: numericColumn(data, i.column), direction: i.direction })),
  }))
  const result = couplingCoordination(subsystems, { weighting, normalise: method, ...(req.alpha ? { alpha: req.alpha } : {}) })
  const rows = result.rows.map((r, k) => ({
    id: ids[k]!,
    period: periods ? (typeof periods[k] === "string" ? (idText(periods[k]) ?? null) : periods[k]!) : null,
    U: r.U,
    C: r.C,
    C_corrected: r.C_corrected,
    T: r.T,
    D: r.D,
    D_corrected: r.D_corrected,
    level: { code: r.level.code, zh: r.level.zh, en: r.level.en, grade: r.level.grade },
    level_corrected: { code: r.level_corrected.code, zh: r.level_corrected.zh, en: r.level_corrected.en, grade: r.level_corrected.grade },
    lagging: r.lagging,
  }))
  return { weights: result.weights, alpha: result.alpha, weighting, normalise: method, rows, boundary_rule: result.boundary_rule, notes: result.notes }
}
