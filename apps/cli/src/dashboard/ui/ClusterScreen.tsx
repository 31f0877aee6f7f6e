import { clusterKindNames, clusterLevelNames, infrastructureReadiness, planKindNames, rankingGroupNames, serviceFormNames } from "@jiju/domain/model"
import type { ClusterDetail } from "../data/clusterDetail.js"
import { type Line, Lines } from "./Lines.js"
import { bar, bi, fit, growthText, type Lang, num, rankChangeMark, sparkline, starsText, tr } from "./text.js"

const stateMark = { approved: "✓", submitted: "…", drafting: "…", missing: "✗" } as const

/**
 * The Cluster screen's lines: profile, indicator trends (sparklines, latest value, growth), score breakdown,
 * and the core's stage, certification and diagnosis with measures.
 */
export const clusterLines = (d: ClusterDetail, lang: Lang, width: number): Line[] => {
  const c = d.cluster
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  const out: Line[] = []
  const a = d.assessment
  out.push(
    `${lang === "en" && c.nameEn ? c.nameEn : c.name} (${c.id})${c.isDemo ? L(" · 演示数据", " · demo data") : ""}${c.archivedAt ? L(" · 已归档", " · archived") : ""}`,
  )
  out.push(
    `${tr(lang, clusterKindNames[c.kind])}${c.form ? ` / ${tr(lang, serviceFormNames[c.form])}` : ""} · ${tr(lang, clusterLevelNames[c.level])} · ${tr(lang, rankingGroupNames[c.group])} · ${d.regionName ?? ""} ${c.region} · ${num(c.plannedArea, 2)} km²`,
  )
  out.push(`${L("主导产业", "Leading industries")}: ${c.leadingIndustries.join(lang === "zh" ? "、" : ", ") || "—"}`)
  const plans = (Object.keys(planKindNames) as Array<keyof typeof planKindNames>)
    .map((k) => `${tr(lang, planKindNames[k])}${stateMark[c.planning.find((p) => p.kind === k)?.state ?? "missing"]}`)
    .join(" ")
  out.push(`${L("规划", "Planning")}: ${plans}`)
  const ready = infrastructureReadiness(c.infrastructure)
  out.push(
    `${L("基础设施", "Infrastructure")}: ${ready === "seven_one" ? L("七通一平", "7 services + levelled") : ready === "three_one" ? L("三通一平", "3 services + levelled") : L("未达三通一平", "below 3 services + levelled")}${c.infrastructure.sewagePlant ? L(" · 有污水处理厂", " · sewage plant") : ""} · ${L("标准化厂房", "standard factories")} ${num(c.standardFactoryArea / 10_000, 1)} ${L("万m²", "10k m²")}`,
  )
  if (a)
    out.push(
      a.status === "ranked"
        ? `${L("得分", "Score")} ${num(a.score, 1)} · ${L("排名", "rank")} ${a.rank}/${a.groupSize} ${rankChangeMark(a.rankChange, a.previousRank, lang)}${a.reward ? L(" · 奖励", " · rewarded") : ""} · ${L("星级", "stars")} ${starsText(a.stars?.stars)}`
        : `${a.status === "vetoed" ? L("一票否决", "Vetoed") : L("未排名", "Not ranked")}: ${a.reasons.map((r) => tr(lang, r)).join("; ")}`,
    )
  out.push("")
  out.push(L("— 指标走势 —", "— Indicator trends —"))
  const sparkW = Math.max(8, Math.min(17, width - 52))
  const nameW = Math.max(10, Math.min(24, width - sparkW - 32))
  for (const t of d.trends)
    out.push(
      `${fit(tr(lang, t.name), nameW)} ${fit(sparkline(t.values, sparkW), sparkW)} ${fit(num(t.latest, 2), 10, "right")} ${fit(tr(lang, t.unit), 8)} ${fit(growthText(t.growth), 8, "right")}`,
    )
  if (d.trends.length === 0) out.push(L("没有观测数据", "no observations"))
  if (a && a.status === "ranked") {
    out.push("")
    out.push(L("— 得分构成（按指标）—", "— Score by indicator —"))
    const total = a.contributions.reduce((s, x) => s + x.weight, 0) || 1
    for (const x of a.contributions) {
      const max = (x.weight / total) * 100
      out.push(
        `${fit(lang === "zh" ? x.zh : x.en, nameW)} ${bar(max > 0 ? (x.points ?? 0) / max : 0, 12)} ${fit(num(x.points, 2), 6, "right")}/${fit(num(max, 1), 5)} ${fit(num(x.value, 2), 10, "right")}`,
      )
    }
  }
  if (d.stage) {
    out.push("")
    if ("error" in d.stage) out.push(`${L("发展阶段", "Stage")}: ${tr(lang, d.stage.error)}`)
    else {
      out.push(
        `${L("发展阶段", "Stage")}: ${tr(lang, d.stage.stageName)}${d.stage.reachName ? ` · ${tr(lang, d.stage.reachName)}` : ""}${d.stage.provisional ? L("（暂定）", " (provisional)") : ""}`,
      )
      out.push(`  ${tr(lang, d.stage.text)}`)
    }
  }
  out.push("")
  if (d.certification === null) out.push(`${L("认定", "Certification")}: ${L("不适用（非服务业集聚区）", "not applicable (not a service agglomeration)")}`)
  else if ("error" in d.certification) out.push(`${L("认定", "Certification")}: ${tr(lang, d.certification.error)}`)
  else {
    const cr = d.certification
    out.push(
      `${L("认定", "Certification")}: ${cr.status === "certified" ? L("✓ 符合", "✓ certified") : cr.status === "not_certified" ? L("✗ 不符合", "✗ not certified") : L("? 待核实", "? incomplete")}`,
    )
    out.push(`  ${tr(lang, cr.text)}`)
  }
  out.push("")
  if (d.diagnosis && "error" in d.diagnosis) {
    out.push(`${L("诊断", "Diagnosis")}: ${tr(lang, d.diagnosis.error)}`)
    return out
  }
  const problems = d.diagnosis?.problems ?? []
  out.push(`${L("诊断", "Diagnosis")}: ${problems.length === 0 ? L("未发现触发的问题", "no problem triggered") : ""}`)
  for (const p of problems) {
    out.push(`• ${tr(lang, p.name)} (${L("严重度", "severity")} ${num(p.severity, 2)}): ${tr(lang, p.evidence[0]!.text)}`)
    for (const m of p.measures.slice(0, 3)) out.push(`    → ${tr(lang, m)}`)
  }
  return out
}

/** The Cluster screen. */
export const ClusterScreen = ({
  detail,
  lang,
  width,
  height,
  scroll,
}: {
  detail: ClusterDetail
  lang: Lang
  width: number
  height: number
  scroll: number
}) => <Lines lines={clusterLines(detail, lang, width)} scroll={scroll} height={height} />
