import { findIndicator } from "@jiju/domain/model"
import { type FormEvent, useId, useState } from "react"
import { IndicatorChecks } from "../analyses/IndicatorChecks.js"
import { ANALYSIS_INDICATORS } from "../analyses/indicatorChoices.js"
import { MapLevelSelect } from "../analyses/spatial/MapLevelSelect.js"
import { useMapOf } from "../analyses/spatial/useMapOf.js"
import { useI18n } from "../i18n/I18n.js"
import { PeriodPicker } from "../ui/PeriodPicker.js"
import { MapResults } from "./MapResults.js"
import { MAP_LAYERS, type MapLayer, type MapRequest } from "./mapRequest.js"
import { UploadPicker } from "./UploadPicker.js"
import type { UploadedGeoJson } from "./uploadedGeoJson.js"
import { useMapRun } from "./useMapRun.js"
import { VariableSelect } from "./VariableSelect.js"

/**
 * Local spatial statistics on a map: LISA clusters, Gi* hot and cold spots or GWR local coefficients of a variable,
 * over Henan's map units (the zones' mean values) or the units of an uploaded GeoJSON, with the Moran scatter plot
 * and the kernel density of the variable over the years. Every number comes from the API's analysis operations.
 */
export default function MapPage() {
  const { t, pick } = useI18n()
  const id = useId()
  const province = useMapOf("410000")
  const [kind, setKind] = useState<"henan" | "upload">("henan")
  const [mapCode, setMapCode] = useState("410000")
  const [upload, setUpload] = useState<UploadedGeoJson | null>(null)
  const [idProperty, setIdProperty] = useState("")
  const [coords, setCoords] = useState<readonly [string, string] | null>(null)
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1))
  const [variable, setVariable] = useState("revenue")
  const [layer, setLayer] = useState<MapLayer>("lisa")
  const [regressors, setRegressors] = useState<ReadonlyArray<string>>(["fixed_investment"])
  const m = useMapRun()

  const indicatorName = (code: string) => {
    const d = findIndicator(code)
    return d ? pick(d) : code
  }
  const choices = kind === "henan" ? ANALYSIS_INDICATORS : (upload?.numeric ?? [])
  const shownVariable = choices.includes(variable) ? variable : (choices[0] ?? "")
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (kind === "upload" && !upload) return m.fail(t.uploadFirst)
    const xs = regressors.filter((x) => x !== shownVariable && choices.includes(x))
    if (layer === "gwr" && xs.length === 0) return m.fail(t.needRegressor)
    if (layer === "gwr" && kind === "upload" && upload && !upload.points && !coords) return m.fail(t.gwrNeedsCoords)
    const source: MapRequest["source"] =
      kind === "henan" ? { kind: "henan", mapCode } : { kind: "upload", upload: upload!, idProperty, coords: upload!.points ? null : coords }
    void m.run({ source, period, variable: shownVariable, layer, regressors: xs })
  }
  const result = m.result
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t.mapPageTitle}</h1>
      <form onSubmit={submit} className="card" noValidate>
        <fieldset>
          <legend>{t.mapSource}</legend>
          <label>
            <input type="radio" name={`${id}-src`} checked={kind === "henan"} onChange={() => setKind("henan")} /> {t.sourceHenan}
          </label>{" "}
          <label>
            <input type="radio" name={`${id}-src`} checked={kind === "upload"} onChange={() => setKind("upload")} /> {t.sourceUpload}
          </label>
        </fieldset>
        {kind === "henan" ? (
          <div className="form-head">
            <MapLevelSelect id={`${id}-level`} value={mapCode} onChange={setMapCode} province={province.data} />
            <PeriodPicker value={period} onChange={setPeriod} />
          </div>
        ) : (
          <UploadPicker
            id={id}
            upload={upload}
            onUpload={setUpload}
            idProperty={idProperty}
            onIdProperty={setIdProperty}
            coords={coords}
            onCoords={setCoords}
          />
        )}
        <div className="form-head">
          <VariableSelect
            id={`${id}-var`}
            label={t.variable}
            value={shownVariable}
            options={choices.map((c) => ({ value: c, label: kind === "henan" ? indicatorName(c) : c }))}
            onChange={setVariable}
          />
          <VariableSelect
            id={`${id}-layer`}
            label={t.mapLayer}
            value={layer}
            options={MAP_LAYERS.map((l) => ({ value: l, label: t.layerName[l] }))}
            onChange={(l) => setLayer(l as MapLayer)}
          />
        </div>
        <p className="muted">
          <small>{t.layerHelp[layer]}</small>
        </p>
        {layer === "gwr" ? (
          <IndicatorChecks legend={t.gwrRegressors} choices={choices.filter((c) => c !== shownVariable)} chosen={regressors} onChange={setRegressors} />
        ) : null}
        <button type="submit" className="primary" disabled={m.busy}>
          {m.busy ? t.drawing : t.drawMap}
        </button>
        <p className="error" role="alert" aria-live="assertive">
          {m.error}
        </p>
      </form>
      {result ? (
        <MapResults
          result={result}
          variableName={result.request.source.kind === "henan" ? indicatorName(result.request.variable) : result.request.variable}
          termName={result.request.source.kind === "henan" ? indicatorName : (x) => x}
        />
      ) : null}
    </section>
  )
}
