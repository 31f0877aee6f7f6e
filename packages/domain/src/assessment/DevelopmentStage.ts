import * as Schema from "effect/Schema"
import { BilingualMessage } from "../model/Bilingual.js"
import { findIndicator } from "../model/catalogue.js"
import type { Bilingual } from "../model/errors.js"

/** 集中 → 集聚 → 集群 (seed 003). */
export const DevelopmentStage = Schema.Literals(["concentration", "agglomeration", "cluster"])
export type DevelopmentStage = typeof DevelopmentStage.Type
/** 辐射接受中心 → 向内辐射中心 → 向外辐射中心 (seed 003). */
export const RadiationReach = Schema.Literals(["receiver", "inward", "outward"])
export type RadiationReach = typeof RadiationReach.Type

export const developmentStageNames: Record<DevelopmentStage, Bilingual> = {
  concentration: { zh: "集中", en: "Concentration" },
  agglomeration: { zh: "集聚", en: "Agglomeration" },
  cluster: { zh: "集群", en: "Cluster" },
}

export const radiationReachNames: Record<RadiationReach, Bilingual> = {
  receiver: { zh: "辐射接受中心", en: "Radiation receiver" },
  inward: { zh: "向内辐射中心", en: "Inward-radiating centre" },
  outward: { zh: "向外辐射中心", en: "Outward-radiating centre" },
}

/** A proxy threshold: the indicator must reach `min` (≥). */
export interface ProxyThreshold {
  readonly indicator: string
  readonly min: number
}

/**
 * Thresholds for each step up; every threshold of a step must hold. Defaults (configuration, not from the
 * documents, which describe the stages only in words):
 * - 集聚 (a clear leading industry, specialisation): leading-industry LQ ≥ 1.5 and share ≥ 40 %;
 * - 集群 (also local embeddedness, distinctive identity, suppliers, innovative firms): local supply ratio
 *   ≥ 30 %, R&D institutions ≥ 3, patents ≥ 20, famous brands ≥ 1;
 * - 向内辐射 (leading firms radiate inside the cluster, a regional brand forms): brands ≥ 3 and R&D institutions ≥ 5;
 * - 向外辐射 (brand and technology output, outside firms supply the cluster): share of firms supplying outside
 *   the zone ≥ 20 % and patents ≥ 100.
 */
export interface StageThresholds {
  readonly agglomeration: ReadonlyArray<ProxyThreshold>
  readonly cluster: ReadonlyArray<ProxyThreshold>
  readonly inward: ReadonlyArray<ProxyThreshold>
  readonly outward: ReadonlyArray<ProxyThreshold>
}

export const defaultStageThresholds: StageThresholds = {
  agglomeration: [
    { indicator: "leading_industry_lq", min: 1.5 },
    { indicator: "leading_industry_share", min: 40 },
  ],
  cluster: [
    { indicator: "local_supply_ratio", min: 30 },
    { indicator: "rd_institutions", min: 3 },
    { indicator: "patents_granted", min: 20 },
    { indicator: "brands", min: 1 },
  ],
  inward: [
    { indicator: "brands", min: 3 },
    { indicator: "rd_institutions", min: 5 },
  ],
  outward: [
    { indicator: "outside_supply_share", min: 20 },
    { indicator: "patents_granted", min: 100 },
  ],
}

/** One proxy compared with its threshold. */
export const ProxyCheck = Schema.Struct({
  /** The stage or reach step this check decides. */
  step: Schema.Literals(["agglomeration", "cluster", "inward", "outward"]),
  /** Proxy indicator code. */
  indicator: Schema.String,
  /** Chinese indicator name. */
  zh: Schema.String,
  /** English indicator name. */
  en: Schema.String,
  /** The zone's value; null when missing. */
  value: Schema.NullOr(Schema.Number),
  /** Threshold the value must reach. */
  min: Schema.Number,
  /** null when the value is missing. */
  met: Schema.NullOr(Schema.Boolean),
})
export type ProxyCheck = typeof ProxyCheck.Type

/** The classification with the proxy that decided it (JSON-ready). */
export const StageClassification = Schema.Struct({
  /** Development stage reached. */
  stage: DevelopmentStage,
  /** Display name of the stage. */
  stageName: BilingualMessage,
  /** null while the zone is still at 集中: the reach ladder starts once a leading industry has formed. */
  reach: Schema.NullOr(RadiationReach),
  /** Display name of the reach, or null. */
  reachName: Schema.NullOr(BilingualMessage),
  /** The check that stopped the stage from going higher (null at 集群 with every check met). */
  stageDecidedBy: Schema.NullOr(ProxyCheck),
  /** The check that stopped the reach from going higher (null when none did). */
  reachDecidedBy: Schema.NullOr(ProxyCheck),
  /** Every proxy check made, in ladder order. */
  checks: Schema.Array(ProxyCheck),
  /** A missing proxy stopped a step: the result is the highest stage confirmed. */
  provisional: Schema.Boolean,
  /** Summary sentence in both languages. */
  text: BilingualMessage,
})
export type StageClassification = typeof StageClassification.Type

/**
 * Classify a zone's development stage (集中 / 集聚 / 集群) and reach (辐射接受中心 / 向内辐射中心 / 向外辐射中心)
 * from measurable proxies. A step is reached when ALL its thresholds hold; the first threshold that fails
 * (or is missing) decides, and is returned. A missing proxy is never taken as zero: the result is then the
 * highest stage confirmed, marked provisional.
 *
 * @example classifyStage((c) => ({ leading_industry_lq: 2, leading_industry_share: 55, local_supply_ratio: 20 })[c]).stage // "agglomeration"
 */
export const classifyStage = (lookup: (indicator: string) => number | undefined, thresholds: StageThresholds = defaultStageThresholds): StageClassification => {
  const checks: ProxyCheck[] = []
  const run = (step: keyof StageThresholds): ProxyCheck | null => {
    let decisive: ProxyCheck | null = null
    for (const t of thresholds[step]) {
      const v = lookup(t.indicator)
      const d = findIndicator(t.indicator)
      const check: ProxyCheck = {
        step,
        indicator: t.indicator,
        zh: d?.zh ?? t.indicator,
        en: d?.en ?? t.indicator,
        value: v ?? null,
        min: t.min,
        met: v === undefined ? null : v >= t.min,
      }
      checks.push(check)
      if (check.met !== true && decisive === null) decisive = check
    }
    return decisive
  }
  let stage: DevelopmentStage = "concentration"
  let stageDecidedBy = run("agglomeration")
  if (stageDecidedBy === null) {
    stage = "agglomeration"
    stageDecidedBy = run("cluster")
    if (stageDecidedBy === null) stage = "cluster"
  }
  let reach: RadiationReach | null = null
  let reachDecidedBy: ProxyCheck | null = null
  if (stage !== "concentration") {
    reach = "receiver"
    reachDecidedBy = run("inward")
    if (reachDecidedBy === null) {
      reach = "inward"
      reachDecidedBy = run("outward")
      if (reachDecidedBy === null) reach = "outward"
    }
  }
  const provisional = stageDecidedBy?.met === null || reachDecidedBy?.met === null
  const why = (c: ProxyCheck | null, lang: "zh" | "en") =>
    c === null
      ? ""
      : c.met === null
        ? lang === "zh"
          ? `（${c.zh}缺失，暂定）`
          : ` (${c.en} missing; provisional)`
        : lang === "zh"
          ? `（${c.zh} ${c.value} < ${c.min}）`
          : ` (${c.en} ${c.value} < ${c.min})`
  const sName = developmentStageNames[stage]
  const rName = reach ? radiationReachNames[reach] : null
  return {
    stage,
    stageName: sName,
    reach,
    reachName: rName,
    stageDecidedBy,
    reachDecidedBy,
    checks,
    provisional,
    text: {
      zh: `发展阶段：${sName.zh}${why(stageDecidedBy, "zh")}${rName ? `；辐射层次：${rName.zh}${why(reachDecidedBy, "zh")}` : ""}`,
      en: `stage: ${sName.en}${why(stageDecidedBy, "en")}${rName ? `; reach: ${rName.en}${why(reachDecidedBy, "en")}` : ""}`,
    },
  }
}
