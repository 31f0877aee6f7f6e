import { useId, useState } from "react"
import { MoranScatter } from "../analyses/spatial/MoranScatter.js"
import { useI18n } from "../i18n/I18n.js"
import { DensityChart } from "./DensityChart.js"
import { LayerMap } from "./LayerMap.js"
import { layerView } from "./layerView.js"
import { MapResultsTable } from "./MapResultsTable.js"
import type { MapResult } from "./useMapRun.js"
import { VariableSelect } from "./VariableSelect.js"

/** A drawn map with its legend, the Moran scatter plot, the distribution over the years and the table of units. */
export function MapResults({
  result,
  variableName,
  termName,
}: {
  readonly result: MapResult
  readonly variableName: string
  /** How a GWR term (a column of the data) is named to the reader. */
  readonly termName: (term: string) => string
}) {
  const { t } = useI18n()
  const id = useId()
  const { request, data, analysis, density } = result
  const terms = analysis.gwr ? Object.keys(analysis.gwr.rows[0]?.coefficients ?? {}) : []
  const [chosen, setChosen] = useState<string | null>(null)
  const term = chosen !== null && terms.includes(chosen) ? chosen : (terms.find((x) => x !== "(Intercept)") ?? terms[0] ?? "")
  const view = layerView(request.layer, analysis, term, t, termName)
  const name = (code: string) => data.map.names.get(code) ?? code
  return (
    <>
      {analysis.gwr ? (
        <div className="form-head">
          <VariableSelect
            id={`${id}-term`}
            label={t.gwrTerm}
            value={term}
            options={terms.map((x) => ({ value: x, label: termName(x) }))}
            onChange={setChosen}
          />
          <p className="muted">{t.gwrSummary(analysis.gwr.bandwidth, analysis.gwr.aicc, analysis.gwr.r2)}</p>
        </div>
      ) : null}
      <div className="chart-grid">
        {view ? (
          <LayerMap
            map={data.map}
            view={view}
            title={`${t.layerName[request.layer]} · ${variableName}`}
            headingId={`${id}-map`}
            note={request.source.kind === "henan" ? t.mapNote : null}
          />
        ) : (
          <p className="muted">{t.moranTooFew}</p>
        )}
        {analysis.autocorrelation ? (
          <MoranScatter
            moran={analysis.autocorrelation.moran}
            rows={analysis.autocorrelation.lisa.rows}
            nameOf={name}
            variable={request.variable}
            headingId={`${id}-moran`}
          />
        ) : null}
      </div>
      {"error" in density ? (
        <p className="muted">{t.densityFailed(density.error)}</p>
      ) : (
        <DensityChart curves={density} variable={variableName} headingId={`${id}-density`} />
      )}
      <MapResultsTable map={data.map} values={data.values} analysis={analysis} term={term} termLabel={termName(term)} />
    </>
  )
}
