/** The diagnosis engine: applies the rules of `DiagnosisRules.ts` to zones and explains what it found. */
import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { type FinancingPlatforms, type Infrastructure, infrastructureReadiness, planKindNames } from "../model/Cluster.js"
import { findIndicator } from "../model/catalogue.js"
import type { AssessedCluster, FactLookup, ValueLookup } from "./AssessmentInput.js"
import { type DiagnosisTrigger, DiagnosisTriggerKind, defaultProblemCatalogue, type ProblemDefinition } from "./DiagnosisRules.js"

/** A zone as diagnosis reads it: the assessment's zone plus register facts, all optional. */
export interface DiagnosedCluster extends AssessedCluster {
  readonly infrastructure?: Infrastructure
  readonly managementBody?: string | null
  readonly financing?: FinancingPlatforms
}

/** Why a trigger fired. */
export const DiagnosisEvidence = Schema.Struct({
  /** Kind of trigger that fired. */
  trigger: DiagnosisTriggerKind,
  /** Indicator compared, or null for facts and structural checks. */
  indicator: Schema.NullOr(Schema.String),
  /** The zone's value, or null. */
  value: Schema.NullOr(Schema.Number),
  /** The comparison value (group median × factor, or the threshold). */
  reference: Schema.NullOr(Schema.Number),
  /** Median of the zone's ranking group, when the trigger compares with it. */
  groupMedian: Schema.NullOr(Schema.Number),
  /** 0–1: how far past the trigger (relative gap, capped at 1; structural facts count 1). */
  severity: Schema.Number,
  /** The evidence in a sentence, both languages. */
  text: BilingualMessage,
})
export type DiagnosisEvidence = typeof DiagnosisEvidence.Type

/** A triggered problem with its evidence and measures. */
export const DiagnosedProblem = Schema.Struct({
  /** Problem id from the problem catalogue. */
  id: Schema.String,
  /** Display name of the problem. */
  name: BilingualMessage,
  /** The strongest evidence's severity. */
  severity: Schema.Number,
  /** What showed the problem, strongest first. */
  evidence: Schema.Array(DiagnosisEvidence),
  /** Remedies the source documents propose. */
  measures: Schema.Array(BilingualMessage),
})
export type DiagnosedProblem = typeof DiagnosedProblem.Type

/** A zone's diagnosis, strongest problem first (JSON-ready). */
export const ZoneDiagnosis = Schema.Struct({
  /** The zone's id. */
  clusterId: Schema.String,
  /** Problems found, most severe first. */
  problems: Schema.Array(DiagnosedProblem),
  /** Summary in both languages. */
  text: BilingualMessage,
})
export type ZoneDiagnosis = typeof ZoneDiagnosis.Type

const median = (xs: number[]) => {
  if (xs.length === 0) return undefined
  const s = [...xs].sort((a, b) => a - b)
  const k = s.length >> 1
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2
}
const fmt = (x: number) => String(Number(x.toPrecision(4)))

/**
 * Diagnose zones: check each problem's triggers (group medians are taken over the zone's ranking group for
 * the period) and list the triggered problems with evidence and the documents' measures, strongest first.
 * A missing value never triggers anything.
 *
 * @example diagnose({ clusters, value }, "2025")[0]?.problems[0]?.name.zh
 */
export const diagnose = (
  input: { readonly clusters: ReadonlyArray<DiagnosedCluster>; readonly value: ValueLookup; readonly fact?: FactLookup },
  period: string,
  catalogue: ReadonlyArray<ProblemDefinition> = defaultProblemCatalogue,
): ZoneDiagnosis[] => {
  const medians = new Map<string, number | undefined>()
  const groupMedian = (group: string, indicator: string) => {
    const k = `${group}\u0000${indicator}`
    if (!medians.has(k))
      medians.set(
        k,
        median(
          input.clusters
            .filter((c) => c.group === group)
            .flatMap((c) => {
              const v = input.value(c.id, indicator, period)
              return v === undefined ? [] : [v]
            }),
        ),
      )
    return medians.get(k)
  }
  return input.clusters.map((c) => {
    const problems: DiagnosedProblem[] = []
    for (const p of catalogue) {
      const evidence: DiagnosisEvidence[] = []
      for (const t of p.triggers) {
        const e = check(t, c, input, period, groupMedian)
        if (e) evidence.push(e)
      }
      if (evidence.length > 0) {
        evidence.sort((a, b) => b.severity - a.severity)
        problems.push({ id: p.id, name: p.name, severity: evidence[0]!.severity, evidence, measures: p.measures })
      }
    }
    problems.sort((a, b) => b.severity - a.severity)
    return {
      clusterId: c.id,
      problems,
      text:
        problems.length === 0
          ? { zh: `${c.name}：未发现触发的问题`, en: `${c.nameEn ?? c.name}: no problem triggered` }
          : {
              zh: `${c.name}：${problems.map((p) => `${p.name.zh}（${p.evidence[0]!.text.zh}）`).join("；")}`,
              en: `${c.nameEn ?? c.name}: ${problems.map((p) => `${p.name.en} (${p.evidence[0]!.text.en})`).join("; ")}`,
            },
    }
  })
}

const check = (
  t: DiagnosisTrigger,
  c: DiagnosedCluster,
  input: { readonly value: ValueLookup; readonly fact?: FactLookup },
  period: string,
  groupMedian: (group: string, indicator: string) => number | undefined,
): DiagnosisEvidence | undefined => {
  const none = { indicator: null, value: null, reference: null, groupMedian: null }
  switch (t.kind) {
    case "below_group_median":
    case "above_group_median":
    case "below":
    case "above": {
      const v = input.value(c.id, t.indicator, period)
      if (v === undefined) return undefined
      const med = t.kind.endsWith("median") ? groupMedian(c.group, t.indicator) : undefined
      if (t.kind.endsWith("median") && med === undefined) return undefined
      const ref = "factor" in t ? med! * t.factor : t.threshold
      const below = t.kind.startsWith("below")
      if (below ? !(v < ref) : !(v > ref)) return undefined
      const severity = Math.min(1, below ? (ref > 0 ? (ref - v) / ref : 1) : ref > 0 ? (v - ref) / ref : 1)
      const d = findIndicator(t.indicator)
      const zhName = d?.zh ?? t.indicator
      const enName = d?.en ?? t.indicator
      const unit = d?.unit ?? ""
      const unitEn = d?.unitEn ?? ""
      const refZh = "factor" in t ? `组内中位数 ${fmt(med!)} × ${t.factor} = ${fmt(ref)}` : `${fmt(ref)}`
      const refEn = "factor" in t ? `group median ${fmt(med!)} × ${t.factor} = ${fmt(ref)}` : `${fmt(ref)}`
      return {
        trigger: t.kind,
        indicator: t.indicator,
        value: v,
        reference: ref,
        groupMedian: med ?? null,
        severity,
        text: {
          zh: `${zhName} ${fmt(v)}${unit} ${below ? "低于" : "高于"} ${refZh}`,
          en: `${enName} ${fmt(v)} ${unitEn} ${below ? "below" : "above"} ${refEn}`.replace(/ {2}/g, " "),
        },
      }
    }
    case "fact":
      return input.fact?.(c.id, t.fact, period) === true ? { trigger: t.kind, ...none, severity: 1, text: t.description } : undefined
    case "infrastructure": {
      if (!c.infrastructure) return undefined
      if (t.requirement === "sewage_plant")
        return c.infrastructure.sewagePlant ? undefined : { trigger: t.kind, ...none, severity: 0.6, text: { zh: "没有污水处理厂", en: "no sewage plant" } }
      const r = infrastructureReadiness(c.infrastructure)
      if (t.requirement === "three_one" && r === "none")
        return { trigger: t.kind, ...none, severity: 1, text: { zh: "未达到“三通一平”", en: "below 三通一平 (road, water, power, levelled site)" } }
      if (t.requirement === "seven_one" && r !== "seven_one")
        return { trigger: t.kind, ...none, severity: r === "none" ? 1 : 0.5, text: { zh: "未达到“七通一平”", en: "below 七通一平" } }
      return undefined
    }
    case "no_financing_platform":
      return c.financing && c.financing.count === 0
        ? { trigger: t.kind, ...none, severity: 1, text: { zh: "没有投融资平台", en: "no investment and financing platform" } }
        : undefined
    case "no_management_body":
      return c.managementBody === null
        ? { trigger: t.kind, ...none, severity: 1, text: { zh: "没有专门的管理机构", en: "no dedicated management body" } }
        : undefined
    case "plan_not_approved": {
      const state = input.fact?.(c.id, `plan:${t.plan}`, period) ?? (c.planning ? c.planning.find((p) => p.kind === t.plan)?.state === "approved" : undefined)
      return state === false
        ? { trigger: t.kind, ...none, severity: 0.8, text: { zh: `${planKindNames[t.plan].zh}未批复`, en: `${planKindNames[t.plan].en} not approved` } }
        : undefined
    }
  }
}
