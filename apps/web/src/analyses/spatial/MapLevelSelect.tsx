import type { LoadedMap } from "../../charts/henanMap.js"
import { hasMap } from "../../charts/henanMap.js"
import { useI18n } from "../../i18n/I18n.js"

/** The map level: Henan's prefecture cities, or the counties of one city (from the province map's cities). */
export function MapLevelSelect({
  id,
  value,
  onChange,
  province,
}: {
  readonly id: string
  readonly value: string
  readonly onChange: (code: string) => void
  /** The province map, whose cities can be opened. */
  readonly province: LoadedMap | null
}) {
  const { t } = useI18n()
  return (
    <div className="field">
      <label htmlFor={id}>{t.mapLevel}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="410000">{t.mapCities}</option>
        {province
          ? province.codes.filter(hasMap).map((c) => (
              <option key={c} value={c}>
                {t.mapCounties(province.names.get(c) ?? c)}
              </option>
            ))
          : null}
      </select>
    </div>
  )
}
