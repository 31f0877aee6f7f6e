import { findIndicator } from "@jiju/domain/model"
import { Text } from "ink"
import type { HotspotsView, SpotClass } from "../data/hotspots.js"
import { PREFECTURE_WEIGHTS_NOTE } from "../data/prefectureGal.js"
import { type Line, Lines } from "./Lines.js"
import { bi, fit, type Lang, num, pval, tr, wrapText } from "./text.js"
import type { Theme } from "./theme.js"

/** What the Hot spots screen shows: the indicator and period chosen, and the core's answer once it is there. */
export interface HotspotsState {
  readonly indicator: string
  readonly period: string
  readonly view: HotspotsView | { readonly error: { zh: string; en: string } } | null
  readonly scroll: number
}

const CLASS_TEXT: Record<NonNullable<SpotClass>, { zh: string; en: string }> = {
  hot_99: bi("热点 99%", "hot 99%"),
  hot_95: bi("热点 95%", "hot 95%"),
  hot_90: bi("热点 90%", "hot 90%"),
  cold_99: bi("冷点 99%", "cold 99%"),
  cold_95: bi("冷点 95%", "cold 95%"),
  cold_90: bi("冷点 90%", "cold 90%"),
  not_significant: bi("不显著", "not significant"),
}

/**
 * The class as words (never by colour alone: under NO_COLOR the words carry it).
 * @example classText("hot_95", "en") // "hot 95%"
 */
export const classText = (c: SpotClass, lang: Lang): string => (c === null ? "—" : tr(lang, CLASS_TEXT[c]))

const indicatorName = (code: string, lang: Lang) => {
  const d = findIndicator(code)
  return d ? tr(lang, { zh: d.zh, en: d.en }) : code
}

/** The Hot spots screen's lines: what was asked, the prefectures from hottest to coldest, and the counts. */
export const hotspotLines = (s: HotspotsState, periods: ReadonlyArray<string>, lang: Lang, theme: Theme, width: number): Line[] => {
  const L = (zh: string, en: string) => tr(lang, bi(zh, en))
  const out: Line[] = [
    `${L("指标", "Indicator")} [ ${indicatorName(s.indicator, lang)} ] · ${L("期间", "period")} ◀ ${s.period} ▶ (${periods.length > 0 ? `${periods[0]}–${periods.at(-1)}` : "—"})`,
    L("Getis–Ord Gi*（含自身），省辖市块权重：同一省辖市的集聚区结果相同", "Getis–Ord Gi* (self included), prefecture block weights: one result a prefecture"),
  ]
  const v = s.view
  if (v === null) return [...out, "", L("计算中…", "computing…")]
  if ("error" in v) return [...out, "", tr(lang, v.error)]
  const nameW = Math.max(10, Math.min(20, width - 52))
  out.push(
    `${fit(L("省辖市", "prefecture"), nameW)} ${fit(L("集聚区", "zones"), 6, "right")} ${fit("G*", 8, "right")} ${fit("z", 7, "right")} ${fit("p", 7, "right")}  ${L("类别", "class")}`,
  )
  for (const x of v.spots) {
    const hot = x.class?.startsWith("hot") === true
    const cold = x.class?.startsWith("cold") === true
    const text = `${fit(x.name ?? x.prefecture, nameW)} ${fit(String(x.zones), 6, "right")} ${fit(num(x.G, 4), 8, "right")} ${fit(num(x.z, 2), 7, "right")} ${fit(pval(x.p), 7, "right")}  `
    out.push({
      key: x.prefecture,
      node: (
        <Text wrap="truncate">
          {text}
          <Text color={hot ? theme.down : cold ? theme.accent : undefined} bold={hot || cold}>
            {classText(x.class, lang)}
          </Text>
        </Text>
      ),
    })
  }
  const hot = v.spots.filter((x) => x.class?.startsWith("hot")).length
  const cold = v.spots.filter((x) => x.class?.startsWith("cold")).length
  const plain = v.spots.filter((x) => x.class === "not_significant").length
  const none = v.spots.length - hot - cold - plain
  out.push(
    L(
      `省辖市：热点 ${hot} · 冷点 ${cold} · 不显著 ${plain}${none > 0 ? ` · 无法判定 ${none}` : ""}（${v.units} 个集聚区）`,
      `prefectures: hot ${hot} · cold ${cold} · not significant ${plain}${none > 0 ? ` · undetermined ${none}` : ""} (${v.units} zones)`,
    ),
  )
  for (const n of [...v.notes, PREFECTURE_WEIGHTS_NOTE]) out.push(...wrapText(tr(lang, n), width))
  return out
}

/** The Hot spots screen: Gi* hot and cold spots of an indicator over the prefectures. */
export const HotspotsScreen = (p: { state: HotspotsState; periods: ReadonlyArray<string>; lang: Lang; theme: Theme; width: number; height: number }) => (
  <Lines lines={hotspotLines(p.state, p.periods, p.lang, p.theme, p.width)} scroll={p.state.scroll} height={p.height} />
)
