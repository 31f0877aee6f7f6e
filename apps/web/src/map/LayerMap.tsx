import { EChart } from "../charts/EChart.js"
import type { LoadedMap } from "../charts/henanMap.js"
import { mapOption } from "../charts/options.js"
import type { LayerView } from "./layerView.js"

/** The map of a layer with its legend, described for screen readers unit by unit. */
export function LayerMap({
  map,
  view,
  title,
  headingId,
  note,
}: {
  readonly map: LoadedMap
  readonly view: LayerView
  readonly title: string
  readonly headingId: string
  /** Where the boundaries come from (none for the reader's own file). */
  readonly note: string | null
}) {
  const name = (code: string) => map.names.get(code) ?? code
  return (
    <section className="card map-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <EChart
        label={`${title}: ${view.data.map((d) => `${name(d.code)} ${d.label}`).join("; ")}`}
        option={mapOption(map.mapName, map.names, view.data, view.legend)}
        height={520}
      />
      {note ? (
        <p className="muted">
          <small>{note}</small>
        </p>
      ) : null}
    </section>
  )
}
