import type { Ref } from "react"
import { useI18n } from "../i18n/I18n.js"
import { changeText, formatValue } from "./numberFormat.js"
import type { FormIndicator } from "./schemeIndicators.js"
import type { FieldCheck } from "./validate.js"

/** Props of {@link IndicatorRow}. */
export interface IndicatorRowProps {
  readonly item: FormIndicator
  /** The input's id; its help and error take it as prefix. */
  readonly inputId: string
  readonly text: string
  readonly check: FieldCheck
  /** The message to show at the field (the API's issues, else the form's own); null when none. */
  readonly error: string | null
  readonly previous: number | undefined
  readonly confirmed: boolean
  readonly inputRef: Ref<HTMLInputElement>
  readonly onText: (text: string) => void
  readonly onBlur: () => void
  readonly onConfirm: (yes: boolean) => void
}

/**
 * One indicator of the form: its name, the value typed, unit, last period's value, the change, help, the message
 * at the field, and the confirmation an unusual change needs.
 */
export function IndicatorRow({ item, inputId, text, check, error, previous, confirmed, inputRef, onText, onBlur, onConfirm }: IndicatorRowProps) {
  const { t, lang, pick } = useI18n()
  const unit = lang === "zh" ? item.def.unit : item.def.unitEn
  return (
    <div className={`indicator-row${error ? " has-error" : ""}${check.unusual !== null ? " unusual" : ""}`}>
      <label htmlFor={inputId} className="indicator-name">
        {pick(item.def)}
        {item.required ? (
          <span className="req" aria-hidden="true">
            {" "}
            *
          </span>
        ) : (
          <small className="muted"> ({t.optionalItem})</small>
        )}
      </label>
      <input
        id={inputId}
        ref={inputRef}
        name={item.code}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => onText(e.target.value)}
        onBlur={onBlur}
        aria-required={item.required}
        aria-invalid={error !== null}
        aria-describedby={`${inputId}-help ${inputId}-err`}
      />
      <span className="unit">{unit || "—"}</span>
      <span className="prev">
        <span className="only-narrow">{t.previous}: </span>
        {previous === undefined ? <span className="muted">{t.noPrevious}</span> : formatValue(previous)}
      </span>
      <span className="change">
        <span className="only-narrow">{t.change}: </span>
        {changeText(check.value, previous)}
      </span>
      <small id={`${inputId}-help`} className="help">
        {item.def.direction === "positive" ? t.positive : t.negative}
        {item.points !== null ? ` · ${t.points(item.points)}` : ""}
        {item.def.description ? ` · ${item.def.description}` : ""}
      </small>
      <span id={`${inputId}-err`} className="error" aria-live="polite">
        {error}
      </span>
      {check.unusual !== null ? (
        <div className="confirm">
          <p className="warn">{t.bigChange(check.unusual >= 1 ? check.unusual.toFixed(1) : check.unusual.toFixed(3))}</p>
          <label>
            <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} /> {t.confirmValue}
          </label>
        </div>
      ) : null}
    </div>
  )
}
