import type { ChartOption } from "./echarts.js"
import { QUADRANT_COLOURS } from "./mapClasses.js"

type Lang = "zh" | "en"
const pickOf = (lang: Lang) => (b: { zh: string; en: string }) => b[lang]

/** Bars of points earned against the item's full points, one per indicator. */
export const scoreBreakdownOption = (
  items: ReadonlyArray<{ zh: string; en: string; points: number | null; weight: number }>,
  totalPoints: number,
  lang: Lang,
  labels: { earned: string; full: string },
): ChartOption => {
  const pick = pickOf(lang)
  return {
    tooltip: { trigger: "axis" },
    // ECharts 6 puts legends at the bottom by default; on top they do not collide with axis labels.
    legend: { data: [labels.earned, labels.full], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: items.map(pick), inverse: true, axisLabel: { width: 120, overflow: "truncate" } },
    series: [
      {
        name: labels.full,
        type: "bar",
        data: items.map((i) => Number((i.weight * totalPoints).toFixed(2))),
        itemStyle: { color: "#d9e2ec" },
        barGap: "-100%",
        z: 1,
      },
      {
        name: labels.earned,
        type: "bar",
        data: items.map((i) => (i.points === null ? null : Number(i.points.toFixed(2)))),
        itemStyle: { color: "#1f6feb" },
        z: 2,
      },
    ],
  }
}

/** A radar of each dimension's share of its full points (0–100 %). */
export const dimensionRadarOption = (dims: ReadonlyArray<{ zh: string; en: string; share: number | null }>, lang: Lang, seriesName: string): ChartOption => ({
  tooltip: {},
  radar: { indicator: dims.map((d) => ({ name: d[lang], max: 100 })), radius: "65%" },
  series: [
    {
      type: "radar",
      name: seriesName,
      data: [{ name: seriesName, value: dims.map((d) => (d.share === null ? 0 : Math.round(d.share * 1000) / 10)) }],
      areaStyle: { opacity: 0.2 },
    },
  ],
})

/** Lines of indicator values over periods (one series per indicator). */
export const trendOption = (periods: ReadonlyArray<string>, series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | null> }>): ChartOption => ({
  tooltip: { trigger: "axis" },
  legend: { type: "scroll", top: 0 },
  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
  xAxis: { type: "category", data: [...periods] },
  yAxis: { type: "value", scale: true },
  series: series.map((s) => ({ type: "line", name: s.name, data: [...s.values], connectNulls: false, showSymbol: true })),
})

/** Coordination levels in tenths of D, coloured from imbalance (red) to coordination (green). */
export const LEVEL_COLOURS = ["#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"]

/** Coupling coordination: D by unit as bars coloured by level, with U1 and U2 as points. */
export const couplingOption = (
  rows: ReadonlyArray<{ name: string; D: number; grade: number; U: ReadonlyArray<number> }>,
  labels: { D: string; U: ReadonlyArray<string> },
): ChartOption => {
  const sorted = [...rows].sort((a, b) => b.D - a.D)
  return {
    tooltip: { trigger: "axis" },
    legend: { data: [labels.D, ...labels.U], top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: sorted.map((r) => r.name), axisLabel: { rotate: 60, interval: 0, fontSize: 10 } },
    yAxis: { type: "value", min: 0, max: 1 },
    series: [
      {
        name: labels.D,
        type: "bar",
        data: sorted.map((r) => ({ value: Number(r.D.toFixed(4)), itemStyle: { color: LEVEL_COLOURS[Math.min(9, Math.max(0, r.grade - 1))] } })),
      },
      ...labels.U.map((u, k) => ({ name: u, type: "line", symbolSize: 5, lineStyle: { width: 0 }, data: sorted.map((r) => Number((r.U[k] ?? 0).toFixed(4))) })),
    ],
  }
}

/** Moran scatter: standardised value against its spatial lag, points coloured by quadrant, with the slope I. */
export const moranScatterOption = (
  points: ReadonlyArray<{ name: string; z: number; lag: number; quadrant: string | null }>,
  slope: number,
  labels: { x: string; y: string },
): ChartOption => {
  const xs = points.map((p) => p.z)
  // Ends at halves: the axis labels its ends, and 2.9725339424707253 is no label.
  const lo = Math.floor(Math.min(-1, ...xs) * 1.1 * 2) / 2
  const hi = Math.ceil(Math.max(1, ...xs) * 1.1 * 2) / 2
  return {
    tooltip: {
      formatter: (p: { data: { name: string; value: [number, number] } }) => `${p.data.name}<br/>${p.data.value[0].toFixed(3)}, ${p.data.value[1].toFixed(3)}`,
    },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    // The x name ends where the axis ends, under it: placed after the end, a long variable name ran off the chart.
    xAxis: {
      type: "value",
      name: labels.x,
      nameLocation: "end",
      nameGap: 0,
      nameTextStyle: { align: "right", verticalAlign: "top", padding: [8, 0, 0, 0] },
      min: lo,
      max: hi,
      axisLine: { onZero: true },
    },
    yAxis: { type: "value", name: labels.y, nameLocation: "end", axisLine: { onZero: true } },
    series: [
      {
        type: "scatter",
        symbolSize: 9,
        data: points.map((p) => ({ name: p.name, value: [p.z, p.lag], itemStyle: { color: QUADRANT_COLOURS[p.quadrant ?? "none"] } })),
      },
      {
        type: "line",
        showSymbol: false,
        silent: true,
        data: [
          [lo, slope * lo],
          [hi, slope * hi],
        ],
        lineStyle: { type: "dashed", color: "#555" },
      },
    ],
  }
}

/** How a choropleth's colours read: categories, or a continuous range (e.g. local coefficients). */
export type MapLegend =
  | { readonly kind: "pieces"; readonly pieces: ReadonlyArray<{ value: number; label: string; color: string }> }
  | { readonly kind: "range"; readonly min: number; readonly max: number; readonly text: readonly [string, string] }

/**
 * Decimals of a continuous legend: three significant digits of its range.
 * @example legendPrecision(0.5) // 3
 */
export const legendPrecision = (range: number): number =>
  Number.isFinite(range) && range > 0 ? Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(range)))) : 3

/** A choropleth of units keyed by code, with a legend of categories or of a continuous range. */
export const mapOption = (
  mapName: string,
  names: ReadonlyMap<string, string>,
  data: ReadonlyArray<{ code: string; value: number; label: string }>,
  legend: MapLegend,
): ChartOption => {
  const byCode = new Map(data.map((d) => [d.code, d]))
  const visualMap =
    legend.kind === "pieces"
      ? { type: "piecewise", pieces: legend.pieces.map((p) => ({ value: p.value, label: p.label, color: p.color })) }
      : {
          type: "continuous",
          min: legend.min,
          max: legend.max,
          text: [...legend.text],
          // Enough decimals that the two ends of a narrow range (local coefficients 3.9 to 4.4) do not read alike.
          precision: legendPrecision(legend.max - legend.min),
          calculable: true,
          // Diverging around zero when the range spans it: blue below, red above.
          inRange: { color: legend.min < 0 && legend.max > 0 ? ["#2166ac", "#f7f7f7", "#b2182b"] : ["#fee8c8", "#e34a33"] },
        }
  return {
    tooltip: {
      formatter: (p: { name: string }) => `${names.get(p.name) ?? p.name}${byCode.get(p.name) ? `<br/>${byCode.get(p.name)!.label}` : ""}`,
    },
    visualMap: { ...visualMap, left: 0, bottom: 0, itemWidth: 14, itemHeight: legend.kind === "pieces" ? 10 : 120, textStyle: { fontSize: 11 } },
    series: [
      {
        type: "map",
        map: mapName,
        roam: true,
        label: { show: true, fontSize: 9, formatter: (p: { name: string }) => names.get(p.name) ?? p.name },
        emphasis: { label: { show: true } },
        data: data.map((d) => ({ name: d.code, value: d.value })),
      },
    ],
  }
}
