import { previousPeriod } from "@jiju/domain/model"
import { type FormEvent, useId, useState } from "react"
import { useSession } from "../../auth/Session.js"
import { useI18n } from "../../i18n/I18n.js"
import { PeriodPicker } from "../../ui/PeriodPicker.js"
import { MapLevelSelect } from "../spatial/MapLevelSelect.js"
import { useMapOf } from "../spatial/useMapOf.js"
import { ModelDocument } from "./ModelDocument.js"
import { PANEL_EFFECTS, PANEL_MODELS, type PanelEffects, type PanelModel } from "./modelChoices.js"
import { loadUnitDataset } from "./unitDataset.js"
import { useModelRun } from "./useModelRun.js"
import { VariablesPicker } from "./VariablesPicker.js"

const yearsBack = (p: string, n: number) => Array.from({ length: n }).reduce<string>((q) => previousPeriod(q), p)

/**
 * A panel of map units over a range of periods: fixed effects (with the spatial LM tests and the LR tests of the
 * effects), random effects with the Hausman test, and Elhorst's spatial lag, error and Durbin panels, with the
 * individual, time or two-way effects the panel operation offers.
 */
export function PanelSection() {
  const { t } = useI18n()
  const { api } = useSession()
  const id = useId()
  const province = useMapOf("410000")
  const lastYear = String(new Date().getFullYear() - 1)
  const [mapCode, setMapCode] = useState("410000")
  const [from, setFrom] = useState(yearsBack(lastYear, 4))
  const [to, setTo] = useState(lastYear)
  const [y, setY] = useState("revenue")
  const [xs, setXs] = useState<ReadonlyArray<string>>(["fixed_investment", "patents_granted"])
  const [model, setModel] = useState<PanelModel>("fe")
  const [effects, setEffects] = useState<PanelEffects>("twoways")
  const fit = useModelRun()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (xs.length === 0) return fit.fail(t.needRegressor)
    void fit.run(async () => {
      const { geojson } = await loadUnitDataset(api, mapCode, [y, ...xs], { from, to })
      const { data } = await api.analysePanel({
        body: { geojson, unit: "unit", period: "period", formula: `${y} ~ ${xs.join(" + ")}`, model, effects, weights: { contiguity: "queen" } },
      })
      return data
    })
  }
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.panelTitle}</h2>
      <form onSubmit={submit} className="card" noValidate>
        <p className="muted">{t.unitDataNote}</p>
        <div className="form-head">
          <MapLevelSelect id={`${id}-level`} value={mapCode} onChange={setMapCode} province={province.data} />
          <fieldset className="inline">
            <legend>{t.periodRange}</legend>
            <PeriodPicker value={from} onChange={setFrom} label={t.periodFrom} />
            <PeriodPicker value={to} onChange={setTo} label={t.periodTo} />
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-model`}>{t.model}</label>
            <select id={`${id}-model`} value={model} onChange={(e) => setModel(e.target.value as PanelModel)} aria-describedby={`${id}-model-help`}>
              {PANEL_MODELS.map((m) => (
                <option key={m} value={m}>
                  {t.panelModel[m].name}
                </option>
              ))}
            </select>
            <small id={`${id}-model-help`}>{t.panelModel[model].help}</small>
          </div>
          <div className="field">
            <label htmlFor={`${id}-effects`}>{t.effects}</label>
            <select id={`${id}-effects`} value={effects} onChange={(e) => setEffects(e.target.value as PanelEffects)}>
              {PANEL_EFFECTS.map((m) => (
                <option key={m} value={m}>
                  {t.panelEffects[m]}
                </option>
              ))}
            </select>
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
      {fit.doc ? <ModelDocument doc={fit.doc} /> : null}
    </section>
  )
}
