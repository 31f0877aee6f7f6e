import { useId } from "react"
import type { ClusterWire } from "../api/wire.js"
import type { Lang } from "../i18n/dictionary.js"
import { useI18n } from "../i18n/I18n.js"

/** A zone's name in the interface's language, or its id when the list does not hold it. */
export const zoneNameIn = (zones: ReadonlyArray<ClusterWire> | null | undefined, lang: Lang) => (zid: string) => {
  const z = zones?.find((c) => c.id === zid)
  return z ? (lang === "en" && z.name_en ? z.name_en : z.name) : zid
}

/** The zone field of the project pages' filters: the zones the caller may choose, "" for all of them. */
export function ZoneFilter({
  zones,
  value,
  onChange,
  emptyLabel,
}: {
  readonly zones: ReadonlyArray<ClusterWire> | null | undefined
  readonly value: string
  readonly onChange: (zone: string) => void
  readonly emptyLabel: string
}) {
  const { t, lang } = useI18n()
  const id = useId()
  const name = zoneNameIn(zones, lang)
  return (
    <div className="field inline">
      <label htmlFor={id}>{t.projectZone}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {(zones ?? []).map((z) => (
          <option key={z.id} value={z.id}>
            {name(z.id)}
          </option>
        ))}
      </select>
    </div>
  )
}
