import type { ChartOption } from "./echarts.js"

/**
 * Kernel density curves, one line per period (the distribution's shift over the years), on a shared value axis.
 * @example densityOption([{ name: "2025", x: [0, 1], y: [0.2, 0.3] }], { x: "revenue", y: "density" })
 */
export const densityOption = (
  curves: ReadonlyArray<{ readonly name: string; readonly x: ReadonlyArray<number>; readonly y: ReadonlyArray<number> }>,
  labels: { readonly x: string; readonly y: string },
): ChartOption => ({
  tooltip: { trigger: "axis" },
  legend: { type: "scroll", top: 0 },
  // Room under the axis for its name (containLabel leaves names out).
  grid: { left: 8, right: 24, top: 40, bottom: 30, containLabel: true },
  xAxis: { type: "value", name: labels.x, nameLocation: "middle", nameGap: 24, scale: true },
  yAxis: { type: "value", name: labels.y },
  series: curves.map((c) => ({
    type: "line",
    name: c.name,
    showSymbol: false,
    smooth: false,
    data: c.x.map((x, i) => [x, c.y[i]]),
  })),
})
