import { findIndicator } from "@jiju/domain/model"
import { useI18n } from "../i18n/I18n.js"

/** A fieldset of indicator check boxes. */
export function IndicatorChecks({
  legend,
  choices,
  chosen,
  onChange,
}: {
  readonly legend: string
  readonly choices: ReadonlyArray<string>
  readonly chosen: ReadonlyArray<string>
  readonly onChange: (next: ReadonlyArray<string>) => void
}) {
  const { pick } = useI18n()
  const toggle = (code: string) => onChange(chosen.includes(code) ? chosen.filter((x) => x !== code) : [...chosen, code])
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checks">
        {choices.map((c) => {
          const d = findIndicator(c)
          return (
            <label key={c}>
              <input type="checkbox" checked={chosen.includes(c)} onChange={() => toggle(c)} /> {d ? pick(d) : c}
            </label>
          )
        })}
      </div>
    </fieldset>
  )
}
