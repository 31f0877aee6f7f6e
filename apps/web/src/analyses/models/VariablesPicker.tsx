import { findIndicator } from "@jiju/domain/model"
import { useI18n } from "../../i18n/I18n.js"
import { IndicatorChecks } from "../IndicatorChecks.js"
import { ANALYSIS_INDICATORS } from "../indicatorChoices.js"

/** A model's variables: the dependent indicator and the regressors (never the dependent one). */
export function VariablesPicker({
  id,
  y,
  xs,
  onY,
  onXs,
}: {
  readonly id: string
  readonly y: string
  readonly xs: ReadonlyArray<string>
  readonly onY: (y: string) => void
  readonly onXs: (xs: ReadonlyArray<string>) => void
}) {
  const { t, pick } = useI18n()
  const name = (code: string) => {
    const d = findIndicator(code)
    return d ? pick(d) : code
  }
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-y`}>{t.dependent}</label>
        <select
          id={`${id}-y`}
          value={y}
          onChange={(e) => {
            onY(e.target.value)
            onXs(xs.filter((x) => x !== e.target.value))
          }}
        >
          {ANALYSIS_INDICATORS.map((c) => (
            <option key={c} value={c}>
              {name(c)}
            </option>
          ))}
        </select>
      </div>
      <IndicatorChecks legend={t.regressors} choices={ANALYSIS_INDICATORS.filter((c) => c !== y)} chosen={xs} onChange={onXs} />
    </>
  )
}
