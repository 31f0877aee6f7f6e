import type { TargetsDocument } from "@jiju/domain/assessment"
import { sourceLine } from "@jiju/domain/model"
import type { DashboardTargetSet } from "../data/targets.js"
import { type Line, Lines } from "./Lines.js"
import { bar, bi, fit, type Lang, tr, wrapText } from "./text.js"

/** The Targets screen's lines: one attainment bar per target, then the domain's text, due year and 依据 line for each. */
export const targetLines = (sets: ReadonlyArray<DashboardTargetSet>, index: number, tracking: TargetsDocument | null, lang: Lang, width: number): Line[] => {
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  const set = sets[index]?.set
  if (!set) return [L("没有目标集", "no target set")]
  const out: Line[] = [
    `◀ ${tr(lang, set.name)} ▶ (${index + 1}/${sets.length}, ←/→) · ${L("目标年", "target year")} ${set.targetYear}${tracking ? ` · ${L("当前", "now")} ${tracking.period}` : ""}`,
    L(
      `范围：全省集聚区（未归档）${tracking && tracking.setId === set.id ? ` ${tracking.zones} 个` : ""}`,
      `scope: the province's zones (not archived)${tracking && tracking.setId === set.id ? `, ${tracking.zones}` : ""}`,
    ),
    "",
  ]
  // A tracking of another set is still on screen while the new one loads.
  if (!tracking || tracking.setId !== set.id) return [...out, L("读取中…", "loading…")]
  const descW = Math.max(16, width - 40)
  for (const t of tracking.targets) {
    const share = t.attainment ?? 0
    const mark = t.attained === null ? "?" : t.attained ? "✓" : "✗"
    out.push(
      `${mark} ${fit(tr(lang, t.description), descW)} ${bar(share, 20)} ${fit(t.attainment === null ? "—" : `${Math.round(t.attainment * 100)}%`, 6, "right")}`,
    )
  }
  out.push("")
  for (const t of tracking.targets) {
    out.push(`• ${tr(lang, t.text)}`)
    out.push(`    ${L(`${t.dueYear} 年到期`, `due ${t.dueYear}`)}`)
    if (t.source) out.push(...wrapText(`    ${tr(lang, sourceLine(t.source))}`, width))
    if (t.missing.length > 0)
      out.push(`    ${L(`缺少数据的集聚区 ${t.missing.length} 个（不计为 0）`, `${t.missing.length} zones without data (not counted as 0)`)}`)
  }
  for (const n of set.notes ?? []) out.push(`  ${tr(lang, n)}`)
  return out
}

/** The Targets screen. */
export const TargetsScreen = (p: {
  sets: ReadonlyArray<DashboardTargetSet>
  index: number
  tracking: TargetsDocument | null
  lang: Lang
  width: number
  height: number
  scroll: number
}) => <Lines lines={targetLines(p.sets, p.index, p.tracking, p.lang, p.width)} scroll={p.scroll} height={p.height} />
