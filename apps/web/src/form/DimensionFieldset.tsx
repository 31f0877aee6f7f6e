import type { ReactNode } from "react"
import { useI18n } from "../i18n/I18n.js"

/**
 * One dimension of the scheme as a fieldset: its name (with the veto items' help), the column heads for wide
 * screens, and its indicator rows.
 */
export function DimensionFieldset({
  group,
  children,
  disabled = false,
}: {
  readonly group: { readonly id: string; readonly zh: string; readonly en: string }
  readonly children: ReactNode
  readonly disabled?: boolean
}) {
  const { t, pick } = useI18n()
  return (
    <fieldset className="dimension" disabled={disabled} aria-busy={disabled}>
      <legend>
        {pick(group)}
        {group.id === "veto" ? <small> — {t.vetoHelp}</small> : null}
      </legend>
      <div className="indicator-head" aria-hidden="true">
        <span>{t.indicator}</span>
        <span>{t.value}</span>
        <span>{t.unit}</span>
        <span>{t.previous}</span>
        <span>{t.change}</span>
      </div>
      {children}
    </fieldset>
  )
}
