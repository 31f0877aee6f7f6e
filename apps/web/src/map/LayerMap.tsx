import { EChart } from "../charts/EChart.js"
import type { LoadedMap } from "../charts/henanMap.js"
import { mapOption } from "../charts/options.js"
import { useI18n } from "../i18n/I18n.js"
import type { LayerView } from "./layerView.js"

/** The map of a layer with its legend, described for screen readers unit by unit. */
export function LayerMap({
  map,
  view,
  title,
  headingId,
}: {
  readonly map: LoadedMap
  readonly view: LayerView
  readonly title: string
  readonly headingId: string
}) {
  const { t } = useI18n()
  const name = (code: string) => map.names.get(code) ?? code
  return (
    <section className="card map-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <EChart
        label={`${title}: ${view.data.map((d) => `${name(d.code)} ${d.label}`).join("; ")}`}
        option={mapOption(map.mapName, map.names, view.data, view.legend)}
        height={520}
      />
      <p className="muted">
        <small>{t.mapNote}</small>
      </p>
    </section>
  )
}
