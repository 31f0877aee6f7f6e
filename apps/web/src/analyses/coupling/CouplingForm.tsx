import { type FormEvent, useId, useState } from "react"
import { useI18n } from "../../i18n/I18n.js"
import { PeriodPicker } from "../../ui/PeriodPicker.js"
import { IndicatorChecks } from "../IndicatorChecks.js"
import { ANALYSIS_INDICATORS } from "../indicatorChoices.js"
import { type CouplingChoice, defaultCouplingChoice } from "./couplingChoice.js"

/** The coupling analysis's choices: period, the two subsystems' indicators, weighting, normalisation and α. */
export function CouplingForm({
  onRun,
  progress,
  error,
}: {
  readonly onRun: (c: CouplingChoice) => void
  readonly progress: number | null
  readonly error: string | null
}) {
  const { t } = useI18n()
  const id = useId()
  const [c, setC] = useState<CouplingChoice>(defaultCouplingChoice)
  const set = (part: Partial<CouplingChoice>) => setC((old) => ({ ...old, ...part }))
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onRun(c)
  }
  return (
    <form onSubmit={submit} className="card" noValidate>
      <PeriodPicker value={c.period} onChange={(period) => set({ period })} />
      <IndicatorChecks legend={`${t.subsystemA}: ${t.subsystemAName}`} choices={ANALYSIS_INDICATORS} chosen={c.a} onChange={(a) => set({ a })} />
      <IndicatorChecks legend={`${t.subsystemB}: ${t.subsystemBName}`} choices={ANALYSIS_INDICATORS} chosen={c.b} onChange={(b) => set({ b })} />
      <div className="form-head">
        <div className="field">
          <label htmlFor={`${id}-w`}>{t.weighting}</label>
          <select id={`${id}-w`} value={c.weighting} onChange={(e) => set({ weighting: e.target.value as CouplingChoice["weighting"] })}>
            <option value="entropy">{t.entropy}</option>
            <option value="equal">{t.equal}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-n`}>{t.normalise}</label>
          <select id={`${id}-n`} value={c.normalise} onChange={(e) => set({ normalise: e.target.value as CouplingChoice["normalise"] })}>
            <option value="minmax">{t.minmax}</option>
            <option value="shifted">{t.shifted}</option>
          </select>
        </div>
      </div>
      <fieldset>
        <legend>{t.alphaLegend}</legend>
        <div className="form-head">
          {([0, 1] as const).map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`${id}-alpha${k}`}>{`α${k + 1} ${k === 0 ? t.subsystemAName : t.subsystemBName}`}</label>
              <input
                id={`${id}-alpha${k}`}
                inputMode="decimal"
                size={6}
                value={c.alpha[k]}
                onChange={(e) => set({ alpha: k === 0 ? [e.target.value, c.alpha[1]] : [c.alpha[0], e.target.value] })}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={progress !== null}>
        {t.run}
      </button>
      <div role="status" aria-live="polite">
        {progress !== null ? (
          <>
            <label htmlFor={`${id}-p`}>{t.running(progress)}</label> <progress id={`${id}-p`} max={100} value={progress} />
          </>
        ) : null}
      </div>
      <p className="error" role="alert" aria-live="assertive">
        {error}
      </p>
    </form>
  )
}
