import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { planKindNames } from "../model/Cluster.js"
import type { Bilingual } from "../model/errors.js"
import type { AssessedCluster, AssessmentInput } from "./AssessmentInput.js"
import type { VetoRule } from "./AssessmentScheme.js"

/** A veto rule that struck a zone, with the reason to publish. */
export const VetoHit = Schema.Struct({
  ruleId: Schema.String,
  reason: BilingualMessage,
  /** The value or state that triggered it. */
  evidence: BilingualMessage,
})
export type VetoHit = typeof VetoHit.Type

const compare = (v: number, op: ">" | ">=" | "<" | "<=", t: number) => (op === ">" ? v > t : op === ">=" ? v >= t : op === "<" ? v < t : v <= t)

/**
 * Apply one-vote veto rules (一票否决) to a zone for a period.
 * - `plan`: the fact `plan:<kind>` for the period decides when stated; otherwise the zone's planning record
 *   (anything but "approved" vetoes). With neither, the rule cannot be checked and a note says so.
 * - `indicator`: a missing value cannot be checked (a note, no veto: absence of data is not evidence).
 * - `fact`: only a fact stated true vetoes; an unstated fact counts as not found.
 *
 * @example evaluateVeto(henan2017Scheme.veto, zone, "2025", input).hits.map((h) => h.ruleId) // ["no_master_plan"]
 */
export const evaluateVeto = (
  rules: ReadonlyArray<VetoRule>,
  cluster: AssessedCluster,
  period: string,
  input: Pick<AssessmentInput, "value" | "fact">,
): { readonly hits: ReadonlyArray<VetoHit>; readonly notes: ReadonlyArray<Bilingual> } => {
  const hits: VetoHit[] = []
  const notes: Bilingual[] = []
  for (const rule of rules) {
    switch (rule.kind) {
      case "plan": {
        const name = planKindNames[rule.plan]
        const stated = input.fact?.(cluster.id, `plan:${rule.plan}`, period)
        const state =
          stated !== undefined
            ? stated
              ? "approved"
              : "not approved"
            : cluster.planning
              ? (cluster.planning.find((p) => p.kind === rule.plan)?.state ?? "missing")
              : undefined
        if (state === undefined)
          notes.push({
            zh: `无法核查“${rule.reason.zh}”：未提供${name.zh}审批情况`,
            en: `cannot check "${rule.reason.en}": no ${name.en.toLowerCase()} approval state given`,
          })
        else if (state !== "approved")
          hits.push({
            ruleId: rule.id,
            reason: rule.reason,
            evidence: {
              zh: `${name.zh}：${state === "missing" ? "缺失" : state === "not approved" ? "未批复" : state === "drafting" ? "编制中" : "已报批未批复"}`,
              en: `${name.en}: ${state}`,
            },
          })
        break
      }
      case "indicator": {
        const v = input.value(cluster.id, rule.indicator, period)
        if (v === undefined)
          notes.push({ zh: `无法核查“${rule.reason.zh}”：缺少 ${rule.indicator} 数据`, en: `cannot check "${rule.reason.en}": no ${rule.indicator} value` })
        else if (compare(v, rule.op, rule.threshold))
          hits.push({
            ruleId: rule.id,
            reason: rule.reason,
            evidence: { zh: `${rule.indicator} = ${v}（${rule.op} ${rule.threshold}）`, en: `${rule.indicator} = ${v} (${rule.op} ${rule.threshold})` },
          })
        break
      }
      case "fact": {
        if (input.fact?.(cluster.id, rule.fact, period) === true)
          hits.push({ ruleId: rule.id, reason: rule.reason, evidence: { zh: `已认定：${rule.fact}`, en: `stated: ${rule.fact}` } })
        break
      }
    }
  }
  return { hits, notes }
}
