import { projectStatusNames } from "@jiju/domain/projects"
import { useMemo } from "react"
import { messageOf } from "../api/problems.js"
import { EChart } from "../charts/EChart.js"
import type { ChartOption } from "../charts/echarts.js"
import { loadMap } from "../charts/henanMap.js"
import { useI18n } from "../i18n/I18n.js"
import { navigate } from "../ui/route.js"
import { useLoad } from "../ui/useLoad.js"
import type { ProjectWire } from "./projectLists.js"

const STATUS_COLOURS: Record<ProjectWire["status"], string> = {
  signed: "#9e9ac8",
  land_supplied: "#6baed6",
  started: "#2171b5",
  in_production: "#31a354",
  at_capacity: "#006d2c",
  stalled: "#e6550d",
  land_recovered: "#636363",
}

/**
 * Pins of the projects on the map of Henan, one colour per status; a click opens the project. The points are the
 * ones the register holds (WGS 84); the boundaries are GCJ-02, so a pin may sit a few hundred metres off.
 */
export default function ProjectPins({ projects }: { readonly projects: ReadonlyArray<ProjectWire> }) {
  const { t, pick, lang } = useI18n()
  const map = useLoad(() => loadMap("410000"), [])
  const option = useMemo<ChartOption | null>(() => {
    if (!map.data) return null
    const statuses = [...new Set(projects.map((p) => p.status))]
    return {
      tooltip: { trigger: "item", formatter: (p: { data?: { label?: string } }) => p.data?.label ?? "" },
      legend: { bottom: 0, data: statuses.map((s) => pick(projectStatusNames[s])) },
      geo: { map: map.data.mapName, roam: true, itemStyle: { areaColor: "#f3f3f3", borderColor: "#999" } },
      series: statuses.map((s) => ({
        type: "scatter",
        coordinateSystem: "geo",
        name: pick(projectStatusNames[s]),
        symbolSize: 7,
        itemStyle: { color: STATUS_COLOURS[s] },
        data: projects
          .filter((p) => p.status === s)
          .map((p) => ({
            name: p.id,
            value: [p.location!.lon, p.location!.lat],
            label: `${lang === "en" && p.name_en ? p.name_en : p.name}<br/>${pick(projectStatusNames[p.status])} · ${p.fixed_investment.toLocaleString(t.locale)} ${t.wan}`,
          })),
      })),
    }
  }, [map.data, projects, pick, lang, t])
  if (map.error) return <p role="alert">{t.loadFailed(messageOf(map.error))}</p>
  if (!option) return <p aria-busy="true">{t.chartsLoading}</p>
  return (
    <section className="card map-card" aria-labelledby="project-pins-title">
      <h2 id="project-pins-title">{t.projectPinsTitle}</h2>
      <EChart
        label={t.projectPinsLabel(projects.length)}
        option={option}
        height={480}
        onItemClick={(name) => name && projects.some((p) => p.id === name) && navigate("project", name)}
      />
      <p className="muted">
        <small>{t.projectPinsNote}</small>
      </p>
    </section>
  )
}
