import type { LoadedMap } from "../charts/henanMap.js"
import { useI18n } from "../i18n/I18n.js"
import type { MapAnalysis } from "./analyseMap.js"

const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? "—" : x.toFixed(3))

/** Every unit's value and local statistics in a table: what the map shows, readable without it. */
export function MapResultsTable({
  map,
  values,
  analysis,
  term,
  termLabel,
}: {
  readonly map: LoadedMap
  readonly values: ReadonlyMap<string, number>
  readonly analysis: MapAnalysis
  readonly term: string
  readonly termLabel: string
}) {
  const { t } = useI18n()
  const lisa = new Map((analysis.autocorrelation?.lisa.rows ?? []).map((r) => [r.id, r]))
  const hot = new Map((analysis.hotspots?.rows ?? []).map((r) => [r.id, r]))
  const gwr = new Map((analysis.gwr?.rows ?? []).map((r) => [r.id, r]))
  return (
    <details className="card">
      <summary>
        {t.unitTable} ({values.size})
      </summary>
      <div className="table-scroll">
        <table className="map-units">
          <thead>
            <tr>
              <th scope="col">{t.mapUnit}</th>
              <th scope="col" className="num">
                {t.valueCol}
              </th>
              <th scope="col">LISA</th>
              <th scope="col" className="num">
                p
              </th>
              {analysis.hotspots ? <th scope="col">Gi*</th> : null}
              {analysis.gwr ? <th scope="col" className="num">{`GWR ${termLabel}`}</th> : null}
            </tr>
          </thead>
          <tbody>
            {[...values].map(([code, v]) => {
              const l = lisa.get(code)
              const h = hot.get(code)
              const g = gwr.get(code)
              return (
                <tr key={code} data-unit={code}>
                  <th scope="row">{map.names.get(code) ?? code}</th>
                  <td className="num">{f3(v)}</td>
                  <td>{l?.quadrant ?? "—"}</td>
                  <td className="num">{f3(l?.p_permutation ?? l?.p)}</td>
                  {analysis.hotspots ? <td>{h ? t.hotspotClass[h.class ?? "not_significant"] : "—"}</td> : null}
                  {analysis.gwr ? <td className="num">{f3(g?.coefficients[term]?.estimate)}</td> : null}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </details>
  )
}
