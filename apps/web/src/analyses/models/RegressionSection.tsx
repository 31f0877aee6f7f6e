import { type FormEvent, useId, useState } from "react"
import { useSession } from "../../auth/Session.js"
import { useI18n } from "../../i18n/I18n.js"
import { PeriodPicker } from "../../ui/PeriodPicker.js"
import { MapLevelSelect } from "../spatial/MapLevelSelect.js"
import { useMapOf } from "../spatial/useMapOf.js"
import { ModelChoice } from "./ModelChoice.js"
import { ModelDocument } from "./ModelDocument.js"
import { REGRESS_MODELS, type RegressModel } from "./modelChoices.js"
import { loadUnitDataset } from "./unitDataset.js"
import { useModelRun } from "./useModelRun.js"
import { VariablesPicker } from "./VariablesPicker.js"

/**
 * A cross-section regression over map units (the mean of their zones' values), with queen contiguity of the units'
 * polygons: every model the regression operation offers (OLS with the LM diagnostics, lag, error, SLX, Durbin,
 * SDEM, SAC), and for the Durbin model its reductions explained; the model choice leads from the LM tests to the
 * model the server suggests.
 */
export function RegressionSection() {
  const { t } = useI18n()
  const { api } = useSession()
  const id = useId()
  const province = useMapOf("410000")
  const [mapCode, setMapCode] = useState("410000")
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1))
  const [y, setY] = useState("revenue")
  const [xs, setXs] = useState<ReadonlyArray<string>>(["fixed_investment", "patents_granted"])
  const [model, setModel] = useState<RegressModel>("durbin")
  const fit = useModelRun()
  const fitWith = (chosen: RegressModel) => {
    if (xs.length === 0) return fit.fail(t.needRegressor)
    void fit.run(async () => {
      const { geojson } = await loadUnitDataset(api, mapCode, [y, ...xs], { period })
      const { data } = await api.analyseRegress({
        body: { geojson, id: "unit", formula: `${y} ~ ${xs.join(" + ")}`, model: chosen, weights: { contiguity: "queen" } },
      })
      return data
    })
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    fitWith(model)
  }
  // The model-choice buttons fit the model the server named, with the same data, and show it in the select.
  const fitNamed = (chosen: RegressModel) => {
    setModel(chosen)
    fitWith(chosen)
  }
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.regressionTitle}</h2>
      <form onSubmit={submit} className="card" noValidate>
        <p className="muted">{t.unitDataNote}</p>
        <div className="form-head">
          <MapLevelSelect id={`${id}-level`} value={mapCode} onChange={setMapCode} province={province.data} />
          <PeriodPicker value={period} onChange={setPeriod} />
          <div className="field">
            <label htmlFor={`${id}-model`}>{t.model}</label>
            <select id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value as RegressModel)} aria-describedby={`${id}-model-help`}>
              {REGRESS_MODELS.map((m) => (
                <option key={m} value={m}>
                  {t.regressModel[m].name}
                </option>
              ))}
            </select>
            <small id={`${id}-model-help`}>{t.regressModel[model].help}</small>
          </div>
        </div>
        <VariablesPicker id={id} y={y} xs={xs} onY={setY} onXs={setXs} />
        <button type="submit" className="primary" disabled={fit.busy}>
          {fit.busy ? t.fitting : t.fitModel}
        </button>
        <p className="error" role="alert" aria-live="assertive">
          {fit.error}
        </p>
      </form>
      {fit.doc ? (
        <>
          <ModelDocument doc={fit.doc} />
          <ModelChoice doc={fit.doc} model={fit.doc.model as RegressModel} busy={fit.busy} onFit={fitNamed} />
        </>
      ) : null}
    </section>
  )
}
