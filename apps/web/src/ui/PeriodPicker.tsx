import { useId, useState } from "react"
import { validPeriod } from "../form/validate.js"
import { useI18n } from "../i18n/I18n.js"

/** A period field that reports a well-formed period on change (the API's Period schema decides). */
export function PeriodPicker({
  value,
  onChange,
  label,
}: {
  readonly value: string
  readonly onChange: (p: string) => void
  /** The field's own name where a page has two (default "period"). */
  readonly label?: string
}) {
  const { t } = useI18n()
  const id = useId()
  const [text, setText] = useState(value)
  const ok = validPeriod(text)
  return (
    <div className="field inline">
      <label htmlFor={id}>{label ?? t.period}</label>
      <input
        id={id}
        value={text}
        size={8}
        aria-invalid={!ok}
        aria-describedby={`${id}-err`}
        onChange={(e) => {
          const v = e.target.value.trim()
          setText(v)
          if (validPeriod(v)) onChange(v)
        }}
      />
      <span id={`${id}-err`} className="error" aria-live="polite">
        {ok ? "" : t.errPeriod}
      </span>
    </div>
  )
}
