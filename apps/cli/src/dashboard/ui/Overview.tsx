import type { ClusterAssessment } from "@jiju/domain/assessment"
import { Box, Text } from "ink"
import type { Snapshot } from "../data/snapshot.js"
import { bi, fit, growthText, type Lang, num, rankChangeMark, starsText, tr } from "./text.js"
import type { Theme } from "./theme.js"

/** One row of the ranking table. */
export interface RankRow {
  readonly c: ClusterAssessment
  readonly regionName: string
}

/**
 * The ranked zones of a group in rank order, filtered by text (id, name, English name, region).
 * @example overviewRows(snap, 0, "郑州").length
 */
export const overviewRows = (snap: Snapshot, group: number, filter: string): RankRow[] => {
  const g = snap.result?.groups[group]
  if (!g || !snap.result) return []
  const byId = new Map(snap.result.clusters.map((c) => [c.clusterId, c]))
  const regionOf = new Map(snap.register.regions.map((r) => [r.code as string, r.name]))
  const clusterOf = new Map(snap.register.clusters.map((c) => [c.id as string, c]))
  const needle = filter.trim().toLowerCase()
  return g.ranking
    .map((r) => {
      const c = byId.get(r.clusterId)!
      return { c, regionName: regionOf.get(clusterOf.get(r.clusterId)?.region ?? "") ?? "" }
    })
    .filter(({ c, regionName }) => !needle || [c.clusterId, c.name, c.nameEn ?? "", regionName].some((s) => s.toLowerCase().includes(needle)))
}

export interface OverviewProps {
  readonly snap: Snapshot
  readonly lang: Lang
  readonly theme: Theme
  readonly width: number
  readonly height: number
  readonly group: number
  readonly cursor: number
  readonly filter: string
  readonly filtering: boolean
}

/** The Overview screen: province totals and the latest period's ranking of one group. */
export const Overview = ({ snap, lang, theme, width, height, group, cursor, filter, filtering }: OverviewProps) => {
  const t = snap.totals
  const g = snap.result?.groups[group]
  const rows = overviewRows(snap, group, filter)
  const wide = width >= 110
  const visible = Math.max(3, height - 5)
  const start = Math.max(0, Math.min(cursor - Math.floor(visible / 2), rows.length - visible))
  const shown = rows.slice(start, start + visible)
  const nameW = Math.max(12, width - (wide ? 70 : 36))
  const dims = snap.result?.clusters[0]?.dimensions ?? []
  const head =
    `  ${fit(tr(lang, bi("排名", "Rank")), 5, "right")} ${fit(tr(lang, bi("变化", "Chg")), 5, "right")} ${fit(tr(lang, bi("集聚区", "Zone")), nameW)}` +
    (wide ? ` ${fit(tr(lang, bi("区域", "Region")), 10)}` + dims.map((d) => ` ${fit(lang === "zh" ? d.zh : d.en, 8, "right")}`).join("") : "") +
    ` ${fit(tr(lang, bi("得分", "Score")), 6, "right")} ${fit(tr(lang, bi("星级", "Stars")), 6)} ${fit(tr(lang, bi("奖励", "Reward")), 6)}`
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {tr(lang, bi("全省", "Province"))} {snap.period ?? "—"}: {t.zones} {tr(lang, bi("个集聚区", "zones"))} · {tr(lang, bi("营业收入", "revenue"))}{" "}
        {num(t.revenue, 0)} {tr(lang, bi("亿元", "100m CNY"))} {growthText(t.revenueGrowth)}
      </Text>
      <Text wrap="truncate">
        {tr(lang, bi("固定资产投资", "investment"))} {num(t.investment, 0)} {tr(lang, bi("亿元", "100m CNY"))} {growthText(t.investmentGrowth)} ·{" "}
        {tr(lang, bi("从业人员", "employment"))} {num(t.employment, 1)} {tr(lang, bi("万人", "10k persons"))} {growthText(t.employmentGrowth)}
      </Text>
      {snap.result && g ? (
        <Text wrap="truncate" color={theme.accent}>
          {filter || filtering ? `/${filter}${filtering ? "▏" : ""} · ` : ""}
          {tr(lang, g.name)} ({group + 1}/{snap.result.groups.length}, g) ·{" "}
          {tr(lang, bi(`已排名 ${g.size} · 奖励前 ${g.rewardBand}`, `${g.size} ranked · top ${g.rewardBand} rewarded`))} · {tr(lang, snap.result.schemeName)}
        </Text>
      ) : (
        <Text>{tr(lang, bi("没有排名数据：请先载入数据（jiju demo）", "no ranking: load data first (jiju demo)"))}</Text>
      )}
      <Text bold wrap="truncate">
        {head}
      </Text>
      {shown.map(({ c, regionName }, i) => {
        const at = start + i === cursor
        const mark = rankChangeMark(c.rankChange, c.previousRank, lang)
        return (
          <Text key={c.clusterId} wrap="truncate" inverse={at && theme.accent !== undefined}>
            {at ? "›" : " "} {fit(String(c.rank ?? ""), 5, "right")}{" "}
            <Text color={c.rankChange !== null && c.rankChange > 0 ? theme.up : c.rankChange !== null && c.rankChange < 0 ? theme.down : undefined}>
              {fit(mark, 5, "right")}
            </Text>{" "}
            {fit(lang === "en" && c.nameEn ? c.nameEn : c.name, nameW)}
            {wide ? ` ${fit(regionName, 10)}${c.dimensions.map((d) => ` ${fit(num(d.points, 1), 8, "right")}`).join("")}` : ""}{" "}
            {fit(num(c.score, 1), 6, "right")} {fit(starsText(c.stars?.stars), 6)} {fit(c.reward ? tr(lang, bi("✓ 奖励", "✓ yes")) : "", 6)}
          </Text>
        )
      })}
      {rows.length === 0 && snap.result ? <Text>{tr(lang, bi("没有匹配的集聚区", "no zone matches"))}</Text> : null}
      {snap.result && (snap.result.vetoed.length > 0 || snap.result.excluded.length > 0) ? (
        <Text wrap="truncate" dimColor={theme.dim}>
          {tr(
            lang,
            bi(
              `一票否决 ${snap.result.vetoed.length} 个 · 数据不全未排名 ${snap.result.excluded.length} 个`,
              `${snap.result.vetoed.length} vetoed · ${snap.result.excluded.length} not ranked (missing data)`,
            ),
          )}
        </Text>
      ) : null}
    </Box>
  )
}
