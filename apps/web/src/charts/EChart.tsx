import { useEffect, useRef } from "react"
import { type ChartOption, type EChartsType, echarts } from "./echarts.js"

/** Props of {@link EChart}. */
export interface EChartProps {
  /** The ECharts option; replaced (not merged) when it changes. */
  readonly option: ChartOption
  /** What the chart shows, for screen readers (the canvas itself is opaque). */
  readonly label: string
  readonly height?: number
  /** Called with the clicked item's name and data (e.g. a map region or a bar). */
  readonly onItemClick?: (name: string, data: unknown) => void
}

/**
 * A typed wrapper around `echarts.init`: one chart per element, resized with its container, disposed on unmount.
 * @example <EChart label="Scores" option={{ xAxis: {}, yAxis: {}, series: [{ type: "bar", data: [1, 2] }] }} />
 */
export function EChart({ option, label, height = 320, onItemClick }: EChartProps) {
  const el = useRef<HTMLDivElement | null>(null)
  const chart = useRef<EChartsType | null>(null)
  const click = useRef(onItemClick)
  click.current = onItemClick
  useEffect(() => {
    const node = el.current
    if (!node) return
    const c = echarts.init(node, undefined, { renderer: "canvas" })
    chart.current = c
    c.on("click", (p: { name?: string; data?: unknown }) => click.current?.(String(p.name ?? ""), p.data))
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => c.resize())
    ro?.observe(node)
    return () => {
      ro?.disconnect()
      c.dispose()
      chart.current = null
    }
  }, [])
  useEffect(() => {
    // ECharts writes its aria-label on the container: give it our description rather than a generated one.
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, animationDuration: 300, ...option }, { notMerge: true })
  }, [option, label])
  return <div ref={el} className="chart" role="img" aria-label={label} style={{ height, width: "100%" }} />
}
