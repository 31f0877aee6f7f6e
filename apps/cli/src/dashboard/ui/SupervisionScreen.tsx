import { sourceLine } from "@jiju/domain/model"
import { reportStateNames } from "@jiju/domain/projects"
import type { DashboardSupervision } from "../sources/DashboardSource.js"
import { type Line, Lines } from "./Lines.js"
import { bi, fit, type Lang, tr, wrapText } from "./text.js"

/** What the Projects screen shows: the week asked (null: the core's default, the last complete week) and the core's answer. */
export interface SupervisionState {
  readonly week: string | null
  readonly data: DashboardSupervision | { readonly error: { zh: string; en: string } } | null
  readonly scroll: number
}

/**
 * The Projects screen's lines, every figure as the application core stated it: the week's reports, stalled and
 * slow projects, the problems waiting on each department, the weekly meeting's agenda, the land-recovery candidates
 * of the two-year review and the zones without a newly started industrial project in the half year.
 */
export const supervisionLines = (s: SupervisionState, lang: Lang, width: number): Line[] => {
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  const d = s.data
  if (d === null) return [`${L("周次", "week")} ◀ ${s.week ?? L("上周", "last week")} ▶`, "", L("读取中…", "loading…")]
  if ("error" in d) return [`${L("周次", "week")} ◀ ${s.week ?? L("上周", "last week")} ▶`, "", tr(lang, d.error)]
  const { view: v, findings: f } = d
  const r = v.reports
  const out: Line[] = [
    `${L("周次", "week")} ◀ ${v.week} ▶ · ${L("截至", "as of")} ${v.asOf}`,
    L(
      `周报：应报 ${r.expected} · 按时 ${r.onTime} · 逾期 ${r.late} · 未报 ${r.missing} · 待报 ${r.open}`,
      `reports: owed ${r.expected} · on time ${r.onTime} · late ${r.late} · missing ${r.missing} · not yet due ${r.open}`,
    ),
  ]
  const nameW = Math.max(12, Math.min(30, width - 30))
  for (const i of r.items.filter((x) => x.state === "missing" || x.state === "late"))
    out.push(`  ${fit(i.name, nameW)} ${fit(i.cluster, 14)} ${tr(lang, reportStateNames[i.state])}`)
  out.push("", L(`停滞项目 ${v.stalled.length} 个`, `stalled projects: ${v.stalled.length}`))
  for (const x of v.stalled) out.push(`  ${fit(x.name, nameW)} ${fit(x.cluster, 14)} ${L(`自 ${x.since}`, `since ${x.since}`)}`)
  if (v.slow.length > 0) {
    out.push(L(`连续无进展的在建项目 ${v.slow.length} 个`, `under construction without progress: ${v.slow.length}`))
    for (const x of v.slow) out.push(`  ${fit(x.name, nameW)} ${fit(x.cluster, 14)} ${L(`${x.weeksWithoutProgress} 周`, `${x.weeksWithoutProgress} weeks`)}`)
  }
  out.push("", L("待部门解决的问题", "problems waiting on a department"))
  if (v.waiting.length === 0) out.push(`  ${L("无", "none")}`)
  for (const q of v.waiting) {
    out.push(`  ${q.department} (${q.items.length})`)
    for (const i of q.items) out.push(`    ${fit(i.name, nameW)} ${i.description} · ${L(`${i.weeks} 周`, `${i.weeks} wk`)}`)
  }
  out.push("", L(`周例会议程（${v.agenda.length} 项）`, `weekly meeting agenda (${v.agenda.length} items)`))
  for (const [i, a] of v.agenda.entries()) out.push(...wrapText(`${i + 1}. ${lang === "zh" ? a.zh : a.en}`, width))
  const candidates = f.recovery.items.filter((x) => x.state === "candidate")
  out.push(
    "",
    L(`两年无实质性进展、应收回土地：${candidates.length} 个项目`, `no substantive progress for two years, land due for recovery: ${candidates.length}`),
  )
  for (const x of candidates)
    out.push(
      `  ${fit(x.name, nameW)} ${fit(x.cluster, 14)} ${L(`${x.land} 亩 · 最后进展 ${x.lastProgressOn}`, `${x.land} mu · last progress ${x.lastProgressOn}`)}`,
    )
  out.push(...wrapText(`  ${tr(lang, sourceLine(f.recovery.source))}`, width))
  const h = f.halfYear
  out.push(
    "",
    L(
      `${h.half} 无新开工工业项目的集聚区：${h.withoutStarts.length} 个${h.complete ? "" : "（半年未结束）"}`,
      `zones without a newly started industrial project in ${h.half}: ${h.withoutStarts.length}${h.complete ? "" : " (half year still running)"}`,
    ),
  )
  out.push(...wrapText(`  ${h.withoutStarts.join(", ")}`, width))
  out.push(...wrapText(`  ${tr(lang, sourceLine(h.source))}`, width))
  return out
}

/** The Projects screen: the supervision view and findings of the project register. */
export const SupervisionScreen = (p: { state: SupervisionState; lang: Lang; width: number; height: number }) => (
  <Lines lines={supervisionLines(p.state, p.lang, p.width)} scroll={p.state.scroll} height={p.height} />
)
