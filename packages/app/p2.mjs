import { BarChart } from "echarts/charts"
import { GridComponent } from "echarts/components"
import * as echarts from "echarts/core"
import { SVGRenderer } from "echarts/renderers"

echarts.use([BarChart, GridComponent, SVGRenderer])
const c = echarts.init(null, null, { renderer: "svg", ssr: true, width: 300, height: 200 })
c.setOption({
  animation: false,
  xAxis: { type: "value" },
  yAxis: { type: "category", data: ['<img src=x onerror="alert(1)">&'] },
  series: [{ type: "bar", data: [1] }],
})
const s = c.renderToSVGString()
console.log(s.match(/<text[^>]*>[^<]*<\/text>/g)?.join("\n"), s.includes("<img"))
