// Only the charts and components the app draws, so the lazily loaded chunk stays small.
import { BarChart, LineChart, MapChart, RadarChart, ScatterChart } from "echarts/charts"
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components"
import * as echarts from "echarts/core"
import { CanvasRenderer } from "echarts/renderers"

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  RadarChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  RadarComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
])

export type { EChartsCoreOption as ChartOption, EChartsType } from "echarts/core"
/** ECharts core with the registered charts (bar, line, map, radar, scatter). */
export { echarts }
